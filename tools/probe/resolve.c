// SPDX-License-Identifier: GPL-2.0
#include "resolve.h"

#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "fetch_expr.h"
#include "func_find.h"
#include "line_view.h"
#include "var_find.h"

void resolved_free(struct resolved *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		probe_point_free(&r->v[i]);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

struct expand {
	struct fetch_ctx *ctx;
	struct probe_point *pt;
};

static void expand_one(Dwarf_Die *var, void *data)
{
	struct expand *e = data;
	struct probe_arg arg = { 0 };
	struct probe_error ignored;
	char *expr, *type;

	/*
	 * $vars/$params also walk the code inlined at the place, whose
	 * parameters often have the caller's names (file, count).
	 */
	if (!fetch_available(e->ctx, var) ||
	    probe_point_has_arg(e->pt, dwarf_diename(var)))
		return;
	arg.kind = ARG_VAR;
	arg.var = (char *)dwarf_diename(var);
	arg.name = arg.var;
	if (fetch_translate(e->ctx, var, &arg, &expr, &type, &ignored))
		return;	/* like perf: $vars lists what it can fetch */
	probe_point_add_arg(e->pt, arg.var, expr, type);
	free(expr);
	free(type);
}

struct names {
	struct fetch_ctx *ctx;
	struct strbuf sb;
};

static void add_name(Dwarf_Die *var, void *data)
{
	struct names *n = data;

	if (fetch_available(n->ctx, var))
		strbuf_addf(&n->sb, "%s%s", n->sb.len ? ", " : "", dwarf_diename(var));
}

/* Tells which variables can be fetched at this place. */
static void hint_available(struct fetch_ctx *ctx, struct place *pl,
			   struct probe_error *err)
{
	struct names n = { ctx, STRBUF_INIT };

	var_each(&pl->scope, pl->addr, false, add_name, &n);
	if (n.sb.len)
		perr_hint(err, "Available here: %s.", n.sb.buf);
	else
		perr_hint(err, "No variable can be fetched at this place.");
	strbuf_release(&n.sb);
}

static int add_arg(struct fetch_ctx *ctx, struct place *pl,
		   const struct probe_spec *spec, const struct probe_arg *arg,
		   struct probe_point *pt, struct probe_error *err)
{
	struct expand e = { ctx, pt };
	char *expr, *type;
	Dwarf_Die var;

	switch (arg->kind) {
	case ARG_RAW:
		probe_point_add_arg(pt, arg->named ? arg->name : NULL, arg->var,
				    arg->type);
		return 0;
	case ARG_RETVAL:
		if (!spec->retprobe)
			return perr(err, "$retval is only available on return probes: use FUNC%%return.");
		probe_point_add_arg(pt, arg->named ? arg->name : NULL, "$retval",
				    arg->type);
		return 0;
	case ARG_VARS:
	case ARG_PARAMS:
		var_each(&pl->scope, pl->addr, arg->kind == ARG_PARAMS,
			 expand_one, &e);
		return 0;
	case ARG_VAR:
		break;
	}
	if (!var_find(&pl->scope, pl->addr, arg->var, &var)) {
		perr(err, "Failed to find the location of the '%s' variable at this address.",
		     arg->var);
		perr_hint(err, "Perhaps it has been optimized out, or it is not in scope here.");
		hint_available(ctx, pl, err);
		probe_point_add_arg(pt, arg->name, NULL, NULL);
		return 0;
	}
	switch (fetch_translate(ctx, &var, arg, &expr, &type, err)) {
	case 0:
		break;
	case FETCH_UNAVAILABLE:	/* decided once every place is known */
		hint_available(ctx, pl, err);
		probe_point_add_arg(pt, arg->name, NULL, NULL);
		return 0;
	default:
		return -1;
	}
	probe_point_add_arg(pt, arg->name, expr, type);
	free(expr);
	free(type);
	return 0;
}

/*
 * Where no ELF symbol covers the address (the code of an overridden weak
 * function, say), name it after its DWARF function, as perf does.
 */
static int point_symbol(struct debuginfo *di, struct place *pl,
			struct probe_point *pt, struct probe_error *err)
{
	const char *sym, *name;
	unsigned long off;
	Dwarf_Addr entry;
	Dwarf_Die fn;

	if (debuginfo_addr_symbol(di, pl->addr, &sym, &off) == 0) {
		pt->symbol = xstrdup(sym);
		pt->offset = off;
		return 0;
	}
	name = func_at(&pl->cu, pl->addr, NULL, &fn) ? NULL : dwarf_diename(&fn);
	if (!name || die_entry_pc(&fn, &entry) || entry > pl->addr)
		return perr(err, "No symbol covers address 0x%lx.", (unsigned long)pl->addr);
	pt->symbol = xstrdup(name);
	pt->offset = (unsigned long)(pl->addr - entry);
	return 0;
}

/*
 * The kernel refuses a symbol several functions share (kprobe_events:
 * "non-unique symbol"); name such a place as an offset from _text, as
 * newer perf does.
 */
static void unambiguous_symbol(struct debuginfo *di, struct probe_point *pt,
			       Dwarf_Addr addr)
{
	Dwarf_Addr text;

	if (debuginfo_symbol_count(di, pt->symbol, NULL) < 2 ||
	    debuginfo_symbol_count(di, "_text", &text) != 1 || addr < text)
		return;
	free(pt->symbol);
	pt->symbol = xstrdup("_text");
	pt->offset = (unsigned long)(addr - text);
}

/* Code the kernel frees after boot cannot be probed: say so now. */
static int check_section(struct debuginfo *di, const struct probe_point *pt,
			 struct probe_error *err)
{
	const char *sec = debuginfo_section_of(di, pt->address);

	if (!sec || (strncmp(sec, ".init.", 6) && strncmp(sec, ".exit.", 6)))
		return 0;
	perr(err, "%s+%lu is in %s, which the kernel discards: it cannot be probed.",
	     pt->symbol, pt->offset, sec);
	return -1;
}

/*
 * A compiler clone (.isra, .constprop, .part) may take other arguments
 * than the source declares: say so when one of them cannot be fetched.
 */
static void clone_hint(struct debuginfo *di, Dwarf_Addr addr,
		       const struct probe_spec *spec, struct probe_error *err)
{
	static const char *const kinds[] = { ".isra.", ".constprop.", ".part." };
	unsigned long off;
	const char *sym;
	size_t i;

	if (debuginfo_addr_symbol(di, addr, &sym, &off))
		return;
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strstr(sym, kinds[i])) {
			perr_hint(err, "This place is in %s, a compiler clone of %s whose arguments the compiler may have changed or removed: probe its callers, or use raw arguments.",
				  sym, spec->function ? spec->function : "the function");
			return;
		}
}

