// SPDX-License-Identifier: GPL-2.0
/* Unit tests: probe specs, arguments, line ranges. */
#include <limits.h>
#include <stdlib.h>

#include "../spec.h"
#include "testlib.h"

static void test_points(void)
{
	struct probe_error err = { "" };
	struct probe_spec s;

	CHECK(!spec_parse("vfs_read", &s, &err), "plain function");
	CHECK(s.function && !strcmp(s.function, "vfs_read") && !s.file &&
	      !s.has_line && !s.has_offset && !s.retprobe && !s.lazy &&
	      !s.event && !s.group && !s.nargs, "plain function fields");
	spec_free(&s);

	CHECK(!spec_parse("vfs_read@fs/read_write.c:12", &s, &err), "func@src:line");
	CHECK_STR(s.function, "vfs_read", "func@src:line function");
	CHECK_STR(s.file, "fs/read_write.c", "func@src:line file");
	CHECK(s.has_line && s.line == 12, "func@src:line line");
	spec_free(&s);

	CHECK(!spec_parse("do_sys_open+0x1a", &s, &err), "func+hex offset");
	CHECK(s.has_offset && s.offset == 0x1a, "offset value");
	spec_free(&s);

	CHECK(!spec_parse("vfs_write%return $retval", &s, &err), "return probe");
	CHECK(s.retprobe && s.nargs == 1 && s.args[0].kind == ARG_RETVAL,
	      "return probe with $retval");
	spec_free(&s);

	CHECK(!spec_parse("fs/open.c:1234 dfd", &s, &err), "file:line");
	CHECK(!s.function && s.file && !strcmp(s.file, "fs/open.c") &&
	      s.has_line && s.line == 1234, "file:line fields");
	spec_free(&s);

	CHECK(!spec_parse("fs/open.c;*flags* mode", &s, &err), "file;lazy");
	CHECK_STR(s.lazy, "*flags*", "lazy ends at the first blank, like perf");
	CHECK(s.nargs == 1, "words after the lazy pattern are arguments");
	spec_free(&s);

	CHECK(!spec_parse("vfs_read;count*", &s, &err), "func;lazy");
	CHECK_STR(s.lazy, "count*", "func;lazy pattern");
	spec_free(&s);

	CHECK(!spec_parse("vfs_read;*ret\\=*", &s, &err), "escaped '=' in a lazy pattern");
	CHECK_STR(s.lazy, "*ret=*", "lazy pattern unescaped");
	CHECK(!s.event, "escaped '=' does not name an event");
	spec_free(&s);

	CHECK(!spec_parse("grp:ev=vfs_read:3", &s, &err), "group:event=");
	CHECK_STR(s.group, "grp", "group");
	CHECK_STR(s.event, "ev", "event");
	CHECK(s.line == 3, "line after event name");
	spec_free(&s);

	CHECK(!spec_parse("myev=vfs_read", &s, &err), "event= only");
	CHECK(!s.group && s.event && !strcmp(s.event, "myev"), "event without group");
	spec_free(&s);

	CHECK(!spec_parse("foo\\:bar@x.c:3", &s, &err), "escaped colon");
	CHECK_STR(s.function, "foo:bar", "backslash escape removed");
	spec_free(&s);
}

static void expect_error(const char *text, const char *what)
{
	struct probe_error err = { "" };
	struct probe_spec s;
	int rc = spec_parse(text, &s, &err);

	CHECK(rc == -1 && err.msg[0], "rejects %s (%s): %s", text, what, err.msg);
}

static void test_point_errors(void)
{
	expect_error("", "empty");
	expect_error("vfs_read:3+4", "line with offset");
	expect_error("vfs_read+4;x*", "offset with lazy");
	expect_error("vfs_read%return:3", "return with line");
	expect_error("vfs_read%entry", "unknown % suffix");
	expect_error("fs/open.c", "file without line");
	expect_error("fs/open.c+4", "offset without function");
	expect_error("vfs_read:abc", "bad line number");
	expect_error("1ev=vfs_read", "bad event name");
	expect_error("g-x:ev=vfs_read", "bad group name");
	expect_error("vfs_read;", "empty lazy pattern");
	expect_error("vfs_read a..b", "empty member name");
	expect_error("vfs_read a[x]", "bad index");
	expect_error("vfs_read a:", "empty type");
}

