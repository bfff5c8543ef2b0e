// SPDX-License-Identifier: GPL-2.0
#include "line_view.h"

#include <dwarf.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "func_find.h"
#include "line_walk.h"
#include "source_file.h"

struct probeable {
	const char *file;	/* tail to match */
	Dwarf_Die cu;
	bool *ok;		/* ok[line] */
	size_t n;
	int max_line;
};

static int mark(const char *file, int line, Dwarf_Addr addr, void *data)
{
	struct probeable *p = data;
	const char *rfile;
	int rline;

	if (!file || !path_tail_match(file, p->file) || line <= 0 ||
	    (size_t)line >= p->n)
		return 0;
	/* Same test as probing: the address must map back to this line. */
	if (line_at(&p->cu, addr, &rfile, &rline) == 0 &&
	    !strcmp(rfile, file) && rline != line)
		return 0;
	p->ok[line] = true;
	if (line > p->max_line)
		p->max_line = line;
	return 0;
}

static const char *comp_dir(Dwarf_Die *cu)
{
	Dwarf_Attribute attr;

	return dwarf_formstring(dwarf_attr(cu, DW_AT_comp_dir, &attr));
}

int line_view(Dwarf_Die *cu, const char *file, Dwarf_Die *fn, int start,
	      int end, const char *source_dir, struct strbuf *out,
	      struct probe_error *err)
{
	struct probeable p = { file, *cu, NULL, 0, 0 };
	struct source_file sf;
	int decl = 0, i;

	if (source_file_load(&sf, file, comp_dir(cu), source_dir, err))
		return -1;
	p.n = sf.n + 2;
	p.ok = xcalloc(p.n, sizeof(bool));
	if (fn) {
		dwarf_decl_line(fn, &decl);
		walk_function_lines(fn, mark, &p);
		if (end == INT_MAX || decl + end > p.max_line + 1)
			end = p.max_line + 1 - decl;
	} else {
		walk_cu_lines(cu, mark, &p);
	}
	for (i = decl + start; i <= decl + end && (size_t)i <= sf.n; i++) {
		if (i < 1)
			continue;
		if (p.ok[i])
			strbuf_addf(out, "%7d  %s\n", i - decl, sf.lines[i - 1]);
		else
			strbuf_addf(out, "         %s\n", sf.lines[i - 1]);
	}
	free(p.ok);
	source_file_free(&sf);
	return 0;
}
