// SPDX-License-Identifier: GPL-2.0
/*
 * Grammar: accepted definitions and how they are listed; lines that are
 * not kprobe definitions; limits; compiled programs of the fetch-arg forms.
 */
#include "delete_cmd.h"
#include "test.h"

struct listing_case {
	const char *line;
	const char *listing;
};

/* Accepted lines and their kprobe_events listing (ABI section 11.1). */
static const struct listing_case listings[] = {
	/* kinds, names and automatic names */
	{ "p:myprobe vfs_read file=%di count=%dx:u64",
	  "p:kprobes/myprobe vfs_read file=%di count=%dx:u64" },
	{ "p vfs_read", "p:kprobes/p_vfs_read_0 vfs_read" },
	{ "r vfs_read", "r:kprobes/r_vfs_read_0 vfs_read" },
	{ "p vfs_read%return", "r:kprobes/r_vfs_read_0 vfs_read" },
	{ "p:myprobeaccept vfs_read%return", "r:kprobes/myprobeaccept vfs_read" },
	{ "r:myprobeaccept vfs_read", "r:kprobes/myprobeaccept vfs_read" },
	{ "p vfs_read+0%return", "r:kprobes/r_vfs_read_0 vfs_read" },
	{ "p:event1 vfs_read", "p:kprobes/event1 vfs_read" },
	{ "p:kprobes2/event2 vfs_read", "p:kprobes2/event2 vfs_read" },
	{ "p:grp.ev vfs_read", "p:grp/ev vfs_read" },
	{ "p:mygroup/ vfs_read", "p:mygroup/p_vfs_read_0 vfs_read" },
	{ "p:-my-grp-/ev_1 vfs_read", "p:-my-grp-/ev_1 vfs_read" },
	{ "p:_x/_ vfs_read", "p:_x/_ vfs_read" },
	{ "p foo.isra.0", "p:kprobes/p_foo_isra_0_0 foo.isra.0" },
	{ "p trace_printk:trace_printk_irq_work",
	  "p:kprobes/p_trace_printk_trace_printk_irq_work_0 trace_printk:trace_printk_irq_work" },
	{ "p notloaded:func+4", "p:kprobes/p_notloaded_func_4 notloaded:func+4" },
	{ "p vfs_read+8", "p:kprobes/p_vfs_read_8 vfs_read+8" },
	{ "p vfs_read+0x10", "p:kprobes/p_vfs_read_16 vfs_read+16" },
	{ "p vfs_read+4294967295",
	  "p:kprobes/p_vfs_read_4294967295 vfs_read+4294967295" },
	{ "p 0x1000", "p:kprobes/p_0x0000000000001000 0x0000000000001000" },
	{ "r 4096", "r:kprobes/r_0x0000000000001000 0x0000000000001000" },
	{ "p:a 0xffffffff81000000 %ax",
	  "p:kprobes/a 0xffffffff81000000 arg1=%ax" },
	/* MAXACTIVE */
	{ "r10 vfs_read", "r10:kprobes/r_vfs_read_0 vfs_read" },
	{ "r10:ev vfs_read", "r10:kprobes/ev vfs_read" },
	{ "r0x10:ev vfs_read", "r16:kprobes/ev vfs_read" },
	{ "r4096 vfs_read", "r4096:kprobes/r_vfs_read_0 vfs_read" },
	{ "rfoo vfs_read", "r:kprobes/r_vfs_read_0 vfs_read" },
	{ "pfoo vfs_read", "p:kprobes/p_vfs_read_0 vfs_read" },
	/* whitespace (0xa0 is one, as in the kernel's ctype) and comments */
	{ "p:e\xa0vfs_read\xa0%ax", "p:kprobes/e vfs_read arg1=%ax" },
	{ "p:\xe9v\xe9nement vfs_read", "p:kprobes/\xe9v\xe9nement vfs_read" },
	{ "  p:e \t vfs_read   %ax  ", "p:kprobes/e vfs_read arg1=%ax" },
	{ "p:e vfs_read %ax # comment %bx", "p:kprobes/e vfs_read arg1=%ax" },
	{ "p:e vfs_read %ax#x", "p:kprobes/e vfs_read arg1=%ax" },
	/* fetch args (kprobe_args.tc, kprobe_args_syntax.tc) */
	{ "p:t vfs_read $stack $stack0 +0($stack)",
	  "p:kprobes/t vfs_read arg1=$stack arg2=$stack0 arg3=+0($stack)" },
	{ "r:t vfs_read $retval", "r:kprobes/t vfs_read arg1=$retval" },
	{ "r:t vfs_read $retvalue", "r:kprobes/t vfs_read arg1=$retvalue" },
	{ "p:t vfs_read comm=$comm c2=$COMM c3=$comm:string",
	  "p:kprobes/t vfs_read comm=$comm c2=$COMM c3=$comm:string" },
	{ "p:t vfs_read %r15 %r8 %bx %cx %dx %si %di %bp %ax %orig_ax %ip %cs %flags %sp %ss",
	  "p:kprobes/t vfs_read arg1=%r15 arg2=%r8 arg3=%bx arg4=%cx arg5=%dx arg6=%si arg7=%di arg8=%bp arg9=%ax arg10=%orig_ax arg11=%ip arg12=%cs arg13=%flags arg14=%sp arg15=%ss"
	},
	{ "p:t vfs_read @sym @0x1000 @sym+10 @sym-10 @",
	  "p:kprobes/t vfs_read arg1=@sym arg2=@0x1000 arg3=@sym+10 arg4=@sym-10 arg5=@" },
	{ "p:t vfs_read +0(%ax) -0(%ax) +10($stack) +0($stack1) +10(@sym-10) +0(+10(+20($stack)))",
	  "p:kprobes/t vfs_read arg1=+0(%ax) arg2=-0(%ax) arg3=+10($stack) arg4=+0($stack1) arg5=+10(@sym-10) arg6=+0(+10(+20($stack)))"
	},
	{ "p:t vfs_read +u8(%di) -u8(%di):u32 +0x10(%di) +-8(%si)",
	  "p:kprobes/t vfs_read arg1=+u8(%di) arg2=-u8(%di):u32 arg3=+0x10(%di) arg4=+-8(%si)" },
	{ "p:t vfs_read varname=%ax %ax:x16",
	  "p:kprobes/t vfs_read varname=%ax arg2=%ax:x16" },
	{ "p:t vfs_read \\1 \\-1 \\+5 \\0x10 s=\\\"hello\\\" e=\\\"\\\"",
	  "p:kprobes/t vfs_read arg1=\\1 arg2=\\-1 arg3=\\+5 arg4=\\0x10 s=\\\"hello\\\" e=\\\"\\\""
	},
	{ "p:t vfs_read $comm:string +0($stack):string",
	  "p:kprobes/t vfs_read arg1=$comm:string arg2=+0($stack):string" },
	{ "p:t vfs_read $arg1 $arg6 $arg7 a=$arg2:u32",
	  "p:kprobes/t vfs_read arg1=$arg1 arg2=$arg6 arg3=$arg7 a=$arg2:u32" },
	{ "r:t vfs_read $arg1 $arg2 $arg1:u8 $retval",
	  "r:kprobes/t vfs_read arg1=$arg1 arg2=$arg2 arg3=$arg1:u8 arg4=$retval" },
	/* types */
	{ "p:t vfs_read %ax:u8 %ax:u16 %ax:u32 %ax:u64 %ax:s8 %ax:s16 %ax:s32 %ax:s64",
	  "p:kprobes/t vfs_read arg1=%ax:u8 arg2=%ax:u16 arg3=%ax:u32 arg4=%ax:u64 arg5=%ax:s8 arg6=%ax:s16 arg7=%ax:s32 arg8=%ax:s64"
	},
	{ "p:t vfs_read %ax:x8 %ax:x16 %ax:x32 %ax:x64 %ax:char %ax:symbol %ax:symstr",
	  "p:kprobes/t vfs_read arg1=%ax:x8 arg2=%ax:x16 arg3=%ax:x32 arg4=%ax:x64 arg5=%ax:char arg6=%ax:symbol arg7=%ax:symstr"
	},
	{ "p:t vfs_read $stack0:b4@4/32 $stack0:b1@0/8 $stack0:b64@0/64 $stack0:b0x8@0x18/0x20",
	  "p:kprobes/t vfs_read arg1=$stack0:b4@4/32 arg2=$stack0:b1@0/8 arg3=$stack0:b64@0/64 arg4=$stack0:b0x8@0x18/0x20"
	},
	{ "p:t vfs_read +0(%di):char[4] +0(%di):string[2] +0(%di):u8[64] +u0(%di):ustring +0(%di):ustring[3]",
	  "p:kprobes/t vfs_read arg1=+0(%di):char[4] arg2=+0(%di):string[2] arg3=+0(%di):u8[64] arg4=+u0(%di):ustring arg5=+0(%di):ustring[3]"
	},
	{ "p:t vfs_read @sym:string \\1234:string +0(%di):symstr %di:symstr",
	  "p:kprobes/t vfs_read arg1=@sym:string arg2=\\1234:string arg3=+0(%di):symstr arg4=%di:symstr"
	},
	{ "r:t vfs_read $retval:symstr", "r:kprobes/t vfs_read arg1=$retval:symstr" },
	/* %pd / %pD are rewritten (dentry name at 0x28, file dentry at 0x18) */
	{ "p:t dput $arg1:%pd", "p:kprobes/t dput arg1=+0x0(+0x28($arg1)):string" },
	{ "p:t vfs_read name=$arg1:%pD",
	  "p:kprobes/t vfs_read name=+0x0(+0x28(+0x18($arg1))):string" },
};

