// SPDX-License-Identifier: GPL-2.0
/* probe --vars SPEC [--externs]: what can be fetched at each probe point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch_expr.h"
#include "func_find.h"
#include "probe.h"
#include "resolve.h"
#include "type_info.h"
#include "var_find.h"

struct var_lines {
	struct fetch_ctx *ctx;
	char **v;
	size_t n;
};

static void add_var(Dwarf_Die *var, void *data)
{
	struct var_lines *vl = data;
	struct strbuf sb = STRBUF_INIT;
	char *t;

	if (!fetch_available(vl->ctx, var))
		return;
	t = type_name(var);
	strbuf_addf(&sb, "%s\t%s", t, dwarf_diename(var));
	free(t);
	vl->v = xrealloc(vl->v, (vl->n + 1) * sizeof(*vl->v));
	vl->v[vl->n++] = strbuf_detach(&sb);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show_place(struct probe_ctx *ctx, struct debuginfo *di,
		       struct place *pl)
{
	struct fetch_ctx fctx = { .di = di, .addr = pl->addr };
	struct var_lines vl = { &fctx, NULL, 0 };
	const char *sym = "?";
	unsigned long off = 0;
	size_t i;

	debuginfo_addr_symbol(di, pl->addr, &sym, &off);
	if (func_at(&pl->cu, pl->addr, NULL, &fctx.func))
		fctx.func = pl->scope;
	fctx.func_high = pl->addr;
	var_each(&pl->scope, pl->addr, false, add_var, &vl);
	if (ctx->externs)
		var_each_global(&pl->cu, add_var, &vl);
	qsort(vl.v, vl.n, sizeof(*vl.v), by_text);
	printf("\t@<%s+%lu>\n", sym, off);
	for (i = 0; i < vl.n; i++)
		if (!i || strcmp(vl.v[i], vl.v[i - 1]))
			printf("\t\t%s\n", vl.v[i]);
	for (i = 0; i < vl.n; i++)
		free(vl.v[i]);
	if (!vl.n)
		printf("\t\t(No matched variables)\n");
	free(vl.v);
}

int cmd_vars(struct probe_ctx *ctx, const char *text)
{
	struct probe_error err = { "" };
	struct probe_spec spec;
	struct debuginfo *di;
	struct places pl;
	size_t i;
	char *point;

	if (spec_parse(text, &spec, &err)) {
		report_error(&err);
		return 1;
	}
	if (spec.retprobe) {
		fprintf(stderr, "Error: --vars does not apply to %%return: a return probe only sees $retval.\n");
		spec_free(&spec);
		return 1;
	}
	if (ctx_debuginfo(ctx, &di) || find_places(di, &spec, &ctx->ropts, &pl, &err)) {
		if (err.msg[0])
			report_error(&err);
		spec_free(&spec);
		return 1;
	}
	if (!pl.n) {
		explain_no_places(di, &spec, &ctx->ropts, &err);
		report_error(&err);
		places_free(&pl);
		spec_free(&spec);
		return 1;
	}
	point = xstrndup(text, strcspn(text, " \t"));
	printf("Available variables at %s\n", point);
	for (i = 0; i < pl.n; i++)
		show_place(ctx, di, &pl.v[i]);
	free(point);
	places_free(&pl);
	spec_free(&spec);
	return 0;
}
