// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the entry point and the fast path.
 *
 * Most compiled x86-64 code is an optional REX, a one-byte or 0F opcode,
 * ModRM/SIB/displacement and a plain immediate.  With 15 readable bytes
 * that needs no bounds checks and no calls, so it is decoded here; every
 * other case (and any short buffer, and 32-bit code) goes to the general
 * decoder in general.c, which starts over.  Both read nothing past
 * buf + len.
 */
#include "dinsn_tables.h"

#include <linux/compiler.h>
#include <linux/export.h>

/* Attribute bits that send an instruction to the general path. */
#define A_SLOW	(A_PFX | A_NOMOD3 | A_MOD3 | A_FORCEREG)

/* ModRM and SIB without bounds checks; returns the displacement size. */
static __always_inline unsigned int dinsn_fast_modrm(struct dinsn *di,
						     const u8 *buf,
						     const u8 **pp)
{
	const u8 *p = *pp;
	u8 modrm = *p, mod = modrm >> 6, rm = modrm & 7;
	unsigned int dl = 0;

	di->modrm = modrm;
	di->modrm_off = p - buf;
	p++;
	if (mod != 3) {
		if (rm == 4) {
			di->sib = *p;
			di->sib_off = p - buf;
			p++;
			if (mod == 0 && (di->sib & 7) == 5)
				dl = 4;
		}
		if (mod == 1) {
			dl = 1;
		} else if (mod == 2) {
			dl = 4;
		} else if (rm == 5) {
			dl = 4;
			di->flags = DINSN_F_RIPREL;
		}
	}
	*pp = p;
	return dl;
}

/*
 * The groups compilers use all the time (FF, C6/C7 /0, F6/F7, the NOPs).
 * Returns false for anything else, which the general path decodes.
 */
static __always_inline bool dinsn_fast_group(struct dinsn *di, u32 *ap,
					     unsigned int osz)
{
	unsigned int reg = (di->modrm >> 3) & 7;
	u32 a = *ap;

	switch ((a & A_SP_MASK) >> A_SP_SHIFT) {
	case SP_GRP5:
		if (reg == 2)
			a |= CL(CL_CALL_IND);
		else if (reg == 4)
			a |= CL(CL_JMP_IND);
		else if (reg == 6)
			a |= CL(CL_PUSH);
		else if (reg >= 2)
			return false;
		if (reg >= 2 && !osz)
			di->opsize = 8;	/* near branches, push: 64-bit */
		break;
	case SP_GRP11:
		if (reg)
			return false;
		break;
	case SP_GRP3:
		if (reg >= 2)
			a &= ~A_IMM_MASK;	/* only test has an immediate */
		break;
	case SP_NOP:
		if (!reg)
			a |= CL(CL_NOP);
		break;
	case SP_XCHG90:
		if (!(di->rex & 1))
			a |= CL(CL_NOP);
		break;
	default:
		return false;
	}
	*ap = a;
	return true;
}

/* Plain immediates without prefixes: imm8/rel8, or imm32/rel32. */
static __always_inline unsigned int dinsn_fast_imm(struct dinsn *di,
						   const u8 *p, unsigned int ik)
{
	switch (ik) {
	case IMM_B:
	case IMM_REL8:
		di->imm = (s8)*p;
		return 1;
	case IMM_Z:
	case IMM_RELZ:
	case IMM_D:
		di->imm = (s32)dinsn_rd32(p);
		return 4;
	}
	return 0;
}

/*
 * The fast path: 64-bit code, at least 15 readable bytes (so no bounds
 * checks), at most a REX prefix, one-byte or 0F map, no rare group.
 * Anything else goes to the general path, which decodes from scratch; the
 * fast path makes no calls other than that tail call, so it needs no
 * saved registers.  Tests check that both paths give identical results
 * (tools/testing/dinsn).
 */
