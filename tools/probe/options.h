/* SPDX-License-Identifier: GPL-2.0 */
/* A small table-driven option parser shared by every command. */
#ifndef PROBE_OPTIONS_H
#define PROBE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum opt_type {
	OPT_BOOL,	/* bool *; --no-NAME clears it */
	OPT_STRING,	/* const char ** */
	OPT_INT,	/* int * */
	OPT_LIST,	/* struct str_list *: repeatable */
	OPT_OPTSTRING,	/* const char **, value optional: "" when absent */
};

struct str_list {
	const char **v;
	size_t n;
};

struct option {
	char short_name;	/* 0: none */
	const char *long_name;
	enum opt_type type;
	void *value;
	const char *arg;	/* placeholder in the help, e.g. "FILE" */
	const char *help;
};

/*
 * Parses @argv[1..] against @opts (terminated by a zeroed entry). Options
 * may come anywhere until "--"; the rest is left in @argv, and its count is
 * returned. On an error, prints it with @usage and returns -1. "-h" and
 * "--help" print the help and exit(0).
 */
int parse_options(int argc, const char **argv, const struct option *opts,
		  const char *usage);
void print_help(const struct option *opts, const char *usage);
void str_list_add(struct str_list *l, const char *s);

#endif
