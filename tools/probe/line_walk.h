/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source lines and their addresses. A line is probe-able where the line
 * table starts a statement for it, and also at the entry of a function
 * (its declaration line) and of an inlined call (the call's line).
 */
#ifndef PROBE_LINE_WALK_H
#define PROBE_LINE_WALK_H

#include <elfutils/libdw.h>

/* Return non-zero to stop the walk; the value is passed back. */
typedef int (*line_fn)(const char *file, int line, Dwarf_Addr addr,
		       void *data);

/*
 * Lines of function or inlined instance @fn: statement rows inside it that
 * belong to it (not to code inlined into it, except the call's own line),
 * then its declaration line and its inlined calls' lines.
 */
int walk_function_lines(Dwarf_Die *fn, line_fn cb, void *data);

/* Every statement row of @cu, then every function's entry and inlined calls. */
int walk_cu_lines(Dwarf_Die *cu, line_fn cb, void *data);

/*
 * The line an address "belongs" to: the declaration line at a function's
 * entry, else the line table's. Returns -1 when unknown.
 */
int line_at(Dwarf_Die *cu, Dwarf_Addr addr, const char **file, int *line);

/* The call site (file and line) of inlined instance @inl; -1 if unknown. */
int die_call_site(Dwarf_Die *inl, const char **file, int *line);

/* True when @cu has a source file whose path ends with @tail. */
const char *cu_find_file(Dwarf_Die *cu, const char *tail);

#endif
