// SPDX-License-Identifier: GPL-2.0-only
/*
 * Calls getppid() N times and prints the CLOCK_MONOTONIC nanoseconds per
 * call.  Under QEMU's -icount shift=0 guest time advances one nanosecond
 * per guest instruction, so this prints guest instructions per call.
 *
 *   getppid_loop [N [RUNS]]   prints the minimum over RUNS runs
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	double best = -1;

	for (int r = 0; r < runs; r++) {
		long long t0 = now_ns();

		for (long i = 0; i < n; i++)
			syscall(SYS_getppid);
		double per = (double)(now_ns() - t0) / n;

		if (best < 0 || per < best)
			best = per;
	}
	printf("%.1f\n", best);
	return 0;
}
