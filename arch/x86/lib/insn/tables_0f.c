// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the legacy two- and three-byte opcode maps (0F, 0F 38, 0F 3A).
 *
 * Written from the Intel SDM volume 2 appendix A and the AMD APM volumes 3
 * and 4.  The PP() mask lists the mandatory prefixes an opcode exists with
 * (none, 66, F3, F2); opcodes whose 66/F2/F3 are ordinary prefixes allow all.
 */
#include "dinsn_tables.h"

#define T(pp, imm, fl)	((u32)(imm) | (fl) | PP(pp))
#define M(pp)		T(pp, IMM_NONE, A_MODRM)
#define MB(pp)		T(pp, IMM_B, A_MODRM)
#define N		T(PALL, IMM_NONE, 0)
#define MX		(P66)		/* SSE2+ only: 66 */
#define MM		(PNP | P66)	/* MMX and its SSE2 twin */

const u32 dinsn_map0f[256] = {
	[0x00] = M(PALL) | SP(SP_0F00),
	[0x01] = M(PALL) | SP(SP_0F01),
	[0x02 ... 0x03] = M(PALL),			/* lar, lsl */
	[0x04] = A_INV,
	[0x05] = N | CL(CL_SYSCALL),
	[0x06] = N | CL(CL_PRIV),			/* clts */
	[0x07] = N | CL(CL_SYSRET),
	[0x08 ... 0x09] = N | CL(CL_PRIV_SERIAL),	/* invd, wbinvd */
	[0x0a] = A_INV,
	[0x0b] = N | CL(CL_UD),				/* ud2 */
	[0x0c] = A_INV,
	[0x0d] = M(PALL),			/* prefetch(w) */
	[0x0e] = N,					/* femms */
	[0x0f] = MB(PALL) | CL(CL_3DNOW),		/* 3DNow!: suffix */
	[0x10 ... 0x11] = M(PALL),
	[0x12] = M(PALL) | SP(SP_MEM66),
	[0x13] = M(MM) | A_NOMOD3,
	[0x14 ... 0x15] = M(MM),
	[0x16] = M(PNP | P66 | PF3) | SP(SP_MEM66),
	[0x17] = M(MM) | A_NOMOD3,
	[0x18] = M(PALL),
	/* 19-1F: reserved-NOP space, always with ModRM */
	[0x19 ... 0x1d] = M(PALL),
	[0x1e] = M(PALL) | SP(SP_0F1E),
	[0x1f] = M(PALL) | SP(SP_NOP),
	/* MOV to/from CR/DR: ModRM is a register form whatever mod says */
	[0x20 ... 0x23] = M(PALL) | A_FORCEREG | SP(SP_CRDR),
	[0x24 ... 0x27] = A_INV,
	[0x28 ... 0x29] = M(MM),
	[0x2a] = M(PALL),
	[0x2b] = M(PALL) | A_NOMOD3,			/* movnt[ps,pd,ss,sd] */
	[0x2c ... 0x2d] = M(PALL),
	[0x2e ... 0x2f] = M(MM),
	[0x30] = N | CL(CL_PRIV_SERIAL),		/* wrmsr */
	[0x31] = N,					/* rdtsc */
	[0x32] = N | CL(CL_PRIV),			/* rdmsr */
	[0x33] = N,					/* rdpmc */
	[0x34] = N | CL(CL_SYSCALL),			/* sysenter */
	[0x35] = N | CL(CL_SYSEXIT),
	[0x36] = A_INV,
	[0x37] = T(PNP, IMM_NONE, 0),			/* getsec */
	[0x38 ... 0x3f] = A_INV,			/* 38/3A are escapes */
	[0x40 ... 0x4f] = M(PALL),			/* cmovcc */
	[0x50] = M(MM) | A_MOD3,
	[0x51] = M(PALL),
	[0x52 ... 0x53] = M(PNP | PF3),
	[0x54 ... 0x57] = M(MM),
	[0x58 ... 0x5a] = M(PALL),
	[0x5b] = M(PNP | P66 | PF3),
	[0x5c ... 0x5f] = M(PALL),
	[0x60 ... 0x6b] = M(MM),
	[0x6c ... 0x6d] = M(MX),
	[0x6e] = M(MM),
	[0x6f] = M(PNP | P66 | PF3),
	[0x70] = MB(PALL),
	[0x71] = MB(MM) | A_MOD3 | SP(SP_GRP12),
	[0x72] = MB(MM) | A_MOD3 | SP(SP_GRP13),
	[0x73] = MB(MM) | A_MOD3 | SP(SP_GRP14),
	[0x74 ... 0x76] = M(MM),
	[0x77] = T(PNP, IMM_NONE, 0),			/* emms */
	[0x78] = M(PNP | P66 | PF2) | SP(SP_0F78),
	[0x79] = M(PNP | P66 | PF2) | SP(SP_0F79),
	[0x7a ... 0x7b] = A_INV,
	[0x7c ... 0x7d] = M(P66 | PF2),
	[0x7e ... 0x7f] = M(PNP | P66 | PF3),
	[0x80 ... 0x8f] = T(PALL, IMM_RELZ, A_DEF64) | CL(CL_JCC),
	[0x90 ... 0x9f] = M(PALL),			/* setcc */
	[0xa0] = N | CL(CL_PUSH) | A_DEF64,
	[0xa1] = N | CL(CL_POP_SEG) | A_DEF64,
	[0xa2] = N | CL(CL_SERIAL),			/* cpuid */
	[0xa3] = M(PALL),
	[0xa4] = MB(PALL),
	[0xa5] = M(PALL),
	[0xa6] = M(PALL) | A_MOD3 | SP(SP_PADLOCK),
	[0xa7] = M(PALL) | A_MOD3 | SP(SP_PADLOCK) | VAR(1),
	[0xa8] = N | CL(CL_PUSH) | A_DEF64,
	[0xa9] = N | CL(CL_POP_SEG) | A_DEF64,
	[0xaa] = N | CL(CL_RSM),
	[0xab] = M(PALL) | A_LOCK,			/* bts */
	[0xac] = MB(PALL),
	[0xad] = M(PALL),
	[0xae] = M(PALL) | SP(SP_GRP15),
	[0xaf] = M(PALL),
	[0xb0 ... 0xb1] = M(PALL) | A_LOCK,		/* cmpxchg */
	[0xb2] = M(PALL) | A_NOMOD3 | CL(CL_LOAD_FARPTR),	/* lss */
	[0xb3] = M(PALL) | A_LOCK,			/* btr */
	[0xb4 ... 0xb5] = M(PALL) | A_NOMOD3 | CL(CL_LOAD_FARPTR),
	[0xb6 ... 0xb7] = M(PALL),
	[0xb8] = M(PF3),				/* popcnt */
	[0xb9] = M(PALL) | CL(CL_UD),			/* ud1 */
	[0xba] = MB(PALL) | SP(SP_GRP8) | A_LOCK,
	[0xbb] = M(PALL) | A_LOCK,			/* btc */
	[0xbc ... 0xbf] = M(PALL),
	[0xc0 ... 0xc1] = M(PALL) | A_LOCK,		/* xadd */
	[0xc2] = MB(PALL),
	[0xc3] = M(PNP) | A_NOMOD3,			/* movnti */
	[0xc4] = MB(MM),
	[0xc5] = MB(MM) | A_MOD3,
	[0xc6] = MB(MM),
	[0xc7] = M(PALL) | SP(SP_GRP9) | A_LOCK,
	[0xc8 ... 0xcf] = N,				/* bswap */
	[0xd0] = M(P66 | PF2),
	[0xd1 ... 0xd5] = M(MM),
	[0xd6] = M(P66 | PF3 | PF2) | SP(SP_0FD6),
	[0xd7] = M(MM) | A_MOD3,
	[0xd8 ... 0xdf] = M(MM),
	[0xe0 ... 0xe5] = M(MM),
	[0xe6] = M(P66 | PF3 | PF2),
	[0xe7] = M(MM) | A_NOMOD3,
	[0xe8 ... 0xef] = M(MM),
	[0xf0] = M(PF2) | A_NOMOD3,			/* lddqu */
	[0xf1 ... 0xf6] = M(MM),
	[0xf7] = M(MM) | A_MOD3,
	[0xf8 ... 0xfe] = M(MM),
	[0xff] = M(PALL) | CL(CL_UD),			/* ud0 */
};

