/* SPDX-License-Identifier: GPL-2.0 */
/* From a probe point (function, line, pattern) to code addresses. */
#ifndef PROBE_POINT_RESOLVE_H
#define PROBE_POINT_RESOLVE_H

#include <stdbool.h>

#include "debuginfo.h"
#include "spec.h"

struct resolve_opts {
	bool no_inlines;
	const char *source_dir;	/* -s */
	const char *module;	/* -m: module name for the definition */
	int max_probes;		/* per spec; 0: 128 */
};

struct place {
	Dwarf_Addr addr;
	Dwarf_Die scope;	/* function or inlined instance for variables */
	Dwarf_Die cu;
	int line;		/* 0 when not line-based */
};

struct places {
	struct place *v;
	size_t n;
};

int find_places(struct debuginfo *di, const struct probe_spec *spec,
		const struct resolve_opts *opts, struct places *out,
		struct probe_error *err);
void places_free(struct places *p);

/*
 * Where a probe on function @fn (entry PC @entry) goes: the entry in
 * optimised code, after the prologue in unoptimised code.
 */
Dwarf_Addr func_probe_entry(Dwarf_Die *fn, Dwarf_Die *cu, Dwarf_Addr entry);

#endif
