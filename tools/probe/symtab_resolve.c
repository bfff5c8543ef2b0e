// SPDX-License-Identifier: GPL-2.0
/*
 * Specs on a binary without DWARF: the symbol table still knows where a
 * function starts, so FUNC, FUNC+OFF and FUNC%return work with raw
 * arguments and $retval, written as perf writes them (entry probes as
 * _text+OFFSET, return probes as FUNC+0).  Lines, variables, member
 * chains and inlined functions need DWARF.
 */
#include <stdlib.h>
#include <string.h>

#include "resolve.h"

/* What only DWARF can answer, named for the error message. */
static const char *needs_dwarf(const struct probe_spec *spec)
{
	size_t i;

	if (!spec->function)
		return "a source file";
	if (spec->has_line)
		return "a line number";
	if (spec->lazy)
		return "a line pattern";
	if (spec->file)
		return "@FILE";
	for (i = 0; i < spec->nargs; i++)
		if (spec->args[i].kind != ARG_RAW && spec->args[i].kind != ARG_RETVAL)
			return spec->args[i].var;
	return NULL;
}

int resolve_from_symbols(struct debuginfo *di, const struct probe_spec *spec,
			 const struct resolve_opts *opts, struct resolved *out,
			 struct probe_error *err)
{
	const char *what = needs_dwarf(spec);
	Dwarf_Addr addr, text;
	struct probe_point *pt;
	int n;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (what) {
		perr(err, "%s has no DWARF debug information, which %s needs.",
		     di->path ? di->path : "The binary", what);
		perr_hint(err, "Without it: FUNC, FUNC+OFFSET or FUNC%%return, with raw arguments (%%REG, +OFF(%%REG), @SYMBOL, $stackN, $argN) and $retval.");
		return -1;
	}
	n = debuginfo_symbol_count(di, spec->function, &addr);
	if (!n)
		return perr(err, "Failed to find symbol %s in %s.", spec->function,
			    di->path ? di->path : "the binary");
	if (n > 1)
		return perr(err, "%s names %d symbols: without DWARF the copy cannot be chosen.",
			    spec->function, n);
	if (spec->retprobe && spec->offset)
		return perr(err, "%%return needs the function's entry, not +%lu.",
			    spec->offset);
	out->v = xcalloc(1, sizeof(*out->v));
	out->n = 1;
	pt = &out->v[0];
	pt->module = opts->module ? xstrdup(opts->module) : NULL;
	pt->address = addr + spec->offset;
	pt->retprobe = spec->retprobe;
	pt->function = xstrdup(spec->function);
	if (spec->retprobe || pt->module ||
	    debuginfo_symbol_count(di, "_text", &text) != 1 || addr < text) {
		pt->symbol = xstrdup(spec->function);
		pt->offset = spec->offset;
	} else {
		pt->symbol = xstrdup("_text");
		pt->offset = (unsigned long)(addr - text) + spec->offset;
	}
	for (i = 0; i < spec->nargs; i++) {
		const struct probe_arg *a = &spec->args[i];

		if (a->kind == ARG_RETVAL && !spec->retprobe) {
			resolved_free(out);
			return perr(err, "$retval is only available on return probes: use FUNC%%return.");
		}
		probe_point_add_arg(pt, a->named ? a->name : NULL,
				    a->kind == ARG_RETVAL ? "$retval" : a->var,
				    a->type);
	}
	return 0;
}
