// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the jump optimizer.
 *
 * The targets are assembly functions (dprobe_test_targets.S) whose first
 * instructions are known, each probed at its start so the jump covers
 * a chosen mix: a RIP-relative load, a short conditional jump, a call;
 * or something that must make the optimizer refuse.  Every case checks
 * that the probed code still computes the right result and that the
 * handlers ran once per call.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/dprobes.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/percpu.h>
#include <linux/stacktrace.h>
#include <asm/ptrace.h>
#include <asm/text-patching.h>

#include <asm/dprobes_test.h>

#include "dprobes_internal.h"

static atomic_t opt_hits;
static struct pt_regs opt_regs;

static int opt_pre(struct dprobe *p, struct pt_regs *regs)
{
	atomic_inc(&opt_hits);
	opt_regs = *regs;
	return 0;
}

static int opt_pre_quiet(struct dprobe *p, struct pt_regs *regs)
{
	return 0;
}

static void opt_post(struct dprobe *p, struct pt_regs *regs,
		     unsigned long flags)
{
}

/* Is the probe's breakpoint really a jump now? */
static bool opt_patched(struct dprobe *p)
{
	return p->site && READ_ONCE(p->site->opt) == DPROBE_OPT_PATCHED &&
	       *(u8 *)p->addr == JMP32_INSN_OPCODE;
}

static int opt_test_init(struct kunit *test)
{
	atomic_set(&opt_hits, 0);
	dprobe_opt_set_enabled(true);
	return 0;
}

static void opt_test_exit(struct kunit *test)
{
	dprobe_opt_set_enabled(true);
}

/* The same call site for both paths: same stack, same argument. */
static noinline long opt_call_riprel(long x)
{
	long r = dprobe_test_opt_riprel(x);

	barrier_data(&r);
	return r;
}

static void test_opt_regs_match(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_opt_riprel",
			    .pre_handler = opt_pre };
	struct pt_regs seen[2];
	unsigned long addr;
	int i;

	dprobe_opt_set_enabled(false);
	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	addr = p.addr;
	for (i = 0; i < 2; i++) {
		if (i) {
			dprobe_opt_set_enabled(true);
			dprobe_opt_wait();
		}
		KUNIT_EXPECT_EQ(test, opt_patched(&p), i == 1);
		KUNIT_EXPECT_EQ(test, opt_call_riprel(11),
				(long)dprobe_test_value + 11);
		seen[i] = opt_regs;
	}
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, atomic_read(&opt_hits), 2);
	KUNIT_EXPECT_EQ(test, seen[1].ip, addr + INT3_INSN_SIZE);
	KUNIT_EXPECT_EQ(test, seen[1].ip, seen[0].ip);
	KUNIT_EXPECT_EQ(test, seen[1].sp, seen[0].sp);
	KUNIT_EXPECT_EQ(test, seen[1].di, 11UL);
	KUNIT_EXPECT_EQ(test, seen[1].di, seen[0].di);
	KUNIT_EXPECT_EQ(test, seen[1].cs, seen[0].cs);
	KUNIT_EXPECT_EQ(test, seen[1].flags & X86_EFLAGS_IF,
			seen[0].flags & X86_EFLAGS_IF);
}

static void test_opt_relocated(struct kunit *test)
{
	struct dprobe ps[3] = {
		{ .symbol_name = "dprobe_test_opt_riprel", .pre_handler = opt_pre },
		{ .symbol_name = "dprobe_test_opt_jcc", .pre_handler = opt_pre },
		{ .symbol_name = "dprobe_test_opt_call", .pre_handler = opt_pre },
	};
	int i;

	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, register_dprobe(&ps[i]), 0);
	dprobe_opt_wait();
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE_MSG(test, opt_patched(&ps[i]), "%s",
				      ps[i].symbol_name);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_riprel(-1),
			(long)dprobe_test_value - 1);
	for (i = -2; i <= 2; i++)
		KUNIT_EXPECT_EQ(test, dprobe_test_opt_jcc(i), i > 0 ? 1 : 2);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(4), 13);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&ps[0]), 1UL);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&ps[1]), 5UL);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&ps[2]), 1UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&opt_hits), 7);
	unregister_dprobes((struct dprobe *[]){ &ps[0], &ps[1], &ps[2] }, 3);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(4), 13);
	KUNIT_EXPECT_EQ(test, atomic_read(&opt_hits), 7);
}

