// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: what each instruction class means for a probe engine, the sizes
 * of immediates and operands, the x87 holes and the 3DNow! suffixes.  The
 * other opcode groups are in tables_group.c.
 */
#include "dinsn_tables.h"

/*
 * Immediate sizes: fixed kinds directly, 0xff for the kinds that depend on
 * operand or address size.
 */
const u8 dinsn_imm_fixed[16] = {
	[IMM_NONE] = 0, [IMM_B] = 1, [IMM_W] = 2, [IMM_Z] = 0xff,
	[IMM_V] = 0xff, [IMM_REL8] = 1, [IMM_RELZ] = 0xff, [IMM_MOFFS] = 0xff,
	[IMM_ENTER] = 3, [IMM_FAR] = 0xff, [IMM_BB] = 2, [IMM_D] = 4,
	[IMM_Q] = 8,
};

/* Operand size by [mode][REX.W | 66 << 1 | default-64 << 2]. */
const u8 dinsn_opsize[2][8] = {
	[DINSN_MODE_64] = { 4, 8, 2, 8, 8, 8, 2, 8 },
	[DINSN_MODE_32] = { 4, 4, 2, 2, 4, 4, 2, 2 },
};

#define C(br, fl)	{ .branch = DINSN_BR_##br, .flags = (fl) }
#define F(x)		DINSN_F_##x

const struct dinsn_class dinsn_class_info[CL_NR] = {
	[CL_NONE]	= C(NONE, 0),
	[CL_JMP]	= C(JMP, F(REL)),
	[CL_JCC]	= C(JCC, F(REL)),
	[CL_CALL]	= C(CALL, F(REL) | F(STACK)),
	[CL_LOOP]	= C(LOOP, F(REL)),
	[CL_XBEGIN]	= C(XBEGIN, F(REL)),
	[CL_JMP_IND]	= C(JMP_IND, 0),
	[CL_CALL_IND]	= C(CALL_IND, F(STACK)),
	[CL_JMP_FAR]	= C(JMP_FAR, F(SEGLOAD)),
	[CL_CALL_FAR]	= C(CALL_FAR, F(STACK) | F(SEGLOAD)),
	[CL_JMP_FAR_IMM] = C(JMP_FAR, F(SEGLOAD)),
	[CL_CALL_FAR_IMM] = C(CALL_FAR, F(STACK) | F(SEGLOAD)),
	[CL_RET]	= C(RET, F(STACK)),
	[CL_RET_FAR]	= C(RET_FAR, F(STACK) | F(SEGLOAD)),
	[CL_IRET]	= C(IRET, F(STACK) | F(IF) | F(TF) | F(POPF) |
			    F(SERIAL) | F(SEGLOAD)),
	[CL_SYSRET]	= C(SYSRET, F(IF) | F(TF) | F(PRIV) | F(SEGLOAD)),
	[CL_SYSEXIT]	= C(SYSRET, F(PRIV) | F(SEGLOAD)),
	[CL_ERET]	= C(SYSRET, F(STACK) | F(IF) | F(TF) | F(POPF) |
			    F(PRIV) | F(SEGLOAD)),
	[CL_UIRET]	= C(SYSRET, F(STACK) | F(TF) | F(POPF)),
	[CL_RSM]	= C(SYSRET, F(IF) | F(TF) | F(SERIAL) | F(SEGLOAD)),
	[CL_SYSCALL]	= C(SYSCALL, F(IF) | F(TF) | F(SEGLOAD)),
	[CL_INT3]	= C(INT3, F(STACK) | F(IF) | F(TF)),
	[CL_INT]	= C(INT, F(STACK) | F(IF) | F(TF) | F(SEGLOAD)),
	[CL_UD]		= C(UD, 0),
	[CL_HLT]	= C(HLT, F(PRIV)),
	[CL_PUSH]	= C(NONE, F(STACK)),
	[CL_POP]	= C(NONE, F(STACK)),
	[CL_PUSHF]	= C(NONE, F(STACK) | F(PUSHF)),
	[CL_POPF]	= C(NONE, F(STACK) | F(POPF) | F(IF) | F(TF)),
	[CL_ENTER]	= C(NONE, F(STACK)),
	[CL_LEAVE]	= C(NONE, F(STACK)),
	[CL_PUSHA]	= C(NONE, F(STACK)),
	[CL_POP_SEG]	= C(NONE, F(STACK) | F(SEGLOAD)),
	[CL_POP_SS]	= C(NONE, F(STACK) | F(SEGLOAD) | F(INTSHADOW)),
	[CL_MOV_SEG]	= C(NONE, F(SEGLOAD)),
	[CL_MOV_SS]	= C(NONE, F(SEGLOAD) | F(INTSHADOW)),
	[CL_LOAD_FARPTR] = C(NONE, F(SEGLOAD)),
	[CL_CLI]	= C(NONE, F(IF) | F(IOPL)),
	[CL_STI]	= C(NONE, F(IF) | F(IOPL) | F(INTSHADOW)),
	[CL_IO]		= C(NONE, F(IOPL)),
	[CL_IOSTR]	= C(NONE, F(IOPL) | F(STRING)),
	[CL_STRING]	= C(NONE, F(STRING)),
	[CL_SERIAL]	= C(NONE, F(SERIAL)),
	[CL_PRIV]	= C(NONE, F(PRIV)),
	[CL_PRIV_SERIAL] = C(NONE, F(PRIV) | F(SERIAL)),
	[CL_NOP]	= C(NONE, F(NOP)),
	[CL_ENDBR]	= C(NONE, F(ENDBR)),
	[CL_LKGS]	= C(NONE, F(PRIV) | F(SEGLOAD)),
	[CL_SWAPGS]	= C(NONE, F(PRIV) | F(SEGLOAD)),
	[CL_ACFLAG]	= C(NONE, F(PRIV)),
	[CL_3DNOW]	= C(NONE, 0),	/* marks 0F 0F: suffix checked */
	[CL_JMP_ABS]	= C(JMP_ABS, 0),
};

