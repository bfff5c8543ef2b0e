// SPDX-License-Identifier: GPL-2.0
/* Classes of instructions Zydis 4.0 gets wrong; see known_gaps.h. */
#include <Zydis/Zydis.h>
#include "known_gaps.h"

enum {
	GAP_LKGS, GAP_FRED, GAP_MSRLIST, GAP_USER_MSR, GAP_USER_MSR_IMM,
	GAP_RAO_INT, GAP_AVX_IFMA, GAP_KNC,
};

const struct known_gap known_gaps[] = {
	[GAP_LKGS] = {
		"LKGS", "Zydis 4.0 predates LKGS (F2 0F 00 /6)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x00, 0xf0 }, 4,
		{ 0xf2, 0x0f, 0x00, 0xe8 }, 4, "verw",	/* same group, /5 */
	},
	[GAP_FRED] = {
		"ERETS/ERETU", "Zydis 4.0 predates FRED (F2/F3 0F 01 CA)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x01, 0xca }, 4,
		/* binutils 2.40 reads it as clac with a prefix: same length */
		{ 0xf2, 0x0f, 0x01, 0xca }, 4, "clac",
	},
	[GAP_MSRLIST] = {
		"WRMSRNS/RDMSRLIST/WRMSRLIST",
		"Zydis 4.0 predates WRMSRNS and MSRLIST (0F 01 C6)",
		GAP_OBJDUMP_SAMPLE,
		{ 0x0f, 0x01, 0xc6 }, 3, { 0 }, 0, "wrmsrns",
	},
	[GAP_USER_MSR] = {
		"URDMSR/UWRMSR", "Zydis 4.0 predates USER_MSR (F2/F3 0F 38 F8 /r, mod 3)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x38, 0xf8, 0xc1 }, 5,
		{ 0xf2, 0x0f, 0x38, 0xf8, 0x01 }, 5, "enqcmd", /* memory form */
	},
	[GAP_USER_MSR_IMM] = {
		"URDMSR/UWRMSR imm32", "Zydis 4.0 predates VEX map 7 (VEX.F2/F3.M7 F8 /0 id)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe7, 0x7b, 0xf8, 0xc0, 0x11, 0x22, 0x33, 0x44 }, 9,
		/* XOP map 10 bextr: 3-byte VEX-style prefix, ModRM, imm32 */
		{ 0x8f, 0xea, 0x78, 0x10, 0xc0, 0x11, 0x22, 0x33, 0x44 }, 9,
		"bextr",
	},
	[GAP_RAO_INT] = {
		"RAO-INT", "Zydis 4.0 predates AADD/AAND/AOR/AXOR (0F 38 FC)",
		GAP_OBJDUMP_SAMPLE,
		{ 0x0f, 0x38, 0xfc, 0x01 }, 4, { 0 }, 0, "aadd",
	},
	[GAP_AVX_IFMA] = {
		"AVX-IFMA (VEX)", "Zydis 4.0 knows only the EVEX forms of "
		"vpmadd52luq/huq (VEX.66.0F38 B4/B5)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0xf9, 0xb4, 0x00 }, 5, { 0 }, 0, "vpmadd52luq",
	},
	[GAP_KNC] = {
		"KNC", "Zydis 4.0 decodes Xeon Phi (k1om) VEX forms even with its "
		"KNC mode off; they do not exist on x86-64 CPUs",
		GAP_OBJDUMP_BAD,
		{ 0xc5, 0xf8, 0x84, 0x00, 0x00, 0x00, 0x00 }, 0, { 0 }, 0,
		"(bad)",
	},
};
const unsigned int nr_known_gaps = sizeof(known_gaps) / sizeof(known_gaps[0]);

int known_gap_of(const struct dinsn *di, const u8 *buf)
{
	unsigned int reg = (di->modrm >> 3) & 7;

	(void)buf;
	if (di->map == DINSN_MAP_VEX7)
		return GAP_USER_MSR_IMM;
	if (di->map == DINSN_MAP_0F38 && (di->vex_kind == DINSN_VEX2 ||
					  di->vex_kind == DINSN_VEX3) &&
	    (di->opcode == 0xb4 || di->opcode == 0xb5))
		return GAP_AVX_IFMA;
	if (di->vex_kind != DINSN_VEX_NONE)
		return -1;
	if (di->map == DINSN_MAP_0F) {
		if (di->opcode == 0x00 && reg == 6)
			return GAP_LKGS;
		if (di->opcode == 0x01 && di->modrm == 0xca &&
		    (di->pp == 0xf2 || di->pp == 0xf3))
			return GAP_FRED;
		if (di->opcode == 0x01 && di->modrm == 0xc6)
			return GAP_MSRLIST;
	}
	if (di->map == DINSN_MAP_0F38) {
		if (di->opcode == 0xf8 && di->modrm >= 0xc0 &&
		    (di->pp == 0xf2 || di->pp == 0xf3))
			return GAP_USER_MSR;
		if (di->opcode == 0xfc)
			return GAP_RAO_INT;
	}
	return -1;
}

int known_reject_gap(const u8 *buf, size_t len, enum dinsn_mode mode)
{
	ZydisDecoder d;
	ZydisDecodedInstruction insn;

	if (mode == DINSN_MODE_64)
		ZydisDecoderInit(&d, ZYDIS_MACHINE_MODE_LONG_64,
				 ZYDIS_STACK_WIDTH_64);
	else
		ZydisDecoderInit(&d, ZYDIS_MACHINE_MODE_LONG_COMPAT_32,
				 ZYDIS_STACK_WIDTH_32);
	if (ZYAN_FAILED(ZydisDecoderDecodeInstruction(&d, NULL, buf, len,
						      &insn)))
		return -1;
	if (insn.meta.isa_ext == ZYDIS_ISA_EXT_KNC ||
	    insn.meta.isa_ext == ZYDIS_ISA_EXT_KNCE ||
	    insn.meta.isa_ext == ZYDIS_ISA_EXT_KNCV)
		return GAP_KNC;
	return -1;
}
