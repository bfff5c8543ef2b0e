/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dinsn internal: how the opcode tables are encoded.
 *
 * Every legacy opcode map is a flat array of 256 u32 attribute words, so
 * the decoder needs one load per opcode byte.  Layout of an attribute word:
 *
 *   bits  0-3   immediate kind (IMM_*)
 *   bit   4     has ModRM
 *   bit   5     undefined opcode
 *   bit   6     needs the slow path (special handler id in bits 8-12)
 *   bit   7     legacy/REX prefix byte (one-byte map only, kind in 8-12)
 *   bits  8-12  special handler id (SP_*) or prefix kind (PK_*)
 *   bit   13    memory operand required (mod != 3)
 *   bit   14    register operand required (mod == 3)
 *   bit   15    escape byte (0F, or a VEX/EVEX/XOP/REX2 candidate)
 *   bits 16-22  class id (CL_*), indexes dinsn_class_info[]
 *   bit   23    ModRM is always a register form (MOV CR/DR)
 *   bits 24-27  mandatory prefixes allowed: bit 0 none, 1 66, 2 F3, 3 F2
 *   bit   28    operand size defaults to 64 bits in 64-bit mode
 *   bit   29    accepts LOCK (with a memory operand)
 *   bits 30-31  variant of the special handler's group tables (VAR())
 */
#ifndef _DINSN_TABLES_H
#define _DINSN_TABLES_H

#ifdef __KERNEL__
#include <linux/build_bug.h>
#include <asm/dinsn.h>
#else
#include <assert.h>
#include "../../include/asm/dinsn.h"
#endif

enum dinsn_imm_kind {
	IMM_NONE = 0,
	IMM_B,		/* imm8 */
	IMM_W,		/* imm16 */
	IMM_Z,		/* imm16 or imm32 by operand size */
	IMM_V,		/* imm16, imm32 or imm64 by operand size (B8+r) */
	IMM_REL8,	/* rel8 */
	IMM_RELZ,	/* rel32 (rel16 with 66 in 32-bit mode) */
	IMM_MOFFS,	/* moffs: address-size offset */
	IMM_ENTER,	/* imm16 + imm8 */
	IMM_FAR,	/* ptr16:16 / ptr16:32 */
	IMM_BB,		/* imm8 + imm8 (extrq/insertq) */
	IMM_D,		/* imm32 regardless of operand size */
	IMM_Q,		/* imm64 regardless of operand size (jmpabs) */
};

#define A_IMM_MASK	0x0000000fu
#define A_MODRM		0x00000010u
#define A_INV		0x00000020u
#define A_SPECIAL	0x00000040u
#define A_PFX		0x00000080u
#define A_SP_SHIFT	8
#define A_SP_MASK	0x00001f00u
#define A_NOMOD3	0x00002000u
#define A_MOD3		0x00004000u
#define A_ESC		0x00008000u
#define A_CL_SHIFT	16
#define A_CL_MASK	0x007f0000u
#define A_FORCEREG	0x00800000u
#define A_PP_SHIFT	24
#define A_PP_MASK	0x0f000000u
#define A_DEF64		0x10000000u
#define A_LOCK		0x20000000u
#define A_VAR_SHIFT	30
#define A_VAR_MASK	0xc0000000u

/* Mandatory-prefix mask bits (also the VEX/EVEX pp validity nibbles). */
#define PNP	0x1
#define P66	0x2
#define PF3	0x4
#define PF2	0x8
#define PALL	0xf

/* Prefix kinds, in the special-id field of prefix bytes. */
enum dinsn_prefix_kind {
	PK_SEG = 1, PK_OPSIZE, PK_ADSIZE, PK_LOCK, PK_REP, PK_REPNE, PK_REX,
};

/*
 * Slow-path handlers, in the special-id field.  dinsn_special() decides
 * most of them from the group tables (tables_group.c); VAR(n) in an
 * attribute word selects the n-th table of its handler.
 */
