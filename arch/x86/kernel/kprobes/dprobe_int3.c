// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the breakpoint (int3) entry of the x86 engine.
 *
 * do_int3() calls dprobe_int3_handler() for every kernel-mode int3 that
 * is not a text_poke_bp() transition.  It runs in NMI-like context, so it
 * and everything it calls are blacklisted.
 */
#include <linux/dprobes.h>
#include <linux/kprobes.h>
#include <asm/dprobes.h>
#include <asm/ptrace.h>

/**
 * dprobe_int3_handler() - handle a breakpoint that may belong to a probe
 * @regs: the registers at the trap; regs->ip points after the int3
 *
 * Return: true when the trap was a probe's and has been handled.
 */
bool dprobe_int3_handler(struct pt_regs *regs)
{
	return false;
}
NOKPROBE_SYMBOL(dprobe_int3_handler);
