// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: any line must parse or fail cleanly (no crash, no
 * leak, a valid error code and caret); an accepted definition must list,
 * re-parse to the same listing and the same programs, format its event
 * description, and run its programs against a fake address space.
 */
#include <stdint.h>

#include "host_compat.h"
#include "dpev_format.h"
#include "delete_cmd.h"
#include "fake_mem.h"

#define KBASE	0xffff888000100000ul
#define UBASE	0x00007fff00000000ul
#define STACK	0xffffc90000010000ul

static unsigned char kmem[256], umem[256];
static unsigned long kstack[16];

/* Symbols start like C identifiers, as kallsyms names do. */
static int fuzz_check(void *priv, const char *sym)
{
	const char *colon = strchr(sym, ':');

	(void)priv;
	if ((!isalpha(*sym) && *sym != '_') ||
	    (colon && !isalpha(colon[1]) && colon[1] != '_'))
		return -ENOENT;
	if (!strncmp(sym, "no", 2))
		return -ENOENT;
	if (!strncmp(sym, "dup", 3))
		return -EADDRNOTAVAIL;
	return 0;
}

static int fuzz_func_entry(void *priv, const char *sym, unsigned long offs)
{
	(void)priv;
	if (!strncmp(sym, "mod:", 4))
		return -ENOENT;
	return offs ? -EINVAL : 0;
}

static unsigned long fuzz_lookup(void *priv, const char *sym)
{
	(void)priv;
	return strncmp(sym, "sym", 3) ? 0 : KBASE + 8;
}

/* Functions named "sym_btf..." have a prototype: f(long a, char *b). */
static int fuzz_proto(void *priv, const char *sym,
		      struct dpev_func_proto *proto)
{
	(void)priv;
	if (strncmp(sym, "sym_btf", 7))
		return -ENOENT;
	memset(proto, 0, sizeof(*proto));
	proto->nr_params = 2;
	proto->ret_type = "s64";
	strscpy(proto->names[0], "a", sizeof(proto->names[0]));
	strscpy(proto->names[1], "b", sizeof(proto->names[1]));
	proto->types[0] = "s64";
	proto->types[1] = "x64";
	return 0;
}

static const struct dpev_parse_env env = {
	.syms = {
		.check = fuzz_check,
		.func_entry = fuzz_func_entry,
		.lookup = fuzz_lookup,
		.func_proto = fuzz_proto,
	},
	.dentry_name_offset = 0x28,
	.file_dentry_offset = 0x18,
	.max_stack_index = 2048,
};

static void fail(const char *what, const char *line)
{
	fprintf(stderr, "invariant broken: %s\nline: %s\n", what, line);
	abort();
}

static char *listing(const struct dpev_def *def)
{
	static char buf[8192];
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	dpev_def_format(def, 0, &s);
	if (seq_buf_has_overflowed(&s))
		return NULL;
	buf[seq_buf_used(&s)] = '\0';
	return strdup(buf);
}

static bool same_op(const struct dpev_fetch_op *a,
		    const struct dpev_fetch_op *b)
{
	return a->op == b->op && a->size == b->size && a->lshift == b->lshift &&
	       a->rshift == b->rshift && a->param == b->param &&
	       a->offset == b->offset && a->imm == b->imm &&
	       !a->data == !b->data && (!a->data || !strcmp(a->data, b->data));
}

static bool same_def(const struct dpev_def *a, const struct dpev_def *b)
{
	const struct dpev_fetch_op *p, *q;
	unsigned int i;

	if (a->nr_args != b->nr_args || a->args_size != b->args_size ||
	    a->func_entry != b->func_entry ||
	    a->nr_entry_args != b->nr_entry_args)
		return false;
	for (i = 0; i < a->nr_args; i++) {
		if (a->args[i].type != b->args[i].type ||
		    a->args[i].count != b->args[i].count ||
		    a->args[i].offset != b->args[i].offset)
			return false;
		for (p = a->args[i].prog, q = b->args[i].prog;; p++, q++) {
			if (!same_op(p, q))
				return false;
			if (p->op == DPEV_OP_END)
				break;
		}
	}
	return true;
}

static bool good_name(const char *s)
{
	if (!isalpha(*s) && *s != '_')
		return false;
	for (s++; *s; s++)
		if (!isalnum(*s) && *s != '_')
			return false;
	return true;
}

