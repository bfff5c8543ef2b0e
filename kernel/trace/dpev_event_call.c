// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: the trace event of a kprobe_events definition, i.e. its
 * trace_event_call and class, its fields (format file, filters, hists),
 * its trace output line, and the reg callback through which ftrace and
 * perf switch its probes on and off.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/rculist.h>
#include <linux/slab.h>

#include "dpev_event.h"
#include "trace_output.h"

static int dpev_define_fields(struct trace_event_call *call)
{
	struct dpev_event *ev = call->data;
	const struct dpev_def *def = ev->layout;
	struct dpev_field f;
	unsigned int i;
	int ret;

	/* The event layer keeps the type pointers: they live in the event. */
	for (i = 0; i < dpev_def_nr_fields(def); i++) {
		dpev_def_field(def, i, ev->types[i], sizeof(ev->types[i]),
			       &f);
		ret = trace_define_field(call, f.type, f.name, f.offset, f.size,
					 f.is_signed, FILTER_OTHER);
		if (ret)
			return ret;
	}
	return 0;
}

static struct trace_event_fields dpev_fields_array[] = {
	{ .type = TRACE_FUNCTION_TYPE, .define_fields = dpev_define_fields },
	{}
};

/* "name: (sym+off/size) a=1" or "name: (ret+off/size <- func) a=1". */
static enum print_line_t dpev_print_line(struct trace_iterator *iter,
					 int flags, struct trace_event *event)
{
	struct dpev_event *ev = container_of(event, struct dpev_event,
					     call.event);
	const struct dpev_def *def = ev->layout;
	struct trace_seq *s = &iter->seq;
	const unsigned long *hdr;
	const u8 *rec = (const u8 *)iter->ent;

	hdr = (const unsigned long *)(rec + sizeof(struct trace_entry));
	trace_seq_printf(s, "%s: (", ev->name);
	if (!seq_print_ip_sym(s, hdr[def->is_return], flags | TRACE_ITER_SYM_OFFSET))
		goto out;
	if (def->is_return) {
		trace_seq_puts(s, " <- ");
		if (!seq_print_ip_sym(s, hdr[0], flags & ~TRACE_ITER_SYM_OFFSET))
			goto out;
	}
	trace_seq_putc(s, ')');
	dpev_print_args(def, &s->seq, rec + sizeof(struct trace_entry) +
			dpev_def_header_size(def), rec, iter->ent_size);
	trace_seq_putc(s, '\n');
out:
	return trace_handle_return(s);
}

static struct trace_event_functions dpev_event_funcs = {
	.trace = dpev_print_line,
};

bool dpev_event_enabled(const struct dpev_event *ev)
{
	return ev->nr_files || ev->perf;
}

/* Probes follow the event: armed while someone consumes it. */
static int dpev_event_update_probes(struct dpev_event *ev)
{
	bool on = dpev_event_enabled(ev);
	struct dpev_probe *pr;
	int ret;

	list_for_each_entry(pr, &ev->probes, sibling) {
		ret = dpev_probe_set_enabled(pr, on);
		if (ret && on)
			return ret;
	}
	return 0;
}

/* An instance starts or stops consuming the event. */
static int dpev_set_file(struct dpev_event *ev, struct trace_event_file *file,
			 bool on)
{
	struct dpev_file *link, *found = NULL;
	int ret;

	list_for_each_entry(link, &ev->files, list) {
		if (link->file == file)
			found = link;
	}
	if (!on) {
		if (!found)
			return -ENOENT;
		list_del_rcu(&found->list);
		ev->nr_files--;
		dpev_event_update_probes(ev);
		kfree_rcu(found, rcu);
		return 0;
	}
	if (found)
		return 0;
	found = kzalloc(sizeof(*found), GFP_KERNEL);
	if (!found)
		return -ENOMEM;
	found->file = file;
	list_add_tail_rcu(&found->list, &ev->files);
	ev->nr_files++;
	ret = dpev_event_update_probes(ev);
	if (ret)
		dpev_set_file(ev, file, false);
	return ret;
}

/* perf starts or stops consuming the event (on every CPU at once). */
static int dpev_set_perf(struct dpev_event *ev, bool on)
{
	int ret;

	ev->perf = on;
	ret = dpev_event_update_probes(ev);
	if (ret && on) {
		ev->perf = false;
		dpev_event_update_probes(ev);
	}
	return ret;
}

/*
 * The class's reg callback, called by ftrace and perf with event_mutex
 * held.  perf's per-event open/close/add/del need nothing from us: the
 * probes are armed as long as perf has the event registered.
 */
