/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dprobe events: the objects shared by the files of the kprobe_events
 * layer on the dprobes engine.
 *
 * A trace event (struct dpev_event) owns one or more probes (struct
 * dpev_probe, several when definitions were appended to the event).  Each
 * probe is its own dynamic event, so it is listed, matched and deleted on
 * its own, as kprobe_events users expect of multi-probe events.
 *
 * Every list here is changed under event_mutex; the probe handlers only
 * read the list of enabled trace files, under RCU.
 */
#ifndef _KERNEL_TRACE_DPEV_EVENT_H
#define _KERNEL_TRACE_DPEV_EVENT_H

#include <linux/dprobes.h>
#include <linux/list.h>
#include <linux/trace_events.h>

#include "dpev_format.h"
#include "trace_dynevent.h"

/**
 * struct dpev_file - a trace instance an event is enabled in
 * @list: entry in struct dpev_event::files, read by the handlers under RCU
 * @file: the instance's file of the event
 * @rcu: for freeing after the handlers let go
 */
struct dpev_file {
	struct list_head list;
	struct trace_event_file *file;
	struct rcu_head rcu;
};

/**
 * struct dpev_event - one trace event made of dprobes
 * @call: the trace event as the event layer knows it
 * @class: its class: group name, fields and the reg callback
 * @probes: the struct dpev_probe of this event
 * @files: trace instances the event is enabled in (struct dpev_file)
 * @nr_files: entries of @files
 * @perf: perf has the event open
 * @bpf_on_func_entry: every probe is placed at a function's entry
 * @bpf_injectable: every probe is placed in an error-injectable function
 * @layout: the definition giving fields and output; owned by the event
 * @types: storage for the field type names (array types are built)
 * @group: group name (the class's system)
 * @name: event name
 */
struct dpev_event {
	struct trace_event_call call;
	struct trace_event_class class;
	struct list_head probes;
	struct list_head files;
	unsigned int nr_files;
	bool perf;
	bool bpf_on_func_entry;
	bool bpf_injectable;
	struct dpev_def *layout;
	char (*types)[DPEV_MAX_NAME_LEN];
	char group[DPEV_MAX_NAME_LEN];
	char name[DPEV_MAX_NAME_LEN];
};

/* Per-CPU counters of a probe point. */
struct dpev_stats {
	unsigned long hit;
	unsigned long dropped;
};

/**
 * struct dpev_probe - one probe point of an event
 * @devent: entry in the dynamic event list
 * @sibling: entry in the event's probe list
 * @ev: the event
 * @def: the parsed definition (the event's layout for its first probe)
 * @rp: the engine's probe; @rp.dp alone for an entry probe
 * @stats: hits counted by our handlers, and records dropped because
 *	they could never fit the ring buffer
 * @module: module name of a MOD:SYM probe, NULL otherwise
 * @registered: the engine knows the probe (false while its module is away)
 * @on_func_entry: placed at a function's entry (as BPF asks)
 * @may_override: BPF programs may make the function return at once here
 *	(bpf_override_return(): an error-injectable function's entry)
 */
struct dpev_probe {
	struct dyn_event devent;
	struct list_head sibling;
	struct dpev_event *ev;
	struct dpev_def *def;
	struct dretprobe rp;
	struct dpev_stats __percpu *stats;
	char *module;
	bool registered;
	bool on_func_entry;
	bool may_override;
};

extern struct dyn_event_operations dpev_dyn_ops;

/* The probe of a dynamic event, NULL if the event is of another type. */
static inline struct dpev_probe *to_dpev_probe(struct dyn_event *dev)
{
	if (dev->ops != &dpev_dyn_ops)
		return NULL;
	return container_of(dev, struct dpev_probe, devent);
}

/* dpev_event_call.c: the trace event */
struct dpev_event *dpev_event_alloc(struct dpev_def *layout);
int dpev_event_register(struct dpev_event *ev);
int dpev_event_unregister(struct dpev_event *ev);
void dpev_event_free(struct dpev_event *ev);
struct dpev_event *dpev_event_find(const char *group, const char *name);
bool dpev_event_in_use(struct dpev_event *ev);
bool dpev_event_enabled(const struct dpev_event *ev);

/* dpev_event_hit.c: the handlers */
void dpev_probe_init_handlers(struct dpev_probe *pr);
unsigned long dpev_probe_nhit(const struct dpev_probe *pr);
unsigned long dpev_probe_nmissed(struct dpev_probe *pr);

/* dpev_event_probe.c: probes and the engine */
struct dpev_probe *dpev_probe_alloc(struct dpev_def *def);
int dpev_probe_register(struct dpev_probe *pr);
void dpev_probe_unregister(struct dpev_probe *pr);
void dpev_probes_unregister_all(void);
int dpev_probe_set_enabled(struct dpev_probe *pr, bool on);
void dpev_probe_free(struct dpev_probe *pr);

/* dpev_event_syms.c: symbol questions of the parser */
extern const struct dpev_parse_env dpev_kernel_env;
bool dpev_module_loaded(const char *name);

/* dpev_event_create.c: one command line */
int dpev_create(const char *raw_command);

/* dpev_events.c: a line as if written to kprobe_events */
int dpev_run_command(const char *raw_command);

/* dpev_event_call.c: our event behind a trace event, NULL if not ours */
struct dpev_event *dpev_event_of_call(struct trace_event_call *call);

/* dpev_event_kapi.c: what BPF asks before it attaches; event_mutex held */
void dpev_event_bpf_update(struct dpev_event *ev);

/* dpev_event_module.c: MOD:SYM probes */
int dpev_module_init(void);

#endif /* _KERNEL_TRACE_DPEV_EVENT_H */
