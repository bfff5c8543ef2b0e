// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: text that other patchers own.
 *
 * Besides dprobes, the kernel rewrites its own code at run time: jump
 * labels (static keys, tracepoints), static calls, ftrace (function call
 * sites and the call sites inside its own trampolines) and the SMP
 * alternatives (LOCK prefixes).  A probe must never sit on bytes that one
 * of them may rewrite, and a jump-optimized site must never cover an
 * address that one of them may make a branch target.  Both questions are
 * answered from the patchers' tables of every location they may touch,
 * never from the bytes there today: a disabled static key is a NOP now
 * and a jump to the middle of a detour tomorrow.
 *
 * The patchers serialise on jump_label_lock() and text_mutex, in that
 * order; dprobe_text_lock() takes both, so that the answers and any copy
 * of the text taken meanwhile stay true until dprobe_text_unlock().
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/ftrace.h>
#include <linux/jump_label.h>
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/static_call.h>
#include <asm/alternative.h>

#include "dprobe_x86.h"

/**
 * dprobe_text_lock() - stop every other text patcher
 *
 * Called under dprobe_mutex (which comes first in the lock order).
 */
void dprobe_text_lock(void)
{
	dprobe_lockdep_assert_held();

	jump_label_lock();
	mutex_lock(&text_mutex);
}

/**
 * dprobe_text_unlock() - let the other text patchers go on
 */
void dprobe_text_unlock(void)
{
	mutex_unlock(&text_mutex);
	jump_label_unlock();
}

/*
 * ftrace rewrites the call inside its own caller code whenever the set of
 * tracers changes (ftrace_update_ftrace_func()); those are not ftrace
 * records, so ftrace_text_reserved() does not know them.
 */
static const char * const ftrace_patched_calls[] = {
	"ftrace_call", "ftrace_regs_call",
};

static bool ftrace_caller_patched(unsigned long start, unsigned long end)
{
	unsigned long a;
	int i;

	if (!IS_ENABLED(CONFIG_DYNAMIC_FTRACE))
		return false;
	for (i = 0; i < ARRAY_SIZE(ftrace_patched_calls); i++) {
		a = kallsyms_lookup_name(ftrace_patched_calls[i]);
		if (a && a < end && start < a + MCOUNT_INSN_SIZE)
			return true;
	}
	return false;
}

/* A static call's trampoline is rewritten by every static_call_update(). */
static bool static_call_trampoline(unsigned long addr)
{
	char name[KSYM_NAME_LEN];

	if (!IS_ENABLED(CONFIG_HAVE_STATIC_CALL) || lookup_symbol_name(addr, name))
		return false;
	return !strncmp(name, STATIC_CALL_TRAMP_PREFIX_STR,
			STATIC_CALL_TRAMP_PREFIX_LEN);
}

/**
 * dprobe_text_patched() - may another patcher rewrite a byte of a range?
 * @start: first byte
 * @end: first byte after the range
 *
 * Called under dprobe_text_lock().  The range must lie inside one
 * function.
 *
 * Return: true when a jump label, static call site or trampoline, ftrace
 * call site or SMP alternative overlaps [@start, @end).
 */
bool dprobe_text_patched(unsigned long start, unsigned long end)
{
	void *s = (void *)start, *e = (void *)(end - 1);

	lockdep_assert_held(&text_mutex);
	/*
	 * The others take the last byte, alternatives the first byte after
	 * (given the same start and end, it never finds the prefix there).
	 */
	return ftrace_text_reserved(s, e) || jump_label_text_reserved(s, e) ||
	       static_call_text_reserved(s, e) ||
	       alternatives_text_reserved(s, (void *)end) ||
	       ftrace_caller_patched(start, end) ||
	       static_call_trampoline(start);
}

#ifdef CONFIG_JUMP_LABEL
/* Targets of the core kernel's jump labels, sorted, built on first use. */
static unsigned long *core_targets;
static unsigned int nr_core_targets;

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static int core_targets_build(void)
{
	struct jump_entry *e;
	unsigned int n = __stop___jump_table - __start___jump_table, i = 0;

	if (core_targets || !n)
		return 0;
	core_targets = kvmalloc_array(n, sizeof(*core_targets), GFP_KERNEL);
	if (!core_targets)
		return -ENOMEM;
	for (e = __start___jump_table; e < __stop___jump_table; e++)
		core_targets[i++] = jump_entry_target(e);
	sort(core_targets, n, sizeof(*core_targets), cmp_ulong, NULL);
	nr_core_targets = n;
	return 0;
}

/* Is a core jump-label target in (start, end)? Binary search. */
static bool core_target_inside(unsigned long start, unsigned long end)
{
	unsigned int lo = 0, hi = nr_core_targets, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (core_targets[mid] <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nr_core_targets && core_targets[lo] < end;
}

static bool module_target_inside(unsigned long start, unsigned long end)
{
	struct jump_entry *e, *stop;
	struct module *mod;
	unsigned long t;
	bool found = false;

	preempt_disable();
	mod = __module_text_address(start);
	if (mod && !try_module_get(mod))
		mod = NULL;
	preempt_enable();
	if (!mod)
		return false;
	stop = mod->jump_entries + mod->num_jump_entries;
	for (e = mod->jump_entries; e < stop && !found; e++) {
		t = jump_entry_target(e);
		found = t > start && t < end;
	}
	module_put(mod);
	return found;
}
#endif /* CONFIG_JUMP_LABEL */

/**
 * dprobe_text_branch_target() - may another patcher branch into a range?
 * @start: first byte of the range (arriving there is fine)
 * @end: first byte after it
 *
 * Every jump label, whatever its key's state now, may become a jump to
 * its target.  (Static calls and ftrace only branch to function entries
 * and to the instruction after an ftrace call site, which a range inside
 * one function that holds no ftrace site cannot have after @start.)
 * Called under dprobe_text_lock().
 *
 * Return: true when some jump label targets (@start, @end), or when the
 * tables cannot be read (out of memory: assume the worst).
 */
bool dprobe_text_branch_target(unsigned long start, unsigned long end)
{
	lockdep_assert_held(&text_mutex);
#ifdef CONFIG_JUMP_LABEL
	if (is_module_text_address(start))
		return module_target_inside(start, end);
	if (core_targets_build())
		return true;
	return core_target_inside(start, end);
#else
	return false;
#endif
}
