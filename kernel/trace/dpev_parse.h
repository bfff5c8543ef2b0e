/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parser of kprobe_events / dynamic_events command lines for dprobe
 * events: turns one line into a definition (kind, group/event, place and
 * compiled arguments) and reports errors with the ABI's error codes and
 * caret positions. dpev_format.h turns a definition back into text.
 *
 * Everything here is free of side effects on the kernel: symbol questions
 * go through struct dpev_symbol_ops, so the same code runs in the host
 * unit tests.
 */
#ifndef _KERNEL_TRACE_DPEV_PARSE_H
#define _KERNEL_TRACE_DPEV_PARSE_H

#include <linux/types.h>
#include <linux/seq_buf.h>

#include "dpev_fetch.h"

#define DPEV_MAX_ARGS		128	/* arguments per probe */
#define DPEV_MAX_ARGSTR_LEN	63	/* expression after NAME= */
#define DPEV_MAX_ARG_NAME_LEN	32
#define DPEV_MAX_NAME_LEN	64	/* group or event, NUL included */
#define DPEV_MAX_EVENT_SIZE	3072	/* fixed argument bytes per record */
#define DPEV_MAX_LINE_LEN	4094	/* one command line */
#define DPEV_MAXACTIVE_MAX	4096
#define DPEV_DENTRY_BUF_LEN	256	/* all %pd/%pD rewrites of a line */
#define DPEV_DEFAULT_GROUP	"kprobes"
#define DPEV_LOG_SUBSYSTEM	"trace_kprobe"

/*
 * Error codes: the same names and numbers as the ABI's error table
 * (kprobe-events-abi.md section 13), so messages and tools line up.
 */
