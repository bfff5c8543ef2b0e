// SPDX-License-Identifier: GPL-2.0
/*
 * Exhaustive table test: every opcode of every map, with the prefix
 * combinations and ModRM/SIB forms that change decoding, against Zydis.
 *
 * Rules: lengths must agree whenever both decoders accept the bytes, and we
 * must accept everything Zydis accepts, except for the classes listed in
 * known_gaps.c.  Where we accept what Zydis rejects, the bytes must belong
 * to a known-gap class (an extension Zydis 4.0 does not know) and be
 * confirmed there by upstream's decoder, the REX twin or objdump, or be a
 * VEX/EVEX field constraint we deliberately do not check (compare.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dinsn.h"
#include "zyref.h"
#include "known_gaps.h"
#include "compare.h"
#include "array_size.h"

#define NBUF 15

static ZydisDecoder zy64, zy32;
static unsigned long n_cases, n_agree, n_known;
static struct lenient_stats len_stats;
static unsigned long n_fail;
static int verbose;

/* Report at most a few samples per failure key so the output stays short. */
#define MAX_KEYS 4096
static struct { u32 key; unsigned int n; } keys[MAX_KEYS];
static unsigned int nr_keys;

static bool first_of_key(u32 key)
{
	for (unsigned int i = 0; i < nr_keys; i++) {
		if (keys[i].key == key)
			return keys[i].n++ < 2;
	}
	if (nr_keys < MAX_KEYS)
		keys[nr_keys++] = (typeof(keys[0])){ key, 1 };
	return true;
}

static void dump(const char *what, const u8 *b, int ours, int zy, int m)
{
	printf("  %s: m%d ours=%d zydis=%d bytes:", what, m ? 32 : 64, ours, zy);
	for (int i = 0; i < NBUF; i++)
		printf(" %02x", b[i]);
	printf("\n");
}

static void check(const u8 *b, enum dinsn_mode mode, u32 key)
{
	struct dinsn di;
	int r = dinsn_decode(&di, b, NBUF, mode);
	int ours = r ? 0 : di.len;
	const ZydisDecoder *z = mode == DINSN_MODE_64 ? &zy64 : &zy32;
	ZydisDecodedInstruction zi;
	int zy = zy_decode(z, b, NBUF, &zi);
	const char *why;
	int g;

	if (zy == ZY_TRUNCATED)
		zy = 0;		/* cannot happen with 15 bytes: treat as invalid */
	n_cases++;
	if (ours && !same_when_exact(b, &di, mode)) {
		n_fail++;
		if (first_of_key(key | 0x80000000))
			dump("fast/slow paths differ", b, ours, zy, mode);
		return;
	}
	if (ours == zy) {
		why = ours ? fields_differ(&di, &zi, 0) : NULL;
		if (!why) {
			n_agree++;
			return;
		}
		n_fail++;
		if (verbose || first_of_key(key | 0x40000000))
			dump(why, b, ours, zy, mode);
		return;
	}
	g = ours && !zy ? known_gap_of(&di, b) : -1;
	if (g >= 0) {
		if (known_gap_confirm(g, b, &di, mode)) {
			n_known++;
			return;
		}
		n_fail++;	/* reported by known_gap_confirm() */
		return;
	}
	if (!ours && zy && known_reject_gap(b, NBUF, mode) >= 0) {
		n_known++;
		return;
	}
	if (ours && !zy && lenient(z, b, NBUF, &di, mode, &len_stats))
		return;
	n_fail++;
	if (verbose || first_of_key(key))
		dump(ours && zy ? "LENGTH" : ours ? "we-accept" : "we-reject",
		     b, ours, zy, mode);
}

/* Prefix sets applied in front of the legacy maps. */
static const struct { u8 n; u8 b[3]; } legacy_pfx[] = {
	{ 0, {0} }, { 1, {0x66} }, { 1, {0xf3} }, { 1, {0xf2} },
	{ 1, {0x67} }, { 1, {0x48} }, { 1, {0x41} }, { 1, {0x44} },
	{ 1, {0xf0} }, { 2, {0x66, 0x48} }, { 2, {0x48, 0x66} },
	{ 2, {0x48, 0x41} }, { 2, {0x66, 0xf3} }, { 2, {0xf3, 0x66} },
	{ 2, {0x66, 0x67} }, { 2, {0x2e, 0x3e} }, { 2, {0xf0, 0x66} },
	{ 3, {0xf2, 0x48, 0x66} },
};

static const u8 sibs[] = { 0x00, 0x05, 0x25, 0x65, 0xe4 };

