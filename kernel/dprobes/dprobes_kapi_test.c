// SPDX-License-Identifier: GPL-2.0-only
/*
 * A module that uses the kprobes API as an out-of-tree user would: only
 * <linux/kprobes.h> and exported symbols.  Its KUnit suite,
 * dprobes_kprobes_api, runs when it is loaded on a kernel booted with
 * kunit.enable=1 (the guest tests read the results from debugfs).
 *
 * The probed functions are this module's own, reached through hidden
 * pointers so the compiler keeps the calls; their entries are ftrace
 * call sites, and an offset into them is a breakpoint probe.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/sched.h>

static noinline int kapi_target(int x)
{
	return x * 3 + 1;
}

static noinline int kapi_other(int x)
{
	return 42;
}

static noinline int kapi_recurse(int n)
{
	int (*self)(int) = kapi_recurse;

	/* through a hidden pointer: the recursion stays a nested call */
	OPTIMIZER_HIDE_VAR(self);
	return n > 0 ? self(n - 1) + 1 : 0;
}

/* Calls the compiler cannot inline, fold or turn into loops. */
static int target(int x)
{
	int (*fn)(int) = kapi_target;

	OPTIMIZER_HIDE_VAR(fn);
	return fn(x);
}

static int recurse(int n)
{
	int (*fn)(int) = kapi_recurse;

	OPTIMIZER_HIDE_VAR(fn);
	return fn(n);
}

static int pre_hits, post_hits, running_ok, preempt_ok;

static int count_pre(struct kprobe *p, struct pt_regs *regs)
{
	pre_hits++;
	if (kprobe_running() == p &&
	    get_kprobe_ctlblk()->kprobe_status == KPROBE_HIT_ACTIVE)
		running_ok++;
	if (!preemptible())
		preempt_ok++;
	return 0;
}

static void count_post(struct kprobe *p, struct pt_regs *regs,
		       unsigned long flags)
{
	post_hits++;
	if (kprobe_running() == p &&
	    get_kprobe_ctlblk()->kprobe_status == KPROBE_HIT_SSDONE)
		running_ok++;
}

static void reset(void)
{
	pre_hits = 0;
	post_hits = 0;
	running_ok = 0;
	preempt_ok = 0;
}

/* By symbol at the entry: driven by ftrace, handlers see themselves. */
static void test_entry_probe(struct kunit *test)
{
	struct kprobe kp = {
		.symbol_name = "kapi_target",
		.pre_handler = count_pre,
		.post_handler = count_post,
	};

	reset();
	KUNIT_ASSERT_EQ(test, register_kprobe(&kp), 0);
	KUNIT_EXPECT_NE(test, (unsigned long)kp.addr, 0UL);
	KUNIT_EXPECT_TRUE(test, kp.flags & KPROBE_FLAG_ON_FUNC_ENTRY);
	KUNIT_EXPECT_TRUE(test, kprobe_ftrace(&kp));
	KUNIT_EXPECT_EQ(test, target(2), 7);
	KUNIT_EXPECT_EQ(test, target(3), 10);
	unregister_kprobe(&kp);
	KUNIT_EXPECT_EQ(test, target(4), 13);
	KUNIT_EXPECT_EQ(test, pre_hits, 2);
	KUNIT_EXPECT_EQ(test, post_hits, 2);
	KUNIT_EXPECT_EQ(test, running_ok, 4);
	KUNIT_EXPECT_EQ(test, preempt_ok, 2);
	KUNIT_EXPECT_EQ(test, kp.nmissed, 0UL);
	KUNIT_EXPECT_NULL(test, kprobe_running());
}

