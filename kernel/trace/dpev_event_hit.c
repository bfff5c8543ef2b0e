// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: what happens when a probe fires.  The fetch programs
 * run once to size the string data, then the record is written to every
 * trace instance the event is enabled in and handed to perf.
 *
 * These handlers run in the engine's probe context (breakpoint or ftrace
 * callback, preemption off) and must not be probed themselves.
 */
#include <linux/kprobes.h>
#include <linux/trace_events.h>
#include <linux/percpu.h>
#include <linux/rculist.h>

#include "dpev_event.h"

/*
 * String data of one record is bounded so that the record always fits a
 * ring-buffer page; longer strings are cut by the executor.
 */
#define DPEV_MAX_DYN_DATA	(PAGE_SIZE / 2)

/**
 * struct dpev_hit - one hit, as the record writers need it
 * @def: the layout of the record
 * @ctx: registers and entry data for the fetch programs
 * @hdr: the probe header words (ip, or function and return address)
 * @size: bytes of the record, trace_entry included
 * @dyn: bytes of string data after the fixed part
 */
struct dpev_hit {
	const struct dpev_def *def;
	struct dpev_fetch_ctx ctx;
	unsigned long hdr[2];
	unsigned int size;
	unsigned int dyn;
};

static __always_inline void dpev_hit_size(struct dpev_hit *h)
{
	const struct dpev_def *def = h->def;
	unsigned int i, dyn = 0;

	for (i = 0; i < def->nr_args; i++)
		dyn += dpev_fetch_dynamic_len(def->args[i].prog, &h->ctx);
	h->dyn = min_t(unsigned int, dyn, DPEV_MAX_DYN_DATA);
	h->size = sizeof(struct trace_entry) + dpev_def_header_size(def) +
		  def->args_size + h->dyn;
}

/* Fills everything after the trace_entry of @rec. */
static __always_inline void dpev_hit_fill(const struct dpev_hit *h, u8 *rec)
{
	const struct dpev_def *def = h->def;
	u8 *hdr = rec + sizeof(struct trace_entry);
	u8 *args = hdr + dpev_def_header_size(def);
	u8 *dyn = args + def->args_size;
	unsigned int left = h->dyn, n, i;

	/* constant sizes: stores, not calls */
	memcpy(hdr, &h->hdr[0], sizeof(h->hdr[0]));
	if (def->is_return)
		memcpy(hdr + sizeof(h->hdr[0]), &h->hdr[1], sizeof(h->hdr[1]));
	if (!def->nr_args)
		return;
	memset(args, 0, def->args_size);
	for (i = 0; i < def->nr_args; i++) {
		n = dpev_fetch_store(def->args[i].prog, &h->ctx,
				     args + def->args[i].offset, rec, dyn,
				     left);
		dyn += n;
		left -= n;
	}
}

/*
 * Event-file states in which trace_event_buffer_reserve() stages the
 * record elsewhere (a per-CPU record for a filter or soft-disable, the
 * trigger's scratch buffer) or may drop it (PID filter), and in which
 * trace_event_buffer_commit() runs triggers or a filter.
 */
#define DPEV_FILE_INDIRECT (EVENT_FILE_FL_PID_FILTER |		\
			    EVENT_FILE_FL_SOFT_DISABLED |	\
			    EVENT_FILE_FL_FILTERED |		\
			    EVENT_FILE_FL_TRIGGER_COND)

#ifdef CONFIG_STACKTRACE
#define DPEV_STACK_FLAGS (TRACE_ITER_STACKTRACE | TRACE_ITER_USERSTACKTRACE)
#else
#define DPEV_STACK_FLAGS 0
#endif

/*
 * Reserves the record in @file's ring buffer as trace_event_buffer_reserve()
 * does, for a file in none of the DPEV_FILE_INDIRECT states: the same
 * reserve and the same common fields, without the second
 * ring_buffer_event_data() and the checks that cannot apply.
 */
static __always_inline u8 *dpev_reserve(struct trace_event_buffer *fb,
					struct trace_event_file *file,
					unsigned int size)
{
	/* the preemption count the probe saw, as the generic path records */
	fb->trace_ctx = tracing_gen_ctx_dec();
	fb->trace_file = file;
	fb->buffer = file->tr->array_buffer.buffer;
	fb->event = ring_buffer_lock_reserve(fb->buffer, size);
	if (!fb->event)
		return NULL;
	fb->regs = NULL;
	fb->entry = ring_buffer_event_data(fb->event);
	tracing_generic_entry_update(fb->entry, file->event_call->event.type,
				     fb->trace_ctx);
	return fb->entry;
}

/*
 * Commits a record dpev_reserve() put in the ring buffer.  With no
 * trigger, filter or soft-disable on the file, no stack trace option on
 * its instance, no tracepoint_printk and no event exporter, all that
 * trace_event_buffer_commit() would do is the task-info mark and the ring
 * buffer's commit: do just that.  Otherwise, or for a record it
 * reserved, trace_event_buffer_commit() does it all.
 */