enum dpev_err {
	DPEV_ERR_FILE_NOT_FOUND,	/* 0 */
	DPEV_ERR_NO_REGULAR_FILE,	/* 1 */
	DPEV_ERR_BAD_REFCNT,		/* 2 */
	DPEV_ERR_REFCNT_OPEN_BRACE,	/* 3 */
	DPEV_ERR_BAD_REFCNT_SUFFIX,	/* 4 */
	DPEV_ERR_BAD_UPROBE_OFFS,	/* 5 */
	DPEV_ERR_BAD_MAXACT_TYPE,	/* 6 */
	DPEV_ERR_BAD_MAXACT,		/* 7 */
	DPEV_ERR_MAXACT_TOO_BIG,	/* 8 */
	DPEV_ERR_BAD_PROBE_ADDR,	/* 9 */
	DPEV_ERR_NON_UNIQ_SYMBOL,	/* 10 */
	DPEV_ERR_BAD_RETPROBE,	/* 11 */
	DPEV_ERR_NO_TRACEPOINT,	/* 12 */
	DPEV_ERR_BAD_TP_NAME,		/* 13 */
	DPEV_ERR_BAD_ADDR_SUFFIX,	/* 14 */
	DPEV_ERR_NO_GROUP_NAME,	/* 15 */
	DPEV_ERR_GROUP_TOO_LONG,	/* 16 */
	DPEV_ERR_BAD_GROUP_NAME,	/* 17 */
	DPEV_ERR_NO_EVENT_NAME,	/* 18 */
	DPEV_ERR_EVENT_TOO_LONG,	/* 19 */
	DPEV_ERR_BAD_EVENT_NAME,	/* 20 */
	DPEV_ERR_EVENT_EXIST,		/* 21 */
	DPEV_ERR_RETVAL_ON_PROBE,	/* 22 */
	DPEV_ERR_NO_RETVAL,		/* 23 */
	DPEV_ERR_BAD_STACK_NUM,	/* 24 */
	DPEV_ERR_BAD_ARG_NUM,		/* 25 */
	DPEV_ERR_BAD_VAR,		/* 26 */
	DPEV_ERR_BAD_REG_NAME,	/* 27 */
	DPEV_ERR_BAD_MEM_ADDR,	/* 28 */
	DPEV_ERR_BAD_IMM,		/* 29 */
	DPEV_ERR_IMMSTR_NO_CLOSE,	/* 30 */
	DPEV_ERR_FILE_ON_KPROBE,	/* 31 */
	DPEV_ERR_BAD_FILE_OFFS,	/* 32 */
	DPEV_ERR_SYM_ON_UPROBE,	/* 33 */
	DPEV_ERR_TOO_MANY_OPS,	/* 34 */
	DPEV_ERR_DEREF_NEED_BRACE,	/* 35 */
	DPEV_ERR_BAD_DEREF_OFFS,	/* 36 */
	DPEV_ERR_DEREF_OPEN_BRACE,	/* 37 */
	DPEV_ERR_COMM_CANT_DEREF,	/* 38 */
	DPEV_ERR_BAD_FETCH_ARG,	/* 39 */
	DPEV_ERR_ARRAY_NO_CLOSE,	/* 40 */
	DPEV_ERR_BAD_ARRAY_SUFFIX,	/* 41 */
	DPEV_ERR_BAD_ARRAY_NUM,	/* 42 */
	DPEV_ERR_ARRAY_TOO_BIG,	/* 43 */
	DPEV_ERR_BAD_TYPE,		/* 44 */
	DPEV_ERR_BAD_STRING,		/* 45 */
	DPEV_ERR_BAD_SYMSTRING,	/* 46 */
	DPEV_ERR_BAD_BITFIELD,	/* 47 */
	DPEV_ERR_ARG_NAME_TOO_LONG,	/* 48 */
	DPEV_ERR_NO_ARG_NAME,		/* 49 */
	DPEV_ERR_BAD_ARG_NAME,	/* 50 */
	DPEV_ERR_USED_ARG_NAME,	/* 51 */
	DPEV_ERR_ARG_TOO_LONG,	/* 52 */
	DPEV_ERR_NO_ARG_BODY,		/* 53 */
	DPEV_ERR_BAD_INSN_BNDRY,	/* 54 */
	DPEV_ERR_FAIL_REG_PROBE,	/* 55 */
	DPEV_ERR_DIFF_PROBE_TYPE,	/* 56 */
	DPEV_ERR_DIFF_ARG_TYPE,	/* 57 */
	DPEV_ERR_SAME_PROBE,		/* 58 */
	DPEV_ERR_NO_EVENT_INFO,	/* 59 */
	DPEV_ERR_BAD_ATTACH_EVENT,	/* 60 */
	DPEV_ERR_BAD_ATTACH_ARG,	/* 61 */
	DPEV_ERR_NO_EP_FILTER,	/* 62 */
	DPEV_ERR_NOSUP_BTFARG,	/* 63 */
	DPEV_ERR_NO_BTFARG,		/* 64 */
	DPEV_ERR_NO_BTF_ENTRY,	/* 65 */
	DPEV_ERR_BAD_VAR_ARGS,	/* 66 */
	DPEV_ERR_NOFENTRY_ARGS,	/* 67 */
	DPEV_ERR_DOUBLE_ARGS,		/* 68 */
	DPEV_ERR_ARGS_2LONG,		/* 69 */
	DPEV_ERR_ARGIDX_2BIG,		/* 70 */
	DPEV_ERR_NO_PTR_STRCT,	/* 71 */
	DPEV_ERR_NOSUP_DAT_ARG,	/* 72 */
	DPEV_ERR_BAD_HYPHEN,		/* 73 */
	DPEV_ERR_NO_BTF_FIELD,	/* 74 */
	DPEV_ERR_BAD_BTF_TID,		/* 75 */
	DPEV_ERR_BAD_TYPE4STR,	/* 76 */
	DPEV_ERR_NEED_STRING_TYPE,	/* 77 */
	DPEV_ERR_EVENT_TOO_BIG,	/* 78 */
	DPEV_ERR_MAX
};

