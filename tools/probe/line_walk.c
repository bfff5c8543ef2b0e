// SPDX-License-Identifier: GPL-2.0
#include "line_walk.h"

#include <dwarf.h>
#include <stdbool.h>
#include <string.h>

#include "func_find.h"

int die_call_site(Dwarf_Die *inl, const char **file, int *line)
{
	Dwarf_Attribute attr;
	Dwarf_Word v;
	Dwarf_Files *files;
	Dwarf_Die cu;

	if (!dwarf_attr(inl, DW_AT_call_file, &attr) ||
	    dwarf_formudata(&attr, &v) ||
	    !dwarf_diecu(inl, &cu, NULL, NULL) ||
	    dwarf_getsrcfiles(&cu, &files, NULL))
		return -1;
	*file = dwarf_filesrc(files, v, NULL, NULL);
	if (!dwarf_attr(inl, DW_AT_call_line, &attr) ||
	    dwarf_formudata(&attr, &v) || !*file || !v)
		return -1;
	*line = (int)v;
	return 0;
}

/* The deepest inlined instance inside @fn covering @addr. */
static bool deepest_inline(Dwarf_Die *fn, Dwarf_Addr addr, Dwarf_Die *out)
{
	Dwarf_Die child, cur = *fn;
	bool found = false, descended;

	do {
		descended = false;
		if (dwarf_child(&cur, &child))
			break;
		do {
			int tag = dwarf_tag(&child);

			if ((tag == DW_TAG_inlined_subroutine ||
			     tag == DW_TAG_lexical_block) &&
			    dwarf_haspc(&child, addr) == 1) {
				if (tag == DW_TAG_inlined_subroutine) {
					*out = child;
					found = true;
				}
				cur = child;
				descended = true;
				break;
			}
		} while (dwarf_siblingof(&child, &child) == 0);
	} while (descended);
	return found;
}

struct funclines {
	bool recursive;
	line_fn cb;
	void *data;
	int rc;
};

static int visit_inline(Dwarf_Die *die, void *p)
{
	struct funclines *fl = p;
	const char *file;
	Dwarf_Addr entry;
	int line;

	if (dwarf_tag(die) != DW_TAG_inlined_subroutine)
		return WALK_DESCEND;
	if (die_entry_pc(die, &entry) == 0 && die_call_site(die, &file, &line) == 0) {
		fl->rc = fl->cb(file, line, entry, fl->data);
		if (fl->rc)
			return WALK_STOP;
	}
	if (!fl->recursive)
		return WALK_SKIP;
	file = dwarf_decl_file(die);
	if (file && dwarf_decl_line(die, &line) == 0 &&
	    die_entry_pc(die, &entry) == 0) {
		fl->rc = fl->cb(file, line, entry, fl->data);
		if (fl->rc)
			return WALK_STOP;
	}
	return WALK_DESCEND;
}

static int walk_funclines(Dwarf_Die *fn, bool recursive, line_fn cb,
			  void *data)
{
	struct funclines fl = { recursive, cb, data, 0 };
	const char *file = dwarf_decl_file(fn);
	Dwarf_Addr entry;
	int line;

	if (file && dwarf_decl_line(fn, &line) == 0 &&
	    die_entry_pc(fn, &entry) == 0) {
		fl.rc = cb(file, line, entry, data);
		if (fl.rc)
			return fl.rc;
	}
	die_walk(fn, visit_inline, &fl);
	return fl.rc;
}

static bool row_usable(Dwarf_Line *row, int *line, Dwarf_Addr *addr)
{
	bool flag;

	if (dwarf_lineno(row, line) || dwarf_lineaddr(row, addr))
		return false;
	if (dwarf_lineendsequence(row, &flag) || flag)
		return false;
	return dwarf_linebeginstatement(row, &flag) == 0 && flag;
}

/* A row inside @fn counts for @fn unless it is inlined code of another. */
static bool row_belongs(Dwarf_Die *fn, const char *decl_file, int decl_line,
			int line, Dwarf_Addr addr)
{
	Dwarf_Die inl;
	const char *f;
	int l;

	if (dwarf_haspc(fn, addr) != 1)
		return false;
	if (!deepest_inline(fn, addr, &inl))
		return true;
	if (die_call_site(&inl, &f, &l) == 0 && l == line && !strcmp(f, decl_file))
		return true;
	f = dwarf_decl_file(&inl);
	return dwarf_decl_line(&inl, &l) == 0 && l == decl_line && f &&
	       !strcmp(f, decl_file);
}

