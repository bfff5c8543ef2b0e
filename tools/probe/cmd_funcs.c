// SPDX-License-Identifier: GPL-2.0
/* probe --funcs [FILTER]: function symbols, sorted, without duplicates. */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe.h"

struct names {
	const char *filter;
	const char **v;
	size_t n;
};

static int collect(const char *name, Dwarf_Addr addr, void *data)
{
	struct names *ns = data;

	(void)addr;
	if (ns->filter ? fnmatch(ns->filter, name, 0) != 0 : name[0] == '_')
		return 0;	/* default: hide internal "_*" names, like perf */
	ns->v = xrealloc(ns->v, (ns->n + 1) * sizeof(*ns->v));
	ns->v[ns->n++] = name;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cmd_funcs(struct probe_ctx *ctx, const char *filter)
{
	struct names ns = { filter, NULL, 0 };
	struct debuginfo *di;
	size_t i;

	ctx->symbols_ok = !!ctx->exec;	/* a program's symbols will do */
	if (ctx_debuginfo(ctx, &di))
		return 1;
	debuginfo_for_each_function(di, collect, &ns);
	qsort(ns.v, ns.n, sizeof(*ns.v), by_name);
	for (i = 0; i < ns.n; i++)
		if (!i || strcmp(ns.v[i], ns.v[i - 1]))
			printf("%s\n", ns.v[i]);
	free(ns.v);
	return 0;
}