/**
 * dpev_err_text() - the error_log message of an error code
 * @code: an enum dpev_err value
 *
 * Return: the message, or "Unknown error" for an invalid code.
 */
const char *dpev_err_text(int code);

/**
 * struct dpev_error - where a command failed, for error_log
 * @logged: an entry must be written to error_log
 * @code: enum dpev_err value
 * @pos: caret column within the command re-joined by single spaces
 */
struct dpev_error {
	bool logged;
	int code;
	int pos;
};

/**
 * dpev_error_pos() - caret column of an error at a token offset
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
int dpev_error_pos(int argc, const char *const *argv, int index, int offset);

/**
 * dpev_command_text() - the command as error_log shows it
 * @line: the command line
 * @s: output: its tokens joined by single spaces, without the comment;
 *	the caret column of struct dpev_error counts in this text
 *
 * Return: 0 or -ENOMEM.
 */
int dpev_command_text(const char *line, struct seq_buf *s);

/* Parameters of a BTF prototype the parser uses ($arg* expansion). */
#define DPEV_BTF_MAX_PARAMS	16

/**
 * struct dpev_func_proto - what BTF says about a probed function
 * @nr_params: parameters (at most DPEV_BTF_MAX_PARAMS are described)
 * @returns_void: the function returns nothing ($retval is refused)
 * @ret_type: type name for $retval ("s32", "x64", ...), NULL for the default
 * @names: parameter names
 * @types: parameter type names, NULL for the default type
 *
 * With a prototype, a bare parameter name is a fetch argument, "$arg*"
 * expands to every parameter, and a bare "$argN" is named after its
 * parameter, as on upstream kernels with BTF.
 */
struct dpev_func_proto {
	unsigned int nr_params;
	bool returns_void;
	const char *ret_type;
	char names[DPEV_BTF_MAX_PARAMS][DPEV_MAX_ARG_NAME_LEN + 1];
	const char *types[DPEV_BTF_MAX_PARAMS];
};

/**
 * struct dpev_symbol_ops - the kernel's answers about symbols
 * @check: is @sym ("SYM" or "MOD:SYM") a probe-able unique symbol?
 *	0 if unique (or if MOD is not loaded, to register later),
 *	-ENOENT if not found, -EADDRNOTAVAIL if it has several matches.
 * @func_entry: is @sym + @offset a function entry? 0 if it is, -EINVAL if
 *	not, -ENOENT if the symbol cannot be found (yet).
 * @lookup: address of symbol @sym for @SYM arguments, 0 if unknown.
 * @func_proto: the BTF prototype of function @sym: fills @proto and
 *	returns 0, or -ENOENT when there is no BTF for it.
 * @priv: passed to the callbacks
 *
 * Any callback may be NULL: then every symbol is unique, is a function
 * entry at offset 0 only, cannot be looked up and has no BTF.
 */
struct dpev_symbol_ops {
	int (*check)(void *priv, const char *sym);
	int (*func_entry)(void *priv, const char *sym, unsigned long offset);
	unsigned long (*lookup)(void *priv, const char *sym);
	int (*func_proto)(void *priv, const char *sym,
			  struct dpev_func_proto *proto);
	void *priv;
};

/**
 * struct dpev_parse_env - target facts the parser needs
 * @syms: symbol callbacks
 * @dentry_name_offset: offsetof(struct dentry, d_name.name), for %pd
 * @file_dentry_offset: offsetof(struct file, f_path.dentry), for %pD
 * @max_stack_index: largest N of $stackN and $argN (THREAD_SIZE / long)
 */
struct dpev_parse_env {
	struct dpev_symbol_ops syms;
	unsigned int dentry_name_offset;
	unsigned int file_dentry_offset;
	unsigned int max_stack_index;
};

/**
 * struct dpev_arg - one compiled fetch argument
 * @name: field name
 * @comm: the expression as written after NAME= (listed and matched)
 * @type: element type
 * @count: array length, 0 for a scalar
 * @offset: offset of the field from the start of the argument area
 * @size: bytes of the field (element size times count)
 * @prog: the fetch program, ending with END (kmalloc()ed)
 */
