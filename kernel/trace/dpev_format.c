// SPDX-License-Identifier: GPL-2.0
/*
 * Text forms of a dprobe definition: the kprobe_events listing, the
 * event's print fmt and fields, trace line arguments, and the comparisons
 * used by delete commands and by appending probes to an event
 * (kprobe-events-abi.md sections 6.1, 6.2 and 11).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dpev_format.h"
#include "dpev_parse_internal.h"

int dpev_format_addr(char *buf, size_t len, unsigned long addr)
{
#ifdef __KERNEL__
	/* Listed hashed, as every kernel address shown to users. */
	return snprintf(buf, len, "0x%p", (void *)addr);
#else
	return snprintf(buf, len, "0x%016lx", addr);
#endif
}

void dpev_def_place(const struct dpev_def *def, struct seq_buf *s)
{
	char buf[2 + 2 * sizeof(long) + 1];

	if (!def->symbol) {
		dpev_format_addr(buf, sizeof(buf), def->addr);
		seq_buf_puts(s, buf);
	} else if (def->offset) {
		seq_buf_printf(s, "%s+%u", def->symbol,
			       (unsigned int)def->offset);
	} else {
		seq_buf_puts(s, def->symbol);
	}
}

void dpev_def_format(const struct dpev_def *def, unsigned int maxactive,
		     struct seq_buf *s)
{
	unsigned int i;

	if (def->maxactive)
		maxactive = def->maxactive;
	seq_buf_putc(s, def->is_return ? 'r' : 'p');
	if (def->is_return && maxactive)
		seq_buf_printf(s, "%u", maxactive);
	seq_buf_printf(s, ":%s/%s ", def->group, def->event);
	dpev_def_place(def, s);
	for (i = 0; i < def->nr_args; i++)
		seq_buf_printf(s, " %s=%s", def->args[i].name,
			       def->args[i].comm);
}

static void print_fmt_text(const struct dpev_def *def, struct seq_buf *s)
{
	const struct dpev_arg *a;
	unsigned int i, j;

	seq_buf_puts(s, def->is_return ? "\"(%lx <- %lx)" : "\"(%lx)");
	for (i = 0; i < def->nr_args; i++) {
		a = &def->args[i];
		seq_buf_printf(s, " %s=", a->name);
		if (!a->count) {
			seq_buf_puts(s, a->type->print_fmt);
			continue;
		}
		for (j = 0; j < a->count; j++)
			seq_buf_printf(s, "%c%s", j ? ',' : '{',
				       a->type->print_fmt);
		seq_buf_putc(s, '}');
	}
	seq_buf_puts(s, def->is_return ?
		     "\", REC->__probe_func, REC->__probe_ret_ip" :
		     "\", REC->__probe_ip");
	for (i = 0; i < def->nr_args; i++) {
		a = &def->args[i];
		if (!a->count) {
			seq_buf_printf(s, dpev_type_is_string(a->type) ?
				       ", __get_str(%s)" : ", REC->%s", a->name);
			continue;
		}
		for (j = 0; j < a->count; j++)
			seq_buf_printf(s, dpev_type_is_string(a->type) ?
				       ", __get_str(%s[%u])" : ", REC->%s[%u]",
				       a->name, j);
	}
}

char *dpev_def_print_fmt(const struct dpev_def *def)
{
	size_t size = 256;
	struct seq_buf s;
	char *buf;

	for (;;) {
		buf = kmalloc(size, GFP_KERNEL);
		if (!buf)
			return NULL;
		seq_buf_init(&s, buf, size);
		print_fmt_text(def, &s);
		if (!seq_buf_has_overflowed(&s) && seq_buf_used(&s) < size) {
			buf[seq_buf_used(&s)] = '\0';
			return buf;
		}
		kfree(buf);
		size *= 2;
	}
}

unsigned int dpev_def_nr_fields(const struct dpev_def *def)
{
	return (def->is_return ? 2 : 1) + def->nr_args;
}

