// SPDX-License-Identifier: GPL-2.0
#include "fetch_expr.h"

#include <dwarf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "type_info.h"

const char *x86_64_reg_name(unsigned int regno)
{
	static const char *const names[] = {
		"%ax", "%dx", "%cx", "%bx", "%si", "%di", "%bp", "%sp",
		"%r8", "%r9", "%r10", "%r11", "%r12", "%r13", "%r14", "%r15",
		"%ip",
	};

	return regno < ARRAY_SIZE(names) ? names[regno] : NULL;
}

/* Where a value lives, before it is turned into text. */
enum loc_kind { LOC_REG, LOC_MEM, LOC_SYM, LOC_IMM, LOC_ADDR };
struct loc {
	enum loc_kind kind;
	/* REG: register; MEM: address expression; SYM: name; ADDR: register */
	char *base;
	long off;	/* MEM, SYM: byte offset; IMM: the value */
	bool user;	/* dereferences read user memory */
};

static char *loc_text(const struct loc *l)
{
	struct strbuf sb = STRBUF_INIT;

	switch (l->kind) {
	case LOC_REG:
		strbuf_adds(&sb, l->base);
		break;
	case LOC_MEM:
		strbuf_addf(&sb, "%s%s%ld(%s)", l->off < 0 ? "-" : "+",
			    l->user ? "u" : "", l->off < 0 ? -l->off : l->off,
			    l->base);
		break;
	case LOC_SYM:
		if (!l->base) {	/* uprobes: an offset in the probed file */
			strbuf_addf(&sb, "@+0x%lx", (unsigned long)l->off);
			break;
		}
		strbuf_addf(&sb, "@%s", l->base);
		if (l->off)
			strbuf_addf(&sb, "%+ld", l->off);
		break;
	case LOC_IMM:
		strbuf_addf(&sb, "\\%ld", l->off);
		break;
	case LOC_ADDR:	/* only reachable with off == 0, see loc_value_ok() */
		strbuf_adds(&sb, l->base);
		break;
	}
	return strbuf_detach(&sb);
}

/* A computed address (register + offset) is printable only as the register. */
static bool loc_value_ok(const struct loc *l)
{
	return l->kind != LOC_ADDR || l->off == 0;
}

/* The value of @l becomes an address; the new location is memory there. */
static void loc_deref(struct loc *l, long off)
{
	char *inner;

	if (l->kind == LOC_ADDR) {	/* value is base + off: no load needed */
		l->kind = LOC_MEM;
		l->off += off;
		return;
	}
	inner = loc_text(l);

	free(l->base);
	l->base = inner;
	l->kind = LOC_MEM;
	l->off = off;
}

static int reg_loc(unsigned int regno, struct loc *l, bool mem, long off,
		   struct probe_error *err)
{
	const char *name = x86_64_reg_name(regno);

	if (!name)
		return perr(err, "DWARF register %u has no kprobe name.", regno);
	l->kind = mem ? LOC_MEM : LOC_REG;
	l->base = xstrdup(name);
	l->off = off;
	return 0;
}

/* The frame base at ctx->addr as "register + offset". */
static int frame_base(struct fetch_ctx *ctx, unsigned int *reg, long *off,
		      struct probe_error *err)
{
	Dwarf_Attribute attr;
	Dwarf_Op *ops;
	size_t nops;
	Dwarf_Frame *frame = NULL;
	int i;

	if (!dwarf_attr(&ctx->func, DW_AT_frame_base, &attr) ||
	    dwarf_getlocation_addr(&attr, ctx->addr, &ops, &nops, 1) <= 0 ||
	    nops != 1)
		return perr(err, "No frame base at this address.");
	if (ops[0].atom == DW_OP_call_frame_cfa) {
		for (i = 0; i < 2 && !frame; i++) {
			Dwarf_CFI *cfi = debuginfo_cfi(ctx->di, i == 0);

			if (cfi && dwarf_cfi_addrframe(cfi, ctx->addr, &frame))
				frame = NULL;
		}
		if (!frame || dwarf_frame_cfa(frame, &ops, &nops) || nops != 1) {
			free(frame);
			return perr(err, "No call frame information at 0x%" PRIx64 ".",
				    (uint64_t)ctx->addr);
		}
	}
	/* @ops may point into @frame: read them before freeing it */
	i = -1;
	if (ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) {
		*reg = ops[0].atom - DW_OP_breg0;
		*off = (long)(int64_t)ops[0].number;
		i = 0;
	} else if (ops[0].atom == DW_OP_bregx) {
		*reg = (unsigned int)ops[0].number;
		*off = (long)(int64_t)ops[0].number2;
		i = 0;
	} else {
		perr(err, "Frame base operation 0x%x is not supported.", ops[0].atom);
	}
	free(frame);
	return i;
}