static void test_listings(void)
{
	char list[4096];
	struct dpev_error err;
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(listings); i++) {
		ret = parse_and_list(listings[i].line, list, sizeof(list), &err);
		CHECK(ret == 0, "'%s': ret %d (err %d at %d)", listings[i].line,
		      ret, err.code, err.pos);
		CHECK(!strcmp(list, listings[i].listing),
		      "'%s': listed '%s', want '%s'", listings[i].line, list,
		      listings[i].listing);
	}
}

/* Lines another dynamic-event parser may take: -ECANCELED, nothing logged. */
static void test_not_kprobe(void)
{
	static const char *const lines[] = {
		"a: vfs_read", "p", "r10", "p:ev", "e:grp/ev sys.open",
		"p:ev /bin/sh:0x10", "f vfs_read", "-:ev", "s:ev u64 x",
	};
	struct dpev_def *def;
	struct dpev_error err;
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		ret = dpev_parse_def(lines[i], &test_env, &def, &err);
		CHECK(ret == -ECANCELED && !def && !err.logged,
		      "'%s': ret %d logged %d", lines[i], ret, err.logged);
	}
	/* empty and comment-only lines are accepted and do nothing */
	ret = dpev_parse_def("  # only a comment", &test_env, &def, &err);
	CHECK(ret == 0 && !def, "comment line: ret %d", ret);
	ret = dpev_parse_def("", &test_env, &def, &err);
	CHECK(ret == 0 && !def, "empty line: ret %d", ret);
}

