// SPDX-License-Identifier: GPL-2.0
/*
 * libc versions of the kernel helpers the dprobe parser uses, with the
 * kernel's semantics where the parser depends on them (kstrto*()).
 */
#include <stdarg.h>

#include "host_compat.h"

static unsigned long alloc_fail_at;
static unsigned long alloc_calls;

void host_fail_alloc(unsigned long nth)
{
	alloc_fail_at = nth;
	alloc_calls = 0;
}

void *host_malloc(size_t size)
{
	if (alloc_fail_at && ++alloc_calls == alloc_fail_at)
		return NULL;
	return malloc(size ? size : 1);
}

void *host_zalloc(size_t size)
{
	void *p = host_malloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void *krealloc(void *p, size_t size, int gfp)
{
	(void)gfp;
	if (alloc_fail_at && ++alloc_calls == alloc_fail_at)
		return NULL;
	return realloc(p, size ? size : 1);
}

char *kstrdup(const char *s, int gfp)
{
	return kstrndup(s, strlen(s), gfp);
}

char *kstrndup(const char *s, size_t n, int gfp)
{
	size_t len = strnlen(s, n);
	char *p = host_malloc(len + 1);

	(void)gfp;
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void *kmemdup(const void *src, size_t size, int gfp)
{
	void *p = host_malloc(size);

	(void)gfp;
	if (p)
		memcpy(p, src, size);
	return p;
}

char *kasprintf(int gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	(void)gfp;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = host_malloc(n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Base 0 picks 16 for "0x" followed by a hex digit, 8 for "0", else 10. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int d, n = 0;

	if (!base) {
		base = 10;
		if (s[0] == '0')
			base = (tolower(s[1]) == 'x' && isxdigit(s[2])) ? 16 : 8;
	}
	if (base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	for (;; s++, n++) {
		if (isdigit(*s))
			d = *s - '0';
		else if (tolower(*s) >= 'a' && tolower(*s) <= 'f')
			d = tolower(*s) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (ULLONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (!n)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (!ret)
		*res = v;
	return ret;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long long v;
	int ret;

	if (s[0] == '-') {
		ret = parse_ull(s + 1, base, &v);
		if (ret)
			return ret;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long)(0 - v);
		return 0;
	}
	ret = kstrtoull(s, base, &v);
	if (ret)
		return ret;
	if (v > LLONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -E2BIG;
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

void seq_buf_init(struct seq_buf *s, char *buf, unsigned int size)
{
	s->buffer = buf;
	s->size = size;
	s->len = 0;
}

bool seq_buf_has_overflowed(struct seq_buf *s)
{
	return s->len > s->size;
}

unsigned int seq_buf_used(struct seq_buf *s)
{
	return s->len < s->size ? s->len : s->size;
}

/* As the kernel's: all or nothing, and an overflow marks the buffer. */
static int seq_buf_vprintf(struct seq_buf *s, const char *fmt, va_list ap)
{
	int n;

	if (s->len < s->size) {
		n = vsnprintf(s->buffer + s->len, s->size - s->len, fmt, ap);
		if (s->len + n < s->size) {
			s->len += n;
			return 0;
		}
	}
	s->len = s->size + 1;
	return -1;
}

int seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = seq_buf_vprintf(s, fmt, ap);
	va_end(ap);
	return ret;
}

int seq_buf_puts(struct seq_buf *s, const char *str)
{
	return seq_buf_printf(s, "%s", str);
}

int seq_buf_putc(struct seq_buf *s, unsigned char c)
{
	return seq_buf_printf(s, "%c", c);
}
