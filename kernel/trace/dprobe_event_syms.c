// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobe events: the kernel's answers to the parser's symbol questions
 * (is a symbol unique, is a place a function entry, where is @SYM).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <asm/ibt.h>

#include "dprobe_event.h"

struct dpev_sym_count {
	const char *name;
	unsigned int n;
};

static int dpev_count_core(void *data, unsigned long addr)
{
	struct dpev_sym_count *c = data;

	c->n++;
	return 0;
}

static int dpev_count_module(void *data, const char *name, unsigned long addr)
{
	struct dpev_sym_count *c = data;

	if (!strcmp(name, c->name))
		c->n++;
	return 0;
}

/**
 * dpev_module_loaded() - is module @name loaded (or coming)?
 * @name: module name
 *
 * Return: true if it is.
 */
bool dpev_module_loaded(const char *name)
{
	bool ret;

	preempt_disable();
	ret = find_module(name);
	preempt_enable();
	return ret;
}

/* "SYM" is searched in the kernel and all modules, "MOD:SYM" in MOD. */
static int dpev_sym_check(void *priv, const char *sym)
{
	struct dpev_sym_count c = { .name = sym };
	const char *colon = strchr(sym, ':');
	char mod[MODULE_NAME_LEN];

	if (colon) {
		if (colon - sym >= MODULE_NAME_LEN)
			return -ENOENT;
		strscpy(mod, sym, colon - sym + 1);
		if (!dpev_module_loaded(mod))
			return 0;	/* registered when it arrives */
		c.name = colon + 1;
		module_kallsyms_on_each_symbol(mod, dpev_count_module, &c);
	} else {
		kallsyms_on_each_match_symbol(dpev_count_core, sym, &c);
		module_kallsyms_on_each_symbol(NULL, dpev_count_module, &c);
	}
	if (!c.n)
		return -ENOENT;
	return c.n > 1 ? -EADDRNOTAVAIL : 0;
}

/* With IBT a function's first instruction is endbr64: +4 is its entry. */
static bool dpev_starts_with_endbr(unsigned long addr)
{
	u32 insn;

	return !copy_from_kernel_nofault(&insn, (void *)addr, sizeof(insn)) &&
	       is_endbr(insn);
}

static int dpev_sym_func_entry(void *priv, const char *sym,
			       unsigned long offset)
{
	unsigned long addr = kallsyms_lookup_name(sym);
	unsigned long size, off;

	if (!addr)
		return -ENOENT;
	if (!kallsyms_lookup_size_offset(addr + offset, &size, &off))
		return -ENOENT;
	if (!off)
		return 0;
	if (off == ENDBR_INSN_SIZE &&
	    dpev_starts_with_endbr(addr + offset - off))
		return 0;
	return -EINVAL;
}

static unsigned long dpev_sym_lookup(void *priv, const char *sym)
{
	return kallsyms_lookup_name(sym);
}

const struct dprobe_parse_env dpev_parse_env = {
	.syms = {
		.check = dpev_sym_check,
		.func_entry = dpev_sym_func_entry,
		.lookup = dpev_sym_lookup,
	},
	.dentry_name_offset = offsetof(struct dentry, d_name.name),
	.file_dentry_offset = offsetof(struct file, f_path.dentry),
	.max_stack_index = THREAD_SIZE / sizeof(unsigned long),
};
