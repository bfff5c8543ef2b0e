// SPDX-License-Identifier: GPL-2.0
/*
 * Fetch arguments from BTF, for a binary without DWARF: at a function's
 * entry its parameters are in the x86-64 argument registers, and BTF
 * knows their names and types and every struct's member offsets.  So
 * "vfs_read file->f_path.dentry->d_name.name:string count" becomes the
 * same fetch arguments DWARF would give.  Lines, locals and inlined code
 * are beyond BTF; so is any place but the entry.
 */
#include <stdlib.h>
#include <string.h>
#include <bpf/btf.h>

#include "btf_args.h"

/* The SysV integer argument registers, in kprobe_events names. */
static const char *const arg_regs[] = { "%di", "%si", "%dx", "%cx", "%r8", "%r9" };

/* Where a value is: a register, or memory at off(text). */
struct bloc {
	char *text;
	long off;
	bool mem;
};

static char *bloc_text(const struct bloc *l)
{
	struct strbuf sb = STRBUF_INIT;

	if (l->mem)
		strbuf_addf(&sb, "%s%ld(%s)", l->off < 0 ? "-" : "+",
			    l->off < 0 ? -l->off : l->off, l->text);
	else
		strbuf_adds(&sb, l->text);
	return strbuf_detach(&sb);
}

/* The value at @l is a pointer: the new place is memory at +@off from it. */
static void bloc_deref(struct bloc *l, long off)
{
	char *inner = bloc_text(l);

	free(l->text);
	l->text = inner;
	l->mem = true;
	l->off = off;
}

/* Past typedefs and qualifiers. */
static const struct btf_type *resolved(const struct btf *btf, __u32 id, __u32 *out)
{
	int r = btf__resolve_type(btf, id);

	if (r < 0)
		return NULL;
	if (out)
		*out = (__u32)r;
	return btf__type_by_id(btf, (__u32)r);
}

static bool is_char(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = resolved(btf, id, NULL);

	return t && btf_is_int(t) && t->size == 1;
}

/*
 * Member @name of struct/union @t, searched into anonymous members as C
 * does: its type, its bit offset (@bits) and its bitfield size (@width).
 */
static bool find_member(const struct btf *btf, const struct btf_type *t,
			const char *name, __u32 *type, long *bits, __u32 *width)
{
	const struct btf_member *m = btf_members(t);
	__u16 i, n = btf_vlen(t);

	for (i = 0; i < n; i++, m++) {
		const char *mn = btf__name_by_offset(btf, m->name_off);
		const struct btf_type *mt;

		if (mn && *mn) {
			if (strcmp(mn, name))
				continue;
			*type = m->type;
			*bits = btf_member_bit_offset(t, i);
			*width = btf_member_bitfield_size(t, i);
			return true;
		}
		mt = resolved(btf, m->type, NULL);
		if (mt && (btf_is_struct(mt) || btf_is_union(mt)) &&
		    find_member(btf, mt, name, type, bits, width)) {
			*bits += btf_member_bit_offset(t, i);
			return true;
		}
	}
	return false;
}

/* The type name for messages: the first name on the typedef chain. */
static const char *type_name(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const char *n = t ? btf__name_by_offset(btf, t->name_off) : NULL;

	if (n && *n)
		return n;
	t = resolved(btf, id, NULL);
	if (t && btf_is_ptr(t))
		return "pointer";
	return "anonymous type";
}

/* Walks ->, . and [N] from the parameter; *@id ends as the last type. */
static int walk_chain(const struct btf *btf, const struct probe_arg *arg,
		      struct bloc *l, __u32 *id, long *bits, __u32 *width,
		      struct probe_error *err)
{
	const char *prev = arg->var;
	size_t i;

