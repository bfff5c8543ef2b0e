// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the slow path for opcodes whose shape or meaning depends on
 * ModRM.reg, on the whole ModRM byte or on the mandatory prefix (the
 * "groups" of the opcode maps).  Called after ModRM has been read and
 * before the displacement and immediate are.
 *
 * The groups are data (tables_group.c): for each group, a row of entries
 * by ModRM.reg per mandatory prefix and per memory or register form; rows
 * by ModRM.rm for the register forms that go by the whole ModRM byte
 * (0F 01, endbr); and a sorted list of (prefix, ModRM byte) exceptions,
 * the prefixed forms of 0F 01.  This file reads them.  What stays code:
 *
 * - MOV to/from CR/DR (0F 20-23): the register number takes REX.R, and
 *   REX2.R4 names no register, which no ModRM-indexed table can say;
 * - 90: NOP, PAUSE or XCHG with rax, by REX.B/REX2.B3/B4 and F3; it has
 *   no ModRM byte at all;
 * - x87 (D8-DF): eight opcodes whose holes are bitmaps of their own
 *   (tables_class.c), too many variants for the group tables; read here;
 * - registers that must all differ (AMX tiles, gathers, complex FP16
 *   multiplies): comparisons of ModRM, VEX.vvvv, SIB.index and the
 *   VEX/EVEX extension bits; the tables only say which check applies;
 * - EVEX map 4 (APX), whose rules read EVEX.P2: dinsn_evex4_group();
 * - LOCK, whose rules also cover opcodes that are no group (80-83):
 *   dinsn_lock_ok().
 */
#include "dinsn_tables.h"

static inline u32 with_class(u32 a, unsigned int cl)
{
	return (a & ~A_CL_MASK) | ((u32)cl << A_CL_SHIFT);
}

static inline u32 with_imm(u32 a, unsigned int ik)
{
	return (a & ~A_IMM_MASK) | ik;
}

#define INVALID	DINSN_ERR_INVALID

/* Register numbers from ModRM.reg, VEX.vvvv and SIB.index with R/X. */
static unsigned int vex_reg(const struct dinsn *di)
{
	return ((di->modrm >> 3) & 7) | (di->vex[0] & 0x80 ? 0 : 8);
}

static unsigned int vex_vvvv(const struct dinsn *di)
{
	u8 b = di->vex_kind == DINSN_VEX2 ? di->vex[0] : di->vex[1];

	return (~b >> 3) & 15;
}

static unsigned int vex_index(const struct dinsn *di)
{
	if (di->vex_kind == DINSN_VEX2)
		return (di->sib >> 3) & 7;
	return ((di->sib >> 3) & 7) | (di->vex[0] & 0x40 ? 0 : 8);
}

/* VEX/XOP.W (0 for VEX2) and VEX.L. */
static bool vex_w(const struct dinsn *di)
{
	return di->vex_kind != DINSN_VEX2 && (di->vex[1] & 0x80);
}

static bool vex_l(const struct dinsn *di)
{
	return di->vex[di->vex_kind == DINSN_VEX2 ? 0 : 1] & 0x04;
}

/*
 * Register operands that must all differ (#UD otherwise): AMX dot
 * products (tiles 0-7, so no R/B); VEX gathers (dest, mask, index) and
 * EVEX gathers (dest, index, with EVEX.R' and V'); and EVEX map 6
 * vf{c,}maddc{ph,sh}, vf{c,}mulc{ph,sh}, whose destination may be neither
 * source (EVEX.R'/R, V', X/B extend the register numbers).
 */
