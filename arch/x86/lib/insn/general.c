// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the general decoder.
 *
 * Handles every encoding in both modes: legacy prefixes, the 0F/0F38/0F3A
 * escapes, VEX/EVEX/XOP (vex.c), group opcodes (special.c), 16-bit
 * addressing, the odd immediates and the emulate prefix.  Every read is
 * bounds-checked against min(len, 15).  The fast path in decode.c hands
 * everything it does not cover to dinsn_decode_general().
 */
#include <linux/compiler.h>
#include "dinsn_tables.h"

/* Where decoding stands in the input. */
struct dinsn_cursor {
	const u8 *buf;
	size_t len;		/* readable bytes */
	size_t lim;		/* min(len, DINSN_MAX_LEN) */
	size_t pos;		/* next byte to read */
};

/* Legacy prefix kind to DINSN_P_* bit. */
static const u8 dinsn_pk_bit[8] = {
	[PK_SEG] = DINSN_P_SEG, [PK_OPSIZE] = DINSN_P_OPSIZE,
	[PK_ADSIZE] = DINSN_P_ADSIZE, [PK_LOCK] = DINSN_P_LOCK,
	[PK_REP] = DINSN_P_REP, [PK_REPNE] = DINSN_P_REPNE,
};

/* Error for running out of bytes with @more still needed. */
static int dinsn_cursor_short(const struct dinsn_cursor *c, size_t more)
{
	return dinsn_short(c->pos + more, c->len);
}

static inline bool dinsn_have(const struct dinsn_cursor *c, size_t more)
{
	return c->pos + more <= c->lim;
}

/*
 * Legacy and REX prefixes.  Leaves the cursor on the first other byte and
 * returns its attribute word in *ap.
 */
static int dinsn_prefixes(struct dinsn *di, struct dinsn_cursor *c,
			  const u32 *onebyte, u32 *ap)
{
	unsigned int pfx = 0, kind;
	u8 rex = 0, rep = 0, b;
	u32 a;

	for (;;) {
		if (!dinsn_have(c, 1))
			return dinsn_cursor_short(c, 1);
		b = c->buf[c->pos];
		a = onebyte[b];
		if (!(a & A_PFX))
			break;
		kind = (a & A_SP_MASK) >> A_SP_SHIFT;
		if (kind == PK_REX) {
			rex = b;
			di->rex_off = c->pos;
		} else {
			rex = 0;	/* a REX only counts right before the opcode */
			pfx |= dinsn_pk_bit[kind];
			if (kind == PK_SEG)
				di->seg = b;
			else if (kind >= PK_REP)
				rep = b;
		}
		c->pos++;
	}
	di->prefixes = pfx;
	di->rex = rex;
	di->nr_prefixes = rex ? di->rex_off : c->pos;
	/* the mandatory prefix is the last F2/F3, else 66 */
	di->pp = rep ? rep : (pfx & DINSN_P_OPSIZE ? 0x66 : 0);
	if (pfx & DINSN_P_ADSIZE)
		di->addrsize = di->mode == DINSN_MODE_64 ? 4 : 2;
	*ap = a;
	return 0;
}

/* PNP/P66/PF3/PF2 bit of a mandatory prefix byte. */
static unsigned int dinsn_ppbit(u8 pp)
{
	return pp == 0 ? PNP : pp == 0x66 ? P66 : pp == 0xf3 ? PF3 : PF2;
}

/*
 * The opcode: one byte, 0F xx, 0F 38 xx, 0F 3A xx, or VEX/EVEX/XOP.
 * On return *ap is the opcode's attribute word, already checked against
 * the mandatory prefix.
 */
