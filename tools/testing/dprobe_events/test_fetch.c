// SPDX-License-Identifier: GPL-2.0
/*
 * The fetch executor against a fake address space: values stored in the
 * record and printed as in the trace, faults recorded as "(fault)" or 0.
 */
#include "test.h"
#include "fake_mem.h"

#define KBASE	0xffff888000100000ul	/* kernel data */
#define STACK	0xffffc90000010000ul	/* kernel stack */
#define UBASE	0x00007fff00000000ul	/* user data */
#define TEXT	0xffffffff81000000ul	/* kernel text, for symbols */
#define UNMAPPED 0xffff888000900000ul

static struct {
	unsigned long ptrs[4];		/* +0: pointers to strings */
	char name[16];			/* +32 */
	unsigned int word;		/* +48 */
	unsigned short half;		/* +52 */
	unsigned char bytes[10];	/* +54 */
} kdata;
static const char kstr2[] = "second";
static unsigned long kstack[8];
static const char udata[] = "/dev/null";

static void setup_memory(struct pt_regs *regs)
{
	fake_mem_reset();
	memset(&kdata, 0, sizeof(kdata));
	kdata.ptrs[0] = KBASE + 32;
	kdata.ptrs[1] = KBASE + 0x1000;
	kdata.ptrs[2] = UNMAPPED;
	strscpy(kdata.name, "test", sizeof(kdata.name));
	kdata.word = 0xf00dbeef;
	kdata.half = 0xabcd;
	memcpy(kdata.bytes, "\x01\x02\x03\x80", 4);
	fake_mem_map(KBASE, &kdata, sizeof(kdata), false);
	fake_mem_map(KBASE + 0x1000, kstr2, sizeof(kstr2), false);
	kstack[0] = TEXT + 0x20;	/* return address */
	kstack[1] = 11;
	kstack[2] = 22;
	kstack[3] = KBASE;
	fake_mem_map(STACK, kstack, sizeof(kstack), false);
	fake_mem_map(UBASE, udata, sizeof(udata), true);
	fake_sym_add("vfs_read", TEXT, 0x100);
	fake_sym_add("linux_banner", KBASE + 32, 16);

	memset(regs, 0, sizeof(*regs));
	regs->di = KBASE;
	regs->si = UBASE;
	regs->dx = UNMAPPED;
	regs->cx = 0x1234;
	regs->r8 = 8;
	regs->r9 = 9;
	regs->ax = (unsigned long)-5;
	regs->sp = STACK;
	regs->ip = TEXT + 0x10;
}

/*
 * Run every program of @line the way the event layer will: size the
 * strings, lay out the record (header, probe header, arguments, string
 * data), store, then print the arguments as the trace shows them.
 */
static int run(const char *line, struct pt_regs *regs,
	       const unsigned long *entry, char *out, size_t len)
{
	struct dpev_fetch_ctx ctx = { .regs = regs, .entry = entry };
	unsigned int i, hdr, dyn_len = 0, used = 0;
	struct dpev_error err;
	struct dpev_def *def;
	unsigned char *rec;
	struct seq_buf s;
	int ret;

	ret = dpev_parse_def(line, &test_env, &def, &err);
	if (ret)
		return ret;
	ret = dpev_def_resolve(def, &test_env.syms);
	if (ret) {
		dpev_def_free(def);
		return ret;
	}
	for (i = 0; i < def->nr_args; i++)
		dyn_len += dpev_fetch_dynamic_len(def->args[i].prog, &ctx);
	hdr = DPEV_RECORD_HEADER_SIZE + dpev_def_header_size(def);
	rec = calloc(1, hdr + def->args_size + dyn_len);
	for (i = 0; i < def->nr_args; i++)
		used += dpev_fetch_store(def->args[i].prog, &ctx,
					 rec + hdr + def->args[i].offset, rec,
					 rec + hdr + def->args_size + used,
					 dyn_len - used);
	seq_buf_init(&s, out, len);
	dpev_print_args(def, &s, rec + hdr, rec,
			hdr + def->args_size + dyn_len);
	out[seq_buf_used(&s) < len ? seq_buf_used(&s) : len - 1] = '\0';
	ret = used == dyn_len ? 0 : -EIO;
	free(rec);
	dpev_def_free(def);
	return ret;
}

