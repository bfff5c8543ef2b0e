// SPDX-License-Identifier: GPL-2.0
/* probe record: enable events, run or wait, save the raw records. */
#include <errno.h>
#include <event-parse.h>
#include <fnmatch.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <tracefs.h>
#include <unistd.h>

#include "probe.h"
#include "record_file.h"
#include "tracefs_io.h"

static const char usage[] = {
	"probe record [-e GROUP:EVENT]... [--filter EXPR] [-o FILE] [--duration SECS] [-- COMMAND [ARGS...]]"
};

/*
 * volatile sig_atomic_t is what C allows a signal handler to write: the
 * volatile makes wait_for_stop() read the flag again on every turn.
 */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct events {
	char **group, **name;
	size_t n;
};

static void events_add(struct events *ev, const char *g, const char *e)
{
	ev->group = xrealloc(ev->group, (ev->n + 1) * sizeof(char *));
	ev->name = xrealloc(ev->name, (ev->n + 1) * sizeof(char *));
	ev->group[ev->n] = xstrdup(g);
	ev->name[ev->n++] = xstrdup(e);
}

static void events_free(struct events *ev)
{
	size_t i;

	for (i = 0; i < ev->n; i++) {
		free(ev->group[i]);
		free(ev->name[i]);
	}
	free(ev->group);
	free(ev->name);
}

/* "GROUP:EVENT" where EVENT may be a glob; a bare EVENT means group probe. */
static int expand_event(const char *spec, struct events *ev)
{
	const char *colon = strchr(spec, ':');
	char group[256], path[512];
	const char *pat = colon ? colon + 1 : spec;
	struct dirent *de;
	DIR *d;
	size_t before = ev->n;

	snprintf(group, sizeof(group), "%.*s", colon ? (int)(colon - spec) : 5,
		 colon ? spec : "probe");
	snprintf(path, sizeof(path), "%s/events/%s", tracefs_tracing_dir(), group);
	d = opendir(path);
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.' || !strcmp(de->d_name, "enable") ||
		    !strcmp(de->d_name, "filter") || fnmatch(pat, de->d_name, 0))
			continue;
		events_add(ev, group, de->d_name);
	}
	if (d)
		closedir(d);
	if (ev->n == before) {
		fprintf(stderr, "Error: no event matches %s:%s.\nSee the defined events with 'probe --list'.\n",
			group, pat);
		return -1;
	}
	return 0;
}

static int all_probe_events(struct events *ev)
{
	struct probe_error err = { "" };
	struct kevents ks;
	size_t i;

	if (kevents_read(&ks, &err)) {
		report_error(&err);
		return -1;
	}
	for (i = 0; i < ks.n; i++)
		events_add(ev, ks.v[i].group, ks.v[i].event);
	kevents_free(&ks);
	if (!ev->n) {
		fprintf(stderr, "Error: no probe events are defined.\nAdd one first, e.g. probe --add 'vfs_read count'.\n");
		return -1;
	}
	return 0;
}

static int run_command(const char **argv)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "Error: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void wait_for_stop(int duration)
{
	if (duration > 0)
		alarm((unsigned int)duration);
	while (!stop_requested)
		pause();
}

struct writer {
	FILE *f;
	struct events *ev;
	size_t count;
};

static int save_record(struct tep_event *event, struct tep_record *record,
		       int cpu, void *data)
{
	struct writer *w = data;
	size_t i;

	for (i = 0; i < w->ev->n; i++)
		if (!strcmp(event->system, w->ev->group[i]) &&
		    !strcmp(event->name, w->ev->name[i]))
			break;
	if (i == w->ev->n)
		return 0;	/* someone else's event */
	record_write_event(w->f, record->ts, (uint32_t)cpu, record->data,
			   (uint32_t)record->size);
	w->count++;
	return 0;
}