const u32 dinsn_map0f38[256] = {
	[0x00 ... 0x0b] = M(MM),
	[0x0c ... 0x0f] = A_INV,
	[0x10] = M(MX),
	[0x11 ... 0x13] = A_INV,
	[0x14 ... 0x15] = M(MX),
	[0x16] = A_INV,
	[0x17] = M(MX),
	[0x18 ... 0x1b] = A_INV,
	[0x1c ... 0x1e] = M(MM),
	[0x1f] = A_INV,
	[0x20 ... 0x25] = M(MX),
	[0x26 ... 0x27] = A_INV,
	[0x28 ... 0x29] = M(MX),
	[0x2a] = M(MX) | A_NOMOD3,			/* movntdqa */
	[0x2b] = M(MX),
	[0x2c ... 0x2f] = A_INV,
	[0x30 ... 0x35] = M(MX),
	[0x36] = A_INV,
	[0x37 ... 0x41] = M(MX),
	[0x42 ... 0x7f] = A_INV,
	/* invept, invvpid, invpcid */
	[0x80 ... 0x82] = M(MX) | A_NOMOD3 | CL(CL_PRIV_SERIAL),
	[0x83 ... 0xc7] = A_INV,
	[0xc8 ... 0xcd] = M(PNP),			/* sha */
	[0xce] = A_INV,
	[0xcf] = M(MX),					/* gf2p8mulb */
	[0xd0 ... 0xd7] = A_INV,
	[0xd8] = M(PF3) | A_NOMOD3 | SP(SP_KLWIDE),	/* aes*wide*kl */
	[0xd9 ... 0xda] = A_INV,
	[0xdb] = M(MX),					/* aesimc */
	/* aesenc, aesenc128kl, loadiwkey; aesenclast .. aesdec256kl */
	[0xdc] = M(P66 | PF3) | SP(SP_KLWIDE) | VAR(1),
	[0xdd ... 0xdf] = M(P66 | PF3) | SP(SP_KLWIDE) | VAR(2),
	[0xe0 ... 0xef] = A_INV,
	[0xf0 ... 0xf1] = M(PNP | P66 | PF2) | SP(SP_0F38F0), /* movbe, crc32 */
	[0xf2 ... 0xf4] = A_INV,
	[0xf5] = M(MX) | A_NOMOD3,			/* wruss */
	[0xf6] = M(PNP | P66 | PF3) | SP(SP_0F38F6),	/* wrss, adcx, adox */
	[0xf7] = A_INV,
	[0xf8] = M(P66 | PF3 | PF2) | SP(SP_0F38F8),
	[0xf9] = M(PNP) | A_NOMOD3,			/* movdiri */
	[0xfa ... 0xfb] = M(PF3) | A_MOD3,		/* encodekey */
	[0xfc] = M(PALL) | A_NOMOD3,			/* aadd/aand/aor/axor */
	[0xfd ... 0xff] = A_INV,
};

