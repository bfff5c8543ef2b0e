/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Growable strings, a small error-message carrier and ARRAY_SIZE(), shared
 * by all files.
 */
#ifndef PROBE_STRBUF_H
#define PROBE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;	/* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the string to the caller (never NULL) and reset @sb. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

/*
 * Errors travel as text: the pure layers (spec parsing, DWARF translation)
 * describe what went wrong and what to try next; the commands print it.
 */
#define PROBE_ERR_MAX 4096
struct probe_error {
	char msg[PROBE_ERR_MAX];
};

/* Sets the message and returns -1 so callers can `return perr(...)`. */
int perr(struct probe_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends a further line ("hint") to an already set message. */
void perr_hint(struct probe_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
