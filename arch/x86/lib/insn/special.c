// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the slow path for opcodes whose shape or meaning depends on
 * ModRM.reg, on the whole ModRM byte or on the mandatory prefix (the
 * "groups" of the opcode maps).  Called after ModRM has been read and
 * before the displacement and immediate are.
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

/* 0F 01 mod == 3 forms that exist only with a mandatory prefix. */
static int dinsn_grp7_prefixed(struct dinsn *di, u8 rm)
{
	switch (di->pp) {
	case 0x66:
		if (rm >= 0xcc && rm <= 0xcf)	/* tdcall, seamret/ops/call */
			return CL_PRIV;
		break;
	case 0xf2:
		switch (rm) {
		case 0xca:			/* erets */
			return CL_ERET;
		case 0xc6:			/* rdmsrlist */
		case 0xfe: case 0xff:		/* rmpupdate, pvalidate */
			return CL_PRIV;
		case 0xe8: case 0xe9:		/* xsusldtrk, xresldtrk */
			return CL_NONE;
		}
		break;
	case 0xf3:
		switch (rm) {
		case 0xca:			/* eretu */
			return CL_ERET;
		case 0xc6:			/* wrmsrlist */
		case 0xe8:			/* setssbsy */
		case 0xfe: case 0xff:		/* rmpadjust, psmash */
			return CL_PRIV;
		case 0xea:			/* saveprevssp */
		case 0xed:			/* testui */
		case 0xee: case 0xef:		/* clui, stui */
		case 0xfa:			/* mcommit */
			return CL_NONE;
		case 0xec:			/* uiret */
			return CL_UIRET;
		}
		break;
	}
	return -1;
}

/* Prefixed 0F 01 forms that exist only in 64-bit mode. */
static bool dinsn_grp7_64only(const struct dinsn *di, u8 rm)
{
	if (di->pp == 0x66)
		return rm >= 0xcd && rm <= 0xcf;	/* seam* */
	if (di->pp == 0xf3 && rm >= 0xec && rm <= 0xef)
		return true;				/* uintr */
	if (rm == 0xc6)
		return true;			/* rdmsrlist, wrmsrlist */
	return (rm == 0xfe) || (rm == 0xff && di->pp == 0xf3);
}

/* 0F 01: descriptor tables and the many mod == 3 system instructions. */
static int dinsn_grp7(struct dinsn *di, u32 *a, unsigned int reg)
{
	static const u8 mem_class[8] = {
		CL_NONE, CL_NONE, CL_PRIV_SERIAL, CL_PRIV_SERIAL,
		CL_NONE, CL_NONE, CL_PRIV, CL_PRIV_SERIAL,
	};
	u8 rm = di->modrm, e;
	int cl;

	if (rm < 0xc0) {
		/* /5 with a memory operand is only rstorssp (F3) */
		if (reg == 5 && di->pp != 0xf3)
			return INVALID;
		*a = with_class(*a, mem_class[reg]);
		return 0;
	}
	if (di->pp) {
		if (di->mode != DINSN_MODE_64 && dinsn_grp7_64only(di, rm))
			return INVALID;
		cl = dinsn_grp7_prefixed(di, rm);
		if (cl >= 0) {
			*a = with_class(*a, cl);
			return 0;
		}
	}
	e = dinsn_0f01_reg[rm - 0xc0];
	if (!(e & G7_DEF) || (di->pp && !(e & G7_ANYPFX)))
		return INVALID;
	if ((rm == 0xf8 || rm == 0xc7) && di->mode != DINSN_MODE_64)
		return INVALID;			/* swapgs, pbndkb */
	*a = with_class(*a, e & G7_CLASS);
	return 0;
}

/* 0F AE: fxsave..clflush, fences, fs/gs base, umwait and friends. */
static int dinsn_grp15(struct dinsn *di, unsigned int reg, bool mem)
{
	switch (di->pp) {
	case 0:
		return mem || reg >= 5 ? 0 : INVALID;
	case 0x66:
		if (mem)
			return reg >= 6 ? 0 : INVALID;	/* clwb, clflushopt */
		return reg == 6 ? 0 : INVALID;		/* tpause */
	case 0xf3:
		if (mem)	/* ptwrite, clrssbsy */
			return reg == 4 || reg == 6 ? 0 : INVALID;
		if (reg <= 3 && di->mode != DINSN_MODE_64)
			return INVALID;		/* rd/wr fs/gs base */
		return reg <= 6 ? 0 : INVALID;
	default:
		return !mem && reg == 6 ? 0 : INVALID;	/* umwait */
	}
}

