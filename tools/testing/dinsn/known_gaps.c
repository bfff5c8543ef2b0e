// SPDX-License-Identifier: GPL-2.0
/*
 * Classes of instructions Zydis 4.0 gets wrong or does not know, and how
 * each encoding of such a class is confirmed by other oracles; see
 * known_gaps.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <Zydis/Zydis.h>
#include "known_gaps.h"
#include "upref.h"
#include "zyref.h"
#include "array_size.h"

enum {
	GAP_LKGS, GAP_FRED, GAP_MSRLIST, GAP_USER_MSR, GAP_USER_MSR_IMM,
	GAP_RAO_INT, GAP_AVX_IFMA, GAP_KNC,
	GAP_PBNDKB, GAP_CMPCCXADD, GAP_VNNI_INT8, GAP_VNNI_INT16,
	GAP_NE_CONVERT, GAP_AMX_FP16, GAP_AMX_COMPLEX, GAP_SHA512, GAP_SM3,
	GAP_SM4, GAP_REX2, GAP_JMPABS, GAP_APX_EVEX4,
	GAP_NR
};

const struct known_gap known_gaps[] = {
	[GAP_LKGS] = {
		"LKGS", "Zydis 4.0 predates LKGS (F2 0F 00 /6)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x00, 0xf0 }, 4,
		{ 0xf2, 0x0f, 0x00, 0xe8 }, 4, "verw",	/* same group, /5 */
		GAP_C_UPSTREAM,
	},
	[GAP_FRED] = {
		"ERETS/ERETU", "Zydis 4.0 predates FRED (F2/F3 0F 01 CA)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x01, 0xca }, 4,
		/* binutils 2.40 reads it as clac with a prefix: same length */
		{ 0xf2, 0x0f, 0x01, 0xca }, 4, "clac",
		GAP_C_UPSTREAM,
	},
	[GAP_MSRLIST] = {
		"WRMSRNS/RDMSRLIST/WRMSRLIST",
		"Zydis 4.0 predates WRMSRNS and MSRLIST (0F 01 C6)",
		GAP_OBJDUMP_SAMPLE,
		{ 0x0f, 0x01, 0xc6 }, 3, { 0 }, 0, "wrmsrns",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "wrmsrns|rdmsrlist|wrmsrlist",
	},
	[GAP_USER_MSR] = {
		"URDMSR/UWRMSR", "Zydis 4.0 predates USER_MSR (F2/F3 0F 38 F8 /r, mod 3)",
		GAP_OBJDUMP_ANALOG,
		{ 0xf2, 0x0f, 0x38, 0xf8, 0xc1 }, 5,
		{ 0xf2, 0x0f, 0x38, 0xf8, 0x01 }, 5, "enqcmd", /* memory form */
		GAP_C_UPSTREAM,
	},
	[GAP_USER_MSR_IMM] = {
		"URDMSR/UWRMSR imm32", "Zydis 4.0 predates VEX map 7 (VEX.F2/F3.M7 F8 /0 id)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe7, 0x7b, 0xf8, 0xc0, 0x11, 0x22, 0x33, 0x44 }, 9,
		/* XOP map 10 bextr: 3-byte VEX-style prefix, ModRM, imm32 */
		{ 0x8f, 0xea, 0x78, 0x10, 0xc0, 0x11, 0x22, 0x33, 0x44 }, 9,
		"bextr", GAP_C_UPSTREAM,
	},
	[GAP_RAO_INT] = {
		"RAO-INT", "Zydis 4.0 predates AADD/AAND/AOR/AXOR (0F 38 FC)",
		GAP_OBJDUMP_SAMPLE,
		{ 0x0f, 0x38, 0xfc, 0x01 }, 4, { 0 }, 0, "aadd",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "aadd|aand|aor|axor",
	},
	[GAP_AVX_IFMA] = {
		"AVX-IFMA (VEX)",
		"Zydis 4.0 knows only the EVEX forms of vpmadd52luq/huq (VEX.66.0F38 B4/B5)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0xf9, 0xb4, 0x00 }, 5, { 0 }, 0, "vpmadd52luq",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "vpmadd52",
	},
	[GAP_KNC] = {
		"KNC",
		"Zydis 4.0 decodes Xeon Phi (k1om) VEX forms even with its KNC mode off; they do not exist on x86-64 CPUs",
		GAP_OBJDUMP_BAD,
		{ 0xc5, 0xf8, 0x84, 0x00, 0x00, 0x00, 0x00 }, 0, { 0 }, 0,
		"(bad)",
	},
	/*
	 * Extensions newer than Zydis 4.0.  Where binutils 2.40 does not know
	 * them either, the analog is an older instruction with the same
	 * layout (prefix, map, ModRM, immediate).
	 */
	[GAP_PBNDKB] = {
		"PBNDKB", "Zydis 4.0 and binutils 2.40 predate TSE (0F 01 C7)",
		GAP_OBJDUMP_ANALOG,
		{ 0x0f, 0x01, 0xc7 }, 3,
		{ 0x0f, 0x01, 0xc5 }, 3, "pconfig",	/* same group, rm 5 */
		GAP_C_UPSTREAM,
	},
	[GAP_CMPCCXADD] = {
		"CMPccXADD", "Zydis 4.0 predates CMPccXADD (VEX.66.0F38 E0-EF)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0x79, 0xe4, 0x08 }, 5, { 0 }, 0, "cmpzxadd",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "xadd",
	},
	[GAP_VNNI_INT8] = {
		"AVX-VNNI-INT8", "Zydis 4.0 predates AVX-VNNI-INT8 (VEX.NP/F3/F2.0F38 50-51)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0x73, 0x50, 0xc1 }, 5, { 0 }, 0, "vpdpbssd",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "vpdpb",
	},
	[GAP_VNNI_INT16] = {
		"AVX-VNNI-INT16",
		"Zydis 4.0 and binutils 2.40 predate AVX-VNNI-INT16 (VEX.NP/66/F3.0F38 D2-D3)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe2, 0x7a, 0xd2, 0xc1 }, 5,
		{ 0xc4, 0xe2, 0x79, 0x52, 0xc1 }, 5, "vpdpwssd",
		GAP_C_UPSTREAM,
	},
	[GAP_NE_CONVERT] = {
		"AVX-NE-CONVERT",
		"Zydis 4.0 predates AVX-NE-CONVERT (VEX.0F38 B0-B1, VEX.F3.0F38 72)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0x7a, 0xb0, 0x00 }, 5, { 0 }, 0, "vcvtneebf162ps",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "vcvtne|vbcstne",
	},
	[GAP_AMX_FP16] = {
		"AMX-FP16", "Zydis 4.0 predates AMX-FP16 (VEX.F2.0F38 5C)",
		GAP_OBJDUMP_SAMPLE,
		{ 0xc4, 0xe2, 0x7b, 0x5c, 0xca }, 5, { 0 }, 0, "tdpfp16ps",
		GAP_C_UPSTREAM | GAP_C_OBJDUMP, "tdpfp16ps",
	},
	[GAP_AMX_COMPLEX] = {
		"AMX-COMPLEX",
		"Zydis 4.0 and binutils 2.40 predate AMX-COMPLEX (VEX.NP/66.0F38 6C)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe2, 0x79, 0x6c, 0xca }, 5,
		{ 0xc4, 0xe2, 0x7a, 0x5c, 0xca }, 5, "tdpbf16ps",
		GAP_C_UPSTREAM,
	},
	[GAP_SHA512] = {
		"SHA512", "Zydis 4.0 and binutils 2.40 predate SHA512 (VEX.256.F2.0F38 CB-CD)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe2, 0x7f, 0xcb, 0xc1 }, 5,
		{ 0xc4, 0xe2, 0x7d, 0x00, 0xc1 }, 5, "vpshufb",
		GAP_C_UPSTREAM,
	},
	[GAP_SM3] = {
		"SM3",
		"Zydis 4.0 and binutils 2.40 predate SM3 (VEX.NP/66.0F38 DA, VEX.66.0F3A DE)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe2, 0x78, 0xda, 0xc1 }, 5,
		{ 0xc4, 0xe2, 0x79, 0x50, 0xc1 }, 5, "vpdpbusd",
		GAP_C_UPSTREAM,
	},
	[GAP_SM4] = {
		"SM4", "Zydis 4.0 and binutils 2.40 predate SM4 (VEX.F3/F2.0F38 DA)",
		GAP_OBJDUMP_ANALOG,
		{ 0xc4, 0xe2, 0x7a, 0xda, 0xc1 }, 5,
		{ 0xc4, 0xe2, 0x79, 0x50, 0xc1 }, 5, "vpdpbusd",
		GAP_C_UPSTREAM,
	},
	[GAP_REX2] = {
		"APX REX2", "Zydis 4.0 and binutils 2.40 predate APX's REX2 prefix (D5)",
		GAP_OBJDUMP_ANALOG,
		{ 0xd5, 0x80, 0xaf, 0xc1 }, 4,
		{ 0x40, 0x0f, 0xaf, 0xc1 }, 4, "imul",	/* REX + 0F: 2 bytes */
		GAP_C_UPSTREAM | GAP_C_TWIN,
	},
	[GAP_JMPABS] = {
		"APX JMPABS", "Zydis 4.0 and binutils 2.40 predate JMPABS (REX2.M0=0.W0 A1 imm64)",
		GAP_OBJDUMP_ANALOG,
		{ 0xd5, 0x00, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8 }, 11,
		/* a prefix and REX.W A1 moffs64: 11 bytes too */
		{ 0x2e, 0x48, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8 }, 11, "movabs",
		GAP_C_UPSTREAM | GAP_C_TWIN,
	},
	[GAP_APX_EVEX4] = {
		"APX EVEX map 4", "Zydis 4.0 and binutils 2.40 predate APX's EVEX map 4",
		GAP_OBJDUMP_ANALOG,
		{ 0x62, 0xf4, 0x7c, 0x18, 0x01, 0xc1 }, 6,
		{ 0x62, 0xf1, 0x7c, 0x08, 0x58, 0xc1 }, 6, "vaddps",
		GAP_C_UPSTREAM,
	},
};