/* Describe the event and run every program once. */
static void exercise(const struct dpev_def *def)
{
	unsigned int i, hdr, dyn_len = 0, used = 0, room;
	struct dpev_fetch_ctx ctx;
	unsigned long entry[DPEV_MAX_ARGS];
	struct dpev_field f;
	struct pt_regs regs;
	unsigned char *rec;
	char buf[16384];
	struct seq_buf s;
	char *fmt;

	fmt = dpev_def_print_fmt(def);
	free(fmt);
	for (i = 0; i < dpev_def_nr_fields(def); i++) {
		dpev_def_field(def, i, buf, 64, &f);
		seq_buf_init(&s, buf + 64, sizeof(buf) - 64);
		format_field_line(&f, &s);
	}
	memset(&regs, 0, sizeof(regs));
	regs.di = KBASE;
	regs.si = UBASE;
	regs.dx = kmem[0] | (unsigned long)kmem[1] << 8;
	regs.sp = STACK;
	regs.ax = KBASE + 16;
	for (i = 0; i < DPEV_MAX_ARGS; i++)
		entry[i] = KBASE + i;
	ctx.regs = &regs;
	ctx.entry = entry;
	for (i = 0; i < def->nr_args; i++)
		dyn_len += dpev_fetch_dynamic_len(def->args[i].prog, &ctx);
	/* The event layer caps string data; so does this. */
	room = dyn_len > 8192 ? 8192 : dyn_len;
	hdr = DPEV_RECORD_HEADER_SIZE + dpev_def_header_size(def);
	rec = calloc(1, hdr + def->args_size + room);
	for (i = 0; i < def->nr_args; i++)
		used += dpev_fetch_store(def->args[i].prog, &ctx,
					 rec + hdr + def->args[i].offset, rec,
					 rec + hdr + def->args_size + used,
					 room - used);
	if (used > room)
		fail("string data past its room", "");
	seq_buf_init(&s, buf, sizeof(buf));
	dpev_print_args(def, &s, rec + hdr, rec, hdr + def->args_size + room);
	free(rec);
}

/* The listing, read as a "!" delete command, selects the probe. */
static void check_delete(const struct dpev_def *def, const char *list)
{
	struct dpev_delete del;
	char place[256];
	struct seq_buf s;

	seq_buf_init(&s, place, sizeof(place));
	dpev_def_place(def, &s);
	/* Places are compared in a buffer of 64, as upstream does. */
	if (seq_buf_used(&s) > DPEV_MAX_ARGSTR_LEN)
		return;
	if (delete_cmd_parse(list, &del))
		fail("listing is no delete command", list);
	if (!dpev_def_matches(def, &del))
		fail("listing as a delete does not select the probe", list);
	delete_cmd_release(&del);
}

static void round_trip(const char *line, const struct dpev_def *def)
{
	struct dpev_error err;
	struct dpev_def *again;
	char *l1, *l2;

	l1 = listing(def);
	if (!l1)
		fail("listing overflowed", line);
	/* Automatic names keep any symbol characters, as upstream's do. */
	if (!good_name(def->event)) {
		free(l1);
		return;
	}
	if (dpev_parse_def(l1, &env, &again, &err) || !again)
		fail("listing does not parse again", l1);
	l2 = listing(again);
	if (!l2 || strcmp(l1, l2))
		fail("listing changes when parsed again", l1);
	check_delete(def, l1);
	if (!same_def(def, again) || dpev_def_compare_args(def, again) ||
	    !dpev_def_same_probe(def, again))
		fail("programs differ after parsing the listing", l1);
	dpev_def_free(again);
	free(l1);
	free(l2);
}

static void setup(const uint8_t *data, size_t size)
{
	size_t i;

	fake_mem_reset();
	for (i = 0; i < sizeof(kmem); i++)
		kmem[i] = size ? data[i % size] : 0;
	memcpy(umem, kmem, sizeof(umem));
	kmem[sizeof(kmem) - 1] = 0;
	for (i = 0; i < ARRAY_SIZE(kstack); i++)
		kstack[i] = KBASE + i * 8;
	fake_mem_map(KBASE, kmem, sizeof(kmem), false);
	fake_mem_map(UBASE, umem, sizeof(umem), true);
	fake_mem_map(STACK, kstack, sizeof(kstack), false);
	fake_sym_add("sym", KBASE + 8, 64);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dpev_delete del;
	struct dpev_error err;
	struct dpev_def *def;
	char *line;
	int ret;

	line = malloc(size + 1);
	memcpy(line, data, size);
	line[size] = '\0';
	setup(data, size);

	ret = dpev_parse_def(line, &env, &def, &err);
	if (ret && def)
		fail("failure returned a definition", line);
	if (err.logged && (ret >= 0 || err.code < 0 ||
			   err.code >= DPEV_ERR_MAX || err.pos < 0 ||
			   (size_t)err.pos > strlen(line) + 1))
		fail("bad error report", line);
	if (!ret && def) {
		if (!strcmp(dpev_err_text(err.code), "Unknown error"))
			fail("error text", line);
		round_trip(line, def);
		if (!dpev_def_resolve(def, &env.syms))
			exercise(def);
	}
	if (!delete_cmd_parse(line, &del)) {
		if (def)
			dpev_def_matches(def, &del);
		delete_cmd_release(&del);
	}
	dpev_def_free(def);
	free(line);
	return 0;
}
