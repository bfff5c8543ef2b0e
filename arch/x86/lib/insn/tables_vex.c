// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: which opcodes exist in the VEX, EVEX and XOP maps.
 *
 * For maps 1-3 (0F, 0F 38, 0F 3A) each byte holds two nibbles of allowed
 * pp values (bit 0 none, 1 66, 2 F3, 3 F2): the low nibble for VEX, the
 * high nibble for EVEX.  Lengths need no table: every VEX/EVEX opcode has a
 * ModRM byte (except VEX 0F 77), map 3 always has an imm8, and map 1 has an
 * imm8 on 70-73 and C2, C4-C6.  Written from the Intel SDM, the Intel ISA
 * extensions reference (AVX-VNNI-INT8/INT16, AVX-NE-CONVERT, AVX-IFMA,
 * CMPccXADD, AMX-FP16, AMX-COMPLEX, SHA512, SM3, SM4) and the AMD APM
 * volume 4.
 */
#include "dinsn_tables.h"

#define V(pp)	((u8)(pp))
#define E(pp)	((u8)((pp) << 4))
#define B(pp)	((u8)((pp) * 0x11))	/* same pp for VEX and EVEX */

const u8 dinsn_vex_valid[3][256] = {
	[0] = {	/* map 1: 0F */
		[0x10 ... 0x12] = B(PALL),
		[0x13] = B(PNP | P66),
		[0x14 ... 0x15] = B(PNP | P66),
		[0x16] = B(PNP | P66 | PF3),
		[0x17] = B(PNP | P66),
		[0x28 ... 0x29] = B(PNP | P66),
		[0x2a] = B(PF3 | PF2),
		[0x2b] = B(PNP | P66),
		[0x2c ... 0x2d] = B(PF3 | PF2),
		[0x2e ... 0x2f] = B(PNP | P66),
		/* opmask instructions are VEX-encoded */
		[0x41 ... 0x42] = V(PNP | P66),
		[0x44 ... 0x47] = V(PNP | P66),
		[0x4a ... 0x4b] = V(PNP | P66),
		[0x50] = V(PNP | P66),
		[0x51] = B(PALL),
		[0x52 ... 0x53] = V(PNP | PF3),
		[0x54 ... 0x57] = B(PNP | P66),
		[0x58 ... 0x5a] = B(PALL),
		[0x5b] = B(PNP | P66 | PF3),
		[0x5c ... 0x5f] = B(PALL),
		[0x60 ... 0x6e] = B(P66),
		[0x6f] = V(P66 | PF3) | E(P66 | PF3 | PF2),
		[0x70] = B(P66 | PF3 | PF2),
		[0x71 ... 0x76] = B(P66),
		[0x77] = V(PNP),
		[0x78 ... 0x79] = E(PALL),
		[0x7a ... 0x7b] = E(P66 | PF3 | PF2),
		[0x7c ... 0x7d] = V(P66 | PF2),
		[0x7e] = B(P66 | PF3),
		[0x7f] = V(P66 | PF3) | E(P66 | PF3 | PF2),
		[0x90 ... 0x91] = V(PNP | P66),
		[0x92 ... 0x93] = V(PNP | P66 | PF2),
		[0x98 ... 0x99] = V(PNP | P66),
		[0xae] = V(PNP),
		[0xc2] = B(PALL),
		[0xc4 ... 0xc5] = B(P66),
		[0xc6] = B(PNP | P66),
		[0xd0] = V(P66 | PF2),
		[0xd1 ... 0xd6] = B(P66),
		[0xd7] = V(P66),
		[0xd8 ... 0xe5] = B(P66),
		[0xe6] = B(P66 | PF3 | PF2),
		[0xe7 ... 0xef] = B(P66),
		[0xf0] = V(PF2),
		[0xf1 ... 0xf6] = B(P66),
		[0xf7] = V(P66),
		[0xf8 ... 0xfe] = B(P66),
	},
	[1] = {	/* map 2: 0F 38 */
		[0x00] = B(P66),
		[0x01 ... 0x03] = V(P66),
		[0x04] = B(P66),
		[0x05 ... 0x0a] = V(P66),
		[0x0b] = B(P66),
		[0x0c ... 0x0d] = B(P66),
		[0x0e ... 0x0f] = V(P66),
		[0x10 ... 0x12] = E(P66 | PF3),
		[0x13] = V(P66) | E(P66 | PF3),
		[0x14 ... 0x15] = E(P66 | PF3),
		[0x16] = B(P66),
		[0x17] = V(P66),
		[0x18 ... 0x1a] = B(P66),
		[0x1b] = E(P66),
		[0x1c ... 0x1e] = B(P66),
		[0x1f] = E(P66),
		[0x20 ... 0x25] = V(P66) | E(P66 | PF3),
		[0x26 ... 0x27] = E(P66 | PF3),
		[0x28 ... 0x2a] = V(P66) | E(P66 | PF3),
		[0x2b ... 0x2d] = B(P66),
		[0x2e ... 0x2f] = V(P66),
		[0x30 ... 0x35] = V(P66) | E(P66 | PF3),
		[0x36 ... 0x37] = B(P66),
		[0x38 ... 0x3a] = V(P66) | E(P66 | PF3),
		[0x3b ... 0x40] = B(P66),
		[0x41] = V(P66),
		[0x42 ... 0x44] = E(P66),
		[0x45 ... 0x47] = B(P66),
		/* AMX: ldtilecfg/sttilecfg/tilerelease/tilezero, tileload/store */
		[0x49] = V(PNP | P66 | PF2),
		[0x4b] = V(P66 | PF3 | PF2),
		[0x4c ... 0x4f] = E(P66),
		/* vpdpbusd(s); AVX-VNNI-INT8 vpdpb{uu,su,ss}d(s) */
		[0x50 ... 0x51] = V(PALL) | E(P66),
		[0x52] = V(P66) | E(P66 | PF3 | PF2),
		[0x53] = V(P66) | E(P66 | PF2),
		[0x54 ... 0x55] = E(P66),
		[0x58 ... 0x5a] = B(P66),
		[0x5b] = E(P66),
		[0x5c] = V(PF3 | PF2),		/* tdpbf16ps, tdpfp16ps */
		[0x5e] = V(PALL),
		[0x62 ... 0x66] = E(P66),
		[0x68] = E(PF2),
		[0x6c] = V(PNP | P66),		/* AMX-COMPLEX tcmm{rl,im}fp16ps */
		[0x70 ... 0x71] = E(P66),
		[0x72] = V(PF3) | E(P66 | PF3 | PF2),	/* VEX: vcvtneps2bf16 */
		[0x73] = E(P66),
		[0x75 ... 0x77] = E(P66),
		[0x78 ... 0x79] = B(P66),
		[0x7a ... 0x7f] = E(P66),
		[0x83] = E(P66),
		[0x88 ... 0x8b] = E(P66),
		[0x8c] = V(P66),
		[0x8d] = E(P66),
		[0x8e] = V(P66),
		[0x8f] = E(P66),
		[0x90 ... 0x93] = B(P66),
		[0x96 ... 0x99] = B(P66),
		[0x9a ... 0x9b] = B(P66) | E(PF2),
		[0x9c ... 0x9f] = B(P66),
		[0xa0 ... 0xa3] = E(P66),
		[0xa6 ... 0xa9] = B(P66),
		[0xaa ... 0xab] = B(P66) | E(PF2),
		[0xac ... 0xaf] = B(P66),
		/* AVX-NE-CONVERT: vcvtne{e,o}{ph,bf16}2ps, vbcstne{sh,bf16}2ps */
		[0xb0] = V(PALL),
		[0xb1] = V(P66 | PF3),
		[0xb4 ... 0xb5] = B(P66),
		[0xb6 ... 0xbf] = B(P66),
		[0xc4] = E(P66),
		[0xc6 ... 0xc8] = E(P66),
		[0xca] = E(P66),
		[0xcb ... 0xcd] = V(PF2) | E(P66),	/* VEX: SHA512 */
		[0xcf] = B(P66),
		[0xd2 ... 0xd3] = V(PNP | P66 | PF3),	/* AVX-VNNI-INT16 */
		/* vsm3msg1, vsm3msg2, vsm4key4, vsm4rnds4 */
		[0xda] = V(PALL),
		[0xdb] = V(P66),
		[0xdc ... 0xdf] = B(P66),
		[0xe0 ... 0xef] = V(P66),		/* cmpccxadd */
		[0xf2 ... 0xf3] = V(PNP),
		[0xf5] = V(PNP | PF3 | PF2),
		[0xf6] = V(PF2),
		[0xf7] = V(PALL),
	},
	[2] = {	/* map 3: 0F 3A, all with imm8 */
		[0x00 ... 0x01] = B(P66),
		[0x02] = V(P66),
		[0x03] = E(P66),
		[0x04 ... 0x05] = B(P66),
		[0x06] = V(P66),
		[0x08] = B(P66) | E(PNP),
		[0x09] = B(P66),
		[0x0a] = B(P66) | E(PNP),
		[0x0b] = B(P66),
		[0x0c ... 0x0e] = V(P66),
		[0x0f] = B(P66),
		[0x14 ... 0x19] = B(P66),
		[0x1a ... 0x1b] = E(P66),
		[0x1d] = B(P66),
		[0x1e ... 0x1f] = E(P66),
		[0x20 ... 0x22] = B(P66),
		[0x23] = E(P66),
		[0x25] = E(P66),
		[0x26 ... 0x27] = E(P66 | PNP),
		[0x30 ... 0x33] = V(P66),
		[0x38 ... 0x39] = B(P66),
		[0x3a ... 0x3b] = E(P66),
		[0x3e ... 0x3f] = E(P66),
		[0x40 ... 0x41] = V(P66),
		[0x42] = B(P66),
		[0x43] = E(P66),
		[0x44] = B(P66),
		[0x46] = V(P66),
		[0x48 ... 0x4c] = V(P66),
		[0x50 ... 0x51] = E(P66),
		[0x54 ... 0x55] = E(P66),
		[0x56 ... 0x57] = E(P66 | PNP),
		[0x5c ... 0x5f] = V(P66),
		[0x60 ... 0x63] = V(P66),
		[0x66 ... 0x67] = E(P66 | PNP),
		[0x68 ... 0x6f] = V(P66),
		[0x70 ... 0x73] = E(P66),
		[0x78 ... 0x7f] = V(P66),
		[0xc2] = E(PNP | PF3),
		[0xce ... 0xcf] = B(P66),
		[0xde] = V(P66),			/* vsm3rnds2 */
		[0xdf] = V(P66),
		[0xf0] = V(PF2),
	},
};

