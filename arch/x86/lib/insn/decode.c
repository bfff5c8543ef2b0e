// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the decode loop.
 *
 * Prefixes, escape bytes, ModRM/SIB, displacement and immediate are read in
 * one pass.  Everything opcode-specific comes from the tables; the rare
 * opcodes whose shape depends on ModRM.reg or on a mandatory prefix go
 * through dinsn_special() (special.c), so the common path has no branches
 * on rare cases.  No byte at or past buf + len is ever read.
 */
#include "dinsn_tables.h"

#ifdef __KERNEL__
#include <linux/compiler.h>
#include <linux/export.h>
#else
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define noinline	__attribute__((__noinline__))
#ifndef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#endif
#endif

/* Legacy prefix kind to DINSN_P_* bit. */
static const u8 dinsn_pk_bit[8] = {
	[PK_SEG] = DINSN_P_SEG, [PK_OPSIZE] = DINSN_P_OPSIZE,
	[PK_ADSIZE] = DINSN_P_ADSIZE, [PK_LOCK] = DINSN_P_LOCK,
	[PK_REP] = DINSN_P_REP, [PK_REPNE] = DINSN_P_REPNE,
};

/* VEX pp field to the mandatory prefix byte it stands for. */
static const u8 dinsn_pp_byte[4] = { 0, 0x66, 0xf3, 0xf2 };

static inline u16 rd16(const u8 *p)
{
	return p[0] | (p[1] << 8);
}

