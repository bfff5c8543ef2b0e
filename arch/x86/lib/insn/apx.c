// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: Intel APX (Advanced Performance Extensions), 64-bit mode only.
 *
 * REX2 (D5 + one payload byte: M0 R4 X4 B4 W R3 X3 B3) stands in for REX
 * and for the 0F escape: M0 selects the one-byte map or map 1 (0F), and
 * the next byte is the opcode.  Written from the Intel APX architecture
 * specification:
 *
 * - rows 4, 7, A and E of the one-byte map and rows 3 and 8 of map 1 do
 *   not exist with REX2 (REX bytes, Jcc, the moffs MOVs and string
 *   instructions, LOOP/JrCXZ/IN/OUT/CALL/JMP, WRMSR..GETSEC and the 38/3A
 *   escapes, Jcc rel32), except JMPABS: REX2 (M0 = 0, W = 0) A1 imm64,
 *   with no other prefix;
 * - a REX prefix may not precede REX2, and REX2 may not be followed by
 *   another prefix, an escape or a VEX/EVEX/XOP prefix byte (C4, C5 and
 *   62 then read as LES, LDS and BOUND, which 64-bit mode does not have;
 *   8F is POP r/m).
 *
 * EVEX map 4 holds the legacy integer instructions promoted to EVEX (new
 * data destination, no-flags forms, CCMP/CTEST, PUSH2/POP2, CFCMOV,
 * SETcc.ZU); its opcodes are in tables_apx.c and the group and form rules
 * are checked by dinsn_evex4_group().
 */
#include "dinsn_tables.h"

#define INVALID	DINSN_ERR_INVALID

/* REX2 payload bits. */
#define REX2_M0	0x80
#define REX2_W	0x08

/* One-byte map rows that REX2 cannot reach (bit n: row n). */
#define REX2_NO_ROWS_MAP0	((1u << 0x4) | (1u << 0x7) | (1u << 0xa) | \
				 (1u << 0xe))
/* Map 1 (0F) rows that REX2 cannot reach. */
#define REX2_NO_ROWS_MAP1	((1u << 0x3) | (1u << 0x8))

/* JMPABS: imm64, an absolute target; 64-bit operation. */
#define JMPABS_ATTR	(IMM_Q | PP(PNP) | CL(CL_JMP_ABS) | A_DEF64)

/**
 * dinsn_rex2() - decode a REX2 prefix and the opcode after it
 * @di: instruction being decoded; legacy prefixes are already in it
 * @buf: start of the instruction
 * @pp: in: just past the D5 byte; out: just past the opcode byte
 * @len: readable bytes at @buf, at most DINSN_MAX_LEN
 * @attr: out: the opcode's attribute word (mandatory prefix not yet
 *	checked)
 * @opp: out: the opcode byte
 *
 * Return: 0, or a negative DINSN_ERR_*.
 */
int dinsn_rex2(struct dinsn *di, const u8 *buf, const u8 **pp, size_t len,
	       u32 *attr, u8 *opp)
{
	const u8 *p = *pp;
	unsigned int row;
	u8 pl, op;
	u32 a;
	int err;

	/* payload and opcode */
	err = dinsn_short(p - buf + 2, len);
	if (err)
		return err;
	if (di->rex)
		return INVALID;		/* REX before REX2 */
	pl = p[0];
	op = p[1];
	row = op >> 4;
	di->vex_kind = DINSN_REX2;
	di->vex_off = p - 1 - buf;
	di->vex[0] = pl;
	if (pl & REX2_M0) {
		di->map = DINSN_MAP_0F;
		a = dinsn_map0f[op];
		if ((REX2_NO_ROWS_MAP1 & (1u << row)) || op == 0x0f)
			return INVALID;	/* no 3DNow! either: Intel-only */
	} else {
		a = dinsn_onebyte[DINSN_MODE_64][op];
		if (op == 0xa1 && !(pl & REX2_W) && !di->prefixes)
			a = JMPABS_ATTR;
		else if (REX2_NO_ROWS_MAP0 & (1u << row))
			return INVALID;
		else if (op == 0x8f)
			a &= ~A_ESC;	/* pop r/m: no XOP after REX2 */
		else if (a & (A_PFX | A_ESC))
			return INVALID;	/* prefixes, 0F, C4/C5/62, D5 */
	}
	if (a & A_INV)
		return INVALID;
	di->opsize = dinsn_opsize[DINSN_MODE_64][(pl & REX2_W ? 1 : 0) |
		(di->prefixes & DINSN_P_OPSIZE ? 2 : 0) |
		(a & A_DEF64 ? 4 : 0)];
	*attr = a;
	*opp = op;
	*pp = p + 2;
	return 0;
}