static void test_limits(void)
{
	char line[8192], list[8192];
	struct dpev_error err;
	int i, n, ret;

	/* 128 arguments are accepted, 129 give -E2BIG without a log entry */
	n = sprintf(line, "p:t vfs_read");
	for (i = 0; i < 128; i++)
		n += sprintf(line + n, " \\%d", i);
	ret = parse_and_list(line, list, sizeof(list), &err);
	CHECK(ret == 0, "128 args: ret %d", ret);
	sprintf(line + n, " \\1");
	ret = parse_and_list(line, list, sizeof(list), &err);
	CHECK(ret == -E2BIG && !err.logged, "129 args: ret %d logged %d", ret,
	      err.logged);

	/* a line of 4094 bytes is parsed, 4095 is refused */
	memset(line, ' ', 4094);
	memcpy(line, "p:t vfs_read", 12);
	line[4094] = '\0';
	ret = parse_and_list(line, list, sizeof(list), &err);
	CHECK(ret == 0, "4094-byte line: ret %d", ret);
	line[4094] = ' ';
	line[4095] = '\0';
	ret = parse_and_list(line, list, sizeof(list), &err);
	CHECK(ret == -EINVAL && !err.logged, "4095-byte line: ret %d", ret);

	/* names of 63 characters are accepted */
	sprintf(line, "p:%.63s/%.63s vfs_read",
		"ggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
		"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
	CHECK(parse_and_list(line, list, sizeof(list), &err) == 0,
	      "63-char names refused");
	/* argument names of 32, expressions of 63 characters */
	CHECK(parse_and_list("p:t vfs_read a2345678901234567890123456789012=%ax",
			     list, sizeof(list), &err) == 0, "32-char arg name");
	CHECK(parse_and_list("p:t vfs_read +1234567(+1234567(+1234567(+1234567(+1234567(+12345(@1234))))))",
			     list, sizeof(list), &err) == 0, "63-char expression");
	/* 64 array elements, 12 dereferences of @ADDR */
	CHECK(parse_and_list("p:t vfs_read +0(%di):u8[64]", list, sizeof(list),
			     &err) == 0, "64 array elements");
	CHECK(parse_and_list("p:t vfs_read +0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@0))))))))))))",
			     list, sizeof(list), &err) == 0, "12 derefs of @0");
	/* 3072 bytes of fixed argument data */
	n = sprintf(line, "p:t vfs_read");
	for (i = 0; i < 6; i++)
		n += sprintf(line + n, " +0(%%di):u64[64]");
	CHECK(parse_and_list(line, list, sizeof(list), &err) == 0,
	      "3072 bytes of arguments refused");
	/* maxactive 4096 is the largest */
	CHECK(parse_and_list("r4096 vfs_read", list, sizeof(list), &err) == 0,
	      "maxactive 4096");
}

static const struct dpev_fetch_op *prog_of(const struct dpev_def *d,
					   unsigned int i)
{
	return d->args[i].prog;
}

/* The compiled form of representative arguments. */
static void test_programs(void)
{
	const struct dpev_fetch_op *p;
	struct dpev_error err;
	struct dpev_def *d;
	int ret;

	ret = dpev_parse_def("p:t vfs_read %di $arg2 $arg8 +8(%si):u32 @0x10:s16 \\-2:s8 $comm +u0(%di):string $stack3 +0(%di):b3@2/16 +0(%di):x8[3] +0(%di):string[2]",
			     &test_env, &d, &err);
	CHECK(ret == 0 && d, "program line: ret %d", ret);
	if (ret)
		return;
	CHECK(d->func_entry && !d->is_return, "entry context");
	p = prog_of(d, 0);
	CHECK(p[0].op == DPEV_OP_REG &&
	      p[0].param == offsetof(struct pt_regs, di) &&
	      p[1].op == DPEV_OP_ST_RAW && p[1].size == 8 &&
	      p[2].op == DPEV_OP_END, "%%di program");
	/* $argN: the architecture's regs_get_kernel_argument(), at fetch time */
	p = prog_of(d, 1);
	CHECK(p[0].op == DPEV_OP_ARG && p[0].param == 1, "$arg2 is argument 1");
	p = prog_of(d, 2);
	CHECK(p[0].op == DPEV_OP_ARG && p[0].param == 7,
	      "$arg8 is argument 7, got op %d param %u", p[0].op, p[0].param);
	p = prog_of(d, 3);
	CHECK(p[0].op == DPEV_OP_REG && p[1].op == DPEV_OP_ST_MEM &&
	      p[1].offset == 8 && p[1].size == 4 && p[2].op == DPEV_OP_END,
	      "+8(%%si):u32 program");
	p = prog_of(d, 4);
	CHECK(p[0].op == DPEV_OP_IMM && p[0].imm == 0x10 &&
	      p[1].op == DPEV_OP_ST_MEM && p[1].size == 2, "@0x10:s16");
	p = prog_of(d, 5);
	CHECK(p[0].op == DPEV_OP_IMM && p[0].imm == (unsigned long)-2 &&
	      p[1].op == DPEV_OP_ST_RAW && p[1].size == 1, "\\-2:s8");
	p = prog_of(d, 6);
	CHECK(p[0].op == DPEV_OP_COMM && p[1].op == DPEV_OP_ST_STRING &&
	      d->args[6].type == dpev_string_type(), "$comm is a string");
	p = prog_of(d, 7);
	CHECK(p[0].op == DPEV_OP_REG && p[1].op == DPEV_OP_ST_USTRING,
	      "+u0():string reads user memory");
	p = prog_of(d, 8);
	CHECK(p[0].op == DPEV_OP_STACK && p[0].param == 3, "$stack3");
	p = prog_of(d, 9);
	CHECK(p[1].op == DPEV_OP_ST_MEM && p[1].size == 2 &&
	      p[2].op == DPEV_OP_BITFIELD && p[2].lshift == 11 &&
	      p[2].rshift == 13 && p[3].op == DPEV_OP_END, "b3@2/16");
	p = prog_of(d, 10);
	CHECK(p[1].op == DPEV_OP_ST_MEM && p[2].op == DPEV_OP_ARRAY &&
	      p[2].param == 3 && d->args[10].size == 3, "x8[3]");
	p = prog_of(d, 11);
	CHECK(p[1].op == DPEV_OP_DEREF && p[2].op == DPEV_OP_ST_STRING &&
	      p[3].op == DPEV_OP_ARRAY && d->args[11].size == 8,
	      "string[2] keeps the pointer load");
	/* layout: fields follow each other */
	CHECK(d->args[0].offset == 0 && d->args[3].offset == 24 &&
	      d->args[4].offset == 28 && d->args[5].offset == 30 &&
	      d->args[6].offset == 31 && d->args_size == 31 + 4 + 4 + 8 + 2 + 3 + 8,
	      "record layout, size %u", d->args_size);
	dpev_def_free(d);

	/* return probes save $argN at entry, once per number */
	ret = dpev_parse_def("r:t vfs_read $arg3 $arg1 $arg3:u8 $retval",
			     &test_env, &d, &err);
	CHECK(ret == 0, "return $argN: ret %d", ret);
	if (ret)
		return;
	CHECK(d->nr_entry_args == 2 && d->entry_args[0] == 2 &&
	      d->entry_args[1] == 0, "entry slots");
	CHECK(prog_of(d, 0)[0].op == DPEV_OP_ENTRY &&
	      prog_of(d, 0)[0].param == 0 && prog_of(d, 1)[0].param == 1 &&
	      prog_of(d, 2)[0].param == 0 &&
	      prog_of(d, 3)[0].op == DPEV_OP_RETVAL, "entry ops");
	dpev_def_free(d);
}

static void test_delete(void)
{
	static const struct {
		const char *line;
		const char *group;	/* NULL: any */
		const char *event;
		int argc;
	} ok[] = {
		{ "-:myevent", NULL, "myevent", 0 },
		{ "-:grp/ev", "grp", "ev", 0 },
		{ "-:grp/", "grp", "", 0 },
		{ "-:ev vfs_read", NULL, "ev", 1 },
		{ "-:ev vfs_read+8 a=%ax b=$stack", NULL, "ev", 3 },
		{ "!p:myevent1 vfs_read", NULL, "myevent1", 1 },
		{ "!r:grp/myevent2 vfs_read", "grp", "myevent2", 1 },
		{ "-:grp.ev", NULL, "grp.ev", 0 },
	};
	static const char *const bad[] = { "-", "-x", "-:", "- :ev", "!p", "" };
	struct dpev_delete del;
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		ret = delete_cmd_parse(ok[i].line, &del);
		CHECK(ret == 0, "'%s': ret %d", ok[i].line, ret);
		if (ret)
			continue;
		CHECK(ok[i].group ? del.group && !strcmp(del.group, ok[i].group)
				  : !del.group, "'%s': group", ok[i].line);
		CHECK(!strcmp(del.event, ok[i].event) && del.argc == ok[i].argc,
		      "'%s': event '%s' argc %d", ok[i].line, del.event,
		      del.argc);
		delete_cmd_release(&del);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ret = delete_cmd_parse(bad[i], &del);
		CHECK(ret == -EINVAL, "'%s': ret %d", bad[i], ret);
	}
}

