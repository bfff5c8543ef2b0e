// SPDX-License-Identifier: GPL-2.0
/*
 * Command parser of dprobe events: one kprobe_events / dynamic_events
 * line into a struct dpev_def (kind, MAXACTIVE, group/event, place and
 * arguments), or into a delete command.
 *
 * The checks run in the order the kprobe_events ABI reports them
 * (kprobe-events-abi.md sections 5, 6 and 12): MAXACTIVE, then the
 * place, then the names, then the arguments left to right.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dpev_parse_internal.h"

/* The error_log messages, verbatim from the ABI (section 13). */
static const char *const err_text[DPEV_ERR_MAX] = {
	[DPEV_ERR_FILE_NOT_FOUND] = "Failed to find the given file",
	[DPEV_ERR_NO_REGULAR_FILE] = "Not a regular file",
	[DPEV_ERR_BAD_REFCNT] = "Invalid reference counter offset",
	[DPEV_ERR_REFCNT_OPEN_BRACE] =
		"Reference counter brace is not closed",
	[DPEV_ERR_BAD_REFCNT_SUFFIX] = "Reference counter has wrong suffix",
	[DPEV_ERR_BAD_UPROBE_OFFS] = "Invalid uprobe offset",
	[DPEV_ERR_BAD_MAXACT_TYPE] = "Maxactive is only for function exit",
	[DPEV_ERR_BAD_MAXACT] = "Invalid maxactive number",
	[DPEV_ERR_MAXACT_TOO_BIG] = "Maxactive is too big",
	[DPEV_ERR_BAD_PROBE_ADDR] = "Invalid probed address or symbol",
	[DPEV_ERR_NON_UNIQ_SYMBOL] = "The symbol is not unique",
	[DPEV_ERR_BAD_RETPROBE] =
		"Retprobe address must be an function entry",
	[DPEV_ERR_NO_TRACEPOINT] = "Tracepoint is not found",
	[DPEV_ERR_BAD_TP_NAME] = "Invalid character in tracepoint name",
	[DPEV_ERR_BAD_ADDR_SUFFIX] = "Invalid probed address suffix",
	[DPEV_ERR_NO_GROUP_NAME] = "Group name is not specified",
	[DPEV_ERR_GROUP_TOO_LONG] = "Group name is too long",
	[DPEV_ERR_BAD_GROUP_NAME] =
		"Group name must follow the same rules as C identifiers",
	[DPEV_ERR_NO_EVENT_NAME] = "Event name is not specified",
	[DPEV_ERR_EVENT_TOO_LONG] = "Event name is too long",
	[DPEV_ERR_BAD_EVENT_NAME] =
		"Event name must follow the same rules as C identifiers",
	[DPEV_ERR_EVENT_EXIST] =
		"Given group/event name is already used by another event",
	[DPEV_ERR_RETVAL_ON_PROBE] = "$retval is not available on probe",
	[DPEV_ERR_NO_RETVAL] = "This function returns 'void' type",
	[DPEV_ERR_BAD_STACK_NUM] = "Invalid stack number",
	[DPEV_ERR_BAD_ARG_NUM] = "Invalid argument number",
	[DPEV_ERR_BAD_VAR] = "Invalid $-variable specified",
	[DPEV_ERR_BAD_REG_NAME] = "Invalid register name",
	[DPEV_ERR_BAD_MEM_ADDR] = "Invalid memory address",
	[DPEV_ERR_BAD_IMM] = "Invalid immediate value",
	[DPEV_ERR_IMMSTR_NO_CLOSE] = "String is not closed with '\"'",
	[DPEV_ERR_FILE_ON_KPROBE] =
		"File offset is not available with kprobe",
	[DPEV_ERR_BAD_FILE_OFFS] = "Invalid file offset value",
	[DPEV_ERR_SYM_ON_UPROBE] = "Symbol is not available with uprobe",
	[DPEV_ERR_TOO_MANY_OPS] = "Dereference is too much nested",
	[DPEV_ERR_DEREF_NEED_BRACE] = "Dereference needs a brace",
	[DPEV_ERR_BAD_DEREF_OFFS] = "Invalid dereference offset",
	[DPEV_ERR_DEREF_OPEN_BRACE] = "Dereference brace is not closed",
	[DPEV_ERR_COMM_CANT_DEREF] = "$comm can not be dereferenced",
	[DPEV_ERR_BAD_FETCH_ARG] = "Invalid fetch argument",
	[DPEV_ERR_ARRAY_NO_CLOSE] = "Array is not closed",
	[DPEV_ERR_BAD_ARRAY_SUFFIX] = "Array has wrong suffix",
	[DPEV_ERR_BAD_ARRAY_NUM] = "Invalid array size",
	[DPEV_ERR_ARRAY_TOO_BIG] = "Array number is too big",
	[DPEV_ERR_BAD_TYPE] = "Unknown type is specified",
	[DPEV_ERR_BAD_STRING] = "String accepts only memory argument",
	[DPEV_ERR_BAD_SYMSTRING] =
		"Symbol String doesn't accept data/userdata",
	[DPEV_ERR_BAD_BITFIELD] = "Invalid bitfield",
	[DPEV_ERR_ARG_NAME_TOO_LONG] = "Argument name is too long",
	[DPEV_ERR_NO_ARG_NAME] = "Argument name is not specified",
	[DPEV_ERR_BAD_ARG_NAME] =
		"Argument name must follow the same rules as C identifiers",
	[DPEV_ERR_USED_ARG_NAME] = "This argument name is already used",
	[DPEV_ERR_ARG_TOO_LONG] = "Argument expression is too long",
	[DPEV_ERR_NO_ARG_BODY] = "No argument expression",
	[DPEV_ERR_BAD_INSN_BNDRY] =
		"Probe point is not an instruction boundary",
	[DPEV_ERR_FAIL_REG_PROBE] = "Failed to register probe event",
	[DPEV_ERR_DIFF_PROBE_TYPE] =
		"Probe type is different from existing probe",
	[DPEV_ERR_DIFF_ARG_TYPE] =
		"Argument type or name is different from existing probe",
	[DPEV_ERR_SAME_PROBE] = "There is already the exact same probe event",
	[DPEV_ERR_NO_EVENT_INFO] =
		"This requires both group and event name to attach",
	[DPEV_ERR_BAD_ATTACH_EVENT] = "Attached event does not exist",
	[DPEV_ERR_BAD_ATTACH_ARG] = "Attached event does not have this field",
	[DPEV_ERR_NO_EP_FILTER] = "No filter rule after 'if'",
	[DPEV_ERR_NOSUP_BTFARG] = "BTF is not available or not supported",
	[DPEV_ERR_NO_BTFARG] =
		"This variable is not found at this probe point",
	[DPEV_ERR_NO_BTF_ENTRY] = "No BTF entry for this probe point",
	[DPEV_ERR_BAD_VAR_ARGS] =
		"$arg* must be an independent parameter without name etc.",
	[DPEV_ERR_NOFENTRY_ARGS] =
		"$arg* can be used only on function entry or exit",
	[DPEV_ERR_DOUBLE_ARGS] =
		"$arg* can be used only once in the parameters",
	[DPEV_ERR_ARGS_2LONG] =
		"$arg* failed because the argument list is too long",
	[DPEV_ERR_ARGIDX_2BIG] = "$argN index is too big",
	[DPEV_ERR_NO_PTR_STRCT] = "This is not a pointer to union/structure.",
	[DPEV_ERR_NOSUP_DAT_ARG] =
		"Non pointer structure/union argument is not supported.",
	[DPEV_ERR_BAD_HYPHEN] = "Failed to parse single hyphen. Forgot '>'?",
	[DPEV_ERR_NO_BTF_FIELD] = "This field is not found.",
	[DPEV_ERR_BAD_BTF_TID] = "Failed to get BTF type info.",
	[DPEV_ERR_BAD_TYPE4STR] = "This type does not fit for string.",
	[DPEV_ERR_NEED_STRING_TYPE] =
		"$comm and immediate-string only accepts string type",
	[DPEV_ERR_EVENT_TOO_BIG] = "Event too big (too many fields?)",
};

