// SPDX-License-Identifier: GPL-2.0
/* probe --add / -D / --dry-run: specs to kprobe_events definitions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "definition.h"
#include "exec_target.h"
#include "probe.h"
#include "resolve.h"
#include "tracefs_io.h"

/* Names already used in the group, plus those this run adds. */
struct taken {
	char **v;
	size_t n;
};

static void taken_add(struct taken *t, const char *name)
{
	t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
	t->v[t->n++] = xstrdup(name);
}

static void taken_free(struct taken *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static int load_taken(const char *group, struct taken *t, struct probe_error *err)
{
	struct kevents ks;
	size_t i;

	if (kevents_read(&ks, err))
		return -1;
	for (i = 0; i < ks.n; i++)
		if (!strcmp(ks.v[i].group, group))
			taken_add(t, ks.v[i].event);
	kevents_free(&ks);
	return 0;
}

/*
 * Types the running kernel does not take are refused here, naming them,
 * rather than by the kernel's terse "bad type" (an older kernel may lack
 * ustring, symstr, %pd or arrays). @offered NULL: README unreadable.
 */
static int check_types(const struct resolved *r, const char *offered,
		       struct probe_error *err)
{
	size_t i, j;

	for (i = 0; offered && i < r->n; i++)
		for (j = 0; j < r->v[i].nargs; j++) {
			const char *t = r->v[i].args[j].type;

			if (t && !type_offered(t, offered))
				return perr(err, "The running kernel does not take type '%s' (its tracefs README offers: %s).",
					    t, offered);
		}
	return 0;
}

static int add_one(struct probe_ctx *ctx, struct debuginfo *di, const char *text,
		   bool definition_only, struct taken *taken, bool *tracefs_checked)
{
	const char *group;
	struct probe_error err = { "" };
	struct probe_spec spec;
	struct resolved r = { 0 };
	size_t i;
	int rc = 0;

	if (spec_parse(text, &spec, &err)) {
		report_error(&err);
		return -1;
	}
	group = spec.group ? spec.group : ctx_default_group(ctx);
	if (!definition_only && !*tracefs_checked) {
		if ((!ctx->dry_run && tracefs_ready(!!ctx->exec, &err)) ||
		    (!ctx->dry_run && load_taken(group, taken, &err))) {
			report_error(&err);
			spec_free(&spec);
			return -1;
		}
		*tracefs_checked = true;
	}
	if ((di->no_dwarf ? resolve_from_symbols(di, &spec, &ctx->ropts, &r, &err) :
			    resolve_spec(di, &spec, &ctx->ropts, &r, &err)) ||
	    (ctx->exec && exec_place_points(di, ctx->exec, &r, &err)) ||
	    (!definition_only && check_types(&r, ctx->readme_types, &err))) {
		report_error(&err);
		resolved_free(&r);
		spec_free(&spec);
		return -1;
	}
	for (i = 0; i < r.n && !rc; i++) {
		char *base = event_base_name(&spec, &r.v[i]), *name, *def;

		/* -D prints what perf prints: names before collision handling */
		name = definition_only ? xstrdup(base) :
		       event_unique_name(base, taken->v, taken->n,
					 ctx->force || i > 0, &err);
		free(base);
		if (!name) {
			report_error(&err);
			rc = -1;
			break;
		}
		def = definition_format(group, name, &r.v[i]);
		if (definition_only) {
			printf("%s\n", def);
		} else if (!ctx->dry_run && kevent_add(def, !!ctx->exec, &err)) {
			report_error(&err);
			rc = -1;
		} else {
			taken_add(taken, name);
			if (!ctx->quiet)
				printf("Added new event%s:\n  %s:%s\t(on %s)\n%s%s",
				       ctx->dry_run ? " (dry run)" : "", group, name, text,
				       ctx->verbose ? def : "", ctx->verbose ? "\n" : "");
		}
		free(name);
		free(def);
	}
	if (!rc && !definition_only && !ctx->quiet && r.n)
		printf("\nRecord it with:\n\n\tprobe record -e %s:%s -- COMMAND\n\n",
		       group, taken->v[taken->n - 1]);
	resolved_free(&r);
	spec_free(&spec);
	return rc;
}

int cmd_add(struct probe_ctx *ctx, const struct str_list *specs,
	    bool definition_only)
{
	struct taken taken = { 0 };
	struct debuginfo *di;
	bool checked = false;
	size_t i;
	int rc = 0;

	ctx->symbols_ok = true;	/* FUNC[+OFF][%return] needs no DWARF */
	if (ctx_debuginfo(ctx, &di))
		return 1;
	if (!definition_only)
		ctx->readme_types = tracefs_readme_types();
	for (i = 0; i < specs->n; i++)
		if (add_one(ctx, di, specs->v[i], definition_only, &taken, &checked))
			rc = 1;
	taken_free(&taken);
	free(ctx->readme_types);
	ctx->readme_types = NULL;
	return rc;
}