/* 0F C7: cmpxchg8b/16b, xsaves family, vmx pointers, rdrand/rdseed. */
static int dinsn_grp9(struct dinsn *di, u32 *a, unsigned int reg, bool mem)
{
	if (mem) {
		switch (reg) {
		case 1:
			return 0;
		case 3: case 5:			/* xrstors, xsaves */
			*a = with_class(*a, CL_PRIV);
			return di->pp ? INVALID : 0;
		case 4:				/* xsavec */
			return di->pp ? INVALID : 0;
		case 6:				/* vmptrld, vmclear, vmxon */
			*a = with_class(*a, CL_PRIV);
			return di->pp == 0xf2 ? INVALID : 0;
		case 7:				/* vmptrst */
			*a = with_class(*a, CL_PRIV);
			return di->pp ? INVALID : 0;
		}
		return INVALID;
	}
	if (reg == 6) {		/* rdrand; F3: senduipi */
		if (di->pp == 0xf3 && di->mode != DINSN_MODE_64)
			return INVALID;
		return di->pp == 0xf2 ? INVALID : 0;
	}
	if (reg == 7)		/* rdseed; F3: rdpid */
		return di->pp == 0xf2 ? INVALID : 0;
	return INVALID;
}

/* D8-DF: a few memory and register forms are undefined. */
static int dinsn_x87(const struct dinsn *di, unsigned int reg, bool mem)
{
	unsigned int op = di->opcode - 0xd8, rm = di->modrm - 0xc0;

	if (mem)
		return dinsn_x87_mem_invalid[op] & (1u << reg) ? INVALID : 0;
	return dinsn_x87_reg_invalid[op][rm >> 3] & (1u << (rm & 7)) ?
	       INVALID : 0;
}

/* VIA PadLock: 0F A7 C0 xstore; with F3 the crypt and hash forms. */
static int dinsn_padlock(const struct dinsn *di)
{
	u8 rm = di->modrm;

	if (di->opcode == 0xa7) {
		if (rm == 0xc0)
			return di->pp == 0xf2 ? INVALID : 0;
		return di->pp == 0xf3 && (rm & 7) == 0 && rm <= 0xe8 ?
		       0 : INVALID;
	}
	return di->pp == 0xf3 && (rm == 0xc0 || rm == 0xc8 || rm == 0xd0) ?
	       0 : INVALID;
}

/* VEX/EVEX map 1 groups and the opmask instructions. */
static int dinsn_vex_map1(const struct dinsn *di, unsigned int reg, bool mem)
{
	bool evex = di->vex_kind == DINSN_EVEX;

	switch (di->opcode) {
	case 0x71:			/* vpsrlw, vpsraw, vpsllw */
		if (!evex && mem)
			return INVALID;
		return reg == 2 || reg == 4 || reg == 6 ? 0 : INVALID;
	case 0x72:			/* + vprord, vprold (EVEX) */
		if (!evex && mem)
			return INVALID;
		if (evex && reg < 2)
			return 0;
		return reg == 2 || reg == 4 || reg == 6 ? 0 : INVALID;
	case 0x73:			/* vpsrlq, vpsrldq, vpsllq, vpslldq */
		if (!evex && mem)
			return INVALID;
		return reg == 2 || reg == 3 || reg == 6 || reg == 7 ?
		       0 : INVALID;
	case 0xae:			/* vldmxcsr, vstmxcsr */
		return mem && (reg == 2 || reg == 3) ? 0 : INVALID;
	case 0x90:			/* kmov k, k/m */
		return 0;
	case 0x91:			/* kmov m, k */
		return mem ? 0 : INVALID;
	}
	return mem ? INVALID : 0;	/* other opmask instructions */
}

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
 * products (tiles 0-7, so no R/B), VEX gathers (dest, mask, index) and
 * EVEX gathers (dest, index).
 */
static int dinsn_vex_distinct(const struct dinsn *di)
{
	unsigned int r = vex_reg(di), v = vex_vvvv(di), x;

	if (di->opcode == 0x5c || di->opcode == 0x5e || di->opcode == 0x6c) {
		unsigned int rm = di->modrm & 7;

		r &= 7;
		v &= 7;
		return r != rm && r != v && rm != v ? 0 : INVALID;
	}
	x = vex_index(di);
	if (di->vex_kind == DINSN_EVEX) {
		if (di->opcode >= 0xa0)		/* scatters: no dest */
			return 0;
		x |= di->vex[2] & 0x08 ? 0 : 16;	/* V' extends index */
		r |= di->vex[0] & 0x10 ? 0 : 16;	/* R' extends reg */
		return r != x ? 0 : INVALID;
	}
	return r != v && r != x && v != x ? 0 : INVALID;
}

