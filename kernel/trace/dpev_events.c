// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: the tracefs files kprobe_events and kprobe_profile, the
 * "p"/"r" type of dynamic_events, and the kprobe_event= boot option.
 */
#define pr_fmt(fmt) "dprobe_events: " fmt

#include <linux/init.h>
#include <asm/setup.h>
#include <linux/security.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>

#include "dpev_event.h"

/* Room for one listed definition: the longest line plus expansions. */
#define DPEV_LIST_BUF_LEN	(2 * PAGE_SIZE)

static int dpev_dyn_show(struct seq_file *m, struct dyn_event *dev)
{
	struct dpev_probe *pr = container_of(dev, struct dpev_probe, devent);
	struct seq_buf s;
	char *buf;

	buf = kmalloc(DPEV_LIST_BUF_LEN, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	seq_buf_init(&s, buf, DPEV_LIST_BUF_LEN);
	/*
	 * Upstream lists a return probe with the default maxactive the
	 * engine wrote back once it was registered ("r10:...").
	 */
	dpev_def_format(pr->def, pr->rp.maxactive, &s);
	seq_printf(m, "%s\n", seq_buf_str(&s));
	kfree(buf);
	return 0;
}

static bool dpev_dyn_is_busy(struct dyn_event *dev)
{
	struct dpev_probe *pr = container_of(dev, struct dpev_probe, devent);

	return dpev_event_in_use(pr->ev);
}

/*
 * Deleting a probe: the last one of its event takes the event along and
 * needs it unused; a probe with siblings just leaves.
 */
static int dpev_dyn_free(struct dyn_event *dev)
{
	struct dpev_probe *pr = container_of(dev, struct dpev_probe, devent);
	struct dpev_event *ev = pr->ev;
	bool last = list_is_singular(&ev->probes);
	int ret;

	if (last) {
		if (dpev_event_in_use(ev))
			return -EBUSY;
		ret = dpev_event_unregister(ev);
		if (ret)
			return ret;
	}
	dpev_probe_unregister(pr);
	dyn_event_remove(&pr->devent);
	list_del(&pr->sibling);
	dpev_probe_free(pr);
	if (last)
		dpev_event_free(ev);
	else
		dpev_event_bpf_update(ev);
	return 0;
}

static bool dpev_dyn_match(const char *system, const char *event, int argc,
			   const char **argv, struct dyn_event *dev)
{
	struct dpev_probe *pr = container_of(dev, struct dpev_probe, devent);
	struct dpev_delete del = {
		.group = system,
		.event = event,
		.argc = argc,
		.argv = (char **)argv,
	};

	return dpev_def_matches(pr->def, &del);
}

struct dyn_event_operations dpev_dyn_ops = {
	.create = dpev_create,
	.show = dpev_dyn_show,
	.is_busy = dpev_dyn_is_busy,
	.free = dpev_dyn_free,
	.match = dpev_dyn_match,
};

/* kprobe_events lists only our events, dynamic_events lists all. */
static int dpev_list_show(struct seq_file *m, void *v)
{
	struct dyn_event *dev = v;

	if (dev->ops != &dpev_dyn_ops)
		return 0;
	return dpev_dyn_show(m, dev);
}

static const struct seq_operations dpev_list_seq_ops = {
	.start = dyn_event_seq_start,
	.next = dyn_event_seq_next,
	.stop = dyn_event_seq_stop,
	.show = dpev_list_show,
};

/* Both files obey lockdown and the tracing open checks. */
static int dpev_may_open(void)
{
	int ret = security_locked_down(LOCKDOWN_TRACEFS);

	return ret ? ret : tracing_check_open_get_tr(NULL);
}

/*
 * "echo > kprobe_events": all or nothing, refused while an event is in
 * use.  The probes leave the engine in one batch first: one grace period
 * for all of them, where deleting one by one waits once per probe.
 */
static bool dpev_any_busy(void)
{
	struct dyn_event *dev;

	for_each_dyn_event(dev) {
		if (to_dpev_probe(dev) && dpev_dyn_is_busy(dev))
			return true;
	}
	return false;
}

static int dpev_release_all(void)
{
	struct dyn_event *dev, *tmp;
	int ret = -EBUSY;

	mutex_lock(&event_mutex);
	if (!dpev_any_busy()) {
		dpev_probes_unregister_all();
		ret = 0;
		/* the first failure keeps the rest */
		for_each_dyn_event_safe(dev, tmp) {
			if (!ret && to_dpev_probe(dev))
				ret = dpev_dyn_free(dev);
		}
	}
	/* no record of a deleted event may be decoded later */
	tracing_reset_all_online_cpus();
	mutex_unlock(&event_mutex);
	return ret;
}

static int dpev_list_open(struct inode *inode, struct file *file)
{
	/* "echo > kprobe_events": all or nothing, refused while in use. */
	bool truncate = (file->f_mode & FMODE_WRITE) &&
			(file->f_flags & O_TRUNC);
	int ret = dpev_may_open();

	if (!ret && truncate)
		ret = dpev_release_all();
	return ret < 0 ? ret : seq_open(file, &dpev_list_seq_ops);
}

/**
 * dpev_run_command() - carry out one line as kprobe_events would
 * @raw_command: a definition, or "-:[GRP/]EVENT" to delete
 *
 * Return: 0, or the error the write would have returned.
 */
int dpev_run_command(const char *raw_command)
{
	int ret;

	if (raw_command[0] == '-')
		return dyn_event_release(raw_command, &dpev_dyn_ops);
	ret = dyn_event_create(raw_command, &dpev_dyn_ops);
	return ret == -ECANCELED ? -EINVAL : ret;
}

static ssize_t dpev_list_write(struct file *file, const char __user *buffer,
			       size_t count, loff_t *ppos)
{
	return trace_parse_run_command(file, buffer, count, ppos,
				       dpev_run_command);
}

static const struct file_operations dpev_list_fops = {
	.owner = THIS_MODULE,
	.open = dpev_list_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
	.write = dpev_list_write,
};

static int dpev_profile_show(struct seq_file *m, void *v)
{
	struct dyn_event *dev = v;
	struct dpev_probe *pr;

	if (dev->ops != &dpev_dyn_ops)
		return 0;
	pr = container_of(dev, struct dpev_probe, devent);
	seq_printf(m, "  %-44s %15lu %15lu\n", pr->ev->name,
		   dpev_probe_nhit(pr), dpev_probe_nmissed(pr));
	return 0;
}

static const struct seq_operations dpev_profile_seq_ops = {
	.start = dyn_event_seq_start,
	.next = dyn_event_seq_next,
	.stop = dyn_event_seq_stop,
	.show = dpev_profile_show,
};

static int dpev_profile_open(struct inode *inode, struct file *file)
{
	int ret = dpev_may_open();

	return ret ? ret : seq_open(file, &dpev_profile_seq_ops);
}

static const struct file_operations dpev_profile_fops = {
	.owner = THIS_MODULE,
	.open = dpev_profile_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
};

/* kprobe_event=: definitions separated by ';', arguments by ','. */
static char dpev_boot_events[COMMAND_LINE_SIZE] __initdata;

static int __init dpev_boot_setup(char *str)
{
	strscpy(dpev_boot_events, str, sizeof(dpev_boot_events));
	disable_tracing_selftest("running kprobe events");
	return 1;
}
__setup("kprobe_event=", dpev_boot_setup);

static void __init dpev_boot_enable_all(void)
{
	struct trace_array *tr = top_trace_array();
	struct trace_event_file *file;
	struct dyn_event *dpos;
	struct dpev_probe *pr;

	if (!tr)
		return;
	mutex_lock(&event_mutex);
	for_each_dyn_event(dpos) {
		pr = to_dpev_probe(dpos);
		if (!pr)
			continue;
		file = find_event_file(tr, pr->ev->group, pr->ev->name);
		if (file)
			trace_event_enable_disable(file, 1, 0);
	}
	mutex_unlock(&event_mutex);
}

static void __init dpev_boot_create(void)
{
	char *p = dpev_boot_events, *cmd;
	int ret;

	if (!*p)
		return;
	strreplace(p, ',', ' ');
	while ((cmd = strsep(&p, ";"))) {
		if (!*cmd)
			continue;
		ret = dyn_event_create(cmd, &dpev_dyn_ops);
		if (ret)
			pr_warn("Failed to add event(%d): %s\n", ret, cmd);
	}
	dpev_boot_enable_all();
}

static __init int dpev_early_init(void)
{
	return dyn_event_register(&dpev_dyn_ops);
}
core_initcall(dpev_early_init);

static __init int dpev_init(void)
{
	int ret;

	ret = tracing_init_dentry();
	if (ret)
		return 0;
	trace_create_file("kprobe_events", TRACE_MODE_WRITE, NULL, NULL,
			  &dpev_list_fops);
	trace_create_file("kprobe_profile", TRACE_MODE_READ, NULL, NULL,
			  &dpev_profile_fops);
	ret = dpev_module_init();
	if (ret)
		pr_warn("no module notifier (%d): MOD:SYM probes stay deferred\n",
			ret);
	dpev_boot_create();
	return 0;
}
fs_initcall(dpev_init);
