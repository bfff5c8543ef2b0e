// SPDX-License-Identifier: GPL-2.0-only
/*
 * A window of N getppid() calls between two user-space breakpoints: in
 * QEMU's -d int log the two "v=03 ... cpl=3" lines bracket the traps the
 * kernel took for exactly those calls (scripts/bench-probes.sh counts
 * them per probe hit).
 *
 *   trap_window N
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void on_trap(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_trap;
	sigaction(SIGTRAP, &sa, NULL);
	__asm__ volatile("int3");
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	__asm__ volatile("int3");
	return 0;
}