static bool del_matches(const char *def_line, const char *del_line)
{
	struct dpev_delete del;
	struct dpev_error err;
	struct dpev_def *def;
	bool match;

	if (dpev_parse_def(def_line, &test_env, &def, &err) ||
	    delete_cmd_parse(del_line, &del))
		return false;
	match = dpev_def_matches(def, &del);
	delete_cmd_release(&del);
	dpev_def_free(def);
	return match;
}

/* Which probes a delete selects (ABI section 6.2). */
static void test_delete_match(void)
{
	const char *d = "p:grp/ev vfs_read+8 a=%ax b=+0($stack):u32";

	CHECK(del_matches(d, "-:ev"), "by event");
	CHECK(del_matches(d, "-:grp/ev"), "by group/event");
	CHECK(del_matches(d, "-:grp/"), "by group");
	CHECK(!del_matches(d, "-:kprobes/ev"), "other group");
	CHECK(!del_matches(d, "-:ev2"), "other event");
	CHECK(del_matches(d, "-:ev vfs_read+8"), "by place");
	CHECK(!del_matches(d, "-:ev vfs_read"), "other place");
	CHECK(del_matches(d, "-:ev vfs_read+8 a=%ax"), "first argument");
	CHECK(del_matches(d, "-:ev vfs_read+8 a=%ax b=+0($stack):u32"),
	      "all arguments");
	CHECK(!del_matches(d, "-:ev vfs_read+8 a=%bx"), "other argument");
	CHECK(!del_matches(d, "-:ev vfs_read+8 a=%ax b=+0($stack):u32 c=%ax"),
	      "extra argument");
	CHECK(del_matches("p:e 0x1000", "-:e 0x0000000000001000"),
	      "address place");
	CHECK(del_matches("r:e vfs_read", "!r:e vfs_read"), "'!' form");
}

