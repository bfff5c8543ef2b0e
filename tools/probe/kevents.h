/* SPDX-License-Identifier: GPL-2.0 */
/* kprobe_events lines, parsed. Pure: tracefs_io.c does the reading. */
#ifndef PROBE_KEVENTS_H
#define PROBE_KEVENTS_H

#include <stddef.h>

/* One kprobe_events line split up: "p:grp/ev sym+0 args". */
struct kevent {
	char type;	/* 'p' or 'r' */
	char *group;
	char *event;
	char *rest;	/* location and arguments */
	char *line;	/* the whole line, as the kernel lists it */
};

struct kevents {
	struct kevent *v;
	size_t n;
};

/* Parses kprobe_events text; malformed lines are skipped. */
void kevents_parse(const char *text, struct kevents *out);
void kevents_free(struct kevents *k);

#endif
