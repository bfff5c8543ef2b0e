// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: registering, enabling and removing probes.
 *
 * A site is armed (its breakpoint or ftrace hook in place) while at least
 * one of its probes is enabled and probes are globally armed.  Removing
 * a probe takes it off its site's list, disarms an emptied site, waits for
 * every handler that could still see the probe (an RCU grace period:
 * the trap and ftrace paths are RCU readers), and frees the site's
 * executable slot only after an RCU-tasks grace period, when no task can
 * still be preempted inside it.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/ftrace.h>
#include <linux/hashtable.h>
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <asm/ibt.h>

#include "dprobes_internal.h"

/* Serialises registration, arming and readers of the probe lists. */
DEFINE_MUTEX(dprobe_mutex);
bool dprobes_all_armed = true;
LIST_HEAD(dprobe_gone_sites);

/* For the architecture's part, which sees no more of the engine. */
void dprobe_lock(void)
{
	mutex_lock(&dprobe_mutex);
}

void dprobe_unlock(void)
{
	mutex_unlock(&dprobe_mutex);
}

#ifdef CONFIG_LOCKDEP
void dprobe_lockdep_assert_held(void)
{
	lockdep_assert_held(&dprobe_mutex);
}
#endif

/**
 * dprobe_resolve() - the address of @symbol plus @offset
 * @symbol: a kernel or module symbol, "MOD:SYM" accepted
 * @offset: byte offset
 *
 * Return: the address, or 0 when @symbol is unknown.
 */
unsigned long dprobe_resolve(const char *symbol, unsigned int offset)
{
	unsigned long addr = kallsyms_lookup_name(symbol);

	return addr ? addr + offset : 0;
}
EXPORT_SYMBOL_GPL(dprobe_resolve);

/*
 * May a probe be placed at @addr?  Other text patchers are held still
 * meanwhile, so that what they may rewrite is known exactly.  Called
 * under dprobe_mutex.  Returns 0; -EINVAL when @addr is not kernel or
 * module text or is blacklisted; -EBUSY for bytes another patcher owns;
 * -EILSEQ when @addr is not an instruction boundary.
 */
static int check_address(unsigned long addr)
{
	int ret;

	/* Only the kernel's and modules' own code: no trampolines, no BPF. */
	if (!(core_kernel_text(addr) || is_module_text_address(addr)) ||
	    is_kernel_inittext(addr))
		return -EINVAL;
	if (dprobe_within_blacklist(addr) || dprobe_is_slot(addr))
		return -EINVAL;
	dprobe_text_lock();
	/* an ftrace call site itself is probed through ftrace */
	if (ftrace_location(addr) != addr &&
	    dprobe_text_patched(addr, addr + 1))
		ret = -EBUSY;
	else
		ret = dprobe_arch_check_boundary(addr);
	dprobe_text_unlock();
	if (ret && ret != -EBUSY && ret != -EILSEQ)
		ret = -EINVAL;
	return ret;
}

/*
 * Pins the module whose text holds @addr while its probe is placed, so
 * that it cannot go away meanwhile (its unloading then fails, as with
 * any module in use).  A module on its way out, and init text outside
 * the module's initialisation (freed once it is live), are refused.
 * Sets *@modp to NULL for the core kernel.
 */
static int get_text_module(unsigned long addr, struct module **modp)
{
	struct module *mod;
	int ret = 0;

	preempt_disable();
	mod = __module_text_address(addr);
	if (mod && !try_module_get(mod)) {
		mod = NULL;
		ret = -ENOENT;
	}
	if (mod && within_module_init(addr, mod) &&
	    mod->state != MODULE_STATE_COMING) {
		module_put(mod);
		mod = NULL;
		ret = -ENOENT;
	}
	preempt_enable();
	*modp = mod;
	return ret;
}

/* Resolves the probe's address; a function's endbr64 is skipped. */
static int resolve_probe_address(struct dprobe *p, unsigned long *out)
{
	unsigned long addr, size, offset;
	u32 insn;

	if (p->symbol_name && p->addr)
		return -EINVAL;
	if (p->symbol_name) {
		addr = dprobe_resolve(p->symbol_name, p->offset);
		if (!addr)
			return -ENOENT;
	} else {
		if (!p->addr)
			return -EINVAL;
		addr = p->addr + p->offset;
	}
	/* With IBT every function starts with endbr64, which cannot be copied. */
	if (kallsyms_lookup_size_offset(addr, &size, &offset) && !offset &&
	    !copy_from_kernel_nofault(&insn, (void *)addr, sizeof(insn)) &&
	    is_endbr(insn))
		addr += ENDBR_INSN_SIZE;
	*out = addr;
	return 0;
}

static bool site_wants_arming(struct dprobe_site *site)
{
	return site->nr_enabled && dprobes_all_armed &&
	       site->state != DPROBE_SITE_GONE;
}