static void test_args(void)
{
	struct probe_error err = { "" };
	struct probe_arg a;
	char *chain;

	CHECK(!arg_parse("file->f_path.dentry->d_name.name:string", &a, &err),
	      "chain arg");
	CHECK(a.kind == ARG_VAR && !strcmp(a.var, "file") && a.nfields == 4,
	      "chain has 4 fields");
	CHECK(a.fields[0].op == FIELD_ARROW && a.fields[1].op == FIELD_DOT &&
	      a.fields[2].op == FIELD_ARROW && a.fields[3].op == FIELD_DOT,
	      "chain operators");
	CHECK_STR(a.name, "name", "default name is the last member");
	CHECK_STR(a.type, "string", "type");
	chain = arg_chain_string(&a);
	CHECK_STR(chain, "file->f_path.dentry->d_name.name", "chain text");
	free(chain);
	arg_free(&a);

	CHECK(!arg_parse("argv[2]", &a, &err), "index");
	CHECK(a.nfields == 1 && a.fields[0].op == FIELD_INDEX &&
	      a.fields[0].index == 2, "index value");
	CHECK_STR(a.name, "argv", "index keeps the variable name");
	arg_free(&a);

	CHECK(!arg_parse("p->arr[3]", &a, &err), "member then index");
	CHECK_STR(a.name, "arr", "name skips the trailing index");
	arg_free(&a);

	CHECK(!arg_parse("count:u32", &a, &err), "typed plain variable");
	CHECK_STR(a.name, "count_u32", "perf names it var_type");
	arg_free(&a);

	CHECK(!arg_parse("mode=file->f_mode:x32", &a, &err), "named arg");
	CHECK(a.named && !strcmp(a.name, "mode") && !strcmp(a.type, "x32"),
	      "NAME= and type");
	arg_free(&a);

	CHECK(!arg_parse("%ax", &a, &err) && a.kind == ARG_RAW &&
	      !strcmp(a.var, "%ax") && !a.name, "register is raw");
	arg_free(&a);
	CHECK(!arg_parse("+8(%di):u32", &a, &err) && a.kind == ARG_RAW &&
	      !strcmp(a.var, "+8(%di)") && !strcmp(a.type, "u32"),
	      "raw deref keeps its type apart");
	arg_free(&a);
	CHECK(!arg_parse("@jiffies_64", &a, &err) && a.kind == ARG_RAW,
	      "@global is raw");
	arg_free(&a);
	CHECK(!arg_parse("buf:string@user", &a, &err) && a.user &&
	      !strcmp(a.type, "string") && a.kind == ARG_VAR, "@user");
	arg_free(&a);
	CHECK(!arg_parse("$params", &a, &err) && a.kind == ARG_PARAMS, "$params");
	arg_free(&a);
	CHECK(!arg_parse("$vars", &a, &err) && a.kind == ARG_VARS, "$vars");
	arg_free(&a);
	CHECK(!arg_parse("rv=$retval:s32", &a, &err) && a.kind == ARG_RETVAL &&
	      !strcmp(a.name, "rv"), "named $retval");
	arg_free(&a);
	/* types: the 6.12 README's list; anything else is refused here */
	{
		static const char *const good[] = {
			"a:s8", "a:u64", "a:x16", "a:x", "a:char", "a:string",
			"a:ustring", "a:symbol", "a:symstr", "a:%pd", "a:%pD",
			"a:b3@2/8", "a:b32@32/64", "a:u8[4]", "a:string[2]",
			"a:x32[64]", "%di:u32",
		};
		static const char *const bad[] = {
			"a:o", "a:u7", "a:s128", "a:b9@0/8", "a:b0@0/8",
			"a:b3@6/8", "a:b3@0/12", "a:u8[0]", "a:u8[65]", "a:u8[",
			"a:symstr[2]", "a:b3@0/8[2]", "a:uint", "%di:o",
		};
		size_t i;

		for (i = 0; i < ARRAY_SIZE(good); i++) {
			CHECK(!arg_parse(good[i], &a, &err), good[i]);
			arg_free(&a);
		}
		for (i = 0; i < ARRAY_SIZE(bad); i++)
			CHECK(arg_parse(bad[i], &a, &err) == -1 &&
			      strstr(err.msg, "Unknown type"), bad[i]);
	}
	CHECK(arg_parse("1x=a", &a, &err) == -1, "bad NAME= rejected");
	CHECK(arg_parse("a-b", &a, &err) == -1, "stray '-' rejected");
}

static void test_line_ranges(void)
{
	struct probe_error err = { "" };
	struct line_range lr;

	CHECK(!line_range_parse("vfs_read", &lr, &err) &&
	      !strcmp(lr.function, "vfs_read") && lr.start == 0 &&
	      lr.end == INT_MAX, "function range");
	line_range_free(&lr);
	CHECK(!line_range_parse("vfs_read:3-10", &lr, &err) && lr.start == 3 &&
	      lr.end == 10, "relative range");
	line_range_free(&lr);
	CHECK(!line_range_parse("fs/open.c:100+5", &lr, &err) &&
	      !strcmp(lr.file, "fs/open.c") && lr.start == 100 &&
	      lr.end == 105, "file range with count");
	line_range_free(&lr);
	CHECK(!line_range_parse("vfs_read@fs/read_write.c:2", &lr, &err) &&
	      !strcmp(lr.file, "fs/read_write.c") && lr.start == 2,
	      "function@file range");
	line_range_free(&lr);
	CHECK(line_range_parse("vfs_read:9-3", &lr, &err) == -1,
	      "backwards range rejected");
}

/* The "type:" clauses of two kernels' tracefs README, as they print them. */
static void test_type_offered(void)
{
	const char *k612 = "s8/16/32/64, u8/16/32/64, x8/16/32/64, char, string, symbol, "
			   "b<bit-width>@<bit-offset>/<container-size>, ustring, "
			   "symstr, %pd/%pD, <type>\\[<array-size>\\] ";
	const char *k419 = "s8/16/32/64, u8/16/32/64, x8/16/32/64, string, symbol, "
			   "b<bit-width>@<bit-offset>/<container-size>, ";
	static const char *const all[] = {
		"u8", "s64", "x32", "u", "x", "char", "string", "ustring", "symbol",
		"symstr", "%pd", "%pD", "b3@2/32", "x8[4]", "string[2]",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(all); i++)
		CHECK(type_offered(all[i], k612), "6.12 offers %s", all[i]);
	CHECK(type_offered("u16", k419) && type_offered("string", k419) &&
	      type_offered("b1@0/8", k419), "4.19 offers u16, string, bitfields");
	CHECK(!type_offered("ustring", k419) && !type_offered("symstr", k419) &&
	      !type_offered("%pd", k419) && !type_offered("char", k419) &&
	      !type_offered("u8[4]", k419),
	      "4.19 lacks ustring, symstr, %%pd, char and arrays");
	CHECK(!type_offered("o", k612) && !type_offered("strin", k612) &&
	      !type_offered("ring", k612), "unknown and partial names are not offered");
}

int main(void)
{
	test_points();
	test_type_offered();
	test_point_errors();
	test_args();
	test_line_ranges();
	return tl_done();
}
