/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the x86 files of dprobes only.
 */
#ifndef _X86_DPROBE_X86_H
#define _X86_DPROBE_X86_H

#include <linux/kprobes.h>
#include <asm/dprobes.h>

#include "dprobes_internal.h"

u8 *dprobe_slot_alloc(struct dprobe_site *site);
void dprobe_slot_free(u8 *slot);
struct dprobe_site *dprobe_slot_owner(unsigned long addr);

void dprobe_x86_emulate(struct dprobe_site *site, struct pt_regs *regs);

#ifdef CONFIG_DPROBES_ON_FTRACE
int dprobe_ftrace_arm(struct dprobe_site *site);
void dprobe_ftrace_disarm(struct dprobe_site *site);
#else
static inline int dprobe_ftrace_arm(struct dprobe_site *site)
{
	return -EOPNOTSUPP;
}

static inline void dprobe_ftrace_disarm(struct dprobe_site *site)
{
}
#endif

#endif /* _X86_DPROBE_X86_H */
