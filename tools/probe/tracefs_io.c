// SPDX-License-Identifier: GPL-2.0
#include "tracefs_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tracefs.h>
#include <unistd.h>

static const char *events_file(bool user)
{
	return user ? "uprobe_events" : "kprobe_events";
}

/* Root and a mounted tracefs: the tracing directory, or NULL with @err. */
static const char *tracing_dir(bool user, struct probe_error *err)
{
	const char *dir;

	if (geteuid() != 0) {
		perr(err, "Writing %s needs root.", events_file(user));
		perr_hint(err, "Run probe with sudo, or use -D/--definition to only print the definitions.");
		return NULL;
	}
	dir = tracefs_tracing_dir();
	if (!dir) {
		perr(err, "tracefs is not mounted.");
		perr_hint(err, "Mount it: mount -t tracefs nodev /sys/kernel/tracing");
	}
	return dir;
}

static bool has_file(const char *dir, bool user)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, events_file(user));
	return access(path, F_OK) == 0;
}

int tracefs_ready(bool user, struct probe_error *err)
{
	const char *dir = tracing_dir(user, err);

	if (!dir)
		return -1;
	if (has_file(dir, user))
		return 0;
	perr(err, "%s/%s does not exist: this kernel has no %s events.", dir,
	     events_file(user), user ? "uprobe" : "kprobe");
	perr_hint(err, user ? "Enable CONFIG_UPROBE_EVENTS in the kernel." :
		  "Enable CONFIG_KPROBE_EVENTS (or this project's dprobes) in the kernel.");
	return -1;
}

int tracefs_ready_any(struct probe_error *err)
{
	const char *dir = tracing_dir(false, err);

	if (!dir)
		return -1;
	if (has_file(dir, false) || has_file(dir, true))
		return 0;
	perr(err, "%s has neither kprobe_events nor uprobe_events: this kernel has no probe events.",
	     dir);
	perr_hint(err, "Enable CONFIG_KPROBE_EVENTS or CONFIG_UPROBE_EVENTS in the kernel.");
	return -1;
}

/* Appends the events of one file; a file the kernel lacks has none. */
static int read_file(bool user, struct kevents *out, struct probe_error *err)
{
	char *path = tracefs_instance_get_file(NULL, events_file(user));
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f;

	f = path ? fopen(path, "r") : NULL;
	if (!f) {
		int saved = errno;

		tracefs_put_tracing_file(path);
		if (saved == ENOENT)
			return 0;
		return perr(err, "Cannot read %s: %s.", events_file(user),
			    strerror(saved));
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	tracefs_put_tracing_file(path);
	kevents_parse(sb.buf ? sb.buf : "", user, out);
	strbuf_release(&sb);
	return 0;
}

int kevents_read(struct kevents *out, struct probe_error *err)
{
	memset(out, 0, sizeof(*out));
	if (read_file(false, out, err) || read_file(true, out, err)) {
		kevents_free(out);
		return -1;
	}
	return 0;
}

char *tracefs_readme_types(void)
{
	char *readme = tracefs_instance_file_read(NULL, "README", NULL);
	struct strbuf sb = STRBUF_INIT;
	const char *p, *line;

	p = readme ? strstr(readme, " type: ") : NULL;
	if (!p) {
		free(readme);
		return NULL;
	}
	/* "type: s8/16/32/64, ..." and its deeper-indented continuation lines */
	for (line = p + 7; line && *line; ) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		strbuf_add(&sb, line, n);
		strbuf_adds(&sb, " ");
		line = nl ? nl + 1 : NULL;
		if (!line || strspn(line, " \t") < 10)	/* the next key */
			break;
	}
	free(readme);
	return strbuf_detach(&sb);
}

static int write_line(bool user, const char *line, struct probe_error *err)
{
	char *klog;
	int saved;

	if (tracefs_instance_file_append(NULL, events_file(user), line) >= 0)
		return 0;
	saved = errno;
	perr(err, "The kernel refused '%s': %s.", line, strerror(saved));
	klog = tracefs_error_last(NULL);
	if (klog) {
		perr_hint(err, "error_log: %s", klog);
		free(klog);
	}
	return -1;
}

int kevent_add(const char *definition, bool user, struct probe_error *err)
{
	return write_line(user, definition, err);
}

int kevent_del(const struct kevent *k, struct probe_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addf(&sb, "-:%s/%s", k->group, k->event);
	rc = write_line(k->user, sb.buf, err);
	strbuf_release(&sb);
	return rc;
}
