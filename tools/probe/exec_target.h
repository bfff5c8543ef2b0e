/* SPDX-License-Identifier: GPL-2.0 */
/*
 * probe -x: a user-space program or shared library as the target. Its
 * probes go to uprobe_events as "PATH:0xFILEOFFSET", in group
 * "probe_NAME", as perf probe -x writes them.
 */
#ifndef PROBE_EXEC_TARGET_H
#define PROBE_EXEC_TARGET_H

#include "debuginfo.h"
#include "resolve.h"

/*
 * The absolute, symlink-free path of @arg: a path, or a command name
 * looked up in $PATH. NULL with @err set when there is no such file.
 */
char *exec_resolve(const char *arg, struct probe_error *err);

/*
 * perf's default group for @path: "probe_" and the file name up to its
 * first character that cannot be in an identifier ("libc.so.6":
 * probe_libc, "my-tool": probe_my).
 */
char *exec_group(const char *path);

/* Puts @exec and each point's file offset into the points of @r. */
int exec_place_points(struct debuginfo *di, const char *exec,
		      struct resolved *r, struct probe_error *err);

#endif
