/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: dynamic probes on kernel instructions.
 *
 * The generic engine lives in kernel/dprobes/, the x86 part in
 * arch/x86/kernel/kprobes/dprobe_*.c.  This header is the engine's
 * interface for the rest of the kernel (the dynamic-event layer, KUnit).
 *
 * A probe names an instruction, by symbol and offset or by address, and
 * handlers to run each time that instruction is about to execute (pre)
 * and has executed (post).  Several probes may share one instruction.
 * A return probe runs a handler when the probed function returns.
 */
#ifndef _LINUX_DPROBES_H
#define _LINUX_DPROBES_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/types.h>

struct dprobe;
struct dprobe_site;
struct pt_regs;
struct rethook;

/*
 * Called before the probed instruction runs.  Return 0 to let it run;
 * return non-zero after changing regs->ip to resume there instead (on
 * breakpoint and ftrace-site probes alike; jump-optimized ones too).
 */
typedef int (*dprobe_pre_handler_t)(struct dprobe *p, struct pt_regs *regs);
/* Called after the probed instruction ran, with the resulting registers. */
typedef void (*dprobe_post_handler_t)(struct dprobe *p, struct pt_regs *regs,
				      unsigned long flags);

/* struct dprobe::flags */
#define DPROBE_FL_DISABLED	0x1	/* registered, but handlers not called */
#define DPROBE_FL_GONE		0x2	/* its module went away */
#define DPROBE_FL_FTRACE	0x4	/* driven by ftrace (read-only) */

/* Per-CPU counters of a probe. */
struct dprobe_stats {
	unsigned long hit;
	unsigned long missed;
};

/**
 * struct dprobe - a probe on one kernel instruction
 * @symbol_name: symbol to probe, or NULL to use @addr
 * @offset: byte offset from @symbol_name (or from @addr)
 * @addr: in: address to probe when @symbol_name is NULL; out: the
 *	resolved address of the probed instruction
 * @pre_handler: called before the instruction runs; may be NULL
 * @post_handler: called after it ran; may be NULL
 * @flags: DPROBE_FL_* (set DPROBE_FL_DISABLED to register disabled)
 * @nmissed: when set, each miss is also counted here (the kprobes API's
 *	kprobe::nmissed, which its users read directly)
 * @site: the engine's state for @addr (private)
 * @site_list: entry in the site's probe list (private)
 * @stats: per-CPU hit and miss counters (private; use dprobe_nhit())
 */
struct dprobe {
	const char *symbol_name;
	unsigned int offset;
	unsigned long addr;
	dprobe_pre_handler_t pre_handler;
	dprobe_post_handler_t post_handler;
	unsigned int flags;
	unsigned long *nmissed;

	struct dprobe_site *site;
	struct list_head site_list;
	struct dprobe_stats __percpu *stats;
};

struct dretprobe;

/**
 * struct dretprobe_instance - one pending return of a probed function
 * @rp: the return probe
 * @ret_addr: where the function returns to
 * @data: @rp->data_size bytes private to the handlers of this call
 */
struct dretprobe_instance {
	struct dretprobe *rp;
	unsigned long ret_addr;
	char data[] __aligned(8);
};

typedef int (*dretprobe_handler_t)(struct dretprobe_instance *ri,
				   struct pt_regs *regs);

/**
 * struct dretprobe - a probe on the return of a function
 * @dp: the entry probe (set @dp.symbol_name/@dp.addr and @dp.offset)
 * @handler: called when the function returns, regs as at the return
 * @entry_handler: called at function entry; returning non-zero skips
 *	@handler for this call; may be NULL
 * @maxactive: concurrent calls tracked; 0 picks max(10, 2 * CPUs), which
 *	registration writes back
 * @data_size: bytes of per-call data in dretprobe_instance::data
 * @nmissed: returns not tracked because no instance was free
 * @rh: the kernel's return hook (private)
 */
struct dretprobe {
	struct dprobe dp;
	dretprobe_handler_t handler;
	dretprobe_handler_t entry_handler;
	int maxactive;
	size_t data_size;
	atomic_long_t nmissed;
	struct rethook *rh;
};

#ifdef CONFIG_DPROBES

int register_dprobe(struct dprobe *p);
void unregister_dprobe(struct dprobe *p);
int register_dprobes(struct dprobe **ps, int num);
void unregister_dprobes(struct dprobe **ps, int num);
int enable_dprobe(struct dprobe *p);
int disable_dprobe(struct dprobe *p);
unsigned long dprobe_nhit(const struct dprobe *p);
unsigned long dprobe_nmissed(const struct dprobe *p);
bool dprobe_is_ftrace(const struct dprobe *p);
bool dprobe_is_optimized(const struct dprobe *p);

int register_dretprobe(struct dretprobe *rp);
bool dprobe_is_return(const struct dprobe *p);
void unregister_dretprobe(struct dretprobe *rp);
void unregister_dretprobes(struct dretprobe **rps, int num);
unsigned long dretprobe_nmissed(struct dretprobe *rp);

bool dprobe_within_blacklist(unsigned long addr);
unsigned long dprobe_resolve(const char *symbol, unsigned int offset);
bool dprobe_func_entry(unsigned long addr);
bool dprobe_is_slot(unsigned long addr);

#else /* !CONFIG_DPROBES */

static inline bool dprobe_is_slot(unsigned long addr)
{
	return false;
}

static inline int register_dprobe(struct dprobe *p)
{
	return -EOPNOTSUPP;
}

static inline void unregister_dprobe(struct dprobe *p)
{
}

static inline bool dprobe_within_blacklist(unsigned long addr)
{
	return true;
}

#endif /* CONFIG_DPROBES */

#endif /* _LINUX_DPROBES_H */