/* Append rules helpers (ABI section 6.1). */
static void test_append_rules(void)
{
	static const struct {
		const char *a, *b;
		unsigned int diff;
		bool same;
	} cases[] = {
		{ "p:e vfs_read abcd=\\1", "p:e do_exit abcd=\\1", 0, false },
		{ "p:e vfs_read abcd=\\1", "p:e vfs_read abcd=\\1", 0, true },
		{ "p:e vfs_read abcd=\\1", "p:e vfs_read bcd=\\1", 1, false },
		{ "p:e vfs_read abcd=\\1", "p:e vfs_read abcd=\\1:u8", 1, false },
		{ "p:e vfs_read abcd=\\1", "p:e vfs_read abcd=\\\"foo\\\"", 1, false },
		{ "p:e vfs_read a=%ax", "p:e vfs_read a=%ax b=%bx", 2, false },
		{ "p:e vfs_read a=%ax b=%bx", "p:e vfs_read a=%ax", 2, false },
		{ "p:e vfs_read a=%ax", "p:e vfs_read", 1, false },
		{ "p:e vfs_read a=%ax:u32", "p:e vfs_read a=%ax:b4@0/32", 0, false },
		{ "p:e vfs_read a=+0(%ax):u8[2]", "p:e vfs_read a=+0(%ax):u8[3]", 1, false },
		{ "p:e vfs_read a=%ax", "p:e vfs_read+0 a=%ax", 0, true },
		{ "p:e 0x1000", "p:e 0x2000", 0, false },
	};
	struct dpev_def *a, *b;
	struct dpev_error err;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (dpev_parse_def(cases[i].a, &test_env, &a, &err) ||
		    dpev_parse_def(cases[i].b, &test_env, &b, &err)) {
			CHECK(0, "append case %u does not parse", i);
			continue;
		}
		CHECK(dpev_def_compare_args(a, b) == cases[i].diff,
		      "'%s' vs '%s': diff %u", cases[i].a, cases[i].b,
		      dpev_def_compare_args(a, b));
		CHECK(dpev_def_same_probe(a, b) == cases[i].same,
		      "'%s' vs '%s': same", cases[i].a, cases[i].b);
		dpev_def_free(a);
		dpev_def_free(b);
	}
}

/* Every allocation failure is reported as -ENOMEM and leaks nothing. */
static void test_alloc_failures(void)
{
	const char *line =
		"r:g/e vfs_read a=$arg1:%pd b=+0(%di):string[2] @sym:u8 c=\\\"x\\\" $arg2";
	struct dpev_error err;
	struct dpev_def *def;
	unsigned long n;
	int ret;

	for (n = 1; n < 64; n++) {
		host_fail_alloc(n);
		ret = dpev_parse_def(line, &test_env, &def, &err);
		host_fail_alloc(0);
		if (!ret) {
			dpev_def_free(def);
			break;
		}
		CHECK(ret == -ENOMEM && !def, "allocation %lu: ret %d", n, ret);
	}
	CHECK(n > 5 && n < 64, "allocation failures covered: %lu", n);
}

void test_grammar(void)
{
	test_listings();
	test_not_kprobe();
	test_limits();
	test_programs();
	test_delete();
	test_delete_match();
	test_append_rules();
	test_alloc_failures();
}