const unsigned int nr_known_gaps = ARRAY_SIZE(known_gaps);

/* VEX extensions of 2022-2023 in map 2 (0F 38) and 3 (0F 3A). */
static int vex_gap(const struct dinsn *di)
{
	u8 op = di->opcode;

	if (di->map == DINSN_MAP_0F3A)
		return op == 0xde ? GAP_SM3 : -1;
	if (di->map != DINSN_MAP_0F38)
		return -1;
	if (op >= 0xe0 && op <= 0xef)
		return GAP_CMPCCXADD;
	switch (op) {
	case 0x50:
	case 0x51:
		return di->pp != 0x66 ? GAP_VNNI_INT8 : -1;
	case 0xd2:
	case 0xd3:
		return GAP_VNNI_INT16;
	case 0x72:
	case 0xb0:
	case 0xb1:
		return GAP_NE_CONVERT;
	case 0x5c:
		return di->pp == 0xf2 ? GAP_AMX_FP16 : -1;
	case 0x6c:
		return GAP_AMX_COMPLEX;
	case 0xcb ... 0xcd:
		return GAP_SHA512;
	case 0xda:
		return di->pp == 0xf3 || di->pp == 0xf2 ? GAP_SM4 : GAP_SM3;
	case 0xb4:
	case 0xb5:
		return GAP_AVX_IFMA;
	}
	return -1;
}