/*
 * The VEX extensions of 2022-2023 (Intel ISA extensions reference): the W
 * and L values each instruction is defined with; register and memory
 * forms are in dinsn_vex_mod[].  Returns 1 for the opcodes that are not
 * among them.
 */
static int dinsn_vex_map2_new(const struct dinsn *di)
{
	bool w = vex_w(di), l = vex_l(di);
	u8 op = di->opcode;

	switch (op) {
	case 0x50:
	case 0x51:	/* vpdpb{uu,su,ss}d(s) W0; 66 is AVX-VNNI's vpdpbusd */
		if (di->pp == 0x66)
			return 0;
		return w ? INVALID : 0;
	case 0x72:	/* vcvtneps2bf16 W0 (F3, the only VEX form) */
	case 0xb0:
	case 0xb1:	/* vcvtne*2ps, vbcstne*2ps W0 */
	case 0xd2:
	case 0xd3:	/* vpdpw{uu,us,su}d(s) W0 */
		return w ? INVALID : 0;
	case 0xb4:
	case 0xb5:	/* AVX-IFMA vpmadd52luq/huq: W1 */
		return w ? 0 : INVALID;
	case 0xcb ... 0xcd:	/* vsha512rnds2, msg1, msg2: VEX.256.W0 */
		return !w && l ? 0 : INVALID;
	case 0xda:	/* vsm3msg1/2 VEX.128.W0; vsm4key4/rnds4 W0 */
		if (w)
			return INVALID;
		return l && (di->pp == 0 || di->pp == 0x66) ? INVALID : 0;
	case 0xe0 ... 0xef:	/* cmpccxadd: VEX.128, W0/W1, 64-bit only */
		return l || di->mode != DINSN_MODE_64 ? INVALID : 0;
	}
	return 1;
}

/* VEX/EVEX map 2: AMX, gathers and scatters (VSIB), BMI group 17. */
static int dinsn_vex_map2(const struct dinsn *di, unsigned int reg, bool mem)
{
	bool vsib = mem && (di->modrm & 7) == 4;
	u8 op = di->opcode;
	int ret;

	if ((op == 0x49 || op == 0x4b || op == 0x5c || op == 0x5e ||
	     op == 0x6c) && di->mode != DINSN_MODE_64)
		return INVALID;			/* AMX is 64-bit only */
	if (di->vex_kind != DINSN_EVEX) {
		ret = dinsn_vex_map2_new(di);
		if (ret <= 0)
			return ret;
	}
	switch (op) {
	case 0x49:
		if (di->pp == 0xf2)	/* tilezero */
			return !mem && (di->modrm & 7) == 0 ? 0 : INVALID;
		if (mem)		/* ldtilecfg, sttilecfg */
			return reg == 0 ? 0 : INVALID;
		/* tilerelease */
		return di->pp == 0 && di->modrm == 0xc0 ? 0 : INVALID;
	case 0x4b:			/* tileloadd, tilestored: SIB */
		return vsib ? 0 : INVALID;
	case 0x5c:
	case 0x5e:			/* tile dot products */
	case 0x6c:			/* AMX-COMPLEX */
		if (mem)
			return INVALID;
		/* tdpfp16ps and AMX-COMPLEX: VEX.128.W0 */
		if ((op == 0x6c || (op == 0x5c && di->pp == 0xf2)) &&
		    (vex_w(di) || vex_l(di)))
			return INVALID;
		return dinsn_vex_distinct(di);
	case 0xc6:
	case 0xc7:			/* gather/scatter prefetches */
		if (reg != 1 && reg != 2 && reg != 5 && reg != 6)
			return INVALID;
		return vsib ? 0 : INVALID;
	case 0xf3:			/* blsr, blsmsk, blsi */
		return reg >= 1 && reg <= 3 ? 0 : INVALID;
	}
	/* gathers, scatters */
	return vsib ? dinsn_vex_distinct(di) : INVALID;
}