/*
 * Arms or disarms @site to match its probes, no sync on disarm, and lets
 * the optimizer follow (a jump goes back to a breakpoint before the
 * breakpoint goes).
 */
static int site_update(struct dprobe_site *site, bool *disarmed)
{
	int ret;

	if (site_wants_arming(site) && site->state == DPROBE_SITE_IDLE) {
		ret = dprobe_arch_arm(site);
		if (ret)
			return ret;
		site->state = DPROBE_SITE_ARMED;
	} else if (!site_wants_arming(site) && site->state == DPROBE_SITE_ARMED) {
		dprobe_opt_cancel(site);
		dprobe_arch_disarm(site);
		site->state = DPROBE_SITE_IDLE;
		*disarmed = true;
	}
	dprobe_opt_update(site);
	return 0;
}

/*
 * A post handler needs the breakpoint path: take the site's jump out
 * before the probe joins, so no hit runs its pre handler without its post.
 */
static void site_before_enable(struct dprobe_site *site, struct dprobe *p)
{
	if (p->post_handler && !(p->flags & DPROBE_FL_DISABLED))
		dprobe_opt_cancel(site);
}

static void site_free_work(struct work_struct *work)
{
	struct dprobe_site *site = container_of(work, struct dprobe_site,
						free_work);

	dprobe_arch_release(site);
	kfree(site);
}

/* RCU callbacks run in atomic context; giving a slot back may sleep. */
static void site_free_tasks_rcu(struct rcu_head *head)
{
	struct dprobe_site *site = container_of(head, struct dprobe_site, rcu);

	INIT_WORK(&site->free_work, site_free_work);
	schedule_work(&site->free_work);
}

/* After an RCU grace period: frees the slot once tasks left it too. */
static void site_free(struct dprobe_site *site)
{
	call_rcu_tasks(&site->rcu, site_free_tasks_rcu);
}

static struct dprobe_site *site_get(unsigned long addr, int *err)
{
	struct dprobe_site *site = dprobe_site_lookup(addr);

	if (site)
		return site;
	site = kzalloc(sizeof(*site), GFP_KERNEL);
	if (!site) {
		*err = -ENOMEM;
		return NULL;
	}
	site->addr = addr;
	INIT_LIST_HEAD(&site->probes);
	INIT_LIST_HEAD(&site->opt_list);
	INIT_LIST_HEAD(&site->gone);
	/* a jump over this address would hide its breakpoint */
	dprobe_opt_cover(addr);
	*err = dprobe_arch_prepare(site);
	if (*err) {
		dprobe_arch_release(site);
		kfree(site);
		return NULL;
	}
	hash_add_rcu(dprobe_table, &site->hlist, addr);
	return site;
}

static void count_probe(struct dprobe_site *site, struct dprobe *p, int dir)
{
	if (p->flags & DPROBE_FL_DISABLED)
		return;
	site->nr_enabled += dir;
	if (p->post_handler)
		site->nr_post += dir;
}

/* Adds @p to @site and arms the site as needed; undone on failure. */
static int site_add_probe(struct dprobe_site *site, struct dprobe *p)
{
	bool disarmed = false;
	int ret;

	/* a post handler needs the int3 after a stepped copy */
	if (p->post_handler && !dprobe_arch_supports_post(site))
		return -EINVAL;
	p->addr = site->addr;
	p->site = site;
	if (dprobe_arch_site_on_ftrace(&site->arch))
		p->flags |= DPROBE_FL_FTRACE;
	site_before_enable(site, p);
	list_add_tail_rcu(&p->site_list, &site->probes);
	count_probe(site, p, 1);
	ret = site_update(site, &disarmed);
	if (ret) {
		count_probe(site, p, -1);
		list_del_rcu(&p->site_list);
	}
	return ret;
}

/**
 * register_dprobe() - place a probe
 * @p: the probe; @p->addr is set to the probed address on success
 *
 * Return: 0; -ENOENT for an unknown symbol or a module on its way out;
 * -EINVAL for an address that is not probe-able text or is blacklisted,
 * an instruction that cannot be probed, or a post handler on one that
 * cannot be stepped; -EILSEQ when the address is not an instruction
 * boundary; -EBUSY for code that another patcher (jump labels, static
 * calls, ftrace, alternatives) may rewrite; -ENOMEM.
 */
