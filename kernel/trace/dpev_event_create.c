// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: one definition line, from text to a probe on an event:
 * parse it, apply the rules of appending to an existing event, place the
 * probe with the engine, and explain every refusal in error_log.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dpev_event.h"

/* tracing_log_err() keeps a pointer into this table, indexed by code. */
static const char *dpev_err_texts[DPEV_ERR_MAX];

static void dpev_err_texts_init(void)
{
	int i;

	if (dpev_err_texts[0])
		return;
	for (i = 0; i < DPEV_ERR_MAX; i++)
		dpev_err_texts[i] = dpev_err_text(i);
}

/* An error_log entry for @line with the caret at column @pos. */
static void dpev_log(const char *line, int code, int pos)
{
	size_t len = strlen(line) + 1;
	struct seq_buf s;
	char *buf;

	buf = kmalloc(len, GFP_KERNEL);
	if (!buf)
		return;
	seq_buf_init(&s, buf, len);
	if (!dpev_command_text(line, &s)) {
		dpev_err_texts_init();
		tracing_log_err(NULL, DPEV_LOG_SUBSYSTEM, seq_buf_str(&s),
				dpev_err_texts, code, pos);
	}
	kfree(buf);
}

/* An error found after parsing, at the start of token @index. */
static void dpev_log_at(const char *line, int index, int code)
{
	char **argv;
	int argc;

	argv = argv_split(GFP_KERNEL, line, &argc);
	if (!argv)
		return;
	dpev_log(line, code, dpev_error_pos(argc, (const char *const *)argv,
					    index, 0));
	argv_free(argv);
}

/* Registration errors are logged at the place, as the ABI says. */
static void dpev_log_register(const char *line, int ret)
{
	if (ret == -EILSEQ)
		dpev_log_at(line, 1, DPEV_ERR_BAD_INSN_BNDRY);
	else if (ret == -ENOENT)
		dpev_log_at(line, 1, DPEV_ERR_BAD_PROBE_ADDR);
	else if (ret != -ENOMEM && ret != -EEXIST)
		dpev_log_at(line, 1, DPEV_ERR_FAIL_REG_PROBE);
}

/* A MOD:SYM probe whose module is not here waits for it. */
static bool dpev_probe_deferred(const struct dpev_probe *pr)
{
	if (!pr->module || dpev_module_loaded(pr->module))
		return false;
	pr_warn("This probe might be able to register after target module is loaded. Continue.\n");
	return true;
}

static int dpev_place(const char *line, struct dpev_probe *pr)
{
	int ret;

	if (dpev_probe_deferred(pr))
		return 0;
	ret = dpev_probe_register(pr);
	if (ret)
		dpev_log_register(line, ret);
	return ret;
}

/* Appending a probe to an event: it must look like the event's probes. */
static int dpev_append(const char *line, struct dpev_event *ev,
		       struct dpev_probe *pr)
{
	struct dpev_probe *sib;
	unsigned int idx;
	int ret;

	if (ev->layout->is_return != pr->def->is_return) {
		dpev_log_at(line, 0, DPEV_ERR_DIFF_PROBE_TYPE);
		return -EEXIST;
	}
	idx = dpev_def_compare_args(ev->layout, pr->def);
	if (idx) {
		dpev_log_at(line, idx + 1, DPEV_ERR_DIFF_ARG_TYPE);
		return -EEXIST;
	}
	list_for_each_entry(sib, &ev->probes, sibling) {
		if (dpev_def_same_probe(sib->def, pr->def)) {
			dpev_log_at(line, 0, DPEV_ERR_SAME_PROBE);
			return -EEXIST;
		}
	}
	pr->ev = ev;
	ret = dpev_place(line, pr);
	if (ret)
		return ret;
	list_add_tail(&pr->sibling, &ev->probes);
	dpev_event_bpf_update(ev);
	dyn_event_add(&pr->devent, &ev->call);
	return 0;
}

/* Is GRP/EVENT taken by an event that is not one of ours? */
static bool dpev_name_taken(const char *group, const char *name)
{
	struct trace_event_call *call;

	list_for_each_entry(call, &ftrace_events, list) {
		if (call->class->system && !strcmp(call->class->system, group) &&
		    !strcmp(trace_event_name(call), name))
			return true;
	}
	return false;
}

static int dpev_new_event(const char *line, struct dpev_probe *pr)
{
	struct dpev_event *ev;
	int ret;

	if (dpev_name_taken(pr->def->group, pr->def->event)) {
		dpev_log_at(line, 0, DPEV_ERR_EVENT_EXIST);
		return -EEXIST;
	}
	ev = dpev_event_alloc(pr->def);
	if (!ev)
		return -ENOMEM;
	ret = dpev_event_register(ev);
	if (ret) {
		pr_warn("Failed to register probe event(%d)\n", ret);
		goto free;
	}
	pr->ev = ev;
	ret = dpev_place(line, pr);
	if (ret) {
		dpev_event_unregister(ev);
		pr->ev = NULL;
		goto free;
	}
	list_add_tail(&pr->sibling, &ev->probes);
	dpev_event_bpf_update(ev);
	dyn_event_add(&pr->devent, &ev->call);
	return 0;
free:
	ev->layout = NULL;	/* still the probe's */
	dpev_event_free(ev);
	return ret;
}

/**
 * dpev_create() - carry out one p/r definition line
 * @raw_command: the line, comment already removed
 *
 * Return: 0; -ECANCELED when the line is not a p/r definition; the
 * parser's, the append rules' (-EEXIST) or the engine's error otherwise,
 * with an error_log entry where the ABI has one.
 */
int dpev_create(const char *raw_command)
{
	struct dpev_error err;
	struct dpev_event *ev;
	struct dpev_def *def;
	struct dpev_probe *pr;
	int ret;

	ret = dpev_parse_def(raw_command, &dpev_kernel_env, &def, &err);
	if (ret) {
		if (err.logged) {
			dpev_err_texts_init();
			dpev_log(raw_command, err.code, err.pos);
		}
		return ret;
	}
	if (!def)
		return 0;	/* nothing but blanks */
	pr = dpev_probe_alloc(def);
	if (!pr) {
		dpev_def_free(def);
		return -ENOMEM;
	}
	mutex_lock(&event_mutex);
	ev = dpev_event_find(def->group, def->event);
	if (ev)
		ret = dpev_append(raw_command, ev, pr);
	else
		ret = dpev_new_event(raw_command, pr);
	mutex_unlock(&event_mutex);
	if (ret) {
		pr->ev = NULL;
		dpev_probe_free(pr);
	}
	return ret;
}
