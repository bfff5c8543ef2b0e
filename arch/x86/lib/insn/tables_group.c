// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: the opcode groups, whose forms depend on ModRM.reg, on whether
 * ModRM names a register or memory, on the mandatory prefix and, for a
 * few, on the whole ModRM byte.  See dinsn_tables.h for the encoding of
 * an entry; dinsn_special() reads these tables.  Written from the Intel
 * SDM volume 2 appendix A (opcode extensions by ModRM.reg), the Intel ISA
 * extensions reference (AMX, the VEX extensions of 2022-2023, FRED, UINTR,
 * MSRLIST, user-mode MSR instructions), the AMD APM volumes 3 and 4 (SVM,
 * SEV-SNP, XOP, TBM, LWP) and the TDX module specification.
 */
#include "dinsn_tables.h"

/* The groups: what dinsn_grp_first[] and dinsn_vex_grp[] name. */
enum dinsn_group_id {
	GR_ANY = 0,		/* every form, nothing changes */
	GR_GRP3,		/* F6/F7 */
	GR_GRP4,		/* FE */
	GR_GRP5,		/* FF */
	GR_GRP1A,		/* 8F */
	GR_C6,			/* C6: SP_GRP11 variant 0 */
	GR_C7,			/* C7: SP_GRP11 variant 1 */
	GR_8C,			/* 8C: SP_MOVSEG variant 0 */
	GR_8E,			/* 8E: SP_MOVSEG variant 1 */
	GR_0F00,		/* grp6 */
	GR_0F01,		/* grp7 */
	GR_R246,		/* 0F 71, 0F 72; EVEX 0F 71 */
	GR_GRP14,		/* 0F 73 */
	GR_0F78,		/* vmread, extrq, insertq */
	GR_0F79,		/* vmwrite, extrq, insertq */
	GR_GRP15,		/* 0F AE */
	GR_GRP8,		/* 0F BA */
	GR_GRP9,		/* 0F C7 */
	GR_0F1E,		/* rdssp, endbr, reserved NOPs */
	GR_0F38F8,		/* movdir64b, enqcmd(s), urdmsr, uwrmsr */
	GR_NOP,			/* 0F 1F */
	GR_0F38F6,		/* wrss, adcx, adox */
	GR_A6,			/* SP_PADLOCK variant 0 */
	GR_A7,			/* SP_PADLOCK variant 1 */
	GR_MEM66,		/* 0F 12, 0F 16 */
	GR_0FD6,		/* movq, movq2dq, movdq2q */
	GR_0F38F0,		/* movbe, crc32 (F0, F1) */
	GR_KL_D8,		/* SP_KLWIDE variant 0: 0F 38 D8 */
	GR_KL_DC,		/* variant 1: 0F 38 DC */
	GR_KL_DD,		/* variant 2: 0F 38 DD-DF */
	GR_HRESET,		/* variant 3: 0F 3A F0 */
	/* VEX (V), EVEX (E) and XOP (X) */
	GR_V_REG,		/* register forms only */
	GR_V_MEM,		/* memory forms only */
	GR_V_SHIFT,		/* VEX 0F 71, 0F 72 */
	GR_V_73,
	GR_E_72,
	GR_E_73,
	GR_V_AE,		/* vldmxcsr, vstmxcsr */
	GR_V_TILECFG,		/* 0F 38 49 */
	GR_V_TILELOAD,		/* 0F 38 4B */
	GR_V_TDP_5C,		/* 0F 38 5C */
	GR_V_TDP,		/* 0F 38 5E */
	GR_V_TCMM,		/* 0F 38 6C */
	GR_V_GATHERPF,		/* EVEX 0F 38 C6, C7 */
	GR_V_BMI,		/* 0F 38 F3 */
	GR_V_GATHER,		/* 0F 38 90-93 (VEX, EVEX) */
	GR_E_SCATTER,		/* EVEX 0F 38 A0-A3 */
	GR_V_VNNI,		/* 0F 38 50, 51 */
	GR_V_W0,		/* W0 only */
	GR_V_W1,		/* W1 only */
	GR_V_SHA512,		/* 0F 38 CB-CD */
	GR_V_SM,		/* 0F 38 DA */
	GR_V_CMPCCXADD,		/* 0F 38 E0-EF */
	GR_V_W0L0,		/* W0, L0 only */
	GR_E_FP16C,		/* EVEX map 6 complex FP16 */
	GR_V_MSR,		/* VEX map 7 F8 */
	GR_X_TBM1,		/* XOP map 9 01 */
	GR_X_TBM2,		/* XOP map 9 02 */
	GR_X_LWPCB,		/* XOP map 9 12 */
	GR_X_LWP,		/* XOP map 10 12 */
	GR_NR
};