static void test_opt_refused(struct kunit *test)
{
	struct dprobe ps[] = {
		{ .symbol_name = "dprobe_test_opt_loop_target", .pre_handler = opt_pre },
		{ .symbol_name = "dprobe_test_opt_extable", .pre_handler = opt_pre },
		{ .symbol_name = "dprobe_test_opt_short", .pre_handler = opt_pre },
		{ .symbol_name = "dprobe_test_opt_loop", .pre_handler = opt_pre },
		/* a post handler needs the breakpoint */
		{ .symbol_name = "dprobe_test_opt_jcc", .pre_handler = opt_pre,
		  .post_handler = opt_post },
		/* an ftrace site has no breakpoint to replace */
		{ .symbol_name = "dprobe_test_add", .pre_handler = opt_pre },
	};
	int good = 42, i, n = ARRAY_SIZE(ps);

	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, register_dprobe(&ps[i]), 0);
	dprobe_opt_wait();
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_FALSE_MSG(test, dprobe_is_optimized(&ps[i]), "%s",
				       ps[i].symbol_name);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_loop_target(5), 6);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_extable(&good), 42);
	/* a non-canonical address: #GP, fixed up by the exception table */
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_extable((int *)0xdead000000000000UL), -1);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_short(), 5);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_loop(0, 0, 0, 5), 4UL);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_loop(0, 0, 0, 1), 7UL);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_jcc(3), 1);
	KUNIT_EXPECT_EQ(test, dprobe_test_add(3, 4), 7);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, dprobe_nhit(&ps[i]),
				    i == 1 || i == 3 ? 2UL : 1UL, "%s",
				    ps[i].symbol_name);
	for (i = 0; i < n; i++)
		unregister_dprobe(&ps[i]);
}

static void test_opt_neighbour(struct kunit *test)
{
	struct dprobe outer = { .symbol_name = "dprobe_test_opt_jcc",
				.pre_handler = opt_pre };
	struct dprobe inner = { .pre_handler = opt_pre };

	KUNIT_ASSERT_EQ(test, register_dprobe(&outer), 0);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&outer));
	/* the testl after the two-byte xorl, inside the jump */
	inner.addr = outer.addr + 2;
	KUNIT_ASSERT_EQ(test, register_dprobe(&inner), 0);
	KUNIT_EXPECT_FALSE(test, dprobe_is_optimized(&outer));
	dprobe_opt_wait();
	KUNIT_EXPECT_FALSE(test, dprobe_is_optimized(&outer));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_jcc(1), 1);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_jcc(0), 2);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&outer), 2UL);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&inner), 2UL);
	unregister_dprobe(&inner);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&outer));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_jcc(1), 1);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&outer), 3UL);
	unregister_dprobe(&outer);
}

static void test_opt_toggle(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_opt_call",
			    .pre_handler = opt_pre };
	unsigned long addr;

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	addr = p.addr;
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&p));
	dprobe_opt_set_enabled(false);
	KUNIT_EXPECT_FALSE(test, dprobe_is_optimized(&p));
	KUNIT_EXPECT_EQ(test, *(u8 *)p.addr, INT3_INSN_OPCODE);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 4);
	dprobe_opt_set_enabled(true);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 4);
	disable_dprobe(&p);
	KUNIT_EXPECT_FALSE(test, dprobe_is_optimized(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 4);
	enable_dprobe(&p);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 4);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&p), 3UL);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, *(u8 *)addr, CALL_INSN_OPCODE);
}

/* At the function's entry: return 42 from it at once (error injection). */
static int opt_return_42(struct dprobe *p, struct pt_regs *regs)
{
	regs->ax = 42;
	regs->ip = *(unsigned long *)regs->sp;
	regs->sp += sizeof(unsigned long);
	return 1;
}

/*
 * A handler may move regs->ip and regs->sp from a detour too: the stub
 * then leaves through the whole frame, as the breakpoint path does.
 */
static void test_opt_redirect(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_opt_call",
			    .pre_handler = opt_return_42 };

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 42);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(2), 42);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, dprobe_test_opt_call(1), 4);
}

static noinline int opt_trace_caller(void)
{
	int r = dprobe_test_opt_call(2);

	barrier_data(&r);
	return r;
}

static unsigned long opt_trace[16];
static unsigned int opt_trace_len;

static int opt_pre_trace(struct dprobe *p, struct pt_regs *regs)
{
	opt_trace_len = stack_trace_save(opt_trace, ARRAY_SIZE(opt_trace), 0);
	return 0;
}

