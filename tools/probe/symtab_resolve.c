// SPDX-License-Identifier: GPL-2.0
/*
 * Specs on a binary without DWARF: the symbol table still knows where a
 * function starts, so FUNC, FUNC+OFF and FUNC%return work with raw
 * arguments and $retval, written as perf writes them (entry probes as
 * _text+OFFSET, return probes as FUNC+0).  With BTF (a vmlinux's .BTF
 * section), parameters, their member chains and $params work at FUNC's
 * entry as well.  Lines, locals and inlined functions need DWARF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btf_args.h"
#include "resolve.h"

/* What only DWARF can answer, named for the error message. */
static const char *needs_dwarf(const struct probe_spec *spec, bool btf)
{
	bool entry = !spec->offset && !spec->retprobe;
	size_t i;

	if (!spec->function)
		return "a source file";
	if (spec->has_line)
		return "a line number";
	if (spec->lazy)
		return "a line pattern";
	if (spec->file)
		return "@FILE";
	for (i = 0; i < spec->nargs; i++) {
		enum arg_kind k = spec->args[i].kind;

		if (k == ARG_RAW || k == ARG_RETVAL ||
		    (btf && entry && (k == ARG_VAR || k == ARG_PARAMS)))
			continue;
		return spec->args[i].var;
	}
	return NULL;
}

/* $params from BTF: each parameter as if named in the spec. */
struct btf_expand {
	const struct btf *btf;
	const char *function;
	struct probe_point *pt;
};

static void add_param(const char *name, void *data)
{
	struct btf_expand *e = data;
	struct probe_arg a = { .kind = ARG_VAR, .var = (char *)name, .name = (char *)name };
	struct probe_error ignored;
	char *expr, *type;

	if (probe_point_has_arg(e->pt, name))
		return;
	/* like $params with DWARF: what cannot be fetched is left out */
	if (btf_arg(e->btf, e->function, &a, &expr, &type, &ignored))
		return;
	probe_point_add_arg(e->pt, name, expr, type);
	free(expr);
	free(type);
}

static int add_btf_arg(const struct btf *btf, const struct probe_spec *spec,
		       const struct probe_arg *a, struct probe_point *pt,
		       struct probe_error *err)
{
	struct btf_expand e = { btf, spec->function, pt };
	char *expr, *type;

	if (a->kind == ARG_PARAMS) {
		if (btf_params_each(btf, spec->function, add_param, &e))
			return perr(err, "BTF knows no function %s.", spec->function);
		return 0;
	}
	if (btf_arg(btf, spec->function, a, &expr, &type, err))
		return -1;
	probe_point_add_arg(pt, a->name, expr, type);
	free(expr);
	free(type);
	return 0;
}

static bool spec_needs_btf(const struct probe_spec *spec)
{
	size_t i;

	for (i = 0; i < spec->nargs; i++)
		if (spec->args[i].kind == ARG_VAR || spec->args[i].kind == ARG_PARAMS)
			return true;
	return false;
}

/* Symbols of the running kernel named @name, modules included. */
static int kallsyms_count(const char *name)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], sym[256];
	int n = 0;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%*s %*s %255s", sym) == 1 && !strcmp(sym, name))
			n++;
	if (f)
		fclose(f);
	return n;
}

/* The probe point alone: FUNC's address from the symbol table. */
static int place_from_symbols(struct debuginfo *di, const struct probe_spec *spec,
			      const struct resolve_opts *opts, struct resolved *out,
			      struct probe_error *err)
{
	Dwarf_Addr addr = 0, text;
	struct probe_point *pt;
	int n;

	n = di->running_kernel ? kallsyms_count(spec->function) :
				 debuginfo_symbol_count(di, spec->function, &addr);
	if (!n)
		return perr(err, "Failed to find symbol %s in %s.", spec->function,
			    di->running_kernel ? "/proc/kallsyms" :
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
	if (spec->retprobe || pt->module || di->running_kernel ||
	    debuginfo_symbol_count(di, "_text", &text) != 1 || addr < text) {
		pt->symbol = xstrdup(spec->function);
		pt->offset = spec->offset;
	} else {
		pt->symbol = xstrdup("_text");
		pt->offset = (unsigned long)(addr - text) + spec->offset;
	}
	return 0;
}

int resolve_from_symbols(struct debuginfo *di, const struct probe_spec *spec,
			 const struct resolve_opts *opts, struct resolved *out,
			 struct probe_error *err)
{
	struct btf *btf = NULL;
	const char *what;
	struct probe_point *pt;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	if (spec_needs_btf(spec) && !di->user && (di->path || di->running_kernel))
		btf = btf_args_open(di->running_kernel ? "/sys/kernel/btf/vmlinux" :
				    di->path);
	what = needs_dwarf(spec, !!btf);
	if (what) {
		btf_args_close(btf);
		perr(err, "%s has no DWARF debug information, which %s needs.",
		     di->running_kernel ? "The running kernel" :
		     di->path ? di->path : "The binary", what);
		if (di->user)
			perr_hint(err, "Without it: FUNC, FUNC+OFFSET or FUNC%%return, with raw arguments (%%REG, +OFF(%%REG), @+FILEOFFSET, $stackN) and $retval. Or install its debug symbols (Debian: the -dbg or -dbgsym package).");
		else
			perr_hint(err, "Without it: FUNC, FUNC+OFFSET or FUNC%%return, with raw arguments (%%REG, +OFF(%%REG), @SYMBOL, $stackN, $argN) and $retval; with BTF also parameters, their members and $params at FUNC's entry.");
		return -1;
	}
	rc = place_from_symbols(di, spec, opts, out, err);
	for (i = 0; !rc && i < spec->nargs; i++) {
		const struct probe_arg *a = &spec->args[i];

		pt = &out->v[0];
		if (a->kind == ARG_RETVAL && !spec->retprobe)
			rc = perr(err, "$retval is only available on return probes: use FUNC%%return.");
		else if (a->kind == ARG_VAR || a->kind == ARG_PARAMS)
			rc = add_btf_arg(btf, spec, a, pt, err);
		else
			probe_point_add_arg(pt, a->named ? a->name : NULL,
					    a->kind == ARG_RETVAL ? "$retval" : a->var,
					    a->type);
	}
	btf_args_close(btf);
	if (rc)
		resolved_free(out);
	return rc;
}