/* Rows: one entry per ModRM.reg; R_Rxyz has /x /y /z defined. */
enum dinsn_group_row {
	R_NONE = 0,		/* undefined */
	R_ALL, R_R0, R_R01, R_R0_3, R_R0_5, R_R1, R_R1_7, R_R123, R_R16,
	R_R23, R_R246, R_R01246, R_R26, R_R2367, R_R4_7, R_R46, R_R567,
	R_R6, R_R67,
	R_GRP3, R_GRP5_MEM, R_GRP5_REG, R_POP, R_XABORT, R_XBEGIN, R_MOVSEG,
	R_0F00, R_0F00_F2, R_0F01_MEM, R_0F01_MEM_F3, R_0F01_REG,
	R_0F01_REG_PFX, R_PRIV, R_BB0, R_BB, R_GRP15_F3_REG, R_GRP9_MEM,
	R_GRP9_MEM_PFX, R_GRP9_F3_REG, R_ENDBR, R_NOP, R_RM0_R0, R_RM0_R012,
	R_RM0_R0_5,
	R_T0, R_T0_RM0, R_T_RM0, R_T_SIB, R_TDP, R_TDP_W0L0, R_GATHERPF,
	R_GATHER, R_SIB, R_W0, R_W1, R_W0L0, R_W0L1, R_L0_64, R_FP16C, R_MSR,
	R_NR
};

/* Rows by ModRM.rm, for the register forms decided by the whole byte. */
enum dinsn_group_rm_row {
	RM_0F01_C0, RM_0F01_C8, RM_0F01_D0, RM_0F01_D8, RM_0F01_E0,
	RM_0F01_E8, RM_0F01_F0, RM_0F01_F8,
	RM_0F01_F8_PFX,		/* F8-FF with 66, F2 or F3 */
	RM_ENDBR,
	RM_NR
};

#define OK		G_OK
#define C(cl)		(G_OK | CL_##cl)	/* defined, with a class */
#define IMM(ik)		(G_IMM | ((u32)(ik) << G_IMM_SHIFT))
#define CHK(k)		((u32)(k) << G_CHK_SHIFT)
#define RM(row)		(G_RM | ((u32)(row) << G_RMROW_SHIFT))

static_assert(CL_NR - 1 <= G_CL_MASK, "a class fits in an entry");
static_assert(RM_NR <= (G_RMROW_MASK >> G_RMROW_SHIFT) + 1,
	      "a row by ModRM.rm fits in an entry");
static_assert(GR_NR <= 256 && R_NR <= 256, "groups and rows fit in a u8");

