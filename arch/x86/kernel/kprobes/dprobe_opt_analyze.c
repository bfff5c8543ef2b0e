// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: proving that a jump may replace a site's breakpoint.
 *
 * The jump is 5 bytes, so it covers the probed instruction and as many
 * following ones as it takes to reach 5 bytes (the "region").  Those
 * instructions move to the detour.  That is safe only if nothing can
 * ever arrive at a byte of the region other than its first:
 *
 *  - the region stays inside the function (kallsyms bounds);
 *  - no relative branch of the function, or of its compiler-split
 *    ".cold" part, targets the region after its first byte;
 *  - no exception-table fixup lands there, and no instruction of the
 *    region can fault into a fixup (fixups are found by address);
 *  - no indirect branch can land there: with IBT every such target is an
 *    endbr64, so none may be in the region; without IBT or retpolines
 *    (which imply -fno-jump-tables) a function with an indirect jump is
 *    refused, as it may use a jump table;
 *  - no other patcher may rewrite the region (ftrace, jump labels,
 *    static calls, SMP alternatives) or branch into it (a jump label's
 *    target, whether its key is on or off now: dprobe_reserved.c), and
 *    no other probe is inside it;
 *  - every instruction can run from the detour: RIP-relative operands
 *    are re-aimed, relative jumps and conditional jumps become rel32
 *    forms aimed at their original targets, and a call is accepted as
 *    the region's last instruction (it becomes a push of the original
 *    return address and a jump, so no return address ever points into
 *    the detour).
 *
 * Tasks preempted inside the region are the optimizer's business (it
 * waits for an RCU-tasks grace period before patching).
 */
#include <linux/extable.h>
#include <linux/kallsyms.h>
#include <linux/module.h>

#include "dprobe_x86.h"

/* May the function contain indirect jumps? Only without jump tables. */
static bool jump_tables_impossible(void)
{
	return IS_ENABLED(CONFIG_X86_KERNEL_IBT) ||
	       IS_ENABLED(CONFIG_MITIGATION_RETPOLINE);
}

/* Where an exception-table entry sends a faulting instruction. */
static unsigned long extable_fixup(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

static bool inside_region(unsigned long a, unsigned long start,
			  unsigned long len)
{
	return a > start && a < start + len;
}

/*
 * Checks every instruction of a function against the region: branches
 * and fixups into it, indirect jumps.  Returns 0 or -EINVAL.
 */
static int check_function(const struct dprobe_func_text *ft,
			  unsigned long start, unsigned long len)
{
	const struct exception_table_entry *e;
	unsigned long a;
	struct dinsn di;
	size_t off;

	for (off = 0; off < ft->size; off += di.len) {
		a = ft->start + off;
		if (dprobe_func_text_decode(ft, off, &di))
			return -EINVAL;
		if ((di.flags & DINSN_F_REL) &&
		    inside_region(dinsn_branch_target(&di, a), start, len))
			return -EINVAL;
		if (di.branch == DINSN_BR_JMP_IND &&
		    ((di.modrm >> 6) != 3 || !jump_tables_impossible()))
			return -EINVAL;
		/* an absolute target is not DINSN_F_REL: refuse rather than chase */
		if (di.branch == DINSN_BR_JMP_ABS)
			return -EINVAL;
		e = search_exception_tables(a);
		if (e && (inside_region(extable_fixup(e), start, len) ||
			  (a >= start && a < start + len)))
			return -EINVAL;
	}
	return 0;
}

/* The compiler's ".cold" part of the function may jump back into it. */
static int check_cold_part(unsigned long addr, unsigned long len)
{
	char name[KSYM_NAME_LEN + 8];
	struct dprobe_func_text ft;
	unsigned long cold;
	int ret;

	if (lookup_symbol_name(addr, name))
		return -EINVAL;
	strlcat(name, ".cold", sizeof(name));
	cold = kallsyms_lookup_name(name);
	if (!cold)
		return 0;
	ret = dprobe_func_text_get(cold, &ft);
	if (ret)
		return -EINVAL;
	ret = check_function(&ft, addr, len);
	dprobe_func_text_put(&ft);
	return ret;
}

/* Can this region instruction run from the detour? */
static int check_region_insn(const struct dinsn *di, bool last)
{
	if (dprobe_x86_insn_refused(di))
		return -EINVAL;
	/* an indirect-branch target: with IBT it must stay an endbr64 */
	if (di->flags & DINSN_F_ENDBR)
		return -EINVAL;
	switch (di->branch) {
	case DINSN_BR_JMP:
	case DINSN_BR_JCC:
		/* rel8 and rel32 forms both get a rel32 form */
		return di->opsize == 2 ? -EINVAL : 0;
	case DINSN_BR_CALL:
		return last && di->opsize != 2 ? 0 : -EINVAL;
	case DINSN_BR_LOOP:	/* no rel32 form */
	case DINSN_BR_CALL_IND:	/* would return into the detour */
		return -EINVAL;
	}
	return 0;
}

/**
 * dprobe_opt_analyze() - may a jump replace @site's breakpoint?
 * @site: an armed breakpoint site; called under dprobe_mutex
 * @plan: on success, the instructions the jump covers and their bytes
 *
 * Return: 0 when it may; -EBUSY while another probe is inside the
 * region; -EINVAL, -ENOENT, -ENOMEM or -EFAULT when it may not.
 */
int dprobe_opt_analyze(struct dprobe_site *site, struct dprobe_opt_plan *plan)
{
	unsigned long addr = site->addr;
	struct dprobe_func_text ft;
	size_t off, pos = 0;
	struct dinsn *di;
	int ret;

	dprobe_lockdep_assert_held();

	dprobe_text_lock();
	ret = dprobe_func_text_get(addr, &ft);
	if (ret)
		goto unlock;
	off = addr - ft.start;
	plan->n = 0;
	while (pos < JMP32_INSN_SIZE) {
		di = &plan->insn[plan->n];
		ret = dprobe_func_text_decode(&ft, off + pos, di);
		if (ret)
			goto out;
		pos += di->len;
		ret = check_region_insn(di, pos >= JMP32_INSN_SIZE);
		if (ret)
			goto out;
		plan->n++;
	}
	plan->len = pos;
	memcpy(plan->bytes, ft.buf + off, pos);

	/*
	 * The decoder kept every instruction inside the function.  Other
	 * patchers: none may rewrite the region or, whatever the state of
	 * their switches, branch into it.
	 */
	ret = -EINVAL;
	if (dprobe_text_patched(addr, addr + pos) ||
	    dprobe_text_branch_target(addr, addr + pos))
		goto out;
	ret = check_function(&ft, addr, pos);
	if (!ret)
		ret = check_cold_part(addr, pos);
	if (!ret && dprobe_site_in_range(addr, addr + pos))
		ret = -EBUSY;
out:
	dprobe_func_text_put(&ft);
unlock:
	dprobe_text_unlock();
	return ret;
}
