// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the kprobes API of <linux/kprobes.h>, served by the engine.
 *
 * A struct kprobe carries one engine probe in its arch-specific part
 * (<asm/dprobes-kprobes.h>).  Registering the kprobe registers that probe
 * with handlers that call the kprobe's own, with current_kprobe and the
 * control block set as kprobes users expect: kprobe_running() is the
 * kprobe inside its handlers, and a probe hit meanwhile is a miss.
 * Misses are counted into kprobe::nmissed, which users read directly.
 *
 * Registered kprobes are kept in a table keyed by their own address, to
 * refuse a second registration and to ignore unregistering a stranger;
 * get_kprobe() looks an address up in the engine's table of sites.
 * Return probes are in kretprobes_api.c.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/hashtable.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/rculist.h>
#include <linux/slab.h>

#include "dprobes_internal.h"
#include "kprobes_api.h"

DEFINE_PER_CPU(struct kprobe *, current_kprobe);
EXPORT_PER_CPU_SYMBOL_GPL(current_kprobe);
DEFINE_PER_CPU(struct kprobe_ctlblk, kprobe_ctlblk);
EXPORT_PER_CPU_SYMBOL_GPL(kprobe_ctlblk);

#define KPROBE_TABLE_BITS	8
static DEFINE_HASHTABLE(kprobe_table, KPROBE_TABLE_BITS);
/* Serialises the table, registration and the kprobes' flags. */
DEFINE_MUTEX(kprobe_api_mutex);

static struct kprobe *dp_to_kprobe(struct dprobe *dp)
{
	return container_of(dp, struct kprobe, ainsn.dp);
}

static int kprobe_pre(struct dprobe *dp, struct pt_regs *regs)
{
	struct kprobe *kp = dp_to_kprobe(dp);
	int ret = 0;

	if (kp->pre_handler) {
		kprobe_api_enter(kp, KPROBE_HIT_ACTIVE);
		ret = kp->pre_handler(kp, regs);
		kprobe_api_leave();
	}
	return ret;
}

NOKPROBE_SYMBOL(kprobe_pre);

static void kprobe_post(struct dprobe *dp, struct pt_regs *regs,
			unsigned long flags)
{
	struct kprobe *kp = dp_to_kprobe(dp);

	kprobe_api_enter(kp, KPROBE_HIT_SSDONE);
	kp->post_handler(kp, regs, flags);
	kprobe_api_leave();
}

NOKPROBE_SYMBOL(kprobe_post);

/* Is @dp the engine probe of a struct kprobe (or of a kretprobe)? */
static bool dp_is_kprobe(const struct dprobe *dp)
{
	return dp->pre_handler == kprobe_pre ||
	       dp->pre_handler == kretprobe_api_entry;
}

/* Called under kprobe_api_mutex. */
static bool kprobe_registered(struct kprobe *kp)
{
	struct kprobe *k;

	lockdep_assert_held(&kprobe_api_mutex);
	hash_for_each_possible(kprobe_table, k, hlist, (unsigned long)kp) {
		if (k == kp)
			return true;
	}
	return false;
}

/**
 * kprobe_api_add() - register a kprobe's engine probe
 * @kp: the kprobe as its user filled it
 * @pre: the engine pre handler to use
 * @post: the engine post handler to use, or NULL
 *
 * Called under kprobe_api_mutex.  On success @kp->addr is the probed
 * address and @kp->flags tell whether it is a function entry driven by
 * ftrace.
 *
 * Return: 0, -EINVAL when @kp is registered already, or an error of
 * register_dprobe().
 */
int kprobe_api_add(struct kprobe *kp, dprobe_pre_handler_t pre,
		   dprobe_post_handler_t post)
{
	struct dprobe *dp = &kp->ainsn.dp;
	int ret;

	if (kprobe_registered(kp))
		return -EINVAL;
	memset(dp, 0, sizeof(*dp));
	dp->symbol_name = kp->symbol_name;
	dp->offset = kp->offset;
	dp->addr = (unsigned long)kp->addr;
	dp->pre_handler = pre;
	dp->post_handler = post;
	dp->nmissed = &kp->nmissed;
	if (kp->flags & KPROBE_FLAG_DISABLED)
		dp->flags = DPROBE_FL_DISABLED;
	kp->flags &= KPROBE_FLAG_DISABLED;
	kp->nmissed = 0;
	ret = register_dprobe(dp);
	if (ret)
		return ret;
	kp->addr = (kprobe_opcode_t *)dp->addr;
	if (dprobe_is_ftrace(dp))
		kp->flags |= KPROBE_FLAG_FTRACE;
	if (dprobe_func_entry(dp->addr))
		kp->flags |= KPROBE_FLAG_ON_FUNC_ENTRY;
	hash_add(kprobe_table, &kp->hlist, (unsigned long)kp);
	return 0;
}