	*width = 0;
	for (i = 0; i < arg->nfields; i++) {
		const struct arg_field *f = &arg->fields[i];
		const struct btf_type *t = resolved(btf, *id, id);
		__u32 tid;
		long size;

		if (!t)
			return perr(err, "BTF has no type for %s.", prev);
		*width = 0;
		if (f->op == FIELD_INDEX) {
			if (btf_is_ptr(t)) {
				tid = t->type;
				size = btf__resolve_size(btf, tid);
				if (size <= 0)
					return perr(err, "The elements of %s have no known size.",
						    prev);
				bloc_deref(l, f->index * size);
			} else if (btf_is_array(t)) {
				tid = btf_array(t)->type;
				size = btf__resolve_size(btf, tid);
				if (!l->mem || size <= 0)
					return perr(err, "Array in a register is not supported.");
				l->off += f->index * size;
			} else {
				return perr(err, "%s is not an array or a pointer: it cannot be indexed.",
					    prev);
			}
			*id = tid;
			continue;
		}
		if (f->op == FIELD_ARROW) {
			if (!btf_is_ptr(t))
				return perr(err, "%s(type:%s) is not a pointer to a struct or union: it has no member %s.",
					    prev, type_name(btf, *id), f->name);
			t = resolved(btf, t->type, id);
			if (!t)
				return perr(err, "%s points to void.", prev);
		} else if (btf_is_ptr(t)) {
			return perr(err, "%s must be referred by '->'", f->name);
		}
		if (!btf_is_struct(t) && !btf_is_union(t))
			return perr(err, "%s is not a struct or union: it has no member %s.",
				    prev, f->name);
		if (!find_member(btf, t, f->name, &tid, bits, width))
			return perr(err, "%s(type:%s) has no member %s.", prev,
				    type_name(btf, *id), f->name);
		if (f->op == FIELD_ARROW)
			bloc_deref(l, *width ? 0 : *bits / 8);
		else if (!l->mem)
			return perr(err, "Structure on a register is not supported yet.");
		else if (!*width)
			l->off += *bits / 8;
		*id = tid;
		prev = f->name;
	}
	return 0;
}

/* The kprobe type for the value: as given, a bitfield, or sN/xN by size. */
static int value_type(const struct btf *btf, const struct probe_arg *arg,
		      struct bloc *l, __u32 id, long bits, __u32 width,
		      char **type, struct probe_error *err)
{
	const struct btf_type *t = resolved(btf, id, &id);
	long size = t ? btf__resolve_size(btf, id) : -1;
	struct strbuf sb = STRBUF_INIT;

	*type = NULL;
	if (arg->type && (!strcmp(arg->type, "string") || !strcmp(arg->type, "ustring"))) {
		if (!t || !((btf_is_ptr(t) && is_char(btf, t->type)) ||
			    (btf_is_array(t) && is_char(btf, btf_array(t)->type))))
			return perr(err, "Failed to cast into string: %s is not a pointer nor array of char.",
				    arg->name);
		if (btf_is_ptr(t))
			bloc_deref(l, 0);
		else if (!l->mem)
			return perr(err, "Array in a register is not supported.");
		*type = xstrdup(arg->type);
		return 0;
	}
	if (arg->type && strchr("sux", arg->type[0]) && !arg->type[1]) {
		strbuf_addf(&sb, "%s%ld", arg->type, size > 0 && size <= 8 ? size * 8 : 64);
		*type = strbuf_detach(&sb);
		return 0;
	}
	if (arg->type) {
		*type = xstrdup(arg->type);
		return 0;
	}
	if (width && size > 0) {
		long unit = bits / (size * 8) * size;

		l->off += unit;
		strbuf_addf(&sb, "b%u@%ld/%ld", width, bits - unit * 8, size * 8);
		*type = strbuf_detach(&sb);
		return 0;
	}
	if (!t || btf_is_array(t) || size <= 0)
		return 0;
	if (size > 8)
		size = 8;
	strbuf_addf(&sb, "%c%ld",
		    btf_is_int(t) && (btf_int_encoding(t) & BTF_INT_SIGNED) ? 's' : 'x',
		    size * 8);
	*type = strbuf_detach(&sb);
	return 0;
}