/* The unwinder goes through the detour to the probed function's caller. */
static void test_opt_stacktrace(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_opt_call",
			    .pre_handler = opt_pre_trace };
	unsigned long start = (unsigned long)opt_trace_caller, size, off;
	bool caller_seen = false;
	unsigned int i;

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(start, &size, &off));
	start -= off;
	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	dprobe_opt_wait();
	KUNIT_EXPECT_TRUE(test, opt_patched(&p));
	opt_trace_len = 0;
	KUNIT_EXPECT_EQ(test, opt_trace_caller(), 7);
	unregister_dprobe(&p);
	KUNIT_ASSERT_GT(test, opt_trace_len, 0U);
	for (i = 0; i < opt_trace_len; i++) {
		if (opt_trace[i] >= start && opt_trace[i] < start + size)
			caller_seen = true;
	}
	KUNIT_EXPECT_TRUE(test, caller_seen);
}

static DEFINE_PER_CPU(unsigned long, opt_worker_calls);
static bool opt_worker_wrong;

static int opt_worker(void *arg)
{
	while (!kthread_should_stop()) {
		if (kthread_should_park())
			kthread_parkme();
		if (dprobe_test_opt_jcc(3) != 1 || dprobe_test_opt_call(1) != 4)
			WRITE_ONCE(opt_worker_wrong, true);
		this_cpu_inc(opt_worker_calls);
		/*
		 * Between calls no probed code is running: a quiescent
		 * state for the optimizer's RCU-tasks grace periods, which
		 * a preemptible kernel's cond_resched() does not give.
		 */
		cond_resched_tasks_rcu_qs();
	}
	return 0;
}

/* kthread_park() for dprobe_test_for_workers() */
static void opt_park(struct task_struct *t)
{
	kthread_park(t);
}

/*
 * Other CPUs call the targets while their probes are optimized,
 * unoptimized, re-optimized and finally removed: every call computes the
 * right result and is counted exactly once while the probe exists.
 */
static void test_opt_under_load(struct kunit *test)
{
	struct dprobe ps[2] = {
		{ .symbol_name = "dprobe_test_opt_jcc", .pre_handler = opt_pre_quiet },
		{ .symbol_name = "dprobe_test_opt_call", .pre_handler = opt_pre_quiet },
	};
	struct task_struct **workers;
	unsigned long calls = 0;
	int cpu, i;

	opt_worker_wrong = false;
	KUNIT_ASSERT_EQ(test, register_dprobes((struct dprobe *[]){ &ps[0], &ps[1] }, 2), 0);
	for_each_possible_cpu(cpu)
		per_cpu(opt_worker_calls, cpu) = 0;
	workers = dprobe_test_start_workers(test, opt_worker, "dprobe-opt/%u");
	for (i = 0; i < 6; i++) {
		dprobe_opt_set_enabled(i & 1);
		dprobe_opt_wait();
		KUNIT_EXPECT_EQ(test, opt_patched(&ps[0]), (bool)(i & 1));
	}
	dprobe_opt_set_enabled(true);
	dprobe_opt_wait();
	dprobe_test_for_workers(workers, opt_park);
	for_each_possible_cpu(cpu)
		calls += per_cpu(opt_worker_calls, cpu);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ_MSG(test, dprobe_nhit(&ps[i]) +
				    dprobe_nmissed(&ps[i]), calls, "%s",
				    ps[i].symbol_name);
	dprobe_test_for_workers(workers, kthread_unpark);
	/* removal while the workers still run through the jumps */
	unregister_dprobes((struct dprobe *[]){ &ps[0], &ps[1] }, 2);
	dprobe_test_for_workers(workers, dprobe_test_stop);
	kunit_info(test, "%lu calls per target\n", calls);
	KUNIT_EXPECT_GT(test, calls, 0UL);
	KUNIT_EXPECT_FALSE(test, opt_worker_wrong);
}

static struct kunit_case dprobes_opt_cases[] = {
	KUNIT_CASE(test_opt_regs_match),
	KUNIT_CASE(test_opt_relocated),
	KUNIT_CASE(test_opt_refused),
	KUNIT_CASE(test_opt_neighbour),
	KUNIT_CASE(test_opt_toggle),
	KUNIT_CASE(test_opt_stacktrace),
	KUNIT_CASE(test_opt_redirect),
	KUNIT_CASE_SLOW(test_opt_under_load),
	{}
};

static struct kunit_suite dprobes_opt_suite = {
	.name = "dprobes_opt",
	.init = opt_test_init,
	.exit = opt_test_exit,
	.test_cases = dprobes_opt_cases,
};

kunit_test_suite(dprobes_opt_suite);