/*
 * Memory-only and register-only forms of maps 1-3: the pp values (PNP,
 * P66, PF3, PF2) whose ModRM must name memory (bits 0-3) or a register
 * (bits 4-7), for VEX (low byte) and EVEX (high byte).  AMX, gathers and
 * the VEX groups are checked in special.c instead.
 */
#define VM(pp)	((u16)(pp))		/* VEX: memory only */
#define VR(pp)	((u16)((pp) << 4))	/* VEX: register only */
#define EM(pp)	((u16)((pp) << 8))	/* EVEX: memory only */
#define ER(pp)	((u16)((pp) << 12))	/* EVEX: register only */
#define BM(pp)	((u16)((pp) * 0x0101))	/* both: memory only */
#define BR(pp)	((u16)((pp) * 0x1010))	/* both: register only */

const u16 dinsn_vex_mod[3][256] = {
	[0] = {	/* map 1 */
		[0x12] = BM(P66),		/* vmovlpd */
		[0x13] = BM(PNP | P66),		/* vmovlps/pd store */
		[0x16] = BM(P66),		/* vmovhpd */
		[0x17] = BM(PNP | P66),		/* vmovhps/pd store */
		[0x2b] = BM(PNP | P66),		/* vmovntps/pd */
		[0x50] = VR(PNP | P66),		/* vmovmskps/pd */
		[0xc5] = BR(P66),		/* vpextrw r, xmm, imm8 */
		[0xd7] = VR(P66),		/* vpmovmskb */
		[0xe7] = BM(P66),		/* vmovntdq */
		[0xf0] = VM(PF2),		/* vlddqu */
		[0xf7] = VR(P66),		/* vmaskmovdqu */
	},
	[1] = {	/* map 2 */
		[0x1a] = BM(P66),		/* vbroadcastf128, f32x4/f64x2 */
		[0x1b] = EM(P66),		/* vbroadcastf32x8/f64x4 */
		[0x28 ... 0x29] = ER(PF3),	/* vpmovm2b/w, vpmovb2m/w2m */
		[0x2a] = BM(P66) | ER(PF3),	/* vmovntdqa; vpbroadcastmb2q */
		[0x2c ... 0x2f] = VM(P66),	/* vmaskmovps/pd */
		[0x38 ... 0x3a] = ER(PF3),	/* vpmovm2d/q, vpmovd2m/q2m, ... */
		[0x52 ... 0x53] = EM(PF2),	/* vp4dpwssd(s) */
		[0x5a] = BM(P66),		/* vbroadcasti128, i32x4/i64x2 */
		[0x5b] = EM(P66),		/* vbroadcasti32x8/i64x4 */
		[0x7a ... 0x7c] = ER(P66),	/* vpbroadcastb/w/d/q from a GPR */
		[0x8c] = VM(P66),		/* vpmaskmovd/q load */
		[0x8e] = VM(P66),		/* vpmaskmovd/q store */
		[0x9a ... 0x9b] = EM(PF2),	/* v4fmaddps/ss */
		[0xaa ... 0xab] = EM(PF2),	/* v4fnmaddps/ss */
		[0xb0 ... 0xb1] = VM(PALL),	/* AVX-NE-CONVERT */
		[0xcb ... 0xcd] = VR(PF2),	/* SHA512 */
		[0xe0 ... 0xef] = VM(P66),	/* cmpccxadd */
	},
	[2] = {	/* map 3 */
		[0x30 ... 0x33] = VR(P66),	/* kshiftr/l */
	},
};