/**
 * kprobe_api_remove() - unregister kprobes' engine probes, waiting once
 * @kps: kprobes; those not registered are skipped
 * @num: how many
 *
 * Called under kprobe_api_mutex.
 */
void kprobe_api_remove(struct kprobe **kps, int num)
{
	struct dprobe **dps;
	int i, n = 0;

	if (num <= 0)
		return;
	dps = kmalloc_array(num, sizeof(*dps), GFP_KERNEL);
	for (i = 0; i < num; i++) {
		if (!kprobe_registered(kps[i]))
			continue;
		hash_del(&kps[i]->hlist);
		if (dps)
			dps[n++] = &kps[i]->ainsn.dp;
		else
			unregister_dprobe(&kps[i]->ainsn.dp);
	}
	if (dps)
		unregister_dprobes(dps, n);
	kfree(dps);
}

/* A plain kprobe: our pre handler, our post handler only if it has one. */
static int kprobe_add_plain(struct kprobe *kp)
{
	return kprobe_api_add(kp, kprobe_pre,
			      kp->post_handler ? kprobe_post : NULL);
}

/**
 * register_kprobe() - place a probe on a kernel instruction
 * @kp: the probe: @kp->symbol_name and @kp->offset, or @kp->addr; its
 *	pre and post handlers; KPROBE_FLAG_DISABLED in @kp->flags to
 *	register it disabled
 *
 * The handlers run with preemption off and must not sleep.  A pre
 * handler that changes regs->ip and returns non-zero resumes there
 * instead of executing the probed instruction.
 *
 * Return: 0; -EINVAL for a registered probe, an address that is not an
 * instruction of kernel or module text or that may never be probed;
 * -ENOENT for an unknown symbol; -EILSEQ for an address inside an
 * instruction; -EBUSY for code another text patcher owns; -ENOMEM.
 */
