// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: return probes.
 *
 * A return probe is a probe on the function's first instruction whose
 * handler takes a free instance from a pool, lets the entry handler fill
 * its private data, and swaps the return address on the stack for the
 * kernel's return-hook trampoline (rethook).  When the function returns,
 * the trampoline calls our return handler with the instance and the
 * registers at the return, then puts the real return address back.  The
 * rethook keeps a per-task list of pending returns, so recursion,
 * preemption and sleeping in the function are all fine, and the ORC
 * unwinder knows how to see through the trampoline.
 */
#include <linux/cpumask.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/rethook.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <asm/ibt.h>

#include "dprobes_internal.h"

/* One pool element: the rethook's node, then our instance. */
struct dretprobe_node {
	struct rethook_node node;
	struct dretprobe_instance inst;
};

static void dretprobe_return(struct rethook_node *rh, void *data,
			     unsigned long ret_addr, struct pt_regs *regs)
{
	struct dretprobe_node *rn = container_of(rh, struct dretprobe_node, node);
	struct dretprobe *rp = data;

	rn->inst.ret_addr = ret_addr;
	rp->handler(&rn->inst, regs);
}

NOKPROBE_SYMBOL(dretprobe_return);

static int dretprobe_entry(struct dprobe *p, struct pt_regs *regs)
{
	struct dretprobe *rp = container_of(p, struct dretprobe, dp);
	struct dretprobe_node *rn;
	struct rethook_node *rh;

	rh = rethook_try_get(rp->rh);
	if (!rh) {
		atomic_long_inc(&rp->nmissed);
		return 0;
	}
	rn = container_of(rh, struct dretprobe_node, node);
	rn->inst.rp = rp;
	rn->inst.ret_addr = 0;
	if (rp->entry_handler && rp->entry_handler(&rn->inst, regs)) {
		rethook_recycle(rh);
		return 0;
	}
	/* At the first instruction regs->sp points at the return address. */
	rethook_hook(rh, regs, false);
	return 0;
}

NOKPROBE_SYMBOL(dretprobe_entry);

/**
 * dprobe_is_return() - is @p the entry probe of a return probe?
 * @p: a registered probe
 *
 * Return: true for the probe embedded in a struct dretprobe.
 */
bool dprobe_is_return(const struct dprobe *p)
{
	return p->pre_handler == dretprobe_entry;
}
EXPORT_SYMBOL_GPL(dprobe_is_return);

/**
 * dprobe_func_entry() - is @addr a function's first instruction?
 * @addr: a text address
 *
 * With IBT the first instruction after the endbr64 counts as well.
 *
 * Return: true at a function's entry.
 */
bool dprobe_func_entry(unsigned long addr)
{
	unsigned long size, offset;
	u32 insn;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset))
		return false;
	return !offset || (offset == ENDBR_INSN_SIZE &&
			   !copy_from_kernel_nofault(&insn, (void *)(addr - offset),
						     sizeof(insn)) &&
			   is_endbr(insn));
}

/**
 * dprobe_default_maxactive() - concurrent calls a return probe tracks
 *	when its user asks for 0
 *
 * Return: max(10, 2 * possible CPUs).
 */
int dprobe_default_maxactive(void)
{
	return max_t(int, 10, 2 * num_possible_cpus());
}

/**
 * dprobe_check_return_site() - may a return probe be placed where @p says?
 * @p: the entry probe, not registered yet
 *
 * Return: 0; -ENOENT for an unknown symbol; -EINVAL when the place is not
 * a function's entry, or is __switch_to(), which returns in another task
 * than the one that called it.
 */
int dprobe_check_return_site(const struct dprobe *p)
{
	unsigned long addr;

	addr = p->symbol_name ? dprobe_resolve(p->symbol_name, p->offset) :
		p->addr + p->offset;
	if (!addr)
		return -ENOENT;
	if (!dprobe_func_entry(addr))
		return -EINVAL;
	if (addr == kallsyms_lookup_name("__switch_to"))
		return -EINVAL;
	return 0;
}

/**
 * register_dretprobe() - place a return probe
 * @rp: the probe; set @rp->dp.symbol_name (or addr) and @rp->handler
 *
 * Return: 0; -EINVAL when the place is not a function entry or the
 * handler is missing; or an error of register_dprobe().
 */
int register_dretprobe(struct dretprobe *rp)
{
	int ret;

	if (!rp->handler || rp->dp.pre_handler || rp->dp.post_handler)
		return -EINVAL;
	ret = dprobe_check_return_site(&rp->dp);
	if (ret)
		return ret;
	/* the default is written back, so callers can show what they got */
	if (rp->maxactive <= 0)
		rp->maxactive = dprobe_default_maxactive();
	rp->rh = rethook_alloc(rp, dretprobe_return,
			       sizeof(struct dretprobe_node) + rp->data_size,
			       rp->maxactive);
	if (IS_ERR(rp->rh)) {
		ret = PTR_ERR(rp->rh);
		rp->rh = NULL;
		return ret;
	}
	atomic_long_set(&rp->nmissed, 0);
	rp->dp.pre_handler = dretprobe_entry;
	ret = register_dprobe(&rp->dp);
	if (ret) {
		rp->dp.pre_handler = NULL;
		rethook_free(rp->rh);
		rp->rh = NULL;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(register_dretprobe);

/**
 * unregister_dretprobes() - remove several return probes, waiting once
 * @rps: registered return probes
 * @num: how many
 *
 * Calls still in flight return normally; their return handlers are not
 * called.
 */
void unregister_dretprobes(struct dretprobe **rps, int num)
{
	struct dprobe **dps;
	int i;

	if (num <= 0)
		return;
	dps = kmalloc_array(num, sizeof(*dps), GFP_KERNEL);
	for (i = 0; i < num; i++) {
		rethook_stop(rps[i]->rh);
		if (dps)
			dps[i] = &rps[i]->dp;
		else
			unregister_dprobe(&rps[i]->dp);
	}
	if (dps)
		unregister_dprobes(dps, num);
	kfree(dps);
	for (i = 0; i < num; i++) {
		/* Frees itself once every pending return has come back. */
		rethook_free(rps[i]->rh);
		rps[i]->rh = NULL;
		rps[i]->dp.pre_handler = NULL;
	}
}
EXPORT_SYMBOL_GPL(unregister_dretprobes);

/**
 * unregister_dretprobe() - remove a return probe
 * @rp: a registered return probe
 *
 * Calls still in flight return normally; their return handler is not
 * called.
 */
void unregister_dretprobe(struct dretprobe *rp)
{
	unregister_dretprobes(&rp, 1);
}
EXPORT_SYMBOL_GPL(unregister_dretprobe);

/**
 * dretprobe_nmissed() - returns missed for lack of a free instance
 * @rp: a registered return probe
 *
 * Return: the pool misses plus the entry probe's reentrancy misses.
 */
unsigned long dretprobe_nmissed(struct dretprobe *rp)
{
	return atomic_long_read(&rp->nmissed) + dprobe_nmissed(&rp->dp);
}
EXPORT_SYMBOL_GPL(dretprobe_nmissed);