/* EVEX maps 5 and 6 (AVX512-FP16): allowed pp per opcode. */
const u8 dinsn_evex56_valid[2][256] = {
	[0] = {	/* map 5 */
		[0x10 ... 0x11] = PF3,
		[0x1d] = PNP | P66,
		[0x2a] = PF3,
		[0x2c ... 0x2d] = PF3,
		[0x2e ... 0x2f] = PNP,
		[0x51] = PNP | PF3,
		[0x58 ... 0x59] = PNP | PF3,
		[0x5a] = PALL,
		[0x5b] = PNP | P66 | PF3,
		[0x5c ... 0x5f] = PNP | PF3,
		[0x6e] = P66,
		[0x78 ... 0x79] = PNP | P66 | PF3,
		[0x7a] = P66 | PF2,
		[0x7b] = P66 | PF3,
		[0x7c] = PNP | P66,
		[0x7d] = PALL,
		[0x7e] = P66,
	},
	[1] = {	/* map 6 */
		[0x13] = PNP | P66,
		[0x2c ... 0x2d] = P66,
		[0x42 ... 0x43] = P66,
		[0x4c ... 0x4f] = P66,
		[0x56 ... 0x57] = PF3 | PF2,
		[0x96 ... 0x9f] = P66,
		[0xa6 ... 0xaf] = P66,
		[0xb6 ... 0xbf] = P66,
		[0xd6 ... 0xd7] = PF3 | PF2,
	},
};