static __always_inline int dinsn_decode_fast(struct dinsn *di, const u8 *buf,
					     size_t len)
{
	const u32 *onebyte = dinsn_onebyte[DINSN_MODE_64];
	const u8 *p = buf;
	unsigned int osz = 0, dl = 0, il, ik, cl;
	u8 op = *p;
	u32 a = onebyte[op];

	*di = (struct dinsn){ .addrsize = 8 };
	if ((op & 0xf0) == 0x40) {
		di->rex = op;
		osz = (op >> 3) & 1;
		op = *++p;
		a = onebyte[op];
	}
	di->opcode_off = p - buf;
	if (a & A_ESC) {
		if (op != 0x0f)
			goto general;
		op = *++p;
		a = dinsn_map0f[op];
		di->map = DINSN_MAP_0F;
		if (op == 0x38 || op == 0x3a)
			goto general;
	}
	if ((a & A_SLOW) || !(a & PP(PNP)))
		goto general;
	di->opcode = op;
	p++;
	di->opsize = dinsn_opsize[DINSN_MODE_64][osz | (a & A_DEF64 ? 4 : 0)];
	if (a & A_MODRM)
		dl = dinsn_fast_modrm(di, buf, &p);
	if ((a & A_SPECIAL) && !dinsn_fast_group(di, &a, osz))
		goto general;
	if (dl) {
		di->disp_off = p - buf;
		di->disp_len = dl;
		di->disp = dl == 1 ? (s8)*p : (s32)dinsn_rd32(p);
		p += dl;
	}
	ik = a & A_IMM_MASK;
	if (ik) {
		il = dinsn_fast_imm(di, p, ik);
		if (!il)
			goto general;	/* imm16, imm64, moffs, enter */
		di->imm_off = p - buf;
		di->imm_len = il;
		p += il;
	}
	di->len = p - buf;
	cl = (a & A_CL_MASK) >> A_CL_SHIFT;
	if (cl) {
		if (cl == CL_UD || cl == CL_3DNOW)
			goto general;
		di->branch = dinsn_class_info[cl].branch;
		di->flags |= dinsn_class_info[cl].flags;
	}
	return 0;
general:
	return dinsn_decode_general(di, buf, len, DINSN_MODE_64);
}

/**
 * dinsn_decode() - decode one x86 instruction
 * @di: filled in on success; contents unspecified on error
 * @buf: the instruction bytes
 * @len: number of readable bytes at @buf; nothing past them is read
 * @mode: DINSN_MODE_64 or DINSN_MODE_32
 *
 * The Xen/KVM emulate prefix (ud2 followed by "xen" or "kvm") is decoded
 * together with the instruction after it, as the hypervisor executes them.
 * Such a unit is longer than any instruction: @di->len is at most
 * DINSN_MAX_LEN (15) for an instruction, but up to DINSN_UNIT_MAX_LEN (20)
 * with DINSN_F_EMUL_PREFIX set, and @len must then allow for 20 bytes for
 * an inner instruction of 11 or more bytes to decode.  Callers that copy
 * or patch the bytes must size their buffers for DINSN_UNIT_MAX_LEN, or
 * refuse DINSN_F_EMUL_PREFIX units.
 *
 * Return: 0 on success; DINSN_ERR_TRUNCATED when the bytes are a valid
 * beginning but @len is too short; DINSN_ERR_INVALID when they are not an
 * instruction (undefined opcode, longer than 15 bytes, bad prefix use, a
 * reserved or #UD encoding the length is defined for).
 */
int dinsn_decode(struct dinsn *di, const u8 *buf, size_t len,
		 enum dinsn_mode mode)
{
	if (likely(mode == DINSN_MODE_64 && len >= DINSN_MAX_LEN))
		return dinsn_decode_fast(di, buf, len);
	if (mode != DINSN_MODE_64 && mode != DINSN_MODE_32)
		return DINSN_ERR_INVALID;
	return dinsn_decode_general(di, buf, len, mode);
}
EXPORT_SYMBOL_GPL(dinsn_decode);
