/* SPDX-License-Identifier: GPL-2.0 */
/* Finding functions in DWARF: out-of-line bodies and inlined instances. */
#ifndef PROBE_FUNC_FIND_H
#define PROBE_FUNC_FIND_H

#include <stdbool.h>
#include <stddef.h>

#include "debuginfo.h"

struct func_site {
	Dwarf_Die die;		/* DW_TAG_subprogram or DW_TAG_inlined_subroutine */
	Dwarf_Die cu;
	bool inlined;
	Dwarf_Addr entry;	/* entry PC */
};

/* The DIE that matched in one compile unit (abstract for inlines). */
struct func_def {
	Dwarf_Die die;
	Dwarf_Die cu;
};

struct func_sites {
	struct func_site *v;
	size_t n;
	struct func_def *defs;
	size_t ndefs;
	bool only_inline;	/* the name exists, but only as inlined copies */
	bool declared;		/* some DIE named it at all */
};

/*
 * Every place where function @name has code, in DWARF order: its bodies,
 * and unless @no_inlines each inlined instance. @file, when set, must match
 * the tail of the declaring file. Like perf, the first matching DIE of each
 * compile unit decides for that unit.
 */
void func_find(struct debuginfo *di, const char *name, const char *file,
	       bool no_inlines, struct func_sites *out);
void func_sites_free(struct func_sites *s);

/*
 * Entry address of a function or inlined instance: DW_AT_entry_pc (an
 * address, or in DWARF 5 an offset from the start), else the lowest
 * address. Returns -1 when it has no code.
 */
int die_entry_pc(Dwarf_Die *die, Dwarf_Addr *entry);

/* The end of a DIE's code: the highest end of its ranges, 0 if none. */
Dwarf_Addr die_end_pc(Dwarf_Die *die);

/*
 * The tail of @path equals @tail, in whole path components (perf's rule
 * for @SRC and SRC:LINE also matches inside a component).
 */
bool path_tail_match(const char *path, const char *tail);

/*
 * The functions and inlined instances containing an address, innermost
 * first; the last is the out-of-line function. Nesting deeper than the
 * array keeps the innermost and drops those just outside it.
 */
#define FUNC_CHAIN_MAX 16
struct func_chain {
	Dwarf_Die v[FUNC_CHAIN_MAX];
	int n;
};

/* The chain at @addr in @cu; -1 when no function contains it. */
int func_chain_at(Dwarf_Die *cu, Dwarf_Addr addr, struct func_chain *fc);

/*
 * The innermost function or inlined instance containing @addr in @cu, and
 * the outermost (the real, out-of-line function). Either may be NULL.
 */
int func_at(Dwarf_Die *cu, Dwarf_Addr addr, Dwarf_Die *inner,
	    Dwarf_Die *outer);

/* Calls @fn for each child of @parent, descending where @fn returns 1. */
typedef int (*die_visit_fn)(Dwarf_Die *die, void *data);
int die_walk(Dwarf_Die *parent, die_visit_fn fn, void *data);
#define WALK_SKIP 0	/* do not descend */
#define WALK_DESCEND 1
#define WALK_STOP 2

#endif
