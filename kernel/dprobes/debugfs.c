// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: debugfs views under kprobes/ (list, enabled, blacklist), in
 * the formats of the kprobes interface so that perf and the ftrace
 * selftests read them unchanged.
 */
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "dprobes_internal.h"

static void list_show_one(struct dprobe *p, void *arg)
{
	struct seq_file *m = arg;
	char sym[KSYM_NAME_LEN];
	unsigned long size, offset;
	const char *name, *modname = NULL;
	unsigned long addr = p->addr;

	/* The address reads as 0 to readers that may not see it. */
	if (!kallsyms_show_value(m->file->f_cred))
		addr = 0;
	name = kallsyms_lookup(p->addr, &size, &offset, (char **)&modname, sym);
	if (name)
		seq_printf(m, "%016lx  %s  %s+0x%lx  %s ", addr,
			   dprobe_is_return(p) ? "r" : "k", name, offset,
			   modname ? modname : " ");
	else
		seq_printf(m, "%016lx  %s  %pS ", addr,
			   dprobe_is_return(p) ? "r" : "k", (void *)p->addr);
	seq_printf(m, "%s%s%s%s\n",
		   p->flags & DPROBE_FL_GONE ? "[GONE]" : "",
		   (p->flags & (DPROBE_FL_DISABLED | DPROBE_FL_GONE)) ==
			DPROBE_FL_DISABLED ? "[DISABLED]" : "",
		   dprobe_is_optimized(p) ? "[OPTIMIZED]" : "",
		   dprobe_is_ftrace(p) ? "[FTRACE]" : "");
}

static int list_show(struct seq_file *m, void *v)
{
	mutex_lock(&dprobe_mutex);
	dprobe_for_each(list_show_one, m);
	mutex_unlock(&dprobe_mutex);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(list);

static int blacklist_seq_show(struct seq_file *m, void *v)
{
	struct dprobe_blacklist_entry *ent =
		list_entry(v, struct dprobe_blacklist_entry, list);
	unsigned long start = 0, end = 0;

	/* Zero addresses for readers that may not see them. */
	if (kallsyms_show_value(m->file->f_cred)) {
		start = ent->start;
		end = ent->end;
	}
	seq_printf(m, "0x%016lx-0x%016lx\t%ps\n", start, end, (void *)ent->start);
	return 0;
}

static const struct seq_operations blacklist_sops = {
	.start = dprobe_blacklist_seq_start,
	.next  = dprobe_blacklist_seq_next,
	.stop  = dprobe_blacklist_seq_stop,
	.show  = blacklist_seq_show,
};
DEFINE_SEQ_ATTRIBUTE(blacklist);

static ssize_t enabled_read(struct file *file, char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	char buf[2] = { READ_ONCE(dprobes_all_armed) ? '1' : '0', '\n' };

	return simple_read_from_buffer(ubuf, count, ppos, buf, sizeof(buf));
}

static ssize_t enabled_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	bool armed;
	int ret;

	ret = kstrtobool_from_user(ubuf, count, &armed);
	if (ret)
		return ret;
	dprobe_set_all_armed(armed);
	return count;
}

static const struct file_operations enabled_fops = {
	.read = enabled_read,
	.write = enabled_write,
	.llseek = default_llseek,
};

int __init dprobe_debugfs_init(void)
{
	struct dentry *dir;

	dir = debugfs_create_dir("kprobes", NULL);
	debugfs_create_file("list", 0400, dir, NULL, &list_fops);
	debugfs_create_file("enabled", 0600, dir, NULL, &enabled_fops);
	debugfs_create_file("blacklist", 0400, dir, NULL, &blacklist_fops);
	return 0;
}