struct fetch_case {
	const char *line;
	const char *trace;
};

static const struct fetch_case cases[] = {
	{ "p:t vfs_read %di %cx:u16 %ax:s32 %ax:x8 $stack $stack1 $stack2:u8",
	  " arg1=0xffff888000100000 arg2=4660 arg3=-5 arg4=0xfb"
	  " arg5=0xffffc90000010000 arg6=0xb arg7=22" },
	{ "p:t vfs_read $arg1 $arg4:u32 $arg5:u8 $arg6:u8 $arg7:u8 $arg8:u8",
	  " arg1=0xffff888000100000 arg2=4660 arg3=8 arg4=9 arg5=11 arg6=22" },
	{ "p:t vfs_read w=+48(%di):x32 h=+52(%di):u16 b=+54(%di):s8 c=+32(%di):char",
	  " w=0xf00dbeef h=43981 b=1 c='t'" },
	{ "p:t vfs_read a=+54(%di):u8[4] c=+32(%di):char[4] x=+52(%di):x16[1]",
	  " a={1,2,3,128} c={'t','e','s','t'} x={0xabcd}" },
	/* +OFFS(X):string is the string at X + OFFS */
	{ "p:t vfs_read s=+32(%di):string n=+0(+0(%di)):string d=+32(+24($stack)):string",
	  " s=\"test\" n=\"test\" d=\"test\"" },
	{ "p:t vfs_read s=+0(%di):string[3] u=+0(%di):string[1]",
	  " s={\"test\",\"second\",(fault)} u={\"test\"}" },
	{ "p:t vfs_read u=+0(%si):ustring v=+u0(%si):string k=+0(%di):ustring",
	  " u=\"/dev/null\" v=\"/dev/null\" k=(fault)" },
	{ "p:t vfs_read f=+0(%dx):string g=+0(%dx):u64 h=+8(+0(%dx)):u32 i=+0(+16(%di)):string",
	  " f=(fault) g=0 h=0 i=(fault)" },
	{ "p:t vfs_read c=$comm i=\\\"imm\" e=\\\"\" n=\\-3:s16 x=\\0x10",
	  " c=\"host-test\" i=\"imm\" e=\"\" n=-3 x=0x10" },
	{ "p:t vfs_read a=+48(%di):b4@4/32 b=+48(%di):b4@0/32 c=+48(%di):b32@0/32 d=+52(%di):b8@8/16",
	  " a=14 b=15 c=4027432687 d=171" },
	{ "p:t vfs_read b=+48(%di):b4@28/32[1] m=+54(%di):b1@7/8[4]",
	  " b={15} m={0,0,0,1}" },
	/* @SYM loads from SYM; a dereference of what it loaded faults here */
	{ "p:t vfs_read s=@linux_banner:string v=@linux_banner+4:u8 w=@linux_banner+1:char x=+2(@linux_banner):u8",
	  " s=\"test\" v=0 w='e' x=0" },
	{ "p:t vfs_read y=$stack0:symstr z=$stack0:symbol q=%dx:symstr",
	  " y=\"vfs_read+0x20/0x100\" z=vfs_read+0x20/0x100 q=\"0xffff888000900000\"" },
	{ "r:t vfs_read r=$retval:s64 a=$arg1 b=$arg3:u16",
	  " r=-5 a=0x1 b=3" },
};

