/* SPDX-License-Identifier: GPL-2.0 */
/* Shared helpers of the dprobe host tests. */
#ifndef DPROBE_TEST_H
#define DPROBE_TEST_H

#include "host_compat.h"
#include "dpev_format.h"

void check(bool ok, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#define CHECK(cond, ...) check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* The environment of the tests: a fake kallsyms, see test_main.c. */
extern const struct dpev_parse_env test_env;
/* The same with BTF prototypes for kfree and vfs_read. */
extern const struct dpev_parse_env test_btf_env;

/* Parse @line with test_env; on success the listing goes to @list. */
int parse_and_list(const char *line, char *list, size_t len,
		   struct dpev_error *err);

int parse_and_list_env(const struct dpev_parse_env *env, const char *line,
		       char *list, size_t len, struct dpev_error *err);

void test_grammar(void);
void test_btf(void);
void test_errors(void);
void test_format(void);
void test_fetch(void);

#endif
