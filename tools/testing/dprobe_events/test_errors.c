// SPDX-License-Identifier: GPL-2.0
/*
 * Error codes and caret positions. Each command marks the expected caret
 * with '^' as upstream's ftracetest check_error does; the command written
 * is the text without it, and the caret column is the '^' offset.
 */
#include "test.h"

struct err_case {
	const char *cmd;
	int code;
	int ret;	/* expected errno, 0 for -EINVAL */
};

#define E(cmd, name) { cmd, DPEV_ERR_##name, 0 }
#define E_RET(cmd, name, ret) { cmd, DPEV_ERR_##name, ret }

static const struct err_case cases[] = {
	/* kprobe_syntax_errors.tc, every case that does not need BTF */
	E("p^100 vfs_read", BAD_MAXACT_TYPE),
	E("r^1a111 vfs_read", BAD_MAXACT),
	E("r^100000 vfs_read", MAXACT_TOO_BIG),
	E("p ^non_exist_func", BAD_PROBE_ADDR),
	E("p ^hoge-fuga", BAD_PROBE_ADDR),
	E("p ^hoge+1000-1000", BAD_PROBE_ADDR),
	E("r ^vfs_read+10", BAD_RETPROBE),
	E("p:^/bar vfs_read", NO_GROUP_NAME),
	E("p:^12345678901234567890123456789012345678901234567890123456789012345/bar vfs_read",
	  GROUP_TOO_LONG),
	E("p:^foo.1/bar vfs_read", BAD_GROUP_NAME),
	E("p:^ vfs_read", NO_EVENT_NAME),
	E("p:foo/^12345678901234567890123456789012345678901234567890123456789012345 vfs_read",
	  EVENT_TOO_LONG),
	E("p:foo/^bar.1 vfs_read", BAD_EVENT_NAME),
	E("p vfs_read ^$retval", RETVAL_ON_PROBE),
	E("p vfs_read ^$stack10000", BAD_STACK_NUM),
	E("p vfs_read ^$arg10000", BAD_ARG_NUM),
	E("p vfs_read ^$none_var", BAD_VAR),
	E("p vfs_read ^%none_reg", BAD_REG_NAME),
	E("p vfs_read ^@12345678abcde", BAD_MEM_ADDR),
	E("p vfs_read ^@+10", FILE_ON_KPROBE),
	E("p vfs_read arg1=\\^x", BAD_IMM),
	E("p vfs_read arg1=\\\"abcd^", IMMSTR_NO_CLOSE),
	E("p vfs_read ^+0@0)", DEREF_NEED_BRACE),
	E("p vfs_read ^+0ab1(@0)", BAD_DEREF_OFFS),
	E("p vfs_read +0(+0(@0^)", DEREF_OPEN_BRACE),
	E("p vfs_read +0(^$comm)", COMM_CANT_DEREF),
	E("p vfs_read ^&1", BAD_FETCH_ARG),
	E("p vfs_read +0(^+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@0))))))))))))))",
	  TOO_MANY_OPS),
	E("p vfs_read +0(@11):u8[10^", ARRAY_NO_CLOSE),
	E("p vfs_read +0(@11):u8[10]^a", BAD_ARRAY_SUFFIX),
	E("p vfs_read +0(@11):u8[^10a]", BAD_ARRAY_NUM),
	E("p vfs_read +0(@11):u8[^256]", ARRAY_TOO_BIG),
	E("p vfs_read @11:^unknown_type", BAD_TYPE),
	E("p vfs_read $stack0:^string", BAD_STRING),
	E("p vfs_read @11:^b10@a/16", BAD_BITFIELD),
	E("p vfs_read ^arg123456789012345678901234567890=@11", ARG_NAME_TOO_LONG),
	E("p vfs_read ^=@11", NO_ARG_NAME),
	E("p vfs_read ^var.1=@11", BAD_ARG_NAME),
	E("p vfs_read var1=@11 ^var1=@12", USED_ARG_NAME),
	E_RET("p vfs_read ^+1234567(+1234567(+1234567(+1234567(+1234567(+1234567(@1234))))))",
	      ARG_TOO_LONG, -E2BIG),
	E("p vfs_read arg1=^", NO_ARG_BODY),
	E("p vfs_read^%hoge", BAD_ADDR_SUFFIX),
	E("p ^vfs_read+10%return", BAD_RETPROBE),
	/* the non-BTF branch: $arg* needs BTF */
	E_RET("p vfs_read ^$arg*", NOSUP_BTFARG, -EOPNOTSUPP),

	/* more of every code the parser can emit */
	E("r^0 vfs_read", BAD_MAXACT),
	E("r^4097 vfs_read", MAXACT_TOO_BIG),
	E("r^10fuzz vfs_read", BAD_MAXACT),
	E("r^1234567890123456789012345678901234567890123456789012345678901234:e vfs_read",
	  BAD_MAXACT),
	E("p:e ^name_show", NON_UNIQ_SYMBOL),
	E("p:e ^vfs_read+-1", BAD_PROBE_ADDR),
	E("p:e ^vfs_read+4294967296", BAD_PROBE_ADDR),
	E("p:e ^vfs_read+0x", BAD_PROBE_ADDR),
	E("p:e ^-0", BAD_PROBE_ADDR),
	E("p:e ^+x", BAD_PROBE_ADDR),
	E("p:e vfs_read^%retur", BAD_ADDR_SUFFIX),
	E("p:e vfs_read+8^%return%return", BAD_ADDR_SUFFIX),
	E("r:e ^vfs_read+8%return", BAD_RETPROBE),
	E("p:^.ev vfs_read", NO_GROUP_NAME),
	E("p:^1grp/ev vfs_read", BAD_GROUP_NAME),
	E("p:grp/^1ev vfs_read", BAD_EVENT_NAME),
	E("p:grp/^e-v vfs_read", BAD_EVENT_NAME),
	E("p:^e-v vfs_read", BAD_EVENT_NAME),
	E("p:grp.^ev.x vfs_read", BAD_EVENT_NAME),
	E("r10:^/ev vfs_read", NO_GROUP_NAME),
	E("p vfs_read ^$stackp", BAD_VAR),
	E("p vfs_read ^$stack0+10", BAD_VAR),
	E("p vfs_read ^$stack1-10", BAD_VAR),
	E("p vfs_read ^$stack2049", BAD_STACK_NUM),
	E("p vfs_read ^$arg0", BAD_ARG_NUM),
	E("p vfs_read ^$argx", BAD_VAR),
	E("p vfs_read ^$arg", BAD_VAR),
	E("p vfs_read a=^$arg0", BAD_ARG_NUM),
	E("p vfs_read a=^$arg1x", BAD_VAR),
	E("p vfs_read+8 ^$arg1", NOFENTRY_ARGS),
	E("p vfs_read+8 a=^$arg1", NOFENTRY_ARGS),
	E("p 0x1000 ^$arg1", NOFENTRY_ARGS),
	E("p vfs_read $arg1 ^$argx", BAD_VAR),
	E("p vfs_read $arg* ^$arg*", DOUBLE_ARGS),
	E_RET("r vfs_read ^$arg*", NOSUP_BTFARG, -EOPNOTSUPP),
	E_RET("p vfs_read $arg* $stack ^$arg1", NOSUP_BTFARG, -EOPNOTSUPP),
	E_RET("p vfs_read ^hoge", NOSUP_BTFARG, -EOPNOTSUPP),
	E("p vfs_read ^$retvalue", RETVAL_ON_PROBE),
	E_RET("p vfs_read varname=^varname2=%ax", NOSUP_BTFARG, -EOPNOTSUPP),
	E_RET("p vfs_read +0(^_x)", NOSUP_BTFARG, -EOPNOTSUPP),
	E("p vfs_read ^%ex", BAD_REG_NAME),
	E("p vfs_read ^%rax", BAD_REG_NAME),
	E("p vfs_read ^%", BAD_REG_NAME),
	E("p vfs_read ^@0x", BAD_MEM_ADDR),
	E("p vfs_read a=\\^", BAD_IMM),
	E("p vfs_read \\^-", BAD_IMM),
	E("p vfs_read \\^0x1g", BAD_IMM),
	E("p vfs_read \\\"^", IMMSTR_NO_CLOSE),
	E("p vfs_read a=\\\"x^ y\\\"", IMMSTR_NO_CLOSE),
	E("p vfs_read ^+(%ax)", BAD_DEREF_OFFS),
	E("p vfs_read ^-(%ax)", BAD_DEREF_OFFS),
	E("p vfs_read ^(%ax)", BAD_FETCH_ARG),
	E("p vfs_read ^(%ax+10)", BAD_FETCH_ARG),
	E("p vfs_read +0(%ax)^+10", BAD_FETCH_ARG),
	E("p vfs_read +0(^)", BAD_FETCH_ARG),
	E("p vfs_read +10(^$comm)", COMM_CANT_DEREF),
	E("p vfs_read +0(^\\\"abc\\\")", COMM_CANT_DEREF),
	E("p vfs_read +0(^%none)", BAD_REG_NAME),
	E("p vfs_read a=+0(^$retval)", RETVAL_ON_PROBE),
	/* after a 'u' or "+-" the ABI puts inner carets one column early */
	E("p vfs_read +u0^(%none)", BAD_REG_NAME),
	E("p vfs_read +-8^(%none)", BAD_REG_NAME),
	E("p vfs_read +0(+0(+0(@0^", DEREF_OPEN_BRACE),
	E("p vfs_read +0(^+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(+0(@sym)))))))))))))",
	  TOO_MANY_OPS),
	E("p vfs_read %ax:^y16", BAD_TYPE),
	E("p vfs_read %ax:^:x16", BAD_TYPE),
	E("p vfs_read %ax:^", BAD_TYPE),
	E("p vfs_read x16:^%ax", BAD_TYPE),
	E("p vfs_read %ax:^b8@0/12", BAD_TYPE),
	E("p vfs_read %ax:^b8", BAD_TYPE),
	E("p vfs_read %ax:^symbol[2]", BAD_STRING),
	E("p vfs_read %ax:^u8[2]", BAD_STRING),
	/*
	 * Store errors after a dereference: the ABI adds the type's offset
	 * to the inner expression's column, not to the argument's.
	 */
	E("p vfs_read +u0(%ax):u8[^2]", BAD_STRING),
	E("p vfs_read +0(%ax):^:u8", BAD_TYPE),
	E("p vfs_read +u0(%di):sym^str", BAD_SYMSTRING),
	E("p vfs_read +0(%di):b8@^@0/32", BAD_BITFIELD),
	E("p vfs_read %ax:^string", BAD_STRING),
	E("p vfs_read $stack:^string", BAD_STRING),
	E("p vfs_read $stack:^ustring", BAD_STRING),
	E("r vfs_read $arg1:^string", BAD_STRING),
	E("p vfs_read \\1:^symstr", BAD_SYMSTRING),
	E("p vfs_read $stack:^symstr", BAD_SYMSTRING),
	E("r vfs_read $arg1:^symstr", BAD_SYMSTRING),
	E("p vfs_read $comm:^x64", NEED_STRING_TYPE),
	E("p vfs_read $comm:^string[2]", NEED_STRING_TYPE),
	E("p vfs_read a=\\\"s\\\":^u8", NEED_STRING_TYPE),
	E("p vfs_read $stack0:^b0@0/32", BAD_BITFIELD),
	E("p vfs_read $stack0:^b8@25/32", BAD_BITFIELD),
	E("p vfs_read $stack0:^b8/32", BAD_BITFIELD),
	E("p vfs_read $stack0:^b8@/32", BAD_BITFIELD),
	E("p vfs_read $stack0:^b18446744073709551615@1/64", BAD_BITFIELD),
	E("p vfs_read $stack0:^b1@18446744073709551615/64", BAD_BITFIELD),
	E("p vfs_read +0(@11):u8[^0]", BAD_ARRAY_NUM),
	E("p vfs_read +0(@11):u8[^]", BAD_ARRAY_NUM),
	E("p vfs_read +0(@11):u8[^65]", ARRAY_TOO_BIG),
	E("p vfs_read +0(@11):u8[2]^[3]", BAD_ARRAY_SUFFIX),
	E("p vfs_read ^__probe_ip=%ax", USED_ARG_NAME),
	E("p vfs_read ^common_pid=%ax", USED_ARG_NAME),
	E("p vfs_read %ax ^arg1=%bx", USED_ARG_NAME),
	E("p vfs_read ^1a=%ax", BAD_ARG_NAME),
	E("p vfs_read a=%ax ^=", NO_ARG_NAME),
};