/* By address inside the function: a breakpoint probe. */
static void test_address_probe(struct kunit *test)
{
	struct kprobe kp = {
		.addr = (kprobe_opcode_t *)kapi_target,
		.pre_handler = count_pre,
		.post_handler = count_post,
	};
	unsigned long base = (unsigned long)kapi_target;
	struct kprobe *found;

	reset();
	/* past endbr64 and the 5-byte fentry call */
	kp.offset = 9;
	KUNIT_ASSERT_EQ(test, register_kprobe(&kp), 0);
	/* (hidden: a relocation into a function's middle upsets objtool) */
	OPTIMIZER_HIDE_VAR(base);
	KUNIT_EXPECT_EQ(test, (unsigned long)kp.addr, base + 9);
	KUNIT_EXPECT_FALSE(test, kprobe_ftrace(&kp));
	KUNIT_EXPECT_FALSE(test, kp.flags & KPROBE_FLAG_ON_FUNC_ENTRY);
	preempt_disable();
	found = get_kprobe(kp.addr);
	preempt_enable();
	KUNIT_EXPECT_PTR_EQ(test, found, &kp);
	KUNIT_EXPECT_EQ(test, target(5), 16);
	unregister_kprobe(&kp);
	preempt_disable();
	found = get_kprobe(kp.addr);
	preempt_enable();
	KUNIT_EXPECT_NULL(test, found);
	KUNIT_EXPECT_EQ(test, pre_hits, 1);
	KUNIT_EXPECT_EQ(test, post_hits, 1);
	KUNIT_EXPECT_EQ(test, running_ok, 2);
}

/* What register_kprobe() refuses, and what unregister ignores. */
static void test_refusals(struct kunit *test)
{
	/* kprobe, bad, both, black, middle, stranger: too big for the stack */
	struct kprobe *k = kunit_kcalloc(test, 6, sizeof(*k), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, k);
	k[0].symbol_name = "kapi_target";
	k[1].symbol_name = "kapi_no_such_function";
	k[2].symbol_name = "kapi_target";
	k[2].addr = (kprobe_opcode_t *)kapi_target;
	k[3].symbol_name = "kprobe_int3_handler";
	/* inside endbr64 */
	k[4].symbol_name = "kapi_target";
	k[4].offset = 1;
	k[5].symbol_name = "kapi_target";

	KUNIT_ASSERT_EQ(test, register_kprobe(&k[0]), 0);
	KUNIT_EXPECT_EQ(test, register_kprobe(&k[0]), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_kprobe(&k[1]), -ENOENT);
	KUNIT_EXPECT_EQ(test, register_kprobe(&k[2]), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_kprobe(&k[3]), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_kprobe(&k[4]), -EILSEQ);
	unregister_kprobe(&k[5]);
	KUNIT_EXPECT_EQ(test, disable_kprobe(&k[5]), -EINVAL);
	KUNIT_EXPECT_EQ(test, enable_kprobe(&k[5]), -EINVAL);
	unregister_kprobe(&k[0]);
	unregister_kprobe(&k[0]);
}

static void test_disable_enable(struct kunit *test)
{
	struct kprobe kp = {
		.symbol_name = "kapi_target",
		.pre_handler = count_pre,
		.flags = KPROBE_FLAG_DISABLED,
	};

	reset();
	KUNIT_ASSERT_EQ(test, register_kprobe(&kp), 0);
	KUNIT_EXPECT_TRUE(test, kprobe_disabled(&kp));
	target(1);
	KUNIT_EXPECT_EQ(test, pre_hits, 0);
	KUNIT_EXPECT_EQ(test, enable_kprobe(&kp), 0);
	KUNIT_EXPECT_FALSE(test, kprobe_disabled(&kp));
	target(1);
	KUNIT_EXPECT_EQ(test, pre_hits, 1);
	KUNIT_EXPECT_EQ(test, disable_kprobe(&kp), 0);
	KUNIT_EXPECT_TRUE(test, kprobe_disabled(&kp));
	target(1);
	KUNIT_EXPECT_EQ(test, pre_hits, 1);
	unregister_kprobe(&kp);
}

/* A hit while a handler runs on this CPU is a miss, counted in nmissed. */
static int reenter_pre(struct kprobe *p, struct pt_regs *regs)
{
	pre_hits++;
	target(0);
	return 0;
}

