/* SPDX-License-Identifier: GPL-2.0 */
/* kprobe_events through libtracefs: add, list, delete. */
#ifndef PROBE_TRACEFS_IO_H
#define PROBE_TRACEFS_IO_H

#include <stddef.h>

#include "strbuf.h"

/* Checks root and a mounted tracefs with kprobe_events; explains if not. */
int tracefs_ready(struct probe_error *err);

/* One kprobe_events line split up: "p:grp/ev sym+0 args". */
struct kevent {
	char type;	/* 'p' or 'r' */
	char *group;
	char *event;
	char *rest;	/* location and arguments */
};

struct kevents {
	struct kevent *v;
	size_t n;
};

int kevents_read(struct kevents *out, struct probe_error *err);
void kevents_free(struct kevents *k);
/* Parses kprobe_events text (exposed for the unit tests). */
void kevents_parse(const char *text, struct kevents *out);

int kevent_add(const char *definition, struct probe_error *err);
int kevent_del(const char *group, const char *event, struct probe_error *err);

#endif