static __always_inline void dpev_commit(struct trace_event_buffer *fb,
					bool direct)
{
	if (direct && !static_branch_unlikely(&tracepoint_printk_key) &&
	    !static_branch_unlikely(&trace_event_exports_enabled) &&
	    !(READ_ONCE(fb->trace_file->flags) & DPEV_FILE_INDIRECT) &&
	    !(fb->trace_file->tr->trace_flags & DPEV_STACK_FLAGS)) {
		__this_cpu_write(trace_taskinfo_save, true);
		ring_buffer_unlock_commit(fb->buffer);
		return;
	}
	trace_event_buffer_commit(fb);
}

static __always_inline void dpev_hit_trace(struct dpev_probe *pr,
					   const struct dpev_hit *h,
					   struct trace_event_file *file,
					   struct pt_regs *regs)
{
	/* every field is set by the reserve: no zeroing of the stack */
	struct trace_event_buffer fbuffer __uninitialized;
	bool direct;
	u8 *rec;

	if (trace_trigger_soft_disabled(file))
		return;
	/*
	 * Long strings near the argument limit: never fits, count it.  A
	 * sub-buffer is at least a page, so half a page always fits.
	 */
	if (h->size > PAGE_SIZE / 2 &&
	    h->size > ring_buffer_max_event_size(file->tr->array_buffer.buffer)) {
		this_cpu_inc(pr->stats->dropped);
		return;
	}
	direct = !(READ_ONCE(file->flags) & DPEV_FILE_INDIRECT);
	if (direct) {
		/*
		 * Tracing is off in this instance (tracing_on, a traceoff
		 * trigger): the reserve would fail, so skip the context
		 * word.  trace.c keeps buffer_disabled beside the ring
		 * buffer's own switch for such fast paths; a file with a
		 * trigger condition, which must see records while tracing
		 * is off, goes to trace_event_buffer_reserve().
		 */
		if (unlikely(READ_ONCE(file->tr->buffer_disabled)))
			return;
		rec = dpev_reserve(&fbuffer, file, h->size);
	} else {
		rec = trace_event_buffer_reserve(&fbuffer, file, h->size);
	}
	if (!rec)
		return;
	fbuffer.regs = regs;
	dpev_hit_fill(h, rec);
	dpev_commit(&fbuffer, direct);
}

#ifdef CONFIG_PERF_EVENTS
static void dpev_hit_perf(struct dpev_probe *pr, const struct dpev_hit *h,
			  struct dpev_event *ev, struct pt_regs *regs)
{
	struct hlist_head __percpu *heads = READ_ONCE(ev->call.perf_events);
	struct hlist_head *head;
	int size, rctx;
	u8 *rec;

	/* perf allocates the heads before it registers and frees them after */
	if (!heads)
		return;
	head = this_cpu_ptr(heads);
	if (hlist_empty(head))
		return;
	/* perf prepends a u32 size; keep the whole sample u64-aligned. */
	size = ALIGN(h->size + sizeof(u32), sizeof(u64)) - sizeof(u32);
	/* perf warns about larger ones: count it instead */
	if (size > PERF_MAX_TRACE_SIZE) {
		this_cpu_inc(pr->stats->dropped);
		return;
	}
	rec = perf_trace_buf_alloc(size, NULL, &rctx);
	if (!rec)
		return;
	dpev_hit_fill(h, rec);
	perf_trace_buf_submit(rec, size, rctx, ev->call.event.type, 1, regs,
			      head, NULL);
}

NOKPROBE_SYMBOL(dpev_hit_perf);

#ifdef CONFIG_BPF_EVENTS
/* What kprobe_running() shows BPF programs (bpf_get_func_ip()). */
static DEFINE_PER_CPU(struct kprobe, dpev_bpf_kprobe);

/*
 * BPF programs attached to the event through perf (PERF_EVENT_IOC_SET_BPF)
 * run first, with the probe's registers; one returning 0 drops the
 * sample.  They run whether or not a perf buffer listens on this CPU.
 * While they run, kprobe_running() describes the probe as a kprobe.
 */
static bool dpev_hit_bpf(struct dpev_probe *pr, struct pt_regs *regs)
{
	struct kprobe *kp = this_cpu_ptr(&dpev_bpf_kprobe);
	struct kprobe *prev = kprobe_running();
	unsigned int ret;

	if (!bpf_prog_array_valid(&pr->ev->call))
		return true;
	kp->addr = (kprobe_opcode_t *)pr->rp.dp.addr;
	kp->flags = pr->on_func_entry ? KPROBE_FLAG_ON_FUNC_ENTRY : 0;
	__this_cpu_write(current_kprobe, kp);
	ret = trace_call_bpf(&pr->ev->call, regs);
	__this_cpu_write(current_kprobe, prev);
	return ret;
}

