/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared state of the dprobe command parser (dpev_parse.c) and the
 * fetch-argument compiler (dpev_parse_arg.c). Not an interface for
 * other files.
 */
#ifndef _KERNEL_TRACE_DPEV_PARSE_INTERNAL_H
#define _KERNEL_TRACE_DPEV_PARSE_INTERNAL_H

#include "dpev_parse.h"

/**
 * struct dpev_cmd - one command being parsed
 * @argc: number of tokens
 * @argv: the tokens as written, for caret positions
 * @env: symbol callbacks and target facts
 * @err: where the first error is recorded
 * @index: token that errors are currently reported in
 * @proto: BTF prototype of the probed function, NULL if unknown
 */
struct dpev_cmd {
	int argc;
	char **argv;
	const struct dpev_parse_env *env;
	struct dpev_error *err;
	int index;
	const struct dpev_func_proto *proto;
};

int dpev_proto_param(const struct dpev_func_proto *proto,
		     const char *name);

void dpev_log_err(struct dpev_cmd *cmd, int offset, int code);
bool dpev_good_name(const char *name, bool is_group);

int dpev_compile_arg(struct dpev_cmd *cmd, struct dpev_def *def,
		     unsigned int i, const char *text);
void dpev_arg_release(struct dpev_arg *arg);

/* A probed address as listed and used in automatic names. */
int dpev_format_addr(char *buf, size_t len, unsigned long addr);

#endif /* _KERNEL_TRACE_DPEV_PARSE_INTERNAL_H */
