/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The file `probe record` writes and `probe script` reads: a text header
 * with each event's tracefs `format` and the task names, then the raw
 * records as the kernel produced them, so libtraceevent can decode them
 * later without the running system.
 *
 *   PROBEREC 1\n
 *   long_size N\n page_size N\n
 *   format SYSTEM LEN\n<LEN bytes of the format file>
 *   comm PID NAME\n ...
 *   data\n
 *   { u64 ts; u32 cpu; u32 size; u8 data[size]; } ...
 */
#ifndef PROBE_RECORD_FILE_H
#define PROBE_RECORD_FILE_H

#include <stdint.h>
#include <stdio.h>

struct tep_handle;

void record_write_header(FILE *f, int long_size, int page_size);
void record_write_format(FILE *f, const char *system, const char *text,
			 size_t len);
void record_write_comm(FILE *f, int pid, const char *comm);
void record_write_data_start(FILE *f);
void record_write_event(FILE *f, uint64_t ts, uint32_t cpu, const void *data,
			uint32_t size);

/* Reads the header into a new tep handle; NULL with a message on error. */
struct tep_handle *record_read_header(FILE *f, const char *name);

struct record_event {
	uint64_t ts;
	uint32_t cpu;
	uint32_t size;
	void *data;	/* malloc'd; valid until the next call */
};

/* 1: one record read, 0: end of file, -1: truncated file. */
int record_read_event(FILE *f, struct record_event *ev);

#endif
