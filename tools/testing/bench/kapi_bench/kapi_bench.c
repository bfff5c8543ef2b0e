// SPDX-License-Identifier: GPL-2.0-only
/*
 * make bench-probes: a kprobe with a pre handler that only counts, placed
 * through register_kprobe() on __do_sys_getppid+offset.  Built out of
 * tree against each kernel (ours: the kprobes API on dprobes; the
 * reference: upstream kprobes), so one source measures both.
 */
#include <linux/kprobes.h>
#include <linux/module.h>

static char *func = "__do_sys_getppid";
module_param(func, charp, 0444);
MODULE_PARM_DESC(func, "the probed function");
static uint offset;
module_param(offset, uint, 0444);
MODULE_PARM_DESC(offset, "byte offset into it");

static unsigned long hits;

static int bench_pre(struct kprobe *p, struct pt_regs *regs)
{
	hits++;
	return 0;
}

static struct kprobe kp = {
	.pre_handler = bench_pre,
};

static int __init kapi_bench_init(void)
{
	kp.symbol_name = func;
	kp.offset = offset;
	return register_kprobe(&kp);
}

static void __exit kapi_bench_exit(void)
{
	unregister_kprobe(&kp);
	pr_info("kapi_bench: %lu hits at %pS\n", hits, kp.addr);
}

module_init(kapi_bench_init);
module_exit(kapi_bench_exit);
MODULE_DESCRIPTION("Cost of a kprobes API hit (benchmark)");
MODULE_LICENSE("GPL");
