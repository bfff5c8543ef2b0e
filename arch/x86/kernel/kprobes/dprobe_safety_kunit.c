// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite "dprobes_safety": text that other patchers own.
 *
 * The jump optimizer must never cover an address another patcher may
 * branch to later, and no probe may sit on bytes another patcher may
 * rewrite.  These cases ask the engine about every such place the running
 * kernel has (every jump label of the core kernel), not about a few
 * chosen ones, and check that out-of-line code is known to unwinders.
 */
#include <kunit/test.h>
#include <linux/dprobes.h>
#include <linux/jump_label.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/memory.h>
#include <linux/slab.h>

#include "dprobe_x86.h"

/* Is @addr an instruction boundary (as the engine decodes it)? */
static bool boundary(unsigned long addr)
{
	int ret;

	dprobe_text_lock();
	ret = dprobe_arch_check_boundary(addr);
	dprobe_text_unlock();
	return !ret;
}

/*
 * Every instruction that starts in the 4 bytes before a jump label's
 * target would, once jump-optimized, cover that target with its 5-byte
 * jump: the analysis must refuse each one, whether the label's key is on
 * or off.  (kfree+0x14, before the disabled kmem:kfree tracepoint's
 * target, was optimized and crashed once the tracepoint was enabled.)
 */
static void test_jump_label_targets(struct kunit *test)
{
#ifdef CONFIG_DPROBES_OPTIMIZE
	struct dprobe_opt_plan *plan;
	struct dprobe_site *site;
	struct jump_entry *e;
	unsigned long target, a, size, off;
	unsigned int spots = 0, refused = 0, k;

	plan = kunit_kzalloc(test, sizeof(*plan), GFP_KERNEL);
	site = kunit_kzalloc(test, sizeof(*site), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plan);
	KUNIT_ASSERT_NOT_NULL(test, site);
	dprobe_lock();
	for (e = __start___jump_table; e < __stop___jump_table; e++) {
		if (jump_entry_is_init(e))
			continue;
		target = jump_entry_target(e);
		if (!kallsyms_lookup_size_offset(target, &size, &off))
			continue;
		for (k = 1; k < JMP32_INSN_SIZE && k <= off; k++) {
			a = target - k;
			if (!boundary(a))
				continue;
			spots++;
			site->addr = a;
			if (dprobe_opt_analyze(site, plan)) {
				refused++;
			} else {
				KUNIT_FAIL(test, "%pS would cover the jump label target %pS",
					   (void *)a, (void *)target);
			}
		}
		cond_resched();
	}
	dprobe_unlock();
	kunit_info(test, "%u instructions before %ld jump-label targets, %u refused\n",
		   spots, (long)(__stop___jump_table - __start___jump_table),
		   refused);
	/* not vacuous: this kernel has such places (kfree's tracepoint) */
	KUNIT_EXPECT_GT(test, spots, 100U);
#else
	kunit_skip(test, "no jump optimizer (CONFIG_DPROBES_OPTIMIZE=n)");
#endif
}

static int pre_nop(struct dprobe *p, struct pt_regs *regs)
{
	return 0;
}

/* Expects register_dprobe() at @addr to fail with @err. */
static void expect_refused(struct kunit *test, unsigned long addr, int err)
{
	struct dprobe p = { .addr = addr, .pre_handler = pre_nop };
	int ret;

	KUNIT_ASSERT_NE(test, addr, 0UL);
	ret = register_dprobe(&p);
	KUNIT_EXPECT_EQ_MSG(test, ret, err, "%pS", (void *)addr);
	if (!ret)
		unregister_dprobe(&p);
}

/* The first jump label of the core kernel outside init text. */
static unsigned long some_jump_label(void)
{
	struct jump_entry *e;

	for (e = __start___jump_table; e < __stop___jump_table; e++) {
		if (!jump_entry_is_init(e))
			return jump_entry_code(e);
	}
	return 0;
}

/*
 * Bytes other patchers rewrite: a jump label, the call inside ftrace's
 * caller that ftrace repoints at its tracers, a static call trampoline
 * (a tracepoint's), and retpoline thunks (blacklisted by _ASM_NOKPROBE).
 */
static void test_patched_text_refused(struct kunit *test)
{
	expect_refused(test, some_jump_label(), -EBUSY);
	if (IS_ENABLED(CONFIG_DYNAMIC_FTRACE)) {
		expect_refused(test, kallsyms_lookup_name("ftrace_call"), -EBUSY);
		expect_refused(test, kallsyms_lookup_name("ftrace_regs_call"),
			       -EBUSY);
	}
	if (IS_ENABLED(CONFIG_HAVE_STATIC_CALL) && IS_ENABLED(CONFIG_TRACEPOINTS))
		expect_refused(test,
			       kallsyms_lookup_name("__SCT__tp_func_sched_switch"),
			       -EBUSY);
	if (IS_ENABLED(CONFIG_MITIGATION_RETPOLINE))
		expect_refused(test,
			       kallsyms_lookup_name("__x86_indirect_thunk_rax"),
			       -EINVAL);
}

