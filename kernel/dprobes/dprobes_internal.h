/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the files of the dprobes engine only.
 */
#ifndef _KERNEL_DPROBES_INTERNAL_H
#define _KERNEL_DPROBES_INTERNAL_H

#include <linux/dprobes.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/workqueue.h>
#include <asm/dprobes.h>

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

/* Probed addresses: struct dprobe_site, keyed by address (sites.c). */
#define DPROBE_TABLE_BITS	9
extern struct hlist_head dprobe_table[1 << DPROBE_TABLE_BITS];

/*
 * Sites whose module went away: out of the table (its addresses may be
 * reused), still listed in debugfs as [GONE] until their probes go.
 */
extern struct list_head dprobe_gone_sites;

/* Serialises registration, arming and the debugfs views. */
extern struct mutex dprobe_mutex;
/* false when debugfs kprobes/enabled disarmed everything */
extern bool dprobes_all_armed;

struct dprobe_site *dprobe_site_lookup(unsigned long addr);
int dprobe_site_run_pre(struct dprobe_site *site, struct pt_regs *regs);
void dprobe_site_run_post(struct dprobe_site *site, struct pt_regs *regs);
void dprobe_site_miss(struct dprobe_site *site);

/* The jump optimizer (optimizer.c); all under dprobe_mutex. */
#ifdef CONFIG_DPROBES_OPTIMIZE
void dprobe_opt_update(struct dprobe_site *site);
void dprobe_opt_cancel(struct dprobe_site *site);
void dprobe_opt_cover(unsigned long addr);
void dprobe_opt_update_all(void);
void dprobe_opt_forget(struct dprobe_site *site);
void dprobe_opt_wait(void);
void dprobe_opt_set_enabled(bool on);
#else
static inline void dprobe_opt_update(struct dprobe_site *site) { }
static inline void dprobe_opt_cancel(struct dprobe_site *site) { }
static inline void dprobe_opt_cover(unsigned long addr) { }
static inline void dprobe_opt_update_all(void) { }
static inline void dprobe_opt_forget(struct dprobe_site *site) { }
static inline void dprobe_opt_wait(void) { }
static inline void dprobe_opt_set_enabled(bool on) { }
#endif
bool dprobe_site_in_range(unsigned long start, unsigned long end);
int dprobe_copy_orig_text(unsigned long start, u8 *buf, size_t len);

/* x86 part, arch/x86/kernel/kprobes/dprobe_*.c */
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

/* NOKPROBE_SYMBOL() entries: function addresses (linker-script bounds). */
extern unsigned long __start_kprobe_blacklist[];
extern unsigned long __stop_kprobe_blacklist[];

/* One address range where no probe may be placed. */
struct dprobe_blacklist_entry {
	struct list_head list;
	unsigned long start;
	unsigned long end;
};

struct module;
int dprobe_blacklist_init(void);
void dprobe_blacklist_add_module(struct module *mod);
void dprobe_blacklist_del_module(struct module *mod, bool init_only);
void *dprobe_blacklist_seq_start(struct seq_file *m, loff_t *pos);
void *dprobe_blacklist_seq_next(struct seq_file *m, void *v, loff_t *pos);
void dprobe_blacklist_seq_stop(struct seq_file *m, void *v);

/* Return probes (retprobe.c), also used by the kprobes API. */
int dprobe_check_return_site(const struct dprobe *p);
int dprobe_default_maxactive(void);

/* For the debugfs list: calls @fn for every registered probe. */
void dprobe_for_each(void (*fn)(struct dprobe *p, void *arg), void *arg);
void dprobe_set_all_armed(bool armed);

int dprobe_debugfs_init(void);
int dprobe_module_init(void);

#ifdef CONFIG_DPROBES_KUNIT_TEST
/* Test targets, arch/x86/kernel/kprobes/dprobe_test_targets.S */
int dprobe_test_jcc(int x);
unsigned long dprobe_test_riprel(void);
int dprobe_test_call(int x);
extern unsigned long dprobe_test_value;
int dprobe_test_callee(int x);
int dprobe_test_add(int a, int b);
int dprobe_test_recurse(int n);
int dprobe_test_sleep(int ms);
int dprobe_test_caller(void);
long dprobe_test_opt_riprel(long x);
int dprobe_test_opt_jcc(int x);
int dprobe_test_opt_call(int x);
int dprobe_test_opt_loop_target(int x);
int dprobe_test_opt_extable(int *p);
int dprobe_test_opt_short(void);
unsigned long dprobe_test_opt_loop(long a, long b, long c, unsigned long n);
unsigned long dprobe_test_pushf(void);
int dprobe_test_ret(void);
int dprobe_test_jmpreg(void);
void dprobe_test_just_return(void);
unsigned int dprobe_test_xmodify(void);
extern const u8 dprobe_test_xmodify_mov[];

/* Per-CPU worker threads of the KUnit suites (dprobes_stress_kunit.c) */
struct kunit;
struct task_struct;
struct task_struct **dprobe_test_start_workers(struct kunit *test,
					       int (*fn)(void *),
					       const char *name);
void dprobe_test_for_workers(struct task_struct **workers,
			     void (*op)(struct task_struct *t));
void dprobe_test_stop(struct task_struct *t);
#endif

#endif /* _KERNEL_DPROBES_INTERNAL_H */