/*
 * A global of a user-space binary. uprobe_events has no symbols: "@+OFF"
 * is read at the probe's runtime address minus its file offset, plus OFF.
 * One load bias moves every segment alike, so OFF is the variable's
 * link-time address less the probe's, plus the probe's file offset.
 */
static int user_global_loc(struct fetch_ctx *ctx, Dwarf_Addr addr,
			   struct loc *l, struct probe_error *err)
{
	uint64_t foff;

	if (debuginfo_file_offset(ctx->di, ctx->addr, &foff))
		return perr(err, "0x%" PRIx64 " is in no loadable segment of %s.",
			    (uint64_t)ctx->addr, ctx->di->path);
	l->kind = LOC_SYM;
	l->base = NULL;
	l->off = (long)(addr - ctx->addr + foff);
	return 0;
}

static int op_loc(struct fetch_ctx *ctx, Dwarf_Op *op, struct loc *l,
		  struct probe_error *err)
{
	unsigned int reg = 0;
	long off = 0;
	const char *sym;
	unsigned long soff;

	if (op->atom >= DW_OP_reg0 && op->atom <= DW_OP_reg31)
		return reg_loc(op->atom - DW_OP_reg0, l, false, 0, err);
	if (op->atom == DW_OP_regx)
		return reg_loc((unsigned int)op->number, l, false, 0, err);
	if (op->atom >= DW_OP_breg0 && op->atom <= DW_OP_breg31)
		return reg_loc(op->atom - DW_OP_breg0, l, true,
			       (long)(int64_t)op->number, err);
	if (op->atom == DW_OP_bregx)
		return reg_loc((unsigned int)op->number, l, true,
			       (long)(int64_t)op->number2, err);
	if (op->atom == DW_OP_fbreg) {
		if (frame_base(ctx, &reg, &off, err))
			return -1;
		return reg_loc(reg, l, true, off + (long)(int64_t)op->number, err);
	}
	if (op->atom == DW_OP_addr && ctx->di->user)
		return user_global_loc(ctx, op->number, l, err);
	if (op->atom == DW_OP_addr) {
		if (debuginfo_addr_symbol(ctx->di, op->number, &sym, &soff))
			return perr(err, "No symbol at address 0x%" PRIx64 ".",
				    (uint64_t)op->number);
		l->kind = LOC_SYM;
		l->base = xstrdup(sym);
		l->off = (long)soff;
		return 0;
	}
	return perr(err, "DWARF location operation 0x%x is not supported.", op->atom);
}

/* Location expression of @var at the probe address (or just after it). */
static int var_ops(struct fetch_ctx *ctx, Dwarf_Die *var, Dwarf_Op **ops,
		   size_t *nops)
{
	Dwarf_Attribute attr;
	Dwarf_Addr base, start, end;
	ptrdiff_t it = 0;

	if (!dwarf_attr(var, DW_AT_location, &attr))
		return -1;
	if (dwarf_getlocation_addr(&attr, ctx->addr, ops, nops, 1) == 1)
		return 0;
	if (dwarf_tag(var) != DW_TAG_formal_parameter)
		return -1;
	/* A parameter not yet placed at entry: take its first later home. */
	while ((it = dwarf_getlocations(&attr, it, &base, &start, &end, ops,
					nops)) > 0)
		if (start > ctx->addr && start < ctx->func_high)
			return 0;
	return -1;
}

static int var_loc(struct fetch_ctx *ctx, Dwarf_Die *var, struct loc *l,
		   struct probe_error *err)
{
	const char *name = dwarf_diename(var);
	Dwarf_Attribute attr;
	Dwarf_Op *ops;
	size_t nops;
	Dwarf_Sword v;