struct clone_search {
	struct kunit *test;
	unsigned int found;
};

/* A compiler clone (foo.isra.0 ...) of a blacklisted foo is refused too. */
static int check_clone(void *data, const char *name, unsigned long addr)
{
	struct clone_search *cs = data;
	char base[KSYM_NAME_LEN];
	const char *dot = strchr(name, '.');
	unsigned long b;

	if (!dot || dot == name || !core_kernel_text(addr))
		return 0;
	strscpy(base, name, min_t(size_t, dot - name + 1, sizeof(base)));
	b = kallsyms_lookup_name(base);
	if (!b || !dprobe_within_blacklist(b))
		return 0;
	cs->found++;
	KUNIT_EXPECT_TRUE_MSG(cs->test, dprobe_within_blacklist(addr), "%s", name);
	return 0;
}

static void test_blacklisted_clones(struct kunit *test)
{
	struct clone_search cs = { .test = test };
	struct dprobe p = { .symbol_name = "dprobe_test_blacklisted.isra.0",
			    .pre_handler = pre_nop };

	/* ours (dprobe_test_targets.S), then every one the kernel has */
	KUNIT_EXPECT_EQ(test, register_dprobe(&p), -EINVAL);
	kallsyms_on_each_symbol(check_clone, &cs);
	kunit_info(test, "%u clones of blacklisted functions\n", cs.found);
	KUNIT_EXPECT_GE(test, cs.found, 1U);
}

static int pre_count(struct dprobe *p, struct pt_regs *regs)
{
	return 0;
}

/* Unwinders treat the slots that run displaced instructions as code. */
static void test_slot_is_text(struct kunit *test)
{
	struct dprobe p = { .symbol_name = "dprobe_test_riprel_load",
			    .pre_handler = pre_count };
	unsigned long slot;

	KUNIT_ASSERT_EQ(test, register_dprobe(&p), 0);
	slot = (unsigned long)p.site->arch.slot;
	KUNIT_EXPECT_NE(test, slot, 0UL);
	KUNIT_EXPECT_TRUE(test, kernel_text_address(slot));
	KUNIT_EXPECT_TRUE(test, dprobe_is_slot(slot + DPROBE_SLOT_SIZE - 1));
	unregister_dprobe(&p);
	KUNIT_EXPECT_FALSE(test, dprobe_is_slot((unsigned long)&p));
}

/*
 * APX encodings name registers 16-31, which pt_regs and the emulation of
 * indirect branches lack (jmp *%r16 would have jumped through %rax): the
 * engine refuses them, and their legacy forms stay probe-able.
 */
static void test_apx_refused(struct kunit *test)
{
	static const struct {
		u8 bytes[11];
		u8 len;
		bool refused;
	} cases[] = {
		{ { 0x89, 0xc8 }, 2, false },			/* mov %ecx,%eax */
		{ { 0xd5, 0x00, 0x89, 0xc8 }, 4, true },	/* the same with REX2 */
		{ { 0xff, 0xe0 }, 2, false },			/* jmp *%rax */
		{ { 0xd5, 0x10, 0xff, 0xe0 }, 4, true },	/* jmp *%r16 */
		{ { 0x62, 0xf4, 0x7c, 0x18, 0x01, 0xc8 }, 6, true }, /* EVEX map 4 add */
		{ { 0xd5, 0x00, 0xa1 }, 11, true },		/* jmpabs */
	};
	struct dinsn di;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_ASSERT_EQ_MSG(test, dinsn_decode(&di, cases[i].bytes,
						       cases[i].len, DINSN_MODE_64),
				    0, "case %zu decodes", i);
		KUNIT_EXPECT_EQ_MSG(test, dprobe_x86_insn_refused(&di),
				    cases[i].refused, "case %zu", i);
	}
}

static struct kunit_case dprobes_safety_cases[] = {
	KUNIT_CASE_SLOW(test_jump_label_targets),
	KUNIT_CASE(test_patched_text_refused),
	KUNIT_CASE(test_blacklisted_clones),
	KUNIT_CASE(test_slot_is_text),
	KUNIT_CASE(test_apx_refused),
	{}
};

static struct kunit_suite dprobes_safety_suite = {
	.name = "dprobes_safety",
	.test_cases = dprobes_safety_cases,
};

kunit_test_suite(dprobes_safety_suite);