static int dinsn_opcode(struct dinsn *di, struct dinsn_cursor *c, u32 *ap)
{
	unsigned int ppbit = dinsn_ppbit(di->pp);
	const u8 *p = c->buf + c->pos;
	u32 a = *ap;
	u8 op = *p++;
	int ret;

	di->opcode_off = c->pos;
	di->opsize = dinsn_opsize[di->mode][((di->rex >> 3) & 1) |
		(di->prefixes & DINSN_P_OPSIZE ? 2 : 0) | (a & A_DEF64 ? 4 : 0)];
	if (a & A_ESC) {
		if (op == 0x0f) {
			if (!dinsn_have(c, 2))
				return dinsn_cursor_short(c, 2);
			op = *p++;
			if (op == 0x38 || op == 0x3a) {
				if (!dinsn_have(c, 3))
					return dinsn_cursor_short(c, 3);
				di->map = op == 0x38 ? DINSN_MAP_0F38 :
						       DINSN_MAP_0F3A;
				op = *p++;
				a = di->map == DINSN_MAP_0F38 ?
				    dinsn_map0f38[op] : dinsn_map0f3a[op];
			} else {
				di->map = DINSN_MAP_0F;
				a = dinsn_map0f[op];
			}
			if (di->mode == DINSN_MODE_64 && (a & A_DEF64) &&
			    !(di->prefixes & DINSN_P_OPSIZE))
				di->opsize = 8;
		} else if (op == 0xd5) {
			/* 64-bit mode only: AAD in 32-bit code has no A_ESC */
			ret = dinsn_rex2(di, c->buf, &p, c->lim, &a, &op);
			if (ret < 0)
				return ret;
		} else {
			ret = dinsn_vex(di, c->buf, &p, c->lim, &a, &op);
			if (ret < 0)
				return ret;
			if (ret)
				ppbit = PNP;	/* pp was checked by dinsn_vex */
			a &= ~A_ESC;
		}
	}
	di->opcode = op;
	c->pos = p - c->buf;
	if (!(a & (ppbit << A_PP_SHIFT)))
		return DINSN_ERR_INVALID;
	*ap = a;
	return 0;
}

/* ModRM and SIB; returns the displacement size in *dlp. */
static int dinsn_modrm(struct dinsn *di, struct dinsn_cursor *c, u32 a,
		       unsigned int *dlp)
{
	unsigned int dl = 0, mod, rm;

	if (!dinsn_have(c, 1))
		return dinsn_cursor_short(c, 1);
	di->modrm = c->buf[c->pos];
	di->modrm_off = c->pos++;
	mod = di->modrm >> 6;
	rm = di->modrm & 7;
	if (((a & A_NOMOD3) && mod == 3) || ((a & A_MOD3) && mod != 3))
		return DINSN_ERR_INVALID;
	if (mod == 3 || (a & A_FORCEREG)) {
		/* register form; MOV CR/DR ignore mod */
	} else if (di->addrsize == 2) {
		/* 16-bit addressing: no SIB, disp16 */
		if (mod == 1)
			dl = 1;
		else if (mod == 2 || rm == 6)
			dl = 2;
	} else {
		if (rm == 4) {
			if (!dinsn_have(c, 1))
				return dinsn_cursor_short(c, 1);
			di->sib = c->buf[c->pos];
			di->sib_off = c->pos++;
			if (mod == 0 && (di->sib & 7) == 5)
				dl = 4;
		}
		if (mod == 1) {
			dl = 1;
		} else if (mod == 2) {
			dl = 4;
		} else if (rm == 5) {
			dl = 4;
			if (di->mode == DINSN_MODE_64)
				di->flags |= DINSN_F_RIPREL;
		}
	}
	*dlp = dl;
	return 0;
}

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

/* Immediates made of two parts, or unsigned: enter, far pointers, moffs. */
static void dinsn_read_imm_odd(struct dinsn *di, const u8 *p,
			       unsigned int ik, unsigned int il)
{
	switch (ik) {
	case IMM_ENTER:
		di->imm = dinsn_rd16(p);
		di->imm2 = p[2];
		return;
	case IMM_FAR:
		di->imm = il == 4 ? dinsn_rd16(p) : dinsn_rd32(p);
		di->imm2 = dinsn_rd16(p + il - 2);
		return;
	case IMM_BB:
		di->imm = p[0];
		di->imm2 = p[1];
		return;
	case IMM_MOFFS:
		di->imm = il == 8 ? dinsn_rd_signed(p, 8) :
			  il == 4 ? (s64)dinsn_rd32(p) : dinsn_rd16(p);
		return;
	}
}

/* Displacement and immediate: sizes, bounds, values; sets di->len. */
static int dinsn_operands(struct dinsn *di, struct dinsn_cursor *c, u32 a,
			  unsigned int dl)
{
	unsigned int ik = a & A_IMM_MASK, il = dinsn_imm_fixed[ik];
	const u8 *p;

	if (il == 0xff)
		il = dinsn_imm_len_var(di, ik);
	if (!dinsn_have(c, dl + il))
		return dinsn_cursor_short(c, dl + il);
	p = c->buf + c->pos;
	if (dl) {
		di->disp_off = c->pos;
		di->disp_len = dl;
		di->disp = (s32)dinsn_rd_signed(p, dl);
		p += dl;
	}
	if (il) {
		di->imm_off = c->pos + dl;
		di->imm_len = il;
		if ((1u << ik) & IMM_PLAIN)
			di->imm = dinsn_rd_signed(p, il);
		else
			dinsn_read_imm_odd(di, p, ik, il);
	}
	c->pos += dl + il;
	di->len = c->pos;
	return 0;
}

