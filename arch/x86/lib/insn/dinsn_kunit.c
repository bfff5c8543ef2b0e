// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "dinsn": hand-written decoder cases, and a walk over every
 * function of the running kernel checking that linear decoding ends exactly
 * at the function end and that walk_to(), a second walk from the
 * function start, agrees.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/dinsn.h>

struct dinsn_kcase {
	const char *what;
	u8 bytes[DINSN_UNIT_MAX_LEN];
	u8 nbytes;
	int ret;
	u8 len;
	u8 branch;
	u32 flags;	/* must be set */
};

#define KC(w, r, l, br, fl, ...)					\
	{ .what = w, .bytes = { __VA_ARGS__ },				\
	  .nbytes = sizeof((u8[]){ __VA_ARGS__ }), .ret = r, .len = l,	\
	  .branch = DINSN_BR_##br, .flags = fl }

static const struct dinsn_kcase dinsn_kcases[] = {
	KC("REX before 66 is ignored", 0, 3, NONE, DINSN_F_NOP, 0x48, 0x66, 0x90),
	KC("mov %cr0,%rax mod 0", 0, 3, NONE, DINSN_F_PRIV, 0x0f, 0x20, 0x04),
	KC("ud0 with ModRM", 0, 3, UD, 0, 0x0f, 0xff, 0x00),
	KC("0f 19 reserved nop", 0, 4, NONE, 0, 0x0f, 0x19, 0x04, 0x24),
	KC("cmove with F3", 0, 4, NONE, 0, 0xf3, 0x0f, 0x44, 0xc1),
	KC("Xen emulate prefix + cpuid", 0, 7, NONE,
	   DINSN_F_EMUL_PREFIX | DINSN_F_SERIAL,
	   0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2),
	KC("ud1 %esp,%ecx", 0, 3, UD, 0, 0x0f, 0xb9, 0xcc),
	KC("endbr64", 0, 4, NONE, DINSN_F_ENDBR, 0xf3, 0x0f, 0x1e, 0xfa),
	KC("int3", 0, 1, INT3, 0, 0xcc),
	KC("lkgs", 0, 4, NONE, DINSN_F_PRIV, 0xf2, 0x0f, 0x00, 0xf0),
	KC("erets", 0, 4, SYSRET, DINSN_F_PRIV, 0xf2, 0x0f, 0x01, 0xca),
	KC("eretu", 0, 4, SYSRET, DINSN_F_PRIV, 0xf3, 0x0f, 0x01, 0xca),
	KC("urdmsr imm32", 0, 9, NONE, 0,
	   0xc4, 0xe7, 0x7b, 0xf8, 0xc0, 1, 2, 3, 4),
	KC("nopl 0L(%rax,%rax,1)", 0, 8, NONE, DINSN_F_NOP,
	   0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0),
	KC("popf", 0, 1, NONE, DINSN_F_POPF | DINSN_F_IF | DINSN_F_TF, 0x9d),
	KC("mov rip(disp32),%rax", 0, 7, NONE, DINSN_F_RIPREL,
	   0x48, 0x8b, 0x05, 0, 0, 0, 0),
	KC("call rel32", 0, 5, CALL, DINSN_F_REL, 0xe8, 0, 0, 0, 0),
	KC("jmp *%rax", 0, 2, JMP_IND, 0, 0xff, 0xe0),
	KC("truncated call", DINSN_ERR_TRUNCATED, 0, NONE, 0, 0xe8, 0, 0),
	KC("undefined 0f 04", DINSN_ERR_INVALID, 0, NONE, 0, 0x0f, 0x04),
	KC("lock nop", DINSN_ERR_INVALID, 0, NONE, 0, 0xf0, 0x90),
	KC("jmpabs (APX REX2)", 0, 11, JMP_ABS, 0,
	   0xd5, 0x00, 0xa1, 1, 2, 3, 4, 5, 6, 7, 8),
	KC("REX2 with jcc rel8", DINSN_ERR_INVALID, 0, NONE, 0,
	   0xd5, 0x00, 0x74, 0x00),
	KC("vmovlpd store needs memory", DINSN_ERR_INVALID, 0, NONE, 0,
	   0xc5, 0xf9, 0x13, 0xc0),
	KC("emulate prefix + 11-byte nopw", 0, 16, NONE,
	   DINSN_F_EMUL_PREFIX | DINSN_F_NOP,
	   0x0f, 0x0b, 'x', 'e', 'n', 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84,
	   0, 0, 0, 0, 0),
};

static void dinsn_test_cases(struct kunit *test)
{
	const struct dinsn_kcase *c;
	struct dinsn di;
	int ret;

	for (c = dinsn_kcases; c < dinsn_kcases + ARRAY_SIZE(dinsn_kcases); c++) {
		ret = dinsn_decode(&di, c->bytes, c->nbytes, DINSN_MODE_64);
		KUNIT_EXPECT_EQ_MSG(test, ret, c->ret, "%s", c->what);
		if (ret || c->ret)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, di.len, c->len, "%s", c->what);
		KUNIT_EXPECT_EQ_MSG(test, di.branch, c->branch, "%s", c->what);
		KUNIT_EXPECT_EQ_MSG(test, di.flags & c->flags, c->flags, "%s",
				    c->what);
	}
}