int walk_function_lines(Dwarf_Die *fn, line_fn cb, void *data)
{
	const char *decl_file = dwarf_decl_file(fn);
	Dwarf_Lines *lines;
	Dwarf_Die cu;
	size_t i, n;
	int decl_line = 0, rc;

	if (!decl_file || !dwarf_diecu(fn, &cu, NULL, NULL) ||
	    dwarf_getsrclines(&cu, &lines, &n))
		return 0;
	dwarf_decl_line(fn, &decl_line);
	for (i = 0; i < n; i++) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);
		Dwarf_Addr addr;
		int line;

		if (!row || !row_usable(row, &line, &addr) ||
		    !row_belongs(fn, decl_file, decl_line, line, addr))
			continue;
		rc = cb(dwarf_linesrc(row, NULL, NULL), line, addr, data);
		if (rc)
			return rc;
	}
	return walk_funclines(fn, false, cb, data);
}

int walk_cu_lines(Dwarf_Die *cu, line_fn cb, void *data)
{
	Dwarf_Lines *lines;
	Dwarf_Die fn;
	size_t i, n;
	int rc;

	if (dwarf_getsrclines(cu, &lines, &n))
		return 0;
	for (i = 0; i < n; i++) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);
		Dwarf_Addr addr;
		int line;

		if (!row || !row_usable(row, &line, &addr))
			continue;
		rc = cb(dwarf_linesrc(row, NULL, NULL), line, addr, data);
		if (rc)
			return rc;
	}
	if (dwarf_child(cu, &fn))
		return 0;
	do {
		if (dwarf_tag(&fn) != DW_TAG_subprogram)
			continue;
		rc = walk_funclines(&fn, true, cb, data);
		if (rc)
			return rc;
	} while (dwarf_siblingof(&fn, &fn) == 0);
	return 0;
}

/*
 * Unlike dwarf_getsrc_die(), which returns the last row at an address, the
 * first row there wins, skipping forward over non-statement rows.
 */
static Dwarf_Line *first_statement_row(Dwarf_Die *cu, Dwarf_Addr addr)
{
	Dwarf_Lines *lines;
	Dwarf_Addr a, at = 0;
	size_t i, n, first = (size_t)-1;
	bool flag;

	if (dwarf_getsrclines(cu, &lines, &n))
		return NULL;
	for (i = 0; i < n; i++) {	/* rows are sorted by address */
		if (dwarf_lineaddr(dwarf_onesrcline(lines, i), &a) || a > addr)
			break;
		if (first == (size_t)-1 || a != at) {
			first = i;
			at = a;
		}
	}
	if (first == (size_t)-1)
		return NULL;
	for (i = first; i < n; i++) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);

		if (dwarf_linebeginstatement(row, &flag) == 0 && flag)
			return row;
	}
	return NULL;
}

int line_at(Dwarf_Die *cu, Dwarf_Addr addr, const char **file, int *line)
{
	Dwarf_Die outer;
	Dwarf_Addr entry;
	Dwarf_Line *row;

	if (func_at(cu, addr, NULL, &outer) == 0 &&
	    die_entry_pc(&outer, &entry) == 0 && entry == addr) {
		*file = dwarf_decl_file(&outer);
		if (*file && dwarf_decl_line(&outer, line) == 0)
			return 0;
	}
	row = first_statement_row(cu, addr);
	if (!row || dwarf_lineno(row, line))
		return -1;
	*file = dwarf_linesrc(row, NULL, NULL);
	return *file && *line ? 0 : -1;
}

const char *cu_find_file(Dwarf_Die *cu, const char *tail)
{
	Dwarf_Files *files;
	size_t i, n;

	if (dwarf_getsrcfiles(cu, &files, &n))
		return NULL;
	for (i = 0; i < n; i++) {
		const char *f = dwarf_filesrc(files, i, NULL, NULL);

		if (f && path_tail_match(f, tail))
			return f;
	}
	return NULL;
}