const u32 dinsn_grp_row[R_NR][8] = {
	[R_ALL]		= { [0 ... 7] = OK },
	[R_R0]		= { [0] = OK },
	[R_R01]		= { [0 ... 1] = OK },
	[R_R0_3]	= { [0 ... 3] = OK },
	[R_R0_5]	= { [0 ... 5] = OK },
	[R_R1]		= { [1] = OK },
	[R_R1_7]	= { [1 ... 7] = OK },
	[R_R123]	= { [1 ... 3] = OK },
	[R_R16]		= { [1] = OK, [6] = OK },
	[R_R23]		= { [2 ... 3] = OK },
	[R_R246]	= { [2] = OK, [4] = OK, [6] = OK },
	[R_R01246]	= { [0 ... 2] = OK, [4] = OK, [6] = OK },
	[R_R26]		= { [2] = OK, [6] = OK },
	[R_R2367]	= { [2 ... 3] = OK, [6 ... 7] = OK },
	[R_R4_7]	= { [4 ... 7] = OK },
	[R_R46]		= { [4] = OK, [6] = OK },
	[R_R567]	= { [5 ... 7] = OK },
	[R_R6]		= { [6] = OK },
	[R_R67]		= { [6 ... 7] = OK },
	/* F6/F7: only test (/0, /1) has an immediate */
	[R_GRP3]	= { [0 ... 1] = OK, [2 ... 7] = OK | IMM(IMM_NONE) },
	/* FF: inc, dec, call, lcall, jmp, ljmp, push */
	[R_GRP5_MEM]	= { [0 ... 1] = OK, [2] = C(CALL_IND) | G_OP64,
			    [3] = C(CALL_FAR), [4] = C(JMP_IND) | G_OP64,
			    [5] = C(JMP_FAR), [6] = C(PUSH) | G_OP64 },
	[R_GRP5_REG]	= { [0 ... 1] = OK, [2] = C(CALL_IND) | G_OP64,
			    [4] = C(JMP_IND) | G_OP64, [6] = C(PUSH) | G_OP64 },
	[R_POP]		= { [0] = C(POP) },
	/* C6/C7 /7: xabort imm8 (C6 F8), xbegin rel16/rel32 (C7 F8) */
	[R_XABORT]	= { [0] = OK, [7] = OK | G_RM0 },
	[R_XBEGIN]	= { [0] = OK,
			    [7] = C(XBEGIN) | G_RM0 | IMM(IMM_Z) },
	/* 8E: es, -, ss, ds, fs, gs (cs cannot be loaded) */
	[R_MOVSEG]	= { [0] = C(MOV_SEG), [2] = C(MOV_SS),
			    [3 ... 5] = C(MOV_SEG) },
	/* 0F 00: sldt, str, lldt, ltr, verr, verw; F2 /6 lkgs */
	[R_0F00]	= { [0 ... 1] = OK, [2 ... 3] = C(PRIV_SERIAL),
			    [4 ... 5] = OK },
	[R_0F00_F2]	= { [0 ... 1] = OK, [2 ... 3] = C(PRIV_SERIAL),
			    [4 ... 5] = OK, [6] = C(LKGS) | G_64 },
	/* 0F 01 memory: sgdt, sidt, lgdt, lidt, smsw, F3 rstorssp, lmsw, invlpg */
	[R_0F01_MEM]	= { [0 ... 1] = OK, [2 ... 3] = C(PRIV_SERIAL),
			    [4] = OK, [6] = C(PRIV), [7] = C(PRIV_SERIAL) },
	[R_0F01_MEM_F3]	= { [0 ... 1] = OK, [2 ... 3] = C(PRIV_SERIAL),
			    [4 ... 5] = OK, [6] = C(PRIV),
			    [7] = C(PRIV_SERIAL) },
	/*
	 * 0F 01 register forms, by the whole ModRM byte; with a mandatory
	 * prefix, the forms that ignore it and the exceptions
	 */
	[R_0F01_REG]	= { [0] = RM(RM_0F01_C0), [1] = RM(RM_0F01_C8),
			    [2] = RM(RM_0F01_D0), [3] = RM(RM_0F01_D8),
			    [4] = RM(RM_0F01_E0), [5] = RM(RM_0F01_E8),
			    [6] = RM(RM_0F01_F0), [7] = RM(RM_0F01_F8) },
	[R_0F01_REG_PFX] = { [0 ... 1] = G_EXC, [3] = RM(RM_0F01_D8),
			    [4] = RM(RM_0F01_E0), [5] = G_EXC,
			    [6] = RM(RM_0F01_F0),
			    [7] = G_EXC | RM(RM_0F01_F8_PFX) },
	/* vmread, vmwrite */
	[R_PRIV]	= { [0 ... 7] = C(PRIV) },
	/* extrq (66 /0), insertq (F2): imm8, imm8 */
	[R_BB0]		= { [0] = OK | IMM(IMM_BB) },
	[R_BB]		= { [0 ... 7] = OK | IMM(IMM_BB) },
	/* F3 0F AE mod 3: rd/wr fs/gs base (64-bit), ptwrite, incssp, umonitor */
	[R_GRP15_F3_REG] = { [0 ... 3] = OK | G_64, [4 ... 6] = OK },
	/* 0F C7 memory: cmpxchg8b/16b, xrstors, xsavec, xsaves, vmptrld, vmptrst */
	[R_GRP9_MEM]	= { [1] = OK, [3] = C(PRIV), [4] = OK,
			    [5 ... 7] = C(PRIV) },
	/* 66 vmclear, F3 vmxon */
	[R_GRP9_MEM_PFX] = { [1] = OK, [6] = C(PRIV) },
	/* F3 0F C7 mod 3: senduipi (64-bit), rdpid */
	[R_GRP9_F3_REG]	= { [6] = OK | G_64, [7] = OK },
	/* F3 0F 1E /7: rdsspd/q; FA and FB are endbr64 and endbr32 */
	[R_ENDBR]	= { [0 ... 6] = OK, [7] = RM(RM_ENDBR) },
	[R_NOP]		= { [0] = C(NOP), [1 ... 7] = OK },
	/* single register forms: ModRM C0, C8, D0, ... */
	[R_RM0_R0]	= { [0] = OK | G_RM0 },
	[R_RM0_R012]	= { [0 ... 2] = OK | G_RM0 },
	[R_RM0_R0_5]	= { [0 ... 5] = OK | G_RM0 },
	/* AMX, 64-bit only */
	[R_T0]		= { [0] = OK | G_64 },
	[R_T0_RM0]	= { [0] = OK | G_64 | G_RM0 },
	[R_T_RM0]	= { [0 ... 7] = OK | G_64 | G_RM0 },
	[R_T_SIB]	= { [0 ... 7] = OK | G_64 | G_SIB },
	[R_TDP]		= { [0 ... 7] = OK | G_64 | CHK(G_CHK_TILES) },
	[R_TDP_W0L0]	= { [0 ... 7] = OK | G_64 | G_W0 | G_L0 |
					CHK(G_CHK_TILES) },
	/* vgatherpf0/1, vscatterpf0/1 */
	[R_GATHERPF]	= { [1 ... 2] = OK | G_SIB, [5 ... 6] = OK | G_SIB },
	[R_GATHER]	= { [0 ... 7] = OK | G_SIB | CHK(G_CHK_GATHER) },
	[R_SIB]		= { [0 ... 7] = OK | G_SIB },
	[R_W0]		= { [0 ... 7] = OK | G_W0 },
	[R_W1]		= { [0 ... 7] = OK | G_W1 },
	[R_W0L0]	= { [0 ... 7] = OK | G_W0 | G_L0 },
	[R_W0L1]	= { [0 ... 7] = OK | G_W0 | G_L1 },
	[R_L0_64]	= { [0 ... 7] = OK | G_L0 | G_64 },
	[R_FP16C]	= { [0 ... 7] = OK | CHK(G_CHK_FP16C) },
	[R_MSR]		= { [0] = OK | G_W0 | G_L0 },
};

