/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Variable to kprobe fetch-argument translation: a DWARF location at the
 * probe address, then the ->, . and [] chain, then the type suffix.
 */
#ifndef PROBE_FETCH_EXPR_H
#define PROBE_FETCH_EXPR_H

#include <elfutils/libdw.h>
#include <stdbool.h>

#include "debuginfo.h"
#include "spec.h"

struct fetch_ctx {
	struct debuginfo *di;
	Dwarf_Die func;		/* out-of-line function: frame base */
	Dwarf_Addr addr;	/* probe address */
	Dwarf_Addr func_high;	/* end of the scope, for parameter look-ahead */
};

/* fetch_translate() result: the variable has no location at this address */
#define FETCH_UNAVAILABLE (-2)

/*
 * Translates @var (found for @arg) into *@expr and *@type (malloc'd).
 * Returns 0, FETCH_UNAVAILABLE or -1, with @err set on failure.
 */
int fetch_translate(struct fetch_ctx *ctx, Dwarf_Die *var,
		    const struct probe_arg *arg, char **expr, char **type,
		    struct probe_error *err);

/* Whether @var has a location usable at ctx->addr (for $vars, --vars). */
bool fetch_available(struct fetch_ctx *ctx, Dwarf_Die *var);

/* kprobe register name of DWARF x86-64 register @regno, or NULL. */
const char *x86_64_reg_name(unsigned int regno);

#endif
