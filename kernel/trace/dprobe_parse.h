/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parser of kprobe_events / dynamic_events command lines for dprobe
 * events: turns one line into a definition (kind, group/event, place and
 * compiled arguments), reports errors with the ABI's error codes and caret
 * positions, and formats definitions back (listing, print fmt, fields).
 *
 * Everything here is free of side effects on the kernel: symbol questions
 * go through struct dprobe_symbol_ops, so the same code runs in the host
 * unit tests.
 */
#ifndef _KERNEL_TRACE_DPROBE_PARSE_H
#define _KERNEL_TRACE_DPROBE_PARSE_H

#include <linux/types.h>
#include <linux/seq_buf.h>

#include "dprobe_fetch.h"

#define DPROBE_MAX_ARGS		128	/* arguments per probe */
#define DPROBE_MAX_ARGSTR_LEN	63	/* expression after NAME= */
#define DPROBE_MAX_ARG_NAME_LEN	32
#define DPROBE_MAX_NAME_LEN	64	/* group or event, NUL included */
#define DPROBE_MAX_EVENT_SIZE	3072	/* fixed argument bytes per record */
#define DPROBE_MAX_LINE_LEN	4094	/* one command line */
#define DPROBE_MAXACTIVE_MAX	4096
#define DPROBE_DENTRY_BUF_LEN	256	/* all %pd/%pD rewrites of a line */
#define DPROBE_DEFAULT_GROUP	"kprobes"
#define DPROBE_LOG_SUBSYSTEM	"trace_kprobe"

/*
 * Error codes: the same names and numbers as the ABI's error table
 * (kprobe-events-abi.md section 13), so messages and tools line up.
 */