static void test_missed(struct kunit *test)
{
	struct kprobe kp = {
		.symbol_name = "kapi_target",
		.pre_handler = reenter_pre,
	};

	reset();
	KUNIT_ASSERT_EQ(test, register_kprobe(&kp), 0);
	target(1);
	target(1);
	unregister_kprobe(&kp);
	KUNIT_EXPECT_EQ(test, pre_hits, 2);
	KUNIT_EXPECT_EQ(test, kp.nmissed, 2UL);
}

/* A pre handler that moves regs->ip and returns 1 resumes there. */
static int redirect_pre(struct kprobe *p, struct pt_regs *regs)
{
	instruction_pointer_set(regs, (unsigned long)kapi_other);
	return 1;
}

static void test_redirect(struct kunit *test)
{
	struct kprobe entry = {
		.symbol_name = "kapi_target",
		.pre_handler = redirect_pre,
	};

	KUNIT_ASSERT_EQ(test, register_kprobe(&entry), 0);
	KUNIT_EXPECT_EQ(test, target(1), 42);
	unregister_kprobe(&entry);
	KUNIT_EXPECT_EQ(test, target(1), 4);
}

/* All or none: a bad probe in a batch leaves none registered. */
static void test_batch(struct kunit *test)
{
	struct kprobe a = { .symbol_name = "kapi_target", .pre_handler = count_pre };
	struct kprobe b = { .symbol_name = "kapi_recurse", .pre_handler = count_pre };
	struct kprobe c = { .symbol_name = "kapi_no_such_function" };
	struct kprobe *good[] = { &a, &b }, *bad[] = { &a, &b, &c };
	struct kprobe *found;

	reset();
	KUNIT_EXPECT_EQ(test, register_kprobes(bad, 3), -ENOENT);
	preempt_disable();
	found = get_kprobe((void *)a.addr);
	preempt_enable();
	KUNIT_EXPECT_NULL(test, found);
	target(1);
	KUNIT_EXPECT_EQ(test, pre_hits, 0);
	a.addr = NULL;
	b.addr = NULL;
	a.flags = 0;
	b.flags = 0;
	KUNIT_ASSERT_EQ(test, register_kprobes(good, 2), 0);
	target(1);
	recurse(0);
	unregister_kprobes(good, 2);
	KUNIT_EXPECT_EQ(test, pre_hits, 2);
}

struct kapi_data {
	int arg;
};

static int ret_hits, ret_ok, entry_skips;

static int kapi_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kapi_data *d = (struct kapi_data *)ri->data;

	d->arg = regs->di;
	/* an odd argument: do not hook this call's return */
	if (d->arg & 1) {
		entry_skips++;
		return 1;
	}
	return 0;
}

static int kapi_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kapi_data *d = (struct kapi_data *)ri->data;
	struct kretprobe *rp = get_kretprobe(ri);

	ret_hits++;
	if (regs_return_value(regs) == d->arg * 3 + 1 &&
	    kprobe_running() == &rp->kp && !preemptible() &&
	    get_kretprobe_retaddr(ri))
		ret_ok++;
	return 0;
}

static void test_kretprobe(struct kunit *test)
{
	struct kretprobe rp = {
		.kp.symbol_name = "kapi_target",
		.entry_handler = kapi_entry,
		.handler = kapi_return,
		.data_size = sizeof(struct kapi_data),
	};

	ret_hits = 0;
	ret_ok = 0;
	entry_skips = 0;
	KUNIT_ASSERT_EQ(test, register_kretprobe(&rp), 0);
	KUNIT_EXPECT_GT(test, rp.maxactive, 0);
	KUNIT_EXPECT_EQ(test, target(2), 7);
	KUNIT_EXPECT_EQ(test, target(3), 10);
	KUNIT_EXPECT_EQ(test, target(4), 13);
	unregister_kretprobe(&rp);
	KUNIT_EXPECT_EQ(test, ret_hits, 2);
	KUNIT_EXPECT_EQ(test, ret_ok, 2);
	KUNIT_EXPECT_EQ(test, entry_skips, 1);
	KUNIT_EXPECT_EQ(test, rp.nmissed, 0);
}

