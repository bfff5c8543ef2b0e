/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the two files of the kprobes API on dprobes.
 */
#ifndef _KERNEL_DPROBES_KPROBES_API_H
#define _KERNEL_DPROBES_KPROBES_API_H

#include <linux/kprobes.h>
#include <linux/mutex.h>
#include <linux/percpu.h>

extern struct mutex kprobe_api_mutex;

int kprobe_api_add(struct kprobe *kp, dprobe_pre_handler_t pre,
		   dprobe_post_handler_t post);
void kprobe_api_remove(struct kprobe **kps, int num);
int kretprobe_api_entry(struct dprobe *dp, struct pt_regs *regs);

/* This CPU runs @kp's handler: kprobe_running() is @kp, hits are misses. */
static __always_inline void kprobe_api_enter(struct kprobe *kp,
					     unsigned long status)
{
	__this_cpu_write(current_kprobe, kp);
	__this_cpu_write(kprobe_ctlblk.kprobe_status, status);
}

static __always_inline void kprobe_api_leave(void)
{
	__this_cpu_write(current_kprobe, NULL);
}

#endif /* _KERNEL_DPROBES_KPROBES_API_H */