static inline u32 rd32(const u8 *p)
{
	return p[0] | (p[1] << 8) | (p[2] << 16) | ((u32)p[3] << 24);
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

/*
 * VEX/EVEX/XOP opcodes whose ModRM.reg selects the instruction, or that
 * need a particular ModRM form (VSIB, register only): checked in
 * dinsn_special().
 */
static u32 dinsn_vex_needs_check(const struct dinsn *di, unsigned int vmap,
				 u8 op)
{
	bool hit = false;

	switch (vmap) {
	case 1:
		hit = (op >= 0x71 && op <= 0x73) || op == 0xae ||
		      (op >= 0x41 && op <= 0x4b) || (op >= 0x90 && op <= 0x99);
		break;
	case 2:
		hit = op == 0x49 || op == 0x4b || op == 0x5c || op == 0x5e ||
		      (op >= 0x90 && op <= 0x93) || (op >= 0xa0 && op <= 0xa3) ||
		      op == 0xc6 || op == 0xc7 || op == 0xf3;
		break;
	case 9:
		hit = op == 0x01 || op == 0x02 || op == 0x12;
		break;
	case 10:
		hit = op == 0x12;
		break;
	}
	(void)di;
	return hit ? SP(SP_VEXGRP) : 0;
}

/*
 * Attribute word for an opcode reached through VEX, EVEX or XOP.  Returns
 * 0 when the opcode does not exist with this map and pp.
 */
static u32 dinsn_vex_attr(struct dinsn *di, unsigned int vmap, u8 op,
			  unsigned int pp)
{
	unsigned int ppbit = 1u << pp;
	bool evex = di->vex_kind == DINSN_EVEX;
	u32 a = A_MODRM | PP(PALL) | dinsn_vex_needs_check(di, vmap, op);
	u8 ok;

	/* VEX: maps 1-3 and 7; EVEX: 1-3, 5, 6; XOP: 8-10 */
	if (di->vex_kind == DINSN_XOP ? vmap < 8 :
	    evex ? (vmap == 4 || vmap > 6) : (vmap > 3 && vmap != 7))
		return 0;

	switch (vmap) {
	case 1:
		ok = dinsn_vex_valid[0][op];
		if (evex)
			ok >>= 4;
		if (!(ok & ppbit))
			return 0;
		if ((op >= 0x70 && op <= 0x73) || op == 0xc2 ||
		    (op >= 0xc4 && op <= 0xc6))
			a |= IMM_B;
		if (op == 0x77 && !evex)
			a &= ~A_MODRM;	/* vzeroupper / vzeroall */
		di->map = DINSN_MAP_0F;
		return a;
	case 2:
	case 3:
		ok = dinsn_vex_valid[vmap - 1][op];
		if (evex)
			ok >>= 4;
		if (!(ok & ppbit))
			return 0;
		di->map = vmap == 2 ? DINSN_MAP_0F38 : DINSN_MAP_0F3A;
		return vmap == 3 ? a | IMM_B : a;
	case 5:
	case 6:
		if (!(dinsn_evex56_valid[vmap - 5][op] & ppbit))
			return 0;
		di->map = vmap == 5 ? DINSN_MAP_EVEX5 : DINSN_MAP_EVEX6;
		return a;
	case 7:
		/* urdmsr/uwrmsr r64, imm32: VEX.128.F2/F3.M7.W0 F8 /0 id */
		if (op != 0xf8 || !(ppbit & (PF3 | PF2)))
			return 0;
		di->map = DINSN_MAP_VEX7;
		return a | IMM_D | A_MOD3;
	case 8:
	case 9:
	case 10:
		if (pp || !dinsn_bit(dinsn_xop_valid[vmap - 8], op))
			return 0;
		di->map = DINSN_MAP_XOP8 + (vmap - 8);
		if (vmap == 8)
			return a | IMM_B;
		return vmap == 10 ? a | IMM_D : a;
	}
	return 0;
}

/*
 * Multi-byte prefixes.  @op is C4, C5, 62 or 8F and *pp points just after
 * it.  Returns 1 with *attr and *opp set when the bytes form VEX, EVEX or
 * XOP, 0 when they are the legacy one-byte instruction instead (LES, LDS,
 * BOUND, POP r/m), or a negative error.
 */
static int dinsn_vex(struct dinsn *di, const u8 *buf, const u8 **pp,
		     size_t len, u32 *attr, u8 *opp)
{
	const u8 *p = *pp;
	unsigned int n, vmap, vpp;
	u8 op = *opp, b1;
	int err;

	if ((size_t)(p - buf) >= len)
		return dinsn_short(p - buf + 1, len);
	b1 = *p;
	if (op == 0x8f) {
		if ((b1 & 0x1f) < 8)
			return 0;
	} else if (di->mode != DINSN_MODE_64 && (b1 & 0xc0) != 0xc0) {
		return 0;
	}
	/* VEX/EVEX/XOP may not follow 66, F2, F3, LOCK or REX */
	if ((di->prefixes & (DINSN_P_LOCK | DINSN_P_REP | DINSN_P_REPNE |
			     DINSN_P_OPSIZE)) || di->rex)
		return DINSN_ERR_INVALID;

	di->vex_off = p - 1 - buf;
	n = op == 0xc5 ? 1 : op == 0x62 ? 3 : 2;
	/* payload plus the opcode byte */
	err = dinsn_short(p - buf + n + 1, len);
	if (err)
		return err;
	di->vex[0] = b1;
	if (n > 1)
		di->vex[1] = p[1];
	if (n > 2)
		di->vex[2] = p[2];

	switch (op) {
	case 0xc5:
		di->vex_kind = DINSN_VEX2;
		vmap = 1;
		vpp = b1 & 3;
		break;
	case 0x62:
		di->vex_kind = DINSN_EVEX;
		vmap = b1 & 7;
		vpp = p[1] & 3;
		/* P0 bit 3 is reserved 0, P1 bit 2 is fixed 1 */
		if ((b1 & 0x08) || !(p[1] & 0x04))
			return DINSN_ERR_INVALID;
		if (di->mode == DINSN_MODE_64 && (p[1] & 0x80))
			di->opsize = 8;
		break;
	default:
		di->vex_kind = op == 0xc4 ? DINSN_VEX3 : DINSN_XOP;
		vmap = b1 & 0x1f;
		vpp = p[1] & 3;
		if (di->mode == DINSN_MODE_64 && (p[1] & 0x80))
			di->opsize = 8;
		break;
	}
	p += n;
	op = *p++;
	*attr = dinsn_vex_attr(di, vmap, op, vpp);
	if (!*attr)
		return DINSN_ERR_INVALID;
	di->pp = dinsn_pp_byte[vpp];
	*opp = op;
	*pp = p;
	return 1;
}

/*
 * Immediate sizes: fixed kinds directly, 0xff for the kinds that depend on
 * operand or address size.
 */
static const u8 dinsn_imm_fixed[16] = {
	[IMM_NONE] = 0, [IMM_B] = 1, [IMM_W] = 2, [IMM_Z] = 0xff,
	[IMM_V] = 0xff, [IMM_REL8] = 1, [IMM_RELZ] = 0xff, [IMM_MOFFS] = 0xff,
	[IMM_ENTER] = 3, [IMM_FAR] = 0xff, [IMM_BB] = 2, [IMM_D] = 4,
};

/* Immediates that are one little-endian, sign-extended value. */
#define IMM_PLAIN	((1u << IMM_B) | (1u << IMM_W) | (1u << IMM_Z) | \
			 (1u << IMM_V) | (1u << IMM_REL8) | (1u << IMM_RELZ) | \
			 (1u << IMM_D))