static void fill_tail(u8 *b, unsigned int from)
{
	for (unsigned int i = from; i < NBUF; i++)
		b[i] = (u8)(0x11 * (i - from + 1));
}

/* One opcode and ModRM byte of map @m (0: one-byte) behind prefix set @pi. */
static void legacy_one(u8 *b, enum dinsn_mode mode, unsigned int m,
		       unsigned int pi, unsigned int op, unsigned int modrm)
{
	static const u8 esc[4][2] = { {0}, {0x0f}, {0x0f, 0x38}, {0x0f, 0x3a} };
	unsigned int n = 0, ns;

	if (mode == DINSN_MODE_32 && (legacy_pfx[pi].b[0] & 0xf0) == 0x40)
		return;
	for (unsigned int i = 0; i < legacy_pfx[pi].n; i++)
		b[n++] = legacy_pfx[pi].b[i];
	for (unsigned int i = 0; i < m && i < 2; i++)
		b[n++] = esc[m][i];
	if (m == 0 && (op == 0x0f || (op & 0xf0) == 0x40 ||
		       op == 0x26 || op == 0x2e || op == 0x36 ||
		       op == 0x3e || (op >= 0x64 && op <= 0x67) ||
		       op == 0xf0 || op == 0xf2 || op == 0xf3))
		if (modrm)
			return;	/* prefixes: one case each */
	b[n++] = op;
	b[n++] = modrm;
	ns = ((modrm & 7) == 4 && modrm < 0xc0) ? sizeof(sibs) : 1;
	for (unsigned int s = 0; s < ns; s++) {
		b[n] = sibs[s];
		fill_tail(b, n + 1);
		check(b, mode, (mode << 28) | (m << 24) | (pi << 16) |
			       (op << 8) | (modrm >> 6 << 3) |
			       ((modrm >> 3) & 7));
	}
}

static void legacy_maps(enum dinsn_mode mode)
{
	u8 b[NBUF];

	for (unsigned int m = 0; m < 4; m++)
		for (unsigned int pi = 0; pi < ARRAY_SIZE(legacy_pfx); pi++)
			for (unsigned int op = 0; op < 256; op++)
				for (unsigned int modrm = 0; modrm < 256; modrm++)
					legacy_one(b, mode, m, pi, op, modrm);
}

static const u8 vex_modrms[] = {
	0x00, 0x04, 0x05, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38,
	0x41, 0x84, 0xc0, 0xc8, 0xd0, 0xd8, 0xe0, 0xe8, 0xf0, 0xf8,
	0xc1, 0xd1, 0xf9, 0x3c,
};

static void vex_one(u8 *b, unsigned int n, enum dinsn_mode mode, u32 key)
{
	for (unsigned int op = 0; op < 256; op++)
		for (unsigned int mi = 0; mi < sizeof(vex_modrms); mi++) {
			b[n] = op;
			b[n + 1] = vex_modrms[mi];
			fill_tail(b, n + 2);
			check(b, mode, key | (op << 8) | (vex_modrms[mi] >> 6));
		}
}

static void vex_maps(enum dinsn_mode mode)
{
	u8 b[NBUF];

	/* VEX2: R, L, pp (vvvv = 1111) */
	for (unsigned int p1 = 0; p1 < 256; p1++) {
		if ((p1 & 0x78) != 0x78)
			continue;
		b[0] = 0xc5;
		b[1] = p1;
		vex_one(b, 2, mode, 0x1000000 | (p1 << 16));
	}
	/* VEX3 and XOP: maps, W, L, pp; R/X/B set (inverted) */
	for (unsigned int esc = 0; esc < 2; esc++)
		for (unsigned int map = 0; map < 32; map++)
			for (unsigned int w = 0; w < 2; w++)
				for (unsigned int lpp = 0; lpp < 8; lpp++) {
					b[0] = esc ? 0x8f : 0xc4;
					b[1] = 0xe0 | map;
					b[2] = (w << 7) | 0x78 | lpp;
					if (esc && map < 8)
						continue;
					vex_one(b, 3, mode, (0x2000000 << esc) | (map << 16) |
							    (w << 23) | (lpp << 20));
				}
	/* EVEX: maps, W, pp, L'L, b */
	for (unsigned int map = 0; map < 8; map++)
		for (unsigned int w = 0; w < 2; w++)
			for (unsigned int pp = 0; pp < 4; pp++)
				for (unsigned int ll = 0; ll < 4; ll++)	/* 3: reserved or RC */
					for (unsigned int bb = 0; bb < 2; bb++) {
						b[0] = 0x62;
						b[1] = 0xf0 | map;
						b[2] = (w << 7) | 0x7c | pp;
						b[3] = (ll << 5) | (bb << 4) | 0x08;
						vex_one(b, 4, mode,
							0x8000000 | (map << 16) | (w << 23) |
							(pp << 20) | (ll << 26));
					}
}

