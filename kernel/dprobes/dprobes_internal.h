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
#include <linux/dprobes_arch.h>

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
