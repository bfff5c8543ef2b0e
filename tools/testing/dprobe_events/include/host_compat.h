/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel API subset kernel/trace/dpev_*.c use, mapped to libc for the
 * host tests. Memory accessors read a fake address space the tests set up
 * (fake_mem.c), so fault paths can be exercised.
 */
#ifndef DPROBE_HOST_COMPAT_H
#define DPROBE_HOST_COMPAT_H

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The kernel's character classes (lib/ctype.c): ISO 8859-1, so bytes from
 * 0x80 are classified too (0xa0 is a space, 0xc0-0xff mostly letters).
 * The host build also uses -funsigned-char, as the kernel does.
 */
static inline int host_ctype(int c)
{
	c &= 0xff;
	if (c == ' ' || (c >= 9 && c <= 13) || c == 0xa0)
		return 's';
	if (c >= '0' && c <= '9')
		return 'd';
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return 'u';
	if ((c >= 'a' && c <= 'z') || (c >= 0xdf && c != 0xf7))
		return 'l';
	return 'o';
}

static inline int host_isspace(int c)
{
	return host_ctype(c) == 's';
}

static inline int host_isdigit(int c)
{
	return host_ctype(c) == 'd';
}

static inline int host_isalpha(int c)
{
	return host_ctype(c) == 'u' || host_ctype(c) == 'l';
}

static inline int host_isalnum(int c)
{
	return host_isalpha(c) || host_isdigit(c);
}

static inline int host_isxdigit(int c)
{
	return host_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static inline int host_tolower(int c)
{
	return host_ctype(c) == 'u' ? c + ('a' - 'A') : c;
}

#undef isspace
#undef isdigit
#undef isalpha
#undef isalnum
#undef isxdigit
#undef tolower
#define isspace(c) host_isspace(c)
#define isdigit(c) host_isdigit(c)
#define isalpha(c) host_isalpha(c)
#define isalnum(c) host_isalnum(c)
#define isxdigit(c) host_isxdigit(c)
#define tolower(c) host_tolower(c)

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define __user
#define noinline __attribute__((__noinline__))
#define GFP_KERNEL 0

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
/* Each argument is evaluated once, as with the kernel's min() and min_t(). */
#define min(a, b) ({					\
	__typeof__(a) __min_a = (a);			\
	__typeof__(b) __min_b = (b);			\
	__min_a < __min_b ? __min_a : __min_b; })
#define min_t(type, a, b) ({				\
	type __min_a = (a);				\
	type __min_b = (b);				\
	__min_a < __min_b ? __min_a : __min_b; })

/* Allocation: libc, with an optional failure injector for the tests. */
/* Make the @nth allocation from now fail; 0: never. */
void host_fail_alloc(unsigned long nth);
void *host_malloc(size_t size);
void *host_zalloc(size_t size);

static inline void *kmalloc(size_t size, int gfp)
{
	(void)gfp;
	return host_malloc(size);
}

static inline void *kzalloc(size_t size, int gfp)
{
	(void)gfp;
	return host_zalloc(size);
}

static inline void *kcalloc(size_t n, size_t size, int gfp)
{
	(void)gfp;
	return host_zalloc(n * size);
}

#define kfree(p) free((void *)(p))
void *krealloc(void *p, size_t size, int gfp);
char *kstrdup(const char *s, int gfp);
char *kstrndup(const char *s, size_t n, int gfp);
void *kmemdup(const void *p, size_t size, int gfp);
char *kasprintf(int gfp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Number parsing with the kernel's kstrto*() rules. */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
ssize_t strscpy(char *dst, const char *src, size_t size);

/* struct seq_buf as in include/linux/seq_buf.h. */
struct seq_buf {
	char *buffer;
	size_t size;
	size_t len;
};

void seq_buf_init(struct seq_buf *s, char *buf, unsigned int size);
int seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int seq_buf_puts(struct seq_buf *s, const char *str);
int seq_buf_putc(struct seq_buf *s, unsigned char c);
bool seq_buf_has_overflowed(struct seq_buf *s);
unsigned int seq_buf_used(struct seq_buf *s);

/* x86-64 struct pt_regs, members in arch/x86/include/asm/ptrace.h order. */
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax, ip, cs, flags, sp, ss;
};

unsigned long regs_get_kernel_stack_nth(struct pt_regs *regs, unsigned int n);
unsigned long regs_get_kernel_argument(struct pt_regs *regs, unsigned int n);
int regs_query_register_offset(const char *name);
static inline unsigned long kernel_stack_pointer(struct pt_regs *regs)
{
	return regs->sp;
}

static inline unsigned long regs_return_value(struct pt_regs *regs)
{
	return regs->ax;
}

/* The fake address space of fake_mem.c. */
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);
long copy_from_user_nofault(void *dst, const void __user *src, size_t size);
long strncpy_from_kernel_nofault(char *dst, const void *src, long count);
long strncpy_from_user_nofault(char *dst, const void __user *src,
			       long count);
long strnlen_user_nofault(const void __user *src, long count);

#define KSYM_SYMBOL_LEN 256
int sprint_symbol(char *buf, unsigned long addr);

struct task_struct {
	char comm[16];
};

extern struct task_struct host_current_task;
#define current (&host_current_task)

#endif /* DPROBE_HOST_COMPAT_H */
