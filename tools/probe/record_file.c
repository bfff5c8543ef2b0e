// SPDX-License-Identifier: GPL-2.0
#include "record_file.h"

#include <event-parse.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

void record_write_header(FILE *f, int long_size, int page_size)
{
	fprintf(f, "PROBEREC 1\nlong_size %d\npage_size %d\n", long_size, page_size);
}

void record_write_format(FILE *f, const char *system, const char *text,
			 size_t len)
{
	fprintf(f, "format %s %zu\n", system, len);
	fwrite(text, 1, len, f);
}

void record_write_comm(FILE *f, int pid, const char *comm)
{
	fprintf(f, "comm %d %s\n", pid, comm);
}

void record_write_data_start(FILE *f)
{
	fputs("data\n", f);
}

void record_write_event(FILE *f, uint64_t ts, uint32_t cpu, const void *data,
			uint32_t size)
{
	fwrite(&ts, sizeof(ts), 1, f);
	fwrite(&cpu, sizeof(cpu), 1, f);
	fwrite(&size, sizeof(size), 1, f);
	fwrite(data, 1, size, f);
}

static int read_format(FILE *f, struct tep_handle *tep, const char *line)
{
	char system[128];
	size_t len;
	char *buf;
	int rc;

	if (sscanf(line, "format %127s %zu", system, &len) != 2 || len > (1 << 20))
		return -1;
	buf = xmalloc(len + 1);
	if (fread(buf, 1, len, f) != len) {
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	rc = tep_parse_event(tep, buf, len, system) ? -1 : 0;
	free(buf);
	return rc;
}

struct tep_handle *record_read_header(FILE *f, const char *name)
{
	struct tep_handle *tep;
	char line[512];
	int v, pid;

	if (!fgets(line, sizeof(line), f) || strcmp(line, "PROBEREC 1\n")) {
		fprintf(stderr, "Error: %s is not a probe record file.\n", name);
		return NULL;
	}
	tep = tep_alloc();
	while (fgets(line, sizeof(line), f)) {
		char comm[256];

		if (!strcmp(line, "data\n"))
			return tep;
		if (sscanf(line, "long_size %d", &v) == 1) {
			tep_set_long_size(tep, v);
		} else if (sscanf(line, "page_size %d", &v) == 1) {
			tep_set_page_size(tep, v);
		} else if (sscanf(line, "comm %d %255[^\n]", &pid, comm) == 2) {
			tep_register_comm(tep, comm, pid);
		} else if (!strncmp(line, "format ", 7)) {
			if (read_format(f, tep, line))
				break;
		} else {
			break;
		}
	}
	fprintf(stderr, "Error: %s has a damaged header.\n", name);
	tep_free(tep);
	return NULL;
}

int record_read_event(FILE *f, struct record_event *ev)
{
	free(ev->data);
	ev->data = NULL;
	if (fread(&ev->ts, sizeof(ev->ts), 1, f) != 1)
		return 0;
	if (fread(&ev->cpu, sizeof(ev->cpu), 1, f) != 1 ||
	    fread(&ev->size, sizeof(ev->size), 1, f) != 1 || ev->size > (1 << 20))
		return -1;
	ev->data = xmalloc(ev->size ? ev->size : 1);
	if (fread(ev->data, 1, ev->size, f) != ev->size)
		return -1;
	return 1;
}
