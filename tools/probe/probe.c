// SPDX-License-Identifier: GPL-2.0
/* probe: entry point, global options and dispatch to the commands. */
#include "probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmlinux_find.h"

static const char usage[] =
	"probe [options] [--add] SPEC... | --del GLOB | --list | --line RANGE | --vars SPEC | --funcs [FILTER]\n"
	"       probe record [options] [-- COMMAND...]\n"
	"       probe script [options]";

void report_error(const struct probe_error *err)
{
	fprintf(stderr, "Error: %s\n", err->msg);
}

int ctx_debuginfo(struct probe_ctx *ctx, struct debuginfo **out)
{
	struct probe_error err = { "" };
	const char *path = ctx->vmlinux;

	if (ctx->di_open) {
		*out = &ctx->di;
		return 0;
	}
	if (ctx->module && strchr(ctx->module, '/'))
		path = ctx->module;
	if (path ? debuginfo_open(&ctx->di, path, &err) :
		   vmlinux_open_running(&ctx->di, ctx->quiet, &err)) {
		report_error(&err);
		return -1;
	}
	if (ctx->verbose && path)
		fprintf(stderr, "Using debuginfo from %s\n", path);
	ctx->di_open = true;
	*out = &ctx->di;
	return 0;
}

void ctx_release(struct probe_ctx *ctx)
{
	if (ctx->di_open)
		debuginfo_close(&ctx->di);
	ctx->di_open = false;
}

/* "-m /path/ext4.ko" names the module "ext4" in definitions. */
static const char *module_name(const char *m)
{
	const char *base = strrchr(m, '/');
	char *name = xstrdup(base ? base + 1 : m);
	char *dot = strchr(name, '.');

	if (dot)
		*dot = '\0';
	return name;
}

int main(int argc, const char **argv)
{
	struct probe_ctx ctx = { 0 };
	struct str_list add = { 0 }, def = { 0 }, del = { 0 };
	const char *list = NULL, *line = NULL, *vars = NULL, *funcs = NULL;
	bool list_seen = false, funcs_seen = false, verbose = false;
	int n, rc = 0, i;
	struct option opts[] = {
		{ 'a', "add", OPT_LIST, &add, "SPEC", "define a probe event (also: bare SPEC words)" },
		{ 'd', "del", OPT_LIST, &del, "GLOB", "delete events matching [GROUP:]EVENT glob" },
		{ 'l', "list", OPT_OPTSTRING, &list, "FILTER", "list probe events", &list_seen },
		{ 'L', "line", OPT_STRING, &line, "RANGE", "show the probe-able lines of FUNC[:RANGE] or FILE:RANGE" },
		{ 'V', "vars", OPT_STRING, &vars, "SPEC", "show the variables available at a probe point" },
		{ 0, "externs", OPT_BOOL, &ctx.externs, NULL, "with --vars: show global variables too" },
		{ 'F', "funcs", OPT_OPTSTRING, &funcs, "FILTER", "list functions (glob filter)", &funcs_seen },
		{ 'D', "definition", OPT_LIST, &def, "SPEC", "print the kprobe_events definition; change nothing" },
		{ 'n', "dry-run", OPT_BOOL, &ctx.dry_run, NULL, "do everything but write kprobe_events" },
		{ 'f', "force", OPT_BOOL, &ctx.force, NULL, "add even when the event exists (adds a _N suffix)" },
		{ 0, "max-probes", OPT_INT, &ctx.ropts.max_probes, "N", "probe points allowed per spec (default 128)" },
		{ 'k', "vmlinux", OPT_STRING, &ctx.vmlinux, "FILE", "vmlinux (or any ELF) with DWARF" },
		{ 's', "source", OPT_STRING, &ctx.ropts.source_dir, "DIR", "source tree for --line and lazy patterns" },
		{ 'm', "module", OPT_STRING, &ctx.module, "MOD", "module name or .ko path" },
		{ 0, "no-inlines", OPT_BOOL, &ctx.ropts.no_inlines, NULL, "do not probe inlined instances" },
		{ 'v', "verbose", OPT_BOOL, &verbose, NULL, "say more" },
		{ 'q', "quiet", OPT_BOOL, &ctx.quiet, NULL, "say only errors" },
		{ 0 },
	};

	if (argc > 1 && !strcmp(argv[1], "record"))
		return cmd_record(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "script"))
		return cmd_script(argc - 1, argv + 1);
	n = parse_options(argc, argv, opts, usage);
	if (n < 0)
		return 2;
	ctx.verbose = verbose;
	if (ctx.module)
		ctx.ropts.module = module_name(ctx.module);
	/* "--funcs PATTERN" / "--list PATTERN": the optional value may follow */
	if (n > 0 && ((funcs_seen && !funcs) || (list_seen && !list))) {
		if (funcs_seen)
			funcs = argv[0];
		else
			list = argv[0];
		n = 0;
	}
	if (n > 0) {	/* bare words form one spec, as in perf */
		struct strbuf sb = STRBUF_INIT;

		for (i = 0; i < n; i++)
			strbuf_addf(&sb, "%s%s", i ? " " : "", argv[i]);
		str_list_add(&add, strbuf_detach(&sb));
	}
	if (def.n)
		rc = cmd_add(&ctx, &def, true);
	else if (add.n)
		rc = cmd_add(&ctx, &add, false);
	else if (del.n)
		rc = cmd_del(&ctx, &del);
	else if (list_seen)
		rc = cmd_list(&ctx, list);
	else if (line)
		rc = cmd_line(&ctx, line);
	else if (vars)
		rc = cmd_vars(&ctx, vars);
	else if (funcs_seen)
		rc = cmd_funcs(&ctx, funcs);
	else {
		print_help(opts, usage);
		rc = 2;
	}
	ctx_release(&ctx);
	if (n > 0)
		free((char *)add.v[add.n - 1]);
	free(add.v);
	free(def.v);
	free(del.v);
	free((char *)ctx.ropts.module);
	return rc;
}