/*
 * APX's REX2: payloads (M0, W, the R/X/B bits), legacy prefixes, every
 * opcode of map 0 and map 1 with the ModRM forms of the VEX test.
 */
static void rex2(void)
{
	static const u8 payload[] = { 0x00, 0x08, 0x80, 0x88, 0x77, 0xff };
	static const u8 pfx[] = { 0, 0x66, 0xf3, 0xf2, 0xf0, 0x67, 0x2e };
	u8 b[NBUF];

	for (unsigned int pi = 0; pi < sizeof(pfx); pi++)
		for (unsigned int pl = 0; pl < sizeof(payload); pl++) {
			unsigned int n = 0;

			if (pfx[pi])
				b[n++] = pfx[pi];
			b[n++] = 0xd5;
			b[n++] = payload[pl];
			vex_one(b, n, DINSN_MODE_64, 0x10000000 | (pi << 20) |
						     (payload[pl] << 12));
		}
}

/*
 * APX's EVEX map 4: P0 with and without the register extensions (B4 in
 * bit 3), W, pp, vvvv, ~X4, and P2 values: ND, NF, V4, the CCMP/CTEST
 * source condition, and the reserved bits (z, L'L, aaa 1-0).
 */
static void evex_map4(void)
{
	static const u8 p0[] = { 0xf4, 0x04, 0xfc, 0x8c };
	static const u8 p2[] = { 0x08, 0x00, 0x18, 0x0c, 0x1c, 0x0f, 0x07,
				 0x09, 0x28, 0x88 };
	u8 b[NBUF];

	for (unsigned int i = 0; i < sizeof(p0); i++)
		for (unsigned int w = 0; w < 2; w++)
			for (unsigned int pp = 0; pp < 4; pp++)
				for (unsigned int v = 0; v < 2; v++)
					for (unsigned int j = 0; j < sizeof(p2); j++) {
						b[0] = 0x62;
						b[1] = p0[i];
						/* bit 2 is ~X4: X4 set with p0[3] only */
						b[2] = (w << 7) | (v ? 0x78 : 0x30) |
						       (i == 3 ? 0 : 0x04) | pp;
						b[3] = p2[j];
						vex_one(b, 4, DINSN_MODE_64,
							0x20000000 | (i << 26) | (w << 25) |
							(pp << 22) | (v << 21) | (j << 16));
					}
}

static void threednow(enum dinsn_mode mode)
{
	u8 b[NBUF];

	for (unsigned int modrm = 0; modrm < 256; modrm += 0x41)
		for (unsigned int suf = 0; suf < 256; suf++) {
			unsigned int n = 3;

			b[0] = 0x0f;
			b[1] = 0x0f;
			b[2] = modrm;
			if ((modrm & 7) == 4 && modrm < 0xc0)
				b[n++] = 0x24;
			if ((modrm >> 6) == 1)
				b[n++] = 0x10;
			else if ((modrm >> 6) == 2 || (modrm < 0x40 && (modrm & 7) == 5))
				for (int i = 0; i < 4; i++)
					b[n++] = 0x10;
			b[n++] = suf;
			fill_tail(b, n);
			check(b, mode, 0x40000000 | suf);
		}
}

int main(int argc, char **argv)
{
	verbose = argc > 1 && !strcmp(argv[1], "-v");
	zy_init(&zy64, DINSN_MODE_64, false);
	zy_init(&zy32, DINSN_MODE_32, false);
	legacy_maps(DINSN_MODE_64);
	legacy_maps(DINSN_MODE_32);
	vex_maps(DINSN_MODE_64);
	vex_maps(DINSN_MODE_32);
	threednow(DINSN_MODE_64);
	rex2();
	evex_map4();
	n_fail += known_gaps_finish();
	printf("exhaustive: %lu cases, %lu agree, %lu in known Zydis gaps (confirmed by other oracles), %lu lenient (VEX/EVEX field constraints), %lu failures\n",
	       n_cases, n_agree, n_known, len_stats.field, n_fail);
	printf("RESULT exhaustive %s\n", n_fail ? "FAIL" : "PASS");
	return n_fail ? 1 : 0;
}