static int dpev_event_reg(struct trace_event_call *call, enum trace_reg type,
			  void *data)
{
	struct dpev_event *ev = call->data;

	if (type == TRACE_REG_REGISTER || type == TRACE_REG_UNREGISTER)
		return dpev_set_file(ev, data, type == TRACE_REG_REGISTER);
#ifdef CONFIG_PERF_EVENTS
	if (type == TRACE_REG_PERF_REGISTER ||
	    type == TRACE_REG_PERF_UNREGISTER)
		return dpev_set_perf(ev, type == TRACE_REG_PERF_REGISTER);
#endif
	return 0;
}

/**
 * dpev_event_of_call() - our event behind a trace event
 * @call: any trace event
 *
 * Return: the event, or NULL when @call is not one of ours.
 */
struct dpev_event *dpev_event_of_call(struct trace_event_call *call)
{
	if (!call || !call->class || call->class->reg != dpev_event_reg)
		return NULL;
	return call->data;
}

/**
 * dpev_event_alloc() - a new, unregistered event for a definition
 * @layout: the definition of its first probe; the event takes it over
 *
 * Return: the event, or NULL when out of memory.
 */
struct dpev_event *dpev_event_alloc(struct dpev_def *layout)
{
	struct dpev_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return NULL;
	INIT_LIST_HEAD(&ev->probes);
	INIT_LIST_HEAD(&ev->files);
	strscpy(ev->group, layout->group, sizeof(ev->group));
	strscpy(ev->name, layout->event, sizeof(ev->name));
	ev->layout = layout;
	ev->types = kcalloc(dpev_def_nr_fields(layout), sizeof(*ev->types),
			    GFP_KERNEL);
	ev->call.print_fmt = dpev_def_print_fmt(layout);
	if (!ev->types || !ev->call.print_fmt) {
		kfree(ev->types);
		kfree(ev->call.print_fmt);
		kfree(ev);
		return NULL;
	}
	ev->class.system = ev->group;
	ev->class.reg = dpev_event_reg;
	ev->class.fields_array = dpev_fields_array;
	INIT_LIST_HEAD(&ev->class.fields);
	ev->call.class = &ev->class;
	/* a kprobe event to perf and BPF: BPF_PROG_TYPE_KPROBE programs attach */
	ev->call.flags |= TRACE_EVENT_FL_KPROBE;
	ev->call.name = ev->name;
	ev->call.event.funcs = &dpev_event_funcs;
	ev->call.data = ev;
	return ev;
}

/**
 * dpev_event_register() - make the event visible under events/
 * @ev: an event from dpev_event_alloc(); event_mutex held
 *
 * Return: 0, -ENODEV when no event id is left, or the event layer's error.
 */
int dpev_event_register(struct dpev_event *ev)
{
	int ret;

	lockdep_assert_held(&event_mutex);
	if (!register_trace_event(&ev->call.event))
		return -ENODEV;
	ret = trace_add_event_call(&ev->call);
	if (ret)
		unregister_trace_event(&ev->call.event);
	return ret;
}

/**
 * dpev_event_unregister() - remove the event from events/
 * @ev: a registered event; event_mutex held
 *
 * Return: 0, or -EBUSY when the event is still in use.
 */
int dpev_event_unregister(struct dpev_event *ev)
{
	lockdep_assert_held(&event_mutex);
	return trace_remove_event_call(&ev->call);
}

/**
 * dpev_event_free() - free an unregistered event without probes
 * @ev: the event
 */
void dpev_event_free(struct dpev_event *ev)
{
	if (!ev)
		return;
	kfree(ev->types);
	kfree(ev->call.print_fmt);
	dpev_def_free(ev->layout);
	kfree(ev);
}

/**
 * dpev_event_find() - our event named @group/@name
 * @group: group name
 * @name: event name
 *
 * Called with event_mutex held.
 *
 * Return: the event, or NULL.
 */
struct dpev_event *dpev_event_find(const char *group, const char *name)
{
	struct dyn_event *dpos;
	struct dpev_probe *pr;

	lockdep_assert_held(&event_mutex);
	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		if (!pr)
			continue;
		if (!strcmp(pr->ev->name, name) && !strcmp(pr->ev->group, group))
			return pr->ev;
	}
	return NULL;
}

/**
 * dpev_event_in_use() - may the event not be removed now?
 * @ev: the event
 *
 * Return: true while it is enabled somewhere or referenced (an open
 * file, a hist or perf user).
 */
bool dpev_event_in_use(struct dpev_event *ev)
{
	return dpev_event_enabled(ev) || trace_event_dyn_busy(&ev->call);
}