int register_dprobe(struct dprobe *p)
{
	struct module *mod = NULL;
	struct dprobe_site *site;
	unsigned long addr;
	bool drop;
	int ret;

	/* callers place thousands in a row (kprobe_events, batches) */
	cond_resched_tasks_rcu_qs();
	ret = resolve_probe_address(p, &addr);
	if (ret)
		return ret;
	p->stats = alloc_percpu(struct dprobe_stats);
	if (!p->stats)
		return -ENOMEM;
	p->flags &= DPROBE_FL_DISABLED;

	mutex_lock(&dprobe_mutex);
	ret = get_text_module(addr, &mod);
	if (!ret)
		ret = check_address(addr);
	if (ret) {
		mutex_unlock(&dprobe_mutex);
		goto fail;
	}
	site = site_get(addr, &ret);
	if (site)
		ret = site_add_probe(site, p);
	if (!ret) {
		mutex_unlock(&dprobe_mutex);
		module_put(mod);
		return 0;
	}
	drop = site && list_empty(&site->probes);
	if (drop)
		hash_del_rcu(&site->hlist);
	mutex_unlock(&dprobe_mutex);
	/* handlers on other CPUs may still see @p, its stats and the site */
	synchronize_rcu();
	if (drop)
		site_free(site);
fail:
	module_put(mod);
	free_percpu(p->stats);
	p->stats = NULL;
	p->site = NULL;
	return ret;
}
EXPORT_SYMBOL_GPL(register_dprobe);

/**
 * register_dprobes() - place several probes, all or none
 * @ps: the probes
 * @num: how many
 *
 * Return: 0, or the first error (no probe of @ps is then registered).
 */
