// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the multi-byte prefixes VEX (C4/C5), EVEX (62) and XOP (8F).
 *
 * Reads the payload, picks the opcode map and checks the opcode against
 * the tables in tables_vex.c.  ModRM, SIB, displacement and immediate are
 * then read by the common code in decode.c.
 */
#include "dinsn_tables.h"

/* VEX pp field to the mandatory prefix byte it stands for. */
static const u8 dinsn_pp_byte[4] = { 0, 0x66, 0xf3, 0xf2 };

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
		/* the VEX-only extensions of 2022-2023: W, L and forms */
		if (di->vex_kind != DINSN_EVEX)
			hit |= op == 0x50 || op == 0x51 || op == 0x6c ||
			       op == 0x72 || op == 0xb0 || op == 0xb1 ||
			       op == 0xb4 || op == 0xb5 ||
			       (op >= 0xcb && op <= 0xcd) || op == 0xd2 ||
			       op == 0xd3 || op == 0xda ||
			       (op >= 0xe0 && op <= 0xef);
		break;
	case 3:
		hit = op == 0xde && di->vex_kind != DINSN_EVEX;	/* vsm3rnds2 */
		break;
	case 6:
		/* complex FP16 multiplies: destination differs from sources */
		hit = op == 0x56 || op == 0x57 || op == 0xd6 || op == 0xd7;
		break;
	case 7:
		hit = true;
		break;
	case 9:
		hit = op == 0x01 || op == 0x02 || op == 0x12;
		break;
	case 10:
		hit = op == 0x12;
		break;
	}
	return hit ? SP(SP_VEXGRP) : 0;
}

/* A_NOMOD3 / A_MOD3 for the memory-only and register-only forms. */
static u32 dinsn_vex_forms(unsigned int m, u8 op, unsigned int ppbit,
			   bool evex)
{
	unsigned int f = dinsn_vex_mod[m][op];

	if (!f)
		return 0;
	if (evex)
		f >>= 8;
	if (f & ppbit)
		return A_NOMOD3;
	return (f >> 4) & ppbit ? A_MOD3 : 0;
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

	/* VEX: maps 1-3 and 7; EVEX: 1-6 (4 is APX's); XOP: 8-10 */
	if (di->vex_kind == DINSN_XOP ? vmap < 8 :
	    evex ? vmap > 6 : (vmap > 3 && vmap != 7))
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
		return a | dinsn_vex_forms(0, op, ppbit, evex);
	case 2:
	case 3:
		ok = dinsn_vex_valid[vmap - 1][op];
		if (evex)
			ok >>= 4;
		if (!(ok & ppbit))
			return 0;
		di->map = vmap == 2 ? DINSN_MAP_0F38 : DINSN_MAP_0F3A;
		a |= dinsn_vex_forms(vmap - 1, op, ppbit, evex);
		return vmap == 3 ? a | IMM_B : a;
	case 4:
		/* APX: legacy instructions promoted to EVEX, 64-bit only */
		if (di->mode != DINSN_MODE_64 || !(dinsn_evex4[op] & PP(ppbit)))
			return 0;
		di->map = DINSN_MAP_EVEX4;
		return (dinsn_evex4[op] & ~A_PP_MASK) | PP(PALL);
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
int dinsn_vex(struct dinsn *di, const u8 *buf, const u8 **pp,
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
		if (vmap == 4) {
			/*
			 * APX: P0 bit 3 is B4, P1 bit 2 is ~X4; z and L'L
			 * (P2 bits 7-5) are reserved 0.  66 selects 16-bit
			 * operands unless W is set.
			 */
			if (p[2] & 0xe0)
				return DINSN_ERR_INVALID;
			if (!(p[1] & 0x80) && vpp == 1)
				di->opsize = 2;
		} else if ((b1 & 0x08) || !(p[1] & 0x04)) {
			/* P0 bit 3 is reserved 0, P1 bit 2 is fixed 1 */
			return DINSN_ERR_INVALID;
		}
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
	/*
	 * EVEX.L'L = 3 is reserved, except as the rounding control of a
	 * register form (EVEX.b = 1, mod = 3).
	 */
	if (n == 3 && (di->vex[2] & 0x60) == 0x60) {
		if (!(di->vex[2] & 0x10))
			return DINSN_ERR_INVALID;
		*attr |= A_MOD3;
	}
	di->pp = dinsn_pp_byte[vpp];
	*opp = op;
	*pp = p;
	return 1;
}
