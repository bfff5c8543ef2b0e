// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the dprobes engine.
 *
 * The int3 cases probe assembly functions with known instructions at
 * known labels (arch/x86/kernel/kprobes/dprobe_test_targets.S); the
 * ftrace and return-probe cases probe the noinline C functions below.
 * Every case checks both that the handlers saw what they should and that
 * the probed code still computes the right result.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/dprobes.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/rethook.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>
#include <asm/ptrace.h>

#include <asm/dprobes_test.h>

#include "dprobes_internal.h"

unsigned long dprobe_test_value = 0x5eed1e55;

noinline int dprobe_test_callee(int x)
{
	return x * 3;
}

noinline int dprobe_test_add(int a, int b)
{
	return a + b;
}

/* Recursive in a way the compiler cannot turn into a loop. */
noinline int dprobe_test_recurse(int n)
{
	int r;

	if (n <= 0)
		return 0;
	r = dprobe_test_recurse(n - 1);
	barrier_data(&r);
	return r + n;
}

noinline int dprobe_test_sleep(int ms)
{
	msleep(ms);
	return ms + 1;
}

static atomic_t pre_hits, post_hits;
static unsigned long seen_di, seen_ax, seen_ip;

static int count_pre(struct dprobe *p, struct pt_regs *regs)
{
	atomic_inc(&pre_hits);
	WRITE_ONCE(seen_di, regs->di);
	return 0;
}

static void count_post(struct dprobe *p, struct pt_regs *regs,
		       unsigned long flags)
{
	atomic_inc(&post_hits);
	WRITE_ONCE(seen_ax, regs->ax);
	WRITE_ONCE(seen_ip, regs->ip);
}

static int dprobes_test_init(struct kunit *test)
{
	atomic_set(&pre_hits, 0);
	atomic_set(&post_hits, 0);
	seen_di = 0;
	seen_ax = 0;
	seen_ip = 0;
	return 0;
}

static void test_entry_probe(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_jcc",
			    .pre_handler = count_pre };

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	KUNIT_EXPECT_FALSE(test, dprobe_is_ftrace(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_jcc(7), 1);
	KUNIT_EXPECT_EQ(test, seen_di, 7UL);
	KUNIT_EXPECT_EQ(test, dprobe_test_jcc(-7), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 2);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&p), 2UL);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, dprobe_test_jcc(7), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 2);
}

static void test_branch_probe(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_jcc_branch",
			    .pre_handler = count_pre,
			    .post_handler = count_post };
	int i;

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	for (i = -3; i <= 3; i++)
		KUNIT_EXPECT_EQ(test, dprobe_test_jcc(i), i > 0 ? 1 : 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 7);
	KUNIT_EXPECT_EQ(test, atomic_read(&post_hits), 7);
	unregister_dprobe(&p);
}

static void test_riprel_probe(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_riprel_load",
			    .pre_handler = count_pre,
			    .post_handler = count_post };
	unsigned long old = dprobe_test_value;

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	KUNIT_EXPECT_EQ(test, dprobe_test_riprel(), old);
	WRITE_ONCE(dprobe_test_value, old + 1);
	KUNIT_EXPECT_EQ(test, dprobe_test_riprel(), old + 1);
	/* the post handler sees the loaded value, just after the load */
	KUNIT_EXPECT_EQ(test, seen_ax, old + 1);
	KUNIT_EXPECT_EQ(test, seen_ip,
			kallsyms_lookup_name("dprobe_test_riprel_after"));
	WRITE_ONCE(dprobe_test_value, old);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 2);
}

static void test_call_probe(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_call_site",
			    .pre_handler = count_pre };

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	KUNIT_EXPECT_EQ(test, dprobe_test_call(5), 16);
	KUNIT_EXPECT_EQ(test, seen_di, 5UL);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 1);
}

/* A stepped pushf records the flags the code runs with: IF stays on. */
static void test_step_keeps_if(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_pushf_insn",
			    .pre_handler = count_pre,
			    .post_handler = count_post };
	unsigned long flags;

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	flags = dprobe_test_pushf();
	KUNIT_EXPECT_TRUE(test, flags & X86_EFLAGS_IF);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	local_irq_disable();
	flags = dprobe_test_pushf();
	local_irq_enable();
	KUNIT_EXPECT_FALSE(test, flags & X86_EFLAGS_IF);
	KUNIT_EXPECT_EQ(test, atomic_read(&post_hits), 2);
	unregister_dprobe(&p);
}

static noinline int step_call_ret(void)
{
	int r = dprobe_test_ret();

	barrier_data(&r);
	return r;
}

/* Is @ip inside the function that holds @fn? */
static bool ip_in_function(unsigned long ip, unsigned long fn)
{
	unsigned long size, off;

	if (!kallsyms_lookup_size_offset(fn, &size, &off))
		return false;
	return ip >= fn - off && ip < fn - off + size;
}

