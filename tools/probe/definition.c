// SPDX-License-Identifier: GPL-2.0
/* kprobe_events definition text and event names. */
#include "definition.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void probe_point_add_arg(struct probe_point *pt, const char *name,
			 const char *expr, const char *type)
{
	struct fetch_arg *a;

	pt->args = xrealloc(pt->args, (pt->nargs + 1) * sizeof(*pt->args));
	a = &pt->args[pt->nargs++];
	a->name = name ? xstrdup(name) : NULL;
	a->expr = expr ? xstrdup(expr) : NULL;
	a->type = type ? xstrdup(type) : NULL;
}

bool probe_point_has_arg(const struct probe_point *pt, const char *name)
{
	size_t i;

	for (i = 0; i < pt->nargs; i++)
		if (pt->args[i].name && !strcmp(pt->args[i].name, name))
			return true;
	return false;
}

void probe_point_free(struct probe_point *pt)
{
	size_t i;

	for (i = 0; i < pt->nargs; i++) {
		free(pt->args[i].name);
		free(pt->args[i].expr);
		free(pt->args[i].type);
	}
	free(pt->args);
	free(pt->module);
	free(pt->exec);
	free(pt->symbol);
	free(pt->function);
	memset(pt, 0, sizeof(*pt));
}

char *definition_format(const char *group, const char *event,
			const struct probe_point *pt)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addf(&sb, "%c:%s/%s ", pt->retprobe ? 'r' : 'p',
		    group ? group : PROBE_DEFAULT_GROUP, event);
	if (pt->exec)
		strbuf_addf(&sb, "%s:0x%" PRIx64, pt->exec, pt->file_offset);
	else if (pt->module)
		strbuf_addf(&sb, "%s:%s+%lu", pt->module, pt->symbol, pt->offset);
	else
		strbuf_addf(&sb, "%s+%lu", pt->symbol, pt->offset);
	for (i = 0; i < pt->nargs; i++) {
		const struct fetch_arg *a = &pt->args[i];

		strbuf_adds(&sb, " ");
		if (a->name)
			strbuf_addf(&sb, "%s=", a->name);
		strbuf_adds(&sb, a->expr);
		if (a->type)
			strbuf_addf(&sb, ":%s", a->type);
	}
	return strbuf_detach(&sb);
}

char *event_base_name(const struct probe_spec *spec,
		      const struct probe_point *pt)
{
	struct strbuf sb = STRBUF_INIT;
	const char *fn;
	size_t n;

	if (spec->event) {	/* perf keeps "__return" even on given names */
		strbuf_adds(&sb, spec->event);
		if (spec->retprobe)
			strbuf_adds(&sb, "__return");
		return strbuf_detach(&sb);
	}
	fn = spec->function ? spec->function : pt->function;
	if (!fn)
		fn = pt->symbol;
	n = strcspn(fn, ".@");
	strbuf_add(&sb, fn, n);
	if (spec->function && spec->has_line)
		strbuf_addf(&sb, "_L%d", spec->line);
	if (spec->retprobe)
		strbuf_adds(&sb, "__return");
	return strbuf_detach(&sb);
}

static bool is_taken(const char *name, char *const *taken, size_t ntaken)
{
	size_t i;

	for (i = 0; i < ntaken; i++)
		if (!strcmp(taken[i], name))
			return true;
	return false;
}

char *event_unique_name(const char *base, char *const *taken, size_t ntaken,
			bool allow_suffix, struct probe_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	if (!is_taken(base, taken, ntaken))
		return xstrdup(base);
	if (!allow_suffix) {
		perr(err, "Event \"%s\" already exists.", base);
		perr_hint(err, "Remove it with 'probe --del %s', or add another one with --force (it gets a _N suffix).",
			  base);
		return NULL;
	}
	for (i = 1; i < PROBE_MAX_EVENT_INDEX; i++) {
		sb.len = 0;
		strbuf_addf(&sb, "%s_%d", base, i);
		if (!is_taken(sb.buf, taken, ntaken))
			return strbuf_detach(&sb);
	}
	strbuf_release(&sb);
	perr(err, "Too many events named %s_N: delete some with 'probe --del'.", base);
	return NULL;
}