/*
 * Each group: { memory row, register row } for the mandatory prefixes
 * none, 66, F3 and F2, in that order; SAME() when the prefix does not
 * matter.  The rows of a prefix the opcode does not exist with are never
 * read (dinsn_opcode() rejects it first); nor is the memory row of an
 * opcode that requires a register operand (A_MOD3), and vice versa.
 */
#define SAME(mem, reg)	{ [0 ... 3] = { mem, reg } }

const u8 dinsn_grp_sel[GR_NR][4][2] = {
	[GR_ANY]	= SAME(R_ALL, R_ALL),
	[GR_GRP3]	= SAME(R_GRP3, R_GRP3),
	[GR_GRP4]	= SAME(R_R01, R_R01),
	[GR_GRP5]	= SAME(R_GRP5_MEM, R_GRP5_REG),
	[GR_GRP1A]	= SAME(R_POP, R_POP),
	[GR_C6]		= SAME(R_R0, R_XABORT),
	[GR_C7]		= SAME(R_R0, R_XBEGIN),
	[GR_8C]		= SAME(R_R0_5, R_R0_5),
	[GR_8E]		= SAME(R_MOVSEG, R_MOVSEG),
	[GR_0F00]	= { { R_0F00, R_0F00 }, { R_0F00, R_0F00 },
			    { R_0F00, R_0F00 },
			    { R_0F00_F2, R_0F00_F2 } },		/* F2: lkgs */
	[GR_0F01]	= { { R_0F01_MEM, R_0F01_REG },
			    { R_0F01_MEM, R_0F01_REG_PFX },
			    { R_0F01_MEM_F3, R_0F01_REG_PFX },	/* rstorssp */
			    { R_0F01_MEM, R_0F01_REG_PFX } },
	[GR_R246]	= SAME(R_R246, R_R246),
	[GR_GRP14]	= { { R_R26, R_R26 },		/* psrlq, psllq */
			    { R_R2367, R_R2367 },	/* + psrldq, pslldq */
			    { R_R26, R_R26 }, { R_R26, R_R26 } },
	[GR_0F78]	= { { R_PRIV, R_PRIV },		/* vmread */
			    { R_NONE, R_BB0 },		/* extrq */
			    { R_NONE, R_BB },
			    { R_NONE, R_BB } },		/* insertq */
	[GR_0F79]	= { { R_PRIV, R_PRIV },		/* vmwrite */
			    { R_NONE, R_ALL },		/* extrq */
			    { R_NONE, R_ALL },
			    { R_NONE, R_ALL } },	/* insertq */
	[GR_GRP15]	= { { R_ALL, R_R567 },		/* fxsave ..; fences */
			    { R_R67, R_R6 },		/* clwb ..; tpause */
			    { R_R46, R_GRP15_F3_REG },	/* ptwrite ..; rdfsbase .. */
			    { R_NONE, R_R6 } },		/* umwait */
	[GR_GRP8]	= SAME(R_R4_7, R_R4_7),
	[GR_GRP9]	= { { R_GRP9_MEM, R_R67 },	/* ..; rdrand, rdseed */
			    { R_GRP9_MEM_PFX, R_R67 },
			    { R_GRP9_MEM_PFX, R_GRP9_F3_REG },
			    { R_R1, R_NONE } },
	[GR_0F1E]	= { { R_ALL, R_ALL }, { R_ALL, R_ALL },
			    { R_ALL, R_ENDBR }, { R_ALL, R_ALL } },
	[GR_0F38F8]	= { { R_ALL, R_ALL },
			    { R_ALL, R_NONE },		/* movdir64b */
			    { R_PRIV, R_ALL },		/* enqcmds; uwrmsr */
			    { R_ALL, R_ALL } },		/* enqcmd; urdmsr */
	[GR_NOP]	= SAME(R_NOP, R_NOP),
	[GR_0F38F6]	= { { R_ALL, R_NONE },		/* wrss */
			    { R_ALL, R_ALL },		/* adcx */
			    { R_ALL, R_ALL },		/* adox */
			    { R_ALL, R_ALL } },
	/* VIA PadLock: F3 A6 C0/C8/D0; A7 C0 xstore, F3 A7 C8-E8 crypt */
	[GR_A6]		= { { R_NONE, R_NONE }, { R_NONE, R_NONE },
			    { R_NONE, R_RM0_R012 }, { R_NONE, R_NONE } },
	[GR_A7]		= { { R_NONE, R_RM0_R0 }, { R_NONE, R_RM0_R0 },
			    { R_NONE, R_RM0_R0_5 }, { R_NONE, R_NONE } },
	[GR_MEM66]	= { { R_ALL, R_ALL },
			    { R_ALL, R_NONE },		/* movlpd, movhpd */
			    { R_ALL, R_ALL }, { R_ALL, R_ALL } },
	[GR_0FD6]	= { { R_NONE, R_ALL },
			    { R_ALL, R_ALL },		/* movq */
			    { R_NONE, R_ALL },		/* movq2dq */
			    { R_NONE, R_ALL } },	/* movdq2q */
	[GR_0F38F0]	= { { R_ALL, R_NONE },		/* movbe */
			    { R_ALL, R_NONE }, { R_ALL, R_NONE },
			    { R_ALL, R_ALL } },		/* crc32 */
	/* Key Locker: aes*wide*kl /0-/3; F3 DC mod 3 is loadiwkey */
	[GR_KL_D8]	= SAME(R_R0_3, R_R0_3),
	[GR_KL_DC]	= SAME(R_ALL, R_ALL),
	[GR_KL_DD]	= { { R_ALL, R_ALL }, { R_ALL, R_ALL },
			    { R_ALL, R_NONE }, { R_ALL, R_ALL } },
	[GR_HRESET]	= SAME(R_NONE, R_RM0_R0),

	/* VEX and EVEX map 1 */
	[GR_V_REG]	= SAME(R_NONE, R_ALL),
	[GR_V_MEM]	= SAME(R_ALL, R_NONE),
	[GR_V_SHIFT]	= SAME(R_NONE, R_R246),
	[GR_V_73]	= SAME(R_NONE, R_R2367),
	[GR_E_72]	= SAME(R_R01246, R_R01246),	/* + vprord, vprold */
	[GR_E_73]	= SAME(R_R2367, R_R2367),
	[GR_V_AE]	= SAME(R_R23, R_NONE),		/* vldmxcsr, vstmxcsr */
	/* map 2: ldtilecfg, sttilecfg, tilerelease (C0); F2 tilezero */
	[GR_V_TILECFG]	= { { R_T0, R_T0_RM0 }, { R_T0, R_NONE },
			    { R_T0, R_NONE }, { R_NONE, R_T_RM0 } },
	[GR_V_TILELOAD]	= SAME(R_T_SIB, R_NONE),
	/* tile dot products; F2 tdpfp16ps is VEX.128.W0 */
	[GR_V_TDP_5C]	= { { R_NONE, R_TDP }, { R_NONE, R_TDP },
			    { R_NONE, R_TDP }, { R_NONE, R_TDP_W0L0 } },
	[GR_V_TDP]	= SAME(R_NONE, R_TDP),
	[GR_V_TCMM]	= SAME(R_NONE, R_TDP_W0L0),	/* AMX-COMPLEX */
	[GR_V_GATHERPF]	= SAME(R_GATHERPF, R_NONE),
	[GR_V_BMI]	= SAME(R_R123, R_R123),		/* blsr, blsmsk, blsi */
	[GR_V_GATHER]	= SAME(R_GATHER, R_NONE),
	[GR_E_SCATTER]	= SAME(R_SIB, R_NONE),
	/* vpdpb{uu,su,ss}d(s) W0; 66 is AVX-VNNI's vpdpbusd(s) */
	[GR_V_VNNI]	= { { R_W0, R_W0 }, { R_ALL, R_ALL },
			    { R_W0, R_W0 }, { R_W0, R_W0 } },
	[GR_V_W0]	= SAME(R_W0, R_W0),
	[GR_V_W1]	= SAME(R_W1, R_W1),
	[GR_V_SHA512]	= SAME(R_W0L1, R_W0L1),		/* VEX.256.W0 */
	/* vsm3msg1/2 VEX.128.W0; vsm4key4, vsm4rnds4 W0 */
	[GR_V_SM]	= { { R_W0L0, R_W0L0 }, { R_W0L0, R_W0L0 },
			    { R_W0, R_W0 }, { R_W0, R_W0 } },
	[GR_V_CMPCCXADD] = SAME(R_L0_64, R_L0_64),	/* VEX.128, 64-bit */
	[GR_V_W0L0]	= SAME(R_W0L0, R_W0L0),
	/* EVEX map 6 vf{c,}maddc{ph,sh}, vf{c,}mulc{ph,sh} */
	[GR_E_FP16C]	= SAME(R_FP16C, R_FP16C),
	[GR_V_MSR]	= SAME(R_MSR, R_MSR),	/* urdmsr, uwrmsr: VEX.128.W0 /0 */
	/* XOP: TBM blcfill .. t1mskc, blcmsk, blci; LWP */
	[GR_X_TBM1]	= SAME(R_R1_7, R_R1_7),
	[GR_X_TBM2]	= SAME(R_R16, R_R16),
	[GR_X_LWPCB]	= SAME(R_NONE, R_R01),	/* llwpcb, slwpcb */
	[GR_X_LWP]	= SAME(R_R01, R_R01),	/* lwpins, lwpval */
};

