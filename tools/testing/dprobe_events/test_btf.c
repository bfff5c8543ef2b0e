// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of BTF arguments: parameter names as fetch arguments, "$arg*"
 * expansion, bare "$argN" renamed, types and errors from the prototype.
 */
#include "test.h"

static void expect_list(const char *line, const char *want)
{
	struct dpev_error err;
	char list[512];
	int ret;

	ret = parse_and_list_env(&test_btf_env, line, list, sizeof(list), &err);
	CHECK(!ret && !strcmp(list, want), "%s: ret %d, listed '%s', want '%s'",
	      line, ret, list, want);
}

/* @line has a '^' where the caret must be. */
static void expect_err(const char *line, int code, int want_ret)
{
	char cmd[256], list[512];
	const char *caret = strchr(line, '^');
	struct dpev_error err;
	int ret, pos = caret - line;

	snprintf(cmd, sizeof(cmd), "%.*s%s", pos, line, caret + 1);
	ret = parse_and_list_env(&test_btf_env, cmd, list, sizeof(list), &err);
	CHECK(ret == want_ret && err.logged && err.code == code &&
	      err.pos == pos, "%s: ret %d code %d pos %d, want %d %d %d",
	      line, ret, err.code, err.pos, want_ret, code, pos);
}

static void expect_fmt(const char *line, const char *want)
{
	struct dpev_error err;
	struct dpev_def *def;
	char *fmt;
	int ret;

	ret = dpev_parse_def(line, &test_btf_env, &def, &err);
	CHECK(!ret, "%s: ret %d", line, ret);
	if (ret)
		return;
	fmt = dpev_def_print_fmt(def);
	CHECK(fmt && !strcmp(fmt, want), "%s: print fmt %s, want %s", line,
	      fmt, want);
	free(fmt);
	dpev_def_free(def);
}

void test_btf(void)
{
	expect_list("p:kpevent kfree object", "p:kprobes/kpevent kfree object=object");
	expect_list("p:kpevent kfree $arg*", "p:kprobes/kpevent kfree object=object");
	expect_list("p:e vfs_read $arg*",
		    "p:kprobes/e vfs_read file=file buf=buf count=count pos=pos");
	expect_list("p:e vfs_read $arg3 x=$arg1 $stack",
		    "p:kprobes/e vfs_read count=count x=$arg1 arg3=$stack");
	expect_list("r:e vfs_read count ret=$retval",
		    "r:kprobes/e vfs_read count=count ret=$retval");
	/* Types come from C unless given. */
	expect_fmt("p:e vfs_read count file c2=count:x16",
		   "\"(%lx) count=%Lu file=0x%Lx c2=0x%x\", REC->__probe_ip, REC->count, REC->file, REC->c2");
	expect_fmt("r:e vfs_read $retval",
		   "\"(%lx <- %lx) arg1=%Ld\", REC->__probe_func, REC->__probe_ret_ip, REC->arg1");

	expect_err("p kfree ^$arg10", DPEV_ERR_NO_BTFARG, -ENOENT);
	expect_err("p vfs_read ^hoge", DPEV_ERR_NO_BTFARG, -ENOENT);
	expect_err("r kfree ^$retval", DPEV_ERR_NO_RETVAL, -ENOENT);
	expect_err("p vfs_read $arg* ^$arg*", DPEV_ERR_DOUBLE_ARGS, -EINVAL);
	/* $retval is one name: a longer one is looked up, as upstream does */
	expect_err("r vfs_read ^$retvalue", DPEV_ERR_NO_BTFARG, -ENOENT);
	expect_err("r do_exit ^$retval2", DPEV_ERR_NO_BTF_ENTRY, -ENOENT);
	expect_err("p do_exit ^hoge", DPEV_ERR_NO_BTF_ENTRY, -ENOENT);
	/* Without a prototype nothing changes. */
	expect_err("p do_exit ^$arg*", DPEV_ERR_NOSUP_BTFARG, -EOPNOTSUPP);
	expect_list("p:e do_exit $arg1", "p:kprobes/e do_exit arg1=$arg1");
}