static int make_point(struct debuginfo *di, const struct probe_spec *spec,
		      const struct resolve_opts *opts, struct place *pl,
		      struct probe_point *pt, struct probe_error *err)
{
	struct fetch_ctx ctx = { .di = di, .addr = pl->addr };
	const char *fname;
	size_t i;

	memset(pt, 0, sizeof(*pt));
	if (point_symbol(di, pl, pt, err))
		return -1;
	if (!opts->module)
		unambiguous_symbol(di, pt, pl->addr);
	pt->address = pl->addr;
	if (check_section(di, pt, err))
		return -1;
	pt->line = pl->line;
	pt->module = opts->module ? xstrdup(opts->module) : NULL;
	fname = dwarf_diename(&pl->scope);
	pt->function = xstrdup(fname ? fname : pt->symbol);
	if (func_at(&pl->cu, pl->addr, NULL, &ctx.func))
		ctx.func = pl->scope;
	ctx.func_high = die_end_pc(&pl->scope);
	for (i = 0; i < spec->nargs; i++)
		if (add_arg(&ctx, pl, spec, &spec->args[i], pt, err)) {
			clone_hint(di, pl->addr, spec, err);
			return -1;
		}
	return 0;
}

/* The arguments a return probe can take: $retval and raw ones. */
static void add_return_args(const struct probe_spec *spec, struct probe_point *pt)
{
	size_t i;

	for (i = 0; i < spec->nargs; i++) {
		const struct probe_arg *a = &spec->args[i];

		probe_point_add_arg(pt, a->named ? a->name : NULL,
				    a->kind == ARG_RETVAL ? "$retval" : a->var, a->type);
	}
}

/*
 * In a program, a name several static functions share is no ambiguity:
 * uprobes go by file offset. Every out-of-line copy (of @FILE's, if given)
 * gets a return probe, as perf probe -x does.
 */
static int resolve_user_returns(struct debuginfo *di, const struct probe_spec *spec,
				struct resolved *out, struct probe_error *err)
{
	struct func_sites fs;
	size_t i;

