// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the jump optimizer.
 *
 * An armed breakpoint site whose instructions can be relocated gets a
 * detour (register save, a call to the handlers, the relocated
 * instructions, a jump back) and, later, a 5-byte jump to it in place of
 * the breakpoint.  The state of a site moves
 *
 *   NONE --queue--> QUEUED --(RCU-tasks grace period)--> PATCHED
 *
 * and back to NONE whenever the site stops being eligible.  While QUEUED
 * the breakpoint still traps, but its hits resume in the detour, which
 * runs every instruction the jump will cover; after a grace period no
 * task can be preempted in the middle of those instructions (or in the
 * site's boosted slot, which returns into them), so their bytes can be
 * overwritten.  The sysctl debug.kprobes-optimization (upstream's name)
 * turns the optimizer off and on at run time.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/hashtable.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sysctl.h>
#include <linux/workqueue.h>

#include "dprobes_internal.h"

/* Lets a burst of registrations share one grace period. */
#define OPT_DELAY_MS	10

static int opt_enabled = 1;

/* Sites whose detour runs from their breakpoint, waiting for a grace period. */
static LIST_HEAD(opt_queue);
/* The batch whose grace period is running; a cancel takes a site off. */
static LIST_HEAD(opt_batch);

static void opt_work_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(opt_work, opt_work_fn);

static bool opt_wanted(struct dprobe_site *site)
{
	return opt_enabled && site->state == DPROBE_SITE_ARMED &&
	       !site->nr_post && !dprobe_arch_site_on_ftrace(&site->arch) &&
	       !dprobe_arch_opt_refused(&site->arch);
}

static void opt_queue_site(struct dprobe_site *site)
{
	int ret = dprobe_arch_opt_prepare(site);

	/* -EBUSY: a neighbour is in the way for now; others are final */
	if (ret) {
		if (ret != -EBUSY)
			dprobe_arch_opt_refuse(&site->arch);
		return;
	}
	/* the int3 handler sees QUEUED only with the detour complete */
	smp_store_release(&site->opt, DPROBE_OPT_QUEUED);
	list_add_tail(&site->opt_list, &opt_queue);
	schedule_delayed_work(&opt_work, msecs_to_jiffies(OPT_DELAY_MS));
}

/**
 * dprobe_opt_cancel() - put a site back on its breakpoint
 * @site: any site; called under dprobe_mutex
 *
 * When this returns the site's breakpoint is in place again (if it was
 * armed) and its hits no longer depend on the optimizer.
 */
void dprobe_opt_cancel(struct dprobe_site *site)
{
	lockdep_assert_held(&dprobe_mutex);
	switch (site->opt) {
	case DPROBE_OPT_PATCHED:
		dprobe_arch_opt_unpatch(site);
		break;
	case DPROBE_OPT_QUEUED:
		list_del_init(&site->opt_list);
		break;
	default:
		return;
	}
	WRITE_ONCE(site->opt, DPROBE_OPT_NONE);
}

/**
 * dprobe_opt_update() - queue or cancel a site's optimization
 * @site: any site; called under dprobe_mutex
 */
void dprobe_opt_update(struct dprobe_site *site)
{
	lockdep_assert_held(&dprobe_mutex);
	if (!opt_wanted(site))
		dprobe_opt_cancel(site);
	else if (site->opt == DPROBE_OPT_NONE)
		opt_queue_site(site);
}

/**
 * dprobe_opt_update_all() - dprobe_opt_update() for every site
 *
 * After a site went away (it may have blocked a neighbour) and when the
 * sysctl changes.  Called under dprobe_mutex.
 */
void dprobe_opt_update_all(void)
{
	struct dprobe_site *site;
	int bkt;

	hash_for_each(dprobe_table, bkt, site, hlist) {
		cond_resched_tasks_rcu_qs();	/* see set_disabled() */
		dprobe_opt_update(site);
	}
}

/**
 * dprobe_opt_cover() - make room for a new site at @addr
 * @addr: the address about to get a breakpoint
 *
 * A site whose jump covers @addr goes back to its breakpoint; it stays
 * there while @addr is probed (the optimizer refuses it with -EBUSY).
 */
void dprobe_opt_cover(unsigned long addr)
{
	struct dprobe_site *site;
	int bkt;

	lockdep_assert_held(&dprobe_mutex);
	hash_for_each(dprobe_table, bkt, site, hlist) {
		if (site->opt != DPROBE_OPT_NONE && addr > site->addr &&
		    addr < site->addr + dprobe_arch_opt_len(&site->arch))
			dprobe_opt_cancel(site);
	}
}

/**
 * dprobe_opt_forget() - drop a site whose text went away with its module
 * @site: the site; its text must not be touched any more
 */
void dprobe_opt_forget(struct dprobe_site *site)
{
	lockdep_assert_held(&dprobe_mutex);
	if (site->opt == DPROBE_OPT_QUEUED)
		list_del_init(&site->opt_list);
	WRITE_ONCE(site->opt, DPROBE_OPT_NONE);
}

static void opt_work_fn(struct work_struct *work)
{
	struct dprobe_site *site, *tmp;

	mutex_lock(&dprobe_mutex);
	list_splice_init(&opt_queue, &opt_batch);
	mutex_unlock(&dprobe_mutex);
	if (list_empty(&opt_batch))
		return;

	/*
	 * The batch's hits resume in their detours since they were queued.
	 * Once every task has passed a voluntary switch, none can be
	 * preempted inside the instructions a jump will cover.
	 */
	synchronize_rcu_tasks();

	mutex_lock(&dprobe_mutex);
	list_for_each_entry_safe(site, tmp, &opt_batch, opt_list) {
		list_del_init(&site->opt_list);
		dprobe_arch_opt_patch(site);
		WRITE_ONCE(site->opt, DPROBE_OPT_PATCHED);
	}
	mutex_unlock(&dprobe_mutex);
}

/**
 * dprobe_opt_wait() - wait until every queued site is patched or cancelled
 *
 * For tests that must see a jump in place.  Must not be called under
 * dprobe_mutex.
 */
void dprobe_opt_wait(void)
{
	bool busy;

	do {
		flush_delayed_work(&opt_work);
		mutex_lock(&dprobe_mutex);
		busy = !list_empty(&opt_queue) || !list_empty(&opt_batch);
		mutex_unlock(&dprobe_mutex);
	} while (busy);
}

/**
 * dprobe_opt_set_enabled() - what writing the sysctl does, for tests
 * @on: optimize (true) or keep every site on its breakpoint
 */
void dprobe_opt_set_enabled(bool on)
{
	mutex_lock(&dprobe_mutex);
	opt_enabled = on;
	dprobe_opt_update_all();
	mutex_unlock(&dprobe_mutex);
}

static int opt_sysctl(const struct ctl_table *table, int write, void *buffer,
		      size_t *lenp, loff_t *ppos)
{
	int ret;

	mutex_lock(&dprobe_mutex);
	ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);
	if (!ret && write)
		dprobe_opt_update_all();
	mutex_unlock(&dprobe_mutex);
	return ret;
}

static struct ctl_table opt_sysctl_table[] = {
	{
		.procname	= "kprobes-optimization",
		.data		= &opt_enabled,
		.maxlen		= sizeof(int),
		.mode		= 0644,
		.proc_handler	= opt_sysctl,
		.extra1		= SYSCTL_ZERO,
		.extra2		= SYSCTL_ONE,
	},
};

static int __init dprobe_opt_init(void)
{
	if (!register_sysctl("debug", opt_sysctl_table))
		pr_warn("cannot register debug.kprobes-optimization\n");
	return 0;
}
late_initcall(dprobe_opt_init);