/*
 * The group of each special handler; variants follow the first.  The
 * handlers dinsn_special() implements in code have none.
 */
const u8 dinsn_grp_first[32] = {
	[SP_GRP3] = GR_GRP3,		[SP_GRP4] = GR_GRP4,
	[SP_GRP5] = GR_GRP5,		[SP_GRP1A] = GR_GRP1A,
	[SP_GRP11] = GR_C6,		[SP_MOVSEG] = GR_8C,
	[SP_0F00] = GR_0F00,		[SP_0F01] = GR_0F01,
	[SP_GRP12] = GR_R246,		[SP_GRP13] = GR_R246,
	[SP_GRP14] = GR_GRP14,		[SP_0F78] = GR_0F78,
	[SP_0F79] = GR_0F79,		[SP_GRP15] = GR_GRP15,
	[SP_GRP8] = GR_GRP8,		[SP_GRP9] = GR_GRP9,
	[SP_0F1E] = GR_0F1E,		[SP_0F38F8] = GR_0F38F8,
	[SP_NOP] = GR_NOP,		[SP_0F38F6] = GR_0F38F6,
	[SP_PADLOCK] = GR_A6,		[SP_MEM66] = GR_MEM66,
	[SP_0FD6] = GR_0FD6,		[SP_0F38F0] = GR_0F38F0,
	[SP_KLWIDE] = GR_KL_D8,
};