enum dinsn_special {
	SP_NONE = 0,
	SP_GRP3,	/* F6/F7: imm only for /0 /1 */
	SP_GRP4,	/* FE: /0 /1 only */
	SP_GRP5,	/* FF: class by /reg */
	SP_GRP1A,	/* 8F: pop r/m, /0 only */
	SP_GRP11,	/* C6/C7 (VAR 1): mov, xabort, xbegin */
	SP_MOVSEG,	/* 8C/8E (VAR 1): segment register number */
	SP_0F00,	/* grp6, incl. LKGS */
	SP_0F01,	/* grp7 */
	SP_CRDR,	/* 0F 20-23 */
	SP_GRP12,	/* 0F 71 */
	SP_GRP13,	/* 0F 72 */
	SP_GRP14,	/* 0F 73 */
	SP_0F78,	/* vmread / extrq / insertq */
	SP_0F79,	/* vmwrite / extrq / insertq */
	SP_GRP15,	/* 0F AE */
	SP_GRP8,	/* 0F BA: /4-/7 */
	SP_GRP9,	/* 0F C7 */
	SP_0F1E,	/* endbr, rdssp */
	SP_0F38F8,	/* movdir64b, enqcmd(s), urdmsr, uwrmsr */
	SP_NOP,		/* 0F 1F: /0 is the canonical NOP */
	SP_XCHG90,	/* 90: nop, pause, xchg r8,rax */
	SP_0F38F6,	/* wrss / adcx / adox */
	SP_X87,		/* D8-DF: undefined ModRM forms */
	SP_PADLOCK,	/* 0F A6/A7 (VAR 1): VIA PadLock */
	SP_MEM66,	/* 0F 12/16: the 66 forms need memory */
	SP_0FD6,	/* movq / movq2dq / movdq2q */
	SP_0F38F0,	/* movbe (memory) / crc32 */
	SP_KLWIDE,	/* Key Locker 0F 38 D8, DC, DD-DF; hreset */
	SP_VEXGRP,	/* VEX/EVEX/XOP groups, VSIB, register-only forms */
	SP_EVEX4,	/* EVEX map 4 (APX): groups, forms, reserved P2 bits */
};

/* Classes: what an instruction does to control flow and machine state. */
enum dinsn_class_id {
	CL_NONE = 0,
	CL_JMP, CL_JCC, CL_CALL, CL_LOOP, CL_XBEGIN,
	CL_JMP_IND, CL_CALL_IND, CL_JMP_FAR, CL_CALL_FAR, CL_JMP_FAR_IMM,
	CL_CALL_FAR_IMM,
	CL_RET, CL_RET_FAR, CL_IRET, CL_SYSRET, CL_SYSEXIT, CL_ERET, CL_UIRET,
	CL_RSM,
	CL_SYSCALL, CL_INT3, CL_INT, CL_UD, CL_HLT,
	CL_PUSH, CL_POP, CL_PUSHF, CL_POPF, CL_ENTER, CL_LEAVE, CL_PUSHA,
	CL_POP_SEG, CL_POP_SS, CL_MOV_SEG, CL_MOV_SS, CL_LOAD_FARPTR,
	CL_CLI, CL_STI, CL_IO, CL_IOSTR, CL_STRING,
	CL_SERIAL, CL_PRIV, CL_PRIV_SERIAL, CL_NOP, CL_ENDBR,
	CL_LKGS, CL_SWAPGS, CL_ACFLAG, CL_3DNOW, CL_JMP_ABS,
	CL_NR
};

struct dinsn_class {
	u8 branch;	/* enum dinsn_branch */
	u32 flags;	/* DINSN_F_* */
};

extern const u32 dinsn_onebyte[2][256];
extern const u32 dinsn_map0f[256];
extern const u32 dinsn_map0f38[256];
extern const u32 dinsn_map0f3a[256];
extern const u32 dinsn_evex4[256];

