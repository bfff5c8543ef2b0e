// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe_events: kprobe_events on the dprobes engine, start-up.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/init.h>
#include <linux/printk.h>

static int __init dprobe_events_init(void)
{
	pr_info("dynamic event layer initialised\n");
	return 0;
}
fs_initcall(dprobe_events_init);