/* 0F 01 mod == 3 (C0-FF) and F3 0F 1E /7 (rdssp, endbr) by ModRM.rm. */
const u32 dinsn_grp_rm[RM_NR][8] = {
	/* enclv, vmcall, vmlaunch, vmresume, vmxoff, pconfig, wrmsrns, pbndkb */
	[RM_0F01_C0]	= { [0] = C(PRIV), [1] = OK, [2 ... 6] = C(PRIV),
			    [7] = C(PRIV) | G_64 },
	/* monitor, mwait, clac, stac, encls */
	[RM_0F01_C8]	= { [0 ... 1] = C(PRIV), [2 ... 3] = C(ACFLAG),
			    [7] = C(PRIV) },
	/* xgetbv, xsetbv, vmfunc, xend, xtest, enclu */
	[RM_0F01_D0]	= { [0] = OK, [1] = C(PRIV), [4 ... 7] = OK },
	/* vmrun, vmmcall, vmload .. invlpga: any prefix */
	[RM_0F01_D8]	= { [0] = C(PRIV), [1] = OK, [2 ... 7] = C(PRIV) },
	[RM_0F01_E0]	= { [0 ... 7] = OK },		/* smsw: any prefix */
	/* serialize, rdpkru, wrpkru */
	[RM_0F01_E8]	= { [0] = C(SERIAL), [6 ... 7] = OK },
	[RM_0F01_F0]	= { [0 ... 7] = C(PRIV) },	/* lmsw: any prefix */
	/* swapgs, rdtscp, monitorx, mwaitx, clzero, rdpru, invlpgb, tlbsync */
	[RM_0F01_F8]	= { [0] = C(SWAPGS) | G_64, [1 ... 5] = OK,
			    [6 ... 7] = C(PRIV) },
	/* those that ignore 66/F2/F3: swapgs, rdtscp, clzero, rdpru */
	[RM_0F01_F8_PFX] = { [0] = C(SWAPGS) | G_64, [1] = OK,
			     [4 ... 5] = OK },
	/* F3 0F 1E mod 3 /7: rdsspd/q; FA endbr64, FB endbr32 */
	[RM_ENDBR]	= { [0 ... 1] = OK, [2 ... 3] = C(ENDBR),
			    [4 ... 7] = OK },
};

