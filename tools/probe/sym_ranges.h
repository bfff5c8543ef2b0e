/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address to symbol through a sorted index of the symbol table, built once
 * per binary: libdwfl's dwfl_module_addrinfo() scans every symbol for each
 * address, which dominated specs with hundreds of probe points.
 */
#ifndef PROBE_SYM_RANGES_H
#define PROBE_SYM_RANGES_H

#include <elfutils/libdwfl.h>
#include <stdbool.h>
#include <stddef.h>

struct sym_range {
	Dwarf_Addr start, end;	/* link-time [start, end), size > 0 */
	Dwarf_Addr reach;	/* highest end of this and every earlier entry */
	const char *name;	/* owned by libdwfl */
	int bind;		/* STB_* */
	int index;		/* in the symbol table: the last tie-break */
};

struct sym_ranges {
	struct sym_range *v;
	size_t n;
	Dwarf_Addr *labels;	/* sorted addresses of sizeless symbols */
	size_t nlabels;
};

/* Every named, defined, sized symbol but sections, files and TLS. */
void sym_ranges_build(Dwfl_Module *mod, Dwarf_Addr bias, struct sym_ranges *out);
void sym_ranges_free(struct sym_ranges *r);

/*
 * The symbol containing @addr that libdwfl would name: the closest start
 * below @addr, then the stronger binding (global, weak, local),
 * then the smaller size, then the earlier entry. NULL when no sized
 * symbol contains @addr, or when a sizeless symbol (an assembly label)
 * lies between that symbol's start and @addr: libdwfl weighs those by
 * rules of its own, so the caller asks libdwfl then.
 */
const struct sym_range *sym_ranges_lookup(const struct sym_ranges *r,
					  Dwarf_Addr addr);

#endif