/* Helpers for writing attribute words in the table files. */
#define PP(m)	((u32)(m) << A_PP_SHIFT)
#define CL(c)	((u32)(c) << A_CL_SHIFT)
#define SP(s)	(A_SPECIAL | ((u32)(s) << A_SP_SHIFT))
#define PK(k)	(A_PFX | ((u32)(k) << A_SP_SHIFT))
#define VAR(v)	((u32)(v) << A_VAR_SHIFT)
extern const struct dinsn_class dinsn_class_info[CL_NR];
extern const u8 dinsn_3dnow_valid[32];
extern const u8 dinsn_vex_valid[3][256];
extern const u16 dinsn_vex_mod[3][256];
extern const u8 dinsn_evex56_valid[2][256];
extern const u8 dinsn_xop_valid[3][32];
extern const u8 dinsn_x87_mem_invalid[8];
extern const u8 dinsn_x87_reg_invalid[8][8];

/*
 * Group tables (tables_group.c), read by dinsn_special().  A group is an
 * opcode whose forms depend on ModRM.reg, on mod == 3 and on the mandatory
 * prefix.  dinsn_grp_first[] gives the group of each SP_* handler (plus the
 * variant of the opcode's attribute word); VEX, EVEX and XOP opcodes find
 * theirs in dinsn_vex_grp[].  dinsn_grp_sel[group][prefix][mod == 3] picks
 * a row of dinsn_grp_row[], whose eight entries (one per ModRM.reg) say
 * (as do those of dinsn_grp_rm[] and dinsn_grp_exc[], without bits 22-27):
 *
 *   bits  0-5   class to give the instruction (CL_NONE: keep the opcode's)
 *   bit   6     the form is defined (an entry of 0 is #UD)
 *   bit   7     64-bit mode only
 *   bits  8-11  immediate kind, when bit 12 is set
 *   bit   12    replace the opcode's immediate kind
 *   bit   13    operand size 64 bits in 64-bit mode unless 66 (near branches)
 *   bit   14    ModRM.rm must be 0 (one register form: C0, C8, ...)
 *   bit   15    needs a memory operand with SIB (VSIB, tile loads)
 *   bits 16-19  VEX.W must be 0 / must be 1, VEX.L must be 0 / must be 1
 *   bits 20-21  registers that must all differ (G_CHK_*): checked in code
 *   bit   22    look up (group, prefix, ModRM) in dinsn_grp_exc[] first;
 *               the rest of the entry applies when it is not there
 *   bit   23    decided by ModRM.rm as well: the entry is
 *               dinsn_grp_rm[bits 24-27][ModRM.rm]
 *
 * Group 0 has every form defined and changes nothing.
 */
#define G_CL_MASK	0x0000003fu
#define G_OK		0x00000040u
#define G_64		0x00000080u
#define G_IMM_SHIFT	8
#define G_IMM_MASK	0x00000f00u
#define G_IMM		0x00001000u
#define G_OP64		0x00002000u
#define G_RM0		0x00004000u
#define G_SIB		0x00008000u
#define G_W0		0x00010000u
#define G_W1		0x00020000u
#define G_L0		0x00040000u
#define G_L1		0x00080000u
#define G_CHK_SHIFT	20
#define G_CHK_MASK	0x00300000u
#define G_EXC		0x00400000u
#define G_RM		0x00800000u
#define G_RMROW_SHIFT	24
#define G_RMROW_MASK	0x0f000000u

/* Conditions besides G_OK that an entry may impose. */
#define G_COND		(G_64 | G_RM0 | G_SIB | G_W0 | G_W1 | G_L0 | G_L1 | \
			 G_CHK_MASK)

/* Registers that must differ: AMX tiles, gathers, complex FP16 multiplies. */
enum dinsn_grp_check {
	G_CHK_TILES = 1, G_CHK_GATHER, G_CHK_FP16C,
};

/* Rows of dinsn_grp_sel[]: the mandatory prefix, in VEX.pp order. */
enum dinsn_pp_index {
	IX_NP = 0, IX_66, IX_F3, IX_F2,
};