	memset(l, 0, sizeof(*l));
	if (dwarf_attr_integrate(var, DW_AT_const_value, &attr) &&
	    dwarf_formsdata(&attr, &v) == 0) {
		l->kind = LOC_IMM;
		l->off = (long)v;
		return 0;
	}
	if (var_ops(ctx, var, &ops, &nops)) {
		perr(err, "Failed to find the location of the '%s' variable at this address.",
		     name);
		perr_hint(err, "Perhaps it has been optimized out.");
		return FETCH_UNAVAILABLE;
	}
	if (nops == 2 && ops[1].atom == DW_OP_stack_value &&
	    ((ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) ||
	     ops[0].atom == DW_OP_bregx || ops[0].atom == DW_OP_fbreg)) {
		/* the value is "register + offset" (e.g. &r->member) */
		if (op_loc(ctx, &ops[0], l, err))
			return -1;
		l->kind = LOC_ADDR;
		return 0;
	}
	if (nops != 1) {
		perr(err, "The location of '%s' here is a %zu-operation DWARF expression, which kprobe fetch-args cannot express.",
		     name, nops);
		perr_hint(err, "Try another line, or a raw argument such as %%di or +8(%%sp).");
		return -1;
	}
	return op_loc(ctx, &ops[0], l, err);
}

static bool is_pointer(Dwarf_Die *t)
{
	return dwarf_tag(t) == DW_TAG_pointer_type;
}

static bool is_aggregate(Dwarf_Die *t)
{
	int tag = dwarf_tag(t);

	return tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
}

static const char *tname(Dwarf_Die *t)
{
	const char *n = dwarf_diename(t);

	return n ? n : "(anon)";
}

/* Applies ->f, .f and [n]; @t follows the type, @member the last member. */
static int walk_chain(const struct probe_arg *arg, struct loc *l, Dwarf_Die *t,
		      Dwarf_Die *member, bool *have_member,
		      struct probe_error *err)
{
	const char *prev = arg->var;
	Dwarf_Die target;
	size_t i;

	for (i = 0; i < arg->nfields; i++) {
		const struct arg_field *f = &arg->fields[i];
		long off = 0, size;

		*have_member = false;
		if (f->op == FIELD_INDEX) {
			bool ptr = is_pointer(t);

			if (!ptr && dwarf_tag(t) != DW_TAG_array_type)
				return perr(err, "%s is not an array or a pointer: it cannot be indexed.",
					    prev);
			if (!type_of(t, &target))
				return perr(err, "%s points to void: it cannot be indexed.", prev);
			size = type_byte_size(&target);
			if (size < 0)
				return perr(err, "The elements of %s have no known size.", prev);
			if (ptr) {
				loc_deref(l, f->index * size);
			} else {
				if (l->kind != LOC_MEM && l->kind != LOC_SYM)
					return perr(err, "Array in a register is not supported.");
				l->off += f->index * size;
			}
			*t = target;
			continue;
		}
		if (f->op == FIELD_ARROW) {
			/* '.' is the answer only when a struct is there */
			if (!is_pointer(t) && !is_aggregate(t))
				return perr(err, "%s(type:%s) is not a pointer to a struct or union: it has no member %s.",
					    prev, tname(t), f->name);
			if (!is_pointer(t))
				return perr(err, "%s must be referred by '.'", f->name);
			if (!type_of(t, t))
				return perr(err, "%s points to void.", prev);
		} else if (is_pointer(t)) {
			return perr(err, "%s must be referred by '->'", f->name);
		}
		if (!is_aggregate(t))
			return perr(err, "%s is not a struct or union: it has no member %s.",
				    prev, f->name);
		if (!type_find_member(t, f->name, member, &off)) {
			perr(err, "%s(type:%s) has no member %s.", prev, tname(t), f->name);
			return -1;
		}
		if (f->op == FIELD_ARROW) {
			loc_deref(l, off);
		} else {
			if (l->kind != LOC_MEM && l->kind != LOC_SYM)
				return perr(err, "Structure on a register is not supported yet.");
			l->off += off;
		}
		if (!type_of(member, t))
			return perr(err, "Member %s has no type.", f->name);
		*have_member = true;
		prev = f->name;
	}
	return 0;
}

/* "b<width>@<shift>/<container bits>", moving @l to the container. */
static char *bitfield_type(Dwarf_Die *member, Dwarf_Die *t, struct loc *l)
{
	Dwarf_Attribute attr;
	Dwarf_Word bits, bitoff;
	long size = type_byte_size(t), unit;
	struct strbuf sb = STRBUF_INIT;
	char buf[64];

	if (!dwarf_attr(member, DW_AT_bit_size, &attr) ||
	    dwarf_formudata(&attr, &bits) || size <= 0)
		return NULL;
	if (dwarf_attr(member, DW_AT_data_bit_offset, &attr) &&
	    dwarf_formudata(&attr, &bitoff) == 0) {
		/* DWARF 4+: bits from the start of the struct */
		unit = (long)(bitoff / (Dwarf_Word)(size * 8)) * size;
		l->off += unit;
		bitoff -= (Dwarf_Word)unit * 8;
	} else {
		/* DWARF 2/3: DW_AT_bit_offset counts from the container's MSB */
		if (!dwarf_attr(member, DW_AT_bit_offset, &attr) ||
		    dwarf_formudata(&attr, &bitoff))
			return NULL;
		bitoff = (Dwarf_Word)size * 8 - bitoff - bits;
	}
	snprintf(buf, sizeof(buf), "b%llu@%llu/%ld", (unsigned long long)bits,
		 (unsigned long long)bitoff, size * 8);
	strbuf_adds(&sb, buf);
	return strbuf_detach(&sb);
}