static bool dinsn_distinct(const struct dinsn *di, unsigned int check)
{
	unsigned int r = vex_reg(di), v = vex_vvvv(di), rm = di->modrm & 7, x;

	switch (check) {
	case G_CHK_TILES:
		r &= 7;
		v &= 7;
		return r != rm && r != v && rm != v;
	case G_CHK_GATHER:
		x = vex_index(di);
		if (di->vex_kind != DINSN_EVEX)
			return r != v && r != x && v != x;
		x |= di->vex[2] & 0x08 ? 0 : 16;	/* V' extends index */
		r |= di->vex[0] & 0x10 ? 0 : 16;	/* R' extends reg */
		return r != x;
	}
	/* G_CHK_FP16C */
	r |= di->vex[0] & 0x10 ? 0 : 16;
	v |= di->vex[2] & 0x08 ? 0 : 16;
	rm |= (di->vex[0] & 0x20 ? 0 : 8) | (di->vex[0] & 0x40 ? 0 : 16);
	return r != v && (di->modrm < 0xc0 || r != rm);
}

/* The conditions of a group entry besides G_OK (G_COND). */
static bool dinsn_grp_cond(const struct dinsn *di, u32 e)
{
	unsigned int rm = di->modrm & 7, check;

	if ((e & G_64) && di->mode != DINSN_MODE_64)
		return false;
	if ((e & G_RM0) && rm)
		return false;
	if ((e & G_SIB) && (di->modrm >= 0xc0 || rm != 4))
		return false;
	if ((e & G_W0) && vex_w(di))
		return false;
	if ((e & G_W1) && !vex_w(di))
		return false;
	if ((e & G_L0) && vex_l(di))
		return false;
	if ((e & G_L1) && !vex_l(di))
		return false;
	check = (e & G_CHK_MASK) >> G_CHK_SHIFT;
	return !check || dinsn_distinct(di, check);
}

/*
 * The entry for an exception by (group, prefix, ModRM byte), or @e when
 * dinsn_grp_exc[] has none.
 */
static u32 dinsn_grp_exception(const struct dinsn *di, unsigned int g,
			       u32 e)
{
	u32 key = G_EXC_KEY(g, di->pp, di->modrm);
	unsigned int lo = 0, hi = DINSN_GRP_EXC_NR, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (dinsn_grp_exc[mid].key == key)
			return dinsn_grp_exc[mid].e;
		if (dinsn_grp_exc[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return e;
}

/* Row of the group tables for a mandatory prefix (none, 66, F3, F2). */
static inline unsigned int dinsn_pp_index(u8 pp)
{
	if (pp & 0x80)
		return pp & 1 ? IX_F3 : IX_F2;
	return pp ? IX_66 : IX_NP;
}

/*
 * The form of group @g that the ModRM byte and the mandatory prefix select:
 * check it, then give the instruction its class, immediate and operand size.
 */
static int dinsn_group(struct dinsn *di, u32 *a, unsigned int g)
{
	unsigned int row = dinsn_grp_sel[g][dinsn_pp_index(di->pp)]
					[di->modrm >= 0xc0];
	u32 e = dinsn_grp_row[row][(di->modrm >> 3) & 7];

	if (e & G_EXC)
		e = dinsn_grp_exception(di, g, e);
	if (e & G_RM)		/* decided by the whole ModRM byte */
		e = dinsn_grp_rm[(e & G_RMROW_MASK) >> G_RMROW_SHIFT]
				[di->modrm & 7];
	if (!(e & G_OK))
		return INVALID;
	if ((e & G_COND) && !dinsn_grp_cond(di, e))
		return INVALID;
	if (e & G_CL_MASK)
		*a = with_class(*a, e & G_CL_MASK);
	if (e & G_IMM)
		*a = with_imm(*a, (e & G_IMM_MASK) >> G_IMM_SHIFT);
	/* near branches and push default to 64-bit operands */
	if ((e & G_OP64) && di->mode == DINSN_MODE_64 &&
	    !(di->prefixes & DINSN_P_OPSIZE))
		di->opsize = 8;
	return 0;
}

/* The group of a VEX, EVEX or XOP opcode: 0 (every form) if it has none. */
static unsigned int dinsn_vex_group(const struct dinsn *di)
{
	unsigned int key = (di->map << 8) | di->opcode;
	unsigned int lo = 0, hi = DINSN_VEX_GRP_NR, mid;
	const struct dinsn_vex_grp *v;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		v = &dinsn_vex_grp[mid];
		if (key < v->first)
			hi = mid;
		else if (key > v->last)
			lo = mid + 1;
		else
			return di->vex_kind == DINSN_EVEX ? v->evex : v->vex;
	}
	return 0;
}

/* The control registers that exist: CR0, CR2-CR4, CR8. */
#define DINSN_CR_DEFINED	((1u << 0) | (1u << 2) | (1u << 3) | \
				 (1u << 4) | (1u << 8))

