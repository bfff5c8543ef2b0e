// SPDX-License-Identifier: GPL-2.0
/* probe script: print the records of a `probe record` file. */
#include <event-parse.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probe.h"
#include "record_file.h"

static const char usage[] = "probe script [-i FILE]";

static void print_one(struct tep_handle *tep, struct record_event *ev,
		      struct trace_seq *s)
{
	struct tep_record rec = { 0 };
	struct tep_event *event;

	rec.ts = ev->ts;
	rec.cpu = (int)ev->cpu;
	rec.size = (int)ev->size;
	rec.data = ev->data;
	event = tep_find_event_by_record(tep, &rec);
	trace_seq_reset(s);
	if (!event) {
		printf("[unknown event in record of %u bytes]\n", ev->size);
		return;
	}
	tep_print_event(tep, s, &rec, "%16s %6d [%03d] %6.1000d: ",
			TEP_PRINT_COMM, TEP_PRINT_PID, TEP_PRINT_CPU, TEP_PRINT_TIME);
	trace_seq_printf(s, "%s:%s: ", event->system, event->name);
	tep_print_event(tep, s, &rec, "%s", TEP_PRINT_INFO);
	trace_seq_terminate(s);
	printf("%s\n", s->buffer);
}

int cmd_script(int argc, const char **argv)
{
	const char *in = "probe.data";
	struct record_event ev = { 0 };
	struct tep_handle *tep;
	struct trace_seq s;
	FILE *f;
	int rc;
	struct option opts[] = {
		{ 'i', "input", OPT_STRING, &in, "FILE",
		  "record file to read (default probe.data)" },
		{ 0 },
	};

	if (parse_options(argc, argv, opts, usage) < 0)
		return 2;
	f = fopen(in, "rb");
	if (!f) {
		fprintf(stderr, "Error: cannot open %s: record one with 'probe record'.\n", in);
		return 1;
	}
	tep = record_read_header(f, in);
	if (!tep) {
		fclose(f);
		return 1;
	}
	trace_seq_init(&s);
	while ((rc = record_read_event(f, &ev)) == 1)
		print_one(tep, &ev, &s);
	if (rc < 0)
		fprintf(stderr, "Error: %s is truncated.\n", in);
	free(ev.data);
	trace_seq_destroy(&s);
	tep_free(tep);
	fclose(f);
	return rc < 0;
}