	func_find(di, spec->function, spec->file, true, &fs);
	for (i = 0; i < fs.n; i++) {
		struct probe_point *pt;

		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		pt = memset(&out->v[out->n++], 0, sizeof(*pt));
		pt->address = fs.v[i].entry;
		pt->retprobe = true;
		pt->function = xstrdup(spec->function);
		pt->symbol = xstrdup(spec->function);
		add_return_args(spec, pt);
	}
	func_sites_free(&fs);
	if (!out->n)
		return perr(err, "Failed to find the out-of-line copies of %s%s%s.",
			    spec->function, spec->file ? "@" : "",
			    spec->file ? spec->file : "");
	return 0;
}

/* %return probes go through the symbol table, as perf does. */
static int resolve_return(struct debuginfo *di, const struct probe_spec *spec,
			  const struct resolve_opts *opts, struct resolved *out,
			  struct probe_error *err)
{
	struct probe_point *pt;
	struct func_sites fs;
	Dwarf_Addr addr;
	size_t i;
	int n;

	for (i = 0; i < spec->nargs; i++)
		if (spec->args[i].kind == ARG_VAR || spec->args[i].kind == ARG_VARS ||
		    spec->args[i].kind == ARG_PARAMS)
			return perr(err, "You can't specify local variable for kretprobe: only $retval and raw arguments.");
	n = debuginfo_symbol_count(di, spec->function, NULL);
	if (di->user && (n > 1 || spec->file))
		return resolve_user_returns(di, spec, out, err);
	if (n > 1 && !opts->module)
		return perr(err, "%s names %d functions: %s%%return would be ambiguous.",
			    spec->function, n, spec->function);
	if (debuginfo_symbol_addr(di, spec->function, &addr)) {
		func_find(di, spec->function, spec->file, false, &fs);
		if (fs.only_inline)
			perr(err, "Failed to find \"%s%%return\", because %s is an inlined function and has no return point.",
			     spec->function, spec->function);
		else
			perr(err, "Failed to find symbol %s.", spec->function);
		func_sites_free(&fs);
		return -1;
	}
	out->v = xcalloc(1, sizeof(*out->v));
	out->n = 1;
	pt = &out->v[0];
	pt->symbol = xstrdup(spec->function);
	pt->address = addr;
	if (check_section(di, pt, err)) {
		resolved_free(out);
		return -1;
	}
	pt->retprobe = true;
	pt->function = xstrdup(spec->function);
	pt->module = opts->module ? xstrdup(opts->module) : NULL;
	add_return_args(spec, pt);
	return 0;
}

/* The value perf puts where a variable is missing: its --magic-num default. */
#define MISSING_VALUE "\\deade12d"

/*
 * A variable missing at some places but found at others gets a dummy
 * immediate there (with the type used elsewhere), as perf does, so that all
 * probes of the event have the same fields. Missing everywhere: an error.
 */
static int fill_missing(struct resolved *r, struct probe_error *err)
{
	size_t i, j;

	for (j = 0; r->n && j < r->v[0].nargs; j++) {
		const struct fetch_arg *found = NULL;

		for (i = 0; i < r->n && !found; i++)
			if (j < r->v[i].nargs && r->v[i].args[j].expr)
				found = &r->v[i].args[j];
		if (!found)
			return -1;	/* err still describes the first failure */
		for (i = 0; i < r->n; i++) {
			struct fetch_arg *a = &r->v[i].args[j];

			if (j >= r->v[i].nargs || a->expr)
				continue;
			a->expr = xstrdup(MISSING_VALUE);
			a->type = found->type ? xstrdup(found->type) : NULL;
		}
	}
	err->msg[0] = '\0';
	return 0;
}

/* The --line view around the wanted line of a function. */
static void hint_function_lines(struct debuginfo *di, const struct probe_spec *spec,
				const struct resolve_opts *opts,
				struct probe_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct probe_error ignored;
	struct func_sites fs;
	const char *file;
	int from = spec->line > 3 ? spec->line - 3 : 0;

	func_find(di, spec->function, spec->file, opts->no_inlines, &fs);
	file = fs.ndefs ? dwarf_decl_file(&fs.defs[0].die) : NULL;
	if (file && !spec->lazy &&
	    line_view(&fs.defs[0].cu, file, &fs.defs[0].die, from, spec->line + 3,
		      opts->source_dir, &sb, &ignored) == 0 && sb.len)
		perr_hint(err, "Probe-able lines nearby (probe --line):\n%.*s",
			  (int)sb.len - 1, sb.buf);
	else
		perr_hint(err, "See its probe-able lines with 'probe --line %s'.",
			  spec->function);
	strbuf_release(&sb);
	func_sites_free(&fs);
}

