// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite "xmodify": cross-modifying code, without dprobes.
 *
 * Not a test of the engine: a test of the machine the tests run on.  One
 * CPU rewrites the immediate of a mov with text_poke(), serialises every
 * CPU with text_poke_sync() and then publishes the new value; another
 * CPU reads the published value and then calls the function.  On x86 the
 * call must return at least the published value: the serialising IPI
 * came before the publication.  QEMU's multi-threaded TCG can keep a
 * translation of the old code made while the write was under way (see
 * tools/testing/vm/run-vm.sh); this shows it, with no probe involved.
 *
 * Skipped unless dprobe_xmodify_kunit.rounds=N is on the command line
 * (tools/testing/vm/xmodify.sh).
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/memory.h>
#include <linux/moduleparam.h>
#include <asm/dprobes_test.h>
#include <asm/text-patching.h>

static unsigned int rounds;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "values to write (0: skip the suite)");

static unsigned int xm_published;
static unsigned long xm_calls, xm_stale, xm_worst;

static int xmodify_reader(void *arg)
{
	unsigned int seen, got;

	while (!kthread_should_stop()) {
		/* pairs with the writer's release: the rewrite came before */
		seen = smp_load_acquire(&xm_published);
		got = dprobe_test_xmodify();
		xm_calls++;
		if (got < seen) {
			xm_stale++;
			xm_worst = max_t(unsigned long, xm_worst, seen - got);
		}
		cond_resched();
	}
	return 0;
}

static void test_xmodify(struct kunit *test)
{
	/* the mov's immediate, after its opcode byte */
	void *imm = (void *)dprobe_test_xmodify_mov + 1;
	struct task_struct *reader;
	unsigned int k;

	if (!rounds)
		kunit_skip(test, "dprobe_xmodify_kunit.rounds=0");
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	KUNIT_ASSERT_EQ(test, *(u8 *)dprobe_test_xmodify_mov, 0xb8);
	xm_published = 0;
	xm_calls = 0;
	xm_stale = 0;
	xm_worst = 0;
	reader = kthread_run_on_cpu(xmodify_reader, NULL, 1, "xmodify/%u");
	KUNIT_ASSERT_FALSE(test, IS_ERR(reader));
	for (k = 1; k <= rounds; k++) {
		mutex_lock(&text_mutex);
		text_poke(imm, &k, sizeof(k));
		text_poke_sync();
		mutex_unlock(&text_mutex);
		/* publish only after every CPU was serialised */
		smp_store_release(&xm_published, k);
		cond_resched();
	}
	kthread_stop(reader);
	kunit_info(test, "%u rewrites, %lu calls, %lu stale (worst %lu behind)\n",
		   rounds, xm_calls, xm_stale, xm_worst);
	KUNIT_EXPECT_EQ(test, xm_stale, 0UL);
	KUNIT_EXPECT_EQ(test, dprobe_test_xmodify(), rounds);
	k = 0;
	mutex_lock(&text_mutex);
	text_poke(imm, &k, sizeof(k));
	text_poke_sync();
	mutex_unlock(&text_mutex);
}

static struct kunit_case xmodify_cases[] = {
	KUNIT_CASE_SLOW(test_xmodify),
	{}
};

static struct kunit_suite xmodify_suite = {
	.name = "xmodify",
	.test_cases = xmodify_cases,
};

kunit_test_suite(xmodify_suite);