static void dinsn_test_branch_target(struct kunit *test)
{
	static const u8 jne[] = { 0x0f, 0x85, 0x10, 0x00, 0x00, 0x00 };
	struct dinsn di;

	KUNIT_ASSERT_EQ(test, dinsn_decode(&di, jne, sizeof(jne), DINSN_MODE_64), 0);
	KUNIT_EXPECT_TRUE(test, dinsn_has_rel_target(&di));
	KUNIT_EXPECT_EQ(test, dinsn_branch_target(&di, 0xffffffff81000000UL),
			0xffffffff81000016UL);
}

/*
 * Is @addr an instruction boundary of the kallsyms function holding it?
 * A second, independent walk from the function start (the engine's own
 * boundary check reads text through its probes, see dprobe_text.c).
 * Return: 0, -EILSEQ inside an instruction, -ENOENT, -ENOEXEC, -EFAULT.
 */
static int walk_to(unsigned long addr)
{
	unsigned long size, offset, pc, end;
	u8 buf[DINSN_UNIT_MAX_LEN];
	struct dinsn di;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset))
		return -ENOENT;
	pc = addr - offset;
	end = pc + size;
	while (pc < addr) {
		size_t n = min_t(unsigned long, sizeof(buf), end - pc);

		if (copy_from_kernel_nofault(buf, (void *)pc, n))
			return -EFAULT;
		if (dinsn_decode(&di, buf, n, DINSN_MODE_64))
			return -ENOEXEC;
		pc += di.len;
	}
	return pc == addr ? 0 : -EILSEQ;
}

static noinline int dinsn_kunit_target(int x)
{
	return x * 3 + 1;
}

static void dinsn_test_boundary(struct kunit *test)
{
	unsigned long start = (unsigned long)dinsn_kunit_target;
	struct dinsn di;

	KUNIT_EXPECT_EQ(test, walk_to(start), 0);
	KUNIT_ASSERT_EQ(test, dinsn_decode(&di, (const u8 *)start,
					   DINSN_MAX_LEN, DINSN_MODE_64), 0);
	KUNIT_EXPECT_EQ(test, walk_to(start + di.len), 0);
	if (di.len > 1)
		KUNIT_EXPECT_EQ(test, walk_to(start + 1),
				-EILSEQ);
	KUNIT_EXPECT_EQ(test, dinsn_kunit_target(1), 4);
}

/* Outcome counters of the whole-kernel walk. */
struct dinsn_walk {
	struct kunit *test;
	unsigned long funcs, insns, bytes;
	unsigned long aliases;		/* another name for a function */
	char *namebuf;			/* KSYM_NAME_LEN */
	unsigned long undecodable;	/* data or unknown bytes in text */
	unsigned long overrun;		/* last instruction crosses the end */
	unsigned long boundary_bad;	/* helper disagrees */
};

