// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: probes in modules that come and go.
 *
 * When a module arrives, its own blacklist joins ours.  When it unloads,
 * the probes in its text stay registered (their owners may re-place them
 * when the module comes back) but are marked gone: their sites leave the
 * address table, so a new module loaded at the same addresses is never
 * mistaken for the old one, and the breakpoints are never written back
 * into text that is being freed.  Only ftrace hooks are undone, since
 * ftrace keeps its own records.  A module's init text goes the same way
 * once the module is live, since it is freed then.
 */
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/rculist.h>

#include "dprobes_internal.h"

/* The site's text is going away: never touch it again. */
static void site_gone(struct dprobe_site *site)
{
	struct dprobe *p;

	if (site->state == DPROBE_SITE_ARMED &&
	    dprobe_arch_site_on_ftrace(&site->arch))
		dprobe_arch_disarm(site);
	dprobe_opt_forget(site);
	site->state = DPROBE_SITE_GONE;
	hash_del_rcu(&site->hlist);
	list_add_tail(&site->gone, &dprobe_gone_sites);
	list_for_each_entry(p, &site->probes, site_list)
		WRITE_ONCE(p->flags, p->flags | DPROBE_FL_GONE);
}

/* Marks gone the sites in @mod's text, or in its init text only. */
static void module_text_gone(struct module *mod, bool init_only)
{
	struct dprobe_site *site;
	struct hlist_node *tmp;
	int bkt;

	mutex_lock(&dprobe_mutex);
	hash_for_each_safe(dprobe_table, bkt, tmp, site, hlist) {
		if (init_only ? within_module_init(site->addr, mod) :
				within_module(site->addr, mod))
			site_gone(site);
	}
	mutex_unlock(&dprobe_mutex);
}

static int dprobe_module_notify(struct notifier_block *nb,
				unsigned long state, void *data)
{
	struct module *mod = data;

	switch (state) {
	case MODULE_STATE_COMING:
		dprobe_blacklist_add_module(mod);
		break;
	case MODULE_STATE_LIVE:
		/* before ftrace forgets the init text's call sites */
		module_text_gone(mod, true);
		dprobe_blacklist_del_module(mod, true);
		break;
	case MODULE_STATE_GOING:
		module_text_gone(mod, false);
		dprobe_blacklist_del_module(mod, false);
		break;
	}
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
