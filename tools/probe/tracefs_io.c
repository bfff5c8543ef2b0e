// SPDX-License-Identifier: GPL-2.0
#include "tracefs_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tracefs.h>
#include <unistd.h>

int tracefs_ready(struct probe_error *err)
{
	const char *dir;
	char path[4096];

	if (geteuid() != 0) {
		perr(err, "Writing kprobe_events needs root.");
		perr_hint(err, "Run probe with sudo, or use -D/--definition to only print the definitions.");
		return -1;
	}
	dir = tracefs_tracing_dir();
	if (!dir) {
		perr(err, "tracefs is not mounted.");
		perr_hint(err, "Mount it: mount -t tracefs nodev /sys/kernel/tracing");
		return -1;
	}
	snprintf(path, sizeof(path), "%s/kprobe_events", dir);
	if (access(path, F_OK)) {
		perr(err, "%s does not exist: this kernel has no kprobe events.", path);
		perr_hint(err, "Enable CONFIG_KPROBE_EVENTS (or this project's dprobes) in the kernel.");
		return -1;
	}
	return 0;
}

int kevents_read(struct kevents *out, struct probe_error *err)
{
	char *path = tracefs_instance_get_file(NULL, "kprobe_events");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f;

	memset(out, 0, sizeof(*out));
	f = path ? fopen(path, "r") : NULL;
	if (!f) {
		perr(err, "Cannot read %s: %s.", path ? path : "kprobe_events",
		     strerror(errno));
		tracefs_put_tracing_file(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	tracefs_put_tracing_file(path);
	kevents_parse(sb.buf ? sb.buf : "", out);
	strbuf_release(&sb);
	return 0;
}

static int write_line(const char *line, struct probe_error *err)
{
	char *klog;
	int saved;

	if (tracefs_instance_file_append(NULL, "kprobe_events", line) >= 0)
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

int kevent_add(const char *definition, struct probe_error *err)
{
	return write_line(definition, err);
}

int kevent_del(const char *group, const char *event, struct probe_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addf(&sb, "-:%s/%s", group, event);
	rc = write_line(sb.buf, err);
	strbuf_release(&sb);
	return rc;
}