int known_gap_of(const struct dinsn *di, const u8 *buf)
{
	unsigned int reg = (di->modrm >> 3) & 7;

	(void)buf;
	if (di->vex_kind == DINSN_REX2)
		return di->branch == DINSN_BR_JMP_ABS ? GAP_JMPABS : GAP_REX2;
	if (di->map == DINSN_MAP_EVEX4)
		return GAP_APX_EVEX4;
	if (di->map == DINSN_MAP_VEX7)
		return GAP_USER_MSR_IMM;
	if (di->vex_kind == DINSN_VEX2 || di->vex_kind == DINSN_VEX3)
		return vex_gap(di);
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
		if (di->opcode == 0x01 && di->modrm == 0xc7)
			return GAP_PBNDKB;
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

/* Per class and mode: what was confirmed, and the objdump queue. */
struct gap_stats {
	unsigned long seen, upstream, upstream_canon, upstream_twin_bug;
	unsigned long twin, fails;
	unsigned long od_ok;
	u8 *od_bytes;			/* queued encodings, back to back */
	size_t od_size, od_cap;
	u8 *od_lens;
	size_t od_n, od_lcap;
};

static struct gap_stats gap_stats[GAP_NR][2];

static void gap_fail(int g, const char *why, const u8 *b, unsigned int n,
		     enum dinsn_mode mode, int other)
{
	struct gap_stats *st = &gap_stats[g][mode];

	if (st->fails++ >= 5)
		return;
	printf("  gap %s not confirmed (%s, got %d): m%d", known_gaps[g].name,
	       why, other, mode == DINSN_MODE_64 ? 64 : 32);
	for (unsigned int i = 0; i < n; i++)
		printf(" %02x", b[i]);
	printf("\n");
}

/*
 * The same instruction with REX (and 0F for map 1) instead of REX2: the
 * legacy prefixes, 4X, [0F], then the opcode and the rest.  Returns its
 * length, one byte less than @len for map 0, the same for map 1.
 */
static unsigned int rex_twin(const struct dinsn *di, const u8 *b, u8 *t)
{
	unsigned int o = di->vex_off, n = 0;
	u8 pl = di->vex[0];

	memcpy(t, b, o);
	n = o;
	t[n++] = 0x40 | (pl & 0x0f);
	if (pl & 0x80)
		t[n++] = 0x0f;
	memcpy(t + n, b + o + 2, di->len - o - 2);
	return n + di->len - o - 2;
}

static ZydisDecoder gap_zy[2];
static bool gap_zy_ready;

static bool confirm_twin(int g, const u8 *b, const struct dinsn *di,
			 enum dinsn_mode mode, int up)
{
	struct gap_stats *st = &gap_stats[g][mode];
	unsigned int tn, want;
	struct dinsn tdi;
	u8 t[DINSN_MAX_LEN + 1];
	int zl, tul;

	if (!gap_zy_ready) {
		zy_init(&gap_zy[DINSN_MODE_64], DINSN_MODE_64, false);
		zy_init(&gap_zy[DINSN_MODE_32], DINSN_MODE_32, false);
		gap_zy_ready = true;
	}
	tn = rex_twin(di, b, t);
	want = di->vex[0] & 0x80 ? di->len : di->len - 1u;
	zl = zy_len(&gap_zy[mode], t, tn);
	if (zl <= 0 && !dinsn_decode(&tdi, t, tn, mode) && tdi.len == tn &&
	    known_gap_of(&tdi, t) >= 0 && known_gap_of(&tdi, t) != g)
		zl = tn;	/* the twin is in another class, e.g. LKGS */
	if (zl != (int)want || tn != want) {
		gap_fail(g, "Zydis on the REX twin", t, tn, mode, zl);
		return false;
	}
	st->twin++;
	if (up == di->len)
		return true;
	/* upstream's length is wrong for the REX form as well */
	tul = up_len(t, tn, mode == DINSN_MODE_32);
	if (tul != zl) {
		st->upstream_twin_bug++;
		return true;
	}
	gap_fail(g, "upstream", b, di->len, mode, up);
	return false;
}

static void od_queue(struct gap_stats *st, const u8 *b, unsigned int n)
{
	if (st->od_size + n > st->od_cap) {
		st->od_cap = st->od_cap ? st->od_cap * 2 : 4096;
		st->od_bytes = realloc(st->od_bytes, st->od_cap);
	}
	if (st->od_n == st->od_lcap) {
		st->od_lcap = st->od_lcap ? st->od_lcap * 2 : 1024;
		st->od_lens = realloc(st->od_lens, st->od_lcap);
	}
	memcpy(st->od_bytes + st->od_size, b, n);
	st->od_size += n;
	st->od_lens[st->od_n++] = n;
}

/*
 * Upstream's decoder takes the last legacy prefix as the mandatory one and
 * a REX only right after the legacy prefixes; the CPU (and Zydis, and we)
 * take the last F2/F3 over 66 and ignore a REX that is not last.  Write
 * the prefixes in the order upstream understands, without ignored REX
 * bytes: other prefixes, 66, F2/F3 as they came, the REX or REX2 that
 * counts.  Returns the length of @t, which says the same instruction.
 */
static unsigned int canon_prefixes(const struct dinsn *di, const u8 *b,
				   u8 *t)
{
	unsigned int end = di->vex_kind ? di->vex_off : di->opcode_off;
	unsigned int n = 0;

	if (di->rex)
		end = di->rex_off;
	for (int pass = 0; pass < 3; pass++) {
		for (unsigned int i = 0; i < end; i++) {
			u8 c = b[i];
			int kind = c == 0x66 ? 1 : c == 0xf2 || c == 0xf3 ? 2 :
				   (c & 0xf0) == 0x40 && di->mode ==
				   DINSN_MODE_64 ? 3 : 0;

			if (kind == pass)
				t[n++] = c;
		}
	}
	if (di->rex) {
		t[n++] = di->rex;
		end = di->rex_off + 1u;
	}
	memcpy(t + n, b + end, di->len - end);
	return n + di->len - end;
}

/* Upstream's length for @b, in canonical prefix order if need be. */
static bool upstream_agrees(const u8 *b, const struct dinsn *di,
			    enum dinsn_mode mode, struct gap_stats *st,
			    int *upp)
{
	u8 t[DINSN_UNIT_MAX_LEN];
	unsigned int tn;

	*upp = up_len(b, di->len, mode == DINSN_MODE_32);
	if (*upp == di->len)
		return true;
	tn = canon_prefixes(di, b, t);
	if (tn == di->len && !memcmp(t, b, tn))
		return false;
	if (up_len(t, tn, mode == DINSN_MODE_32) != (int)tn)
		return false;
	st->upstream_canon++;
	*upp = di->len;
	return true;
}

bool known_gap_confirm(int g, const u8 *b, const struct dinsn *di,
		       enum dinsn_mode mode)
{
	const struct known_gap *k = &known_gaps[g];
	struct gap_stats *st = &gap_stats[g][mode];
	int up = 0;

	st->seen++;
	if (k->confirm & GAP_C_TWIN) {
		upstream_agrees(b, di, mode, st, &up);
		if (!confirm_twin(g, b, di, mode, up))
			return false;
	} else if (k->confirm & GAP_C_UPSTREAM) {
		if (!upstream_agrees(b, di, mode, st, &up)) {
			gap_fail(g, "upstream", b, di->len, mode, up);
			return false;
		}
	}
	if (up == di->len)
		st->upstream++;
	if (k->confirm & GAP_C_OBJDUMP) {
		/* objdump, like upstream, shows an ignored REX on its own */
		u8 t[DINSN_UNIT_MAX_LEN];

		od_queue(st, t, canon_prefixes(di, b, t));
	}
	return true;
}

/* Does @text name one of the '|'-separated @words? */
static bool has_word(const char *text, const char *words)
{
	char w[64];

	while (*words) {
		size_t n = strcspn(words, "|");

		if (n < sizeof(w)) {
			memcpy(w, words, n);
			w[n] = 0;
			if (strstr(text, w))
				return true;
		}
		words += n + (words[n] == '|');
	}
	return false;
}

/*
 * objdump the queued encodings of one class and mode back to back: every
 * instruction must start where ours does, be as long, and be one of the
 * class's mnemonics without "(bad)".  Returns the failures.
 */
static unsigned long od_run(int g, enum dinsn_mode mode)
{
	struct gap_stats *st = &gap_stats[g][mode];
	char path[] = "/tmp/dinsn-gaps-XXXXXX", cmd[256], line[512];
	unsigned long fails = 0, off = 0, i = 0;
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0 || write(fd, st->od_bytes, st->od_size) !=
		      (ssize_t)st->od_size) {
		printf("  gap %s: cannot write %s\n", known_gaps[g].name, path);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "objdump -D -b binary -m%s --insn-width=16 %s 2>/dev/null",
		 mode == DINSN_MODE_64 ? "i386:x86-64" : "i386", path);
	f = popen(cmd, "r");
	while (f && fgets(line, sizeof(line), f)) {
		unsigned long addr;
		char *bytes, *end;
		size_t nb = 0;

		if (!od_insn_line(line, &addr, &bytes, &end))
			continue;
		for (char *q = bytes; q < end; q++)
			nb += q[0] != ' ' && (q[1] == ' ' || q == end - 1);
		if (i >= st->od_n || addr != off || nb != st->od_lens[i] ||
		    strstr(end, "(bad)") ||
		    !has_word(end, known_gaps[g].od_words)) {
			if (fails++ < 5)
				printf("  gap %s: objdump at %#lx (%zu bytes, ours %u): %s",
				       known_gaps[g].name, addr, nb,
				       i < st->od_n ? st->od_lens[i] : 0, bytes);
			break;	/* out of step from here on */
		}
		off += st->od_lens[i++];
		st->od_ok++;
	}
	if (f)
		pclose(f);
	unlink(path);
	if (i != st->od_n && !fails) {
		printf("  gap %s: objdump stopped after %lu of %zu\n",
		       known_gaps[g].name, i, st->od_n);
		fails++;
	}
	return fails;
}

