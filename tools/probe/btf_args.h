/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fetch arguments at a function's entry from BTF (the .BTF section of a
 * vmlinux), for binaries without DWARF.
 */
#ifndef PROBE_BTF_ARGS_H
#define PROBE_BTF_ARGS_H

#include "spec.h"
#include "strbuf.h"

struct btf;

/* The BTF of @path (an ELF's .BTF, or raw BTF), or NULL when it has none. */
struct btf *btf_args_open(const char *path);
void btf_args_close(struct btf *btf);

/*
 * @arg (a parameter of @function and its member chain) as a kprobe fetch
 * argument at the function's entry: *@expr and *@type (NULL for the
 * kernel's default) are allocated.  Returns 0, or -1 with @err set.
 */
int btf_arg(const struct btf *btf, const char *function,
	    const struct probe_arg *arg, char **expr, char **type,
	    struct probe_error *err);

/* Calls @fn with each named parameter of @function; -1 if BTF lacks it. */
int btf_params_each(const struct btf *btf, const char *function,
		    void (*fn)(const char *name, void *data), void *data);

#endif
