/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A parsed spec plus DWARF becomes probe points with fetch arguments. No
 * tracefs here: -D, --add and the tests share this path.
 */
#ifndef PROBE_RESOLVE_H
#define PROBE_RESOLVE_H

#include "debuginfo.h"
#include "definition.h"
#include "point_resolve.h"
#include "spec.h"

struct resolved {
	struct probe_point *v;
	size_t n;
};

int resolve_spec(struct debuginfo *di, const struct probe_spec *spec,
		 const struct resolve_opts *opts, struct resolved *out,
		 struct probe_error *err);
void resolved_free(struct resolved *r);
/* @spec from the symbol table alone, on a binary without DWARF. */
int resolve_from_symbols(struct debuginfo *di, const struct probe_spec *spec,
			 const struct resolve_opts *opts, struct resolved *out,
			 struct probe_error *err);
/* Why @spec found no probe point, with hints (shared by --add and --vars). */
void explain_no_places(struct debuginfo *di, const struct probe_spec *spec,
		       const struct resolve_opts *opts, struct probe_error *err);

/* Function names close to @name (for "unknown function" errors). */
void suggest_functions(struct debuginfo *di, const char *name,
		       struct probe_error *err);

#endif
