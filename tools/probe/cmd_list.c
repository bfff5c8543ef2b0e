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

/* The binaries of uprobe events, each opened once for the whole list. */
struct user_bins {
	char **path;
	struct debuginfo *di;	/* di[i].dwfl NULL: could not be opened */
	size_t n;
};

static struct debuginfo *user_debuginfo(struct user_bins *ub, const char *path)
{
	struct probe_error err = { "" };
	size_t i;

	for (i = 0; i < ub->n; i++)
		if (!strcmp(ub->path[i], path))
			return ub->di[i].dwfl ? &ub->di[i] : NULL;
	ub->path = xrealloc(ub->path, (ub->n + 1) * sizeof(*ub->path));
	ub->di = xrealloc(ub->di, (ub->n + 1) * sizeof(*ub->di));
	ub->path[ub->n] = xstrdup(path);
	if (debuginfo_open_symbols(&ub->di[ub->n], path, &err))
		memset(&ub->di[ub->n], 0, sizeof(ub->di[ub->n]));
	else
		ub->di[ub->n].user = true;
	return ub->di[ub->n].dwfl ? &ub->di[ub->n++] : (ub->n++, NULL);
}

static void user_bins_free(struct user_bins *ub)
{
	size_t i;

	for (i = 0; i < ub->n; i++) {
		if (ub->di[i].dwfl)
			debuginfo_close(&ub->di[i]);
		free(ub->path[i]);
	}
	free(ub->path);
	free(ub->di);
}

/*
 * A uprobe_events location "PATH:0xOFFSET" as "FUNC@FILE in PATH" from the
 * binary's DWARF, else "FUNC+OFF in PATH" from its symbols, else as is.
 */
static void describe_user(struct user_bins *ub, const char *loc, bool ret,
			  struct strbuf *where, char **in)
{
	const char *colon = strrchr(loc, ':'), *sym;
	unsigned long long foff;
	unsigned long off;
	struct debuginfo *di;
	Dwarf_Addr addr;
	char *end;

	*in = colon ? xstrndup(loc, (size_t)(colon - loc)) : xstrdup(loc);
	foff = colon ? strtoull(colon + 1, &end, 16) : 0;
	di = colon && !*end ? user_debuginfo(ub, *in) : NULL;
	if (di && !debuginfo_offset_addr(di, foff, &addr)) {
		if (!di->no_dwarf && !describe_address(di, addr, ret, where))
			return;
		if (!debuginfo_addr_symbol(di, addr, &sym, &off)) {
			strbuf_addf(where, "%s+%lu%s", sym, off, ret ? "%return" : "");
			return;
		}
	}
	strbuf_addf(where, "%s%s", colon ? colon + 1 : loc, ret ? "%return" : "");
}

/*
 * A kprobe_events location "[MOD:]SYM+OFF" from the kernel's (or -m's)
 * DWARF, else as the kernel wrote it; *@mod gets the module, if any.
 */
static void describe_kernel(struct probe_ctx *ctx, const struct strbuf *loc,
			    bool ret, bool *tried, struct strbuf *where,
			    char **mod)
{
	struct debuginfo *di = NULL;
	size_t n = loc->len;

	*mod = location_module(loc->buf);
	if (!ctx->exec && (!*mod || module_given(ctx, *mod)))
		di = list_debuginfo(ctx, tried);
	if (di && !describe_location(di, loc->buf, ret, where))
		return;
	/* A return probe sits on the entry: "f+0" reads "f%return". */
	if (ret && n > 2 && !strcmp(loc->buf + n - 2, "+0"))
		n -= 2;
	strbuf_release(where);
	strbuf_add(where, *mod ? strchr(loc->buf, ':') + 1 : loc->buf,
		   n - (*mod ? strlen(*mod) + 1 : 0));
	if (ret)
		strbuf_adds(where, "%return");
}

static void list_one(struct probe_ctx *ctx, const struct kevent *k,
		     const char *full, bool *tried, struct user_bins *ub)
{
	struct strbuf where = STRBUF_INIT, loc = STRBUF_INIT;
	struct strbuf names = STRBUF_INIT;
	const char *args;
	bool ret = k->type == 'r';
	char *in;

	split_location(k->rest, &loc, &args);
	if (!loc.len)
		strbuf_adds(&loc, "?");
	if (k->user)
		describe_user(ub, loc.buf, ret, &where, &in);
	else
		describe_kernel(ctx, &loc, ret, tried, &where, &in);
	add_arg_names(&names, args);
	printf("  %-30s (on %s%s%s%s%s)\n", full, where.buf, in ? " in " : "",
	       in ? in : "", names.len ? " with" : "",
	       names.len ? names.buf : "");
	if (ctx->verbose)
		printf("      %s\n", k->line);
	free(in);
	strbuf_release(&names);
	strbuf_release(&loc);
	strbuf_release(&where);
}

int cmd_list(struct probe_ctx *ctx, const char *filter)
{
	struct probe_error err = { "" };
	struct user_bins ub = { 0 };
	struct kevents ks;
	bool tried = false;
	size_t i;

	if (tracefs_ready_any(&err) || kevents_read(&ks, &err)) {
		report_error(&err);
		return 1;
	}
	for (i = 0; i < ks.n; i++) {
		const struct kevent *k = &ks.v[i];
		char full[512];

		snprintf(full, sizeof(full), "%s:%s", k->group, k->event);
		if (filter && fnmatch(filter, full, 0) && fnmatch(filter, k->event, 0))
			continue;
		list_one(ctx, k, full, &tried, &ub);
	}
	user_bins_free(&ub);
	kevents_free(&ks);
	return 0;
}
