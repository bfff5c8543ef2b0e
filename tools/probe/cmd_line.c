// SPDX-License-Identifier: GPL-2.0
/* probe --line FUNC[:RANGE] | FILE:RANGE: source with probe-able lines. */
#include <dwarf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "func_find.h"
#include "line_walk.h"
#include "probe.h"
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

static int show(struct probe_ctx *ctx, const char *file, Dwarf_Die *cu,
		Dwarf_Die *fn, const struct line_range *lr)
{
	struct probe_error err = { "" };
	struct probeable p = { file, *cu, NULL, 0, 0 };
	struct source_file sf;
	int decl = 0, start, end, i;

	if (source_file_load(&sf, file, comp_dir(cu), ctx->ropts.source_dir, &err)) {
		report_error(&err);
		return 1;
	}
	p.n = sf.n + 2;
	p.ok = xcalloc(p.n, sizeof(bool));
	if (fn) {
		dwarf_decl_line(fn, &decl);
		walk_function_lines(fn, mark, &p);
		start = decl + lr->start;
		end = lr->end == INT_MAX ? p.max_line + 1 : decl + lr->end;
		printf("<%s@%s:%d>\n", dwarf_diename(fn), file, lr->start);
	} else {
		walk_cu_lines(cu, mark, &p);
		start = lr->start ? lr->start : 1;
		end = lr->end == INT_MAX ? (int)sf.n : lr->end;
		printf("<%s:%d>\n", file, start);
	}
	for (i = start; i <= end && i >= 1 && (size_t)i <= sf.n; i++) {
		if (p.ok[i])
			printf("%7d  %s\n", i - decl, sf.lines[i - 1]);
		else
			printf("         %s\n", sf.lines[i - 1]);
	}
	free(p.ok);
	source_file_free(&sf);
	return 0;
}

int cmd_line(struct probe_ctx *ctx, const char *text)
{
	struct probe_error err = { "" };
	struct line_range lr;
	struct debuginfo *di;
	struct func_sites fs;
	Dwarf_Off off = 0;
	Dwarf_Die cu;
	int rc = 1;

	if (line_range_parse(text, &lr, &err)) {
		report_error(&err);
		return 1;
	}
	if (ctx_debuginfo(ctx, &di)) {
		line_range_free(&lr);
		return 1;
	}
	if (lr.function) {
		func_find(di, lr.function, lr.file, false, &fs);
		if (fs.ndefs) {
			Dwarf_Die *fn = fs.n ? &fs.v[0].die : &fs.defs[0].die;
			const char *file = dwarf_decl_file(fn);

			rc = file ? show(ctx, file, fs.n ? &fs.v[0].cu : &fs.defs[0].cu,
					 fn, &lr) : 1;
		} else {
			fprintf(stderr, "Error: Function '%s' not found.\n", lr.function);
		}
		func_sites_free(&fs);
	} else {
		while (debuginfo_next_cu(di, &off, &cu) == 0) {
			const char *full = cu_find_file(&cu, lr.file);

			if (full) {
				rc = show(ctx, full, &cu, NULL, &lr);
				break;
			}
		}
		if (rc)
			fprintf(stderr, "Error: Source file '%s' not found in the debug information.\n",
				lr.file);
	}
	line_range_free(&lr);
	return rc;
}
