// SPDX-License-Identifier: GPL-2.0
/* Deciding whether a disagreement with Zydis is acceptable. */
#include <string.h>
#include "compare.h"

/*
 * Zydis rejects some VEX/EVEX encodings for reasons that do not change the
 * length: fields an instruction does not use must hold fixed values
 * (vvvv = 1111, W, L, EVEX.b/z/aaa/V').  We do not check those for the
 * older instructions.  Such a case is "lenient" only if Zydis accepts a
 * variant with the fields put right, with the same ModRM, and agrees with
 * us on its length; an opcode Zydis does not know in any form, or a
 * register-only or memory-only form we accept with the other kind of
 * ModRM, is a failure.
 */
static bool variant_ok(const ZydisDecoder *zy, const u8 *b, size_t n,
		       enum dinsn_mode mode)
{
	struct dinsn di;
	int zl;

	if (dinsn_decode(&di, b, n, mode))
		return false;
	zl = zy_len(zy, b, n);
	return zl > 0 && zl == di.len;
}

/*
 * Put the fields right in @v for one combination (@vvvv: the inverted
 * vvvv bits in place); false if the combination does not apply to the
 * encoding.
 */
static bool set_fields(u8 *v, unsigned int o, u8 vex_kind, unsigned int w,
		       unsigned int l, unsigned int aaa, u8 vvvv)
{
	switch (vex_kind) {
	case DINSN_VEX2:
		if (w || aaa || l > 1)
			return false;
		v[o + 1] = (v[o + 1] & 0x03) | 0x80 | vvvv | (l << 2);
		break;
	case DINSN_VEX3:
	case DINSN_XOP:
		if (aaa || l > 1)
			return false;
		v[o + 1] |= 0xe0;
		v[o + 2] = (v[o + 2] & 0x03) | (w << 7) | vvvv | (l << 2);
		break;
	case DINSN_EVEX:
		v[o + 1] |= 0xf0;
		v[o + 2] = (v[o + 2] & 0x07) | (w << 7) | vvvv;
		v[o + 3] = (l << 5) | 0x08 | aaa;
		break;
	}
	return true;
}

static bool try_fields(const ZydisDecoder *zy, u8 *v, size_t n,
		       const struct dinsn *di, enum dinsn_mode mode)
{
	unsigned int o = di->vex_off;

	/* vvvv (inverted) 1111 = unused, 1101 = a register no other uses */
	static const u8 vvvv[2] = { 0x78, 0x68 };

	for (unsigned int w = 0; w < 2; w++)
		for (unsigned int l = 0; l < 3; l++)
			for (unsigned int aaa = 0; aaa < 2; aaa++)
				for (unsigned int vi = 0; vi < 2; vi++)
					if (set_fields(v, o, di->vex_kind, w, l, aaa, vvvv[vi]) &&
					    variant_ok(zy, v, n, mode))
						return true;
	return false;
}

bool lenient(const ZydisDecoder *zy, const u8 *b, size_t n,
	     const struct dinsn *di, enum dinsn_mode mode,
	     struct lenient_stats *st)
{
	u8 v[DINSN_MAX_LEN];

	if (di->vex_kind == DINSN_VEX_NONE || !di->modrm_off)
		return false;
	if (n > DINSN_MAX_LEN)
		n = DINSN_MAX_LEN;
	memcpy(v, b, n);
	if (try_fields(zy, v, n, di, mode)) {
		st->field++;
		return true;
	}
	return false;
}

bool same_when_exact(const u8 *b, const struct dinsn *di, enum dinsn_mode mode)
{
	struct dinsn again;

	if (dinsn_decode(&again, b, di->len, mode))
		return false;
	return !memcmp(&again, di, sizeof(again));
}

const char *fields_differ(const struct dinsn *di,
			  const ZydisDecodedInstruction *z, unsigned int shift)
{
	unsigned int zdisp = z->raw.disp.size / 8, zimm, dl = di->disp_len;
	unsigned int il = di->imm_len, ioff = di->imm_off, doff = di->disp_off;
	bool moffs = di->map == DINSN_MAP_1B && di->vex_kind == DINSN_VEX_NONE &&
		     di->opcode >= 0xa0 && di->opcode <= 0xa3;

	if (!!(z->attributes & ZYDIS_ATTRIB_HAS_MODRM) != !!di->modrm_off)
		return "ModRM presence";
	if (di->modrm_off && z->raw.modrm.offset + shift != di->modrm_off)
		return "ModRM offset";
	if (!!(z->attributes & ZYDIS_ATTRIB_HAS_SIB) != !!di->sib_off)
		return "SIB presence";
	if (di->sib_off && z->raw.sib.offset + shift != di->sib_off)
		return "SIB offset";
	if (moffs) {		/* Zydis calls the moffs a displacement */
		dl = il;
		doff = ioff;
		il = 0;
	}
	if (zdisp != dl)
		return "displacement size";
	if (dl && z->raw.disp.offset + shift != doff)
		return "displacement offset";
	if (dl && !moffs && z->raw.disp.value != di->disp)
		return "displacement value";
	if (di->map == DINSN_MAP_3DNOW)
		return NULL;	/* Zydis counts the suffix as opcode */
	zimm = (z->raw.imm[0].size + z->raw.imm[1].size) / 8;
	if (zimm != il)
		return "immediate size";
	if (il && z->raw.imm[0].offset + shift != ioff)
		return "immediate offset";
	if (!!z->raw.imm[0].is_relative != !!(di->flags & DINSN_F_REL))
		return "relative branch";
	if ((di->flags & DINSN_F_REL) && z->raw.imm[0].value.s != di->imm)
		return "branch displacement";
	return NULL;
}
