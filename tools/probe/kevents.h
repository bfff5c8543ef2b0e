/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kprobe_events and uprobe_events lines, parsed. Pure: tracefs_io.c does
 * the reading.
 */
#ifndef PROBE_KEVENTS_H
#define PROBE_KEVENTS_H

#include <stdbool.h>
#include <stddef.h>

/* One kprobe_events line split up: "p:grp/ev sym+0 args". */
struct kevent {
	char type;	/* 'p' or 'r' */
	char *group;
	char *event;
	char *rest;	/* location and arguments */
	char *line;	/* the whole line, as the kernel lists it */
	bool user;	/* from uprobe_events: rest is "PATH:0xOFFSET args" */
};

struct kevents {
	struct kevent *v;
	size_t n;
};

/*
 * Parses kprobe_events (@user false) or uprobe_events text and appends the
 * lines to @out, which must be zeroed first; malformed lines are skipped.
 */
void kevents_parse(const char *text, bool user, struct kevents *out);
void kevents_free(struct kevents *k);

#endif