/*
 * A ret and a jmp *%reg never come back to the int3 after a copy: with a
 * post handler they are emulated, the post handler runs once per hit,
 * where the instruction went, and interrupts stay as they were.
 */
static void test_step_leaving(struct kunit *test)
{
	struct dprobe ret = { .symbol_name = "dprobe_test_ret_insn",
			      .pre_handler = count_pre,
			      .post_handler = count_post };
	struct dprobe jmp = { .symbol_name = "dprobe_test_jmpreg_insn",
			      .pre_handler = count_pre,
			      .post_handler = count_post };
	struct dprobe mem = { .symbol_name = "dprobe_test_jmpmem",
			      .pre_handler = count_pre,
			      .post_handler = count_post };

	KUNIT_ASSERT_EQ(test, register_dprobe(&ret), 0);
	KUNIT_ASSERT_EQ(test, register_dprobe(&jmp), 0);
	KUNIT_EXPECT_EQ(test, step_call_ret(), 9);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, atomic_read(&post_hits), 1);
	/* the post handler ran at the return address, in the caller */
	KUNIT_EXPECT_TRUE(test, ip_in_function(seen_ip,
					       (unsigned long)step_call_ret));
	KUNIT_EXPECT_EQ(test, dprobe_test_jmpreg(), 5);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, atomic_read(&post_hits), 2);
	KUNIT_EXPECT_EQ(test, seen_ip,
			kallsyms_lookup_name("dprobe_test_jmpreg_target"));
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 2);
	unregister_dprobe(&ret);
	unregister_dprobe(&jmp);
	/* a jmp through memory can only be boosted */
	KUNIT_EXPECT_EQ(test, register_dprobe(&mem), -EINVAL);
	mem.post_handler = NULL;
	KUNIT_EXPECT_EQ(test, register_dprobe(&mem), 0);
	unregister_dprobe(&mem);
}

/*
 * At a function's entry: return 99 from it at once, the way error
 * injection does it (to a ret, the stack pointer left alone: ftrace's
 * caller does not restore a changed one).
 */
static int return_99(struct dprobe *p, struct pt_regs *regs)
{
	regs->ax = 99;
	regs->ip = (unsigned long)dprobe_test_just_return;
	return 1;
}

/* A handler's redirect works the same on the int3 and the ftrace path. */
static void test_redirect(struct kunit *test)
{
	struct dprobe ft = { .symbol_name = "dprobe_test_add",
			     .pre_handler = return_99 };
	struct dprobe bp = { .symbol_name = "dprobe_test_jcc",
			     .pre_handler = return_99 };

	KUNIT_ASSERT_EQ(test, register_dprobe(&ft), 0);
	KUNIT_ASSERT_EQ(test, register_dprobe(&bp), 0);
	KUNIT_EXPECT_TRUE(test, dprobe_is_ftrace(&ft));
	KUNIT_EXPECT_FALSE(test, dprobe_is_ftrace(&bp));
	KUNIT_EXPECT_EQ(test, dprobe_test_add(1, 2), 99);
	KUNIT_EXPECT_EQ(test, dprobe_test_jcc(1), 99);
	unregister_dprobe(&ft);
	unregister_dprobe(&bp);
	/* other arguments: gcc may reuse the value of a call it knows pure */
	KUNIT_EXPECT_EQ(test, dprobe_test_add(2, 3), 5);
	KUNIT_EXPECT_EQ(test, dprobe_test_jcc(1), 1);
}

static void test_ftrace_probe(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_add",
			    .pre_handler = count_pre };

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	KUNIT_EXPECT_TRUE(test, dprobe_is_ftrace(&p));
	KUNIT_EXPECT_EQ(test, dprobe_test_add(40, 2), 42);
	KUNIT_EXPECT_EQ(test, seen_di, 40UL);
	unregister_dprobe(&p);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 1);
}

static void test_shared_address(struct kunit *test)
{
	struct dprobe a = { .symbol_name = "dprobe_test_jcc",
			    .pre_handler = count_pre };
	struct dprobe b = a;

	KUNIT_ASSERT_EQ(test, register_dprobe(&a), 0);
	KUNIT_ASSERT_EQ(test, register_dprobe(&b), 0);
	KUNIT_EXPECT_EQ(test, a.addr, b.addr);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 2);
	unregister_dprobe(&a);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 3);
	unregister_dprobe(&b);
}