const char *dpev_err_text(int code)
{
	if (code < 0 || code >= DPEV_ERR_MAX || !err_text[code])
		return "Unknown error";
	return err_text[code];
}

int dpev_error_pos(int argc, const char *const *argv, int index, int offset)
{
	int i, pos = 0, end = 0;

	for (i = 0; i < argc; i++) {
		if (i == index)
			pos = end;
		end += strlen(argv[i]) + 1;
	}
	if (index >= argc)
		return end;
	/*
	 * An error inside a rewritten %pd/%pD argument may lie past the
	 * written text; keep the caret within the command.
	 */
	return min(pos + offset, end);
}

/* Record the first error of the command; later ones are consequences. */
void dpev_log_err(struct dpev_cmd *cmd, int offset, int code)
{
	struct dpev_error *err = cmd->err;

	if (err->logged)
		return;
	err->logged = true;
	err->code = code;
	err->pos = dpev_error_pos(cmd->argc, (const char *const *)cmd->argv,
				  cmd->index, offset);
}

/* C identifiers; group names may also contain '-'. */
bool dpev_good_name(const char *name, bool is_group)
{
	const char *p;

	if (!isalpha(*name) && *name != '_' && !(is_group && *name == '-'))
		return false;
	for (p = name + 1; *p; p++)
		if (!isalnum(*p) && *p != '_' && !(is_group && *p == '-'))
			return false;
	return true;
}

