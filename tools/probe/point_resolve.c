// SPDX-License-Identifier: GPL-2.0
#include "point_resolve.h"

#include <dwarf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "func_find.h"
#include "func_index.h"
#include "lazy.h"
#include "line_view.h"
#include "line_walk.h"
#include "source_file.h"

static void add_place(struct places *out, Dwarf_Addr addr, Dwarf_Die *scope,
		      Dwarf_Die *cu, int line)
{
	struct place *p;
	size_t i;

	for (i = 0; i < out->n; i++)	/* rows often repeat an address */
		if (out->v[i].addr == addr)
			return;
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	p = &out->v[out->n++];
	p->addr = addr;
	p->scope = *scope;
	p->cu = *cu;
	p->line = line;
}

void places_free(struct places *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static bool spec_has_vars(const struct probe_spec *spec)
{
	size_t i;

	for (i = 0; i < spec->nargs; i++)
		if (spec->args[i].kind != ARG_RAW && spec->args[i].kind != ARG_RETVAL)
			return true;
	return false;
}

static int find_loclist(Dwarf_Die *die, void *data)
{
	Dwarf_Attribute attr;
	int form;

	if (dwarf_attr(die, DW_AT_location, &attr)) {
		form = dwarf_whatform(&attr);
		if (form == DW_FORM_sec_offset || form == DW_FORM_loclistx ||
		    form == DW_FORM_data4 || form == DW_FORM_data8) {
			*(bool *)data = true;
			return WALK_STOP;
		}
	}
	return WALK_DESCEND;
}

/*
 * Unoptimised code keeps arguments on the stack only after the prologue:
 * move to the first address of the function's next source line. Optimised
 * code (location lists anywhere in the unit) is probed at the entry.
 */
Dwarf_Addr func_probe_entry(Dwarf_Die *fn, Dwarf_Die *cu, Dwarf_Addr entry)
{
	Dwarf_Lines *lines;
	Dwarf_Addr best = entry, addr;
	bool optimized = false;
	size_t i, n;
	int entry_line = -1, line;

	die_walk(cu, find_loclist, &optimized);
	if (optimized || dwarf_getsrclines(cu, &lines, &n))
		return entry;
	for (i = 0; i < n; i++) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);

		if (dwarf_lineaddr(row, &addr) || dwarf_lineno(row, &line))
			continue;
		if (addr == entry && entry_line < 0)
			entry_line = line;
		else if (entry_line >= 0 && addr > entry && line != entry_line &&
			 dwarf_haspc(fn, addr) == 1 && (best == entry || addr < best))
			best = addr;
	}
	return best;
}

/* perf's scope choice: the named function, else the nearest declared one. */
struct scope_pick {
	const char *function;
	const char *file;	/* of @line; NULL: any */
	int line;
	int best_diff;
	Dwarf_Die *out;
	bool found;
};

/*
 * Do two paths of one unit name the same file?  The file table and the
 * line table may spell it with more or fewer leading components.
 */
static bool same_file(const char *a, const char *b)
{
	return path_tail_match(a, b) || path_tail_match(b, a);
}

/* Is @die declared in @file (the path of a line-table row)? */
static bool declared_in(Dwarf_Die *die, const char *file)
{
	const char *decl = dwarf_decl_file(die);

	if (!file)
		return true;
	return decl && same_file(decl, file);
}

static int visit_pick(Dwarf_Die *die, void *data)
{
	struct scope_pick *sp = ((void **)data)[0];
	Dwarf_Addr addr = *(Dwarf_Addr *)((void **)data)[1];
	int tag = dwarf_tag(die), decl;
	const char *n;

	if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine &&
	    tag != DW_TAG_lexical_block)
		return WALK_SKIP;
	if (dwarf_haspc(die, addr) != 1)
		return WALK_SKIP;
	if (tag == DW_TAG_lexical_block)
		return WALK_DESCEND;
	n = dwarf_diename(die);
	if (sp->function) {
		if (n && !strcmp(n, sp->function)) {
			*sp->out = *die;
			sp->found = true;
			return WALK_STOP;
		}
	} else if (declared_in(die, sp->file) &&
		   dwarf_decl_line(die, &decl) == 0 && decl < sp->line &&
		   sp->line - decl < sp->best_diff) {
		/* perf's best scope: declared closest above the line, in its file */
		sp->best_diff = sp->line - decl;
		*sp->out = *die;
		sp->found = true;
	}
	return WALK_DESCEND;
}

/* The scope at @addr: @function or an inlined copy of it, else the closest. */
static bool pick_named_scope(Dwarf_Die *cu, Dwarf_Addr addr, const char *function,
			     const char *file, int line, Dwarf_Die *out)
{
	struct scope_pick sp = { function, file, line, INT_MAX, out, false };
	void *data[2] = { &sp, &addr };

	die_walk(cu, visit_pick, data);
	return sp.found;
}

static bool pick_scope(Dwarf_Die *cu, Dwarf_Addr addr, const char *function,
		       const char *file, int line, Dwarf_Die *out)
{
	if (pick_named_scope(cu, addr, function, file, line, out))
		return true;
	return func_at(cu, addr, out, NULL) == 0;
}