static inline u32 with_class(u32 a, unsigned int cl)
{
	return (a & ~A_CL_MASK) | ((u32)cl << A_CL_SHIFT);
}

/* EVEX P2 in map 4: z L'L must be 0 (bits 7-5; checked in vex.c). */
#define P2_ND		0x10	/* new data destination / zero upper */
#define P2_LOW		0x03	/* aaa bits 1-0: reserved 0 */

/**
 * dinsn_evex4_group() - forms and groups of EVEX map 4
 * @di: instruction decoded up to and including ModRM
 * @attr: its attribute word; immediate kind and class may be rewritten
 *
 * CCMPscc and CTESTscc keep the source condition in P2 bits 3-0 and need
 * ND = 0; every other map 4 instruction has NF in P2 bit 2, ND in bit 4,
 * and bits 1-0 reserved 0.
 *
 * Return: 0, or DINSN_ERR_INVALID.
 */
int dinsn_evex4_group(struct dinsn *di, u32 *attr)
{
	unsigned int reg = (di->modrm >> 3) & 7;
	bool mem = di->modrm < 0xc0, scc = false;
	u8 p2 = di->vex[2];

	switch (di->opcode) {
	case 0x38 ... 0x3b:		/* ccmpscc r/m, r and r, r/m */
	case 0x84 ... 0x85:		/* ctestscc r/m, r */
		scc = true;
		break;
	case 0x80 ... 0x83:		/* grp1; /7 is ccmpscc r/m, imm */
		scc = reg == 7;
		break;
	case 0xf6 ... 0xf7:		/* grp3; /0 is ctestscc r/m, imm */
		if (reg == 1)
			return INVALID;
		if (reg == 0)
			scc = true;
		else
			*attr &= ~A_IMM_MASK;	/* not .. idiv: no imm */
		break;
	case 0xc0 ... 0xc1:
	case 0xd0 ... 0xd3:		/* grp2: no /6 */
		if (reg == 6)
			return INVALID;
		break;
	case 0xfe:			/* inc, dec */
		if (reg > 1)
			return INVALID;
		break;
	case 0xff:			/* inc, dec; push2 is /6, registers */
		if (reg == 6 && !mem && !di->pp) {
			*attr = with_class(*attr, CL_PUSH);
			di->opsize = 8;
		} else if (reg > 1) {
			return INVALID;
		}
		break;
	case 0x8f:			/* pop2: /0, registers */
		if (reg)
			return INVALID;
		di->opsize = 8;
		break;
	case 0x66:			/* wrss needs memory; adcx, adox */
		if (!di->pp && !mem)
			return INVALID;
		break;
	case 0xf0 ... 0xf2:		/* F3: invept, invvpid, invpcid */
		if (di->pp == 0xf3) {
			if (!mem)
				return INVALID;
			*attr = with_class(*attr, CL_PRIV_SERIAL);
		}
		break;
	case 0xf8:	/* movdir64b, enqcmd(s); urdmsr/uwrmsr registers */
		if (di->pp == 0x66 && !mem)
			return INVALID;
		if (di->pp == 0xf3 && mem)
			*attr = with_class(*attr, CL_PRIV);	/* enqcmds */
		break;
	}
	if (scc)
		return p2 & P2_ND ? INVALID : 0;
	return p2 & P2_LOW ? INVALID : 0;
}
