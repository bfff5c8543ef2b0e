// SPDX-License-Identifier: GPL-2.0
/* probe -x: finding the binary, naming its group, placing its probes. */
#include "exec_target.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *absolute(const char *path, struct probe_error *err)
{
	char *real = realpath(path, NULL);
	struct stat st;

	if (!real) {
		perr(err, "%s: %s.", path, strerror(errno));
		return NULL;
	}
	if (stat(real, &st) || !S_ISREG(st.st_mode)) {
		perr(err, "%s is not a regular file.", path);
		free(real);
		return NULL;
	}
	if (strpbrk(real, " \t\n")) {	/* the kernel splits definitions there */
		perr(err, "'%s': uprobe_events cannot name a file whose path has white space.",
		     real);
		perr_hint(err, "Copy or hard-link it to a path without, and probe that.");
		free(real);
		return NULL;
	}
	return real;
}

char *exec_resolve(const char *arg, struct probe_error *err)
{
	const char *path = getenv("PATH"), *p;
	struct strbuf sb = STRBUF_INIT;
	char *found;

	if (!*arg) {
		perr(err, "-x needs a program or library path.");
		return NULL;
	}
	if (strchr(arg, '/'))
		return absolute(arg, err);
	/* a bare name: the program a shell would run, as `which` finds it */
	for (p = path ? path : ""; *p; p += strcspn(p, ":"), p += *p == ':') {
		size_t n = strcspn(p, ":");

		sb.len = 0;
		strbuf_addf(&sb, "%.*s/%s", (int)n, n ? p : ".", arg);
		if (access(sb.buf, X_OK) == 0) {
			found = absolute(sb.buf, err);
			strbuf_release(&sb);
			return found;
		}
	}
	strbuf_release(&sb);
	perr(err, "%s: no such file, and no program of that name in $PATH.", arg);
	perr_hint(err, "Give the path of the program or library, e.g. -x /lib/x86_64-linux-gnu/libc.so.6.");
	return NULL;
}

char *exec_group(const char *path)
{
	const char *base = strrchr(path, '/');
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0;

	base = base ? base + 1 : path;
	while (isalnum((unsigned char)base[n]) || base[n] == '_')
		n++;
	strbuf_adds(&sb, "probe_");
	strbuf_add(&sb, base, n);
	return strbuf_detach(&sb);
}

int exec_place_points(struct debuginfo *di, const char *exec,
		      struct resolved *r, struct probe_error *err)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		struct probe_point *pt = &r->v[i];

		if (debuginfo_file_offset(di, pt->address, &pt->file_offset))
			return perr(err, "%s+%lu (0x%" PRIx64 ") is in no loadable segment of %s: it cannot be probed.",
				    pt->symbol, pt->offset, (uint64_t)pt->address, exec);
		free(pt->exec);
		pt->exec = xstrdup(exec);
	}
	return 0;
}
