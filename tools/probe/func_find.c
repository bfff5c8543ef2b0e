// SPDX-License-Identifier: GPL-2.0
#include "func_find.h"
#include "func_index.h"

#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

bool path_tail_match(const char *path, const char *tail)
{
	size_t lp = strlen(path), lt = strlen(tail);

	if (!lt || lt > lp)
		return false;
	/* whole components: fs/inode.c is not the tail of fs/hugetlbfs/inode.c */
	if (lt < lp && tail[0] != '/' && path[lp - lt - 1] != '/')
		return false;
	return !strcmp(path + lp - lt, tail);
}

Dwarf_Addr die_end_pc(Dwarf_Die *die)
{
	Dwarf_Addr base, start, end, high = 0;
	ptrdiff_t it = 0;

	while ((it = dwarf_ranges(die, it, &base, &start, &end)) > 0)
		if (end > high)
			high = end;
	return high;
}

int die_entry_pc(Dwarf_Die *die, Dwarf_Addr *entry)
{
	Dwarf_Addr base = 0, start, end, low = 0;
	Dwarf_Attribute attr;
	Dwarf_Word off;
	ptrdiff_t it = 0;
	bool have_low = false;

	if (dwarf_lowpc(die, &low) == 0) {
		have_low = true;
	} else {
		while ((it = dwarf_ranges(die, it, &base, &start, &end)) > 0)
			if (!have_low || start < low) {
				low = start;
				have_low = true;
			}
	}
	if (dwarf_attr(die, DW_AT_entry_pc, &attr)) {
		if (dwarf_formaddr(&attr, entry) == 0)
			return 0;
		/* DWARF 5: a constant is an offset from the start */
		if (have_low && dwarf_formudata(&attr, &off) == 0) {
			*entry = low + off;
			return 0;
		}
	}
	if (!have_low)
		return -1;
	*entry = low;
	return 0;
}

int die_walk(Dwarf_Die *parent, die_visit_fn fn, void *data)
{
	Dwarf_Die child;

	if (dwarf_child(parent, &child))
		return 0;
	do {
		int rc = fn(&child, data);

		if (rc == WALK_STOP)
			return WALK_STOP;
		if (rc == WALK_DESCEND && dwarf_haschildren(&child) &&
		    die_walk(&child, fn, data) == WALK_STOP)
			return WALK_STOP;
	} while (dwarf_siblingof(&child, &child) == 0);
	return 0;
}

static void add_site(struct func_sites *out, Dwarf_Die *die, Dwarf_Die *cu,
		     bool inlined)
{
	struct func_site *s;
	Dwarf_Addr entry;

	if (die_entry_pc(die, &entry))
		return;
	out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
	s = &out->v[out->n++];
	s->die = *die;
	s->cu = *cu;
	s->inlined = inlined;
	s->entry = entry;
}

/* The offset of the DIE @die is a concrete instance of, or -1. */
static Dwarf_Off origin_of(Dwarf_Die *die)
{
	Dwarf_Attribute a;
	Dwarf_Die o;

	if (!dwarf_attr(die, DW_AT_abstract_origin, &a) || !dwarf_formref_die(&a, &o))
		return (Dwarf_Off)-1;
	return dwarf_dieoffset(&o);
}

struct instance_walk {
	Dwarf_Off origin;
	bool no_inlines;
	Dwarf_Die *cu;
	struct func_sites *out;
};

static int collect_instance(Dwarf_Die *die, void *data)
{
	const struct instance_walk *w = data;
	int tag = dwarf_tag(die);
	bool inlined = tag == DW_TAG_inlined_subroutine;

	if ((inlined || tag == DW_TAG_subprogram) && origin_of(die) == w->origin) {
		/* --no-inlines: the out-of-line copies (.isra, .constprop) only */
		if (!(w->no_inlines && inlined))
			add_site(w->out, die, w->cu, inlined);
		/* like perf: a copy of the function nested in another is not probed again */
		return WALK_SKIP;
	}
	/* instances only live in code: skip types, members, enumerators */
	return tag == DW_TAG_subprogram || inlined ||
	       tag == DW_TAG_lexical_block ? WALK_DESCEND : WALK_SKIP;
}

static bool has_code(Dwarf_Die *die)
{
	return dwarf_hasattr(die, DW_AT_low_pc) || dwarf_hasattr(die, DW_AT_ranges);
}