const u32 dinsn_map0f3a[256] = {
	[0x00 ... 0x07] = A_INV,
	[0x08 ... 0x0e] = MB(MX),
	[0x0f] = MB(MM),				/* palignr */
	[0x10 ... 0x13] = A_INV,
	[0x14 ... 0x17] = MB(MX),
	[0x18 ... 0x1f] = A_INV,
	[0x20 ... 0x22] = MB(MX),
	[0x23 ... 0x3f] = A_INV,
	[0x40 ... 0x42] = MB(MX),
	[0x43] = A_INV,
	[0x44] = MB(MX),				/* pclmulqdq */
	[0x45 ... 0x5f] = A_INV,
	[0x60 ... 0x63] = MB(MX),			/* pcmp[ei]str[im] */
	[0x64 ... 0xcb] = A_INV,
	[0xcc] = MB(PNP),				/* sha1rnds4 */
	[0xcd] = A_INV,
	[0xce ... 0xcf] = MB(MX),			/* gf2p8affine */
	[0xd0 ... 0xde] = A_INV,
	[0xdf] = MB(MX),				/* aeskeygenassist */
	[0xe0 ... 0xef] = A_INV,
	[0xf0] = MB(PF3) | A_MOD3 | SP(SP_KLWIDE) | VAR(3),	/* hreset */
	[0xf1 ... 0xff] = A_INV,
};
