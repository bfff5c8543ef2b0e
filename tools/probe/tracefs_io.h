/* SPDX-License-Identifier: GPL-2.0 */
/* kprobe_events and uprobe_events through libtracefs: add, list, delete. */
#ifndef PROBE_TRACEFS_IO_H
#define PROBE_TRACEFS_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "kevents.h"
#include "strbuf.h"

/*
 * Checks root and a mounted tracefs with kprobe_events (@user: with
 * uprobe_events); explains if not.
 */
int tracefs_ready(bool user, struct probe_error *err);
/* The same for --list and --del: either file will do. */
int tracefs_ready_any(struct probe_error *err);

/* Both files' events: kprobes first, then uprobes when the kernel has them. */
int kevents_read(struct kevents *out, struct probe_error *err);

/*
 * The fetch-argument types the running kernel offers: the "type:" clause
 * of tracefs' README, or NULL when it cannot be read.
 */
char *tracefs_readme_types(void);

/* Appends @definition to uprobe_events (@user) or kprobe_events. */
int kevent_add(const char *definition, bool user, struct probe_error *err);
int kevent_del(const struct kevent *k, struct probe_error *err);

#endif