static void write_comms(FILE *f)
{
	char *text = tracefs_instance_file_read(NULL, "saved_cmdlines", NULL);
	char *line, *save = NULL;

	for (line = text ? strtok_r(text, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char comm[256];
		int pid;

		if (sscanf(line, "%d %255[^\n]", &pid, comm) == 2)
			record_write_comm(f, pid, comm);
	}
	free(text);
}

static int save(const char *out, struct events *ev)
{
	const char **systems = xcalloc(ev->n + 1, sizeof(char *));
	struct writer w = { NULL, ev, 0 };
	struct tep_handle *tep;
	size_t i, ns = 0, j;

	for (i = 0; i < ev->n; i++) {
		for (j = 0; j < ns && strcmp(systems[j], ev->group[i]); j++)
			;
		if (j == ns)
			systems[ns++] = ev->group[i];
	}
	tep = tracefs_local_events_system(NULL, systems);
	free(systems);
	w.f = fopen(out, "wb");
	if (!tep || !w.f) {
		fprintf(stderr, "Error: cannot %s: %s\n", tep ? "write" : "load event formats for",
			tep ? out : "the events");
		if (w.f)
			fclose(w.f);
		tep_free(tep);
		return -1;
	}
	record_write_header(w.f, tep_get_long_size(tep) ? tep_get_long_size(tep) : 8,
			    getpagesize());
	for (i = 0; i < ev->n; i++) {
		int size = 0;
		char *fmt = tracefs_event_file_read(NULL, ev->group[i], ev->name[i],
						    "format", &size);

		if (fmt)
			record_write_format(w.f, ev->group[i], fmt, (size_t)size);
		free(fmt);
	}
	write_comms(w.f);
	record_write_data_start(w.f);
	tracefs_iterate_raw_events(tep, NULL, NULL, 0, save_record, &w);
	fclose(w.f);
	tep_free(tep);
	fprintf(stderr, "Recorded %zu events to %s\n", w.count, out);
	return 0;
}

static int setup(struct events *ev, const char *filter, bool on)
{
	size_t i;

	for (i = 0; i < ev->n; i++) {
		if (on && filter &&
		    tracefs_event_file_write(NULL, ev->group[i], ev->name[i],
					     "filter", filter) < 0) {
			fprintf(stderr, "Error: the kernel refused filter '%s' on %s:%s.\n",
				filter, ev->group[i], ev->name[i]);
			return -1;
		}
		if (on ? tracefs_event_enable(NULL, ev->group[i], ev->name[i]) :
			 tracefs_event_disable(NULL, ev->group[i], ev->name[i])) {
			fprintf(stderr, "Error: cannot %s %s:%s.\n", on ? "enable" : "disable",
				ev->group[i], ev->name[i]);
			return -1;
		}
		/*
		 * Only once the event is off: clearing the filter first lets
		 * the event record this very disabling (its opens of tracefs).
		 */
		if (!on && filter)
			tracefs_event_file_write(NULL, ev->group[i], ev->name[i],
						 "filter", "0");
	}
	return 0;
}

int cmd_record(int argc, const char **argv)
{
	struct str_list specs = { 0 };
	const char *filter = NULL, *out = "probe.data";
	struct events ev = { 0 };
	int duration = 0, n, rc = 0;
	bool was_on;
	size_t i;
	struct option opts[] = {
		{ 'e', "event", OPT_LIST, &specs, "GROUP:EVENT",
		  "event to record (glob allowed); default: every kprobe and uprobe event" },
		{ 0, "filter", OPT_STRING, &filter, "EXPR",
		  "ftrace filter applied to the events" },
		{ 'o', "output", OPT_STRING, &out, "FILE",
		  "where to save the records (default probe.data)" },
		{ 0, "duration", OPT_INT, &duration, "SECS",
		  "stop after SECS seconds (without COMMAND)" },
		{ 0 },
	};

	n = parse_options(argc, argv, opts, usage);
	if (n < 0)
		return 2;
	if (geteuid() != 0 || !tracefs_tracing_dir()) {
		fprintf(stderr, "Error: recording needs root and a mounted tracefs (mount -t tracefs nodev /sys/kernel/tracing).\n");
		return 1;
	}
	rc = 1;
	for (i = 0; i < specs.n; i++)
		if (expand_event(specs.v[i], &ev))
			goto out;
	if (!specs.n && all_probe_events(&ev))
		goto out;
	rc = 0;
	argv[n] = NULL;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGALRM, on_signal);
	tracefs_instance_file_write(NULL, "trace", "");	/* empties the buffer */
	if (setup(&ev, filter, true)) {
		setup(&ev, filter, false);
		rc = 1;
		goto out;
	}
	was_on = tracefs_trace_is_on(NULL) == 1;
	tracefs_trace_on(NULL);
	if (n > 0)
		rc = run_command(argv) < 0;
	else
		wait_for_stop(duration);
	/* Stop the buffer first: the teardown's own file opens are not hits. */
	tracefs_trace_off(NULL);
	setup(&ev, filter, false);
	if (save(out, &ev))
		rc = 1;
	if (was_on)
		tracefs_trace_on(NULL);
out:
	events_free(&ev);
	free(specs.v);
	return rc ? 1 : 0;
}
