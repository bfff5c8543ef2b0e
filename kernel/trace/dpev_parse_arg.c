// SPDX-License-Identifier: GPL-2.0
/*
 * Fetch-argument compiler of dprobe events: turns one "[NAME=]EXPR[:TYPE]"
 * token into a fetch program and a record field.
 *
 * The order of the checks and the caret offsets follow the kprobe_events
 * ABI (kprobe-events-abi.md sections 7, 9 and 12), which user tools and
 * the upstream selftests rely on.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include "dpev_parse_internal.h"

/* Fields the event record has besides the arguments. */
static const char *const reserved_names[] = {
	"common_type", "common_flags", "common_preempt_count", "common_pid",
	"common_tgid", "__probe_ip", "__probe_ret_ip", "__probe_func",
};

/*
 * The op budget is counted in the ABI's slots: a symbol takes two (its
 * name and its address), every other op one, and slot
 * DPEV_FETCH_MAX_OPS - 1 is kept for END.
 */
#define LAST_SLOT	(DPEV_FETCH_MAX_OPS - 2)

struct arg_compiler {
	struct dpev_cmd *cmd;
	struct dpev_def *def;
	struct dpev_fetch_op ops[DPEV_FETCH_MAX_OPS];
	int n;		/* ops written */
	int slot;	/* last slot used, -1 when empty */
	int base;	/* caret offset of the expression being compiled */
};

static struct dpev_fetch_op *last_op(struct arg_compiler *c)
{
	return &c->ops[c->n - 1];
}

static struct dpev_fetch_op *emit_source(struct arg_compiler *c, u8 op)
{
	struct dpev_fetch_op *o = &c->ops[c->n++];

	o->op = op;
	c->slot = op == DPEV_OP_SYMBOL ? 1 : 0;
	return o;
}

/* Append an op after the source; NULL when the budget is used up. */
static struct dpev_fetch_op *emit(struct arg_compiler *c, u8 op)
{
	struct dpev_fetch_op *o;

	if (c->slot + 1 > LAST_SLOT)
		return NULL;
	c->slot++;
	o = &c->ops[c->n++];
	o->op = op;
	return o;
}

static int fail(struct arg_compiler *c, int offset, int code, int ret)
{
	dpev_log_err(c->cmd, offset, code);
	return ret;
}

static int compile_expr(struct arg_compiler *c, char *expr);

