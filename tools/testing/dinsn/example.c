// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn-decode: the decoder's API in use, shown in
 * Documentation/trace/dprobes-decoder.rst (whose example runs it).
 *
 *   dinsn-decode [-32] [-a ADDR] HEXBYTE...
 *
 * Decodes the first instruction of the bytes and prints its length, where
 * each field sits, its branch target or RIP-relative address (as if it
 * lived at ADDR, default 0xffffffff81000000) and its flags.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dinsn.h>

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

static const char *const flag_names[] = {
	"riprel", "if", "tf", "pushf", "popf", "stack", "serial", "priv",
	"iopl", "nop", "endbr", "emul-prefix", "intshadow", "rel", "segload",
	"string",
};

static void field(const char *name, int present, unsigned int off)
{
	if (present)
		printf(" %s@%u", name, off);
}

static void print_insn(const struct dinsn *di, unsigned long long addr)
{
	unsigned int i;

	printf("len %u:", di->len);
	field("prefixes", di->nr_prefixes, 0);
	field("rex", di->rex, di->rex_off);		/* rex 0: none */
	field("vex", di->vex_kind, di->vex_off);
	printf(" opcode@%u=%02x(map %u)", di->opcode_off, di->opcode, di->map);
	field("modrm", di->modrm_off, di->modrm_off);	/* 0: absent */
	field("sib", di->sib_off, di->sib_off);
	if (di->disp_len)
		printf(" disp@%u/%u=%d", di->disp_off, di->disp_len, di->disp);
	if (di->imm_len)
		printf(" imm@%u/%u=%lld", di->imm_off, di->imm_len,
		       (long long)di->imm);
	printf("\n");
	if (dinsn_has_rel_target(di))
		printf("branch target %#llx\n",
		       (unsigned long long)dinsn_branch_target(di, addr));
	if (di->flags & DINSN_F_RIPREL)
		printf("rip-relative operand at %#llx\n",
		       (unsigned long long)dinsn_riprel_target(di, addr));
	printf("flags:");
	for (i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (di->flags & (1u << i))
			printf(" %s", flag_names[i]);
	printf("\n");
}

int main(int argc, char **argv)
{
	enum dinsn_mode mode = DINSN_MODE_64;
	unsigned long long addr = 0xffffffff81000000ull;
	unsigned char buf[32];
	struct dinsn di;
	size_t n = 0;
	int i = 1, rc;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-32")) {
			mode = DINSN_MODE_32;
		} else if (!strcmp(argv[i], "-a") && i + 1 < argc) {
			addr = strtoull(argv[++i], NULL, 0);
		} else {
			fprintf(stderr, "usage: dinsn-decode [-32] [-a ADDR] HEXBYTE...\n");
			return 2;
		}
	}
	for (; i < argc && n < sizeof(buf); i++) {
		char *end;
		unsigned long b = strtoul(argv[i], &end, 16);

		if (*end || end == argv[i] || b > 0xff) {
			fprintf(stderr, "dinsn-decode: '%s' is not a hex byte\n", argv[i]);
			return 2;
		}
		buf[n++] = (unsigned char)b;
	}
	rc = dinsn_decode(&di, buf, n, mode);
	if (rc == DINSN_ERR_TRUNCATED) {
		printf("truncated: a valid start, more bytes needed\n");
		return 1;
	}
	if (rc) {
		printf("invalid instruction\n");
		return 1;
	}
	print_insn(&di, addr);
	return 0;
}
