// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: engine start-up.
 *
 * The engine is initialised early (before the dynamic-event layer and
 * before any boot-time probe definition is parsed) so that the blacklist
 * is complete by the time the first probe is requested.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/init.h>
#include <linux/printk.h>

#include "dprobes_internal.h"

static int __init dprobes_init(void)
{
	int ret;

	ret = dprobe_blacklist_init();
	if (ret) {
		pr_err("cannot build the blacklist (%d); probes disabled\n", ret);
		return ret;
	}
	ret = dprobe_module_init();
	if (ret)
		return ret;
	pr_info("engine initialised\n");
	return 0;
}
early_initcall(dprobes_init);

static int __init dprobes_late_init(void)
{
	return dprobe_debugfs_init();
}
late_initcall(dprobes_late_init);