static bool check_candidate(Dwarf_Die *die, Dwarf_Die *cu, const char *file,
			    bool no_inlines, struct func_sites *out)
{
	const char *decl;

	if (file) {
		decl = dwarf_decl_file(die);
		if (!decl || !path_tail_match(decl, file))
			return false;
	}
	out->declared = true;
	out->defs = xrealloc(out->defs, (out->ndefs + 1) * sizeof(*out->defs));
	out->defs[out->ndefs].die = *die;
	out->defs[out->ndefs++].cu = *cu;
	if (has_code(die)) {
		add_site(out, die, cu, false);
		return true;
	}
	if (dwarf_hasattr(die, DW_AT_inline)) {
		struct instance_walk w = { dwarf_dieoffset(die), no_inlines,
					   cu, out };
		size_t before = out->n;

		die_walk(cu, collect_instance, &w);
		if (out->n > before)
			out->only_inline = true;
	}
	return true;
}

/* Like perf, the first matching DIE of a unit decides for that unit. */
static void scan_unit(Dwarf_Die *cu, const char *name, const char *file,
		      bool no_inlines, struct func_sites *out)
{
	Dwarf_Die die;

	if (dwarf_child(cu, &die))
		return;
	do {
		const char *n;

		if (dwarf_tag(&die) != DW_TAG_subprogram ||
		    dwarf_hasattr(&die, DW_AT_declaration))
			continue;
		n = dwarf_diename(&die);
		if (n && !strcmp(n, name) &&
		    check_candidate(&die, cu, file, no_inlines, out))
			break;
	} while (dwarf_siblingof(&die, &die) == 0);
}

/*
 * A name only the symbol table knows, such as glibc's malloc (DWARF calls
 * it __libc_malloc): the DWARF function whose entry is the symbol's address.
 */
static void find_alias(struct debuginfo *di, const char *name,
		       const char *file, struct func_sites *out)
{
	Dwarf_Addr addr, entry;
	Dwarf_Die cu, fn;

	if (!di->dw || debuginfo_symbol_addr(di, name, &addr) ||
	    !dwarf_addrdie(di->dw, addr, &cu) || func_at(&cu, addr, NULL, &fn) ||
	    die_entry_pc(&fn, &entry) || entry != addr)
		return;
	check_candidate(&fn, &cu, file, false, out);
}

void func_find(struct debuginfo *di, const char *name, const char *file,
	       bool no_inlines, struct func_sites *out)
{
	struct func_index *ix = debuginfo_index(di, INDEX_FUNCTIONS);
	Dwarf_Off off = 0;
	Dwarf_Die cu;
	size_t i;
	bool body = false;

	memset(out, 0, sizeof(*out));
	if (ix) {
		const uint64_t *units;
		size_t n = func_index_lookup(ix, name, &units);

		for (i = 0; i < n; i++) {
			off = units[i];
			if (debuginfo_next_cu(di, &off, &cu) == 0)
				scan_unit(&cu, name, file, no_inlines, out);
		}
	} else {
		while (debuginfo_next_cu(di, &off, &cu) == 0)
			scan_unit(&cu, name, file, no_inlines, out);
	}
	if (!out->declared)
		find_alias(di, name, file, out);
	for (i = 0; i < out->n; i++)
		if (!out->v[i].inlined)
			body = true;
	out->only_inline = out->n && !body;
}

void func_sites_free(struct func_sites *s)
{
	free(s->v);
	free(s->defs);
	memset(s, 0, sizeof(*s));
}

struct chain_walk {
	Dwarf_Addr addr;
	struct func_chain *fc;
};

static int visit_scope(Dwarf_Die *die, void *data)
{
	struct chain_walk *w = data;
	struct func_chain *fc = w->fc;
	int tag = dwarf_tag(die);

	if (tag != DW_TAG_subprogram && tag != DW_TAG_inlined_subroutine &&
	    tag != DW_TAG_lexical_block)
		return WALK_SKIP;
	if (dwarf_haspc(die, w->addr) != 1)
		return WALK_SKIP;
	if (tag != DW_TAG_lexical_block) {
		/* deeper than the array: the innermost replaces the last */
		if (fc->n == FUNC_CHAIN_MAX)
			fc->n--;
		fc->v[fc->n++] = *die;
	}
	return WALK_DESCEND;
}

int func_chain_at(Dwarf_Die *cu, Dwarf_Addr addr, struct func_chain *fc)
{
	struct chain_walk w = { addr, fc };
	Dwarf_Die tmp;
	int i;

	fc->n = 0;
	die_walk(cu, visit_scope, &w);
	for (i = 0; i < fc->n / 2; i++) {	/* the walk found outermost first */
		tmp = fc->v[i];
		fc->v[i] = fc->v[fc->n - 1 - i];
		fc->v[fc->n - 1 - i] = tmp;
	}
	return fc->n ? 0 : -1;
}

int func_at(Dwarf_Die *cu, Dwarf_Addr addr, Dwarf_Die *inner,
	    Dwarf_Die *outer)
{
	struct func_chain fc;

	if (func_chain_at(cu, addr, &fc))
		return -1;
	if (inner)
		*inner = fc.v[0];
	if (outer)
		*outer = fc.v[fc.n - 1];
	return 0;
}
