/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the files of the generic dprobes engine only.
 */
#ifndef _KERNEL_DPROBES_INTERNAL_H
#define _KERNEL_DPROBES_INTERNAL_H

#include <linux/list.h>
#include <linux/seq_file.h>

/* One address range where no probe may be placed. */
struct dprobe_blacklist_entry {
	struct list_head list;
	unsigned long start;
	unsigned long end;
};

int dprobe_blacklist_init(void);
void *dprobe_blacklist_seq_start(struct seq_file *m, loff_t *pos);
void *dprobe_blacklist_seq_next(struct seq_file *m, void *v, loff_t *pos);
void dprobe_blacklist_seq_stop(struct seq_file *m, void *v);

int dprobe_debugfs_init(void);

#endif /* _KERNEL_DPROBES_INTERNAL_H */
