// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: kretprobes, the return probes of the kprobes API.
 *
 * A kretprobe is its kprobe on the function's entry plus a rethook pool
 * of rp->maxactive instances.  The entry probe takes an instance, lets
 * the entry handler fill its data and hooks the return; the rethook
 * calls the return handler with the registers at the return.  The
 * instance is the rethook node followed by the user's data, and the
 * rethook's data is the kretprobe, as get_kretprobe() and
 * get_kretprobe_retaddr() expect; unwinders see through the trampoline
 * with kretprobe_find_ret_addr().
 */
#include <linux/kprobes.h>
#include <linux/rethook.h>
#include <linux/slab.h>

#include "dprobes_internal.h"
#include "kprobes_api.h"

static void kretprobe_api_return(struct rethook_node *rh, void *data,
				 unsigned long ret_addr, struct pt_regs *regs)
{
	struct kretprobe *rp = data;

	if (!rp->handler)
		return;
	kprobe_api_enter(&rp->kp, KPROBE_HIT_ACTIVE);
	rp->handler(container_of(rh, struct kretprobe_instance, node), regs);
	kprobe_api_leave();
}

NOKPROBE_SYMBOL(kretprobe_api_return);

/**
 * kretprobe_api_entry() - the engine pre handler of a kretprobe
 * @dp: the engine probe of the kretprobe's kprobe
 * @regs: the registers at the function's entry
 *
 * Return: 0, the function runs on.
 */
int kretprobe_api_entry(struct dprobe *dp, struct pt_regs *regs)
{
	struct kprobe *kp = container_of(dp, struct kprobe, ainsn.dp);
	struct kretprobe *rp = container_of(kp, struct kretprobe, kp);
	struct kretprobe_instance *ri;
	struct rethook_node *rh;
	int skip = 0;

	rh = rethook_try_get(rp->rh);
	if (!rh) {
		WRITE_ONCE(rp->nmissed, rp->nmissed + 1);
		return 0;
	}
	ri = container_of(rh, struct kretprobe_instance, node);
	if (rp->entry_handler) {
		kprobe_api_enter(kp, KPROBE_HIT_ACTIVE);
		skip = rp->entry_handler(ri, regs);
		kprobe_api_leave();
	}
	if (skip)
		rethook_recycle(rh);
	else
		rethook_hook(rh, regs, false);
	return 0;
}

NOKPROBE_SYMBOL(kretprobe_api_entry);

/**
 * register_kretprobe() - place a probe on a function's return
 * @rp: the probe: @rp->kp.symbol_name (or addr) naming the function's
 *	entry, @rp->handler, optionally @rp->entry_handler, @rp->data_size
 *	bytes of per-call data and @rp->maxactive concurrent calls
 *
 * A @rp->maxactive of 0 or less picks max(10, 2 * possible CPUs), and
 * is written back.  Calls beyond it count in @rp->nmissed.
 *
 * Return: 0; -E2BIG when @rp->data_size exceeds KRETPROBE_MAX_DATA_SIZE;
 * -EINVAL when the address is not a function's entry or may not be
 * probed; or an error of register_kprobe().
 */
int register_kretprobe(struct kretprobe *rp)
{
	struct dprobe where = {
		.symbol_name = rp->kp.symbol_name,
		.offset = rp->kp.offset,
		.addr = (unsigned long)rp->kp.addr,
	};
	int ret;

	if (rp->data_size > KRETPROBE_MAX_DATA_SIZE)
		return -E2BIG;
	if (where.symbol_name && where.addr)
		return -EINVAL;
	ret = dprobe_check_return_site(&where);
	if (ret)
		return ret;
	if (rp->maxactive <= 0)
		rp->maxactive = dprobe_default_maxactive();
	rp->rh = rethook_alloc(rp, kretprobe_api_return,
			       sizeof(struct kretprobe_instance) + rp->data_size,
			       rp->maxactive);
	if (IS_ERR(rp->rh)) {
		ret = PTR_ERR(rp->rh);
		rp->rh = NULL;
		return ret;
	}
	rp->nmissed = 0;
	mutex_lock(&kprobe_api_mutex);
	ret = kprobe_api_add(&rp->kp, kretprobe_api_entry, NULL);
	mutex_unlock(&kprobe_api_mutex);
	if (ret) {
		rethook_free(rp->rh);
		rp->rh = NULL;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(register_kretprobe);

/**
 * register_kretprobes() - place several return probes, all or none
 * @rps: the probes
 * @num: how many
 *
 * Return: 0, or the first error of register_kretprobe(); none of @rps
 * is registered then.
 */
int register_kretprobes(struct kretprobe **rps, int num)
{
	int added = 0, ret = num > 0 ? 0 : -EINVAL;

	while (!ret && added < num) {
		ret = register_kretprobe(rps[added]);
		if (!ret)
			added++;
	}
	/* all or none */
	if (ret)
		unregister_kretprobes(rps, added);
	return ret;
}
EXPORT_SYMBOL_GPL(register_kretprobes);

/**
 * unregister_kretprobes() - remove several return probes, waiting once
 * @rps: registered return probes
 * @num: how many
 *
 * Calls still in flight return normally without their return handler;
 * the instance pools are freed once the last of them has returned.
 */
void unregister_kretprobes(struct kretprobe **rps, int num)
{
	struct kprobe **kps;
	int i;

	if (num <= 0)
		return;
	for (i = 0; i < num; i++) {
		if (rps[i]->rh)
			rethook_stop(rps[i]->rh);
	}
	kps = kmalloc_array(num, sizeof(*kps), GFP_KERNEL);
	mutex_lock(&kprobe_api_mutex);
	for (i = 0; i < num; i++) {
		if (kps)
			kps[i] = &rps[i]->kp;
		else
			kprobe_api_remove((struct kprobe *[]){ &rps[i]->kp }, 1);
	}
	if (kps)
		kprobe_api_remove(kps, num);
	mutex_unlock(&kprobe_api_mutex);
	kfree(kps);
	for (i = 0; i < num; i++) {
		if (rps[i]->rh)
			rethook_free(rps[i]->rh);
		rps[i]->rh = NULL;
	}
}
EXPORT_SYMBOL_GPL(unregister_kretprobes);

/**
 * unregister_kretprobe() - remove a return probe
 * @rp: a registered return probe
 */
void unregister_kretprobe(struct kretprobe *rp)
{
	unregister_kretprobes(&rp, 1);
}
EXPORT_SYMBOL_GPL(unregister_kretprobe);
