// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the dprobe event parser, formatter and executor. Ends with
 * "N passed, N failed" and exits non-zero if anything failed.
 */
#include <stdarg.h>

#include "test.h"
#include "fake_mem.h"

static int passed, failed;

void check(bool ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "FAIL %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * The fake kernel: vfs_read and do_exit are unique functions; name_show
 * has several definitions; module "trace_printk" is loaded and has
 * trace_printk_irq_work; module "notloaded" is not loaded, so its
 * symbols are accepted for later; everything else does not exist.
 */
static const char *const functions[] = {
	"vfs_read", "do_exit", "kfree", "dput", "foo.isra.0",
	"trace_printk:trace_printk_irq_work",
};

static bool known(const char *sym)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(functions); i++)
		if (!strcmp(sym, functions[i]))
			return true;
	return false;
}

static int fake_check(void *priv, const char *sym)
{
	(void)priv;
	if (!strcmp(sym, "name_show"))
		return -EADDRNOTAVAIL;
	if (!strncmp(sym, "notloaded:", 10))
		return 0;
	return known(sym) ? 0 : -ENOENT;
}

static int fake_func_entry(void *priv, const char *sym, unsigned long offset)
{
	(void)priv;
	if (!known(sym))
		return -ENOENT;
	return offset ? -EINVAL : 0;
}

static unsigned long fake_lookup(void *priv, const char *sym)
{
	(void)priv;
	return fake_sym_lookup(sym);
}

const struct dpev_parse_env test_env = {
	.syms = {
		.check = fake_check,
		.func_entry = fake_func_entry,
		.lookup = fake_lookup,
	},
	.dentry_name_offset = 0x28,
	.file_dentry_offset = 0x18,
	.max_stack_index = 2048,
};

/*
 * BTF prototypes as the kernel reports them for two functions:
 * void kfree(const void *object) and
 * ssize_t vfs_read(struct file *file, char *buf, size_t count, loff_t *pos).
 */
static int fake_func_proto(void *priv, const char *sym,
			   struct dpev_func_proto *proto)
{
	(void)priv;
	memset(proto, 0, sizeof(*proto));
	if (!strcmp(sym, "kfree")) {
		proto->nr_params = 1;
		proto->returns_void = true;
		strscpy(proto->names[0], "object", sizeof(proto->names[0]));
		proto->types[0] = "x64";
		return 0;
	}
	if (!strcmp(sym, "vfs_read")) {
		proto->nr_params = 4;
		proto->ret_type = "s64";
		strscpy(proto->names[0], "file", sizeof(proto->names[0]));
		strscpy(proto->names[1], "buf", sizeof(proto->names[1]));
		strscpy(proto->names[2], "count", sizeof(proto->names[2]));
		strscpy(proto->names[3], "pos", sizeof(proto->names[3]));
		proto->types[0] = "x64";
		proto->types[1] = "x64";
		proto->types[2] = "u64";
		proto->types[3] = "x64";
		return 0;
	}
	return -ENOENT;
}

const struct dpev_parse_env test_btf_env = {
	.syms = {
		.check = fake_check,
		.func_entry = fake_func_entry,
		.lookup = fake_lookup,
		.func_proto = fake_func_proto,
	},
	.dentry_name_offset = 0x28,
	.file_dentry_offset = 0x18,
	.max_stack_index = 2048,
};

int parse_and_list_env(const struct dpev_parse_env *env, const char *line,
		       char *list, size_t len, struct dpev_error *err)
{
	struct dpev_def *def;
	struct seq_buf s;
	int ret;

	ret = dpev_parse_def(line, env, &def, err);
	list[0] = '\0';
	if (ret || !def)
		return ret;
	seq_buf_init(&s, list, len);
	dpev_def_format(def, 0, &s);
	list[seq_buf_used(&s) < len ? seq_buf_used(&s) : len - 1] = '\0';
	dpev_def_free(def);
	return 0;
}

int parse_and_list(const char *line, char *list, size_t len,
		   struct dpev_error *err)
{
	return parse_and_list_env(&test_env, line, list, len, err);
}

int main(void)
{
	test_grammar();
	test_errors();
	test_format();
	test_fetch();
	test_btf();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