NOKPROBE_SYMBOL(dpev_hit_bpf);
#else
static bool dpev_hit_bpf(struct dpev_probe *pr, struct pt_regs *regs)
{
	return true;
}
#endif

/*
 * perf's share of a hit: the BPF programs, then the sample.
 *
 * Return: true when a program moved regs->ip (bpf_override_return()) and
 * the probe lets it: no sample then.  A move the probe does not let is
 * undone.
 */
static bool dpev_hit_perf_bpf(struct dpev_probe *pr, const struct dpev_hit *h,
			      struct pt_regs *regs)
{
	unsigned long ip = instruction_pointer(regs);
	bool sample = dpev_hit_bpf(pr, regs);

	if (instruction_pointer(regs) != ip) {
		if (pr->may_override)
			return true;
		instruction_pointer_set(regs, ip);
	}
	if (sample)
		dpev_hit_perf(pr, h, pr->ev, regs);
	return false;
}

NOKPROBE_SYMBOL(dpev_hit_perf_bpf);
#endif

/*
 * Inlined into the two handlers (no symbol of its own to probe).
 * Return: true when the probed function is to return at once.
 */
static __always_inline bool dpev_hit_emit(struct dpev_probe *pr,
					  struct dpev_hit *h,
					  struct pt_regs *regs)
{
	struct dpev_event *ev = pr->ev;
	struct dpev_file *link;

	this_cpu_inc(pr->stats->hit);
	/* Appended probes share the layout, not the fetch programs. */
	h->def = pr->def;
	dpev_hit_size(h);
	list_for_each_entry_rcu(link, &ev->files, list)
		dpev_hit_trace(pr, h, link->file, regs);
#ifdef CONFIG_PERF_EVENTS
	if (READ_ONCE(ev->perf))
		return dpev_hit_perf_bpf(pr, h, regs);
#endif
	return false;
}

static int dpev_entry_hit(struct dprobe *dp, struct pt_regs *regs)
{
	struct dpev_probe *pr = container_of(dp, struct dpev_probe, rp.dp);
	/* each field set below or by dpev_hit_emit(): no zeroing */
	struct dpev_hit h __uninitialized;

	h.ctx.regs = regs;
	h.ctx.entry = NULL;
	h.hdr[0] = dp->addr;
	h.hdr[1] = 0;
	/* the function returns at once: the engine resumes at regs->ip */
	return dpev_hit_emit(pr, &h, regs);
}

NOKPROBE_SYMBOL(dpev_entry_hit);

/* Function entry of a return probe: keep the $argN it will print. */
static int dpev_return_entry(struct dretprobe_instance *ri,
			     struct pt_regs *regs)
{
	struct dpev_probe *pr = container_of(ri->rp, struct dpev_probe, rp);

	dpev_save_entry_args(pr->def->entry_args, pr->def->nr_entry_args,
			     regs, (unsigned long *)ri->data);
	return 0;
}

NOKPROBE_SYMBOL(dpev_return_entry);

static int dpev_return_hit(struct dretprobe_instance *ri, struct pt_regs *regs)
{
	struct dpev_probe *pr = container_of(ri->rp, struct dpev_probe, rp);
	struct dpev_hit h __uninitialized;

	h.ctx.regs = regs;
	h.ctx.entry = (unsigned long *)ri->data;
	h.hdr[0] = pr->rp.dp.addr;
	h.hdr[1] = ri->ret_addr;
	dpev_hit_emit(pr, &h, regs);
	return 0;
}

NOKPROBE_SYMBOL(dpev_return_hit);

/**
 * dpev_probe_init_handlers() - point the engine probe at our handlers
 * @pr: a probe whose definition is set
 */
void dpev_probe_init_handlers(struct dpev_probe *pr)
{
	if (pr->def->is_return) {
		pr->rp.handler = dpev_return_hit;
		if (pr->def->nr_entry_args) {
			pr->rp.entry_handler = dpev_return_entry;
			pr->rp.data_size = pr->def->nr_entry_args *
					   sizeof(unsigned long);
		}
		pr->rp.maxactive = pr->def->maxactive;
	} else {
		pr->rp.dp.pre_handler = dpev_entry_hit;
	}
}

/**
 * dpev_probe_nhit() - hits of a probe as counted by its handlers
 * @pr: the probe
 *
 * Return: the sum over CPUs.
 */
unsigned long dpev_probe_nhit(const struct dpev_probe *pr)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(pr->stats, cpu)->hit;
	return sum;
}

/**
 * dpev_probe_nmissed() - hits that left no record
 * @pr: the probe
 *
 * Return: the engine's misses (for a return probe also the returns it
 * could not track), and the records too large for the ring buffer.
 */
unsigned long dpev_probe_nmissed(struct dpev_probe *pr)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu_ptr(pr->stats, cpu)->dropped;
	if (!pr->registered)
		return sum;
	if (pr->def->is_return)
		return sum + dretprobe_nmissed(&pr->rp);
	return sum + dprobe_nmissed(&pr->rp.dp);
}
