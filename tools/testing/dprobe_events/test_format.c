// SPDX-License-Identifier: GPL-2.0
/*
 * The event's format file (fields and print fmt) and printed values
 * (ABI sections 9 and 11).
 */
#include "delete_cmd.h"
#include "test.h"

static struct dpev_def *parse(const char *line)
{
	struct dpev_error err;
	struct dpev_def *def;

	if (dpev_parse_def(line, &test_env, &def, &err))
		return NULL;
	return def;
}

/* Field lines of @line's format file, joined with '\n'. */
static void fields_text(const struct dpev_def *def, char *out, size_t len)
{
	struct dpev_field f;
	struct seq_buf s;
	char type[64];
	unsigned int i;

	seq_buf_init(&s, out, len);
	for (i = 0; i < dpev_def_nr_fields(def); i++) {
		dpev_def_field(def, i, type, sizeof(type), &f);
		format_field_line(&f, &s);
		seq_buf_putc(&s, '\n');
	}
	out[seq_buf_used(&s) < len ? seq_buf_used(&s) : len - 1] = '\0';
}

struct format_case {
	const char *line;
	const char *fields;
	const char *print_fmt;
};

static const struct format_case formats[] = {
	/* Documentation/trace/fprobetrace.rst example (kprobe layout) */
	{ "p:t vfs_read count=%dx:u64 pos=%cx",
	  "\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n"
	  "\tfield:u64 count;\toffset:16;\tsize:8;\tsigned:0;\n"
	  "\tfield:u64 pos;\toffset:24;\tsize:8;\tsigned:0;\n",
	  "\"(%lx) count=%Lu pos=0x%Lx\", REC->__probe_ip, REC->count, REC->pos" },
	{ "r:t vfs_read ret=$retval:s32 c=$comm",
	  "\tfield:unsigned long __probe_func;\toffset:8;\tsize:8;\tsigned:0;\n"
	  "\tfield:unsigned long __probe_ret_ip;\toffset:16;\tsize:8;\tsigned:0;\n"
	  "\tfield:s32 ret;\toffset:24;\tsize:4;\tsigned:1;\n"
	  "\tfield:__data_loc char[] c;\toffset:28;\tsize:4;\tsigned:1;\n",
	  "\"(%lx <- %lx) ret=%d c=\\\"%s\\\"\", REC->__probe_func, REC->__probe_ret_ip, REC->ret, __get_str(c)"
	},
	{ "p:t vfs_read a=%ax:u8 b=%ax:s16 c=%ax:x32 d=%ax:char e=%ax:symbol f=%ax:s64 g=%ax:b3@1/16 h=%ax:x8",
	  "\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n"
	  "\tfield:u8 a;\toffset:16;\tsize:1;\tsigned:0;\n"
	  "\tfield:s16 b;\toffset:17;\tsize:2;\tsigned:1;\n"
	  "\tfield:u32 c;\toffset:19;\tsize:4;\tsigned:0;\n"
	  "\tfield:u8 d;\toffset:23;\tsize:1;\tsigned:0;\n"
	  "\tfield:u64 e;\toffset:24;\tsize:8;\tsigned:0;\n"
	  "\tfield:s64 f;\toffset:32;\tsize:8;\tsigned:1;\n"
	  "\tfield:u16 g;\toffset:40;\tsize:2;\tsigned:0;\n"
	  "\tfield:u8 h;\toffset:42;\tsize:1;\tsigned:0;\n",
	  "\"(%lx) a=%u b=%d c=0x%x d='%c' e=%pS f=%Ld g=%u h=0x%x\", REC->__probe_ip, REC->a, REC->b, REC->c, REC->d, REC->e, REC->f, REC->g, REC->h"
	},
	{ "p:t vfs_read a=+0(%di):u8[3] s=+0(%di):string[2] u=+0(%si):ustring y=%di:symstr",
	  "\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n"
	  "\tfield:u8 a[];\toffset:16;\tsize:3;\tsigned:0;\n"
	  "\tfield:__data_loc char[][2] s;\toffset:19;\tsize:8;\tsigned:1;\n"
	  "\tfield:__data_loc char[] u;\toffset:27;\tsize:4;\tsigned:1;\n"
	  "\tfield:__data_loc char[] y;\toffset:31;\tsize:4;\tsigned:1;\n",
	  "\"(%lx) a={%u,%u,%u} s={\\\"%s\\\",\\\"%s\\\"} u=\\\"%s\\\" y=\\\"%s\\\"\", REC->__probe_ip, REC->a[0], REC->a[1], REC->a[2], __get_str(s[0]), __get_str(s[1]), __get_str(u), __get_str(y)"
	},
	{ "p:t vfs_read", "\tfield:unsigned long __probe_ip;\toffset:8;\tsize:8;\tsigned:0;\n",
	  "\"(%lx)\", REC->__probe_ip" },
};

