/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A resolved probe (symbol, offset, fetch arguments) and its kprobe_events
 * text. Pure: no DWARF and no tracefs here.
 */
#ifndef PROBE_DEFINITION_H
#define PROBE_DEFINITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "spec.h"

#define PROBE_DEFAULT_GROUP "probe"
#define PROBE_MAX_EVENT_INDEX 1024

struct fetch_arg {
	char *name;	/* NULL: let the kernel name it */
	char *expr;	/* "%di", "+8(%si)", "@jiffies"; NULL: not available */
	char *type;	/* "u32", "string", "b3@2/32"; NULL: kernel default */
};

struct probe_point {
	char *module;	/* NULL for the kernel */
	char *exec;	/* a user-space binary (uprobe_events), or NULL */
	uint64_t file_offset;	/* with @exec: where in the file */
	char *symbol;
	unsigned long offset;
	uint64_t address;	/* link-time address, for messages and de-dup */
	bool retprobe;
	char *function;	/* DWARF function at the address (event naming) */
	int line;	/* source line when known, else 0 */
	struct fetch_arg *args;
	size_t nargs;
};

void probe_point_add_arg(struct probe_point *pt, const char *name,
			 const char *expr, const char *type);
/*
 * Is @name a field of @pt already?  The kernel refuses two fields of one
 * name; $vars/$params keep the first (the outer scope's variable).
 */
bool probe_point_has_arg(const struct probe_point *pt, const char *name);
void probe_point_free(struct probe_point *pt);

/*
 * "p:GROUP/EVENT SYM+OFF name=expr:type ..." (or "r:" for returns); with
 * pt->exec the uprobe_events form "p:GROUP/EVENT /PATH:0xOFFSET ...".
 */
char *definition_format(const char *group, const char *event,
			const struct probe_point *pt);

/*
 * The event name perf would pick before collision handling: EVENT=, else
 * FUNC_L<line> for FUNC:LINE, else the function; compiler suffixes such as
 * ".isra.0" are cut and returns get "__return".
 */
char *event_base_name(const struct probe_spec *spec,
		      const struct probe_point *pt);

/*
 * A name not in @taken: @base itself, or with @allow_suffix the first free
 * "@base_N". Returns NULL with @err set when none is free.
 */
char *event_unique_name(const char *base, char *const *taken, size_t ntaken,
			bool allow_suffix, struct probe_error *err);

#endif
