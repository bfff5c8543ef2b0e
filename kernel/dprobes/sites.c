// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the table of probed addresses and the handler-calling path.
 *
 * Every probed instruction has one site; the probes on it hang off the
 * site in an RCU list.  The trap and ftrace paths look a site up by
 * address and call dprobe_site_run_pre()/dprobe_site_run_post(), which
 * run the handlers of the enabled probes.  A probe hit while a handler is
 * running on the same CPU (a handler calling probed code, or an NMI
 * interrupting a handler) counts as a miss and runs no handler: handlers
 * never nest.  The same holds while a kprobes-API handler runs or code
 * such as fprobe has marked the CPU busy (kprobe_running()).
 */
#include <linux/hashtable.h>
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <linux/rculist.h>
#include <linux/uaccess.h>

#include "dprobes_internal.h"

DEFINE_HASHTABLE(dprobe_table, DPROBE_TABLE_BITS);

/* The site whose handlers this CPU is running, if any. */
static DEFINE_PER_CPU(struct dprobe_site *, running_site);

/**
 * dprobe_site_lookup() - find the site of a probed address
 * @addr: the address of an instruction
 *
 * Called with preemption off (the trap and ftrace paths: an RCU read
 * side) or under dprobe_mutex.
 *
 * Return: the site, or NULL when @addr is not probed.
 */
struct dprobe_site *dprobe_site_lookup(unsigned long addr)
{
	struct dprobe_site *site;

	hash_for_each_possible_rcu(dprobe_table, site, hlist, addr,
				   lockdep_is_held(&dprobe_mutex)) {
		if (site->addr == addr)
			return site;
	}
	return NULL;
}

NOKPROBE_SYMBOL(dprobe_site_lookup);

/* Is a handler (ours, or a kprobes-API user's busy mark) running here? */
static __always_inline bool cpu_in_handler(void)
{
	return __this_cpu_read(running_site) || kprobe_running();
}

/**
 * dprobe_site_miss() - count a hit that ran no handler
 * @site: the site that was hit
 */
void dprobe_site_miss(struct dprobe_site *site)
{
	struct dprobe *p;

	list_for_each_entry_rcu(p, &site->probes, site_list) {
		if (READ_ONCE(p->flags) & DPROBE_FL_DISABLED)
			continue;
		this_cpu_inc(p->stats->missed);
		if (p->nmissed)
			WRITE_ONCE(*p->nmissed, *p->nmissed + 1);
	}
}

NOKPROBE_SYMBOL(dprobe_site_miss);

/**
 * dprobe_site_run_pre() - run the pre handlers of a hit site
 * @site: the site that was hit
 * @regs: the registers, regs->ip just after the probed address
 *
 * Return: 0 when the handlers ran, 1 when one of them redirected
 * regs->ip (the probed instruction must be skipped), -1 when the hit was
 * a miss because another handler is running on this CPU.
 */
int dprobe_site_run_pre(struct dprobe_site *site, struct pt_regs *regs)
{
	struct dprobe *p;
	int ret = 0;

	if (cpu_in_handler()) {
		dprobe_site_miss(site);
		return -1;
	}
	__this_cpu_write(running_site, site);
	list_for_each_entry_rcu(p, &site->probes, site_list) {
		if (READ_ONCE(p->flags) & DPROBE_FL_DISABLED)
			continue;
		this_cpu_inc(p->stats->hit);
		if (p->pre_handler && p->pre_handler(p, regs))
			ret = 1;
	}
	__this_cpu_write(running_site, NULL);
	return ret;
}

NOKPROBE_SYMBOL(dprobe_site_run_pre);

/**
 * dprobe_site_run_post() - run the post handlers after the instruction
 * @site: the site whose instruction just executed
 * @regs: the registers after it
 */
void dprobe_site_run_post(struct dprobe_site *site, struct pt_regs *regs)
{
	struct dprobe *p;

	if (cpu_in_handler())
		return;
	__this_cpu_write(running_site, site);
	list_for_each_entry_rcu(p, &site->probes, site_list) {
		if (!(READ_ONCE(p->flags) & DPROBE_FL_DISABLED) &&
		    p->post_handler)
			p->post_handler(p, regs, 0);
	}
	__this_cpu_write(running_site, NULL);
}

NOKPROBE_SYMBOL(dprobe_site_run_post);

/**
 * dprobe_site_in_range() - is another instruction probed inside a range?
 * @start: first byte of the range (a site there does not count)
 * @end: first byte after it
 *
 * Called under dprobe_mutex.
 *
 * Return: true when a site lies in (@start, @end).
 */
bool dprobe_site_in_range(unsigned long start, unsigned long end)
{
	struct dprobe_site *site;
	int bkt;

	lockdep_assert_held(&dprobe_mutex);
	hash_for_each(dprobe_table, bkt, site, hlist) {
		if (site->addr > start && site->addr < end)
			return true;
	}
	return false;
}

/**
 * dprobe_copy_orig_text() - read kernel text as it is without our probes
 * @start: first address
 * @buf: where to copy
 * @len: bytes to copy
 *
 * Breakpoints and jumps of armed sites are replaced by the bytes they
 * hide, so the copy decodes as the compiler emitted it.  Called under
 * dprobe_mutex.
 *
 * Return: 0, or -EFAULT when the text cannot be read.
 */
int dprobe_copy_orig_text(unsigned long start, u8 *buf, size_t len)
{
	struct dprobe_site *site;
	int bkt;

	lockdep_assert_held(&dprobe_mutex);
	if (copy_from_kernel_nofault(buf, (void *)start, len))
		return -EFAULT;
	hash_for_each(dprobe_table, bkt, site, hlist) {
		if (site->state == DPROBE_SITE_ARMED &&
		    site->addr + DPROBE_ARCH_MAX_PATCH_LEN > start &&
		    site->addr < start + len)
			dprobe_arch_orig_bytes(site, start, buf, len);
	}
	return 0;
}