int register_dprobes(struct dprobe **ps, int num)
{
	int i, ret;

	for (i = 0; i < num; i++) {
		ret = register_dprobe(ps[i]);
		if (ret) {
			unregister_dprobes(ps, i);
			return ret;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(register_dprobes);

/**
 * unregister_dprobes() - remove several probes, waiting once
 * @ps: registered probes
 * @num: how many
 *
 * When this returns no handler of @ps runs or will run; the probes may be
 * freed.
 */
void unregister_dprobes(struct dprobe **ps, int num)
{
	struct dprobe_site *site, *dead = NULL;
	bool disarmed = false;
	int i;

	if (num <= 0)
		return;
	mutex_lock(&dprobe_mutex);
	for (i = 0; i < num; i++) {
		cond_resched_tasks_rcu_qs();
		site = ps[i]->site;
		if (!site)
			continue;
		count_probe(site, ps[i], -1);
		list_del_rcu(&ps[i]->site_list);
		site_update(site, &disarmed);
		if (list_empty(&site->probes)) {
			if (site->state != DPROBE_SITE_GONE)
				hash_del_rcu(&site->hlist);
			else
				list_del(&site->gone);
			site->next_dead = dead;
			dead = site;
		}
	}
	if (disarmed)
		dprobe_arch_disarm_sync();
	/* a removed site may have kept a neighbour from being optimized */
	if (dead)
		dprobe_opt_update_all();
	mutex_unlock(&dprobe_mutex);

	synchronize_rcu();
	while (dead) {
		site = dead;
		dead = site->next_dead;
		site_free(site);
	}
	for (i = 0; i < num; i++) {
		free_percpu(ps[i]->stats);
		ps[i]->stats = NULL;
		ps[i]->site = NULL;
		/* a probe placed by symbol can be registered again as it was */
		if (ps[i]->symbol_name)
			ps[i]->addr = 0;
	}
}
EXPORT_SYMBOL_GPL(unregister_dprobes);

/**
 * unregister_dprobe() - remove a probe
 * @p: a registered probe
 */
void unregister_dprobe(struct dprobe *p)
{
	unregister_dprobes(&p, 1);
}
EXPORT_SYMBOL_GPL(unregister_dprobe);

static int set_disabled(struct dprobe *p, bool disable)
{
	struct dprobe_site *site;
	bool disarmed = false;
	int ret = 0;

	/*
	 * Enabling a group of events calls this once per probe, thousands of
	 * times without leaving the kernel.  RCU-tasks, which the optimizer
	 * and ftrace wait on, needs a voluntary quiescent state from such a
	 * task; a preemptible kernel's cond_resched() does not give one.
	 */
	cond_resched_tasks_rcu_qs();
	mutex_lock(&dprobe_mutex);
	site = p->site;
	if (!site) {
		ret = -EINVAL;
		goto out;
	}
	if (!!(p->flags & DPROBE_FL_DISABLED) == disable)
		goto out;
	count_probe(site, p, -1);
	WRITE_ONCE(p->flags, p->flags ^ DPROBE_FL_DISABLED);
	site_before_enable(site, p);
	count_probe(site, p, 1);
	ret = site_update(site, &disarmed);
	if (ret) {
		count_probe(site, p, -1);
		WRITE_ONCE(p->flags, p->flags ^ DPROBE_FL_DISABLED);
		count_probe(site, p, 1);
	}
	if (disarmed)
		dprobe_arch_disarm_sync();
out:
	mutex_unlock(&dprobe_mutex);
	return ret;
}

/**
 * enable_dprobe() - start calling a disabled probe's handlers
 * @p: a registered probe
 *
 * Return: 0, or an error arming its site.
 */
int enable_dprobe(struct dprobe *p)
{
	return set_disabled(p, false);
}
EXPORT_SYMBOL_GPL(enable_dprobe);

/**
 * disable_dprobe() - stop calling a probe's handlers, keeping it placed
 * @p: a registered probe
 *
 * Return: 0, or -EINVAL when @p is not registered.
 */
int disable_dprobe(struct dprobe *p)
{
	return set_disabled(p, true);
}
EXPORT_SYMBOL_GPL(disable_dprobe);

/* Sums one counter of a probe over the CPUs. */
static unsigned long sum_stats(const struct dprobe *p, bool missed)
{
	const struct dprobe_stats *st;
	unsigned long sum = 0;
	int cpu;

	if (!p->stats)
		return 0;
	for_each_possible_cpu(cpu) {
		st = per_cpu_ptr(p->stats, cpu);
		sum += missed ? st->missed : st->hit;
	}
	return sum;
}

/**
 * dprobe_nhit() - how often a probe's handlers ran
 * @p: a registered probe
 *
 * Return: the number of hits, summed over CPUs.
 */
unsigned long dprobe_nhit(const struct dprobe *p)
{
	return sum_stats(p, false);
}
EXPORT_SYMBOL_GPL(dprobe_nhit);

/**
 * dprobe_nmissed() - how often a probe was hit without running handlers
 * @p: a registered probe
 *
 * Return: the number of misses (reentrant hits), summed over CPUs.
 */
unsigned long dprobe_nmissed(const struct dprobe *p)
{
	return sum_stats(p, true);
}
EXPORT_SYMBOL_GPL(dprobe_nmissed);

/**
 * dprobe_is_ftrace() - is a probe driven by ftrace rather than int3?
 * @p: a registered probe
 *
 * Return: true when @p sits on a fentry call site.
 */
bool dprobe_is_ftrace(const struct dprobe *p)
{
	return p->flags & DPROBE_FL_FTRACE;
}
EXPORT_SYMBOL_GPL(dprobe_is_ftrace);

/**
 * dprobe_is_optimized() - has a probe's breakpoint become a jump?
 * @p: a registered probe
 *
 * Return: true when the jump optimizer accepted its site: the jump is
 * in place, or queued and the breakpoint already runs the detour.
 */
bool dprobe_is_optimized(const struct dprobe *p)
{
	return p->site && READ_ONCE(p->site->opt) != DPROBE_OPT_NONE;
}
EXPORT_SYMBOL_GPL(dprobe_is_optimized);

static int cmp_site_addr(const void *a, const void *b)
{
	unsigned long x = (*(struct dprobe_site * const *)a)->addr;
	unsigned long y = (*(struct dprobe_site * const *)b)->addr;

	return x < y ? -1 : x > y;
}

/*
 * Calls @fn for every probe, in address order (the table's own order
 * changes with every kernel's layout), then for those whose module
 * went away.  Called under dprobe_mutex.
 */
void dprobe_for_each(void (*fn)(struct dprobe *p, void *arg), void *arg)
{
	struct dprobe_site *site, **sites;
	unsigned int n = 0, i;
	struct dprobe *p;
	int bkt;

	lockdep_assert_held(&dprobe_mutex);
	hash_for_each(dprobe_table, bkt, site, hlist)
		n++;
	sites = kvmalloc_array(n, sizeof(*sites), GFP_KERNEL);
	if (sites) {
		n = 0;
		hash_for_each(dprobe_table, bkt, site, hlist)
			sites[n++] = site;
		sort(sites, n, sizeof(*sites), cmp_site_addr, NULL);
		for (i = 0; i < n; i++)
			list_for_each_entry(p, &sites[i]->probes, site_list)
				fn(p, arg);
		kvfree(sites);
	} else {
		/* out of memory: the table's order will do */
		hash_for_each(dprobe_table, bkt, site, hlist)
			list_for_each_entry(p, &site->probes, site_list)
				fn(p, arg);
	}
	list_for_each_entry(site, &dprobe_gone_sites, gone)
		list_for_each_entry(p, &site->probes, site_list)
			fn(p, arg);
}

/* debugfs kprobes/enabled: arm or disarm every site at once. */
void dprobe_set_all_armed(bool armed)
{
	struct dprobe_site *site;
	bool disarmed = false;
	int bkt;

	mutex_lock(&dprobe_mutex);
	dprobes_all_armed = armed;
	hash_for_each(dprobe_table, bkt, site, hlist) {
		if (site_update(site, &disarmed))
			pr_warn("cannot arm probe at %pS\n", (void *)site->addr);
	}
	if (disarmed)
		dprobe_arch_disarm_sync();
	mutex_unlock(&dprobe_mutex);
}
