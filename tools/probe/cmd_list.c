// SPDX-License-Identifier: GPL-2.0
/*
 * probe --list [[GROUP:]EVENT glob]: each event as the probe point a user
 * would write (function, relative line, source file) and its argument
 * names, as perf probe lists them. Without debuginfo for the running kernel
 * the kernel's own SYM+OFF location is shown instead.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "point_describe.h"
#include "probe.h"
#include "tracefs_io.h"

/* "vfs_read+0 a=%di s=\"x y\"": the location, then the arguments. */
static void split_location(const char *rest, struct strbuf *loc,
			   const char **args)
{
	size_t n = strcspn(rest, " ");

	strbuf_add(loc, rest, n);
	*args = rest + n;
}

/* The argument names of "a=%di s=\"x y\" b=+0(%si):u8", quotes respected. */
static void add_arg_names(struct strbuf *out, const char *args)
{
	const char *p = args;

	while (*p) {
		const char *start, *eq;
		bool quoted = false;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		start = p;
		eq = NULL;
		for (; *p && (quoted || *p != ' '); p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == '=' && !eq && !quoted)
				eq = p;
		}
		if (eq)
			strbuf_addf(out, " %.*s", (int)(eq - start), start);
	}
}

/* "ext4:ext4_sync_fs+0" is in module ext4; NULL for the kernel. */
static char *location_module(const char *loc)
{
	const char *colon = strchr(loc, ':');

	return colon ? xstrndup(loc, (size_t)(colon - loc)) : NULL;
}

/* -m NAME or -m /path/NAME.ko (probe.c derived the name) is module @mod. */
static bool module_given(const struct probe_ctx *ctx, const char *mod)
{
	return ctx->ropts.module && !strcmp(ctx->ropts.module, mod);
}

/* Debuginfo for --list, or NULL: its absence is not an error here. */
static struct debuginfo *list_debuginfo(struct probe_ctx *ctx, bool *tried)
{
	struct probe_error err = { "" };
	struct debuginfo *di;

	if (*tried)
		return ctx->di_open ? &ctx->di : NULL;
	*tried = true;
	if (!ctx_debuginfo_quiet(ctx, ctx->verbose == 0, &di, &err))
		return di;
	if (ctx->verbose)
		fprintf(stderr, "No debuginfo, listing kernel locations: %s\n",
			err.msg);
	return NULL;
}

static void list_one(struct probe_ctx *ctx, const struct kevent *k,
		     const char *full, bool *tried)
{
	struct strbuf where = STRBUF_INIT, loc = STRBUF_INIT;
	struct strbuf names = STRBUF_INIT;
	char *mod;
	const char *args;
	struct debuginfo *di = NULL;
	bool ret = k->type == 'r';

	split_location(k->rest, &loc, &args);
	if (!loc.len)
		strbuf_adds(&loc, "?");
	mod = location_module(loc.buf);
	if (!mod || module_given(ctx, mod))
		di = list_debuginfo(ctx, tried);
	if (!di || describe_location(di, loc.buf, ret, &where)) {
		size_t n = loc.len;

		/* A return probe sits on the entry: "f+0" reads "f%return". */
		if (ret && n > 2 && !strcmp(loc.buf + n - 2, "+0"))
			n -= 2;
		strbuf_release(&where);
		strbuf_add(&where, mod ? strchr(loc.buf, ':') + 1 : loc.buf,
			   n - (mod ? strlen(mod) + 1 : 0));
		if (ret)
			strbuf_adds(&where, "%return");
	}
	add_arg_names(&names, args);
	printf("  %-30s (on %s%s%s%s%s)\n", full, where.buf, mod ? " in " : "",
	       mod ? mod : "", names.len ? " with" : "",
	       names.len ? names.buf : "");
	if (ctx->verbose)
		printf("      %s\n", k->line);
	free(mod);
	strbuf_release(&names);
	strbuf_release(&loc);
	strbuf_release(&where);
}

int cmd_list(struct probe_ctx *ctx, const char *filter)
{
	struct probe_error err = { "" };
	struct kevents ks;
	bool tried = false;
	size_t i;

	if (tracefs_ready(&err) || kevents_read(&ks, &err)) {
		report_error(&err);
		return 1;
	}
	for (i = 0; i < ks.n; i++) {
		const struct kevent *k = &ks.v[i];
		char full[512];

		snprintf(full, sizeof(full), "%s:%s", k->group, k->event);
		if (filter && fnmatch(filter, full, 0) && fnmatch(filter, k->event, 0))
			continue;
		list_one(ctx, k, full, &tried);
	}
	kevents_free(&ks);
	return 0;
}