static void test_refusals(struct kunit *test)
{
	struct dprobe p = { .pre_handler = count_pre };

	p.addr = kallsyms_lookup_name("dprobe_test_jcc_branch") + 1;
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -EILSEQ);
	p.addr = 0;
	p.symbol_name = "do_int3";
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -EINVAL);
	p.symbol_name = "kprobe_int3_handler";
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -EINVAL);
	p.symbol_name = "no_such_symbol_for_dprobes";
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -ENOENT);
	p.symbol_name = NULL;
	p.addr = (unsigned long)&dprobe_test_value;
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -EINVAL);
}

/* The kprobes API's symbol queries, which trace_kprobe.c relies on. */
static void test_kprobes_lookups(struct kunit *test)
{
	unsigned long add = kallsyms_lookup_name("dprobe_test_add");
	kprobe_opcode_t *a = (kprobe_opcode_t *)add;

	KUNIT_ASSERT_NE(test, add, 0UL);
	KUNIT_EXPECT_PTR_EQ(test, kprobe_lookup_name("dprobe_test_add", 0), a);
	KUNIT_EXPECT_NULL(test, kprobe_lookup_name("no_such_symbol_for_dprobes", 0));
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(NULL, "dprobe_test_add", 0), 0);
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(a, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(NULL, "dprobe_test_add", 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(a, "dprobe_test_add", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(NULL, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, kprobe_on_func_entry(NULL, "no_such_symbol_for_dprobes", 0),
			-ENOENT);
}

static void test_disable_enable(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_jcc",
			    .pre_handler = count_pre,
			    .flags = DPROBE_FL_DISABLED };

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 0);
	KUNIT_EXPECT_EQ(test, enable_dprobe(&p), 0);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 1);
	KUNIT_EXPECT_EQ(test, disable_dprobe(&p), 0);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 1);
	unregister_dprobe(&p);
}

/* A pre handler that calls probed code: the inner hit must be a miss. */
static struct dprobe inner_probe;

static int nesting_sink;

static int nesting_pre(struct dprobe *p, struct pt_regs *regs)
{
	/* use the result, or the compiler may drop a call to a pure function */
	WRITE_ONCE(nesting_sink, dprobe_test_add(1, 2));
	return 0;
}

static void test_reentrancy(struct kunit *test)
{
	struct dprobe outer = { .symbol_name = "dprobe_test_jcc",
				.pre_handler = nesting_pre };

	memset(&inner_probe, 0, sizeof(inner_probe));
	inner_probe.symbol_name = "dprobe_test_add";
	inner_probe.pre_handler = count_pre;
	KUNIT_ASSERT_EQ(test, register_dprobe(&inner_probe), 0);
	KUNIT_ASSERT_EQ(test, register_dprobe(&outer), 0);
	dprobe_test_jcc(1);
	KUNIT_EXPECT_EQ(test, dprobe_nhit(&outer), 1UL);
	KUNIT_EXPECT_EQ(test, dprobe_nmissed(&inner_probe), 1UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&pre_hits), 0);
	unregister_dprobe(&outer);
	unregister_dprobe(&inner_probe);
}

static unsigned long hammer_calls;
static bool hammer_wrong;

static int hammer(void *arg)
{
	while (!kthread_should_stop()) {
		if (dprobe_test_jcc(3) != 1 || dprobe_test_call(1) != 4)
			WRITE_ONCE(hammer_wrong, true);
		WRITE_ONCE(hammer_calls, hammer_calls + 1);
		cond_resched();
	}
	return 0;
}

static void test_unregister_while_hit(struct kunit *test)
{
	struct dprobe a = { .symbol_name = "dprobe_test_jcc",
			    .pre_handler = count_pre };
	struct dprobe b = { .symbol_name = "dprobe_test_call_site",
			    .pre_handler = count_pre,
			    .post_handler = count_post };
	struct task_struct *t;
	int i, err = 0;

	hammer_calls = 0;
	hammer_wrong = false;
	t = kthread_run(hammer, NULL, "dprobe-hammer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	for (i = 0; i < 30 && !err; i++) {
		err = register_dprobe(&a);
		if (err)
			break;
		err = register_dprobe(&b);
		unregister_dprobe(&a);
		if (!err)
			unregister_dprobe(&b);
	}
	/* stop the thread before any assertion can end the test */
	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_GT(test, hammer_calls, 0UL);
	KUNIT_EXPECT_FALSE(test, hammer_wrong);
}

struct ret_data {
	int arg;
};

static atomic_t ret_calls;
static int ret_bad;

static int add_entry(struct dretprobe_instance *ri, struct pt_regs *regs)
{
	((struct ret_data *)ri->data)->arg = regs->di;
	return 0;
}

static int add_return(struct dretprobe_instance *ri, struct pt_regs *regs)
{
	struct ret_data *d = (struct ret_data *)ri->data;

	atomic_inc(&ret_calls);
	if ((int)regs_return_value(regs) != d->arg + 2)
		ret_bad++;
	return 0;
}