/* $vars/$params that found nothing anywhere: there is nothing to record. */
static int no_arguments(const struct probe_spec *spec, struct resolved *r,
			struct probe_error *err)
{
	size_t i;

	if (!spec->nargs)
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->v[i].nargs)
			return 0;
	return perr(err, "No variables are available here: %s has nothing to fetch.",
		    spec->args[0].var);
}

/**
 * explain_no_places - say why a spec found no probe point, and what to try
 * @di: the debug information searched
 * @spec: the spec that found nothing
 * @opts: the options it was resolved with
 * @err: receives the message and its hints
 */
void explain_no_places(struct debuginfo *di, const struct probe_spec *spec,
		       const struct resolve_opts *opts, struct probe_error *err)
{
	if (spec->function && (spec->has_line || spec->lazy)) {
		perr(err, "Probe point '%s' not found: %s has no code %s.",
		     spec->function, spec->function,
		     spec->lazy ? "on lines matching the pattern" : "on that line");
		hint_function_lines(di, spec, opts, err);
	} else if (spec->function && debuginfo_symbol_is_ifunc(di, spec->function)) {
		perr(err, "%s is a GNU indirect function: its symbol is the resolver, which runs once when the library is loaded, and picks one of several implementations.",
		     spec->function);
		suggest_functions(di, spec->function, err);
		perr_hint(err, "Probe the implementation this machine uses (see 'probe -x %s --funcs \"*%s*\"').",
			  di->path, spec->function);
	} else if (spec->function) {
		perr(err, "Probe point '%s' not found.", spec->function);
		suggest_functions(di, spec->function, err);
	} else {
		perr(err, "Probe point '%s:%d' not found.", spec->file, spec->line);
		perr_hint(err, "See the probe-able lines with 'probe --line %s:%d'.",
			  spec->file, spec->line > 5 ? spec->line - 5 : 1);
	}
}

int resolve_spec(struct debuginfo *di, const struct probe_spec *spec,
		 const struct resolve_opts *opts, struct resolved *out,
		 struct probe_error *err)
{
	int max = opts->max_probes > 0 ? opts->max_probes : PROBE_MAX_ARGS;
	struct places pl;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (spec->retprobe)
		return resolve_return(di, spec, opts, out, err);
	if (find_places(di, spec, opts, &pl, err))
		return -1;
	if (!pl.n) {
		explain_no_places(di, spec, opts, err);
		places_free(&pl);
		return -1;
	}
	if (pl.n > (size_t)max) {
		perr(err, "Too many (> %d) probe points found; raise --max-probes.", max);
		places_free(&pl);
		return -1;
	}
	out->v = xcalloc(pl.n, sizeof(*out->v));
	for (i = 0; i < pl.n; i++) {
		if (make_point(di, spec, opts, &pl.v[i], &out->v[i], err)) {
			out->n = i + 1;
			resolved_free(out);
			places_free(&pl);
			return -1;
		}
		out->n = i + 1;
	}
	places_free(&pl);
	if (fill_missing(out, err) || no_arguments(spec, out, err)) {
		resolved_free(out);
		return -1;
	}
	return 0;
}

struct suggest {
	const char *name;
	struct strbuf sb;
	int count;
};

/* Small edit distance, capped: enough to catch typos. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[64], prev, tmp, best;

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
			if (row[j] < best)
				best = row[j];
		}
		if (best > 3)
			return 99;
	}
	return row[lb];
}

static int consider(const char *name, Dwarf_Addr addr, void *data)
{
	struct suggest *s = data;

	(void)addr;
	if (s->count >= 8 || strncmp(name, "__pfx_", 6) == 0 ||
	    strncmp(name, "__SCT__", 7) == 0 || !strcmp(name, s->name))
		return 0;
	if (distance(name, s->name) <= 2 ||
	    (strlen(s->name) >= 5 && strstr(name, s->name))) {
		strbuf_addf(&s->sb, "%s%s", s->count ? ", " : "", name);
		s->count++;
	}
	return 0;
}

void suggest_functions(struct debuginfo *di, const char *name,
		       struct probe_error *err)
{
	struct suggest s = { name, STRBUF_INIT, 0 };

	debuginfo_for_each_function(di, consider, &s);
	if (s.count)
		perr_hint(err, "Did you mean: %s?", s.sb.buf);
	else
		perr_hint(err, "List functions with 'probe --funcs PATTERN'.");
	strbuf_release(&s.sb);
}
