// SPDX-License-Identifier: GPL-2.0
/* A sorted symbol index with running maximum ends for containment queries. */
#include "sym_ranges.h"

#include <gelf.h>
#include <stdlib.h>

#include "strbuf.h"

static int by_addr(const void *a, const void *b)
{
	const Dwarf_Addr *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

static int by_start(const void *a, const void *b)
{
	const struct sym_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->index - y->index;
}

void sym_ranges_build(Dwfl_Module *mod, Dwarf_Addr bias, struct sym_ranges *out)
{
	int i, n = dwfl_module_getsymtab(mod);
	Dwarf_Addr reach = 0;
	size_t k;

	out->v = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*out->v));
	out->labels = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*out->labels));
	out->n = 0;
	out->nlabels = 0;
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr value;
		const char *name;
		int type;

		name = dwfl_module_getsym_info(mod, i, &sym, &value, NULL, NULL, NULL);
		type = GELF_ST_TYPE(sym.st_info);
		if (!name || !*name || sym.st_shndx == SHN_UNDEF ||
		    type == STT_SECTION || type == STT_FILE || type == STT_TLS)
			continue;
		if (!sym.st_size) {
			out->labels[out->nlabels++] = value - bias;
			continue;
		}
		out->v[out->n++] = (struct sym_range) {
			.start = value - bias, .end = value - bias + sym.st_size,
			.name = name, .bind = GELF_ST_BIND(sym.st_info), .index = i,
		};
	}
	qsort(out->v, out->n, sizeof(*out->v), by_start);
	qsort(out->labels, out->nlabels, sizeof(*out->labels), by_addr);
	for (k = 0; k < out->n; k++) {
		if (out->v[k].end > reach)
			reach = out->v[k].end;
		out->v[k].reach = reach;
	}
}

void sym_ranges_free(struct sym_ranges *r)
{
	free(r->v);
	free(r->labels);
	r->v = NULL;
	r->labels = NULL;
	r->n = 0;
	r->nlabels = 0;
}

/* Is there a sizeless symbol in [@lo, @hi]? */
static bool label_between(const struct sym_ranges *r, Dwarf_Addr lo,
			  Dwarf_Addr hi)
{
	size_t a = 0, b = r->nlabels;

	while (a < b) {	/* first label at or above @lo */
		size_t mid = a + (b - a) / 2;

		if (r->labels[mid] < lo)
			a = mid + 1;
		else
			b = mid;
	}
	return a < r->nlabels && r->labels[a] <= hi;
}

/* libdwfl's preference among bindings: global, then weak, then local. */
static int bind_rank(int bind)
{
	return bind == STB_GLOBAL || bind == STB_GNU_UNIQUE ? 2 :
	       bind == STB_WEAK ? 1 : 0;
}

/* Is @c a better name for the address than @best (both contain it)? */
static bool better(const struct sym_range *c, const struct sym_range *best)
{
	if (c->start != best->start)
		return c->start > best->start;
	if (bind_rank(c->bind) != bind_rank(best->bind))
		return bind_rank(c->bind) > bind_rank(best->bind);
	if (c->end != best->end)
		return c->end < best->end;
	return c->index < best->index;
}

const struct sym_range *sym_ranges_lookup(const struct sym_ranges *r,
					  Dwarf_Addr addr)
{
	const struct sym_range *best = NULL;
	size_t lo = 0, hi = r->n;

	while (lo < hi) {	/* first entry starting above @addr */
		size_t mid = lo + (hi - lo) / 2;

		if (r->v[mid].start <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* walk down while some entry at or below could still reach @addr */
	while (lo > 0 && r->v[lo - 1].reach > addr) {
		const struct sym_range *c = &r->v[--lo];

		if (addr < c->end && (!best || better(c, best)))
			best = c;
	}
	return best && !label_between(r, best->start, addr) ? best : NULL;
}
