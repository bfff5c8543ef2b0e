/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A parsed dprobe event definition as text: its kprobe_events line, the
 * event's fields and print fmt, and the arguments of a trace line
 * (dpev_format.c). Free of side effects, like the parser.
 */
#ifndef _KERNEL_TRACE_DPEV_FORMAT_H
#define _KERNEL_TRACE_DPEV_FORMAT_H

#include <linux/seq_buf.h>
#include <linux/types.h>

#include "dpev_parse.h"

/**
 * dpev_def_format() - the definition as listed in kprobe_events
 * @def: the definition
 * @maxactive: for a return probe written without MAXACTIVE, the value
 *	to list (the engine's default once registered, as upstream lists
 *	it), or 0 to list none
 * @s: output; the line is written without the trailing newline
 */
void dpev_def_format(const struct dpev_def *def, unsigned int maxactive,
		     struct seq_buf *s);

/**
 * dpev_def_place() - the place as listed: "SYM", "SYM+OFF" or "0x..."
 * @def: the definition
 * @s: output
 */
void dpev_def_place(const struct dpev_def *def, struct seq_buf *s);

/**
 * dpev_def_print_fmt() - the "print fmt" of the event's format file
 * @def: the definition
 *
 * Return: a kmalloc()ed string, or NULL when out of memory.
 */
char *dpev_def_print_fmt(const struct dpev_def *def);

/**
 * struct dpev_field - one field of the event record
 * @type: type as registered with the event ("u64", "u8[4]", ...)
 * @name: field name
 * @offset: offset in the record
 * @size: bytes
 * @is_signed: signed integer
 */
struct dpev_field {
	const char *type;
	const char *name;
	unsigned int offset;
	unsigned int size;
	bool is_signed;
};

/* Record header (common fields) size on 64-bit kernels. */
#define DPEV_RECORD_HEADER_SIZE	8

/**
 * dpev_def_nr_fields() - number of event fields, probe header included
 * @def: the definition
 *
 * Return: 1 + nr_args for kprobes (__probe_ip), 2 + nr_args for
 * kretprobes (__probe_func, __probe_ret_ip).
 */
unsigned int dpev_def_nr_fields(const struct dpev_def *def);

/**
 * dpev_def_field() - describe one event field
 * @def: the definition
 * @i: field index, below dpev_def_nr_fields()
 * @buf: room for an array type name ("u8[64]", "__data_loc char[][64]")
 * @len: size of @buf
 * @f: filled with the description; strings point into @def or @buf
 */
void dpev_def_field(const struct dpev_def *def, unsigned int i,
		    char *buf, size_t len, struct dpev_field *f);

/**
 * dpev_def_header_size() - bytes of the probe header after the common
 * fields (the instruction pointer, or function and return addresses)
 * @def: the definition
 *
 * Return: offset of the argument area from the end of the common fields.
 */
static inline unsigned int dpev_def_header_size(const struct dpev_def *def)
{
	return def->is_return ? 2 * sizeof(unsigned long) :
				sizeof(unsigned long);
}

/**
 * dpev_print_args() - the " name=value" part of a trace line
 * @def: the definition
 * @s: output
 * @args: the argument area of the record
 * @rec: the start of the record
 * @rec_len: bytes of the record
 */
void dpev_print_args(const struct dpev_def *def, struct seq_buf *s,
		     const void *args, const void *rec,
		     unsigned int rec_len);

#endif /* _KERNEL_TRACE_DPEV_FORMAT_H */
