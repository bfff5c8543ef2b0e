// SPDX-License-Identifier: GPL-2.0
#include "source_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_lines(struct source_file *sf, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		sf->lines = xrealloc(sf->lines, (sf->n + 1) * sizeof(*sf->lines));
		sf->lines[sf->n++] = xstrdup(line);
	}
	free(line);
	fclose(f);
	sf->path = xstrdup(path);
	return 0;
}

static int try_path(struct source_file *sf, struct strbuf *tried,
		    const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (a)
		strbuf_addf(&sb, "%s/", a);
	strbuf_adds(&sb, b);
	rc = read_lines(sf, sb.buf);
	if (rc)
		strbuf_addf(tried, "\n  %s", sb.buf);
	strbuf_release(&sb);
	return rc;
}

int source_file_load(struct source_file *sf, const char *name,
		     const char *comp_dir, const char *source_dir,
		     struct probe_error *err)
{
	struct strbuf tried = STRBUF_INIT;
	const char *rel = name;
	size_t n;

	memset(sf, 0, sizeof(*sf));
	if (comp_dir && name[0] == '/') {
		n = strlen(comp_dir);
		if (!strncmp(name, comp_dir, n) && name[n] == '/')
			rel = name + n + 1;
	}
	if (source_dir) {
		const char *p = rel;

		/* Drop leading directories until the file is found. */
		while (p) {
			if (!try_path(sf, &tried, source_dir, p))
				goto found;
			p = strchr(p, '/');
			if (p)
				p++;
		}
	}
	if (name[0] == '/' ? !try_path(sf, &tried, NULL, name) :
	    (comp_dir && !try_path(sf, &tried, comp_dir, name)))
		goto found;
	perr(err, "Cannot read the source file %s. Tried:%s", name,
	     tried.buf ? tried.buf : "");
	perr_hint(err, "Point at the source tree with -s DIR (Debian: the linux-source package unpacked).");
	strbuf_release(&tried);
	return -1;
found:
	strbuf_release(&tried);
	return 0;
}

void source_file_free(struct source_file *sf)
{
	size_t i;

	for (i = 0; i < sf->n; i++)
		free(sf->lines[i]);
	free(sf->lines);
	free(sf->path);
	memset(sf, 0, sizeof(*sf));
}