static int depth_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	ret_hits++;
	return 0;
}

/* One instance: the nested call of a recursion finds the pool empty. */
static void test_kretprobe_maxactive(struct kunit *test)
{
	struct kretprobe rp = {
		.kp.symbol_name = "kapi_recurse",
		.handler = depth_return,
		.maxactive = 1,
	};
	struct kretprobe mid = {
		.kp.symbol_name = "kapi_recurse",
		.kp.offset = 9,
		.handler = depth_return,
	};
	struct kretprobe big = {
		.kp.symbol_name = "kapi_recurse",
		.handler = depth_return,
		.data_size = KRETPROBE_MAX_DATA_SIZE + 1,
	};

	ret_hits = 0;
	KUNIT_EXPECT_EQ(test, register_kretprobe(&mid), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_kretprobe(&big), -E2BIG);
	KUNIT_ASSERT_EQ(test, register_kretprobe(&rp), 0);
	KUNIT_EXPECT_EQ(test, recurse(1), 1);
	unregister_kretprobe(&rp);
	KUNIT_EXPECT_EQ(test, ret_hits, 1);
	KUNIT_EXPECT_EQ(test, rp.nmissed, 1);
}

/* Other CPUs call the target while this one registers and removes. */
static int hammer(void *arg)
{
	while (!kthread_should_stop()) {
		target(1);
		cond_resched();
	}
	return 0;
}

static atomic_t racing_hits;

static int racing_pre(struct kprobe *p, struct pt_regs *regs)
{
	atomic_inc(&racing_hits);
	return 0;
}

static void racing_post(struct kprobe *p, struct pt_regs *regs,
			unsigned long flags)
{
	atomic_inc(&racing_hits);
}

static void test_register_while_hit(struct kunit *test)
{
	struct task_struct *workers[NR_CPUS];
	struct kprobe kp[3] = {};
	struct kprobe *kps[3] = { &kp[0], &kp[1], &kp[2] };
	int cpu, n = 0, i, round;

	atomic_set(&racing_hits, 0);
	for_each_online_cpu(cpu) {
		if (cpu == raw_smp_processor_id())
			continue;
		workers[n] = kthread_run_on_cpu(hammer, NULL, cpu, "kapi/%u");
		if (!IS_ERR(workers[n]))
			n++;
	}
	if (!n)
		kunit_skip(test, "needs a second online CPU");
	for (round = 0; round < 100; round++) {
		for (i = 0; i < 3; i++) {
			memset(&kp[i], 0, sizeof(kp[i]));
			kp[i].symbol_name = "kapi_target";
			kp[i].pre_handler = racing_pre;
		}
		kp[1].offset = 9;
		kp[2].offset = 9;
		kp[2].post_handler = racing_post;
		KUNIT_ASSERT_EQ(test, register_kprobes(kps, 3), 0);
		target(1);
		if (round & 1)
			disable_kprobe(&kp[1]);
		unregister_kprobes(kps, 3);
	}
	for (i = 0; i < n; i++)
		kthread_stop(workers[i]);
	/* at least this CPU's own calls: three pre and one post each */
	KUNIT_EXPECT_GE(test, atomic_read(&racing_hits), 100 * 4);
}

static struct kunit_case kapi_cases[] = {
	KUNIT_CASE(test_entry_probe),
	KUNIT_CASE(test_address_probe),
	KUNIT_CASE(test_refusals),
	KUNIT_CASE(test_disable_enable),
	KUNIT_CASE(test_missed),
	KUNIT_CASE(test_redirect),
	KUNIT_CASE(test_batch),
	KUNIT_CASE(test_kretprobe),
	KUNIT_CASE(test_kretprobe_maxactive),
	KUNIT_CASE_SLOW(test_register_while_hit),
	{}
};

static struct kunit_suite kapi_suite = {
	.name = "dprobes_kprobes_api",
	.test_cases = kapi_cases,
};

kunit_test_suite(kapi_suite);

MODULE_DESCRIPTION("The kprobes API, used as a module would, on dprobes");
MODULE_LICENSE("GPL");