#define DINSN_WALK_REPORT	10

static void dinsn_walk_note(struct dinsn_walk *w, const char *why,
			    const char *name, unsigned long off)
{
	if (w->undecodable + w->overrun + w->boundary_bad <= DINSN_WALK_REPORT)
		kunit_info(w->test, "%s: %s+%#lx\n", why, name, off);
}

static int dinsn_walk_one(void *data, const char *name, unsigned long addr)
{
	struct dinsn_walk *w = data;
	unsigned long size, off, pc, last = addr;
	const char *canon;
	char *modname;
	struct dinsn di;

	if (!is_kernel_text(addr))
		return 0;
	canon = kallsyms_lookup(addr, &size, &off, &modname, w->namebuf);
	if (!canon || off || !size)
		return 0;
	if (strcmp(canon, name)) {
		w->aliases++;	/* walked under its canonical name */
		return 0;
	}
	w->funcs++;
	for (pc = addr; pc < addr + size; pc += di.len) {
		size_t n = min_t(unsigned long, DINSN_UNIT_MAX_LEN,
				 addr + size - pc);
		int ret = dinsn_decode(&di, (const u8 *)pc, n, DINSN_MODE_64);

		if (ret == DINSN_ERR_TRUNCATED) {
			w->overrun++;
			dinsn_walk_note(w, "crosses the next symbol", name,
					pc - addr);
			return 0;
		}
		if (ret) {
			w->undecodable++;
			dinsn_walk_note(w, "undecodable", name, pc - addr);
			return 0;
		}
		last = pc;
		w->insns++;
	}
	w->bytes += size;
	/* the helper must agree at the start, the last instruction, inside */
	if (walk_to(addr) ||
	    walk_to(last) ||
	    (di.len > 1 && walk_to(last + 1) != -EILSEQ)) {
		w->boundary_bad++;
		dinsn_walk_note(w, "boundary helper disagrees", name,
				last - addr);
	}
	return 0;
}

/*
 * A few symbols are not plain functions: asm with data in .text, or
 * labels inside instructions (return-thunk tricks).  They are counted and
 * reported; more than 1 in 1000 functions (at least 20) fails the test.
 */
static void dinsn_test_walk_kernel(struct kunit *test)
{
	struct dinsn_walk w = { .test = test };
	unsigned long bad, limit;

	w.namebuf = kunit_kzalloc(test, KSYM_NAME_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w.namebuf);

	kallsyms_on_each_symbol(dinsn_walk_one, &w);
	kunit_info(test, "%lu functions, %lu bytes, %lu instructions decoded\n",
		   w.funcs, w.bytes, w.insns);
	kunit_info(test, "skipped: %lu aliases, %lu undecodable, %lu crossing the next symbol\n",
		   w.aliases, w.undecodable, w.overrun);
	bad = w.undecodable + w.overrun;
	limit = max(20UL, w.funcs / 1000);
	KUNIT_EXPECT_GT(test, w.funcs, 1000UL);
	KUNIT_EXPECT_LE(test, bad, limit);
	KUNIT_EXPECT_EQ(test, w.boundary_bad, 0UL);
}

static struct kunit_case dinsn_test_cases_list[] = {
	KUNIT_CASE(dinsn_test_cases),
	KUNIT_CASE(dinsn_test_branch_target),
	KUNIT_CASE(dinsn_test_boundary),
	KUNIT_CASE_SLOW(dinsn_test_walk_kernel),
	{}
};

static struct kunit_suite dinsn_test_suite = {
	.name = "dinsn",
	.test_cases = dinsn_test_cases_list,
};

kunit_test_suite(dinsn_test_suite);

MODULE_DESCRIPTION("KUnit tests for the dinsn x86 decoder");
MODULE_LICENSE("GPL");