/* 0F 20-23: MOV from/to CRn and DRn. */
static int dinsn_crdr(struct dinsn *di, u32 *a)
{
	unsigned int reg = (di->modrm >> 3) & 7;

	if (dinsn_rex_wrxb(di) & 4)
		reg += 8;
	if (di->vex_kind == DINSN_REX2 && (di->vex[0] & 0x40))
		return INVALID;			/* REX2.R4: CR16 and up */
	if (!((di->opcode & 1 ? 0xffu : DINSN_CR_DEFINED) & (1u << reg)))
		return INVALID;
	*a = with_class(*a, di->opcode & 2 ? CL_PRIV_SERIAL : CL_PRIV);
	if (di->mode == DINSN_MODE_64)
		di->opsize = 8;
	return 0;
}

/* D8-DF: a few memory and register forms are undefined. */
static int dinsn_x87(const struct dinsn *di)
{
	unsigned int op = di->opcode - 0xd8, reg = (di->modrm >> 3) & 7;
	unsigned int rm = di->modrm - 0xc0;

	if (di->modrm < 0xc0)
		return dinsn_x87_mem_invalid[op] & (1u << reg) ? INVALID : 0;
	return dinsn_x87_reg_invalid[op][rm >> 3] & (1u << (rm & 7)) ?
	       INVALID : 0;
}

/**
 * dinsn_special() - finish decoding a group opcode
 * @di: instruction decoded up to and including ModRM
 * @a: its attribute word; immediate kind and class may be rewritten
 *
 * Return: 0, or DINSN_ERR_INVALID for an undefined member of the group.
 */
int dinsn_special(struct dinsn *di, u32 *a)
{
	unsigned int sp = (*a & A_SP_MASK) >> A_SP_SHIFT, g;

	switch (sp) {
	case SP_CRDR:
		return dinsn_crdr(di, a);
	case SP_XCHG90:			/* REX.B, REX2.B3/B4: xchg with rax */
		if (!(dinsn_rex_wrxb(di) & 1) && di->pp != 0xf3 &&
		    !(di->vex_kind == DINSN_REX2 && (di->vex[0] & 0x10)))
			*a = with_class(*a, CL_NOP);
		return 0;
	case SP_X87:
		return dinsn_x87(di);
	case SP_EVEX4:
		return dinsn_evex4_group(di, a);
	case SP_VEXGRP:
		g = dinsn_vex_group(di);
		break;
	default:
		g = dinsn_grp_first[sp] + ((*a & A_VAR_MASK) >> A_VAR_SHIFT);
		break;
	}
	return dinsn_group(di, a, g);
}

/**
 * dinsn_lock_ok() - may this instruction carry a LOCK prefix?
 * @di: decoded instruction
 * @a: its attribute word
 *
 * Return: true for the read-modify-write instructions that accept LOCK,
 * with a memory destination.
 */
bool dinsn_lock_ok(const struct dinsn *di, u32 a)
{
	unsigned int reg = (di->modrm >> 3) & 7;

	if (!(a & A_LOCK) || !di->modrm_off || di->modrm >= 0xc0)
		return false;
	if (di->map == DINSN_MAP_1B) {
		switch (di->opcode) {
		case 0x80: case 0x81: case 0x82: case 0x83:
			return reg != 7;		/* not cmp */
		case 0xf6: case 0xf7:
			return reg == 2 || reg == 3;	/* not, neg */
		case 0xfe: case 0xff:
			return reg < 2;			/* inc, dec */
		}
	} else if (di->opcode == 0xba) {
		return reg >= 5;			/* bts, btr, btc */
	} else if (di->opcode == 0xc7) {
		return reg == 1;			/* cmpxchg8b/16b */
	}
	return true;
}
