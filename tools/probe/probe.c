// SPDX-License-Identifier: GPL-2.0
/* probe: entry point, global options and dispatch to the commands. */
#include "probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "exec_target.h"
#include "vmlinux_find.h"

#include <bpf/libbpf.h>
#include <elfutils/libdwfl.h>

#define PROBE_VERSION "1.1"

static const char usage[] =
	"probe [options] [--add] SPEC... | --del GLOB | --list | --line RANGE | --vars SPEC | --funcs [FILTER]\n"
	"       probe record [options] [-- COMMAND...]\n"
	"       probe script [options]";

void report_error(const struct probe_error *err)
{
	fprintf(stderr, "Error: %s\n", err->msg);
}

const char *ctx_default_group(const struct probe_ctx *ctx)
{
	return ctx->exec ? ctx->exec_group : PROBE_DEFAULT_GROUP;
}

/* -x: the program's own DWARF, or its separate debuginfo by build-id. */
static int exec_debuginfo(struct probe_ctx *ctx, struct probe_error *err)
{
	if (debuginfo_open_symbols(&ctx->di, ctx->exec, err))
		return -1;
	ctx->di.user = true;
	if (ctx->di.no_dwarf && !ctx->symbols_ok) {
		debuginfo_close(&ctx->di);
		perr(err, "%s has no DWARF debug information, and no separate debuginfo was found for it.",
		     ctx->exec);
		perr_hint(err, "Install its debug symbols (Debian: the -dbg or -dbgsym package, found through /usr/lib/debug/.build-id), or rebuild it with -g.");
		return -1;
	}
	return 0;
}

int ctx_debuginfo_quiet(struct probe_ctx *ctx, bool quiet,
			struct debuginfo **out, struct probe_error *err)
{
	const char *path = ctx->vmlinux;
	char *found = NULL;
	int rc;

	if (ctx->di_open) {
		*out = &ctx->di;
		return 0;
	}
	if (ctx->exec) {
		if (exec_debuginfo(ctx, err))
			return -1;
		ctx->di_open = true;
		*out = &ctx->di;
		return 0;
	}
	if (ctx->module && strchr(ctx->module, '/')) {
		path = ctx->module;
	} else if (ctx->module) {
		found = module_find(ctx->module, err);
		if (!found)
			return -1;
		path = found;
	}
	if (!path) {
		rc = vmlinux_open_running(&ctx->di, quiet, err);
		if (rc && ctx->symbols_ok && !ctx->module &&
		    access("/proc/kallsyms", R_OK) == 0) {
			/* a stock kernel: its symbols and BTF still serve entries */
			if (!quiet) {
				struct utsname u;

				uname(&u);
				fprintf(stderr, "No vmlinux with DWARF for kernel %s (for lines and variables: apt install linux-image-%s-dbg, or -k VMLINUX).\n"
					"Using /proc/kallsyms and /sys/kernel/btf/vmlinux: function entries, offsets and returns; parameters at entries.\n",
					u.release, u.release);
			}
			memset(&ctx->di, 0, sizeof(ctx->di));
			ctx->di.no_dwarf = true;
			ctx->di.running_kernel = true;
			rc = 0;
		}
	} else if (ctx->symbols_ok) {
		rc = debuginfo_open_symbols(&ctx->di, path, err);
	} else {
		rc = debuginfo_open(&ctx->di, path, err);
	}
	if (!rc && found && !quiet)
		fprintf(stderr, "Using module %s\n", found);
	free(found);
	if (rc)
		return -1;
	ctx->di_open = true;
	*out = &ctx->di;
	return 0;
}

