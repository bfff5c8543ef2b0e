/* SPDX-License-Identifier: GPL-2.0 */
/* What the commands share: the options given and the debuginfo opened. */
#ifndef PROBE_PROBE_H
#define PROBE_PROBE_H

#include <stdbool.h>

#include "debuginfo.h"
#include "options.h"
#include "point_resolve.h"

struct probe_ctx {
	const char *vmlinux;	/* -k */
	const char *module;	/* -m: name or path of a .ko */
	char *exec;	/* -x: absolute path of a program or library */
	char *exec_group;	/* its default group, "probe_NAME" */
	struct resolve_opts ropts;
	bool force, dry_run, quiet, externs;
	int verbose;
	struct debuginfo di;
	bool di_open;
	bool symbols_ok;	/* the command can do with a symbol table */
	char *readme_types;	/* --add: the running kernel's fetch types */
};

/* Opens -k, -m or the running kernel's vmlinux once. */
int ctx_debuginfo(struct probe_ctx *ctx, struct debuginfo **out);
/* The same, leaving the error to the caller; @quiet: no "Using ..." line. */
int ctx_debuginfo_quiet(struct probe_ctx *ctx, bool quiet,
			struct debuginfo **out, struct probe_error *err);
void ctx_release(struct probe_ctx *ctx);
void report_error(const struct probe_error *err);
/* The group of events without GROUP: ("probe", or "probe_NAME" with -x). */
const char *ctx_default_group(const struct probe_ctx *ctx);

int cmd_add(struct probe_ctx *ctx, const struct str_list *specs,
	    bool definition_only);
int cmd_del(struct probe_ctx *ctx, const struct str_list *globs);
int cmd_list(struct probe_ctx *ctx, const char *filter);
int cmd_line(struct probe_ctx *ctx, const char *range);
int cmd_vars(struct probe_ctx *ctx, const char *spec);
int cmd_funcs(struct probe_ctx *ctx, const char *filter);
int cmd_record(int argc, const char **argv);
int cmd_script(int argc, const char **argv);

#endif
