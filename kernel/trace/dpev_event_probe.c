// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: one probe of an event and the engine: placing it,
 * arming it with its event, taking it away.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/error-injection.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/security.h>
#include <linux/slab.h>

#include "dpev_event.h"

/* The probed address as the definition names it, 0 if unknown yet. */
static unsigned long dpev_probe_address(const struct dpev_def *def)
{
	if (!def->symbol)
		return def->addr;
	return dprobe_resolve(def->symbol, def->offset);
}

/*
 * Functions ftrace may not trace (notrace, noinstr) are not probed
 * either: they are the ones whose probing can recurse or crash.  A
 * function with no ftrace call site is taken as one of them.
 */
static int dpev_check_notrace(const struct dpev_def *def)
{
	unsigned long addr, size, offset;

	/* the developer's switch for debugging ftrace itself */
	if (!IS_ENABLED(CONFIG_DYNAMIC_FTRACE) ||
	    IS_ENABLED(CONFIG_KPROBE_EVENTS_ON_NOTRACE))
		return 0;
	addr = dpev_probe_address(def);
	if (!addr || !kallsyms_lookup_size_offset(addr, &size, &offset))
		return 0;	/* the engine decides */
	if (ftrace_location_range(addr - offset, addr - offset + size - 1))
		return 0;
	pr_warn("Could not probe notrace function %ps\n", (void *)addr);
	return -EINVAL;
}

/**
 * dpev_probe_alloc() - a new probe for a definition, on no event yet
 * @def: the parsed definition; the probe takes it over on success
 *
 * Return: the probe, or NULL when out of memory.
 */
struct dpev_probe *dpev_probe_alloc(struct dpev_def *def)
{
	struct dpev_probe *pr = kzalloc(sizeof(*pr), GFP_KERNEL);
	const char *colon;

	if (!pr)
		return NULL;
	pr->def = def;
	INIT_LIST_HEAD(&pr->sibling);
	dyn_event_init(&pr->devent, &dpev_dyn_ops);
	pr->stats = alloc_percpu(struct dpev_stats);
	colon = def->symbol ? strchr(def->symbol, ':') : NULL;
	if (colon)
		pr->module = kstrndup(def->symbol, colon - def->symbol,
				      GFP_KERNEL);
	if (!pr->stats || (colon && !pr->module)) {
		dpev_probe_free(pr);
		return NULL;
	}
	return pr;
}

/**
 * dpev_probe_register() - place a probe with the engine
 * @pr: the probe, not registered; its event is set
 *
 * The probe is armed at once if its event is enabled.
 *
 * Return: 0, or the error of the engine or of resolving @SYM arguments.
 */
int dpev_probe_register(struct dpev_probe *pr)
{
	const struct dpev_def *def = pr->def;
	struct dprobe *dp = &pr->rp.dp;
	int ret;

	/*
	 * Here, not only at open: a file opened before lockdown, a module
	 * probe placed when its module arrives and a boot-time event all
	 * pass this way.
	 */
	ret = security_locked_down(LOCKDOWN_KPROBES);
	if (ret)
		return ret;
	ret = dpev_def_resolve(pr->def, &dpev_kernel_env.syms);
	if (ret)
		return ret;
	ret = dpev_check_notrace(def);
	if (ret)
		return ret;
	memset(&pr->rp, 0, sizeof(pr->rp));
	if (def->symbol) {
		dp->symbol_name = def->symbol;
		dp->offset = def->offset;
	} else {
		dp->addr = def->addr;
	}
	if (!dpev_event_enabled(pr->ev))
		dp->flags = DPROBE_FL_DISABLED;
	dpev_probe_init_handlers(pr);
	if (def->is_return)
		ret = register_dretprobe(&pr->rp);
	else
		ret = register_dprobe(dp);
	if (ret)
		return ret;
	pr->registered = true;
	pr->on_func_entry = dprobe_func_entry(dp->addr);
	/* only entry probes: a return probe's handler runs after the body */
	pr->may_override = IS_ENABLED(CONFIG_BPF_KPROBE_OVERRIDE) &&
			   !def->is_return && pr->on_func_entry &&
			   within_error_injection_list(dp->addr);
	return 0;
}

/**
 * dpev_probe_unregister() - take a probe away from the engine
 * @pr: the probe; nothing happens if it is not registered
 *
 * When this returns its handlers no longer run.
 */
void dpev_probe_unregister(struct dpev_probe *pr)
{
	if (!pr->registered)
		return;
	if (pr->def->is_return)
		unregister_dretprobe(&pr->rp);
	else
		unregister_dprobe(&pr->rp.dp);
	pr->registered = false;
}

/**
 * dpev_probes_unregister_all() - take every probe away from the engine
 *
 * In two batches (entry probes, return probes), so that the engine waits
 * for its grace period twice, not once per probe.  Called under
 * event_mutex.
 */
void dpev_probes_unregister_all(void)
{
	struct dretprobe **rps = NULL;
	struct dprobe **dps = NULL;
	struct dyn_event *dpos;
	struct dpev_probe *pr;
	int n = 0, nd = 0, nr = 0;

	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		n += pr && pr->registered;
	}
	if (!n)
		return;
	dps = kvmalloc_array(n, sizeof(*dps), GFP_KERNEL);
	rps = kvmalloc_array(n, sizeof(*rps), GFP_KERNEL);
	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		if (!pr || !pr->registered)
			continue;
		if (!dps || !rps)	/* out of memory: one at a time */
			dpev_probe_unregister(pr);
		else if (pr->def->is_return)
			rps[nr++] = &pr->rp;
		else
			dps[nd++] = &pr->rp.dp;
		pr->registered = false;
	}
	unregister_dprobes(dps, nd);
	unregister_dretprobes(rps, nr);
	kvfree(dps);
	kvfree(rps);
}

/**
 * dpev_probe_set_enabled() - arm or disarm a probe
 * @pr: the probe
 * @on: arm it
 *
 * Return: 0, or the engine's error arming it.
 */
int dpev_probe_set_enabled(struct dpev_probe *pr, bool on)
{
	if (!pr->registered)
		return 0;
	return on ? enable_dprobe(&pr->rp.dp) : disable_dprobe(&pr->rp.dp);
}

/**
 * dpev_probe_free() - free an unregistered probe
 * @pr: the probe, or NULL
 *
 * The event's layout definition stays with the event.
 */
void dpev_probe_free(struct dpev_probe *pr)
{
	if (!pr)
		return;
	if (!pr->ev || pr->def != pr->ev->layout)
		dpev_def_free(pr->def);
	free_percpu(pr->stats);
	kfree(pr->module);
	kfree(pr);
}