/*
 * EVEX map 6 vf{c,}maddc{ph,sh}, vf{c,}mulc{ph,sh}: the destination may
 * be neither source (EVEX.R'/R, V', X/B extend the register numbers).
 */
static int dinsn_evex6_distinct(const struct dinsn *di, bool mem)
{
	unsigned int r = vex_reg(di) | (di->vex[0] & 0x10 ? 0 : 16);
	unsigned int v = vex_vvvv(di) | (di->vex[2] & 0x08 ? 0 : 16);
	unsigned int rm = (di->modrm & 7) | (di->vex[0] & 0x20 ? 0 : 8) |
			  (di->vex[0] & 0x40 ? 0 : 16);

	return r == v || (!mem && r == rm) ? INVALID : 0;
}

static int dinsn_vex_group(const struct dinsn *di, unsigned int reg, bool mem)
{
	switch (di->map) {
	case DINSN_MAP_0F:
		return dinsn_vex_map1(di, reg, mem);
	case DINSN_MAP_0F38:
		return dinsn_vex_map2(di, reg, mem);
	case DINSN_MAP_0F3A:		/* vsm3rnds2: VEX.128.66.W0 */
		return vex_w(di) || vex_l(di) ? INVALID : 0;
	case DINSN_MAP_EVEX6:
		return dinsn_evex6_distinct(di, mem);
	case DINSN_MAP_VEX7:		/* urdmsr/uwrmsr: VEX.128.W0 F8 /0 */
		return reg || vex_w(di) || vex_l(di) ? INVALID : 0;
	case DINSN_MAP_XOP9:
		if (di->opcode == 0x01)		/* tbm: blcfill .. t1mskc */
			return reg ? 0 : INVALID;
		if (di->opcode == 0x02)		/* blcmsk, blci */
			return reg == 1 || reg == 6 ? 0 : INVALID;
		return !mem && reg < 2 ? 0 : INVALID;	/* llwpcb, slwpcb */
	case DINSN_MAP_XOPA:
		return reg < 2 ? 0 : INVALID;	/* lwpins, lwpval */
	}
	return 0;
}