#define DPROBE_ERRORS(E)						\
	E(FILE_NOT_FOUND,	"Failed to find the given file"),	\
	E(NO_REGULAR_FILE,	"Not a regular file"),			\
	E(BAD_REFCNT,		"Invalid reference counter offset"),	\
	E(REFCNT_OPEN_BRACE,	"Reference counter brace is not closed"), \
	E(BAD_REFCNT_SUFFIX,	"Reference counter has wrong suffix"),	\
	E(BAD_UPROBE_OFFS,	"Invalid uprobe offset"),		\
	E(BAD_MAXACT_TYPE,	"Maxactive is only for function exit"),	\
	E(BAD_MAXACT,		"Invalid maxactive number"),		\
	E(MAXACT_TOO_BIG,	"Maxactive is too big"),		\
	E(BAD_PROBE_ADDR,	"Invalid probed address or symbol"),	\
	E(NON_UNIQ_SYMBOL,	"The symbol is not unique"),		\
	E(BAD_RETPROBE,		"Retprobe address must be an function entry"), \
	E(NO_TRACEPOINT,	"Tracepoint is not found"),		\
	E(BAD_TP_NAME,		"Invalid character in tracepoint name"), \
	E(BAD_ADDR_SUFFIX,	"Invalid probed address suffix"),	\
	E(NO_GROUP_NAME,	"Group name is not specified"),		\
	E(GROUP_TOO_LONG,	"Group name is too long"),		\
	E(BAD_GROUP_NAME,	"Group name must follow the same rules as C identifiers"), \
	E(NO_EVENT_NAME,	"Event name is not specified"),		\
	E(EVENT_TOO_LONG,	"Event name is too long"),		\
	E(BAD_EVENT_NAME,	"Event name must follow the same rules as C identifiers"), \
	E(EVENT_EXIST,		"Given group/event name is already used by another event"), \
	E(RETVAL_ON_PROBE,	"$retval is not available on probe"),	\
	E(NO_RETVAL,		"This function returns 'void' type"),	\
	E(BAD_STACK_NUM,	"Invalid stack number"),		\
	E(BAD_ARG_NUM,		"Invalid argument number"),		\
	E(BAD_VAR,		"Invalid $-variable specified"),	\
	E(BAD_REG_NAME,		"Invalid register name"),		\
	E(BAD_MEM_ADDR,		"Invalid memory address"),		\
	E(BAD_IMM,		"Invalid immediate value"),		\
	E(IMMSTR_NO_CLOSE,	"String is not closed with '\"'"),	\
	E(FILE_ON_KPROBE,	"File offset is not available with kprobe"), \
	E(BAD_FILE_OFFS,	"Invalid file offset value"),		\
	E(SYM_ON_UPROBE,	"Symbol is not available with uprobe"),	\
	E(TOO_MANY_OPS,		"Dereference is too much nested"),	\
	E(DEREF_NEED_BRACE,	"Dereference needs a brace"),		\
	E(BAD_DEREF_OFFS,	"Invalid dereference offset"),		\
	E(DEREF_OPEN_BRACE,	"Dereference brace is not closed"),	\
	E(COMM_CANT_DEREF,	"$comm can not be dereferenced"),	\
	E(BAD_FETCH_ARG,	"Invalid fetch argument"),		\
	E(ARRAY_NO_CLOSE,	"Array is not closed"),			\
	E(BAD_ARRAY_SUFFIX,	"Array has wrong suffix"),		\
	E(BAD_ARRAY_NUM,	"Invalid array size"),			\
	E(ARRAY_TOO_BIG,	"Array number is too big"),		\
	E(BAD_TYPE,		"Unknown type is specified"),		\
	E(BAD_STRING,		"String accepts only memory argument"),	\
	E(BAD_SYMSTRING,	"Symbol String doesn't accept data/userdata"), \
	E(BAD_BITFIELD,		"Invalid bitfield"),			\
	E(ARG_NAME_TOO_LONG,	"Argument name is too long"),		\
	E(NO_ARG_NAME,		"Argument name is not specified"),	\
	E(BAD_ARG_NAME,		"Argument name must follow the same rules as C identifiers"), \
	E(USED_ARG_NAME,	"This argument name is already used"),	\
	E(ARG_TOO_LONG,		"Argument expression is too long"),	\
	E(NO_ARG_BODY,		"No argument expression"),		\
	E(BAD_INSN_BNDRY,	"Probe point is not an instruction boundary"), \
	E(FAIL_REG_PROBE,	"Failed to register probe event"),	\
	E(DIFF_PROBE_TYPE,	"Probe type is different from existing probe"), \
	E(DIFF_ARG_TYPE,	"Argument type or name is different from existing probe"), \
	E(SAME_PROBE,		"There is already the exact same probe event"), \
	E(NO_EVENT_INFO,	"This requires both group and event name to attach"), \
	E(BAD_ATTACH_EVENT,	"Attached event does not exist"),	\
	E(BAD_ATTACH_ARG,	"Attached event does not have this field"), \
	E(NO_EP_FILTER,		"No filter rule after 'if'"),		\
	E(NOSUP_BTFARG,		"BTF is not available or not supported"), \
	E(NO_BTFARG,		"This variable is not found at this probe point"), \
	E(NO_BTF_ENTRY,		"No BTF entry for this probe point"),	\
	E(BAD_VAR_ARGS,		"$arg* must be an independent parameter without name etc."), \
	E(NOFENTRY_ARGS,	"$arg* can be used only on function entry or exit"), \
	E(DOUBLE_ARGS,		"$arg* can be used only once in the parameters"), \
	E(ARGS_2LONG,		"$arg* failed because the argument list is too long"), \
	E(ARGIDX_2BIG,		"$argN index is too big"),		\
	E(NO_PTR_STRCT,		"This is not a pointer to union/structure."), \
	E(NOSUP_DAT_ARG,	"Non pointer structure/union argument is not supported."), \
	E(BAD_HYPHEN,		"Failed to parse single hyphen. Forgot '>'?"), \
	E(NO_BTF_FIELD,		"This field is not found."),		\
	E(BAD_BTF_TID,		"Failed to get BTF type info."),	\
	E(BAD_TYPE4STR,		"This type does not fit for string."),	\
	E(NEED_STRING_TYPE,	"$comm and immediate-string only accepts string type"), \
	E(EVENT_TOO_BIG,	"Event too big (too many fields?)")

