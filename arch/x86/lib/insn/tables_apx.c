// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: EVEX map 4, the legacy integer instructions APX promotes to EVEX
 * (64-bit mode only).  Written from the Intel APX architecture
 * specification.  Every opcode has a ModRM byte; the immediates are those
 * of the legacy forms, and 66 selects 16-bit operands (imm16 for Iz) where
 * the legacy instruction has a 16-bit form ("SC" below).  Byte forms and
 * the instructions that are not scalable exist only with the prefix given.
 * dinsn_evex4_group() (apx.c) checks the group members, register and
 * memory forms and the reserved P2 bits.
 */
#include "dinsn_tables.h"

#define X4(pp, imm)	((u32)(imm) | A_MODRM | PP(pp) | SP(SP_EVEX4))
#define NP		PNP
#define SC		(PNP | P66)

/* add/or/adc/sbb/and/sub/xor/ccmp: r/m8,r8  r/m,r  r8,r/m8  r,r/m */
#define B8	X4(NP, 0)
#define BV	X4(SC, 0)

const u32 dinsn_evex4[256] = {
	[0x00] = B8, [0x01] = BV, [0x02] = B8, [0x03] = BV,	/* add */
	[0x08] = B8, [0x09] = BV, [0x0a] = B8, [0x0b] = BV,	/* or */
	[0x10] = B8, [0x11] = BV, [0x12] = B8, [0x13] = BV,	/* adc */
	[0x18] = B8, [0x19] = BV, [0x1a] = B8, [0x1b] = BV,	/* sbb */
	[0x20] = B8, [0x21] = BV, [0x22] = B8, [0x23] = BV,	/* and */
	[0x28] = B8, [0x29] = BV, [0x2a] = B8, [0x2b] = BV,	/* sub */
	[0x30] = B8, [0x31] = BV, [0x32] = B8, [0x33] = BV,	/* xor */
	[0x38] = B8, [0x39] = BV, [0x3a] = B8, [0x3b] = BV,	/* ccmpscc */
	[0x24] = X4(SC, IMM_B),				/* shld imm8 */
	[0x2c] = X4(SC, IMM_B),				/* shrd imm8 */
	/* cmovcc (new data destination), cfcmovcc; F2: setcc.zu */
	[0x40 ... 0x4f] = X4(SC | PF2, 0),
	[0x60 ... 0x61] = X4(SC, 0),			/* movbe */
	[0x65] = X4(P66, 0) | A_NOMOD3,			/* wrussd/q */
	[0x66] = X4(NP | P66 | PF3, 0),			/* wrss, adcx, adox */
	[0x69] = X4(SC, IMM_Z),				/* imul imm */
	[0x6b] = X4(SC, IMM_B),				/* imul imm8 */
	[0x80] = X4(NP, IMM_B),				/* grp1 */
	[0x81] = X4(SC, IMM_Z),
	[0x83] = X4(SC, IMM_B),
	[0x84] = X4(NP, 0), [0x85] = X4(SC, 0),		/* ctestscc */
	[0x88] = X4(SC, 0),				/* popcnt */
	[0x8f] = X4(NP, 0) | A_MOD3 | CL(CL_POP),	/* pop2 */
	[0xa5] = X4(SC, 0),				/* shld %cl */
	[0xad] = X4(SC, 0),				/* shrd %cl */
	[0xaf] = X4(SC, 0),				/* imul */
	[0xc0] = X4(NP, IMM_B), [0xc1] = X4(SC, IMM_B),	/* grp2 */
	[0xd0] = X4(NP, 0), [0xd1] = X4(SC, 0),
	[0xd2] = X4(NP, 0), [0xd3] = X4(SC, 0),
	[0xf0] = X4(NP | PF3, 0),			/* crc32; invept */
	[0xf1] = X4(SC | PF3, 0),			/* crc32; invvpid */
	[0xf2] = X4(PF3, 0),				/* invpcid */
	[0xf4 ... 0xf5] = X4(SC, 0),			/* tzcnt, lzcnt */
	[0xf6] = X4(NP, IMM_B), [0xf7] = X4(SC, IMM_Z),	/* grp3 */
	/* movdir64b, enqcmd, enqcmds; urdmsr, uwrmsr */
	[0xf8] = X4(P66 | PF3 | PF2, 0),
	[0xf9] = X4(NP, 0) | A_NOMOD3,			/* movdiri */
	[0xfe] = X4(NP, 0), [0xff] = X4(SC, 0),		/* grp4, grp5 */
};
