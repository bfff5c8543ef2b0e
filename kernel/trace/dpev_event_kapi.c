// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events as the rest of the kernel knows kprobe events
 * (CONFIG_KPROBE_EVENTS): the unlisted local events behind perf's kprobe
 * PMU, what BPF asks about an event (where it probes, whether a program
 * may override the probed function's return there), and the in-kernel
 * API that builds kprobe_events lines (kprobe_event_gen_cmd_start() ...).
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/ctype.h>
#include <linux/error-injection.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>

#include "dpev_event.h"
#include "trace_probe.h"

/*
 * Symbol names as kallsyms spells them, "MOD:" allowed: anything else
 * names no function, and must not reach the parser as syntax.
 */
static bool dpev_symbol_name_ok(const char *s)
{
	bool colon = false;

	for (; *s; s++) {
		if (*s == ':' && !colon)
			colon = true;
		else if (!isalnum(*s) && *s != '_' && *s != '.')
			return false;
	}
	return true;
}

/* The definition line of a local event: what the PMU was given. */
static char *dpev_local_line(const char *func, void *addr, unsigned long offs,
			     bool is_return)
{
	char type = is_return ? 'r' : 'p';
	int ret;

	if (!func)
		return kasprintf(GFP_KERNEL, "%c:kprobes/local 0x%lx", type,
				 (unsigned long)addr);
	if (!dpev_symbol_name_ok(func))
		return ERR_PTR(-ENOENT);
	/* -ENOENT or -EADDRNOTAVAIL (not unique), as perf users expect */
	ret = dpev_kernel_env.syms.check(dpev_kernel_env.syms.priv, func);
	if (ret)
		return ERR_PTR(ret);
	return kasprintf(GFP_KERNEL, "%c:kprobes/local %s+%lu", type, func,
			 offs);
}

/**
 * create_local_trace_kprobe() - an unlisted kprobe event for perf
 * @func: function to probe, or NULL to probe @addr
 * @addr: address to probe when @func is NULL
 * @offs: offset into @func
 * @is_return: probe the function's return instead
 *
 * The event has no arguments, is not in kprobe_events, events/ or the
 * error_log, and lives until destroy_local_trace_kprobe().  Its probe is
 * checked like any kprobe_events probe (blacklist, notrace, lockdown,
 * unique symbol); a module probe needs its module loaded.
 *
 * Return: the event, or an ERR_PTR(): -ENOENT for an unknown symbol,
 * -EADDRNOTAVAIL for a non-unique one, -EINVAL for a place that cannot be
 * probed, or the engine's error.
 */
struct trace_event_call *
create_local_trace_kprobe(char *func, void *addr, unsigned long offs,
			  bool is_return)
{
	struct dpev_error err;
	struct dpev_def *def;
	struct dpev_event *ev;
	struct dpev_probe *pr;
	char *line;
	int ret;

	line = dpev_local_line(func, addr, offs, is_return);
	if (IS_ERR_OR_NULL(line))
		return line ? ERR_CAST(line) : ERR_PTR(-ENOMEM);
	ret = dpev_parse_def(line, &dpev_kernel_env, &def, &err);
	kfree(line);
	if (ret)
		return ERR_PTR(ret);
	pr = dpev_probe_alloc(def);
	if (!pr) {
		dpev_def_free(def);
		return ERR_PTR(-ENOMEM);
	}
	ev = dpev_event_alloc(def);
	if (!ev) {
		dpev_probe_free(pr);
		return ERR_PTR(-ENOMEM);
	}
	/* upstream names it after the function: tools may show the name */
	strscpy(ev->name, func ?: "DUMMY_EVENT", sizeof(ev->name));
	pr->ev = ev;
	mutex_lock(&event_mutex);
	ret = dpev_probe_register(pr);
	if (!ret) {
		list_add_tail(&pr->sibling, &ev->probes);
		dpev_event_bpf_update(ev);
	}
	mutex_unlock(&event_mutex);
	if (ret) {
		dpev_probe_free(pr);	/* the event keeps the definition */
		dpev_event_free(ev);
		return ERR_PTR(ret);
	}
	return &ev->call;
}

/**
 * destroy_local_trace_kprobe() - free an event of create_local_trace_kprobe()
 * @event_call: the event; perf no longer uses it
 */
void destroy_local_trace_kprobe(struct trace_event_call *event_call)
{
	struct dpev_event *ev = dpev_event_of_call(event_call);
	struct dpev_probe *pr;

	if (WARN_ON_ONCE(!ev || dpev_event_enabled(ev)))
		return;
	mutex_lock(&event_mutex);
	pr = list_first_entry(&ev->probes, struct dpev_probe, sibling);
	dpev_probe_unregister(pr);
	list_del(&pr->sibling);
	mutex_unlock(&event_mutex);
	dpev_probe_free(pr);
	dpev_event_free(ev);
}

/**
 * dpev_event_bpf_update() - recompute what BPF asks of an event
 * @ev: the event, after one of its probes was added, removed, placed or
 *	taken away; event_mutex held
 *
 * BPF asks with perf's context lock held, which comes after event_mutex
 * in the kernel's lock order: so the answers are kept, not computed then.
 * A probe that is not placed (its module is away) counts as neither.
 */
void dpev_event_bpf_update(struct dpev_event *ev)
{
	bool entry = !list_empty(&ev->probes), inject = entry;
	struct dpev_probe *pr;

	lockdep_assert_held(&event_mutex);
	list_for_each_entry(pr, &ev->probes, sibling) {
		entry = entry && pr->registered && pr->on_func_entry;
		inject = inject && pr->registered &&
			 within_error_injection_list(pr->rp.dp.addr);
	}
	WRITE_ONCE(ev->bpf_on_func_entry, entry);
	WRITE_ONCE(ev->bpf_injectable, inject);
}

/**
 * trace_kprobe_on_func_entry() - are the event's probes at function entries?
 * @call: a kprobe event
 *
 * BPF asks before it attaches a program that uses bpf_override_return().
 *
 * Return: true when every probe of the event is placed at one.
 */
bool trace_kprobe_on_func_entry(struct trace_event_call *call)
{
	struct dpev_event *ev = dpev_event_of_call(call);

	return ev && READ_ONCE(ev->bpf_on_func_entry);
}

/**
 * trace_kprobe_error_injectable() - may the event's probed functions fail?
 * @call: a kprobe event
 *
 * Return: true when every probe of the event is placed in a function
 * marked ALLOW_ERROR_INJECTION().  Return probes never override,
 * whatever this says: the hit path lets only entry probes redirect.
 */
bool trace_kprobe_error_injectable(struct trace_event_call *call)
{
	struct dpev_event *ev = dpev_event_of_call(call);

	return ev && READ_ONCE(ev->bpf_injectable);
}

/**
 * bpf_get_kprobe_info() - what a perf event on a kprobe event probes
 * @event: the perf event
 * @fd_type: set to BPF_FD_TYPE_KPROBE or BPF_FD_TYPE_KRETPROBE
 * @symbol: set to the probed symbol, NULL for a probe on an address
 * @probe_offset: set to the offset from @symbol
 * @probe_addr: set to the probed address, 0 for callers that may not see
 *	kernel addresses or when the probe is not placed
 * @missed: if not NULL, set to the hits that left no record
 * @perf_type_tracepoint: the event was opened by its tracepoint id
 *
 * An event with several probes reports its first.  @symbol points into
 * the event, which lives at least as long as @event.
 *
 * Return: 0, or -EINVAL when @event is not on a kprobe event.
 */
int bpf_get_kprobe_info(const struct perf_event *event, u32 *fd_type,
			const char **symbol, u64 *probe_offset,
			u64 *probe_addr, unsigned long *missed,
			bool perf_type_tracepoint)
{
	struct dpev_event *ev = dpev_event_of_call(event->tp_event);
	const struct dpev_def *def;
	struct dpev_probe *pr;

	if (!ev)
		return -EINVAL;
	/* the layout stays with the event even when its probe is deleted */
	def = ev->layout;
	*fd_type = def->is_return ? BPF_FD_TYPE_KRETPROBE : BPF_FD_TYPE_KPROBE;
	*symbol = def->symbol;
	*probe_offset = def->symbol ? def->offset : 0;
	*probe_addr = 0;
	if (missed)
		*missed = 0;
	mutex_lock(&event_mutex);
	pr = list_first_entry_or_null(&ev->probes, struct dpev_probe, sibling);
	if (pr) {
		if (pr->registered && kallsyms_show_value(current_cred()))
			*probe_addr = pr->rp.dp.addr;
		if (missed)
			*missed = dpev_probe_nmissed(pr);
	}
	mutex_unlock(&event_mutex);
	return 0;
}

/* kprobe_event_gen_cmd_end(): the line goes where a kprobe_events write goes */
static int dpev_gen_run(struct dynevent_cmd *cmd)
{
	return dpev_run_command(seq_buf_str(&cmd->seq));
}

/**
 * kprobe_event_cmd_init() - start an in-kernel kprobe event command
 * @cmd: the command to fill
 * @buf: buffer for its text
 * @maxlen: size of @buf
 */
void kprobe_event_cmd_init(struct dynevent_cmd *cmd, char *buf, int maxlen)
{
	dynevent_cmd_init(cmd, buf, maxlen, DYNEVENT_TYPE_KPROBE, dpev_gen_run);
}
EXPORT_SYMBOL_GPL(kprobe_event_cmd_init);

/* Appends the NULL-terminated list of strings @args, blank-separated. */
static int dpev_gen_add(struct dynevent_cmd *cmd, va_list args)
{
	const char *field;

	while ((field = va_arg(args, const char *)))
		seq_buf_printf(&cmd->seq, " %s", field);
	return seq_buf_has_overflowed(&cmd->seq) ? -E2BIG : 0;
}

/**
 * __kprobe_event_gen_cmd_start() - the place of an in-kernel kprobe event
 * @cmd: a command from kprobe_event_cmd_init()
 * @kretprobe: a return probe
 * @name: event name (group "kprobes")
 * @loc: where to probe, as kprobe_events takes it
 * @...: fetch-args ("name=FETCHARG[:TYPE]"), then NULL
 *
 * Use kprobe_event_gen_cmd_start() or kretprobe_event_gen_cmd_start().
 *
 * Return: 0; -EINVAL for a command of another type or a missing
 * @name/@loc; -E2BIG when the buffer is full.
 */
int __kprobe_event_gen_cmd_start(struct dynevent_cmd *cmd, bool kretprobe,
				 const char *name, const char *loc, ...)
{
	va_list args;
	int ret;

	if (cmd->type != DYNEVENT_TYPE_KPROBE || !name || !loc)
		return -EINVAL;
	seq_buf_printf(&cmd->seq, "%c:kprobes/%s %s", kretprobe ? 'r' : 'p',
		       name, loc);
	va_start(args, loc);
	ret = dpev_gen_add(cmd, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(__kprobe_event_gen_cmd_start);

/**
 * __kprobe_event_add_fields() - more fetch-args for an in-kernel kprobe event
 * @cmd: a started command
 * @...: fetch-args, then NULL
 *
 * Use kprobe_event_add_fields() or kprobe_event_add_field().
 *
 * Return: 0; -EINVAL for a command of another type; -E2BIG when the
 * buffer is full.
 */
int __kprobe_event_add_fields(struct dynevent_cmd *cmd, ...)
{
	va_list args;
	int ret;

	if (cmd->type != DYNEVENT_TYPE_KPROBE)
		return -EINVAL;
	va_start(args, cmd);
	ret = dpev_gen_add(cmd, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(__kprobe_event_add_fields);

/**
 * kprobe_event_delete() - delete a kprobe event made in the kernel
 * @name: the event name
 *
 * Return: 0, or the error deleting it through kprobe_events would give.
 */
int kprobe_event_delete(const char *name)
{
	char *line = kasprintf(GFP_KERNEL, "-:%s", name);
	int ret;

	if (!line)
		return -ENOMEM;
	ret = dpev_run_command(line);
	kfree(line);
	return ret;
}
EXPORT_SYMBOL_GPL(kprobe_event_delete);
