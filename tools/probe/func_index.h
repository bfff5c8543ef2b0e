/* SPDX-License-Identifier: GPL-2.0 */
/*
 * On-disk index: function name -> compile units that define it at top
 * level, and source file -> units whose line table names it. Finding a
 * function otherwise means walking every unit of a multi-hundred-megabyte
 * vmlinux; with the index only the units that matter are read. The file is
 * keyed by build-id and checked against the ELF's size and mtime, and
 * rebuilt when stale. Directory: $PROBE_CACHE_DIR, else
 * $XDG_CACHE_HOME/probe, else ~/.cache/probe. PROBE_NO_INDEX=1 disables it.
 */
#ifndef PROBE_FUNC_INDEX_H
#define PROBE_FUNC_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "debuginfo.h"

struct func_index;

/*
 * Two files: function names (cheap to build) and source files (which needs
 * every line table, so it is only built for file-based specs).
 */
enum index_kind { INDEX_FUNCTIONS, INDEX_FILES };

/* NULL when disabled or impossible (callers then walk every unit). */
struct func_index *func_index_open(struct debuginfo *di, enum index_kind kind);
void func_index_close(struct func_index *ix);

/* Unit offsets (for dwarf_nextcu) of the units defining @name. */
size_t func_index_lookup(struct func_index *ix, const char *name,
			 const uint64_t **units);

/*
 * Unit offsets of the units whose line table names a file ending with
 * @tail, sorted; *@units is malloc'd (the caller frees it).
 */
size_t func_index_file_units(struct func_index *ix, const char *tail,
			     uint64_t **units);

#endif