int ctx_debuginfo(struct probe_ctx *ctx, struct debuginfo **out)
{
	struct probe_error err = { "" };

	if (ctx_debuginfo_quiet(ctx, ctx->quiet, out, &err)) {
		report_error(&err);
		return -1;
	}
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

/* -x PATH: the binary every spec of this run is in. */
static int set_exec(struct probe_ctx *ctx, const char *arg)
{
	struct probe_error err = { "" };

	if (ctx->module || ctx->vmlinux) {
		fprintf(stderr, "Error: -x probes a user-space binary; it does not go with -m or -k.\n");
		return -1;
	}
	ctx->exec = exec_resolve(arg, &err);
	if (!ctx->exec) {
		report_error(&err);
		return -1;
	}
	ctx->exec_group = exec_group(ctx->exec);
	return 0;
}

/* What the command line asked for: one mode at a time, as in perf. */
struct modes {
	struct str_list add, def, del;
	const char *list, *line, *vars, *funcs;	/* list, funcs: "" = all */
};

static int dispatch(struct probe_ctx *ctx, struct modes *m,
		    const struct option *opts)
{
	if (m->def.n)
		return cmd_add(ctx, &m->def, true);
	if (m->add.n)
		return cmd_add(ctx, &m->add, false);
	if (m->del.n)
		return cmd_del(ctx, &m->del);
	if (m->list)
		return cmd_list(ctx, *m->list ? m->list : NULL);
	if (m->line)
		return cmd_line(ctx, m->line);
	if (m->vars)
		return cmd_vars(ctx, m->vars);
	if (m->funcs)
		return cmd_funcs(ctx, *m->funcs ? m->funcs : NULL);
	print_help(opts, usage);
	return 2;
}

/* Words left after the options: a --funcs/--list value, or one spec. */
static char *take_words(struct modes *m, int n, const char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	if (n > 0 && ((m->funcs && !*m->funcs) || (m->list && !*m->list))) {
		if (m->funcs)
			m->funcs = argv[0];
		else
			m->list = argv[0];
		return NULL;
	}
	if (n <= 0)
		return NULL;
	for (i = 0; i < n; i++)	/* bare words form one spec, as in perf */
		strbuf_addf(&sb, "%s%s", i ? " " : "", argv[i]);
	str_list_add(&m->add, sb.buf);
	return sb.buf;
}

/* Two commands at once is an error, not a silent choice (perf refuses too). */
static int modes_given(const struct modes *m)
{
	return !!m->def.n + !!m->add.n + !!m->del.n + !!m->list + !!m->line +
	       !!m->vars + !!m->funcs;
}

int main(int argc, const char **argv)
{
	struct probe_ctx ctx = { 0 };
	struct modes m = { 0 };
	bool verbose = false, version = false;
	const char *exec = NULL;
	char *words;
	int n, rc;
	struct option opts[] = {
		{ 'a', "add", OPT_LIST, &m.add, "SPEC",
		  "define a probe event (also: bare SPEC words)" },
		{ 'd', "del", OPT_LIST, &m.del, "GLOB",
		  "delete events matching [GROUP:]EVENT glob" },
		{ 'l', "list", OPT_OPTSTRING, &m.list, "FILTER",
		  "list probe events" },
		{ 'L', "line", OPT_STRING, &m.line, "RANGE",
		  "show the probe-able lines of FUNC[:RANGE] or FILE:RANGE" },
		{ 'V', "vars", OPT_STRING, &m.vars, "SPEC",
		  "show the variables available at a probe point" },
		{ 0, "externs", OPT_BOOL, &ctx.externs, NULL,
		  "with --vars: show global variables too" },
		{ 'F', "funcs", OPT_OPTSTRING, &m.funcs, "FILTER",
		  "list functions (glob filter)" },
		{ 'D', "definition", OPT_LIST, &m.def, "SPEC",
		  "print the kprobe_events definition; change nothing" },
		{ 'n', "dry-run", OPT_BOOL, &ctx.dry_run, NULL,
		  "do everything but write kprobe_events" },
		{ 'f', "force", OPT_BOOL, &ctx.force, NULL,
		  "add even when the event exists (adds a _N suffix)" },
		{ 0, "max-probes", OPT_INT, &ctx.ropts.max_probes, "N",
		  "probe points allowed per spec (default 128)" },
		{ 'k', "vmlinux", OPT_STRING, &ctx.vmlinux, "FILE",
		  "vmlinux (or any ELF) with DWARF" },
		{ 's', "source", OPT_STRING, &ctx.ropts.source_dir, "DIR",
		  "source tree for --line and lazy patterns" },
		{ 'm', "module", OPT_STRING, &ctx.module, "MOD",
		  "module name or .ko path" },
		{ 'x', "exec", OPT_STRING, &exec, "PATH",
		  "a user-space program or library: uprobes" },
		{ 0, "no-inlines", OPT_BOOL, &ctx.ropts.no_inlines, NULL,
		  "do not probe inlined instances" },
		{ 'v', "verbose", OPT_BOOL, &verbose, NULL,
		  "say more" },
		{ 'q', "quiet", OPT_BOOL, &ctx.quiet, NULL,
		  "say only errors" },
		{ 0, "version", OPT_BOOL, &version, NULL,
		  "print the version and the libraries' versions" },
		{ 0 },
	};

	if (argc > 1 && !strcmp(argv[1], "record"))
		return cmd_record(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "script"))
		return cmd_script(argc - 1, argv + 1);
	n = parse_options(argc, argv, opts, usage);
	if (n < 0)
		return 2;
	if (version) {
		printf("probe %s (kprobe_events of Linux 6.12; elfutils %s, libbpf %u.%u)\n",
		       PROBE_VERSION, dwfl_version(NULL), libbpf_major_version(),
		       libbpf_minor_version());
		return 0;
	}
	ctx.verbose = verbose;
	if (exec && set_exec(&ctx, exec))
		return 2;
	if (ctx.module)
		ctx.ropts.module = module_name(ctx.module);
	words = take_words(&m, n, argv);
	if (modes_given(&m) > 1) {
		fprintf(stderr, "Error: give one command at a time: --add (or bare SPEC words), --definition, --del, --list, --line, --vars or --funcs (for several definitions, repeat -D SPEC)\n");
		rc = 2;
	} else {
		rc = dispatch(&ctx, &m, opts);
	}
	ctx_release(&ctx);
	free(words);
	free(m.add.v);
	free(m.def.v);
	free(m.del.v);
	free((char *)ctx.ropts.module);
	free(ctx.exec);
	free(ctx.exec_group);
	return rc;
}