/* perf's default: sN for signed, xN otherwise; nothing for arrays. */
static char *default_type(Dwarf_Die *t, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	long size;

	if (dwarf_tag(t) == DW_TAG_array_type)
		return NULL;
	size = type_byte_size(t);
	if (size <= 0)
		return NULL;
	if (size > 8) {
		fprintf(stderr, "%s exceeds max-bitwidth. Cut down to 64 bits.\n", name);
		size = 8;
	}
	strbuf_addf(&sb, "%c%ld", type_is_signed(t) ? 's' : 'x', size * 8);
	return strbuf_detach(&sb);
}

static int string_type(Dwarf_Die *t, struct loc *l, const char *name,
		       struct probe_error *err)
{
	Dwarf_Die elem;

	if ((!is_pointer(t) && dwarf_tag(t) != DW_TAG_array_type) ||
	    !type_of(t, &elem) || !type_is_char(&elem))
		return perr(err, "Failed to cast into string: %s is not a pointer nor array of char.",
			    name);
	if (is_pointer(t))
		loc_deref(l, 0);
	else if (l->kind != LOC_MEM && l->kind != LOC_SYM)
		return perr(err, "Array in a register is not supported.");
	return 0;
}

static char *final_type(const struct probe_arg *arg, Dwarf_Die *t,
			Dwarf_Die *member, bool have_member, struct loc *l,
			struct probe_error *err, int *rc)
{
	char buf[16];
	long size;

	*rc = 0;
	if (!arg->type) {
		char *bf = have_member ? bitfield_type(member, t, l) : NULL;

		return bf ? bf : default_type(t, arg->name);
	}
	if (!strcmp(arg->type, "string") || !strcmp(arg->type, "ustring")) {
		*rc = string_type(t, l, arg->name, err);
		return *rc ? NULL : xstrdup(arg->type);
	}
	if (!strcmp(arg->type, "x") || !strcmp(arg->type, "s") ||
	    !strcmp(arg->type, "u")) {
		size = type_byte_size(t);
		snprintf(buf, sizeof(buf), "%s%ld", arg->type,
			 size > 0 && size <= 8 ? size * 8 : 64);
		return xstrdup(buf);
	}
	return xstrdup(arg->type);
}

int fetch_translate(struct fetch_ctx *ctx, Dwarf_Die *var,
		    const struct probe_arg *arg, char **expr, char **type,
		    struct probe_error *err)
{
	Dwarf_Die t, member;
	bool have_member = false;
	struct loc l;
	int rc;

	rc = var_loc(ctx, var, &l, err);
	if (rc)
		return rc;
	l.user = arg->user;
	if (!type_of(var, &t)) {
		free(l.base);
		return perr(err, "Variable %s has no type.", arg->var);
	}
	if (walk_chain(arg, &l, &t, &member, &have_member, err)) {
		free(l.base);
		return -1;
	}
	*type = final_type(arg, &t, &member, have_member, &l, err, &rc);
	if (!rc && !loc_value_ok(&l)) {
		free(*type);
		rc = perr(err, "The value of %s is computed (%s%+ld), which kprobe fetch-args cannot express; fetch one of its members instead.",
			  arg->var, l.base, l.off);
	}
	if (rc) {
		free(l.base);
		return -1;
	}
	*expr = loc_text(&l);
	free(l.base);
	return 0;
}

bool fetch_available(struct fetch_ctx *ctx, Dwarf_Die *var)
{
	Dwarf_Attribute attr;
	Dwarf_Op *ops;
	size_t nops;

	if (dwarf_attr_integrate(var, DW_AT_const_value, &attr))
		return true;
	if (var_ops(ctx, var, &ops, &nops))
		return false;
	return nops == 1 || (nops == 2 && ops[1].atom == DW_OP_stack_value);
}
