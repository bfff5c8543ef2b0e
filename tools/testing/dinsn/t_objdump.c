// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-check every known-Zydis-gap class (known_gaps.c) against objdump:
 * objdump must decode the sample (or its same-layout analog) with the
 * length dinsn reports, or reject it when dinsn rejects it too.
 *
 * Then the validity rules: for each encoding below, the oracles that know
 * the instruction (Zydis, objdump) must agree with dinsn on whether it is
 * an instruction, and on its length.  t_cases holds what dinsn must say;
 * this holds who confirms it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dinsn.h"
#include "hex_bytes.h"
#include "known_gaps.h"
#include "zyref.h"
#include "array_size.h"

/* Length and text of the first instruction objdump prints for @b. */
static int objdump_first_m(const u8 *b, size_t n, char *text, size_t tlen,
			   enum dinsn_mode mode)
{
	char path[] = "/tmp/dinsn-objdump-XXXXXX", cmd[256], line[512];
	int fd = mkstemp(path), len = -1;
	unsigned long first = 0, addr;
	bool have_first = false;
	FILE *f;

	if (fd < 0)
		return -1;
	if (write(fd, b, n) != (ssize_t)n ||
	    write(fd, "\x90\x90\x90\x90", 4) != 4) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "objdump -D -b binary -m%s %s 2>/dev/null",
		 mode == DINSN_MODE_64 ? "i386:x86-64" : "i386", path);
	f = popen(cmd, "r");
	while (f && fgets(line, sizeof(line), f)) {
		char *bytes, *end;

		if (!od_insn_line(line, &addr, &bytes, &end))
			continue;	/* a header, or more of a long byte list */
		if (!have_first) {
			have_first = true;
			first = addr;
			snprintf(text, tlen, "%s", end + 1);
			continue;
		}
		len = addr - first;
		break;
	}
	if (f)
		pclose(f);
	unlink(path);
	return len;
}

static int objdump_first(const u8 *b, size_t n, char *text, size_t tlen)
{
	return objdump_first_m(b, n, text, tlen, DINSN_MODE_64);
}

#define OR_ZYDIS	0x1
#define OR_OBJDUMP	0x2

/* Validity rules (see t_cases.c) and the oracles that know them. */
static const struct { const char *hex; u8 mode, oracles; } validity[] = {
	/* register-only and memory-only forms */
	{ "c5 f9 13 c0", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c5 f9 13 00", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c5 f9 d7 00", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c5 f9 d7 c0", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c5 f8 50 00", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c5 fb f0 c0", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c4 e2 7d 1a c0", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "c4 e3 79 30 00 01", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "62 f2 7e 08 28 00", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "62 f2 7d 08 7c 00", 0, OR_ZYDIS | OR_OBJDUMP },
	/* EVEX L'L = 3 */
	{ "62 f1 7c 68 58 c1", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "62 f1 7c 78 58 c1", 0, OR_ZYDIS | OR_OBJDUMP },
	{ "62 f1 7c 78 58 00", 0, OR_ZYDIS | OR_OBJDUMP },
	/* complex FP16 multiplies: destination differs from the sources */
	{ "62 f6 7f 08 56 c1", 0, OR_ZYDIS },
	{ "62 f6 77 08 56 c0", 0, OR_ZYDIS },
	{ "62 f6 77 08 56 01", 0, OR_ZYDIS | OR_OBJDUMP },
	/* W, L and forms of the 2022-2023 VEX extensions */
	{ "c4 e2 f3 50 c1", 0, OR_OBJDUMP },
	{ "c4 e2 77 50 c1", 0, OR_OBJDUMP },
	{ "c4 e2 7d e4 08", 0, OR_OBJDUMP },
	{ "c4 e2 79 e4 c8", 0, OR_OBJDUMP },
	{ "c4 e2 f9 e4 08", 0, OR_OBJDUMP },
	{ "c4 e2 79 ef 8c 24 00 01 00 00", 0, OR_OBJDUMP },
	{ "c4 e2 fb 5c ca", 0, OR_OBJDUMP },
	{ "c4 e2 7f 5c ca", 0, OR_OBJDUMP },
	{ "c4 e2 7b 5c 08", 0, OR_OBJDUMP },
	{ "c4 e2 7b 5c c1", 0, OR_OBJDUMP },
	{ "c4 e2 7b 5c ca", 0, OR_OBJDUMP },
	{ "c4 e2 7a b0 c0", 0, OR_OBJDUMP },
	{ "c4 e2 f8 b0 00", 0, OR_OBJDUMP },
	{ "c4 e2 7e b0 00", 0, OR_OBJDUMP },
	{ "c4 e2 7d b1 00", 0, OR_OBJDUMP },
	{ "c4 e2 7a 72 c1", 0, OR_OBJDUMP },
	{ "c4 e2 fa 72 c1", 0, OR_OBJDUMP },
	{ "c4 e2 79 b4 00", 0, OR_OBJDUMP },
	{ "c4 e2 f9 b4 00", 0, OR_OBJDUMP },
	{ "0f 18 3d 00 01 00 00", 0, OR_ZYDIS | OR_OBJDUMP },
	/* 64-bit-only forms in 32-bit code */
	{ "f2 0f 01 c6", 1, OR_OBJDUMP },
	{ "f3 0f 01 c6", 1, OR_OBJDUMP },
	{ "0f 01 c6", 1, OR_OBJDUMP },
	{ "c4 e2 79 e4 08", 1, OR_OBJDUMP },
	{ "c4 e2 7b 5c ca", 1, OR_OBJDUMP },
};

