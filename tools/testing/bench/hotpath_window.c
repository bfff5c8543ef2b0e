// SPDX-License-Identifier: GPL-2.0-only
/*
 * One profiling window for scripts/hotpath-profile.sh, run in the guest:
 *
 *   hotpath_window TAG N
 *
 * creates /run/job/ready-TAG, waits until the host has turned QEMU's
 * instruction log on and created /run/job/go-TAG, calls getppid() N times
 * between hp_begin() and hp_end() (the host counts only the instructions
 * logged between those two functions' addresses), creates
 * /run/job/done-TAG and waits for /run/job/off-TAG (the log is off again)
 * before it exits, so nothing after the window reaches the log.  The job
 * directory is a 9p share the host sees at once (the console is not: the
 * host's copy of it is buffered).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The window's bounds: their addresses are looked up in this binary. */
__attribute__((noinline)) void hp_begin(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void hp_end(void)
{
	__asm__ volatile("" ::: "memory");
}

static void post(const char *what, const char *tag)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "/run/job/%s-%s", what, tag);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

static void await(const char *what, const char *tag)
{
	const struct timespec ms = { 0, 1000000 };
	char path[256];

	snprintf(path, sizeof(path), "/run/job/%s-%s", what, tag);
	while (access(path, F_OK) != 0)
		nanosleep(&ms, NULL);
}

int main(int argc, char **argv)
{
	const char *tag;
	long n;

	if (argc != 3) {
		fprintf(stderr, "usage: hotpath_window TAG N\n");
		return 2;
	}
	tag = argv[1];
	n = atol(argv[2]);
	/* warm: the first calls after a probe change are not the steady state */
	for (long i = 0; i < 1000; i++)
		syscall(SYS_getppid);
	post("ready", tag);
	await("go", tag);
	hp_begin();
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	hp_end();
	post("done", tag);
	await("off", tag);
	return 0;
}