void dpev_def_field(const struct dpev_def *def, unsigned int i,
		    char *buf, size_t len, struct dpev_field *f)
{
	unsigned int nhdr = def->is_return ? 2 : 1;
	const struct dpev_arg *a;

	f->offset = DPEV_RECORD_HEADER_SIZE + i * sizeof(long);
	f->size = sizeof(long);
	f->is_signed = false;
	f->type = "unsigned long";
	if (i < nhdr) {
		if (!def->is_return)
			f->name = "__probe_ip";
		else
			f->name = i ? "__probe_ret_ip" : "__probe_func";
		return;
	}
	a = &def->args[i - nhdr];
	f->name = a->name;
	f->offset = DPEV_RECORD_HEADER_SIZE + dpev_def_header_size(def) +
		    a->offset;
	f->size = a->size;
	f->is_signed = a->type->is_signed;
	f->type = a->type->field_type;
	if (a->count) {
		snprintf(buf, len, "%s[%u]", a->type->field_type, a->count);
		f->type = buf;
	}
}

void dpev_print_args(const struct dpev_def *def, struct seq_buf *s,
		     const void *args, const void *rec,
		     unsigned int rec_len)
{
	const struct dpev_arg *a;
	const u8 *field;
	unsigned int i, j;

	for (i = 0; i < def->nr_args; i++) {
		a = &def->args[i];
		field = (const u8 *)args + a->offset;
		seq_buf_printf(s, " %s=", a->name);
		if (!a->count) {
			dpev_print_value(s, a->type, field, rec, rec_len);
			continue;
		}
		for (j = 0; j < a->count; j++) {
			seq_buf_putc(s, j ? ',' : '{');
			dpev_print_value(s, a->type, field, rec, rec_len);
			field += a->type->size;
		}
		seq_buf_putc(s, '}');
	}
}

unsigned int dpev_def_compare_args(const struct dpev_def *a,
				   const struct dpev_def *b)
{
	unsigned int i;

	if (a->nr_args != b->nr_args)
		return min(a->nr_args, b->nr_args) + 1;
	for (i = 0; i < a->nr_args; i++)
		if (a->args[i].type != b->args[i].type ||
		    a->args[i].count != b->args[i].count ||
		    strcmp(a->args[i].name, b->args[i].name))
			return i + 1;
	return 0;
}

bool dpev_def_same_probe(const struct dpev_def *a,
			 const struct dpev_def *b)
{
	unsigned int i;

	if (!a->symbol != !b->symbol || a->offset != b->offset ||
	    a->nr_args != b->nr_args)
		return false;
	if (a->symbol ? strcmp(a->symbol, b->symbol) : a->addr != b->addr)
		return false;
	for (i = 0; i < a->nr_args; i++)
		if (strcmp(a->args[i].comm, b->args[i].comm) ||
		    strcmp(a->args[i].name, b->args[i].name))
			return false;
	return true;
}

/* Trailing tokens of a delete: the place, then NAME=EXPR per argument. */
static bool matches_command(const struct dpev_def *def, int argc,
			    char *const *argv)
{
	char buf[DPEV_MAX_ARGSTR_LEN + 1];
	const struct dpev_arg *a;
	struct seq_buf s;
	size_t len;
	int i;

	if (!argc)
		return true;
	seq_buf_init(&s, buf, sizeof(buf));
	dpev_def_place(def, &s);
	len = min_t(size_t, seq_buf_used(&s), sizeof(buf) - 1);
	buf[len] = '\0';
	if (strcmp(buf, argv[0]))
		return false;
	if ((unsigned int)argc - 1 > def->nr_args)
		return false;
	for (i = 1; i < argc; i++) {
		a = &def->args[i - 1];
		len = strlen(a->name);
		if (strncmp(argv[i], a->name, len) || argv[i][len] != '=' ||
		    strcmp(argv[i] + len + 1, a->comm))
			return false;
	}
	return true;
}

bool dpev_def_matches(const struct dpev_def *def,
		      const struct dpev_delete *del)
{
	if (del->event[0] && strcmp(del->event, def->event))
		return false;
	if (del->group && strcmp(del->group, def->group))
		return false;
	return matches_command(def, del->argc, del->argv);
}
