// SPDX-License-Identifier: GPL-2.0
#include "point_describe.h"

#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "func_find.h"
#include "line_walk.h"
#include "point_resolve.h"

/* "./a/b.c" and "../linux/a/b.c" are shown as "a/b.c", "linux/a/b.c". */
static const char *shown_path(const char *path)
{
	if (!path)
		return "?";
	for (;;) {
		if (!strncmp(path, "./", 2))
			path += 2;
		else if (!strncmp(path, "../", 3))
			path += 3;
		else
			return path;
	}
}

/*
 * The rows that may name @addr's line, best first: the statement rows
 * starting at @addr (what a line probe targets), the other rows starting
 * there, else the last row before @addr, the one in effect inside its range.
 */
struct row_pick {
	Dwarf_Line *v[8];
	int n;
};

static void rows_at(Dwarf_Die *cu, Dwarf_Addr addr, struct row_pick *rp)
{
	Dwarf_Line *stmt[8], *other[8], *covering = NULL;
	int nstmt = 0, nother = 0, i;
	Dwarf_Lines *lines;
	Dwarf_Addr a;
	size_t r, n;
	bool flag;

	rp->n = 0;
	if (dwarf_getsrclines(cu, &lines, &n))
		return;
	for (r = 0; r < n; r++) {	/* sorted by address */
		Dwarf_Line *row = dwarf_onesrcline(lines, r);

		if (dwarf_lineaddr(row, &a) || a > addr)
			break;
		if (a < addr) {
			bool end = dwarf_lineendsequence(row, &flag) == 0 && flag;

			covering = end ? NULL : row;
		} else if (dwarf_linebeginstatement(row, &flag) == 0 && flag) {
			if (nstmt < 8)
				stmt[nstmt++] = row;
		} else if (nother < 8) {
			other[nother++] = row;
		}
	}
	for (i = 0; i < nstmt; i++)
		rp->v[rp->n++] = stmt[i];
	for (i = 0; i < nother && rp->n < 8; i++)
		rp->v[rp->n++] = other[i];
	if (!rp->n && covering)
		rp->v[rp->n++] = covering;
}

/* @file:@line is in function @fn's file, at or below its declaration. */
static bool line_of(Dwarf_Die *fn, const char *file, int line, int *rel)
{
	const char *decl_file = dwarf_decl_file(fn);
	int decl_line;

	if (!file || !decl_file || strcmp(file, decl_file) ||
	    dwarf_decl_line(fn, &decl_line) || line < decl_line)
		return false;
	*rel = line - decl_line;
	return true;
}

static void add_line_point(struct strbuf *out, Dwarf_Die *fn, int rel)
{
	strbuf_adds(out, dwarf_diename(fn));
	if (rel)
		strbuf_addf(out, ":%d", rel);
	strbuf_addf(out, "@%s", shown_path(dwarf_decl_file(fn)));
}

/*
 * @addr as a line of a function in @fc. At the entry of an inlined
 * instance the first instruction stands for the call in its caller;
 * elsewhere the innermost function with a fitting row wins.
 */
static int add_line_of_chain(Dwarf_Die *cu, Dwarf_Addr addr,
			     struct func_chain *fc, struct strbuf *out)
{
	struct row_pick rp;
	const char *file;
	Dwarf_Addr entry;
	int k = 0, j, r, line, rel;

	while (k < fc->n - 1 && dwarf_tag(&fc->v[k]) == DW_TAG_inlined_subroutine &&
	       die_entry_pc(&fc->v[k], &entry) == 0 && entry == addr) {
		if (die_call_site(&fc->v[k], &file, &line))
			return -1;
		k++;
	}
	if (k) {
		if (!dwarf_diename(&fc->v[k]) || !line_of(&fc->v[k], file, line, &rel))
			return -1;
		add_line_point(out, &fc->v[k], rel);
		return 0;
	}
	rows_at(cu, addr, &rp);
	for (j = 0; j < fc->n; j++) {
		if (!dwarf_diename(&fc->v[j]))
			continue;
		for (r = 0; r < rp.n; r++) {
			file = dwarf_linesrc(rp.v[r], NULL, NULL);
			if (dwarf_lineno(rp.v[r], &line) == 0 &&
			    line_of(&fc->v[j], file, line, &rel)) {
				add_line_point(out, &fc->v[j], rel);
				return 0;
			}
		}
	}
	return -1;
}

int describe_address(struct debuginfo *di, Dwarf_Addr addr, bool ret,
		     struct strbuf *out)
{
	struct func_chain fc;
	Dwarf_Die cu, *outer;
	Dwarf_Addr entry;
	const char *name, *decl_file, *sym;
	unsigned long off;

	if (!dwarf_addrdie(di->dw, addr, &cu) || func_chain_at(&cu, addr, &fc))
		return -1;
	outer = &fc.v[fc.n - 1];
	name = dwarf_diename(outer);
	if (!name)
		return -1;
	decl_file = shown_path(dwarf_decl_file(outer));
	if (ret) {
		strbuf_addf(out, "%s%%return@%s", name, decl_file);
		return 0;
	}
	if (die_entry_pc(outer, &entry) == 0 &&
	    (addr == entry || addr == func_probe_entry(outer, &cu, entry))) {
		strbuf_addf(out, "%s@%s", name, decl_file);
		return 0;
	}
	if (add_line_of_chain(&cu, addr, &fc, out) == 0)
		return 0;
	/* No line of a function fits: an offset into the symbol. */
	if (debuginfo_addr_symbol(di, addr, &sym, &off))
		return -1;
	strbuf_addf(out, "%s+%lu@%s", sym, off, decl_file);
	return 0;
}

int describe_location(struct debuginfo *di, const char *loc, bool ret,
		      struct strbuf *out)
{
	const char *colon = strchr(loc, ':'), *plus;
	unsigned long off = 0;
	Dwarf_Addr addr;
	char *name, *end;
	int rc;

	if (colon)	/* MODULE:SYM: @di is that module's debuginfo */
		loc = colon + 1;
	plus = strchr(loc, '+');
	if (plus) {
		off = strtoul(plus + 1, &end, 0);
		if (end == plus + 1 || *end)
			return -1;
	}
	name = plus ? xstrndup(loc, (size_t)(plus - loc)) : xstrdup(loc);
	rc = debuginfo_symbol_addr(di, name, &addr);
	free(name);
	if (rc)
		return -1;
	return describe_address(di, addr + off, ret, out);
}