#define DPROBE_ERR_ENUM(name, text)	DPROBE_ERR_##name
enum dprobe_err {
	DPROBE_ERRORS(DPROBE_ERR_ENUM),
	DPROBE_ERR_MAX
};
#undef DPROBE_ERR_ENUM

/**
 * dprobe_err_text() - the error_log message of an error code
 * @code: an enum dprobe_err value
 *
 * Return: the message, or "Unknown error" for an invalid code.
 */
const char *dprobe_err_text(int code);

/**
 * struct dprobe_error - where a command failed, for error_log
 * @logged: an entry must be written to error_log
 * @code: enum dprobe_err value
 * @pos: caret column within the command re-joined by single spaces
 */
struct dprobe_error {
	bool logged;
	int code;
	int pos;
};

/**
 * dprobe_error_pos() - caret column of an error at a token offset
 * @argc: number of tokens of the command
 * @argv: the tokens
 * @index: token the error is in
 * @offset: offset inside that token
 *
 * For errors found outside the parser (registration, append rules).
 *
 * Return: the column in the re-joined command; one past its end when
 * @index is not a token.
 */
int dprobe_error_pos(int argc, const char *const *argv, int index, int offset);

/**
 * struct dprobe_symbol_ops - the kernel's answers about symbols
 * @check: is @sym ("SYM" or "MOD:SYM") a probe-able unique symbol?
 *	0 if unique (or if MOD is not loaded, to register later),
 *	-ENOENT if not found, -EADDRNOTAVAIL if it has several matches.
 * @func_entry: is @sym + @offset a function entry? 0 if it is, -EINVAL if
 *	not, -ENOENT if the symbol cannot be found (yet).
 * @lookup: address of symbol @sym for @SYM arguments, 0 if unknown.
 * @priv: passed to the callbacks
 *
 * Any callback may be NULL: then every symbol is unique, is a function
 * entry at offset 0 only, and cannot be looked up.
 */
struct dprobe_symbol_ops {
	int (*check)(void *priv, const char *sym);
	int (*func_entry)(void *priv, const char *sym, unsigned long offset);
	unsigned long (*lookup)(void *priv, const char *sym);
	void *priv;
};

/**
 * struct dprobe_parse_env - target facts the parser needs
 * @syms: symbol callbacks
 * @dentry_name_offset: offsetof(struct dentry, d_name.name), for %pd
 * @file_dentry_offset: offsetof(struct file, f_path.dentry), for %pD
 * @max_stack_index: largest N of $stackN and $argN (THREAD_SIZE / long)
 */
struct dprobe_parse_env {
	struct dprobe_symbol_ops syms;
	unsigned int dentry_name_offset;
	unsigned int file_dentry_offset;
	unsigned int max_stack_index;
};

/**
 * struct dprobe_arg - one compiled fetch argument
 * @name: field name
 * @comm: the expression as written after NAME= (listed and matched)
 * @type: element type
 * @count: array length, 0 for a scalar
 * @offset: offset of the field from the start of the argument area
 * @size: bytes of the field (element size times count)
 * @prog: the fetch program, ending with END (kmalloc()ed)
 */
struct dprobe_arg {
	char *name;
	char *comm;
	const struct dprobe_type *type;
	unsigned int count;
	unsigned int offset;
	unsigned int size;
	struct dprobe_fetch_op *prog;
};

/**
 * struct dprobe_def - one parsed probe definition
 * @is_return: return probe ("r", or "p" with SYM%return)
 * @maxactive: MAXACTIVE of "rN", 0 for the default
 * @group: group name
 * @event: event name (given or generated)
 * @symbol: "SYM" or "MOD:SYM" without offset, NULL for an address
 * @offset: offset from @symbol
 * @addr: probed address when @symbol is NULL
 * @func_entry: the probe is at a function entry (enables $argN)
 * @nr_args: number of arguments
 * @args: the arguments
 * @args_size: bytes of the fixed argument area of a record
 * @nr_entry_args: $argN values a return probe saves at function entry
 * @entry_args: 0-based argument numbers to save, in slot order
 */