static int add_entry_slot(struct dpev_def *def, unsigned int argnum)
{
	unsigned int *slots;
	unsigned int i;

	for (i = 0; i < def->nr_entry_args; i++)
		if (def->entry_args[i] == argnum)
			return i;
	slots = krealloc(def->entry_args, (i + 1) * sizeof(*slots),
			 GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	slots[i] = argnum;
	def->entry_args = slots;
	def->nr_entry_args = i + 1;
	return i;
}

/* $argN: a register or stack slot at entry, saved data at return. */
static int compile_func_arg(struct arg_compiler *c, const char *num)
{
	struct dpev_def *def = c->def;
	struct dpev_fetch_op *o;
	unsigned long n;
	int slot;

	if (kstrtoul(num, 10, &n))
		return fail(c, c->base, DPEV_ERR_BAD_VAR, -EINVAL);
	if (!n || n > c->cmd->env->max_stack_index)
		return fail(c, c->base, DPEV_ERR_BAD_ARG_NUM, -EINVAL);
	n--;
	if (def->func_entry) {
		/* the architecture's calling convention, at fetch time */
		o = emit_source(c, DPEV_OP_ARG);
		o->param = n;
		return 0;
	}
	if (!def->is_return)
		return fail(c, c->base, DPEV_ERR_NOFENTRY_ARGS, -EINVAL);
	slot = add_entry_slot(def, n);
	if (slot < 0)
		return slot;
	o = emit_source(c, DPEV_OP_ENTRY);
	o->param = slot;
	return 0;
}

/* A name BTF does not know here: why, in upstream's words. */
static int fail_btf_name(struct arg_compiler *c)
{
	if (!c->cmd->env->syms.func_proto)
		return fail(c, c->base, DPEV_ERR_NOSUP_BTFARG, -EOPNOTSUPP);
	if (!c->cmd->proto)
		return fail(c, c->base, DPEV_ERR_NO_BTF_ENTRY, -ENOENT);
	return fail(c, c->base, DPEV_ERR_NO_BTFARG, -ENOENT);
}

static int compile_var(struct arg_compiler *c, const char *expr)
{
	const char *v = expr + 1;
	struct dpev_fetch_op *o;
	unsigned long n;

	if (!strncmp(v, "retval", 6)) {
		if (!c->def->is_return)
			return fail(c, c->base, DPEV_ERR_RETVAL_ON_PROBE,
				    -EINVAL);
		/* with BTF, $retvalXYZ is a name for BTF to know, as upstream has it */
		if (v[6] && c->cmd->env->syms.func_proto)
			return fail_btf_name(c);
		if (c->cmd->proto && c->cmd->proto->returns_void)
			return fail(c, c->base, DPEV_ERR_NO_RETVAL, -ENOENT);
		emit_source(c, DPEV_OP_RETVAL);
		return 0;
	}
	if (!strncmp(v, "stack", 5)) {
		v += 5;
		if (!*v) {
			emit_source(c, DPEV_OP_STACKP);
			return 0;
		}
		if (!isdigit(*v) || kstrtoul(v, 10, &n))
			return fail(c, c->base, DPEV_ERR_BAD_VAR, -EINVAL);
		if (n > c->cmd->env->max_stack_index)
			return fail(c, c->base, DPEV_ERR_BAD_STACK_NUM,
				    -EINVAL);
		o = emit_source(c, DPEV_OP_STACK);
		o->param = n;
		return 0;
	}
	if (!strcmp(v, "comm") || !strcmp(v, "COMM")) {
		emit_source(c, DPEV_OP_COMM);
		return 0;
	}
	if (!strncmp(v, "arg", 3))
		return compile_func_arg(c, v + 3);
	return fail(c, c->base, DPEV_ERR_BAD_VAR, -EINVAL);
}

/* %REG: the names and pt_regs offsets are the architecture's. */
static int compile_reg(struct arg_compiler *c, const char *expr)
{
	struct dpev_fetch_op *o;
	int offset = regs_query_register_offset(expr + 1);

	if (offset < 0)
		return fail(c, c->base, DPEV_ERR_BAD_REG_NAME, -EINVAL);
	o = emit_source(c, DPEV_OP_REG);
	o->param = offset;
	return 0;
}

/* @ADDR and @SYM[+|-OFFS]: a load from memory. */
static int compile_mem(struct arg_compiler *c, const char *expr)
{
	struct dpev_fetch_op *o;
	unsigned long addr;

	if (expr[1] == '+')
		return fail(c, c->base, DPEV_ERR_FILE_ON_KPROBE, -EINVAL);
	if (isdigit(expr[1])) {
		if (kstrtoul(expr + 1, 0, &addr))
			return fail(c, c->base, DPEV_ERR_BAD_MEM_ADDR,
				    -EINVAL);
		o = emit_source(c, DPEV_OP_IMM);
		o->imm = addr;
	} else {
		o = emit_source(c, DPEV_OP_SYMBOL);
		o->data = kstrdup(expr + 1, GFP_KERNEL);
		if (!o->data)
			return -ENOMEM;
	}
	if (!emit(c, DPEV_OP_DEREF))
		return fail(c, c->base, DPEV_ERR_TOO_MANY_OPS, -EINVAL);
	return 0;
}

/*
 * +|-[u]OFFS(EXPR). Errors inside EXPR are placed under EXPR; the ABI
 * computes that column one short after a 'u' or a "+-" sign, which is
 * kept so carets match.
 */
static int compile_deref(struct arg_compiler *c, char *expr)
{
	u8 op = DPEV_OP_DEREF;
	struct dpev_fetch_op *o;
	char *s = expr, *open, *close;
	int inner_base, ret;
	long offs;

	if (s[1] == 'u') {
		op = DPEV_OP_UDEREF;
		s[1] = s[0];
		s++;
	}
	if (*s == '+')
		s++;
	open = strchr(s, '(');
	if (!open)
		return fail(c, c->base, DPEV_ERR_DEREF_NEED_BRACE, -EINVAL);
	*open = '\0';
	if (kstrtol(s, 0, &offs))
		return fail(c, c->base, DPEV_ERR_BAD_DEREF_OFFS, -EINVAL);
	c->base += (open + 1 - s) + (*s != '-');
	close = strrchr(open + 1, ')');
	if (!close)
		return fail(c, c->base + strlen(open + 1),
			    DPEV_ERR_DEREF_OPEN_BRACE, -EINVAL);
	if (close[1])
		return fail(c, c->base + (close + 1 - (open + 1)),
			    DPEV_ERR_BAD_FETCH_ARG, -EINVAL);
	*close = '\0';
	inner_base = c->base;
	ret = compile_expr(c, open + 1);
	if (ret)
		return ret;
	c->base = inner_base;
	if (last_op(c)->op == DPEV_OP_COMM || last_op(c)->op == DPEV_OP_DATA)
		return fail(c, c->base, DPEV_ERR_COMM_CANT_DEREF, -EINVAL);
	o = emit(c, op);
	if (!o)
		return fail(c, c->base, DPEV_ERR_TOO_MANY_OPS, -EINVAL);
	o->offset = offs;
	return 0;
}

/* \IMM and \"STRING" */
static int compile_imm(struct arg_compiler *c, const char *expr)
{
	struct dpev_fetch_op *o;
	const char *s = expr + 1;
	unsigned long val;
	size_t len;
	int ret;

	if (*s == '"') {
		s++;
		len = strlen(s);
		if (!len || s[len - 1] != '"')
			return fail(c, c->base + 2 + len,
				    DPEV_ERR_IMMSTR_NO_CLOSE, -EINVAL);
		o = emit_source(c, DPEV_OP_DATA);
		o->data = kstrndup(s, len - 1, GFP_KERNEL);
		return o->data ? 0 : -ENOMEM;
	}
	if (isdigit(*s))
		ret = kstrtoul(s, 0, &val);
	else if (*s == '-')
		ret = kstrtol(s, 0, (long *)&val);
	else if (*s == '+')
		ret = kstrtol(s + 1, 0, (long *)&val);
	else
		ret = -EINVAL;
	if (ret)
		return fail(c, c->base + 1, DPEV_ERR_BAD_IMM, -EINVAL);
	o = emit_source(c, DPEV_OP_IMM);
	o->imm = val;
	return 0;
}

static int compile_expr(struct arg_compiler *c, char *expr)
{
	switch (expr[0]) {
	case '$':
		return compile_var(c, expr);
	case '%':
		return compile_reg(c, expr);
	case '@':
		return compile_mem(c, expr);
	case '+':
	case '-':
		return compile_deref(c, expr);
	case '\\':
		return compile_imm(c, expr);
	}
	/* A bare name is a parameter of the function, known from BTF. */
	if (isalpha(expr[0]) || expr[0] == '_') {
		int idx = dpev_proto_param(c->cmd->proto, expr);
		char num[12];

		if (idx >= 0) {
			snprintf(num, sizeof(num), "%d", idx + 1);
			return compile_func_arg(c, num);
		}
		return fail_btf_name(c);
	}
	return fail(c, c->base, DPEV_ERR_BAD_FETCH_ARG, -EINVAL);
}

/* Digits of an unsigned number in base 0 (0x.., 0.., decimal). */
static const char *scan_uint(const char *s, unsigned long *val)
{
	unsigned int base = 10, d;

	if (s[0] == '0') {
		base = 8;
		if ((s[1] == 'x' || s[1] == 'X') && isxdigit(s[2])) {
			base = 16;
			s += 2;
		}
	}
	for (*val = 0; isxdigit(*s); s++) {
		d = isdigit(*s) ? *s - '0' : (tolower(*s) - 'a' + 10);
		if (d >= base)
			break;
		*val = *val * base + d;
	}
	return s;
}

/* "b<width>@<offset>/<container>": the container was checked already. */
static int compile_bitfield(struct arg_compiler *c, const char *bf,
			    unsigned int size)
{
	struct dpev_fetch_op *o;
	unsigned long width, offs;
	const char *p;

	p = scan_uint(bf + 1, &width);
	if (!width || *p != '@')
		return -EINVAL;
	bf = p + 1;
	p = scan_uint(bf, &offs);
	if (p == bf || *p != '/')
		return -EINVAL;
	o = emit(c, DPEV_OP_BITFIELD);
	/* Each alone first: their sum could wrap around. */
	if (!o || width > size * 8 || offs > size * 8 ||
	    width + offs > size * 8)
		return -EINVAL;
	o->size = size;
	o->lshift = size * 8 - (width + offs);
	o->rshift = size * 8 - width;
	return 0;
}

static bool string_source(u8 op)
{
	return op == DPEV_OP_DEREF || op == DPEV_OP_UDEREF ||
	       op == DPEV_OP_IMM || op == DPEV_OP_COMM ||
	       op == DPEV_OP_DATA;
}

static bool symstr_source(u8 op)
{
	return op == DPEV_OP_REG || op == DPEV_OP_STACK ||
	       op == DPEV_OP_ARG ||
	       op == DPEV_OP_RETVAL || op == DPEV_OP_DEREF;
}

static int finish_string_store(struct arg_compiler *c, struct dpev_arg *arg,
			       int type_pos)
{
	bool symstr = !strcmp(arg->type->name, "symstr");
	struct dpev_fetch_op *st = last_op(c);
	u8 src = st->op;

	if (symstr ? !symstr_source(src) : !string_source(src))
		return fail(c, type_pos, symstr ? DPEV_ERR_BAD_SYMSTRING :
			    DPEV_ERR_BAD_STRING, -EINVAL);
	/* Keep the last load when the value is the string's address. */
	if (symstr || src == DPEV_OP_IMM || src == DPEV_OP_COMM ||
	    src == DPEV_OP_DATA || arg->count) {
		st = emit(c, DPEV_OP_END);
		if (!st)
			return fail(c, c->base, DPEV_ERR_TOO_MANY_OPS,
				    -EINVAL);
		st->offset = 0;
	}
	if (!strcmp(arg->type->name, "ustring") || st->op == DPEV_OP_UDEREF)
		st->op = DPEV_OP_ST_USTRING;
	else if (symstr)
		st->op = DPEV_OP_ST_SYMSTR;
	else
		st->op = DPEV_OP_ST_STRING;
	st->size = arg->type->size;
	return 0;
}

/* Add the store, bitfield and array ops and the END. */
static int finish_program(struct arg_compiler *c, struct dpev_arg *arg,
			  const char *type, int type_off)
{
	int type_pos = c->base + type_off;
	struct dpev_fetch_op *st;
	int ret;

	if (dpev_type_is_string(arg->type)) {
		ret = finish_string_store(c, arg, type_pos);
		if (ret)
			return ret;
		st = last_op(c);
	} else if (last_op(c)->op == DPEV_OP_DEREF ||
		   last_op(c)->op == DPEV_OP_UDEREF) {
		st = last_op(c);
		st->op = st->op == DPEV_OP_DEREF ? DPEV_OP_ST_MEM :
						     DPEV_OP_ST_UMEM;
	} else {
		st = emit(c, DPEV_OP_ST_RAW);
		if (!st)
			return fail(c, c->base, DPEV_ERR_TOO_MANY_OPS, -E2BIG);
	}
	if (!dpev_type_is_string(arg->type))
		st->size = arg->type->size;

	if (type && type[0] == 'b' &&
	    compile_bitfield(c, type, arg->type->size))
		return fail(c, type_pos, DPEV_ERR_BAD_BITFIELD, -EINVAL);

	if (arg->count) {
		if (st->op != DPEV_OP_ST_MEM && st->op != DPEV_OP_ST_STRING &&
		    st->op != DPEV_OP_ST_USTRING)
			return fail(c, type_pos, DPEV_ERR_BAD_STRING, -EINVAL);
		st = emit(c, DPEV_OP_ARRAY);
		if (!st)
			return fail(c, c->base, DPEV_ERR_TOO_MANY_OPS, -E2BIG);
		st->param = arg->count;
	}
	c->ops[c->n].op = DPEV_OP_END;
	return 0;
}

/*
 * Split ":TYPE[N]" off @body and choose the type. @type_off is set to the
 * offset of TYPE in @body (0 without a type).
 */
static int compile_type(struct arg_compiler *c, struct dpev_arg *arg,
			char *body, char **type, int *type_off)
{
	char *t, *open, *close;
	unsigned int n;

	*type_off = 0;
	t = strchr(body, ':');
	*type = t;
	if (t) {
		*t++ = '\0';
		*type = t;
		*type_off = t - body;
		open = strchr(t, '[');
		if (open) {
			*open++ = '\0';
			close = strchr(open, ']');
			if (!close)
				return fail(c, c->base + (open - body) +
					    strlen(open),
					    DPEV_ERR_ARRAY_NO_CLOSE, -EINVAL);
			if (close[1])
				return fail(c, c->base + (close + 1 - body),
					    DPEV_ERR_BAD_ARRAY_SUFFIX,
					    -EINVAL);
			*close = '\0';
			if (kstrtouint(open, 0, &n) || !n)
				return fail(c, c->base + (open - body),
					    DPEV_ERR_BAD_ARRAY_NUM, -EINVAL);
			if (n > DPEV_MAX_ARRAY)
				return fail(c, c->base + (open - body),
					    DPEV_ERR_ARRAY_TOO_BIG, -EINVAL);
			arg->count = n;
		}
	}
	/* $comm and immediate strings are strings, and never arrays. */
	if (!strcmp(body, "$comm") || !strcmp(body, "$COMM") ||
	    !strncmp(body, "\\\"", 2)) {
		if (arg->count || (t && strcmp(t, "string")))
			return fail(c, c->base + *type_off,
				    DPEV_ERR_NEED_STRING_TYPE, -EINVAL);
		arg->type = dpev_string_type();
		return 0;
	}
	arg->type = t ? dpev_find_type(t) : dpev_default_type();
	if (!arg->type)
		return fail(c, c->base + *type_off, DPEV_ERR_BAD_TYPE, -EINVAL);
	return 0;
}

/* Without ":TYPE", a BTF-known value takes its C type, as upstream. */
static void btf_default_type(struct arg_compiler *c, struct dpev_arg *arg,
			     const char *body)
{
	const struct dpev_func_proto *proto = c->cmd->proto;
	const char *name = NULL;
	unsigned long n;
	int idx;

	idx = dpev_proto_param(proto, body);
	if (idx >= 0)
		name = proto->types[idx];
	else if (!strcmp(body, "$retval"))
		name = proto->ret_type;
	else if (!strncmp(body, "$arg", 4) && !kstrtoul(body + 4, 10, &n) &&
		 n && n <= min(proto->nr_params, DPEV_BTF_MAX_PARAMS))
		name = proto->types[n - 1];
	if (name && dpev_find_type(name))
		arg->type = dpev_find_type(name);
}

static int compile_body(struct arg_compiler *c, struct dpev_arg *arg,
			const char *text)
{
	struct dpev_def *def = c->def;
	int type_off, ret;
	size_t len = strlen(text);
	char *body, *type;

	if (len > DPEV_MAX_ARGSTR_LEN)
		return fail(c, c->base, DPEV_ERR_ARG_TOO_LONG, -E2BIG);
	if (!len)
		return fail(c, c->base, DPEV_ERR_NO_ARG_BODY, -EINVAL);
	arg->comm = kstrdup(text, GFP_KERNEL);
	body = kstrdup(text, GFP_KERNEL);
	if (!arg->comm || !body) {
		ret = -ENOMEM;
		goto out;
	}
	ret = compile_type(c, arg, body, &type, &type_off);
	if (ret)
		goto out;
	if (!type && c->cmd->proto)
		btf_default_type(c, arg, body);
	ret = compile_expr(c, body);
	if (ret)
		goto out;

	arg->offset = def->args_size;
	arg->size = arg->type->size * (arg->count ? arg->count : 1);
	def->args_size += arg->size;
	if (def->args_size > DPEV_MAX_EVENT_SIZE) {
		ret = fail(c, c->base, DPEV_ERR_EVENT_TOO_BIG, -E2BIG);
		goto out;
	}
	ret = finish_program(c, arg, type, type_off);
	if (ret)
		goto out;
	arg->prog = kmemdup(c->ops, (c->n + 1) * sizeof(c->ops[0]), GFP_KERNEL);
	if (!arg->prog)
		ret = -ENOMEM;
out:
	kfree(body);
	return ret;
}

static bool proto_param_named(struct arg_compiler *c, const char *text)
{
	char name[DPEV_MAX_ARG_NAME_LEN + 1];
	size_t len = strcspn(text, ":");

	if (!c->cmd->proto || len >= sizeof(name))
		return false;
	memcpy(name, text, len);
	name[len] = '\0';
	return dpev_proto_param(c->cmd->proto, name) >= 0;
}

static int compile_name(struct arg_compiler *c, struct dpev_arg *arg,
			unsigned int i, const char *text, const char **body)
{
	const char *eq = strchr(text, '=');
	unsigned int j;

	if (eq) {
		if (eq - text > DPEV_MAX_ARG_NAME_LEN)
			return fail(c, 0, DPEV_ERR_ARG_NAME_TOO_LONG, -EINVAL);
		if (eq == text)
			return fail(c, 0, DPEV_ERR_NO_ARG_NAME, -EINVAL);
		arg->name = kstrndup(text, eq - text, GFP_KERNEL);
		*body = eq + 1;
	} else if (proto_param_named(c, text)) {
		/* A parameter written alone is named after itself. */
		arg->name = kstrndup(text, strcspn(text, ":"), GFP_KERNEL);
		*body = text;
	} else {
		arg->name = kasprintf(GFP_KERNEL, "arg%u", i + 1);
		*body = text;
	}
	if (!arg->name)
		return -ENOMEM;
	if (!dpev_good_name(arg->name, false))
		return fail(c, 0, DPEV_ERR_BAD_ARG_NAME, -EINVAL);
	for (j = 0; j < ARRAY_SIZE(reserved_names); j++)
		if (!strcmp(arg->name, reserved_names[j]))
			return fail(c, 0, DPEV_ERR_USED_ARG_NAME, -EINVAL);
	for (j = 0; j < i; j++)
		if (!strcmp(arg->name, c->def->args[j].name))
			return fail(c, 0, DPEV_ERR_USED_ARG_NAME, -EINVAL);
	c->base = *body - text;
	return 0;
}

void dpev_arg_release(struct dpev_arg *arg)
{
	struct dpev_fetch_op *o;

	if (arg->prog)
		for (o = arg->prog; o->op != DPEV_OP_END; o++)
			kfree(o->data);
	kfree(arg->prog);
	kfree(arg->name);
	kfree(arg->comm);
	memset(arg, 0, sizeof(*arg));
}

/**
 * dpev_compile_arg() - compile argument @i of @def from @text
 * @cmd: the command, with the error token set to this argument
 * @def: the definition; args[0..i-1] are compiled already
 * @i: argument index
 * @text: "[NAME=]EXPR[:TYPE]"
 *
 * Return: 0, or a negative errno with the error logged in @cmd.
 */
int dpev_compile_arg(struct dpev_cmd *cmd, struct dpev_def *def,
		     unsigned int i, const char *text)
{
	struct dpev_arg *arg = &def->args[i];
	struct arg_compiler *c;
	const char *body;
	int ret, k;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->cmd = cmd;
	c->def = def;
	ret = compile_name(c, arg, i, text, &body);
	if (!ret)
		ret = compile_body(c, arg, body);
	if (ret) {
		/* The program was not handed over: free its strings. */
		for (k = 0; k < c->n; k++)
			kfree(c->ops[k].data);
	}
	kfree(c);
	return ret;
}
