/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dinsn: a table-driven x86-64 instruction decoder for the dprobes engine.
 *
 * The same source builds in the kernel and in userspace (host tests,
 * benchmarks).  The decoder allocates nothing, has no mutable state outside
 * the caller's struct dinsn and never reads past the length it is given.
 * See Documentation/trace/dprobes-decoder.rst.
 */
#ifndef _ASM_X86_DINSN_H
#define _ASM_X86_DINSN_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
/* userspace (host tests, tools): the kernel's type names */
#include <stdbool.h>
#include <stddef.h>
#ifndef DINSN_HAVE_KTYPES
#define DINSN_HAVE_KTYPES
typedef __UINT8_TYPE__ u8;
typedef __UINT16_TYPE__ u16;
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
typedef __INT8_TYPE__ s8;
typedef __INT16_TYPE__ s16;
typedef __INT32_TYPE__ s32;
typedef __INT64_TYPE__ s64;
#endif
#endif

/* The architectural limit on the length of one instruction. */
#define DINSN_MAX_LEN 15

/*
 * The Xen/KVM emulate prefix (ud2; .ascii "xen" or "kvm") is decoded as one
 * unit with the instruction after it, so a unit can be 5 bytes longer than
 * an instruction: dinsn_decode() may report up to DINSN_UNIT_MAX_LEN.
 */
#define DINSN_EMUL_PREFIX_LEN	5
#define DINSN_UNIT_MAX_LEN	(DINSN_MAX_LEN + DINSN_EMUL_PREFIX_LEN)

/* Return values of dinsn_decode() besides 0. */
#define DINSN_ERR_INVALID	(-1)	/* not a valid instruction */
#define DINSN_ERR_TRUNCATED	(-2)	/* valid so far, but needs more bytes */

enum dinsn_mode {
	DINSN_MODE_64 = 0,	/* long mode, 64-bit code segment */
	DINSN_MODE_32 = 1,	/* 32-bit code (compatibility or protected) */
};

/* Opcode map of the final opcode byte. */
enum dinsn_map {
	DINSN_MAP_1B = 0,	/* one-byte map */
	DINSN_MAP_0F,		/* 0F xx (also VEX/EVEX map 1) */
	DINSN_MAP_0F38,		/* 0F 38 xx (also VEX/EVEX map 2) */
	DINSN_MAP_0F3A,		/* 0F 3A xx (also VEX/EVEX map 3) */
	DINSN_MAP_3DNOW,	/* 0F 0F modrm ... suffix: opcode is the suffix */
	DINSN_MAP_EVEX5,	/* EVEX map 5 (AVX512-FP16) */
	DINSN_MAP_EVEX6,	/* EVEX map 6 (AVX512-FP16) */
	DINSN_MAP_VEX7,		/* VEX map 7 (user-mode MSR immediate forms) */
	DINSN_MAP_XOP8,		/* AMD XOP map 8 */
	DINSN_MAP_XOP9,		/* AMD XOP map 9 */
	DINSN_MAP_XOPA,		/* AMD XOP map 10 */
	DINSN_MAP_EVEX4,	/* EVEX map 4 (APX: promoted legacy instructions) */
};

/* Which multi-byte prefix (if any) introduced the opcode. */
enum dinsn_vex_kind {
	DINSN_VEX_NONE = 0,
	DINSN_VEX2,		/* C5 + 1 payload byte */
	DINSN_VEX3,		/* C4 + 2 payload bytes */
	DINSN_EVEX,		/* 62 + 3 payload bytes */
	DINSN_XOP,		/* 8F + 2 payload bytes */
	DINSN_REX2,		/* D5 + 1 payload byte (APX, 64-bit mode) */
};

/* Legacy prefixes seen (struct dinsn::prefixes). */
#define DINSN_P_LOCK	0x01	/* F0 */
#define DINSN_P_REPNE	0x02	/* F2 */
#define DINSN_P_REP	0x04	/* F3 */
#define DINSN_P_OPSIZE	0x08	/* 66 */
#define DINSN_P_ADSIZE	0x10	/* 67 */
#define DINSN_P_SEG	0x20	/* any segment override (last one in ->seg) */

