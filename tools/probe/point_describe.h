/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From a code address back to a probe point a user could have written, for
 * --list: FUNC@FILE at a function's entry, FUNC:RLINE@FILE on a source line
 * (RLINE counted from FUNC's declaration; FUNC may be an inlined function),
 * FUNC+OFF@FILE where no line of the function fits, FUNC%return@FILE for a
 * return probe.
 */
#ifndef PROBE_POINT_DESCRIBE_H
#define PROBE_POINT_DESCRIBE_H

#include <stdbool.h>

#include "debuginfo.h"
#include "strbuf.h"

/* Appends the description of @addr to @out; -1 when DWARF has no function there. */
int describe_address(struct debuginfo *di, Dwarf_Addr addr, bool ret,
		     struct strbuf *out);

/*
 * The same for a kprobe_events location "SYM", "SYM+OFF" or "SYM+0xOFF";
 * -1 for a symbol @di does not define, or anything else.
 */
int describe_location(struct debuginfo *di, const char *loc, bool ret,
		      struct strbuf *out);

#endif