struct dpev_arg {
	char *name;
	char *comm;
	const struct dpev_type *type;
	unsigned int count;
	unsigned int offset;
	unsigned int size;
	struct dpev_fetch_op *prog;
};

/**
 * struct dpev_def - one parsed probe definition
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
struct dpev_def {
	bool is_return;
	unsigned int maxactive;
	char group[DPEV_MAX_NAME_LEN];
	char event[DPEV_MAX_NAME_LEN];
	char *symbol;
	unsigned long offset;
	unsigned long addr;
	bool func_entry;
	unsigned int nr_args;
	struct dpev_arg *args;
	unsigned int args_size;
	unsigned int nr_entry_args;
	unsigned int *entry_args;
};

/**
 * dpev_parse_def() - parse one probe definition line
 * @line: the command, one line (a '#' comment is ignored)
 * @env: symbol callbacks and target facts
 * @defp: set to the new definition on success
 * @err: error_log information, filled on failure
 *
 * Accepts "p[:[GRP/][EVENT]] PLACE [ARGS]" and "r[MAXACTIVE]...". Symbols
 * of @SYM arguments are not resolved here: see dpev_def_resolve().
 *
 * Return: 0 and *@defp set; -ECANCELED if the line is not a p/r
 * definition (another dynamic event type may take it, and no error is
 * logged); -EINVAL, -E2BIG, -EOPNOTSUPP or -ENOMEM on error, with @err
 * telling whether and where to log it.
 */
int dpev_parse_def(const char *line, const struct dpev_parse_env *env,
		   struct dpev_def **defp, struct dpev_error *err);

/**
 * dpev_def_free() - free a definition from dpev_parse_def()
 * @def: the definition, or NULL
 */
void dpev_def_free(struct dpev_def *def);

/**
 * dpev_def_resolve() - resolve the @SYM arguments of a definition
 * @def: the definition
 * @syms: symbol callbacks (only @lookup is used)
 *
 * Called at registration, and again when a module arrives.
 *
 * Return: 0, or -ENOENT when a symbol is unknown (log BAD_PROBE_ADDR at
 * token 1).
 */
int dpev_def_resolve(struct dpev_def *def,
		     const struct dpev_symbol_ops *syms);

/**
 * struct dpev_delete - a delete command, as dyn_event_release() splits it
 * @group: group to match, NULL for any group
 * @event: event to match, "" for any event of @group
 * @argc: number of tokens after the first (place, then NAME=EXPR)
 * @argv: those tokens
 * @buf: storage for the strings above
 */
struct dpev_delete {
	const char *group;
	const char *event;
	int argc;
	char **argv;
	char *buf;
};

/**
 * dpev_def_matches() - does a delete command select this probe
 * @def: a registered definition
 * @del: the delete command
 *
 * Return: true if group, event, place and the listed arguments match.
 */
bool dpev_def_matches(const struct dpev_def *def,
		      const struct dpev_delete *del);

/**
 * dpev_def_compare_args() - append rule: do two probes' arguments agree
 * @a: existing probe of the event
 * @b: new probe
 *
 * Return: 0 if count, names, types and array sizes match; otherwise
 * the 1-based index of the first differing argument (DIFF_ARG_TYPE is
 * logged at token 1 + that index).
 */
unsigned int dpev_def_compare_args(const struct dpev_def *a,
				   const struct dpev_def *b);

/**
 * dpev_def_same_probe() - append rule: is @b the exact same probe as @a
 * @a: existing probe of the event
 * @b: new probe
 *
 * Return: true if place and every argument expression are the same
 * (SAME_PROBE).
 */
bool dpev_def_same_probe(const struct dpev_def *a,
			 const struct dpev_def *b);

#endif /* _KERNEL_TRACE_DPEV_PARSE_H */
