// SPDX-License-Identifier: GPL-2.0
/*
 * Argument types of dprobe events: names, record sizes, the names and
 * print formats shown in the event's format file, and how a stored value
 * is printed in the trace (kprobe-events-abi.md section 9).
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include "dpev_fetch.h"

#define STRING_FIELD	"__data_loc char[]"
/* The print fmt quotes strings; the quotes are escaped inside it. */
#define STRING_FMT	"\\\"%s\\\""
/*
 * The print fmt of 64-bit fields is "%Lu", "%Ld" or "0x%Lx", as user tools
 * (libtraceevent) read it. It is never a printf format here; the 'L' is
 * written as \114 so it is not taken for one.
 */

enum {
	T_U8, T_U16, T_U32, T_U64,
	T_S8, T_S16, T_S32, T_S64,
	T_X8, T_X16, T_X32, T_X64,
	T_CHAR, T_SYMBOL, T_STRING, T_USTRING, T_SYMSTR,
};

static const struct dpev_type types[] = {
	[T_U8]	= { "u8", "u8", "%u", 1, false, DPEV_KIND_UNSIGNED },
	[T_U16]	= { "u16", "u16", "%u", 2, false, DPEV_KIND_UNSIGNED },
	[T_U32]	= { "u32", "u32", "%u", 4, false, DPEV_KIND_UNSIGNED },
	[T_U64]	= { "u64", "u64", "%\114u", 8, false, DPEV_KIND_UNSIGNED },
	[T_S8]	= { "s8", "s8", "%d", 1, true, DPEV_KIND_SIGNED },
	[T_S16]	= { "s16", "s16", "%d", 2, true, DPEV_KIND_SIGNED },
	[T_S32]	= { "s32", "s32", "%d", 4, true, DPEV_KIND_SIGNED },
	[T_S64]	= { "s64", "s64", "%\114d", 8, true, DPEV_KIND_SIGNED },
	[T_X8]	= { "x8", "u8", "0x%x", 1, false, DPEV_KIND_HEX },
	[T_X16]	= { "x16", "u16", "0x%x", 2, false, DPEV_KIND_HEX },
	[T_X32]	= { "x32", "u32", "0x%x", 4, false, DPEV_KIND_HEX },
	[T_X64]	= { "x64", "u64", "0x%\114x", 8, false, DPEV_KIND_HEX },
	[T_CHAR] = { "char", "u8", "'%c'", 1, false, DPEV_KIND_CHAR },
	[T_SYMBOL] = { "symbol", sizeof(long) == 8 ? "u64" : "u32", "%pS",
		       sizeof(long), false, DPEV_KIND_SYMBOL },
	/* String fields say "signed" in format files, as upstream's do. */
	[T_STRING] = { "string", STRING_FIELD, STRING_FMT, 4, true,
		       DPEV_KIND_STRING },
	[T_USTRING] = { "ustring", STRING_FIELD, STRING_FMT, 4, true,
			DPEV_KIND_STRING },
	[T_SYMSTR] = { "symstr", STRING_FIELD, STRING_FMT, 4, true,
		       DPEV_KIND_STRING },
};

const struct dpev_type *dpev_find_type(const char *name)
{
	unsigned long bits;
	unsigned int i;

	/* A bitfield is stored in its container, an unsigned integer. */
	if (name[0] == 'b') {
		name = strchr(name, '/');
		if (!name || kstrtoul(name + 1, 0, &bits))
			return NULL;
		switch (bits) {
		case 8:
			return &types[T_U8];
		case 16:
			return &types[T_U16];
		case 32:
			return &types[T_U32];
		case 64:
			return &types[T_U64];
		}
		return NULL;
	}
	for (i = 0; i < ARRAY_SIZE(types); i++)
		if (!strcmp(name, types[i].name))
			return &types[i];
	return NULL;
}

const struct dpev_type *dpev_default_type(void)
{
	return &types[sizeof(long) == 8 ? T_X64 : T_X32];
}

const struct dpev_type *dpev_string_type(void)
{
	return &types[T_STRING];
}

static u64 load_uint(const void *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *(const u8 *)p;
	case 2:
		return get_unaligned((const u16 *)p);
	case 4:
		return get_unaligned((const u32 *)p);
	}
	return get_unaligned((const u64 *)p);
}

static s64 load_int(const void *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *(const s8 *)p;
	case 2:
		return get_unaligned((const s16 *)p);
	case 4:
		return get_unaligned((const s32 *)p);
	}
	return get_unaligned((const s64 *)p);
}

static void print_string(struct seq_buf *s, u32 loc, const void *rec,
			 unsigned int rec_len)
{
	unsigned int len = dpev_data_loc_len(loc);
	unsigned int offs = dpev_data_loc_offs(loc);
	const char *str = (const char *)rec + offs;

	if (!len || offs + len > rec_len) {
		seq_buf_puts(s, "(fault)");
		return;
	}
	seq_buf_printf(s, "\"%.*s\"", (int)strnlen(str, len), str);
}

void dpev_print_value(struct seq_buf *s, const struct dpev_type *t,
		      const void *field, const void *rec,
		      unsigned int rec_len)
{
	char sym[KSYM_SYMBOL_LEN];

	switch (t->kind) {
	case DPEV_KIND_UNSIGNED:
		seq_buf_printf(s, "%llu",
			       (unsigned long long)load_uint(field, t->size));
		break;
	case DPEV_KIND_SIGNED:
		seq_buf_printf(s, "%lld", (long long)load_int(field, t->size));
		break;
	case DPEV_KIND_HEX:
		seq_buf_printf(s, "0x%llx",
			       (unsigned long long)load_uint(field, t->size));
		break;
	case DPEV_KIND_CHAR:
		seq_buf_printf(s, "'%c'", *(const u8 *)field);
		break;
	case DPEV_KIND_SYMBOL:
		sprint_symbol(sym, (unsigned long)load_uint(field, t->size));
		seq_buf_puts(s, sym);
		break;
	case DPEV_KIND_STRING:
		print_string(s, get_unaligned((const u32 *)field), rec,
			     rec_len);
		break;
	}
}
