// SPDX-License-Identifier: GPL-2.0
/*
 * The sorted symbol index (sym_ranges.c) against libdwfl's own scan
 * (dwfl_module_addrinfo), the oracle: for @n symbols spread over the
 * table, their first byte, a middle byte and their last byte, plus @n
 * pseudo-random addresses across the binary's span, both must name the
 * same symbol at the same offset. Prints one "ok"/"not ok" line.
 *
 *   addr_symbols ELF [N]
 */
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../debuginfo.h"

static unsigned long checked, differ;

static void compare(struct debuginfo *di, Dwarf_Addr addr)
{
	const struct sym_range *r = sym_ranges_lookup(&di->ranges, addr);
	GElf_Off off;
	GElf_Sym sym;
	const char *n;

	if (!r)
		return;	/* debuginfo_addr_symbol asks libdwfl itself then */
	n = dwfl_module_addrinfo(di->mod, addr + di->bias, &off, &sym, NULL,
				 NULL, NULL);
	checked++;
	if (n && !strcmp(n, r->name) && off == addr - r->start)
		return;
	if (differ++ < 5)
		printf("# 0x%llx: index %s+%llu, libdwfl %s+%llu\n",
		       (unsigned long long)addr, r->name,
		       (unsigned long long)(addr - r->start), n ? n : "(none)",
		       (unsigned long long)off);
}

int main(int argc, char **argv)
{
	struct probe_error err = { "" };
	struct debuginfo di;
	unsigned long n = argc > 2 ? strtoul(argv[2], NULL, 0) : 20000, i;
	unsigned long long seed = 88172645463325252ULL;
	Dwarf_Addr lo, hi;
	size_t k;

	if (argc < 2 || debuginfo_open_symbols(&di, argv[1], &err)) {
		fprintf(stderr, "usage: addr_symbols ELF [N]: %s\n", err.msg);
		return 2;
	}
	sym_ranges_build(di.mod, di.bias, &di.ranges);
	di.ranges_built = true;
	for (k = 0; k < di.ranges.n; k += di.ranges.n / n + 1) {
		const struct sym_range *s = &di.ranges.v[k];

		compare(&di, s->start);
		compare(&di, s->start + (s->end - s->start) / 2);
		compare(&di, s->end - 1);
	}
	lo = di.ranges.n ? di.ranges.v[0].start : 0;
	hi = di.ranges.n ? di.ranges.v[di.ranges.n - 1].reach : 0;
	for (i = 0; i < n && hi > lo; i++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		compare(&di, lo + seed % (hi - lo));
	}
	printf("%s - %s: the symbol index names %lu of %lu addresses as libdwfl does\n",
	       differ || !checked ? "not ok" : "ok", argv[1], checked - differ, checked);
	debuginfo_close(&di);
	return differ || !checked;
}