/*
 * Forms decided by the prefix and the whole ModRM byte: the 0F 01
 * register forms that exist only with 66, F2 or F3.  Sorted by key;
 * DINSN_GRP_EXC_NR in dinsn_tables.h is their number.
 */
#define X(g, pp, modrm, e)	{ G_EXC_KEY(GR_##g, pp, modrm), e }
const struct dinsn_grp_exc dinsn_grp_exc[] = {
	X(0F01, 0x66, 0xcc, C(PRIV)),		/* tdcall */
	X(0F01, 0x66, 0xcd, C(PRIV) | G_64),	/* seamret */
	X(0F01, 0x66, 0xce, C(PRIV) | G_64),	/* seamops */
	X(0F01, 0x66, 0xcf, C(PRIV) | G_64),	/* seamcall */
	X(0F01, 0xf2, 0xc6, C(PRIV) | G_64),	/* rdmsrlist */
	X(0F01, 0xf2, 0xca, C(ERET)),		/* erets */
	X(0F01, 0xf2, 0xe8, OK),		/* xsusldtrk */
	X(0F01, 0xf2, 0xe9, OK),		/* xresldtrk */
	X(0F01, 0xf2, 0xfe, C(PRIV) | G_64),	/* rmpupdate */
	X(0F01, 0xf2, 0xff, C(PRIV)),		/* pvalidate */
	X(0F01, 0xf3, 0xc6, C(PRIV) | G_64),	/* wrmsrlist */
	X(0F01, 0xf3, 0xca, C(ERET)),		/* eretu */
	X(0F01, 0xf3, 0xe8, C(PRIV)),		/* setssbsy */
	X(0F01, 0xf3, 0xea, OK),		/* saveprevssp */
	X(0F01, 0xf3, 0xec, C(UIRET) | G_64),	/* uiret */
	X(0F01, 0xf3, 0xed, OK | G_64),		/* testui */
	X(0F01, 0xf3, 0xee, OK | G_64),		/* clui */
	X(0F01, 0xf3, 0xef, OK | G_64),		/* stui */
	X(0F01, 0xf3, 0xfa, OK),		/* mcommit */
	X(0F01, 0xf3, 0xfe, C(PRIV) | G_64),	/* rmpadjust */
	X(0F01, 0xf3, 0xff, C(PRIV) | G_64),	/* psmash */
};