/* Collects the addresses of one line (or a set of lazy lines). */
struct line_query {
	const struct probe_spec *spec;
	const struct resolve_opts *opts;
	const char *file;	/* tail to match */
	int line;		/* single line; 0 with a lazy set */
	const bool *lazy;	/* lazy[line] for matching lines */
	size_t nlazy;
	Dwarf_Die cu;
	struct places *out;
	struct probe_error *err;
};

/* Adds the --line view around @line to the error, when the source is there. */
static void hint_lines(struct line_query *q, const char *file, Dwarf_Die *fn,
		       int line)
{
	struct strbuf sb = STRBUF_INIT;
	struct probe_error ignored;

	if (line_view(&q->cu, file, fn, line - 3, line + 3, q->opts->source_dir,
		      &sb, &ignored) == 0 && sb.len)
		perr_hint(q->err, "Probe-able lines nearby (probe --line):\n%.*s",
			  (int)sb.len - 1, sb.buf);
	else
		perr_hint(q->err, "Probe-able lines are shown by 'probe --line'.");
	strbuf_release(&sb);
}

static int representative(struct line_query *q, const char *file, int line,
			  Dwarf_Addr addr)
{
	const char *rfile;
	int rline, decl;
	Dwarf_Die fn;

	if (line_at(&q->cu, addr, &rfile, &rline) || strcmp(rfile, file) ||
	    rline == line)
		return 0;
	perr(q->err, "This line is sharing the address with other lines.");
	if (q->spec->function && pick_scope(&q->cu, addr, q->spec->function,
					    rfile, rline, &fn) &&
	    dwarf_diename(&fn) && !strcmp(dwarf_diename(&fn), q->spec->function) &&
	    dwarf_decl_line(&fn, &decl) == 0 && rline >= decl) {
		perr_hint(q->err, "Please try to probe at %s:%d instead.",
			  q->spec->function, rline - decl);
		hint_lines(q, file, &fn, line - decl);
	} else {
		perr_hint(q->err, "Please try to probe at %s:%d instead.", rfile, rline);
		hint_lines(q, file, NULL, line);
	}
	return -1;
}

static int line_hit(const char *file, int line, Dwarf_Addr addr, void *data)
{
	struct line_query *q = data;
	Dwarf_Die scope;

	if (!file || !path_tail_match(file, q->file))
		return 0;
	if (q->lazy) {
		if (line <= 0 || (size_t)line >= q->nlazy || !q->lazy[line])
			return 0;
	} else if (line != q->line) {
		return 0;
	}
	/* FUNC:N: the line's code in FUNC (or a copy inlined elsewhere) only */
	if (q->spec->function && q->spec->has_line &&
	    !pick_named_scope(&q->cu, addr, q->spec->function, file, line, &scope))
		return 0;
	if (!q->lazy && representative(q, file, line, addr))
		return -1;
	if (!pick_scope(&q->cu, addr, q->spec->function, file, line, &scope)) {
		perr(q->err, "Failed to find scope of probe point at 0x%lx.",
		     (unsigned long)addr);
		return -1;
	}
	add_place(q->out, addr, &scope, &q->cu, line);
	return 0;
}

static const char *cu_comp_dir(Dwarf_Die *cu)
{
	Dwarf_Attribute attr;

	return dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attr));
}

/* Marks the lines of @file matching the lazy pattern. */
static int lazy_lines(const struct probe_spec *spec, const char *file,
		      Dwarf_Die *cu, const struct resolve_opts *opts,
		      struct line_query *q, struct probe_error *err)
{
	struct source_file sf;
	size_t i;
	bool any = false;

	if (source_file_load(&sf, file, cu_comp_dir(cu), opts->source_dir, err))
		return -1;
	q->nlazy = sf.n + 1;
	q->lazy = xcalloc(q->nlazy, sizeof(bool));
	for (i = 0; i < sf.n; i++)
		if (lazy_match(spec->lazy, sf.lines[i])) {
			((bool *)q->lazy)[i + 1] = true;
			any = true;
		}
	source_file_free(&sf);
	if (!any)
		return perr(err, "No line of %s matches the pattern '%s'.", file, spec->lazy);
	return 0;
}

/* The last line of a function's body in its own file. */
struct last_line {
	const char *file;
	int last;
};

static int last_line_row(const char *file, int line, Dwarf_Addr addr, void *data)
{
	struct last_line *ll = data;

	(void)addr;
	if (file && same_file(file, ll->file) && line > ll->last)
		ll->last = line;
	return 0;
}

/*
 * FUNC:N counts from FUNC's declaration line; past its last line the
 * line belongs to the code after it, which is not FUNC.  Returns the last
 * relative line, or -1 when unknown.
 */
static int last_relative_line(Dwarf_Die *fn, const char *file, int decl)
{
	struct last_line ll = { file, 0 };

	walk_function_lines(fn, last_line_row, &ll);
	return ll.last >= decl ? ll.last - decl : -1;
}