/* The '^' marks the caret; the command is the rest. */
static void run_case(const struct err_case *c)
{
	const char *caret = strchr(c->cmd, '^');
	int want_pos = caret - c->cmd, ret;
	struct dpev_error err;
	struct dpev_def *def;
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "%.*s%s", want_pos, c->cmd, caret + 1);
	ret = dpev_parse_def(cmd, &test_env, &def, &err);
	CHECK(ret == (c->ret ? c->ret : -EINVAL) && !def,
	      "'%s': ret %d, want %d", c->cmd, ret, c->ret ? c->ret : -EINVAL);
	CHECK(err.logged && err.code == c->code,
	      "'%s': code %d (%s), want %d (%s)", c->cmd, err.code,
	      dpev_err_text(err.code), c->code, dpev_err_text(c->code));
	CHECK(err.pos == want_pos, "'%s': caret at %d, want %d", c->cmd,
	      err.pos, want_pos);
	dpev_def_free(def);
}

/* EVENT_TOO_BIG: the seventh 512-byte array passes 3072 bytes. */
static void test_event_too_big(void)
{
	char cmd[512];
	struct dpev_error err;
	struct dpev_def *def;
	int i, n, pos, ret;

	n = sprintf(cmd, "p vfs_read");
	for (i = 0; i < 7; i++) {
		pos = n + 1;
		n += sprintf(cmd + n, " +0(%%di):u64[64]");
	}
	ret = dpev_parse_def(cmd, &test_env, &def, &err);
	CHECK(ret == -E2BIG && err.code == DPEV_ERR_EVENT_TOO_BIG,
	      "EVENT_TOO_BIG: ret %d code %d", ret, err.code);
	/* the ABI reports it under the dereference's inner expression */
	CHECK(err.pos == pos + 3, "EVENT_TOO_BIG caret %d, want %d", err.pos,
	      pos + 3);
}

