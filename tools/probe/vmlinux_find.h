/* SPDX-License-Identifier: GPL-2.0 */
/* Finding the running kernel's vmlinux (matched by build-id) and modules. */
#ifndef PROBE_VMLINUX_FIND_H
#define PROBE_VMLINUX_FIND_H

#include "debuginfo.h"

/*
 * Opens the first candidate whose build-id equals the running kernel's
 * (/sys/kernel/notes), saying on stderr which one was used unless @quiet.
 * On failure @err lists the paths tried and how to get debuginfo.
 */
int vmlinux_open_running(struct debuginfo *di, bool quiet,
			 struct probe_error *err);

/* Running kernel's build-id from /sys/kernel/notes as hex; -1 if unknown. */
int running_build_id(char *buf, size_t size);

/* Path of module @name's .ko for the running kernel (debug copy first). */
char *module_find(const char *name, struct probe_error *err);

#endif
