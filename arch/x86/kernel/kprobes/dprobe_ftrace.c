// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: probes on ftrace call sites.
 *
 * A function's fentry call site is already patchable by ftrace, and a
 * breakpoint there would fight with it.  A probe at that address instead
 * adds the address to the filter of one ftrace_ops shared by all such
 * probes; its callback runs the probe handlers with full registers, set
 * up as a breakpoint probe would see them (regs->ip just after the
 * probed address).  No trap is taken.  As on the breakpoint path, a pre
 * handler that sets regs->ip and returns non-zero sends the CPU there:
 * ftrace's caller returns to the saved regs->ip.
 */
#include <linux/ftrace.h>
#include <linux/rcupdate.h>
#include <linux/trace_recursion.h>
#include <asm/ptrace.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

static void dprobe_ftrace_handler(unsigned long ip, unsigned long parent_ip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	struct pt_regs *regs = ftrace_get_regs(fregs);
	struct dprobe_site *site;
	unsigned long orig_ip;
	int bit, ret;

	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (bit < 0)
		return;

	/* preemption is off from here: that is our RCU read side */
	site = dprobe_site_lookup(ip);
	if (!site || !regs)
		goto out;
	orig_ip = instruction_pointer(regs);
	instruction_pointer_set(regs, ip + INT3_INSN_SIZE);
	ret = dprobe_site_run_pre(site, regs);
	/* > 0: a handler moved regs->ip (error injection, say) */
	if (ret > 0)
		goto out;
	/* The fentry call is a no-op to the function: nothing to execute. */
	if (!ret && READ_ONCE(site->nr_post)) {
		instruction_pointer_set(regs, ip + MCOUNT_INSN_SIZE);
		dprobe_site_run_post(site, regs);
	}
	instruction_pointer_set(regs, orig_ip);
out:
	ftrace_test_recursion_unlock(bit);
}

NOKPROBE_SYMBOL(dprobe_ftrace_handler);

static struct ftrace_ops dprobe_ftrace_ops = {
	.func = dprobe_ftrace_handler,
	.flags = FTRACE_OPS_FL_SAVE_REGS,
};

/* Sites in the filter; the ops is registered while there is one. */
static unsigned int nr_ftrace_sites;

/**
 * dprobe_ftrace_arm() - hook a site on a fentry call through ftrace
 * @site: a DPROBE_X86_FTRACE site; called under dprobe_mutex
 *
 * Return: 0 or ftrace's error.
 */
int dprobe_ftrace_arm(struct dprobe_site *site)
{
	int ret;

	dprobe_lockdep_assert_held();

	ret = ftrace_set_filter_ip(&dprobe_ftrace_ops, site->addr, 0, 0);
	if (ret)
		return ret;
	if (nr_ftrace_sites == 0) {
		ret = register_ftrace_function(&dprobe_ftrace_ops);
		if (ret) {
			ftrace_set_filter_ip(&dprobe_ftrace_ops, site->addr, 1, 0);
			return ret;
		}
	}
	nr_ftrace_sites++;
	return 0;
}

/**
 * dprobe_ftrace_disarm() - unhook a site from ftrace
 * @site: an armed DPROBE_X86_FTRACE site; called under dprobe_mutex
 */
void dprobe_ftrace_disarm(struct dprobe_site *site)
{
	dprobe_lockdep_assert_held();

	/* An empty filter means "every function": unregister first. */
	if (--nr_ftrace_sites == 0)
		WARN_ON_ONCE(unregister_ftrace_function(&dprobe_ftrace_ops));
	WARN_ON_ONCE(ftrace_set_filter_ip(&dprobe_ftrace_ops, site->addr, 1, 0));
}
