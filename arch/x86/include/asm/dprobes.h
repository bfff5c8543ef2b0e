/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: the x86 entry points the trap handlers call.
 */
#ifndef _ASM_X86_DPROBES_H
#define _ASM_X86_DPROBES_H

#include <linux/types.h>

struct pt_regs;

#ifdef CONFIG_DPROBES
bool dprobe_int3_handler(struct pt_regs *regs);
#else
static inline bool dprobe_int3_handler(struct pt_regs *regs)
{
	return false;
}
#endif

#endif /* _ASM_X86_DPROBES_H */