/* x87: reserved memory forms (/reg bits), per opcode D8-DF. */
const u8 dinsn_x87_mem_invalid[8] = {
	[1] = 1u << 1,				/* D9 /1 */
	[3] = (1u << 4) | (1u << 6),		/* DB /4, DB /6 */
	[5] = 1u << 5,				/* DD /5 */
};

/* x87: undefined register forms, bit (modrm - C0) per opcode D8-DF. */
const u8 dinsn_x87_reg_invalid[8][8] = {
	[1] = { [2] = 0xfe, [4] = 0xcc, [5] = 0x80 },	/* D9 D1-D7 E2 E3 E6 E7 EF */
	[2] = { [4] = 0xff, [5] = 0xfd, [6] = 0xff, [7] = 0xff },
	[3] = { [4] = 0xe0, [7] = 0xff },		/* DB E5-E7 F8-FF */
	[5] = { [6] = 0xff, [7] = 0xff },		/* DD F0-FF */
	[6] = { [3] = 0xfd },				/* DE D8 DA-DF */
	[7] = { [4] = 0xfe, [7] = 0xff },		/* DF E1-E7 F8-FF */
};

/* 3DNow! suffix bytes (the opcode after 0F 0F modrm [sib] [disp]). */
const u8 dinsn_3dnow_valid[32] = {
	[0x08 >> 3] = 0x30,		/* 0c 0d */
	[0x18 >> 3] = 0x30,		/* 1c 1d */
	[0x88 >> 3] = 0x44,		/* 8a 8e */
	[0x90 >> 3] = 0xd1,		/* 90 94 96 97 */
	[0x98 >> 3] = 0x44,		/* 9a 9e */
	[0xa0 >> 3] = 0xd1,		/* a0 a4 a6 a7 */
	[0xa8 >> 3] = 0x44,		/* aa ae */
	[0xb0 >> 3] = 0xd1,		/* b0 b4 b6 b7 */
	[0xb8 >> 3] = 0x88,		/* bb bf */
};