/* The oracles of each validity case agree with dinsn. */
static unsigned int check_validity(void)
{
	unsigned int fails = 0, checks = 0;
	ZydisDecoder zy[2];

	zy_init(&zy[DINSN_MODE_64], DINSN_MODE_64, false);
	zy_init(&zy[DINSN_MODE_32], DINSN_MODE_32, false);
	for (size_t i = 0; i < ARRAY_SIZE(validity); i++) {
		enum dinsn_mode mode = validity[i].mode;
		char text[256] = "";
		struct dinsn di;
		u8 b[16];
		size_t n = parse_hex(validity[i].hex, b);
		int ours = dinsn_decode(&di, b, n, mode) ? 0 : di.len;
		int ol, zl;

		if (validity[i].oracles & OR_ZYDIS) {
			zl = zy_len(&zy[mode], b, n);
			checks++;
			if ((zl > 0 ? zl : 0) != ours) {
				printf("FAIL validity [%s] m%d: ours %d, Zydis %d\n",
				       validity[i].hex, mode ? 32 : 64, ours, zl);
				fails++;
			}
		}
		if (validity[i].oracles & OR_OBJDUMP) {
			ol = objdump_first_m(b, n, text, sizeof(text), mode);
			checks++;
			if (strstr(text, "(bad)"))
				ol = 0;
			if (ol != ours) {
				printf("FAIL validity [%s] m%d: ours %d, objdump %d: %s",
				       validity[i].hex, mode ? 32 : 64, ours, ol, text);
				fails++;
			}
		}
	}
	printf("validity: %zu encodings, %u oracle checks, %u failures\n",
	       ARRAY_SIZE(validity), checks, fails);
	return fails;
}

int main(void)
{
	unsigned int fails = 0;

	for (unsigned int i = 0; i < nr_known_gaps; i++) {
		const struct known_gap *g = &known_gaps[i];
		const u8 *b = g->check == GAP_OBJDUMP_ANALOG ? g->analog : g->sample;
		size_t n = g->check == GAP_OBJDUMP_ANALOG ? g->analog_len : 15;
		struct dinsn di;
		char text[256] = "";
		int ours, ol;

		ours = dinsn_decode(&di, g->sample, g->sample_len ? g->sample_len : 15,
				    DINSN_MODE_64) ? 0 : di.len;
		if (g->check == GAP_OBJDUMP_SAMPLE)
			n = g->sample_len;
		ol = objdump_first(b, n, text, sizeof(text));
		if (ours != g->sample_len ||
		    !strstr(text, g->objdump_word) ||
		    (g->check != GAP_OBJDUMP_BAD && ol != g->sample_len)) {
			printf("FAIL gap %s: ours=%d want %d, objdump len %d text '%s' (want '%s')\n",
			       g->name, ours, g->sample_len, ol, strtok(text, "\n"),
			       g->objdump_word);
			fails++;
		} else {
			printf("ok gap %-28s objdump: %s", g->name, text);
		}
	}
	fails += check_validity();
	printf("RESULT objdump %s\n", fails ? "FAIL" : "PASS");
	return fails ? 1 : 0;
}