/* Bytes from @entry to the end of @fn's code (its last range). */
static unsigned long function_size(Dwarf_Die *fn, Dwarf_Addr entry)
{
	Dwarf_Addr high = die_end_pc(fn);

	return high > entry ? (unsigned long)(high - entry) : ULONG_MAX;
}

static int lines_of_function(const struct probe_spec *spec, struct func_sites *fs,
			     struct line_query *q)
{
	size_t i, before = q->out->n;
	int rc = 0, range = -1;

	for (i = 0; i < fs->ndefs && !rc; i++) {
		int decl = 0, last;

		q->file = dwarf_decl_file(&fs->defs[i].die);
		dwarf_decl_line(&fs->defs[i].die, &decl);
		if (!q->file)
			continue;
		last = last_relative_line(&fs->defs[i].die, q->file, decl);
		if (last > range)
			range = last;
		q->line = decl + spec->line;
		q->cu = fs->defs[i].cu;
		rc = walk_cu_lines(&q->cu, line_hit, q) ? -1 : 0;
	}
	if (!rc && q->out->n == before && range >= 0 && spec->line > range) {
		perr(q->err, "Probe point '%s:%d' is past the end of %s, whose lines are %s:0 to %s:%d.",
		     spec->function, spec->line, spec->function, spec->function,
		     spec->function, range);
		perr_hint(q->err, "See its probe-able lines with 'probe --line %s'.",
			  spec->function);
		return -1;
	}
	return rc;
}

static int by_function(struct debuginfo *di, const struct probe_spec *spec,
		       const struct resolve_opts *opts, struct places *out,
		       struct probe_error *err)
{
	struct func_sites fs;
	struct line_query q = { .spec = spec, .opts = opts, .out = out, .err = err };
	size_t i;
	int rc = 0;

	func_find(di, spec->function, spec->file, opts->no_inlines, &fs);
	if (spec->has_line) {
		rc = lines_of_function(spec, &fs, &q);
	} else if (spec->lazy) {
		for (i = 0; i < fs.n && !rc; i++) {
			q.file = dwarf_decl_file(&fs.v[i].die);
			q.cu = fs.v[i].cu;
			if (!q.file)
				continue;
			if (!q.lazy && lazy_lines(spec, q.file, &q.cu, opts, &q, err)) {
				rc = -1;
				break;
			}
			rc = walk_function_lines(&fs.v[i].die, line_hit, &q) ? -1 : 0;
		}
		free((bool *)q.lazy);
	} else {
		for (i = 0; i < fs.n; i++) {
			Dwarf_Addr a = fs.v[i].entry;
			unsigned long size = ULONG_MAX;

			if (!a)
				continue;
			if (!fs.v[i].inlined && spec->offset)
				size = function_size(&fs.v[i].die, a);
			if (spec->offset >= size) {
				rc = perr(err, "%s+%lu is past the end of %s, which is %lu bytes long.",
					  spec->function, spec->offset, spec->function, size);
				break;
			}
			if (!fs.v[i].inlined && spec_has_vars(spec))
				a = func_probe_entry(&fs.v[i].die, &fs.v[i].cu, a);
			add_place(out, a + spec->offset, &fs.v[i].die, &fs.v[i].cu, 0);
		}
	}
	func_sites_free(&fs);
	return rc;
}

static int file_unit(const struct probe_spec *spec,
		     const struct resolve_opts *opts, struct line_query *q,
		     Dwarf_Die *cu, struct probe_error *err)
{
	const char *full = cu_find_file(cu, spec->file);

	if (!full)
		return 0;
	q->cu = *cu;
	if (spec->lazy && !q->lazy && lazy_lines(spec, full, cu, opts, q, err))
		return -1;
	return walk_cu_lines(cu, line_hit, q) ? -1 : 0;
}

static int by_file(struct debuginfo *di, const struct probe_spec *spec,
		   const struct resolve_opts *opts, struct places *out,
		   struct probe_error *err)
{
	struct line_query q = { .spec = spec, .opts = opts, .out = out, .err = err };
	struct func_index *ix = debuginfo_index(di, INDEX_FILES);
	Dwarf_Off off = 0;
	Dwarf_Die cu;
	int rc = 0;

	q.file = spec->file;
	q.line = spec->line;
	if (ix) {	/* only the units that name the file */
		uint64_t *units;
		size_t i, n = func_index_file_units(ix, spec->file, &units);

		for (i = 0; i < n && !rc; i++) {
			off = units[i];
			if (debuginfo_next_cu(di, &off, &cu) == 0)
				rc = file_unit(spec, opts, &q, &cu, err);
		}
		free(units);
	} else {
		while (!rc && debuginfo_next_cu(di, &off, &cu) == 0)
			rc = file_unit(spec, opts, &q, &cu, err);
	}
	free((bool *)q.lazy);
	return rc;
}

int find_places(struct debuginfo *di, const struct probe_spec *spec,
		const struct resolve_opts *opts, struct places *out,
		struct probe_error *err)
{
	memset(out, 0, sizeof(*out));
	if (spec->function)
		return by_function(di, spec, opts, out, err);
	return by_file(di, spec, opts, out, err);
}
