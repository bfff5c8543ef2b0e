// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes_testmod: what probes in a module must respect, for the
 * selftests (tools/testing/selftests/dprobes/test.d/).
 *
 *  - dprobes_testmod_nokprobe() is in the module's own NOKPROBE_SYMBOL()
 *    list and dprobes_testmod_noinstr() in its .noinstr.text: both must
 *    be refused;
 *  - dprobes_testmod_keyed() branches on a static key, so the module has
 *    a jump label whose target a jump-optimized probe must never cover.
 *    Writing 0 or 1 to the parameter "key" turns the key off or on;
 *    reading it calls dprobes_testmod_keyed() once and shows its result.
 *  - dprobes_testmod_init() runs from init text, freed once the module is
 *    live.
 */
#include <linux/jump_label.h>
#include <linux/kprobes.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static DEFINE_STATIC_KEY_FALSE(dprobes_testmod_key);
static int dprobes_testmod_calls;

static noinline int dprobes_testmod_nokprobe(int x)
{
	return x + 1;
}

NOKPROBE_SYMBOL(dprobes_testmod_nokprobe);

static noinline noinstr int dprobes_testmod_noinstr(int x)
{
	return x + 2;
}

static noinline int dprobes_testmod_keyed(int x)
{
	dprobes_testmod_calls++;
	if (static_branch_unlikely(&dprobes_testmod_key))
		x = x * 3 + dprobes_testmod_calls % 2;
	return x + dprobes_testmod_nokprobe(x) + dprobes_testmod_noinstr(x);
}

static int testmod_key_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	if (on)
		static_branch_enable(&dprobes_testmod_key);
	else
		static_branch_disable(&dprobes_testmod_key);
	return 0;
}

static int testmod_key_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", dprobes_testmod_keyed(1));
}

static const struct kernel_param_ops key_ops = {
	.set = testmod_key_set,
	.get = testmod_key_get,
};
module_param_cb(key, &key_ops, NULL, 0644);
MODULE_PARM_DESC(key, "0/1: the static key; reading runs the keyed function");

static int __init dprobes_testmod_init(void)
{
	return dprobes_testmod_keyed(0) == 3 ? 0 : -EINVAL;
}
module_init(dprobes_testmod_init);

static void __exit dprobes_testmod_exit(void)
{
}
module_exit(dprobes_testmod_exit);

MODULE_DESCRIPTION("Probe targets for the dprobes selftests");
MODULE_LICENSE("GPL");