/* Operand size by [mode][REX.W | 66 << 1 | default-64 << 2]. */
static const u8 dinsn_opsize[2][8] = {
	[DINSN_MODE_64] = { 4, 8, 2, 8, 8, 8, 2, 8 },
	[DINSN_MODE_32] = { 4, 4, 2, 2, 4, 4, 2, 2 },
};

/* Size of an immediate whose size depends on operand or address size. */
static unsigned int dinsn_imm_len_var(const struct dinsn *di, unsigned int ik)
{
	switch (ik) {
	case IMM_Z:
		return di->opsize == 2 ? 2 : 4;
	case IMM_V:
		return di->opsize;
	case IMM_RELZ:
		return di->mode != DINSN_MODE_64 && di->opsize == 2 ? 2 : 4;
	case IMM_MOFFS:
		return di->addrsize;
	case IMM_FAR:
		return di->opsize == 2 ? 4 : 6;
	}
	return 0;
}

static inline s64 rd_signed(const u8 *p, unsigned int il)
{
	switch (il) {
	case 1:
		return (s8)p[0];
	case 2:
		return (s16)rd16(p);
	case 4:
		return (s32)rd32(p);
	}
	return (s64)((u64)rd32(p) | ((u64)rd32(p + 4) << 32));
}

/* Immediates made of two parts, or unsigned: enter, far pointers, moffs. */
static void dinsn_read_imm_odd(struct dinsn *di, const u8 *p,
			       unsigned int ik, unsigned int il)
{
	switch (ik) {
	case IMM_ENTER:
		di->imm = rd16(p);
		di->imm2 = p[2];
		return;
	case IMM_FAR:
		di->imm = il == 4 ? rd16(p) : rd32(p);
		di->imm2 = rd16(p + il - 2);
		return;
	case IMM_BB:
		di->imm = p[0];
		di->imm2 = p[1];
		return;
	case IMM_MOFFS:
		di->imm = il == 8 ? rd_signed(p, 8) :
			  il == 4 ? (s64)rd32(p) : rd16(p);
		return;
	}
}

/* "ud2; .ascii "xen"" and "ud2; .ascii "kvm"": the hypervisor's marker. */
static bool dinsn_is_emul_prefix(const u8 *buf, size_t len)
{
	if (len < 5 || buf[0] != 0x0f || buf[1] != 0x0b)
		return false;
	return (buf[2] == 'x' && buf[3] == 'e' && buf[4] == 'n') ||
	       (buf[2] == 'k' && buf[3] == 'v' && buf[4] == 'm');
}

static int dinsn_decode_plain(struct dinsn *di, const u8 *buf, size_t len,
			      enum dinsn_mode mode);

/*
 * Decode the instruction after an emulate prefix as one unit with it.
 * Returns 1 when @buf holds no usable emulate prefix (plain ud2).
 */
static noinline int dinsn_decode_emul(struct dinsn *di, const u8 *buf,
				      size_t len, enum dinsn_mode mode)
{
	struct dinsn in;
	int ret;

	if (!dinsn_is_emul_prefix(buf, len))
		return 1;
	ret = dinsn_decode_plain(&in, buf + 5, len - 5, mode);
	if (ret == DINSN_ERR_TRUNCATED)
		return ret;
	if (ret)
		return 1;
	in.len += 5;
	in.emul_len = 5;
	in.flags |= DINSN_F_EMUL_PREFIX;
	in.nr_prefixes += 5;
	in.opcode_off += 5;
	if (in.rex)
		in.rex_off += 5;
	if (in.vex_kind)
		in.vex_off += 5;
	if (in.modrm_off)
		in.modrm_off += 5;
	if (in.sib_off)
		in.sib_off += 5;
	if (in.disp_len)
		in.disp_off += 5;
	if (in.imm_len)
		in.imm_off += 5;
	*di = in;
	return 0;
}