/* Control-flow class (struct dinsn::branch). */
enum dinsn_branch {
	DINSN_BR_NONE = 0,
	DINSN_BR_JMP,		/* jmp rel8/rel32: target known */
	DINSN_BR_JCC,		/* jcc rel8/rel32: target known */
	DINSN_BR_CALL,		/* call rel32: target known */
	DINSN_BR_LOOP,		/* loop/loope/loopne/jrcxz rel8: target known */
	DINSN_BR_XBEGIN,	/* xbegin rel: abort target known */
	DINSN_BR_JMP_IND,	/* jmp r/m */
	DINSN_BR_CALL_IND,	/* call r/m */
	DINSN_BR_JMP_FAR,	/* ljmp */
	DINSN_BR_CALL_FAR,	/* lcall */
	DINSN_BR_RET,		/* ret, ret imm16 */
	DINSN_BR_RET_FAR,	/* lret */
	DINSN_BR_IRET,		/* iret/iretq */
	DINSN_BR_SYSRET,	/* sysret, sysexit, erets, eretu, uiret, rsm */
	DINSN_BR_SYSCALL,	/* syscall, sysenter */
	DINSN_BR_INT3,		/* int3 (CC) */
	DINSN_BR_INT,		/* int n, into, int1 */
	DINSN_BR_UD,		/* ud0, ud1, ud2 */
	DINSN_BR_HLT,		/* hlt */
	DINSN_BR_JMP_ABS,	/* jmpabs imm64 (APX): target in imm */
};

/* Properties a probe engine cares about (struct dinsn::flags). */
#define DINSN_F_RIPREL		0x00000001 /* memory operand is [rip + disp32] */
#define DINSN_F_IF		0x00000002 /* may change EFLAGS.IF */
#define DINSN_F_TF		0x00000004 /* may change EFLAGS.TF */
#define DINSN_F_PUSHF		0x00000008 /* pushes EFLAGS */
#define DINSN_F_POPF		0x00000010 /* loads EFLAGS from the stack */
#define DINSN_F_STACK		0x00000020 /* uses the stack pointer implicitly */
#define DINSN_F_SERIAL		0x00000040 /* architecturally serialising */
#define DINSN_F_PRIV		0x00000080 /* faults outside CPL 0 */
#define DINSN_F_IOPL		0x00000100 /* subject to IOPL (cli, sti, in, out) */
#define DINSN_F_NOP		0x00000200 /* a NOP form (90, 0F 1F /0, ...) */
#define DINSN_F_ENDBR		0x00000400 /* endbr64 / endbr32 */
#define DINSN_F_EMUL_PREFIX	0x00000800 /* starts with the Xen/KVM ud2 prefix */
#define DINSN_F_INTSHADOW	0x00001000 /* blocks interrupts for one insn */
#define DINSN_F_REL		0x00002000 /* has a relative branch displacement */
#define DINSN_F_SEGLOAD		0x00004000 /* loads a segment register */
#define DINSN_F_STRING		0x00008000 /* string instruction (movs, ...) */

/**
 * struct dinsn - one decoded instruction
 * @len: total length in bytes, including an emulate prefix: at most
 *	DINSN_MAX_LEN (15), but up to DINSN_UNIT_MAX_LEN (20) with
 *	DINSN_F_EMUL_PREFIX (5 prefix bytes and an instruction of up to 15)
 * @mode: enum dinsn_mode the bytes were decoded in
 * @nr_prefixes: bytes before REX/VEX/opcode: legacy prefixes (and the
 *	emulate prefix, when present)
 * @prefixes: DINSN_P_* bits of the legacy prefixes seen
 * @seg: last segment override byte, or 0
 * @pp: mandatory prefix in effect: 0, 0x66, 0xf3 or 0xf2 (VEX: from pp)
 * @rex: the REX byte that applies, or 0 (an ignored REX is not recorded;
 *	with REX2 it is 0 too: use dinsn_rm_gpr() for register numbers)
 * @rex_off: offset of that REX byte
 * @vex_kind: enum dinsn_vex_kind
 * @vex_off: offset of the C5/C4/62/8F/D5 byte
 * @vex: VEX/EVEX/XOP payload bytes as encoded; REX2: its payload in vex[0]
 * @map: enum dinsn_map of the opcode
 * @opcode: the last opcode byte (for 3DNow!, the suffix byte)
 * @opcode_off: offset of the first opcode byte (0F escape included); with
 *	VEX/EVEX/XOP/REX2 the offset of that prefix, which selects the map
 * @modrm: the ModRM byte
 * @modrm_off: offset of ModRM; 0 when there is none
 * @sib: the SIB byte
 * @sib_off: offset of SIB; 0 when there is none
 * @disp_off: offset of the displacement
 * @disp_len: displacement size: 0, 1, 2 or 4
 * @imm_off: offset of the immediate
 * @imm_len: immediate bytes in total (both parts for enter, far pointers)
 * @opsize: effective operand size: 2, 4 or 8
 * @addrsize: effective address size: 2, 4 or 8
 * @branch: enum dinsn_branch
 * @emul_len: DINSN_EMUL_PREFIX_LEN with DINSN_F_EMUL_PREFIX, else 0
 * @flags: DINSN_F_* bits
 * @disp: displacement, sign-extended
 * @imm2: second immediate: enter's nesting level, a far pointer's selector,
 *	extrq/insertq's second imm8
 * @imm: first immediate, sign-extended (relative branches: the displacement;
 *	jmpabs: the target)
 *
 * Offsets count from the first byte of the instruction; offsets of
 * fields that can never start at byte 0 use 0 for "absent".
 */
