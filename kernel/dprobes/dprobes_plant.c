// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes_plant: plants one kernel problem on request, so that the test
 * runner can prove it sees each kind (tools/testing/vm/checker-selftest.sh).
 *
 *   modprobe dprobes_plant fault=none|warn|lockdep|kasan|leak
 *
 * none     nothing: the module loads and unloads quietly
 * warn     a WARN() with its stack trace, tainting the kernel (W)
 * lockdep  two mutexes taken in both orders, one after the other: no
 *          deadlock, but lockdep reports a possible circular dependency
 * kasan    a one-byte read past a kmalloc() object, which KASAN reports
 * leak     a kmalloc() object whose only pointer is dropped, which
 *          kmemleak reports at its next scan
 *
 * Test only: never build this into a kernel anyone runs for real.
 */
#define pr_fmt(fmt) "dprobes_plant: " fmt

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *fault = "";
module_param(fault, charp, 0444);
MODULE_PARM_DESC(fault, "what to plant: none, warn, lockdep, kasan or leak");

static DEFINE_MUTEX(plant_a);
static DEFINE_MUTEX(plant_b);

static void plant_lockdep(void)
{
	mutex_lock(&plant_a);
	mutex_lock(&plant_b);
	mutex_unlock(&plant_b);
	mutex_unlock(&plant_a);

	mutex_lock(&plant_b);
	mutex_lock(&plant_a);
	mutex_unlock(&plant_a);
	mutex_unlock(&plant_b);
}

static int plant_kasan(void)
{
	size_t size = 8;
	char *p = kmalloc(size, GFP_KERNEL);
	char c;

	if (!p)
		return -ENOMEM;
	/* hide the size from the compiler, which would refuse the overflow */
	OPTIMIZER_HIDE_VAR(size);
	c = READ_ONCE(p[size]);
	kfree(p);
	return c == 0x5a;	/* any use of c keeps the read */
}

static int plant_leak(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	/* written, so that the allocation is real; then forgotten */
	OPTIMIZER_HIDE_VAR(p);
	memset(p, 0x5a, 64);
	return 0;
}

static int __init dprobes_plant_init(void)
{
	if (!strcmp(fault, "none")) {
		return 0;
	} else if (!strcmp(fault, "warn")) {
		WARN(1, "planted warning (test only)\n");
	} else if (!strcmp(fault, "lockdep")) {
		plant_lockdep();
	} else if (!strcmp(fault, "kasan")) {
		plant_kasan();
	} else if (!strcmp(fault, "leak")) {
		if (plant_leak())
			return -ENOMEM;
	} else {
		pr_err("unknown fault '%s' (none, warn, lockdep, kasan, leak)\n", fault);
		return -EINVAL;
	}
	pr_info("planted %s\n", fault);
	return 0;
}
module_init(dprobes_plant_init);

static void __exit dprobes_plant_exit(void)
{
}
module_exit(dprobes_plant_exit);

MODULE_DESCRIPTION("Plants a warning, lockdep, KASAN or kmemleak report for the test runner");
MODULE_LICENSE("GPL");