/* Legacy and REX prefixes; returns the first byte that is neither. */
static inline const u8 *dinsn_prefixes(struct dinsn *di, const u8 *p,
				       const u8 *buf, size_t lim,
				       const u32 *onebyte, u32 *ap)
{
	unsigned int pfx = 0, kind;
	u8 rex = 0, rep = 0, op;
	u32 a;

	for (;;) {
		if (unlikely((size_t)(p - buf) >= lim))
			return NULL;
		op = *p;
		a = onebyte[op];
		if (!(a & A_PFX))
			break;
		kind = (a & A_SP_MASK) >> A_SP_SHIFT;
		if (kind == PK_REX) {
			rex = op;
			di->rex_off = p - buf;
		} else {
			rex = 0;	/* a REX only counts right before the opcode */
			pfx |= dinsn_pk_bit[kind];
			if (kind == PK_SEG)
				di->seg = op;
			else if (kind >= PK_REP)
				rep = op;
		}
		p++;
	}
	di->prefixes = pfx;
	di->rex = rex;
	/* the mandatory prefix is the last F2/F3, else 66 */
	di->pp = rep ? rep : (pfx & DINSN_P_OPSIZE ? 0x66 : 0);
	*ap = a;
	return p;
}

/* PNP/P66/PF3/PF2 bit of the mandatory prefix byte. */
static inline unsigned int dinsn_ppbit(u8 pp)
{
	return pp == 0 ? PNP : pp == 0x66 ? P66 : pp == 0xf3 ? PF3 : PF2;
}