bool od_insn_line(char *line, unsigned long *addr, char **bytes, char **end)
{
	char *tab;

	if (sscanf(line, " %lx:", addr) != 1)
		return false;
	tab = strchr(line, '\t');
	if (!tab)
		return false;
	*bytes = tab + 1;
	*end = strchr(*bytes, '\t');
	return *end;
}

unsigned long known_gaps_finish(void)
{
	unsigned long fails = 0;

	for (int g = 0; g < GAP_NR; g++) {
		for (int m = 0; m < 2; m++) {
			struct gap_stats *st = &gap_stats[g][m];

			unsigned long odf = 0;

			if (!st->seen)
				continue;
			if (st->od_n)
				odf = od_run(g, m);
			st->fails += odf;
			fails += odf;
			printf("    known gap %-16s m%d: %lu encodings; confirmed: upstream %lu (%lu in its prefix order, %lu wrong for the REX form too), REX twin %lu, objdump %lu; not confirmed %lu\n",
			       known_gaps[g].name, m ? 32 : 64, st->seen,
			       st->upstream, st->upstream_canon,
			       st->upstream_twin_bug, st->twin, st->od_ok,
			       st->fails);
			free(st->od_bytes);
			free(st->od_lens);
			memset(st, 0, sizeof(*st));
		}
	}
	return fails;
}
