// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: probes in modules that go away.
 *
 * When a module unloads, the probes in its text stay registered (their
 * owners may re-place them when the module comes back) but are marked
 * gone: their sites leave the address table, so a new module loaded at
 * the same addresses is never mistaken for the old one, and the
 * breakpoints are never written back into text that is being freed.
 * Only ftrace hooks are undone, since ftrace keeps its own records.
 */
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/rculist.h>

#include "dprobes_internal.h"

static int dprobe_module_notify(struct notifier_block *nb,
				unsigned long state, void *data)
{
	struct module *mod = data;
	struct dprobe_site *site;
	struct hlist_node *tmp;
	struct dprobe *p;
	int bkt;

	if (state != MODULE_STATE_GOING)
		return NOTIFY_DONE;

	mutex_lock(&dprobe_mutex);
	hash_for_each_safe(dprobe_table, bkt, tmp, site, hlist) {
		if (!within_module(site->addr, mod))
			continue;
		if (site->state == DPROBE_SITE_ARMED &&
		    site->arch.exec == DPROBE_X86_FTRACE)
			dprobe_arch_disarm(site);
		dprobe_opt_forget(site);
		site->state = DPROBE_SITE_GONE;
		hash_del_rcu(&site->hlist);
		list_add_tail(&site->gone, &dprobe_gone_sites);
		list_for_each_entry(p, &site->probes, site_list)
			WRITE_ONCE(p->flags, p->flags | DPROBE_FL_GONE);
	}
	mutex_unlock(&dprobe_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block dprobe_module_nb = {
	.notifier_call = dprobe_module_notify,
	/* after ftrace's own notifier has seen the module come */
	.priority = 0,
};

int __init dprobe_module_init(void)
{
	return register_module_notifier(&dprobe_module_nb);
}