/*
 * Split @line at white space, dropping a '#' comment. The tokens live in
 * *@bufp; both allocations are the caller's to free.
 */
static int split_line(const char *line, char **bufp, char ***argvp,
		      int *argcp)
{
	char *buf, *p, **argv;
	int argc = 0;

	buf = kstrdup(line, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	p = strchr(buf, '#');
	if (p)
		*p = '\0';
	/* At most one token per two characters, plus the NULL. */
	argv = kcalloc(strlen(buf) / 2 + 2, sizeof(*argv), GFP_KERNEL);
	if (!argv) {
		kfree(buf);
		return -ENOMEM;
	}
	for (p = buf; *p;) {
		while (isspace(*p))
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && !isspace(*p))
			p++;
	}
	*bufp = buf;
	*argvp = argv;
	*argcp = argc;
	return 0;
}

int dpev_command_text(const char *line, struct seq_buf *s)
{
	char *buf, **argv;
	int argc, i, ret;

	ret = split_line(line, &buf, &argv, &argc);
	if (ret)
		return ret;
	for (i = 0; i < argc; i++)
		seq_buf_printf(s, "%s%s", i ? " " : "", argv[i]);
	kfree(argv);
	kfree(buf);
	return 0;
}

static int parse_maxactive(struct dpev_cmd *cmd, struct dpev_def *def,
			   const char *event)
{
	const char *digits = cmd->argv[0] + 1;
	char num[DPEV_MAX_NAME_LEN];
	size_t len;

	if (!isdigit(*digits))
		return 0;
	if (!def->is_return)
		goto bad_type;
	len = event ? event - digits - 1 : strlen(digits);
	if (len > DPEV_MAX_NAME_LEN - 1)
		goto bad;
	memcpy(num, digits, len);
	num[len] = '\0';
	if (kstrtouint(num, 0, &def->maxactive) || !def->maxactive)
		goto bad;
	if (def->maxactive > DPEV_MAXACTIVE_MAX) {
		dpev_log_err(cmd, 1, DPEV_ERR_MAXACT_TOO_BIG);
		return -EINVAL;
	}
	return 0;
bad_type:
	dpev_log_err(cmd, 1, DPEV_ERR_BAD_MAXACT_TYPE);
	return -EINVAL;
bad:
	dpev_log_err(cmd, 1, DPEV_ERR_BAD_MAXACT);
	return -EINVAL;
}