static void test_cases(void)
{
	static const unsigned long entry[] = { 1, 3 };
	struct pt_regs regs;
	char out[1024];
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		setup_memory(&regs);
		ret = run(cases[i].line, &regs, entry, out, sizeof(out));
		CHECK(ret == 0, "'%s': ret %d", cases[i].line, ret);
		CHECK(!strcmp(out, cases[i].trace), "'%s':\n got '%s'\nwant '%s'",
		      cases[i].line, out, cases[i].trace);
	}
}

/* A return probe saves $argN at entry into its slots. */
static void test_entry_save(void)
{
	struct dpev_error err;
	struct dpev_def *def;
	unsigned long buf[3];
	struct pt_regs regs;

	setup_memory(&regs);
	if (dpev_parse_def("r:t vfs_read $arg2 $arg7 $arg2:u8 $arg1",
			   &test_env, &def, &err)) {
		CHECK(0, "entry save line does not parse");
		return;
	}
	CHECK(def->nr_entry_args == 3, "3 slots, have %u", def->nr_entry_args);
	dpev_save_entry_args(def->entry_args, def->nr_entry_args, &regs, buf);
	CHECK(buf[0] == UBASE && buf[1] == 11 && buf[2] == KBASE,
	      "saved %#lx %#lx %#lx", buf[0], buf[1], buf[2]);
	dpev_def_free(def);
}

/* String data is bounded by the room the caller gives. */
static void test_string_room(void)
{
	struct dpev_fetch_ctx ctx;
	struct dpev_error err;
	struct dpev_def *def;
	unsigned char rec[64];
	struct pt_regs regs;
	unsigned int used;
	u32 loc;

	setup_memory(&regs);
	ctx.regs = &regs;
	ctx.entry = NULL;
	if (dpev_parse_def("p:t vfs_read +0(%di):string[2]", &test_env,
			   &def, &err)) {
		CHECK(0, "string room line does not parse");
		return;
	}
	CHECK(dpev_fetch_dynamic_len(def->args[0].prog, &ctx) == 12,
	      "two strings need 12 bytes");
	memset(rec, 0xaa, sizeof(rec));
	used = dpev_fetch_store(def->args[0].prog, &ctx, rec, rec, rec + 16,
				5);
	memcpy(&loc, rec, 4);
	CHECK(used == 5 && dpev_data_loc_len(loc) == 5 &&
	      dpev_data_loc_offs(loc) == 16, "first string: used %u", used);
	memcpy(&loc, rec + 4, 4);
	CHECK(dpev_data_loc_len(loc) == 0 && rec[16 + 5] == 0xaa,
	      "second string: no room, nothing written past it");
	used = dpev_fetch_store(def->args[0].prog, &ctx, rec, rec, rec + 16,
				8);
	memcpy(&loc, rec + 4, 4);
	CHECK(used == 8 && dpev_data_loc_len(loc) == 3 &&
	      !memcmp(rec + 21, "se", 3), "second string truncated");
	dpev_def_free(def);
}

/* An unknown @SYM fails resolution, as registration reports it. */
static void test_resolve(void)
{
	struct dpev_error err;
	struct dpev_def *def;
	struct pt_regs regs;

	setup_memory(&regs);
	if (dpev_parse_def("p:t vfs_read @nosuch:u8", &test_env, &def,
			   &err)) {
		CHECK(0, "resolve line does not parse");
		return;
	}
	CHECK(dpev_def_resolve(def, &test_env.syms) == -ENOENT,
	      "unknown symbol resolves");
	dpev_def_free(def);
	if (dpev_parse_def("p:t vfs_read @linux_banner+x", &test_env, &def,
			   &err)) {
		CHECK(0, "resolve line 2 does not parse");
		return;
	}
	CHECK(dpev_def_resolve(def, &test_env.syms) == -EINVAL,
	      "bad symbol offset resolves");
	dpev_def_free(def);
}

void test_fetch(void)
{
	test_cases();
	test_entry_save();
	test_string_room();
	test_resolve();
}