struct dprobe_def {
	bool is_return;
	unsigned int maxactive;
	char group[DPROBE_MAX_NAME_LEN];
	char event[DPROBE_MAX_NAME_LEN];
	char *symbol;
	unsigned long offset;
	unsigned long addr;
	bool func_entry;
	unsigned int nr_args;
	struct dprobe_arg *args;
	unsigned int args_size;
	unsigned int nr_entry_args;
	unsigned int *entry_args;
};

/**
 * dprobe_parse_def() - parse one probe definition line
 * @line: the command, one line (a '#' comment is ignored)
 * @env: symbol callbacks and target facts
 * @defp: set to the new definition on success
 * @err: error_log information, filled on failure
 *
 * Accepts "p[:[GRP/][EVENT]] PLACE [ARGS]" and "r[MAXACTIVE]...". Symbols
 * of @SYM arguments are not resolved here: see dprobe_def_resolve().
 *
 * Return: 0 and *@defp set; -ECANCELED if the line is not a p/r
 * definition (another dynamic event type may take it, and no error is
 * logged); -EINVAL, -E2BIG, -EOPNOTSUPP or -ENOMEM on error, with @err
 * telling whether and where to log it.
 */
int dprobe_parse_def(const char *line, const struct dprobe_parse_env *env,
		     struct dprobe_def **defp, struct dprobe_error *err);

/**
 * dprobe_def_free() - free a definition from dprobe_parse_def()
 * @def: the definition, or NULL
 */
void dprobe_def_free(struct dprobe_def *def);

/**
 * dprobe_def_resolve() - resolve the @SYM arguments of a definition
 * @def: the definition
 * @syms: symbol callbacks (only @lookup is used)
 *
 * Called at registration, and again when a module arrives.
 *
 * Return: 0, or -ENOENT when a symbol is unknown (log BAD_PROBE_ADDR at
 * token 1).
 */
int dprobe_def_resolve(struct dprobe_def *def,
		       const struct dprobe_symbol_ops *syms);

/**
 * struct dprobe_delete - a parsed delete command
 * @group: group to match, NULL for any group
 * @event: event to match, "" for any event of @group
 * @argc: number of tokens after the first (place, then NAME=EXPR)
 * @argv: those tokens
 * @buf: storage for the strings above
 */
struct dprobe_delete {
	const char *group;
	const char *event;
	int argc;
	char **argv;
	char *buf;
};

/**
 * dprobe_parse_delete() - parse "-:[GRP/][EVENT] [PLACE [NAME=EXPR ...]]"
 * @line: the command; "!" followed by a definition is accepted too, as
 *	dynamic_events does
 * @del: filled on success; release with dprobe_delete_release()
 *
 * Return: 0, -EINVAL for a malformed command, -ENOMEM.
 */
int dprobe_parse_delete(const char *line, struct dprobe_delete *del);

/**
 * dprobe_delete_release() - free what dprobe_parse_delete() allocated
 * @del: the delete command
 */
void dprobe_delete_release(struct dprobe_delete *del);

/**
 * dprobe_def_matches() - does a delete command select this probe
 * @def: a registered definition
 * @del: the delete command
 *
 * Return: true if group, event, place and the listed arguments match.
 */
bool dprobe_def_matches(const struct dprobe_def *def,
			const struct dprobe_delete *del);

/**
 * dprobe_def_format() - the definition as listed in kprobe_events
 * @def: the definition
 * @s: output; the line is written without the trailing newline
 */
void dprobe_def_format(const struct dprobe_def *def, struct seq_buf *s);

/**
 * dprobe_def_place() - the place as listed: "SYM", "SYM+OFF" or "0x..."
 * @def: the definition
 * @s: output
 */