static void test_formats(void)
{
	struct dpev_def *def;
	char text[2048];
	unsigned int i;
	char *fmt;

	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		def = parse(formats[i].line);
		CHECK(def, "'%s' does not parse", formats[i].line);
		if (!def)
			continue;
		fields_text(def, text, sizeof(text));
		CHECK(!strcmp(text, formats[i].fields), "'%s' fields:\n%s",
		      formats[i].line, text);
		fmt = dpev_def_print_fmt(def);
		CHECK(fmt && !strcmp(fmt, formats[i].print_fmt),
		      "'%s' print fmt: %s", formats[i].line, fmt);
		free(fmt);
		dpev_def_free(def);
	}
}

/* A long print fmt grows its buffer. */
static void test_long_print_fmt(void)
{
	struct dpev_def *def;
	char line[4096];
	int i, n;
	char *fmt;

	n = sprintf(line, "p:t vfs_read");
	for (i = 0; i < 20; i++)
		n += sprintf(line + n, " a%d=+0(%%di):x8[64]", i);
	def = parse(line);
	CHECK(def, "long print fmt line does not parse");
	if (!def)
		return;
	fmt = dpev_def_print_fmt(def);
	CHECK(fmt && strlen(fmt) > 20 * 64 * 14 &&
	      !strcmp(fmt + strlen(fmt) - 12, "REC->a19[63]"),
	      "long print fmt end: %s", fmt ? fmt + strlen(fmt) - 12 : "");
	free(fmt);
	dpev_def_free(def);
}

static void print_one(const char *type, const void *field, const void *rec,
		      unsigned int rec_len, char *out, size_t len)
{
	struct seq_buf s;

	seq_buf_init(&s, out, len);
	dpev_print_value(&s, dpev_find_type(type), field, rec, rec_len);
	out[seq_buf_used(&s) < len ? seq_buf_used(&s) : len - 1] = '\0';
}

static void test_values(void)
{
	static const struct {
		const char *type;
		u64 raw;
		const char *text;
	} nums[] = {
		{ "u8", 0xff, "255" }, { "u16", 0xffff, "65535" },
		{ "u32", 0xffffffff, "4294967295" },
		{ "u64", ~0ull, "18446744073709551615" },
		{ "s8", 0xff, "-1" }, { "s16", 0x8000, "-32768" },
		{ "s32", 0xfffffffe, "-2" }, { "s64", ~0ull, "-1" },
		{ "x8", 0xab, "0xab" }, { "x16", 0xbeef, "0xbeef" },
		{ "x32", 0xdeadbeef, "0xdeadbeef" },
		{ "x64", 0xffffffff81000000ull, "0xffffffff81000000" },
		{ "char", 't', "'t'" }, { "b4@4/32", 7, "7" },
	};
	unsigned char rec[64] = { 0 };
	unsigned int i;
	char out[128];
	u32 loc;

	for (i = 0; i < ARRAY_SIZE(nums); i++) {
		memcpy(rec, &nums[i].raw, sizeof(nums[i].raw));
		print_one(nums[i].type, rec, rec, sizeof(rec), out, sizeof(out));
		CHECK(!strcmp(out, nums[i].text), "%s %#llx printed '%s'",
		      nums[i].type, (unsigned long long)nums[i].raw, out);
	}
	/* strings: quoted, "(fault)" when empty or out of the record */
	memcpy(rec + 40, "test", 5);
	loc = dpev_data_loc(5, 40);
	memcpy(rec, &loc, 4);
	print_one("string", rec, rec, sizeof(rec), out, sizeof(out));
	CHECK(!strcmp(out, "\"test\""), "string printed %s", out);
	print_one("symstr", rec, rec, sizeof(rec), out, sizeof(out));
	CHECK(!strcmp(out, "\"test\""), "symstr printed %s", out);
	loc = dpev_data_loc(0, 40);
	memcpy(rec, &loc, 4);
	print_one("ustring", rec, rec, sizeof(rec), out, sizeof(out));
	CHECK(!strcmp(out, "(fault)"), "faulted string printed %s", out);
	loc = dpev_data_loc(30, 40);
	memcpy(rec, &loc, 4);
	print_one("string", rec, rec, sizeof(rec), out, sizeof(out));
	CHECK(!strcmp(out, "(fault)"), "string past the record printed %s",
	      out);
}

void test_format(void)
{
	test_formats();
	test_long_print_fmt();
	test_values();
}
