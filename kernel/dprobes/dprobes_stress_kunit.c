// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit stress test for dprobes: one worker thread per CPU calls probed
 * functions as fast as it can while the test thread keeps placing and
 * removing probes on hot kernel functions, for a bounded time.  The
 * probes that stay in place must account for every call: hits plus
 * misses equal the calls the workers made.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/dprobes.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/percpu.h>
#include <linux/slab.h>

#include <asm/dprobes_test.h>

#include "dprobes_internal.h"

#define STRESS_SECONDS	3

static DEFINE_PER_CPU(unsigned long, worker_calls);
static bool worker_wrong;
static int one = 1;

static int stress_worker(void *arg)
{
	int sink;

	while (!kthread_should_stop()) {
		/* READ_ONCE: the compiler may not hoist the calls out */
		sink = dprobe_test_jcc(2) + dprobe_test_add(READ_ONCE(one), 1) +
		       dprobe_test_call(2);
		if (sink != 1 + 2 + 7)
			WRITE_ONCE(worker_wrong, true);
		this_cpu_inc(worker_calls);
		/*
		 * Between calls no probed code is running: a quiescent
		 * state for the optimizer's RCU-tasks grace periods, which
		 * a preemptible kernel's cond_resched() does not give.
		 */
		cond_resched_tasks_rcu_qs();
	}
	return 0;
}

/**
 * dprobe_test_start_workers() - run @fn in one kthread per online CPU
 * @test: the test owning the returned array
 * @fn: the thread function; it loops until kthread_should_stop()
 * @name: thread name, with "%u" for the CPU
 *
 * Return: the threads, indexed by CPU (NULL where none could start).
 */
struct task_struct **dprobe_test_start_workers(struct kunit *test,
					       int (*fn)(void *),
					       const char *name)
{
	struct task_struct **workers;
	int cpu;

	/* on the heap: KASAN's redzones make it too big for the stack */
	workers = kunit_kcalloc(test, nr_cpu_ids, sizeof(*workers), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, workers);
	for_each_online_cpu(cpu) {
		workers[cpu] = kthread_run_on_cpu(fn, NULL, cpu, name);
		if (IS_ERR(workers[cpu]))
			workers[cpu] = NULL;
	}
	return workers;
}

/**
 * dprobe_test_for_workers() - park, unpark or stop every started worker
 * @workers: from dprobe_test_start_workers()
 * @op: kthread_park(), kthread_unpark() or kthread_stop(), as a wrapper
 */
void dprobe_test_for_workers(struct task_struct **workers,
			     void (*op)(struct task_struct *t))
{
	int cpu;

	for_each_online_cpu(cpu) {
		if (workers[cpu])
			op(workers[cpu]);
	}
}

/* kthread_stop() for dprobe_test_for_workers() */
void dprobe_test_stop(struct task_struct *t)
{
	kthread_stop(t);
}

static int stress_pre(struct dprobe *p, struct pt_regs *regs)
{
	return 0;
}

/* Hot functions the churn probes land on; refusals are fine. */
static const char * const churn_symbols[] = {
	"kfree", "__kmalloc_noprof", "kmem_cache_alloc_noprof",
	"schedule", "try_to_wake_up", "__cond_resched", "ktime_get",
	"rcu_note_context_switch", "update_curr",
};

static void test_stress(struct kunit *test)
{
	struct dprobe stay[3] = {
		{ .symbol_name = "dprobe_test_jcc", .pre_handler = stress_pre },
		{ .symbol_name = "dprobe_test_add", .pre_handler = stress_pre },
		{ .symbol_name = "dprobe_test_call_site",
		  .pre_handler = stress_pre },
	};
	struct task_struct **workers;
	struct dprobe *churn;
	unsigned long calls = 0, rounds = 0, deadline;
	int cpu, i, placed = 0;

	/* on the heap: KASAN's redzones make it too big for the stack */
	churn = kunit_kcalloc(test, ARRAY_SIZE(churn_symbols), sizeof(*churn),
			      GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, churn);
	for (i = 0; i < ARRAY_SIZE(stay); i++)
		KUNIT_ASSERT_EQ(test, register_dprobe(&stay[i]), 0);
	worker_wrong = false;
	for_each_possible_cpu(cpu)
		per_cpu(worker_calls, cpu) = 0;
	workers = dprobe_test_start_workers(test, stress_worker, "dprobe-stress/%u");

	deadline = jiffies + STRESS_SECONDS * HZ;
	while (time_before(jiffies, deadline)) {
		memset(churn, 0, ARRAY_SIZE(churn_symbols) * sizeof(*churn));
		for (i = 0; i < ARRAY_SIZE(churn_symbols); i++) {
			churn[i].symbol_name = churn_symbols[i];
			churn[i].pre_handler = stress_pre;
			if (register_dprobe(&churn[i]))
				churn[i].symbol_name = NULL;
			else
				placed++;
		}
		for (i = 0; i < ARRAY_SIZE(churn_symbols); i++) {
			if (churn[i].symbol_name)
				unregister_dprobe(&churn[i]);
		}
		rounds++;
	}

	dprobe_test_for_workers(workers, dprobe_test_stop);
	for_each_possible_cpu(cpu)
		calls += per_cpu(worker_calls, cpu);

	kunit_info(test, "%lu calls per target, %lu churn rounds, %d probes placed\n",
		   calls, rounds, placed);
	KUNIT_EXPECT_FALSE(test, worker_wrong);
	KUNIT_EXPECT_GT(test, calls, 0UL);
	KUNIT_EXPECT_GT(test, placed, 0);
	for (i = 0; i < ARRAY_SIZE(stay); i++) {
		KUNIT_EXPECT_EQ_MSG(test, dprobe_nhit(&stay[i]) +
				    dprobe_nmissed(&stay[i]), calls,
				    "probe on %s", stay[i].symbol_name);
	}
	unregister_dprobes((struct dprobe *[]){ &stay[0], &stay[1], &stay[2] }, 3);
}

static struct kunit_case dprobes_stress_cases[] = {
	KUNIT_CASE_SLOW(test_stress),
	{}
};

static struct kunit_suite dprobes_stress_suite = {
	.name = "dprobes_stress",
	.test_cases = dprobes_stress_cases,
};

kunit_test_suite(dprobes_stress_suite);
