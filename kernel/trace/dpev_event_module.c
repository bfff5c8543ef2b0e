// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: MOD:SYM probes follow their module.  A probe defined
 * while its module is away is placed when the module arrives; when the
 * module leaves, the probe is taken off and waits for the next load, so
 * the event outlives any number of unload/reload cycles.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/module.h>
#include <linux/notifier.h>

#include "dpev_event.h"

static void dpev_module_coming(struct module *mod)
{
	struct dyn_event *dpos;
	struct dpev_probe *pr;
	int ret;

	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		if (!pr)
			continue;
		if (!pr->module || pr->registered || strcmp(pr->module, mod->name))
			continue;
		ret = dpev_probe_register(pr);
		if (ret)
			pr_warn("Failed to re-register probe %s on %s: %d\n",
				pr->ev->name, mod->name, ret);
		dpev_event_bpf_update(pr->ev);
	}
}

static void dpev_module_going(struct module *mod)
{
	struct dyn_event *dpos;
	struct dpev_probe *pr;

	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		if (!pr)
			continue;
		if (pr->module && pr->registered &&
		    !strcmp(pr->module, mod->name)) {
			dpev_probe_unregister(pr);
			dpev_event_bpf_update(pr->ev);
		}
	}
}

static int dpev_module_notify(struct notifier_block *nb, unsigned long state,
			      void *data)
{
	struct module *mod = data;

	if (state != MODULE_STATE_COMING && state != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&event_mutex);
	if (state == MODULE_STATE_COMING)
		dpev_module_coming(mod);
	else
		dpev_module_going(mod);
	mutex_unlock(&event_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block dpev_module_nb = {
	.notifier_call = dpev_module_notify,
	/* the engine marks the module's probes gone first */
	.priority = -1,
};

/**
 * dpev_module_init() - start following module loads and unloads
 *
 * Return: 0, or the notifier chain's error.
 */
int dpev_module_init(void)
{
	return register_module_notifier(&dpev_module_nb);
}