static __always_inline int __dinsn_decode(struct dinsn *di, const u8 *buf,
					  size_t len, enum dinsn_mode mode,
					  bool emul_ok)
{
	const u32 *onebyte = dinsn_onebyte[mode];
	bool m64 = mode == DINSN_MODE_64;
	const u8 *p = buf;
	unsigned int ppbit = PNP, ik, il, dl = 0, cl, need, pfx = 0, osz = 0;
	size_t lim = len < DINSN_MAX_LEN ? len : DINSN_MAX_LEN;
	u8 op;
	u32 a;
	int ret;

	*di = (struct dinsn){ .mode = mode, .addrsize = m64 ? 8 : 4 };

	if (unlikely(!lim))
		return DINSN_ERR_TRUNCATED;
	op = *p;
	a = onebyte[op];
	if (m64 && (op & 0xf0) == 0x40 && likely(lim > 1) &&
	    likely(!(onebyte[p[1]] & A_PFX))) {
		/* the common case: one REX and nothing else */
		di->rex = op;
		osz = (op >> 3) & 1;
		op = *++p;
		a = onebyte[op];
	} else if (unlikely(a & A_PFX)) {
		p = dinsn_prefixes(di, p, buf, lim, onebyte, &a);
		if (!p)
			return dinsn_short(lim + 1, len);
		op = *p;
		di->nr_prefixes = di->rex ? di->rex_off : p - buf;
		ppbit = dinsn_ppbit(di->pp);
		pfx = di->prefixes;
		osz = ((di->rex >> 3) & 1) | (pfx & DINSN_P_OPSIZE ? 2 : 0);
		if (pfx & DINSN_P_ADSIZE)
			di->addrsize = m64 ? 4 : 2;
	}
	di->opcode_off = p - buf;
	p++;
	di->opsize = dinsn_opsize[mode][osz | (a & A_DEF64 ? 4 : 0)];

	if (unlikely(a & A_ESC)) {
		if (op == 0x0f) {
			if ((size_t)(p - buf) >= lim)
				goto short_read;
			op = *p++;
			if (op == 0x38 || op == 0x3a) {
				if ((size_t)(p - buf) >= lim)
					goto short_read;
				di->map = op == 0x38 ? DINSN_MAP_0F38 :
						       DINSN_MAP_0F3A;
				op = *p++;
				a = di->map == DINSN_MAP_0F38 ?
				    dinsn_map0f38[op] : dinsn_map0f3a[op];
			} else {
				di->map = DINSN_MAP_0F;
				a = dinsn_map0f[op];
			}
			if (m64 && (a & A_DEF64) && !(pfx & DINSN_P_OPSIZE))
				di->opsize = 8;
		} else {
			ret = dinsn_vex(di, buf, &p, lim, &a, &op);
			if (ret < 0)
				return ret;
			if (ret)
				ppbit = PNP; /* pp already checked */
			a &= ~A_ESC;
		}
	}
	di->opcode = op;

	if (unlikely(!(a & (ppbit << A_PP_SHIFT))))
		return DINSN_ERR_INVALID;

	if (a & A_MODRM) {
		u8 modrm, mod;

		if (unlikely((size_t)(p - buf) >= lim))
			goto short_read;
		modrm = *p;
		di->modrm = modrm;
		di->modrm_off = p - buf;
		p++;
		mod = modrm >> 6;
		if (unlikely(a & (A_NOMOD3 | A_MOD3))) {
			if ((a & A_NOMOD3) && mod == 3)
				return DINSN_ERR_INVALID;
			if ((a & A_MOD3) && mod != 3)
				return DINSN_ERR_INVALID;
		}
		if (mod != 3 && likely(!(a & A_FORCEREG))) {
			unsigned int rm = modrm & 7;

			if (likely(di->addrsize != 2)) {
				if (rm == 4) {
					if (unlikely((size_t)(p - buf) >= lim))
						goto short_read;
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
					if (m64)
						di->flags |= DINSN_F_RIPREL;
				}
			} else {
				/* 16-bit addressing: no SIB, disp16 */
				if (mod == 1)
					dl = 1;
				else if (mod == 2 || rm == 6)
					dl = 2;
			}
		}
	}

	if (unlikely(a & A_SPECIAL)) {
		ret = dinsn_special(di, &a);
		if (ret)
			return ret;
	}
	if (unlikely(pfx & DINSN_P_LOCK) && !dinsn_lock_ok(di, a))
		return DINSN_ERR_INVALID;

	ik = a & A_IMM_MASK;
	il = dinsn_imm_fixed[ik];
	if (unlikely(il == 0xff))
		il = dinsn_imm_len_var(di, ik);
	need = (p - buf) + dl + il;
	if (unlikely(need > lim))
		return dinsn_short(need, len);
	if (dl) {
		di->disp_off = p - buf;
		di->disp_len = dl;
		di->disp = (s32)rd_signed(p, dl);
		p += dl;
	}
	if (il) {
		di->imm_off = p - buf;
		di->imm_len = il;
		if (likely((1u << ik) & IMM_PLAIN))
			di->imm = rd_signed(p, il);
		else
			dinsn_read_imm_odd(di, p, ik, il);
		p += il;
	}
	di->len = p - buf;

	cl = (a & A_CL_MASK) >> A_CL_SHIFT;
	if (unlikely(cl)) {
		di->branch = dinsn_class_info[cl].branch;
		di->flags |= dinsn_class_info[cl].flags;
		if (cl == CL_3DNOW) {
			di->map = DINSN_MAP_3DNOW;
			di->opcode = p[-1];
			if (!dinsn_bit(dinsn_3dnow_valid, di->opcode))
				return DINSN_ERR_INVALID;
		} else if (emul_ok && cl == CL_UD && di->len == 2 &&
			   op == 0x0b) {
			ret = dinsn_decode_emul(di, buf, len, mode);
			if (ret <= 0)
				return ret;
		}
	}
	return 0;

short_read:
	return dinsn_short((p - buf) + 1, len);
}

/* The instruction after an emulate prefix: no second emulate prefix. */
static noinline int dinsn_decode_plain(struct dinsn *di, const u8 *buf,
				       size_t len, enum dinsn_mode mode)
{
	return __dinsn_decode(di, buf, len, mode, false);
}