/* Carets of errors found outside the parser (section 12.2). */
static void test_error_pos(void)
{
	static const char *const argv[] = { "p:kprobes/testevent", "kernel_clone",
					    "bcd=\\1" };

	/* DIFF_ARG_TYPE of argument 1 is logged at token 1 + 1 */
	CHECK(dpev_error_pos(3, argv, 2, 0) == 33, "token 2 column");
	CHECK(dpev_error_pos(3, argv, 0, 0) == 0, "token 0 column");
	CHECK(dpev_error_pos(3, argv, 1, 0) == 20, "token 1 column");
	/* past the last token: one blank column after the command */
	CHECK(dpev_error_pos(3, argv, 3, 0) == 40, "past the end");
	CHECK(dpev_error_pos(3, argv, 7, 5) == 40, "past the end, offset");
}

/* The error_log "Command:" text, which carets count in. */
static void test_command_text(void)
{
	char out[128];
	struct seq_buf s;

	seq_buf_init(&s, out, sizeof(out));
	CHECK(!dpev_command_text("  p:e\t vfs_read   a=%ax # note", &s),
	      "command text");
	out[seq_buf_used(&s)] = '\0';
	CHECK(!strcmp(out, "p:e vfs_read a=%ax"), "command text '%s'", out);
}

static void test_messages(void)
{
	CHECK(DPEV_ERR_MAX == 79, "79 error codes, have %d", DPEV_ERR_MAX);
	CHECK(DPEV_ERR_BAD_MAXACT_TYPE == 6 && DPEV_ERR_BAD_PROBE_ADDR == 9 &&
	      DPEV_ERR_NOSUP_BTFARG == 63 && DPEV_ERR_EVENT_TOO_BIG == 78,
	      "error numbering");
	CHECK(!strcmp(dpev_err_text(DPEV_ERR_BAD_ARG_NUM),
		      "Invalid argument number"), "BAD_ARG_NUM text");
	CHECK(!strcmp(dpev_err_text(DPEV_ERR_BAD_RETPROBE),
		      "Retprobe address must be an function entry"),
	      "BAD_RETPROBE text");
	CHECK(!strcmp(dpev_err_text(DPEV_ERR_IMMSTR_NO_CLOSE),
		      "String is not closed with '\"'"), "IMMSTR text");
	CHECK(!strcmp(dpev_err_text(DPEV_ERR_BAD_HYPHEN),
		      "Failed to parse single hyphen. Forgot '>'?"), "hyphen");
	CHECK(!strcmp(dpev_err_text(DPEV_ERR_EVENT_TOO_BIG),
		      "Event too big (too many fields?)"), "last text");
	CHECK(!strcmp(dpev_err_text(-1), "Unknown error") &&
	      !strcmp(dpev_err_text(79), "Unknown error"), "bad code");
}

void test_errors(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		run_case(&cases[i]);
	test_event_too_big();
	test_error_pos();
	test_command_text();
	test_messages();
}
