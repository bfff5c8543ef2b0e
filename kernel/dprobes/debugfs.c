// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: debugfs views under kprobes/, in the format of the kprobes
 * interface so that perf and the ftrace selftests read them unchanged.
 */
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/seq_file.h>

#include "internal.h"

static int blacklist_seq_show(struct seq_file *m, void *v)
{
	struct dprobe_blacklist_entry *ent =
		list_entry(v, struct dprobe_blacklist_entry, list);
	void *start = (void *)ent->start, *end = (void *)ent->end;

	/* Hide the addresses from readers that may not see them. */
	if (!kallsyms_show_value(m->file->f_cred))
		start = end = NULL;
	seq_printf(m, "0x%px-0x%px\t%ps\n", start, end, (void *)ent->start);
	return 0;
}

static const struct seq_operations blacklist_sops = {
	.start = dprobe_blacklist_seq_start,
	.next  = dprobe_blacklist_seq_next,
	.stop  = dprobe_blacklist_seq_stop,
	.show  = blacklist_seq_show,
};
DEFINE_SEQ_ATTRIBUTE(blacklist);

int __init dprobe_debugfs_init(void)
{
	struct dentry *dir;

	dir = debugfs_create_dir("kprobes", NULL);
	debugfs_create_file("blacklist", 0400, dir, NULL, &blacklist_fops);
	return 0;
}
