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

#include "dpev_event.h"
#include "trace_btf.h"

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

/* The engine's answer: with IBT the instruction after endbr64 counts. */
static int dpev_sym_func_entry(void *priv, const char *sym,
			       unsigned long offset)
{
	unsigned long addr = kallsyms_lookup_name(sym);

	if (!addr)
		return -ENOENT;
	return dprobe_func_entry(addr + offset) ? 0 : -EINVAL;
}

static unsigned long dpev_sym_lookup(void *priv, const char *sym)
{
	return kallsyms_lookup_name(sym);
}

#ifdef CONFIG_PROBE_EVENTS_BTF_ARGS
/* The fetch type upstream picks for a C type: pointers hex, ints by size. */
static const char *dpev_btf_type(struct btf *btf, u32 tid)
{
	static const char *const ints[2][4] = {
		{ "u8", "u16", "u32", "u64" }, { "s8", "s16", "s32", "s64" },
	};
	const struct btf_type *t = btf_type_skip_modifiers(btf, tid, NULL);
	int sign;

	if (!t)
		return NULL;
	if (btf_type_is_ptr(t))
		return "x64";
	if (btf_is_enum(t))
		return "s32";
	if (btf_is_enum64(t))
		return "s64";
	if (!btf_type_is_int(t))
		return NULL;
	if (btf_int_bits(t) != t->size * 8)
		return "u64";
	sign = btf_type_is_signed_int(t);
	switch (t->size) {
	case 1:
		return ints[sign][0];
	case 2:
		return ints[sign][1];
	case 4:
		return ints[sign][2];
	case 8:
		return ints[sign][3];
	}
	return NULL;
}

static int dpev_sym_func_proto(void *priv, const char *sym,
			       struct dpev_func_proto *proto)
{
	const char *colon = strchr(sym, ':');
	const struct btf_param *params;
	const struct btf_type *fp;
	struct btf *btf = NULL;
	s32 nr, i;

	fp = btf_find_func_proto(colon ? colon + 1 : sym, &btf);
	if (IS_ERR_OR_NULL(fp))
		return -ENOENT;
	params = btf_get_func_param(fp, &nr);
	if (IS_ERR(params) || nr < 0)
		nr = 0;
	/* A trailing "..." is not a parameter. */
	if (nr && !params[nr - 1].type && !params[nr - 1].name_off)
		nr--;
	proto->nr_params = nr;
	proto->returns_void = !fp->type;
	proto->ret_type = fp->type ? dpev_btf_type(btf, fp->type) : NULL;
	for (i = 0; i < nr && i < DPEV_BTF_MAX_PARAMS; i++) {
		strscpy(proto->names[i],
			btf_name_by_offset(btf, params[i].name_off),
			sizeof(proto->names[i]));
		proto->types[i] = dpev_btf_type(btf, params[i].type);
	}
	btf_put(btf);
	return 0;
}
#else
#define dpev_sym_func_proto NULL
#endif

const struct dpev_parse_env dpev_kernel_env = {
	.syms = {
		.check = dpev_sym_check,
		.func_entry = dpev_sym_func_entry,
		.lookup = dpev_sym_lookup,
		.func_proto = dpev_sym_func_proto,
	},
	.dentry_name_offset = offsetof(struct dentry, d_name.name),
	.file_dentry_offset = offsetof(struct file, f_path.dentry),
	.max_stack_index = THREAD_SIZE / sizeof(unsigned long),
};