static int check_symbol(const struct dpev_symbol_ops *ops, const char *sym)
{
	return ops->check ? ops->check(ops->priv, sym) : 0;
}

static int check_func_entry(const struct dpev_symbol_ops *ops,
			    const char *sym, unsigned long offset)
{
	if (ops->func_entry)
		return ops->func_entry(ops->priv, sym, offset);
	return offset ? -EINVAL : 0;
}

/* [MOD:]SYM[+OFFS][%return] or MEMADDR, token 1. */
static int parse_place(struct dpev_cmd *cmd, struct dpev_def *def)
{
	const struct dpev_symbol_ops *syms = &cmd->env->syms;
	const char *place = cmd->argv[1];
	char *sym, *p;
	long offset = 0;
	int ret;

	if (!kstrtoul(place, 0, &def->addr))
		return 0;
	cmd->index = 1;
	if (strchr(place, '/') && strchr(place, ':'))
		return -ECANCELED;	/* a uprobe */
	sym = kstrdup(place, GFP_KERNEL);
	if (!sym)
		return -ENOMEM;
	def->symbol = sym;
	p = strchr(sym, '%');
	if (p) {
		if (strcmp(p, "%return")) {
			dpev_log_err(cmd, p - sym, DPEV_ERR_BAD_ADDR_SUFFIX);
			return -EINVAL;
		}
		*p = '\0';
		def->is_return = true;
	}
	p = strpbrk(sym, "+-");
	if (p) {
		if (kstrtol(p, 0, &offset) || offset < 0 || offset > UINT_MAX)
			goto bad_addr;
		*p = '\0';
	}
	def->offset = offset;
	if (!*sym)
		goto bad_addr;	/* no symbol has an empty name */
	ret = check_symbol(syms, sym);
	if (ret == -EADDRNOTAVAIL) {
		dpev_log_err(cmd, 0, DPEV_ERR_NON_UNIQ_SYMBOL);
		return -EINVAL;
	}
	if (ret)
		goto bad_addr;
	ret = check_func_entry(syms, sym, offset);
	if (!ret && !def->is_return)
		def->func_entry = true;
	if (ret == -EINVAL && def->is_return) {
		dpev_log_err(cmd, 0, DPEV_ERR_BAD_RETPROBE);
		return -EINVAL;
	}
	return 0;
bad_addr:
	dpev_log_err(cmd, 0, DPEV_ERR_BAD_PROBE_ADDR);
	return -EINVAL;
}

/* "[GRP/]EVENT" after the ':' of token 0; '.' separates if '/' is absent. */
static int parse_names(struct dpev_cmd *cmd, struct dpev_def *def,
		       const char *event)
{
	int offset = event - cmd->argv[0];
	const char *sep = strchr(event, '/');
	size_t len;

	if (!sep)
		sep = strchr(event, '.');
	if (sep) {
		if (sep == event) {
			dpev_log_err(cmd, offset, DPEV_ERR_NO_GROUP_NAME);
			return -EINVAL;
		}
		if (sep - event > DPEV_MAX_NAME_LEN - 1) {
			dpev_log_err(cmd, offset, DPEV_ERR_GROUP_TOO_LONG);
			return -EINVAL;
		}
		memcpy(def->group, event, sep - event);
		def->group[sep - event] = '\0';
		if (!dpev_good_name(def->group, true)) {
			dpev_log_err(cmd, offset, DPEV_ERR_BAD_GROUP_NAME);
			return -EINVAL;
		}
		offset += sep - event + 1;
		event = sep + 1;
	}
	len = strlen(event);
	if (!len) {
		if (sep)
			return 0;	/* an automatic name inside GRP */
		dpev_log_err(cmd, offset, DPEV_ERR_NO_EVENT_NAME);
		return -EINVAL;
	}
	if (len > DPEV_MAX_NAME_LEN - 1) {
		dpev_log_err(cmd, offset, DPEV_ERR_EVENT_TOO_LONG);
		return -EINVAL;
	}
	if (!dpev_good_name(event, false)) {
		dpev_log_err(cmd, offset, DPEV_ERR_BAD_EVENT_NAME);
		return -EINVAL;
	}
	strscpy(def->event, event, sizeof(def->event));
	return 0;
}

