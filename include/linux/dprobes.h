/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: dynamic probes on kernel instructions.
 *
 * The generic engine lives in kernel/dprobes/, the x86 part in
 * arch/x86/kernel/kprobes/dprobe_*.c.  This header is the engine's
 * interface for the rest of the kernel (the dynamic-event layer, KUnit).
 */
#ifndef _LINUX_DPROBES_H
#define _LINUX_DPROBES_H

#include <linux/types.h>

#ifdef CONFIG_DPROBES

bool dprobe_within_blacklist(unsigned long addr);

#else /* !CONFIG_DPROBES */

static inline bool dprobe_within_blacklist(unsigned long addr)
{
	return true;
}

#endif /* CONFIG_DPROBES */

#endif /* _LINUX_DPROBES_H */
