// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs a getppid loop (getppid_loop) while a minimal BPF program (r0 = 0;
 * exit) is attached to a probe opened on the kprobe PMU, as libbpf and
 * bpftrace attach theirs, and prints the loop's output: guest
 * instructions per call under -icount.
 *
 *   bpf_probe_bench LOOP FUNC OFFSET [ret] [optimized]
 *
 * "ret" probes FUNC's return; "optimized" first waits (up to 10 s) until
 * debugfs kprobes/list shows the probe [OPTIMIZED], and fails otherwise.
 * Exits 2 when the kernel refuses the probe.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <bpf/bpf.h>

#define PMU_TYPE "/sys/bus/event_source/devices/kprobe/type"
#define KPROBES_LIST "/sys/kernel/debug/kprobes/list"

static int pmu_type(void)
{
	FILE *f = fopen(PMU_TYPE, "r");
	int type = -1;

	if (f) {
		if (fscanf(f, "%d", &type) != 1)
			type = -1;
		fclose(f);
	}
	return type;
}

/* Is FUNC+0xOFF listed as [OPTIMIZED]? */
static int optimized(const char *func, unsigned long off)
{
	char want[256], line[512];
	FILE *f = fopen(KPROBES_LIST, "r");
	int found = 0;

	if (!f)
		return 0;
	snprintf(want, sizeof(want), " %s+0x%lx ", func, off);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, want) && strstr(line, "[OPTIMIZED]");
	fclose(f);
	return found;
}

static int run_loop(const char *loop, int quiet)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (quiet && !freopen("/dev/null", "w", stdout))
			_exit(127);
		execl(loop, loop, "20000", "5", (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
	struct bpf_insn prog[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct perf_event_attr attr = { .size = sizeof(attr) };
	int ret = 0, opt = 0, i, pfd, bfd;
	unsigned long off;

	if (argc < 4) {
		fprintf(stderr, "usage: bpf_probe_bench LOOP FUNC OFFSET [ret] [optimized]\n");
		return 1;
	}
	off = strtoul(argv[3], NULL, 0);
	for (i = 4; i < argc; i++) {
		ret |= !strcmp(argv[i], "ret");
		opt |= !strcmp(argv[i], "optimized");
	}
	bfd = bpf_prog_load(BPF_PROG_TYPE_KPROBE, "bench", "GPL", prog, 2, NULL);
	if (bfd < 0) {
		fprintf(stderr, "bpf_prog_load: %s\n", strerror(errno));
		return 1;
	}
	attr.type = pmu_type();
	attr.config = ret;	/* format/retprobe: config:0 */
	attr.config1 = (unsigned long)argv[2];
	attr.config2 = off;
	attr.sample_period = 1;
	pfd = syscall(SYS_perf_event_open, &attr, -1, 0, -1, PERF_FLAG_FD_CLOEXEC);
	if (pfd < 0) {
		fprintf(stderr, "perf_event_open %s+%lu: %s\n", argv[2], off,
			strerror(errno));
		return 2;
	}
	if (ioctl(pfd, PERF_EVENT_IOC_SET_BPF, bfd) ||
	    ioctl(pfd, PERF_EVENT_IOC_ENABLE, 0)) {
		fprintf(stderr, "attach: %s\n", strerror(errno));
		return 1;
	}
	for (i = 0; opt && !optimized(argv[2], off); i++) {
		if (i == 50) {
			fprintf(stderr, "%s+%lu: not optimized\n", argv[2], off);
			return 3;
		}
		usleep(200000);
	}
	/* the jump goes in after a grace period: a warm-up run first */
	if (opt && run_loop(argv[1], 1))
		return 1;
	ret = run_loop(argv[1], 0);
	close(pfd);
	close(bfd);
	return ret ? 1 : 0;
}