/* "p_SYM_OFFS" / "r_0x<addr>" with ':', '.' and '*' made '_'. */
static void auto_name(struct dpev_def *def)
{
	char *p = def->event;
	char kind = def->is_return ? 'r' : 'p';

	if (def->symbol) {
		snprintf(def->event, sizeof(def->event), "%c_%s_%lu", kind,
			 def->symbol, def->offset);
	} else {
		def->event[0] = kind;
		def->event[1] = '_';
		dpev_format_addr(def->event + 2, sizeof(def->event) - 2,
				 def->addr);
	}
	while (*++p)
		if (*p == ':' || *p == '.' || *p == '*')
			*p = '_';
}

/*
 * The ABI's checks of every "$arg..." token; "$arg*" also needs the BTF
 * prototype of the function.
 */
static int check_meta_args(struct dpev_cmd *cmd, struct dpev_def *def)
{
	bool star = false;
	const char *a;
	int i;

	for (i = 2; i < cmd->argc; i++) {
		a = cmd->argv[i];
		if (strncmp(a, "$arg", 4))
			continue;
		cmd->index = i;
		if (!def->func_entry && !def->is_return) {
			dpev_log_err(cmd, 0, DPEV_ERR_NOFENTRY_ARGS);
			return -EINVAL;
		}
		if (isdigit(a[4]))
			continue;
		if (a[4] != '*') {
			dpev_log_err(cmd, 0, DPEV_ERR_BAD_VAR);
			return -EINVAL;
		}
		if (star) {
			dpev_log_err(cmd, 0, DPEV_ERR_DOUBLE_ARGS);
			return -EINVAL;
		}
		star = true;
	}
	if (star && !(cmd->proto && cmd->proto->nr_params)) {
		dpev_log_err(cmd, 0, DPEV_ERR_NOSUP_BTFARG);
		return -EOPNOTSUPP;
	}
	return 0;
}

/* The BTF prototype of the probed function, where $argN has a meaning. */
static struct dpev_func_proto *lookup_proto(struct dpev_cmd *cmd,
					    const struct dpev_def *def)
{
	const struct dpev_symbol_ops *syms = &cmd->env->syms;
	struct dpev_func_proto *proto;

	if (!syms->func_proto || !def->symbol ||
	    (!def->func_entry && !def->is_return))
		return NULL;
	proto = kzalloc(sizeof(*proto), GFP_KERNEL);
	if (proto && syms->func_proto(syms->priv, def->symbol, proto)) {
		kfree(proto);
		proto = NULL;
	}
	return proto;
}

/**
 * dpev_proto_param() - index of parameter @name in a BTF prototype
 * @proto: the prototype, or NULL
 * @name: a parameter name
 *
 * Return: the 0-based index, or -1 if there is no such parameter.
 */
int dpev_proto_param(const struct dpev_func_proto *proto,
		     const char *name)
{
	unsigned int i;

	if (!proto)
		return -1;
	for (i = 0; i < min(proto->nr_params, DPEV_BTF_MAX_PARAMS); i++)
		if (!strcmp(proto->names[i], name))
			return i;
	return -1;
}

/*
 * With a prototype, "$arg*" becomes one argument per parameter and a bare
 * "$argN" becomes its parameter's name. @tok maps each resulting argument
 * to the token it came from, for carets.
 */