struct dinsn {
	u8 len;
	u8 mode;
	u8 nr_prefixes;
	u8 prefixes;
	u8 seg;
	u8 pp;
	u8 rex;
	u8 rex_off;
	u8 vex_kind;
	u8 vex_off;
	u8 vex[3];
	u8 map;
	u8 opcode;
	u8 opcode_off;
	u8 modrm;
	u8 modrm_off;
	u8 sib;
	u8 sib_off;
	u8 disp_off;
	u8 disp_len;
	u8 imm_off;
	u8 imm_len;
	u8 opsize;
	u8 addrsize;
	u8 branch;
	u8 emul_len;
	u32 flags;
	s32 disp;
	s32 imm2;
	s64 imm;
};

int dinsn_decode(struct dinsn *di, const u8 *buf, size_t len,
		 enum dinsn_mode mode);

/**
 * dinsn_rm_gpr() - general-purpose register named by ModRM.rm
 * @di: a successfully decoded instruction with a register-form ModRM
 *	(mod == 3)
 *
 * Applies REX.B, VEX/XOP.B, EVEX.B and APX's REX2.B3/B4 and EVEX.B4.
 *
 * Return: 0-15 for %rax..%r15; 16-31 for APX's extended registers
 * %r16..%r31, which pt_regs does not hold.
 */
static inline unsigned int dinsn_rm_gpr(const struct dinsn *di)
{
	unsigned int r = di->modrm & 7;

	switch (di->vex_kind) {
	case DINSN_VEX_NONE:
		return r | ((di->rex & 1) << 3);
	case DINSN_REX2:
		return r | ((di->vex[0] & 1) << 3) | (di->vex[0] & 0x10);
	case DINSN_VEX2:
		return r;
	case DINSN_EVEX:
		/* EVEX.B inverted; APX's B4 (P0 bit 3) not inverted */
		return r | ((~di->vex[0] >> 2) & 8) | ((di->vex[0] << 1) & 0x10);
	}
	return r | ((~di->vex[0] >> 2) & 8);	/* VEX3, XOP: inverted B */
}

/**
 * dinsn_has_rel_target() - does @di branch to a displacement it encodes?
 * @di: a successfully decoded instruction
 *
 * Return: true for jmp/jcc/call rel, loop/jrcxz and xbegin.
 */
static inline bool dinsn_has_rel_target(const struct dinsn *di)
{
	return di->flags & DINSN_F_REL;
}

/**
 * dinsn_branch_target() - target of a relative branch
 * @di: a successfully decoded instruction with DINSN_F_REL
 * @addr: address the instruction lives at
 *
 * Return: @addr + length + displacement (truncated as the CPU does for
 * 16-bit operand size in 32-bit mode); @addr + length when @di has no
 * relative target.
 */
static inline u64 dinsn_branch_target(const struct dinsn *di, u64 addr)
{
	u64 next = addr + di->len;

	if (!(di->flags & DINSN_F_REL))
		return next;
	if (di->mode == DINSN_MODE_32) {
		if (di->opsize == 2)
			return (u16)(next + di->imm);
		return (u32)(next + di->imm);
	}
	return next + di->imm;
}

/**
 * dinsn_riprel_target() - address a RIP-relative memory operand refers to
 * @di: a successfully decoded instruction with DINSN_F_RIPREL
 * @addr: address the instruction lives at
 *
 * Return: @addr + length + disp32.
 */
static inline u64 dinsn_riprel_target(const struct dinsn *di, u64 addr)
{
	return addr + di->len + (s64)di->disp;
}

#endif /* _ASM_X86_DINSN_H */