/*
 * Parameter @name of @proto: its register, refused when an earlier
 * parameter does not fit one register (the ABI would move the rest).
 */
static int param_reg(const struct btf *btf, const struct btf_type *proto,
		     const char *fname, const char *name, __u32 *type,
		     struct probe_error *err)
{
	const struct btf_param *p = btf_params(proto);
	__u16 i, n = btf_vlen(proto);

	for (i = 0; i < n; i++, p++) {
		const char *pn = btf__name_by_offset(btf, p->name_off);
		const struct btf_type *pt = resolved(btf, p->type, NULL);

		if (pn && !strcmp(pn, name)) {
			if (i >= ARRAY_SIZE(arg_regs))
				return perr(err, "%s is parameter %u of %s: only the first 6 are in registers.",
					    name, i + 1, fname);
			*type = p->type;
			return (int)i;
		}
		if (!pt || btf__resolve_size(btf, p->type) > 8 ||
		    btf_is_struct(pt) || btf_is_union(pt))
			return perr(err, "Parameter %u of %s is passed in more than one register: the registers of the later ones are unknown.",
				    i + 1, fname);
	}
	return perr(err, "%s has no parameter %s (BTF).", fname, name);
}

struct btf *btf_args_open(const char *path)
{
	/* an ELF's .BTF or raw BTF (/sys/kernel/btf/vmlinux); NULL on error */
	return btf__parse(path, NULL);
}

void btf_args_close(struct btf *btf)
{
	btf__free(btf);
}

/* @function's prototype; NULL with @err set when BTF lacks it. */
static const struct btf_type *func_proto(const struct btf *btf,
					 const char *function,
					 struct probe_error *err)
{
	int id = btf__find_by_name_kind(btf, function, BTF_KIND_FUNC);
	const struct btf_type *fn, *proto;

	if (id < 0) {
		perr(err, "BTF knows no function %s.", function);
		return NULL;
	}
	fn = btf__type_by_id(btf, (__u32)id);
	proto = fn ? btf__type_by_id(btf, fn->type) : NULL;
	if (!proto || !btf_is_func_proto(proto)) {
		perr(err, "BTF has no prototype for %s.", function);
		return NULL;
	}
	return proto;
}

int btf_arg(const struct btf *btf, const char *function,
	    const struct probe_arg *arg, char **expr, char **type,
	    struct probe_error *err)
{
	const struct btf_type *proto;
	struct bloc l = { NULL, 0, false };
	__u32 id = 0, width;
	long bits = 0;
	int reg;

	*expr = *type = NULL;
	if (arg->user)
		return perr(err, "@user is not supported with BTF: it needs DWARF.");
	proto = func_proto(btf, function, err);
	if (!proto)
		return -1;
	reg = param_reg(btf, proto, function, arg->var, &id, err);
	if (reg < 0)
		return -1;
	l.text = xstrdup(arg_regs[reg]);
	if (walk_chain(btf, arg, &l, &id, &bits, &width, err) ||
	    value_type(btf, arg, &l, id, bits, width, type, err)) {
		free(l.text);
		free(*type);
		*type = NULL;
		return -1;
	}
	*expr = bloc_text(&l);
	free(l.text);
	return 0;
}

int btf_params_each(const struct btf *btf, const char *function,
		    void (*fn)(const char *name, void *data), void *data)
{
	struct probe_error ignored;
	const struct btf_type *proto = func_proto(btf, function, &ignored);
	const struct btf_param *p;
	__u16 i, n;

	if (!proto)
		return -1;
	p = btf_params(proto);
	n = btf_vlen(proto);
	for (i = 0; i < n; i++, p++) {
		const char *pn = btf__name_by_offset(btf, p->name_off);

		if (pn && *pn)
			fn(pn, data);
	}
	return 0;
}