int register_kprobe(struct kprobe *kp)
{
	int ret;

	mutex_lock(&kprobe_api_mutex);
	ret = kprobe_add_plain(kp);
	mutex_unlock(&kprobe_api_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(register_kprobe);

/**
 * register_kprobes() - place several probes, all or none
 * @kps: the probes
 * @num: how many
 *
 * Return: 0, or the first error of register_kprobe(); none of @kps is
 * registered then.
 */
int register_kprobes(struct kprobe **kps, int num)
{
	int added = 0, ret = num > 0 ? 0 : -EINVAL;

	/* one hold of the mutex: no other registration sees half a batch */
	mutex_lock(&kprobe_api_mutex);
	while (!ret && added < num) {
		ret = kprobe_add_plain(kps[added]);
		if (!ret)
			added++;
	}
	if (ret)
		kprobe_api_remove(kps, added);
	mutex_unlock(&kprobe_api_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(register_kprobes);

/**
 * unregister_kprobes() - remove several probes, waiting once
 * @kps: registered probes (others are ignored)
 * @num: how many
 *
 * When this returns no handler of @kps runs or will run.
 */
void unregister_kprobes(struct kprobe **kps, int num)
{
	mutex_lock(&kprobe_api_mutex);
	kprobe_api_remove(kps, num);
	mutex_unlock(&kprobe_api_mutex);
}
EXPORT_SYMBOL_GPL(unregister_kprobes);

/**
 * unregister_kprobe() - remove a probe
 * @kp: a registered probe (another one is ignored)
 */
void unregister_kprobe(struct kprobe *kp)
{
	unregister_kprobes(&kp, 1);
}
EXPORT_SYMBOL_GPL(unregister_kprobe);

/**
 * disable_kprobe() - stop calling a probe's handlers, keeping it placed
 * @kp: a registered probe (or a kretprobe's @kp)
 *
 * Return: 0, or -EINVAL when @kp is not registered.
 */
int disable_kprobe(struct kprobe *kp)
{
	int ret = -EINVAL;

	mutex_lock(&kprobe_api_mutex);
	if (kprobe_registered(kp)) {
		ret = disable_dprobe(&kp->ainsn.dp);
		if (!ret)
			kp->flags |= KPROBE_FLAG_DISABLED;
	}
	mutex_unlock(&kprobe_api_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(disable_kprobe);

/**
 * enable_kprobe() - call a disabled probe's handlers again
 * @kp: a registered probe (or a kretprobe's @kp)
 *
 * Return: 0; -EINVAL when @kp is not registered or its module's text
 * went away; an error arming the probe.
 */
int enable_kprobe(struct kprobe *kp)
{
	int ret = -EINVAL;

	mutex_lock(&kprobe_api_mutex);
	if (kprobe_registered(kp) && !kprobe_gone(kp)) {
		ret = enable_dprobe(&kp->ainsn.dp);
		if (!ret)
			kp->flags &= ~KPROBE_FLAG_DISABLED;
	}
	mutex_unlock(&kprobe_api_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(enable_kprobe);

/**
 * get_kprobe() - the kprobe placed at an address
 * @addr: an instruction address
 *
 * Called with preemption off.  With several kprobes at @addr, the first
 * registered is returned.
 *
 * Return: the kprobe, or NULL when no kprobe is placed at @addr.
 */
struct kprobe *get_kprobe(void *addr)
{
	struct dprobe_site *site = dprobe_site_lookup((unsigned long)addr);
	struct dprobe *dp;

	if (!site)
		return NULL;
	list_for_each_entry_rcu(dp, &site->probes, site_list) {
		if (dp_is_kprobe(dp))
			return dp_to_kprobe(dp);
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(get_kprobe);

NOKPROBE_SYMBOL(get_kprobe);

/* What kprobe_running() shows while kprobe_busy_begin() holds the CPU */
static struct kprobe kprobe_busy = {
	.addr = (kprobe_opcode_t *)&kprobe_busy_begin,
};

/**
 * kprobe_busy_begin() - run code as if a kprobe handler were running
 *
 * Disables preemption; until kprobe_busy_end(), probes hit on this CPU
 * are misses (fprobe uses it around its handlers).
 */
void kprobe_busy_begin(void)
{
	preempt_disable();
	kprobe_api_enter(&kprobe_busy, KPROBE_HIT_ACTIVE);
}

NOKPROBE_SYMBOL(kprobe_busy_begin);

/**
 * kprobe_busy_end() - end what kprobe_busy_begin() began
 */
void kprobe_busy_end(void)
{
	kprobe_api_leave();
	preempt_enable();
}

NOKPROBE_SYMBOL(kprobe_busy_end);

/**
 * within_kprobe_blacklist() - may no probe be placed at @addr?
 * @addr: a text address
 *
 * Return: true for NOKPROBE_SYMBOL() functions, probe-handling code and
 * the other places the engine never probes.
 */
bool within_kprobe_blacklist(unsigned long addr)
{
	return dprobe_within_blacklist(addr);
}

/**
 * kprobe_lookup_name() - the address of a symbol
 * @name: a kernel or module symbol, "MOD:SYM" accepted
 * @offset: not used: callers add it themselves, as with kprobes' own
 *
 * Return: the symbol's address, or NULL when it is unknown.
 */
kprobe_opcode_t *kprobe_lookup_name(const char *name, unsigned int offset)
{
	return (kprobe_opcode_t *)dprobe_resolve(name, 0);
}

/**
 * kprobe_on_func_entry() - is a place the entry of a function?
 * @addr: the place, or NULL when @sym names it
 * @sym: a symbol, or NULL when @addr is given
 * @offset: bytes after @addr or @sym
 *
 * Return: 0 at a function's first instruction (or the one after its
 * endbr64), -EINVAL elsewhere or unless exactly one of @addr and @sym is
 * given, -ENOENT when @sym is unknown.
 */
int kprobe_on_func_entry(kprobe_opcode_t *addr, const char *sym,
			 unsigned long offset)
{
	unsigned long a;

	if (!addr == !sym)
		return -EINVAL;
	a = sym ? dprobe_resolve(sym, 0) : (unsigned long)addr;
	if (!a)
		return -ENOENT;
	return dprobe_func_entry(a + offset) ? 0 : -EINVAL;
}

/**
 * kprobe_free_init_mem() - the kernel's init text is about to be freed
 *
 * Nothing to do: the engine never places a probe in the kernel's init
 * text (module init text is handled when the module goes live).
 */
void kprobe_free_init_mem(void)
{
}

/* After the engine's notifier: mirror its "gone" mark in kprobe::flags. */
static int kprobe_api_module_notify(struct notifier_block *nb,
				    unsigned long state, void *data)
{
	struct kprobe *kp;
	int bkt;

	if (state != MODULE_STATE_LIVE && state != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&kprobe_api_mutex);
	hash_for_each(kprobe_table, bkt, kp, hlist) {
		if (READ_ONCE(kp->ainsn.dp.flags) & DPROBE_FL_GONE)
			kp->flags |= KPROBE_FLAG_GONE;
	}
	mutex_unlock(&kprobe_api_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block kprobe_api_module_nb = {
	.notifier_call = kprobe_api_module_notify,
	.priority = -1,
};

static int __init kprobe_api_init(void)
{
	return register_module_notifier(&kprobe_api_module_nb);
}
core_initcall(kprobe_api_init);