/* dinsn_decode() for 32-bit code and for everything the fast path skips. */
static noinline int dinsn_decode_slow(struct dinsn *di, const u8 *buf,
				      size_t len, enum dinsn_mode mode)
{
	if (likely(mode == DINSN_MODE_64))
		return __dinsn_decode(di, buf, len, DINSN_MODE_64, true);
	return __dinsn_decode(di, buf, len, DINSN_MODE_32, true);
}

/* Attribute bits that send an instruction to the slow path. */
#define A_SLOW	(A_PFX | A_NOMOD3 | A_MOD3 | A_FORCEREG)

/*
 * The fast path: 64-bit code, at least 15 readable bytes (so no bounds
 * checks), at most a REX prefix, one-byte or 0F map, no group decoding.
 * This is most of compiled code.  Anything else goes to the slow path,
 * which decodes from scratch; the fast path makes no calls other than
 * that tail call, so it needs no saved registers.
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
			goto slow;
		op = *++p;
		a = dinsn_map0f[op];
		di->map = DINSN_MAP_0F;
		if (op == 0x38 || op == 0x3a)
			goto slow;
	}
	if ((a & A_SLOW) || !(a & PP(PNP)))
		goto slow;
	di->opcode = op;
	p++;
	di->opsize = dinsn_opsize[DINSN_MODE_64][osz | (a & A_DEF64 ? 4 : 0)];

	if (a & A_MODRM) {
		u8 modrm = *p, mod = modrm >> 6, rm = modrm & 7;

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
	}
	if (a & A_SPECIAL) {
		/* the groups compilers use all the time; others: slow path */
		unsigned int reg = (di->modrm >> 3) & 7;

		switch ((a & A_SP_MASK) >> A_SP_SHIFT) {
		case SP_GRP5:
			if (reg == 2)
				a |= CL(CL_CALL_IND);
			else if (reg == 4)
				a |= CL(CL_JMP_IND);
			else if (reg == 6)
				a |= CL(CL_PUSH);
			else if (reg >= 2)
				goto slow;
			if (reg >= 2 && !osz)
				di->opsize = 8;
			break;
		case SP_GRP11:
			if (reg)
				goto slow;
			break;
		case SP_GRP3:
			if (reg >= 2)
				a &= ~A_IMM_MASK;
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
			goto slow;
		}
	}
	if (dl) {
		di->disp_off = p - buf;
		di->disp_len = dl;
		di->disp = dl == 1 ? (s8)*p : (s32)rd32(p);
		p += dl;
	}
	ik = a & A_IMM_MASK;
	if (ik) {
		/* no 66 or 67 here: imm16/32 is 4, moffs is 8 */
		switch (ik) {
		case IMM_B:
		case IMM_REL8:
			il = 1;
			di->imm = (s8)*p;
			break;
		case IMM_Z:
		case IMM_RELZ:
		case IMM_D:
			il = 4;
			di->imm = (s32)rd32(p);
			break;
		default:
			goto slow;
		}
		di->imm_off = p - buf;
		di->imm_len = il;
		p += il;
	}
	di->len = p - buf;
	cl = (a & A_CL_MASK) >> A_CL_SHIFT;
	if (cl) {
		if (cl == CL_UD || cl == CL_3DNOW)
			goto slow;
		di->branch = dinsn_class_info[cl].branch;
		di->flags |= dinsn_class_info[cl].flags;
	}
	return 0;
slow:
	return dinsn_decode_slow(di, buf, len, DINSN_MODE_64);
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
 *
 * Return: 0 on success; DINSN_ERR_TRUNCATED when the bytes are a valid
 * beginning but @len is too short; DINSN_ERR_INVALID when they are not an
 * instruction (undefined opcode, longer than 15 bytes, bad prefix use).
 */
int dinsn_decode(struct dinsn *di, const u8 *buf, size_t len,
		 enum dinsn_mode mode)
{
	if (likely(mode == DINSN_MODE_64 && len >= DINSN_MAX_LEN))
		return dinsn_decode_fast(di, buf, len);
	if (mode != DINSN_MODE_64 && mode != DINSN_MODE_32)
		return DINSN_ERR_INVALID;
	return dinsn_decode_slow(di, buf, len, mode);
}
#ifdef __KERNEL__
EXPORT_SYMBOL_GPL(dinsn_decode);
#endif