#undef X
static_assert(sizeof(dinsn_grp_exc) ==
	      DINSN_GRP_EXC_NR * sizeof(struct dinsn_grp_exc),
	      "DINSN_GRP_EXC_NR is the size of dinsn_grp_exc[]");

/*
 * The VEX, EVEX and XOP opcodes dinsn_vex() sends to dinsn_special(), in
 * order (DINSN_VEX_GRP_NR of them).  An encoding it does not send there
 * has GR_ANY.
 */
#define VG(map, first, last, vex, evex)					\
	{ (DINSN_MAP_##map << 8) | (first), (DINSN_MAP_##map << 8) | (last), \
	  GR_##vex, GR_##evex }
const struct dinsn_vex_grp dinsn_vex_grp[] = {
	VG(0F, 0x41, 0x4b, V_REG, ANY),		/* opmask instructions */
	VG(0F, 0x71, 0x71, V_SHIFT, R246),	/* vpsrlw, vpsraw, vpsllw */
	VG(0F, 0x72, 0x72, V_SHIFT, E_72),
	VG(0F, 0x73, 0x73, V_73, E_73),		/* vpsrlq, vpsrldq, ... */
	VG(0F, 0x90, 0x90, ANY, ANY),		/* kmov k, k/m */
	VG(0F, 0x91, 0x91, V_MEM, ANY),		/* kmov m, k */
	VG(0F, 0x92, 0x99, V_REG, ANY),
	VG(0F, 0xae, 0xae, V_AE, ANY),
	VG(0F38, 0x49, 0x49, V_TILECFG, ANY),
	VG(0F38, 0x4b, 0x4b, V_TILELOAD, ANY),	/* tileloadd(t1), tilestored */
	VG(0F38, 0x50, 0x51, V_VNNI, ANY),
	VG(0F38, 0x5c, 0x5c, V_TDP_5C, ANY),
	VG(0F38, 0x5e, 0x5e, V_TDP, ANY),
	VG(0F38, 0x6c, 0x6c, V_TCMM, ANY),
	VG(0F38, 0x72, 0x72, V_W0, ANY),	/* vcvtneps2bf16 */
	VG(0F38, 0x90, 0x93, V_GATHER, V_GATHER),
	VG(0F38, 0xa0, 0xa3, V_GATHER, E_SCATTER),
	VG(0F38, 0xb0, 0xb1, V_W0, ANY),	/* AVX-NE-CONVERT */
	VG(0F38, 0xb4, 0xb5, V_W1, ANY),	/* AVX-IFMA */
	VG(0F38, 0xc6, 0xc7, V_GATHERPF, V_GATHERPF),
	VG(0F38, 0xcb, 0xcd, V_SHA512, ANY),
	VG(0F38, 0xd2, 0xd3, V_W0, ANY),	/* AVX-VNNI-INT16 */
	VG(0F38, 0xda, 0xda, V_SM, ANY),
	VG(0F38, 0xe0, 0xef, V_CMPCCXADD, ANY),
	VG(0F38, 0xf3, 0xf3, V_BMI, ANY),
	VG(0F3A, 0xde, 0xde, V_W0L0, ANY),	/* vsm3rnds2: VEX.128.66.W0 */
	VG(EVEX6, 0x56, 0x57, ANY, E_FP16C),
	VG(EVEX6, 0xd6, 0xd7, ANY, E_FP16C),
	VG(VEX7, 0xf8, 0xf8, V_MSR, ANY),
	VG(XOP9, 0x01, 0x01, X_TBM1, ANY),
	VG(XOP9, 0x02, 0x02, X_TBM2, ANY),
	VG(XOP9, 0x12, 0x12, X_LWPCB, ANY),
	VG(XOPA, 0x12, 0x12, X_LWP, ANY),
};

#undef VG
static_assert(sizeof(dinsn_vex_grp) ==
	      DINSN_VEX_GRP_NR * sizeof(struct dinsn_vex_grp),
	      "DINSN_VEX_GRP_NR is the size of dinsn_vex_grp[]");