void dprobe_def_place(const struct dprobe_def *def, struct seq_buf *s);

/**
 * dprobe_def_print_fmt() - the "print fmt" of the event's format file
 * @def: the definition
 *
 * Return: a kmalloc()ed string, or NULL when out of memory.
 */
char *dprobe_def_print_fmt(const struct dprobe_def *def);

/**
 * struct dprobe_field - one field of the event record
 * @type: type as registered with the event ("u64", "u8[4]", ...)
 * @name: field name
 * @offset: offset in the record
 * @size: bytes
 * @is_signed: signed integer
 */
struct dprobe_field {
	const char *type;
	const char *name;
	unsigned int offset;
	unsigned int size;
	bool is_signed;
};

/* Record header (common fields) size on 64-bit kernels. */
#define DPROBE_RECORD_HEADER_SIZE	8

/**
 * dprobe_def_nr_fields() - number of event fields, probe header included
 * @def: the definition
 *
 * Return: 1 + nr_args for kprobes (__probe_ip), 2 + nr_args for
 * kretprobes (__probe_func, __probe_ret_ip).
 */
unsigned int dprobe_def_nr_fields(const struct dprobe_def *def);

/**
 * dprobe_def_field() - describe one event field
 * @def: the definition
 * @i: field index, below dprobe_def_nr_fields()
 * @buf: room for an array type name ("u8[64]", "__data_loc char[][64]")
 * @len: size of @buf
 * @f: filled with the description; strings point into @def or @buf
 */
void dprobe_def_field(const struct dprobe_def *def, unsigned int i,
		      char *buf, size_t len, struct dprobe_field *f);

/**
 * dprobe_def_header_size() - bytes of the probe header after the common
 * fields (the instruction pointer, or function and return addresses)
 * @def: the definition
 *
 * Return: offset of the argument area from the end of the common fields.
 */
static inline unsigned int dprobe_def_header_size(const struct dprobe_def *def)
{
	return def->is_return ? 2 * sizeof(unsigned long) :
				sizeof(unsigned long);
}

/**
 * dprobe_format_field_line() - a field line as the format file shows it
 * @f: the field
 * @s: output, "\tfield:TYPE NAME;\toffset:N;\tsize:N;\tsigned:N;"
 */
void dprobe_format_field_line(const struct dprobe_field *f,
			      struct seq_buf *s);

/**
 * dprobe_print_args() - the " name=value" part of a trace line
 * @def: the definition
 * @s: output
 * @args: the argument area of the record
 * @rec: the start of the record
 * @rec_len: bytes of the record
 */
void dprobe_print_args(const struct dprobe_def *def, struct seq_buf *s,
		       const void *args, const void *rec,
		       unsigned int rec_len);

/**
 * dprobe_def_compare_args() - append rule: do two probes' arguments agree
 * @a: existing probe of the event
 * @b: new probe
 *
 * Return: 0 if count, names, types and array sizes match; otherwise
 * the 1-based index of the first differing argument (DIFF_ARG_TYPE is
 * logged at token 1 + that index).
 */
unsigned int dprobe_def_compare_args(const struct dprobe_def *a,
				     const struct dprobe_def *b);

/**
 * dprobe_def_same_probe() - append rule: is @b the exact same probe as @a
 * @a: existing probe of the event
 * @b: new probe
 *
 * Return: true if place and every argument expression are the same
 * (SAME_PROBE).
 */
bool dprobe_def_same_probe(const struct dprobe_def *a,
			   const struct dprobe_def *b);

/**
 * dprobe_save_entry_args() - save $argN values at function entry
 * @def: a return probe definition
 * @regs: registers at the function entry
 * @buf: def->nr_entry_args words
 */
void dprobe_save_entry_args(const struct dprobe_def *def,
			    struct pt_regs *regs, unsigned long *buf);

#endif /* _KERNEL_TRACE_DPROBE_PARSE_H */
