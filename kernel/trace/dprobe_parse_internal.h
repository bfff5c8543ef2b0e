/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared state of the dprobe command parser (dprobe_parse.c) and the
 * fetch-argument compiler (dprobe_parse_arg.c). Not an interface for
 * other files.
 */
#ifndef _KERNEL_TRACE_DPROBE_PARSE_INTERNAL_H
#define _KERNEL_TRACE_DPROBE_PARSE_INTERNAL_H

#include "dprobe_parse.h"

/**
 * struct dprobe_cmd - one command being parsed
 * @argc: number of tokens
 * @argv: the tokens as written, for caret positions
 * @env: symbol callbacks and target facts
 * @err: where the first error is recorded
 * @index: token that errors are currently reported in
 * @proto: BTF prototype of the probed function, NULL if unknown
 */
struct dprobe_cmd {
	int argc;
	char **argv;
	const struct dprobe_parse_env *env;
	struct dprobe_error *err;
	int index;
	const struct dprobe_func_proto *proto;
};

int dprobe_proto_param(const struct dprobe_func_proto *proto,
		       const char *name);

void dprobe_log_err(struct dprobe_cmd *cmd, int offset, int code);
bool dprobe_good_name(const char *name, bool is_group);

int dprobe_compile_arg(struct dprobe_cmd *cmd, struct dprobe_def *def,
		       unsigned int i, const char *text);
void dprobe_arg_release(struct dprobe_arg *arg);

/* A probed address as listed and used in automatic names. */
int dprobe_format_addr(char *buf, size_t len, unsigned long addr);

#endif /* _KERNEL_TRACE_DPROBE_PARSE_INTERNAL_H */
