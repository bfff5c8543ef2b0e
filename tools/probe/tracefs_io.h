/* SPDX-License-Identifier: GPL-2.0 */
/* kprobe_events through libtracefs: add, list, delete. */
#ifndef PROBE_TRACEFS_IO_H
#define PROBE_TRACEFS_IO_H

#include <stddef.h>

#include "kevents.h"
#include "strbuf.h"

/* Checks root and a mounted tracefs with kprobe_events; explains if not. */
int tracefs_ready(struct probe_error *err);

int kevents_read(struct kevents *out, struct probe_error *err);

int kevent_add(const char *definition, struct probe_error *err);
int kevent_del(const char *group, const char *event, struct probe_error *err);

#endif
