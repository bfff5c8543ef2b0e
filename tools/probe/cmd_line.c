// SPDX-License-Identifier: GPL-2.0
/* probe --line FUNC[:RANGE] | FILE:RANGE: source with probe-able lines. */
#include <dwarf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "func_find.h"
#include "line_view.h"
#include "line_walk.h"
#include "probe.h"

static int show(struct probe_ctx *ctx, const char *file, Dwarf_Die *cu,
		Dwarf_Die *fn, const struct line_range *lr)
{
	struct probe_error err = { "" };
	struct strbuf sb = STRBUF_INIT;
	int start = lr->start, end = lr->end;

	if (!fn && !start)
		start = 1;
	if (line_view(cu, file, fn, start, end, ctx->ropts.source_dir, &sb, &err)) {
		report_error(&err);
		return 1;
	}
	if (fn)
		printf("<%s@%s:%d>\n", dwarf_diename(fn), file, lr->start);
	else
		printf("<%s:%d>\n", file, start);
	fputs(sb.buf ? sb.buf : "", stdout);
	strbuf_release(&sb);
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
			/* the out-of-line body when there is one */
			size_t k = 0;
			Dwarf_Die *fn, *cu;
			const char *file;

			while (k < fs.n && fs.v[k].inlined)
				k++;
			if (k == fs.n)
				k = 0;
			fn = fs.n ? &fs.v[k].die : &fs.defs[0].die;
			cu = fs.n ? &fs.v[k].cu : &fs.defs[0].cu;
			file = dwarf_decl_file(fn);
			rc = file ? show(ctx, file, cu, fn, &lr) : 1;
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