static int dinsn_crdr(struct dinsn *di, u32 *a, unsigned int reg)
{
	if (dinsn_rex_wrxb(di) & 4)
		reg += 8;
	if (di->vex_kind == DINSN_REX2 && (di->vex[0] & 0x40))
		return INVALID;			/* REX2.R4: CR16 and up */
	if (!(di->opcode & 1)) {
		/* control registers that exist: CR0, CR2-CR4, CR8 */
		if (reg == 1 || (reg > 4 && reg != 8))
			return INVALID;
	} else if (reg > 7) {
		return INVALID;
	}
	*a = with_class(*a, di->opcode & 2 ? CL_PRIV_SERIAL : CL_PRIV);
	if (di->mode == DINSN_MODE_64)
		di->opsize = 8;
	return 0;
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
	unsigned int reg = (di->modrm >> 3) & 7;
	bool mem = di->modrm < 0xc0;
	bool m64 = di->mode == DINSN_MODE_64;

	switch ((*a & A_SP_MASK) >> A_SP_SHIFT) {
	case SP_GRP3:				/* test has an immediate */
		if (reg >= 2)
			*a = with_imm(*a, IMM_NONE);
		return 0;
	case SP_GRP4:
		return reg < 2 ? 0 : INVALID;
	case SP_GRP5:
		switch (reg) {
		case 2:
			*a = with_class(*a, CL_CALL_IND);
			break;
		case 3:
			*a = with_class(*a, CL_CALL_FAR);
			return mem ? 0 : INVALID;
		case 4:
			*a = with_class(*a, CL_JMP_IND);
			break;
		case 5:
			*a = with_class(*a, CL_JMP_FAR);
			return mem ? 0 : INVALID;
		case 6:
			*a = with_class(*a, CL_PUSH);
			break;
		case 7:
			return INVALID;
		default:
			return 0;
		}
		/* near branches and push default to 64-bit operands */
		if (m64 && !(di->prefixes & DINSN_P_OPSIZE))
			di->opsize = 8;
		return 0;
	case SP_GRP1A:
		*a = with_class(*a, CL_POP);
		return reg == 0 ? 0 : INVALID;
	case SP_GRP11:
		if (reg == 0)
			return 0;
		if (di->modrm != 0xf8)
			return INVALID;
		if (di->opcode == 0xc7) {	/* xbegin rel16/rel32 */
			*a = with_class(with_imm(*a, IMM_Z), CL_XBEGIN);
		}
		return 0;			/* xabort imm8 */
	case SP_MOVSEG:
		if (reg > 5)
			return INVALID;
		if (di->opcode == 0x8e) {
			if (reg == 1)		/* cs cannot be loaded */
				return INVALID;
			*a = with_class(*a, reg == 2 ? CL_MOV_SS : CL_MOV_SEG);
		}
		return 0;
	case SP_0F00:
		if (reg == 2 || reg == 3) {	/* lldt, ltr */
			*a = with_class(*a, CL_PRIV_SERIAL);
		} else if (reg == 6) {		/* lkgs (F2 only) */
			if (di->pp != 0xf2 || !m64)
				return INVALID;
			*a = with_class(*a, CL_LKGS);
		} else if (reg == 7) {
			return INVALID;
		}
		return 0;
	case SP_0F01:
		return dinsn_grp7(di, a, reg);
	case SP_CRDR:
		return dinsn_crdr(di, a, reg);
	case SP_GRP12:
	case SP_GRP13:				/* /2 /4 /6 */
		return reg == 2 || reg == 4 || reg == 6 ? 0 : INVALID;
	case SP_GRP14:				/* /2 /6, and 66-only /3 /7 */
		if (reg == 2 || reg == 6)
			return 0;
		return (reg == 3 || reg == 7) && di->pp == 0x66 ? 0 : INVALID;
	case SP_0F78:
		if (!di->pp) {
			*a = with_class(*a, CL_PRIV);	/* vmread */
			return 0;
		}
		if (mem || (di->pp == 0x66 && reg != 0))
			return INVALID;
		*a = with_imm(*a, IMM_BB);		/* extrq, insertq */
		return 0;
	case SP_0F79:
		if (!di->pp) {
			*a = with_class(*a, CL_PRIV);	/* vmwrite */
			return 0;
		}
		return mem ? INVALID : 0;
	case SP_GRP15:
		return dinsn_grp15(di, reg, mem);
	case SP_GRP8:
		return reg >= 4 ? 0 : INVALID;
	case SP_GRP9:
		return dinsn_grp9(di, a, reg, mem);
	case SP_0F1E:
		if (di->pp == 0xf3 && (di->modrm == 0xfa || di->modrm == 0xfb))
			*a = with_class(*a, CL_ENDBR);
		return 0;
	case SP_0F38F8:
		if (di->pp == 0x66)
			return mem ? 0 : INVALID;	/* movdir64b */
		if (di->pp == 0xf3 && mem)
			*a = with_class(*a, CL_PRIV);	/* enqcmds */
		return 0;
	case SP_NOP:
		if (reg == 0)
			*a = with_class(*a, CL_NOP);
		return 0;
	case SP_XCHG90:			/* REX.B, REX2.B3/B4: xchg with rax */
		if (!(dinsn_rex_wrxb(di) & 1) && di->pp != 0xf3 &&
		    !(di->vex_kind == DINSN_REX2 && (di->vex[0] & 0x10)))
			*a = with_class(*a, CL_NOP);
		return 0;
	case SP_0F38F6:
		if (!di->pp && !mem)			/* wrss: memory only */
			return INVALID;
		return 0;
	case SP_X87:
		return dinsn_x87(di, reg, mem);
	case SP_PADLOCK:
		return dinsn_padlock(di);
	case SP_MEM66:			/* movlpd, movhpd */
		return di->pp == 0x66 && !mem ? INVALID : 0;
	case SP_0FD6:			/* movq2dq, movdq2q: registers */
		return di->pp != 0x66 && mem ? INVALID : 0;
	case SP_0F38F0:			/* movbe needs memory, crc32 not */
		return di->pp != 0xf2 && !mem ? INVALID : 0;
	case SP_VEXGRP:
		return dinsn_vex_group(di, reg, mem);
	case SP_EVEX4:
		return dinsn_evex4_group(di, a);
	case SP_KLWIDE:
		if (di->map == DINSN_MAP_0F3A)		/* hreset: C0 only */
			return di->modrm == 0xc0 ? 0 : INVALID;
		if (di->opcode == 0xd8)			/* /0-/3 only */
			return reg < 4 ? 0 : INVALID;
		/* aes*kl need memory; F3 0F 38 DC mod 3 is loadiwkey */
		return di->pp == 0xf3 && !mem && di->opcode != 0xdc ?
		       INVALID : 0;
	}
	return 0;
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
