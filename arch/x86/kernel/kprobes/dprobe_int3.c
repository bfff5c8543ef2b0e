// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the breakpoint (int3) entry of the x86 engine.
 *
 * do_int3() calls kprobe_int3_handler() for every kernel-mode int3 that
 * is not a text_poke_bp() transition.  Three kinds of breakpoint are
 * ours: a probe's int3 on an instruction (run the pre handlers, then
 * emulate the instruction or send the CPU to its out-of-line copy), the
 * int3 that ends a stepped copy (run the post handlers, resume after the
 * probed instruction), and a probe's int3 that was removed while this CPU
 * was taking it (re-execute the restored instruction).
 *
 * No state is kept between the two traps of a stepped copy: the copy runs
 * with the interrupt flag it had (a stepped pushf records the true flag),
 * may be interrupted, preempted and migrated, and the int3 after it finds
 * its site from the slot's address.  A hit in NMI context meanwhile, on
 * this CPU or another, disturbs nothing.
 *
 * This runs in NMI-like context with interrupts off; it and everything it
 * calls are blacklisted.
 */
#include <linux/kprobes.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <asm/ptrace.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

/* Sends the CPU to the site's copy, or emulates the instruction. */
static void run_original(struct dprobe_site *site, struct pt_regs *regs,
			 bool post)
{
	struct dprobe_arch_site *as = &site->arch;

	/* queued for (or done with) jump optimization: the detour runs it */
	if (!post && smp_load_acquire(&site->opt) != DPROBE_OPT_NONE) {
		regs->ip = as->detour_resume;
		return;
	}
	if (as->exec == DPROBE_X86_EMULATE) {
		dprobe_x86_emulate(site, regs);
		if (post)
			dprobe_site_run_post(site, regs);
		return;
	}
	/* post handlers run from the int3 after the stepped copy */
	regs->ip = (unsigned long)as->slot;
	if (post && !(as->flags & DPROBE_X86_NO_STEP))
		regs->ip += DPROBE_SLOT_STEP_OFF;
}

NOKPROBE_SYMBOL(run_original);

static bool probe_hit(struct dprobe_site *site, struct pt_regs *regs)
{
	int ret = dprobe_site_run_pre(site, regs);

	/* > 0: a handler moved regs->ip and asked to skip the instruction */
	if (ret > 0)
		return true;
	run_original(site, regs, ret == 0 && READ_ONCE(site->nr_post));
	return true;
}

NOKPROBE_SYMBOL(probe_hit);

/* The int3 after a stepped copy: resume after the original instruction. */
static bool step_done(struct dprobe_site *site, unsigned long addr,
		      struct pt_regs *regs)
{
	struct dprobe_arch_site *as = &site->arch;

	if (addr != (unsigned long)as->slot + DPROBE_SLOT_STEP_OFF + as->len)
		return false;
	regs->ip = site->addr + as->len;
	dprobe_site_run_post(site, regs);
	return true;
}

NOKPROBE_SYMBOL(step_done);

/**
 * kprobe_int3_handler() - handle a breakpoint that may belong to a probe
 * @regs: the registers at the trap; regs->ip points after the int3
 *
 * The engine serves the kprobes API, so do_int3() calls it by kprobes'
 * name.
 *
 * Return: 1 when the trap was a probe's and has been handled, else 0.
 */
int kprobe_int3_handler(struct pt_regs *regs)
{
	unsigned long addr = regs->ip - INT3_INSN_SIZE;
	struct dprobe_site *site;
	bool handled = false;

	if (user_mode(regs))
		return false;

	/* NMI-like context, interrupts off: an RCU reader by nature */
	site = dprobe_site_lookup(addr);
	if (site && site->arch.exec != DPROBE_X86_FTRACE) {
		handled = probe_hit(site, regs);
		goto out;
	}
	site = dprobe_slot_owner(addr);
	if (site) {
		handled = step_done(site, addr, regs);
		goto out;
	}
	/* Our int3 was removed after this CPU took it: run the real byte. */
	if (*(u8 *)addr != INT3_INSN_OPCODE) {
		regs->ip = addr;
		handled = true;
	}
out:
	return handled;
}

NOKPROBE_SYMBOL(kprobe_int3_handler);

/**
 * kprobe_fault_handler() - may a probe fix up a fault taken in its handler?
 * @regs: the registers at the fault
 * @trapnr: the trap number
 *
 * Called when a kernel fault finds kprobe_running() set.  The fault is
 * always left to the kernel's usual handling: a handler's own access
 * goes through the exception table like any other code, and a copy run
 * out of line never faults into a fixup, since instructions that have
 * an exception-table entry are refused.
 *
 * Return: 0, the fault was not handled here.
 */
int kprobe_fault_handler(struct pt_regs *regs, int trapnr)
{
	return 0;
}

NOKPROBE_SYMBOL(kprobe_fault_handler);
