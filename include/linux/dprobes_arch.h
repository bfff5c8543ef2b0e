/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: the interface between the generic engine (kernel/dprobes/)
 * and an architecture's part.  The engine keeps one struct dprobe_site
 * per probed instruction; the architecture fills its ->arch part
 * (<asm/dprobes.h>) and implements the dprobe_arch_*() hooks below.  Its
 * trap and ftrace handlers call back into the engine through the
 * dprobe_site_*() functions.  Nothing else of the engine is visible here.
 */
#ifndef _LINUX_DPROBES_ARCH_H
#define _LINUX_DPROBES_ARCH_H

#include <linux/dprobes.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <asm/dprobes.h>

struct pt_regs;

/* struct dprobe_site::state */
enum dprobe_site_state {
	DPROBE_SITE_IDLE,	/* in the table, text untouched */
	DPROBE_SITE_ARMED,	/* breakpoint or ftrace hook in place */
	DPROBE_SITE_GONE,	/* its module's text is gone: never touch */
};

/* struct dprobe_site::opt: where the jump optimizer is with a site */
enum dprobe_opt_state {
	DPROBE_OPT_NONE,	/* breakpoint only */
	DPROBE_OPT_QUEUED,	/* detour built; breakpoint hits use it */
	DPROBE_OPT_PATCHED,	/* the breakpoint became a jump to the detour */
};

/**
 * struct dprobe_site - the engine's state for one probed instruction
 * @hlist: entry in the address table (RCU)
 * @probes: the probes at this address (RCU list of struct dprobe)
 * @addr: address of the instruction
 * @state: enum dprobe_site_state
 * @nr_enabled: probes in @probes that are enabled
 * @nr_post: enabled probes that have a post handler
 * @opt: enum dprobe_opt_state
 * @opt_list: entry in the optimizer's queue while DPROBE_OPT_QUEUED
 * @rcu: for freeing after readers and tasks are done with it
 * @free_work: frees the slot and the site from process context
 * @gone: entry in dprobe_gone_sites once its module went away
 * @next_dead: chains sites emptied by one unregister call (readers may
 *	still walk @hlist, so it must stay intact until a grace period)
 * @arch: how the instruction is executed (x86 part)
 */
struct dprobe_site {
	struct hlist_node hlist;
	struct list_head probes;
	unsigned long addr;
	enum dprobe_site_state state;
	unsigned int nr_enabled;
	unsigned int nr_post;
	unsigned int opt;
	struct list_head opt_list;
	struct rcu_head rcu;
	struct work_struct free_work;
	struct list_head gone;
	struct dprobe_site *next_dead;
	struct dprobe_arch_site arch;
};

/* Called by the architecture's handlers (the engine, sites.c). */
struct dprobe_site *dprobe_site_lookup(unsigned long addr);
int dprobe_site_run_pre(struct dprobe_site *site, struct pt_regs *regs);
void dprobe_site_run_post(struct dprobe_site *site, struct pt_regs *regs);
bool dprobe_site_in_range(unsigned long start, unsigned long end);
int dprobe_copy_orig_text(unsigned long start, u8 *buf, size_t len);

/*
 * The engine's lock: every dprobe_arch_*() hook that changes state runs
 * under it (register.c).  The architecture asserts it; its tests take it.
 */
void dprobe_lock(void);
void dprobe_unlock(void);
#ifdef CONFIG_LOCKDEP
void dprobe_lockdep_assert_held(void);
#else
static inline void dprobe_lockdep_assert_held(void) { }
#endif

/* Implemented by the architecture (x86: arch/x86/kernel/kprobes/). */
void dprobe_text_lock(void);
void dprobe_text_unlock(void);
bool dprobe_text_patched(unsigned long start, unsigned long end);
bool dprobe_text_branch_target(unsigned long start, unsigned long end);
int dprobe_arch_check_boundary(unsigned long addr);
int dprobe_arch_opt_prepare(struct dprobe_site *site);
void dprobe_arch_opt_patch(struct dprobe_site *site);
void dprobe_arch_opt_unpatch(struct dprobe_site *site);
int dprobe_arch_prepare(struct dprobe_site *site);
bool dprobe_arch_supports_post(const struct dprobe_site *site);
void dprobe_arch_release(struct dprobe_site *site);
int dprobe_arch_arm(struct dprobe_site *site);
void dprobe_arch_disarm(struct dprobe_site *site);
void dprobe_arch_disarm_sync(void);
void dprobe_arch_orig_bytes(struct dprobe_site *site, unsigned long start,
			    u8 *buf, size_t len);

#endif /* _LINUX_DPROBES_ARCH_H */