/* dinsn_grp_exc[]: sorted by key, G_EXC_KEY(group, prefix, ModRM). */
#define G_EXC_KEY(g, pp, modrm)	(((u32)(g) << 16) | ((u32)(pp) << 8) | (modrm))

struct dinsn_grp_exc {
	u32 key;
	u32 e;
};

/* dinsn_vex_grp[]: sorted opcode ranges, map << 8 | opcode. */
struct dinsn_vex_grp {
	u16 first;
	u16 last;
	u8 vex;		/* group for VEX and XOP encodings */
	u8 evex;	/* group for EVEX encodings */
};

extern const u8 dinsn_grp_first[32];
extern const u8 dinsn_grp_sel[][4][2];
extern const u32 dinsn_grp_row[][8];
extern const u32 dinsn_grp_rm[][8];
/* Sizes of the sorted tables (tables_group.c checks them). */
#define DINSN_GRP_EXC_NR	21
#define DINSN_VEX_GRP_NR	33
extern const struct dinsn_grp_exc dinsn_grp_exc[];
extern const struct dinsn_vex_grp dinsn_vex_grp[];

/* Bit @b of a bitmap stored as bytes. */
static inline bool dinsn_bit(const u8 *map, unsigned int b)
{
	return map[b >> 3] & (1u << (b & 7));
}

/*
 * Error for "the instruction needs @need bytes but only @len exist"; 0 when
 * it fits.  Callers on a short read always have need > min(len, 15).
 */
static inline int dinsn_short(size_t need, size_t len)
{
	if (need > DINSN_MAX_LEN)
		return DINSN_ERR_INVALID;
	return need > len ? DINSN_ERR_TRUNCATED : 0;
}

/* Little-endian reads; the compiler turns them into plain loads. */
static inline u16 dinsn_rd16(const u8 *p)
{
	return p[0] | (p[1] << 8);
}

static inline u32 dinsn_rd32(const u8 *p)
{
	return p[0] | (p[1] << 8) | (p[2] << 16) | ((u32)p[3] << 24);
}

/* A sign-extended little-endian value of @n (1, 2, 4 or 8) bytes. */
static inline s64 dinsn_rd_signed(const u8 *p, unsigned int n)
{
	switch (n) {
	case 1:
		return (s8)p[0];
	case 2:
		return (s16)dinsn_rd16(p);
	case 4:
		return (s32)dinsn_rd32(p);
	}
	return (s64)((u64)dinsn_rd32(p) | ((u64)dinsn_rd32(p + 4) << 32));
}

/* Immediates that are one little-endian, sign-extended value. */
#define IMM_PLAIN	((1u << IMM_B) | (1u << IMM_W) | (1u << IMM_Z) | \
			 (1u << IMM_V) | (1u << IMM_REL8) | \
			 (1u << IMM_RELZ) | (1u << IMM_D) | (1u << IMM_Q))

/*
 * The REX-style W R X B bits (bits 3-0) of a REX or REX2 prefix, 0 when
 * there is neither.
 */
static inline unsigned int dinsn_rex_wrxb(const struct dinsn *di)
{
	if (di->vex_kind == DINSN_REX2)
		return di->vex[0] & 0x0f;
	return di->rex & 0x0f;
}

extern const u8 dinsn_imm_fixed[16];
extern const u8 dinsn_opsize[2][8];

int dinsn_decode_general(struct dinsn *di, const u8 *buf, size_t len,
			 enum dinsn_mode mode);
int dinsn_special(struct dinsn *di, u32 *attr);
int dinsn_vex(struct dinsn *di, const u8 *buf, const u8 **pp, size_t len,
	      u32 *attr, u8 *opp);
int dinsn_rex2(struct dinsn *di, const u8 *buf, const u8 **pp, size_t len,
	       u32 *attr, u8 *opp);
int dinsn_evex4_group(struct dinsn *di, u32 *attr);
bool dinsn_lock_ok(const struct dinsn *di, u32 attr);

#endif /* _DINSN_TABLES_H */
