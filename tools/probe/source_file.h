/* SPDX-License-Identifier: GPL-2.0 */
/* Source files named by DWARF, for lazy patterns and --line. */
#ifndef PROBE_SOURCE_FILE_H
#define PROBE_SOURCE_FILE_H

#include <stddef.h>

#include "strbuf.h"

struct source_file {
	char *path;	/* the file actually read */
	char **lines;	/* lines[0] is line 1, without newlines */
	size_t n;
};

/*
 * Reads @name (as DWARF spells it) trying @source_dir first when set, then
 * the name itself and @comp_dir/@name. On failure @err lists what was tried.
 */
int source_file_load(struct source_file *sf, const char *name,
		     const char *comp_dir, const char *source_dir,
		     struct probe_error *err);
void source_file_free(struct source_file *sf);

#endif
