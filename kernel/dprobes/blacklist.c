// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: the blacklist, the code no probe may touch.
 *
 * A probe in the int3 path, in entry code or in code that runs before
 * instrumentation is allowed would recurse or run with a broken state.
 * The kernel marks such functions with NOKPROBE_SYMBOL() (a pointer in
 * section _kprobe_blacklist) or places them in .kprobes.text,
 * .noinstr.text or .entry.text; modules do the same in their own
 * sections.  Each function becomes one range here, so that debugfs
 * kprobes/blacklist lists them the way tools expect.  A compiler clone of
 * such a function (foo.isra.0, foo.part.1, foo.cold) is refused with it.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/dprobes.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <asm/sections.h>

#include "dprobes_internal.h"

static LIST_HEAD(dprobe_blacklist);
static DEFINE_MUTEX(dprobe_blacklist_mutex);

static int blacklist_add(unsigned long start, unsigned long end)
{
	struct dprobe_blacklist_entry *ent;

	ent = kmalloc(sizeof(*ent), GFP_KERNEL);
	if (!ent)
		return -ENOMEM;
	ent->start = start;
	ent->end = end;
	mutex_lock(&dprobe_blacklist_mutex);
	list_add_tail(&ent->list, &dprobe_blacklist);
	mutex_unlock(&dprobe_blacklist_mutex);
	return 0;
}

/* Adds the whole function containing @addr; returns its end or 0. */
static unsigned long blacklist_add_function(unsigned long addr)
{
	unsigned long size, offset;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset) || !size)
		return 0;
	if (blacklist_add(addr - offset, addr - offset + size))
		return 0;
	return addr - offset + size;
}

/* Adds every function in [start, end) as its own range. */
static void blacklist_add_section(unsigned long start, unsigned long end)
{
	unsigned long next;

	while (start < end) {
		next = blacklist_add_function(start);
		if (!next)
			next = start + 1;
		start = next;
	}
}

int __init dprobe_blacklist_init(void)
{
	unsigned long *entry;

	for (entry = __start_kprobe_blacklist;
	     entry < __stop_kprobe_blacklist; entry++)
		blacklist_add_function(*entry);

	blacklist_add_section((unsigned long)__kprobes_text_start,
			      (unsigned long)__kprobes_text_end);
	blacklist_add_section((unsigned long)__noinstr_text_start,
			      (unsigned long)__noinstr_text_end);
	blacklist_add_section((unsigned long)__entry_text_start,
			      (unsigned long)__entry_text_end);
	return 0;
}

/**
 * dprobe_blacklist_add_module() - add a module's own blacklist
 * @mod: a module arriving (MODULE_STATE_COMING)
 *
 * Its NOKPROBE_SYMBOL() functions, .kprobes.text and .noinstr.text.
 */
void dprobe_blacklist_add_module(struct module *mod)
{
	unsigned long start;
	unsigned int i;

	for (i = 0; i < mod->num_kprobe_blacklist; i++)
		blacklist_add_function(mod->kprobe_blacklist[i]);
	start = (unsigned long)mod->kprobes_text_start;
	if (start)
		blacklist_add_section(start, start + mod->kprobes_text_size);
	start = (unsigned long)mod->noinstr_text_start;
	if (start)
		blacklist_add_section(start, start + mod->noinstr_text_size);
}

/**
 * dprobe_blacklist_del_module() - drop a module's ranges
 * @mod: a module going away, or whose init text is about to be freed
 * @init_only: drop only the ranges in its init text
 */
void dprobe_blacklist_del_module(struct module *mod, bool init_only)
{
	struct dprobe_blacklist_entry *ent, *tmp;

	mutex_lock(&dprobe_blacklist_mutex);
	list_for_each_entry_safe(ent, tmp, &dprobe_blacklist, list) {
		if (init_only ? within_module_init(ent->start, mod) :
				within_module(ent->start, mod)) {
			list_del(&ent->list);
			kfree(ent);
		}
	}
	mutex_unlock(&dprobe_blacklist_mutex);
}

static bool in_blacklist(unsigned long addr)
{
	struct dprobe_blacklist_entry *ent;
	bool found = false;

	if (addr >= (unsigned long)__kprobes_text_start &&
	    addr < (unsigned long)__kprobes_text_end)
		return true;

	mutex_lock(&dprobe_blacklist_mutex);
	list_for_each_entry(ent, &dprobe_blacklist, list) {
		if (addr >= ent->start && addr < ent->end) {
			found = true;
			break;
		}
	}
	mutex_unlock(&dprobe_blacklist_mutex);
	return found;
}

/*
 * gcc names the copies it makes of a function after it: foo.isra.0,
 * foo.constprop.0, foo.part.0, and foo.cold for its unlikely part.  They
 * run the same code in the same context as foo.
 */
static bool clone_of_blacklisted(unsigned long addr)
{
	char name[KSYM_NAME_LEN];
	unsigned long base;
	char *dot;

	if (lookup_symbol_name(addr, name))
		return false;
	dot = strchr(name, '.');
	if (!dot || dot == name)
		return false;
	*dot = '\0';
	base = kallsyms_lookup_name(name);
	return base && in_blacklist(base);
}

/**
 * dprobe_within_blacklist() - may no probe be placed at @addr?
 * @addr: a kernel text address
 *
 * Return: true when @addr lies in a function that must never be probed,
 * or in a compiler clone of one.
 */
bool dprobe_within_blacklist(unsigned long addr)
{
	return in_blacklist(addr) || clone_of_blacklisted(addr);
}

void *dprobe_blacklist_seq_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&dprobe_blacklist_mutex);
	return seq_list_start(&dprobe_blacklist, *pos);
}

void *dprobe_blacklist_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &dprobe_blacklist, pos);
}

void dprobe_blacklist_seq_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&dprobe_blacklist_mutex);
}
