// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the one-byte opcode map, for 64-bit and 32-bit code.
 *
 * Written from the opcode tables in the Intel SDM volume 2 appendix A and
 * the AMD APM volume 3 appendix A.  See dinsn_tables.h for the encoding.
 */
#include "dinsn_tables.h"

/* Shorthands: operands and immediates; every mandatory prefix allowed. */
#define O(imm, fl)	((u32)(imm) | (fl) | PP(PALL))
#define N		O(IMM_NONE, 0)
#define M		O(IMM_NONE, A_MODRM)
#define MB		O(IMM_B, A_MODRM)
#define MZ		O(IMM_Z, A_MODRM)
#define X		A_INV

/* add/or/adc/sbb/and/sub/xor: r/m,r (lockable)  r,r/m  al,ib  eax,iz */
#define ALU_RM		(M | A_LOCK)
#define ALU_IB		O(IMM_B, 0)
#define ALU_IZ		O(IMM_Z, 0)

/*
 * Entries that differ between the modes: I64(v) is undefined in 64-bit
 * mode and v in 32-bit mode (IS64 is set around each expansion).
 */
#define I64(v)	(IS64 ? X : (v))
#define ONEBYTE(m64)							\
{									\
	[0x00 ... 0x01] = ALU_RM, [0x02 ... 0x03] = M,		\
	[0x04] = ALU_IB, [0x05] = ALU_IZ,				\
	[0x08 ... 0x09] = ALU_RM, [0x0a ... 0x0b] = M,		\
	[0x0c] = ALU_IB, [0x0d] = ALU_IZ,				\
	[0x10 ... 0x11] = ALU_RM, [0x12 ... 0x13] = M,		\
	[0x14] = ALU_IB, [0x15] = ALU_IZ,				\
	[0x18 ... 0x19] = ALU_RM, [0x1a ... 0x1b] = M,		\
	[0x1c] = ALU_IB, [0x1d] = ALU_IZ,				\
	[0x20 ... 0x21] = ALU_RM, [0x22 ... 0x23] = M,		\
	[0x24] = ALU_IB, [0x25] = ALU_IZ,				\
	[0x28 ... 0x29] = ALU_RM, [0x2a ... 0x2b] = M,		\
	[0x2c] = ALU_IB, [0x2d] = ALU_IZ,				\
	[0x30 ... 0x31] = ALU_RM, [0x32 ... 0x33] = M,		\
	[0x34] = ALU_IB, [0x35] = ALU_IZ,				\
	[0x38 ... 0x39] = M, [0x3a ... 0x3b] = M,		\
	[0x3c] = ALU_IB, [0x3d] = ALU_IZ,				\
	[0x06] = I64(N | CL(CL_PUSH)),					\
	[0x07] = I64(N | CL(CL_POP_SEG)),				\
	[0x0e] = I64(N | CL(CL_PUSH)),					\
	[0x0f] = N | A_ESC,						\
	[0x16] = I64(N | CL(CL_PUSH)),					\
	[0x17] = I64(N | CL(CL_POP_SS)),				\
	[0x1e] = I64(N | CL(CL_PUSH)),					\
	[0x1f] = I64(N | CL(CL_POP_SEG)),				\
	[0x26] = PK(PK_SEG), [0x2e] = PK(PK_SEG),			\
	[0x36] = PK(PK_SEG), [0x3e] = PK(PK_SEG),			\
	[0x27] = I64(N), [0x2f] = I64(N), [0x37] = I64(N), [0x3f] = I64(N), \
	[0x40 ... 0x4f] = (m64) ? PK(PK_REX) : N,			\
	[0x50 ... 0x57] = N | CL(CL_PUSH) | A_DEF64,			\
	[0x58 ... 0x5f] = N | CL(CL_POP) | A_DEF64,			\
	[0x60] = I64(N | CL(CL_PUSHA)),					\
	[0x61] = I64(N | CL(CL_PUSHA)),					\
	/* 62: EVEX; in 32-bit code BOUND unless the next byte has mod 3 */ \
	[0x62] = M | A_NOMOD3 | A_ESC,					\
	[0x63] = M,							\
	[0x64] = PK(PK_SEG), [0x65] = PK(PK_SEG),			\
	[0x66] = PK(PK_OPSIZE), [0x67] = PK(PK_ADSIZE),			\
	[0x68] = O(IMM_Z, 0) | CL(CL_PUSH) | A_DEF64,			\
	[0x69] = MZ,							\
	[0x6a] = O(IMM_B, 0) | CL(CL_PUSH) | A_DEF64,			\
	[0x6b] = MB,							\
	[0x6c ... 0x6f] = N | CL(CL_IOSTR),				\
	[0x70 ... 0x7f] = O(IMM_REL8, 0) | CL(CL_JCC),			\
	[0x80] = MB | A_LOCK, [0x81] = MZ | A_LOCK,			\
	[0x82] = I64(MB | A_LOCK), [0x83] = MB | A_LOCK,		\
	[0x84 ... 0x85] = M,						\
	[0x86 ... 0x87] = M | A_LOCK,					\
	[0x88 ... 0x8b] = M,						\
	[0x8c] = M | SP(SP_MOVSEG),					\
	[0x8d] = M | A_NOMOD3,						\
	[0x8e] = M | SP(SP_MOVSEG) | VAR(1),				\
	/* 8F: pop r/m, or XOP when the next byte selects map 8 or more */ \
	[0x8f] = M | SP(SP_GRP1A) | A_ESC | A_DEF64,			\
	[0x90] = N | SP(SP_XCHG90),					\
	[0x91 ... 0x97] = N,						\
	[0x98 ... 0x99] = N,						\
	[0x9a] = I64(O(IMM_FAR, 0) | CL(CL_CALL_FAR_IMM)),		\
	[0x9b] = N,							\
	[0x9c] = N | CL(CL_PUSHF) | A_DEF64,				\
	[0x9d] = N | CL(CL_POPF) | A_DEF64,				\
	[0x9e ... 0x9f] = N,						\
	[0xa0 ... 0xa3] = O(IMM_MOFFS, 0),				\
	[0xa4 ... 0xa7] = N | CL(CL_STRING),				\
	[0xa8] = O(IMM_B, 0), [0xa9] = O(IMM_Z, 0),			\
	[0xaa ... 0xaf] = N | CL(CL_STRING),				\
	[0xb0 ... 0xb7] = O(IMM_B, 0),					\
	[0xb8 ... 0xbf] = O(IMM_V, 0),					\
	[0xc0 ... 0xc1] = MB,						\
	[0xc2] = O(IMM_W, 0) | CL(CL_RET) | A_DEF64,			\
	[0xc3] = N | CL(CL_RET) | A_DEF64,				\
	/* C4/C5: VEX; in 32-bit code LES/LDS unless mod is 3 */	\
	[0xc4 ... 0xc5] = M | A_NOMOD3 | A_ESC | CL(CL_LOAD_FARPTR),	\
	[0xc6] = MB | SP(SP_GRP11),					\
	[0xc7] = MZ | SP(SP_GRP11) | VAR(1),				\
	[0xc8] = O(IMM_ENTER, 0) | CL(CL_ENTER) | A_DEF64,		\
	[0xc9] = N | CL(CL_LEAVE) | A_DEF64,				\
	[0xca] = O(IMM_W, 0) | CL(CL_RET_FAR),				\
	[0xcb] = N | CL(CL_RET_FAR),					\
	[0xcc] = N | CL(CL_INT3),					\
	[0xcd] = O(IMM_B, 0) | CL(CL_INT),				\
	[0xce] = I64(N | CL(CL_INT)),					\
	[0xcf] = N | CL(CL_IRET),					\
	[0xd0 ... 0xd3] = M,						\
	[0xd4] = I64(O(IMM_B, 0)),					\
	/* D5: AAD in 32-bit code, APX's REX2 prefix in 64-bit code */	\
	[0xd5] = IS64 ? A_ESC : O(IMM_B, 0),				\
	[0xd6] = I64(N),						\
	[0xd7] = N,							\
	[0xd8 ... 0xdf] = M | SP(SP_X87),				\
	[0xe0 ... 0xe3] = O(IMM_REL8, 0) | CL(CL_LOOP) | A_DEF64,	\
	[0xe4 ... 0xe7] = O(IMM_B, 0) | CL(CL_IO),			\
	[0xe8] = O(IMM_RELZ, 0) | CL(CL_CALL) | A_DEF64,		\
	[0xe9] = O(IMM_RELZ, 0) | CL(CL_JMP) | A_DEF64,			\
	[0xea] = I64(O(IMM_FAR, 0) | CL(CL_JMP_FAR_IMM)),		\
	[0xeb] = O(IMM_REL8, 0) | CL(CL_JMP) | A_DEF64,			\
	[0xec ... 0xef] = N | CL(CL_IO),				\
	[0xf0] = PK(PK_LOCK),						\
	[0xf1] = N | CL(CL_INT),					\
	[0xf2] = PK(PK_REPNE), [0xf3] = PK(PK_REP),			\
	[0xf4] = N | CL(CL_HLT),					\
	[0xf5] = N,							\
	[0xf6] = MB | SP(SP_GRP3) | A_LOCK,				\
	[0xf7] = MZ | SP(SP_GRP3) | A_LOCK,				\
	[0xf8 ... 0xf9] = N,						\
	[0xfa] = N | CL(CL_CLI),					\
	[0xfb] = N | CL(CL_STI),					\
	[0xfc ... 0xfd] = N,						\
	[0xfe] = M | SP(SP_GRP4) | A_LOCK,				\
	[0xff] = M | SP(SP_GRP5) | A_LOCK,				\
}

const u32 dinsn_onebyte[2][256] = {
#define IS64	1
	[DINSN_MODE_64] = ONEBYTE(1),
#undef IS64
#define IS64	0
	[DINSN_MODE_32] = ONEBYTE(0),
#undef IS64
};