/* "ud2; .ascii "xen"" and "ud2; .ascii "kvm"": the hypervisor's marker. */
static bool dinsn_is_emul_prefix(const u8 *buf, size_t len)
{
	if (len < DINSN_EMUL_PREFIX_LEN || buf[0] != 0x0f || buf[1] != 0x0b)
		return false;
	return (buf[2] == 'x' && buf[3] == 'e' && buf[4] == 'n') ||
	       (buf[2] == 'k' && buf[3] == 'v' && buf[4] == 'm');
}

static int dinsn_general(struct dinsn *di, const u8 *buf, size_t len,
			 enum dinsn_mode mode, bool emul_ok);

/*
 * Decode the instruction after an emulate prefix as one unit with it.
 * Returns 1 when @buf holds no usable emulate prefix (a plain ud2).  The
 * unit may be up to DINSN_UNIT_MAX_LEN (20) bytes long: the 15-byte limit
 * applies to the instruction after the prefix.
 */
static noinline int dinsn_decode_emul(struct dinsn *di, const u8 *buf,
				      size_t len, enum dinsn_mode mode)
{
	const unsigned int n = DINSN_EMUL_PREFIX_LEN;
	struct dinsn in;
	int ret;

	if (!dinsn_is_emul_prefix(buf, len))
		return 1;
	ret = dinsn_general(&in, buf + n, len - n, mode, false);
	if (ret == DINSN_ERR_TRUNCATED)
		return ret;
	if (ret)
		return 1;
	in.len += n;
	in.emul_len = n;
	in.flags |= DINSN_F_EMUL_PREFIX;
	in.nr_prefixes += n;
	in.opcode_off += n;
	if (in.rex)
		in.rex_off += n;
	if (in.vex_kind)
		in.vex_off += n;
	if (in.modrm_off)
		in.modrm_off += n;
	if (in.sib_off)
		in.sib_off += n;
	if (in.disp_len)
		in.disp_off += n;
	if (in.imm_len)
		in.imm_off += n;
	*di = in;
	return 0;
}

/* Branch class and effects; 3DNow! suffix; emulate prefix after ud2. */
static int dinsn_classify(struct dinsn *di, const u8 *buf, size_t len,
			  u32 a, bool emul_ok)
{
	unsigned int cl = (a & A_CL_MASK) >> A_CL_SHIFT;
	int ret;

	if (!cl)
		return 0;
	di->branch = dinsn_class_info[cl].branch;
	di->flags |= dinsn_class_info[cl].flags;
	if (cl == CL_3DNOW) {
		di->map = DINSN_MAP_3DNOW;
		di->opcode = buf[di->len - 1];
		if (!dinsn_bit(dinsn_3dnow_valid, di->opcode))
			return DINSN_ERR_INVALID;
	} else if (emul_ok && cl == CL_UD && di->len == 2 &&
		   di->opcode == 0x0b) {
		ret = dinsn_decode_emul(di, buf, len, di->mode);
		if (ret <= 0)
			return ret;
	}
	return 0;
}

static int dinsn_general(struct dinsn *di, const u8 *buf, size_t len,
			 enum dinsn_mode mode, bool emul_ok)
{
	struct dinsn_cursor c = {
		.buf = buf, .len = len,
		.lim = len < DINSN_MAX_LEN ? len : DINSN_MAX_LEN,
	};
	unsigned int dl = 0;
	u32 a = 0;
	int ret;

	*di = (struct dinsn){
		.mode = mode, .addrsize = mode == DINSN_MODE_64 ? 8 : 4,
	};
	ret = dinsn_prefixes(di, &c, dinsn_onebyte[mode], &a);
	if (!ret)
		ret = dinsn_opcode(di, &c, &a);
	if (!ret && (a & A_MODRM))
		ret = dinsn_modrm(di, &c, a, &dl);
	if (!ret && (a & A_SPECIAL))
		ret = dinsn_special(di, &a);
	if (!ret && (di->prefixes & DINSN_P_LOCK) && !dinsn_lock_ok(di, a))
		ret = DINSN_ERR_INVALID;
	if (!ret)
		ret = dinsn_operands(di, &c, a, dl);
	if (!ret)
		ret = dinsn_classify(di, buf, len, a, emul_ok);
	return ret;
}

/**
 * dinsn_decode_general() - decode any instruction, checking every read
 * @di: result
 * @buf: instruction bytes
 * @len: readable bytes at @buf
 * @mode: DINSN_MODE_64 or DINSN_MODE_32
 *
 * Return: as dinsn_decode().
 */
noinline int dinsn_decode_general(struct dinsn *di, const u8 *buf,
				  size_t len, enum dinsn_mode mode)
{
	return dinsn_general(di, buf, len, mode, true);
}
