/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probe specifications as users write them (perf probe syntax):
 *
 *   [[GROUP:]EVENT=]FUNC[@SRC][:RLINE|+OFF|%return|;PTN] [ARG...]
 *   [[GROUP:]EVENT=]SRC:ALINE [ARG...]
 *   [[GROUP:]EVENT=]SRC;PTN [ARG...]
 *
 * ARG is [NAME=]LOCALVAR|$retval|$vars|$params|%REG|@GLOBAL|RAW[:TYPE][@user]
 * where LOCALVAR may continue with ->field, .field and [index].
 *
 * Parsing is pure: no DWARF, no files.
 */
#ifndef PROBE_SPEC_H
#define PROBE_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

#define PROBE_MAX_ARGS 128

enum arg_kind {
	ARG_VAR,	/* a C variable, possibly with a field chain */
	ARG_RETVAL,	/* $retval */
	ARG_VARS,	/* $vars: every local and parameter */
	ARG_PARAMS,	/* $params: every parameter */
	ARG_RAW,	/* %reg, @sym, $argN, +8(%di)...: handed to the kernel */
};

enum field_op {
	FIELD_ARROW,	/* ->name: dereference, then member */
	FIELD_DOT,	/* .name: member of an embedded struct/union */
	FIELD_INDEX,	/* [n]: array element or pointer arithmetic */
};

struct arg_field {
	enum field_op op;
	char *name;	/* member name; NULL for FIELD_INDEX */
	long index;	/* FIELD_INDEX only */
};

struct probe_arg {
	char *name;	/* NAME= or the default name; NULL for raw args */
	bool named;	/* name came from NAME= */
	enum arg_kind kind;
	char *var;	/* variable name, or the raw text */
	struct arg_field *fields;
	size_t nfields;
	char *type;	/* after ':' or NULL */
	bool user;	/* @user: user-space memory */
};

struct probe_spec {
	char *group;	/* NULL: default group */
	char *event;	/* NULL: derived from the location */
	char *function;
	char *file;	/* @SRC, or SRC for file-based specs */
	int line;	/* relative with a function, absolute without */
	bool has_line;
	unsigned long offset;
	bool has_offset;
	bool retprobe;
	char *lazy;	/* pattern after ';' */
	struct probe_arg *args;
	size_t nargs;
};

/* Parses a whole command ("POINT ARG..."). Returns 0 or -1 with @err set. */
int spec_parse(const char *text, struct probe_spec *spec,
	       struct probe_error *err);
void spec_free(struct probe_spec *spec);

/* Parses a single argument. Returns 0 or -1 with @err set. */
int arg_parse(const char *text, struct probe_arg *arg, struct probe_error *err);
void arg_free(struct probe_arg *arg);

/* Text form of an argument's variable and chain ("file->f_path.dentry"). */
char *arg_chain_string(const struct probe_arg *arg);

/*
 * Does a kernel whose README lists @offered (its "type:" clause, e.g.
 * "s8/16/32/64, u8/16/32/64, x8/16/32/64, char, string, symbol, ...")
 * take fetch type @type ("u32", "string", "b3@2/32", "x8[4]")?
 */
bool type_offered(const char *type, const char *offered);

/* A C identifier ([A-Za-z_][A-Za-z0-9_]*). */
bool is_identifier(const char *s, size_t len);

/*
 * --line ranges: FUNC[@SRC][:START[+COUNT|-END]] or SRC[:START[+COUNT|-END]].
 * With a function the numbers are relative to its declaration line.
 */
struct line_range {
	char *function;
	char *file;
	int start;	/* 0 with a function: from its declaration */
	int end;	/* inclusive; INT_MAX: to the end */
};

int line_range_parse(const char *text, struct line_range *lr,
		     struct probe_error *err);
void line_range_free(struct line_range *lr);

#endif
