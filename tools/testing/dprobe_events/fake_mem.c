// SPDX-License-Identifier: GPL-2.0
/*
 * Fake address space, symbols and task for the host tests.
 */
#include "host_compat.h"
#include "fake_mem.h"

#define MAX_REGIONS 16
#define MAX_SYMS 16

struct region {
	unsigned long addr, size;
	const unsigned char *data;
	bool user;
};

static struct region regions[MAX_REGIONS];
static int nr_regions;

static struct {
	const char *name;
	unsigned long addr, size;
} syms[MAX_SYMS];
static int nr_syms;

struct task_struct host_current_task = { .comm = "host-test" };

void fake_mem_reset(void)
{
	nr_regions = 0;
	nr_syms = 0;
}

void fake_mem_map(unsigned long addr, const void *data, unsigned long size,
		  bool user)
{
	if (nr_regions == MAX_REGIONS)
		abort();
	regions[nr_regions++] = (struct region){ addr, size, data, user };
}

void fake_sym_add(const char *name, unsigned long addr, unsigned long size)
{
	if (nr_syms == MAX_SYMS)
		abort();
	syms[nr_syms].name = name;
	syms[nr_syms].addr = addr;
	syms[nr_syms].size = size;
	nr_syms++;
}

unsigned long fake_sym_lookup(const char *name)
{
	int i;

	for (i = 0; i < nr_syms; i++)
		if (!strcmp(syms[i].name, name))
			return syms[i].addr;
	return 0;
}

/* Host pointer for [addr, addr+size) when it is mapped, else NULL. */
static const unsigned char *lookup(unsigned long addr, size_t size, bool user)
{
	int i;

	for (i = 0; i < nr_regions; i++) {
		struct region *r = &regions[i];

		if (r->user == user && addr >= r->addr &&
		    addr - r->addr <= r->size && size <= r->size - (addr - r->addr))
			return r->data + (addr - r->addr);
	}
	return NULL;
}

static long copy(void *dst, unsigned long src, size_t size, bool user)
{
	const unsigned char *p = lookup(src, size, user);

	if (!p)
		return -EFAULT;
	memcpy(dst, p, size);
	return 0;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	return copy(dst, (unsigned long)src, size, false);
}

long copy_from_user_nofault(void *dst, const void *src, size_t size)
{
	return copy(dst, (unsigned long)src, size, true);
}

static long strncpy_nofault(char *dst, unsigned long src, long count,
			    bool user)
{
	long i;

	if (count <= 0)
		return -EINVAL;
	for (i = 0; i < count; i++) {
		if (copy(&dst[i], src + i, 1, user)) {
			dst[i] = '\0';
			return -EFAULT;
		}
		if (!dst[i])
			return i + 1;
	}
	dst[count - 1] = '\0';
	return count;
}

long strncpy_from_kernel_nofault(char *dst, const void *src, long count)
{
	return strncpy_nofault(dst, (unsigned long)src, count, false);
}

long strncpy_from_user_nofault(char *dst, const void *src, long count)
{
	return strncpy_nofault(dst, (unsigned long)src, count, true);
}

long strnlen_user_nofault(const void *src, long count)
{
	long i;
	char c;

	for (i = 0; i < count; i++) {
		if (copy(&c, (unsigned long)src + i, 1, true))
			return 0;
		if (!c)
			return i + 1;
	}
	return count + 1;
}

int sprint_symbol(char *buf, unsigned long addr)
{
	int i;

	for (i = 0; i < nr_syms; i++)
		if (addr >= syms[i].addr && addr - syms[i].addr < syms[i].size)
			return sprintf(buf, "%s+0x%lx/0x%lx", syms[i].name,
				       addr - syms[i].addr, syms[i].size);
	return sprintf(buf, "0x%lx", addr);
}

/* The kernel checks the slot is on the task's stack; here: mapped. */
unsigned long regs_get_kernel_stack_nth(struct pt_regs *regs, unsigned int n)
{
	unsigned long val;

	if (copy(&val, regs->sp + n * sizeof(long), sizeof(val), false))
		return 0;
	return val;
}

/* x86-64's register names, as arch/x86/kernel/ptrace.c answers them. */
int regs_query_register_offset(const char *name)
{
#define R(n)	{ #n, offsetof(struct pt_regs, n) }
	static const struct {
		const char *name;
		int offset;
	} regs[] = {
		R(ax), R(bx), R(cx), R(dx), R(si), R(di), R(bp), R(sp),
		R(r8), R(r9), R(r10), R(r11), R(r12), R(r13), R(r14), R(r15),
		R(orig_ax), R(ip), R(cs), R(flags), R(ss),
	};
#undef R
	size_t i;

	for (i = 0; i < ARRAY_SIZE(regs); i++)
		if (!strcmp(regs[i].name, name))
			return regs[i].offset;
	return -EINVAL;
}

unsigned long regs_get_kernel_argument(struct pt_regs *regs, unsigned int n)
{
	const unsigned long args[] = { regs->di, regs->si, regs->dx,
				       regs->cx, regs->r8, regs->r9 };

	if (n < 6)
		return args[n];
	return regs_get_kernel_stack_nth(regs, n - 5);
}