/* AMD XOP maps 8, 9 and 10 (A): bitmaps of defined opcodes. */
const u8 dinsn_xop_valid[3][32] = {
	[0] = {	/* map 8: all with imm8 */
		[0x80 >> 3] = 0xe0,	/* 85 86 87 */
		[0x88 >> 3] = 0xc0,		/* 8e 8f */
		[0x90 >> 3] = 0xe0,		/* 95 96 97 */
		[0x98 >> 3] = 0xc0,		/* 9e 9f */
		[0xa0 >> 3] = 0x4c,		/* a2 a3 a6 */
		[0xb0 >> 3] = 0x40,		/* b6 */
		[0xc0 >> 3] = 0x0f,		/* c0-c3 */
		[0xc8 >> 3] = 0xf0,		/* cc-cf */
		[0xe8 >> 3] = 0xf0,		/* ec-ef */
	},
	[1] = {	/* map 9: no immediate */
		[0x00 >> 3] = 0x06,		/* 01 02 (tbm groups) */
		[0x10 >> 3] = 0x04,		/* 12 (lwp) */
		[0x80 >> 3] = 0x0f,		/* 80-83 */
		[0x90 >> 3] = 0xff,		/* 90-97 */
		[0x98 >> 3] = 0x0f,		/* 98-9b */
		[0xc0 >> 3] = 0xce,		/* c1 c2 c3 c6 c7 */
		[0xc8 >> 3] = 0x08,		/* cb */
		[0xd0 >> 3] = 0xce,		/* d1 d2 d3 d6 d7 */
		[0xd8 >> 3] = 0x08,		/* db */
		[0xe0 >> 3] = 0x0e,		/* e1 e2 e3 */
	},
	[2] = {	/* map 10: imm32 */
		[0x10 >> 3] = 0x05,		/* 10 12 */
	},
};