static int expand_btf_args(struct dpev_cmd *cmd, const char ***argsp,
			   int *nargsp, int *tok)
{
	const struct dpev_func_proto *proto = cmd->proto;
	unsigned int np = min(proto->nr_params, DPEV_BTF_MAX_PARAMS);
	const char **in = *argsp, **out;
	int i, n = 0, j;
	unsigned long num;

	out = kcalloc(*nargsp + np, sizeof(*out), GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	for (i = 0; i < *nargsp; i++) {
		const char *a = in[i];

		if (!strcmp(a, "$arg*")) {
			for (j = 0; j < (int)np && n <= DPEV_MAX_ARGS; j++) {
				tok[n] = i + 2;
				out[n++] = proto->names[j];
			}
			continue;
		}
		if (!strncmp(a, "$arg", 4) && isdigit(a[4]) &&
		    !kstrtoul(a + 4, 10, &num) && num) {
			if (num > proto->nr_params) {
				cmd->index = i + 2;
				dpev_log_err(cmd, 0, DPEV_ERR_NO_BTFARG);
				kfree(out);
				return -ENOENT;
			}
			if (num <= np)
				a = proto->names[num - 1];
		}
		if (n <= DPEV_MAX_ARGS) {
			tok[n] = i + 2;
			out[n++] = a;
		}
	}
	kfree(in);
	*argsp = out;
	*nargsp = n;
	return n > DPEV_MAX_ARGS ? -E2BIG : 0;
}

static bool is_dentry_arg(const char *a)
{
	size_t len = strlen(a);

	return len >= 4 && !strncmp(a + len - 4, ":%p", 3) &&
	       (a[len - 1] == 'd' || a[len - 1] == 'D');
}

/*
 * "X:%pd" and "X:%pD" are the file name of a dentry or file: rewrite them
 * to the equivalent dereference chains, keeping "NAME=". The rewritten
 * texts live in *@bufp.
 */
static int expand_dentry_args(struct dpev_cmd *cmd, const char **args,
			      int nargs, char **bufp)
{
	const struct dpev_parse_env *env = cmd->env;
	const char *a, *eq, *val;
	int i, used = 0, n, nlen;
	size_t vlen;
	char *buf;

	for (i = 0; i < nargs; i++) {
		a = args[i];
		if (!is_dentry_arg(a))
			continue;
		if (!*bufp) {
			*bufp = kmalloc(DPEV_DENTRY_BUF_LEN, GFP_KERNEL);
			if (!*bufp)
				return -ENOMEM;
		}
		buf = *bufp + used;
		eq = strchr(a, '=');
		nlen = eq ? eq - a + 1 : 0;
		val = eq ? eq + 1 : a;
		vlen = strlen(a) - 4 - (val - a);
		if (a[strlen(a) - 1] == 'd')
			n = snprintf(buf, DPEV_DENTRY_BUF_LEN - used,
				     "%.*s+0x0(+0x%x(%.*s)):string", nlen, a,
				     env->dentry_name_offset, (int)vlen, val);
		else
			n = snprintf(buf, DPEV_DENTRY_BUF_LEN - used,
				     "%.*s+0x0(+0x%x(+0x%x(%.*s))):string",
				     nlen, a, env->dentry_name_offset,
				     env->file_dentry_offset, (int)vlen, val);
		if (n >= DPEV_DENTRY_BUF_LEN - used)
			return -ENOMEM;
		args[i] = buf;
		used += n + 1;
	}
	return 0;
}

static int parse_args(struct dpev_cmd *cmd, struct dpev_def *def)
{
	int nargs = cmd->argc - 2, i, ret;
	int tok[DPEV_MAX_ARGS + 1];
	const char **args = NULL;
	char *dbuf = NULL;

	cmd->proto = lookup_proto(cmd, def);
	ret = check_meta_args(cmd, def);
	if (ret)
		goto out;
	ret = -E2BIG;	/* the ABI logs nothing here */
	if (nargs > DPEV_MAX_ARGS)
		goto out;
	ret = 0;
	if (!nargs)
		goto out;
	for (i = 0; i < nargs; i++)
		tok[i] = i + 2;
	args = kmemdup(cmd->argv + 2, nargs * sizeof(*args), GFP_KERNEL);
	ret = -ENOMEM;
	if (!args)
		goto out;
	ret = cmd->proto ? expand_btf_args(cmd, &args, &nargs, tok) : 0;
	if (ret)
		goto out;
	def->args = kcalloc(nargs, sizeof(*def->args), GFP_KERNEL);
	ret = def->args ? expand_dentry_args(cmd, args, nargs, &dbuf) : -ENOMEM;
	for (i = 0; !ret && i < nargs; i++) {
		cmd->index = tok[i];
		def->nr_args = i + 1;
		ret = dpev_compile_arg(cmd, def, i, args[i]);
	}
out:
	kfree(cmd->proto);
	cmd->proto = NULL;
	kfree(dbuf);
	kfree(args);
	return ret;
}

static int parse_def(struct dpev_cmd *cmd, struct dpev_def *def)
{
	const char *event = strchr(cmd->argv[0] + 1, ':');
	int ret;

	def->is_return = cmd->argv[0][0] == 'r';
	if (event)
		event++;
	ret = parse_maxactive(cmd, def, event);
	if (!ret)
		ret = parse_place(cmd, def);
	if (ret)
		return ret;
	cmd->index = 0;
	strscpy(def->group, DPEV_DEFAULT_GROUP, sizeof(def->group));
	if (event) {
		ret = parse_names(cmd, def, event);
		if (ret)
			return ret;
	}
	if (!def->event[0])
		auto_name(def);
	return parse_args(cmd, def);
}

int dpev_parse_def(const char *line, const struct dpev_parse_env *env,
		   struct dpev_def **defp, struct dpev_error *err)
{
	struct dpev_cmd cmd = { .env = env, .err = err };
	struct dpev_def *def = NULL;
	char *buf;
	int ret;

	memset(err, 0, sizeof(*err));
	*defp = NULL;
	if (strlen(line) > DPEV_MAX_LINE_LEN)
		return -EINVAL;
	ret = split_line(line, &buf, &cmd.argv, &cmd.argc);
	if (ret)
		return ret;
	if (!cmd.argc)
		goto out;	/* empty or comment only */
	ret = -ECANCELED;
	if ((cmd.argv[0][0] != 'p' && cmd.argv[0][0] != 'r') || cmd.argc < 2)
		goto out;
	def = kzalloc(sizeof(*def), GFP_KERNEL);
	if (!def) {
		ret = -ENOMEM;
		goto out;
	}
	ret = parse_def(&cmd, def);
	if (ret) {
		dpev_def_free(def);
		def = NULL;
	}
	*defp = def;
out:
	kfree(cmd.argv);
	kfree(buf);
	return ret;
}

void dpev_def_free(struct dpev_def *def)
{
	unsigned int i;

	if (!def)
		return;
	for (i = 0; i < def->nr_args; i++)
		dpev_arg_release(&def->args[i]);
	kfree(def->args);
	kfree(def->entry_args);
	kfree(def->symbol);
	kfree(def);
}

int dpev_def_resolve(struct dpev_def *def,
		     const struct dpev_symbol_ops *syms)
{
	struct dpev_fetch_op *o;
	unsigned long addr;
	unsigned int i;
	long offset;
	char *sep, c;

	for (i = 0; i < def->nr_args; i++) {
		for (o = def->args[i].prog; o->op != DPEV_OP_END; o++) {
			if (o->op != DPEV_OP_SYMBOL)
				continue;
			offset = 0;
			sep = strpbrk(o->data, "+-");
			if (sep && kstrtol(sep, 0, &offset))
				return -EINVAL;
			c = sep ? *sep : '\0';
			if (sep)
				*sep = '\0';
			addr = syms->lookup ? syms->lookup(syms->priv, o->data)
					    : 0;
			if (sep)
				*sep = c;
			if (!addr)
				return -ENOENT;
			o->imm = addr + offset;
		}
	}
	return 0;
}

