/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The --line view: source lines with the probe-able ones numbered. Used by
 * `probe --line` and by errors about lines that cannot be probed.
 */
#ifndef PROBE_LINE_VIEW_H
#define PROBE_LINE_VIEW_H

#include <elfutils/libdw.h>

#include "strbuf.h"

/*
 * Appends lines @start..@end of @file (inclusive; numbered relative to
 * @fn's declaration when @fn is set, absolute otherwise) to @out. An @end
 * past the code of @fn stops at its last probe-able line. Returns -1 with
 * @err set when the source cannot be read.
 */
int line_view(Dwarf_Die *cu, const char *file, Dwarf_Die *fn, int start,
	      int end, const char *source_dir, struct strbuf *out,
	      struct probe_error *err);

#endif