static void test_retprobe_values(struct kunit *test)
{
	struct dretprobe rp = { .dp.symbol_name = "dprobe_test_add",
				.entry_handler = add_entry,
				.handler = add_return,
				.data_size = sizeof(struct ret_data) };
	int i;

	atomic_set(&ret_calls, 0);
	ret_bad = 0;
	KUNIT_ASSERT_EQ(test, register_dretprobe(&rp), 0);
	KUNIT_EXPECT_TRUE(test, dprobe_is_return(&rp.dp));
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, dprobe_test_add(i, 2), i + 2);
	unregister_dretprobe(&rp);
	KUNIT_EXPECT_EQ(test, atomic_read(&ret_calls), 5);
	KUNIT_EXPECT_EQ(test, ret_bad, 0);
	KUNIT_EXPECT_EQ(test, dretprobe_nmissed(&rp), 0UL);
}

static int count_return(struct dretprobe_instance *ri, struct pt_regs *regs)
{
	atomic_inc(&ret_calls);
	return 0;
}

static void test_retprobe_recursion(struct kunit *test)
{
	struct dretprobe rp = { .dp.symbol_name = "dprobe_test_recurse",
				.handler = count_return, .maxactive = 20 };

	atomic_set(&ret_calls, 0);
	KUNIT_ASSERT_EQ(test, register_dretprobe(&rp), 0);
	KUNIT_EXPECT_EQ(test, dprobe_test_recurse(6), 21);
	unregister_dretprobe(&rp);
	KUNIT_EXPECT_EQ(test, atomic_read(&ret_calls), 7);
}

static void test_retprobe_sleep(struct kunit *test)
{
	struct dretprobe rp = { .dp.symbol_name = "dprobe_test_sleep",
				.handler = count_return };

	atomic_set(&ret_calls, 0);
	KUNIT_ASSERT_EQ(test, register_dretprobe(&rp), 0);
	KUNIT_EXPECT_EQ(test, dprobe_test_sleep(5), 6);
	unregister_dretprobe(&rp);
	KUNIT_EXPECT_EQ(test, atomic_read(&ret_calls), 1);
}

static unsigned long trace_entries[16];
static unsigned int trace_len;

static int stack_return(struct dretprobe_instance *ri, struct pt_regs *regs)
{
	trace_len = stack_trace_save(trace_entries, ARRAY_SIZE(trace_entries), 0);
	return 0;
}

noinline int dprobe_test_caller(void)
{
	int r = dprobe_test_add(2, 3);

	barrier_data(&r);
	return r;
}

static void test_retprobe_stacktrace(struct kunit *test)
{
	struct dretprobe rp = { .dp.symbol_name = "dprobe_test_add",
				.handler = stack_return };
	unsigned long start, size, off;
	bool caller_seen = false;
	unsigned int i;

	start = (unsigned long)dprobe_test_caller;
	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(start, &size, &off));
	start -= off;
	trace_len = 0;
	KUNIT_ASSERT_EQ(test, register_dretprobe(&rp), 0);
	KUNIT_EXPECT_EQ(test, dprobe_test_caller(), 5);
	unregister_dretprobe(&rp);
	KUNIT_ASSERT_GT(test, trace_len, 0U);
	for (i = 0; i < trace_len; i++) {
		KUNIT_EXPECT_FALSE(test, is_rethook_trampoline(trace_entries[i]));
		if (trace_entries[i] >= start && trace_entries[i] < start + size)
			caller_seen = true;
	}
	KUNIT_EXPECT_TRUE(test, caller_seen);
}

static struct kunit_case dprobes_test_cases[] = {
	KUNIT_CASE(test_entry_probe),
	KUNIT_CASE(test_branch_probe),
	KUNIT_CASE(test_riprel_probe),
	KUNIT_CASE(test_call_probe),
	KUNIT_CASE(test_step_keeps_if),
	KUNIT_CASE(test_step_leaving),
	KUNIT_CASE(test_ftrace_probe),
	KUNIT_CASE(test_redirect),
	KUNIT_CASE(test_shared_address),
	KUNIT_CASE(test_refusals),
	KUNIT_CASE(test_kprobes_lookups),
	KUNIT_CASE(test_disable_enable),
	KUNIT_CASE(test_reentrancy),
	KUNIT_CASE(test_unregister_while_hit),
	KUNIT_CASE(test_retprobe_values),
	KUNIT_CASE(test_retprobe_recursion),
	KUNIT_CASE(test_retprobe_sleep),
	KUNIT_CASE(test_retprobe_stacktrace),
	{}
};

static struct kunit_suite dprobes_test_suite = {
	.name = "dprobes",
	.init = dprobes_test_init,
	.test_cases = dprobes_test_cases,
};

kunit_test_suite(dprobes_test_suite);
