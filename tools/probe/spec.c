// SPDX-License-Identifier: GPL-2.0
/* Parsing of the probe point part of a specification. */
#include "spec.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

bool is_identifier(const char *s, size_t len)
{
	size_t i;

	if (!len || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

/* Index of the first unescaped character of @set in @s, or -1. */
static long find_special(const char *s, const char *set)
{
	long i;

	for (i = 0; s[i]; i++) {
		if (s[i] == '\\' && s[i + 1]) {
			i++;
			continue;
		}
		if (strchr(set, s[i]))
			return i;
	}
	return -1;
}

/* Copies @n bytes of @s dropping the backslashes of escaped characters. */
static char *unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

static int parse_number(const char *s, size_t n, int base, unsigned long *out)
{
	char buf[32], *end;

	if (!n || n >= sizeof(buf) || !isdigit((unsigned char)s[0]))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	*out = strtoul(buf, &end, base);
	return (*end || errno) ? -1 : 0;
}

static int parse_event_name(const char *s, size_t n, struct probe_spec *spec,
			    struct probe_error *err)
{
	const char *colon = memchr(s, ':', n);
	const char *ev = s;
	size_t evlen = n;

	if (colon) {
		size_t glen = (size_t)(colon - s);

		if (!is_identifier(s, glen))
			return perr(err, "Invalid group name '%.*s': use letters, digits and '_' only.",
				    (int)glen, s);
		spec->group = xstrndup(s, glen);
		ev = colon + 1;
		evlen = n - glen - 1;
	}
	if (!is_identifier(ev, evlen))
		return perr(err, "Invalid event name '%.*s': use letters, digits and '_' only, starting with a letter or '_'.",
			    (int)evlen, ev);
	spec->event = xstrndup(ev, evlen);
	return 0;
}

/* A head naming a source file rather than a function. */
static bool looks_like_file(const char *head)
{
	return strchr(head, '.') || strchr(head, '/');
}

static int parse_suffix(const char *s, size_t n, struct probe_spec *spec,
			struct probe_error *err)
{
	unsigned long v;

	switch (s[0]) {
	case '@':
		if (spec->file)
			return perr(err, "Only one '@SRC' is allowed.");
		if (n < 2)
			return perr(err, "'@' needs a source file name.");
		spec->file = unescape(s + 1, n - 1);
		return 0;
	case ':':
		if (spec->has_line)
			return perr(err, "Only one ':LINE' is allowed.");
		if (parse_number(s + 1, n - 1, 10, &v) || v > INT_MAX)
			return perr(err, "Invalid line number '%.*s'.", (int)n - 1, s + 1);
		spec->line = (int)v;
		spec->has_line = true;
		return 0;
	case '+':
		if (spec->has_offset)
			return perr(err, "Only one '+OFFSET' is allowed.");
		if (parse_number(s + 1, n - 1, 0, &v))
			return perr(err, "Invalid offset '%.*s'.", (int)n - 1, s + 1);
		spec->offset = v;
		spec->has_offset = true;
		return 0;
	default: /* '%' */
		if (n != 7 || strncmp(s, "%return", 7))
			return perr(err, "Unknown '%.*s': only '%%return' may follow a function.",
				    (int)n, s);
		spec->retprobe = true;
		return 0;
	}
}

static int check_combination(const struct probe_spec *spec,
			     struct probe_error *err)
{
	if (spec->lazy && (spec->has_line || spec->has_offset))
		return perr(err, "A lazy pattern (;PTN) cannot be combined with a line number or an offset.");
	if (spec->has_offset && spec->has_line)
		return perr(err, "An offset cannot be combined with a line number.");
	if (spec->has_offset && !spec->function)
		return perr(err, "An offset needs a function: FUNC+OFF.");
	if (spec->retprobe && (spec->has_offset || spec->has_line || spec->lazy))
		return perr(err, "%%return cannot be combined with an offset, a line or a lazy pattern.");
	if (!spec->function && !spec->has_line && !spec->lazy)
		return perr(err, "A source file needs a line number (SRC:LINE) or a lazy pattern (SRC;PTN).");
	if (!spec->function && spec->retprobe)
		return perr(err, "%%return needs a function.");
	return 0;
}

static int parse_point(const char *s, struct probe_spec *spec,
		       struct probe_error *err)
{
	long eq = find_special(s, "="), semi;
	size_t n = strlen(s);
	const char *p;
	char *head;
	long h;

	if (eq >= 0) {
		if (parse_event_name(s, (size_t)eq, spec, err))
			return -1;
		s += eq + 1;
		n -= (size_t)eq + 1;
	}
	semi = find_special(s, ";");
	if (semi >= 0) {
		spec->lazy = unescape(s + semi + 1, strlen(s + semi + 1));
		if (!spec->lazy[0])
			return perr(err, "Empty lazy pattern after ';'.");
		n = (size_t)semi;
	}
	head = xstrndup(s, n);
	h = find_special(head, "@:+%");
	p = head + (h < 0 ? (long)n : h);
	if (p == head) {
		free(head);
		return perr(err, "The probe point needs a function or a source file first.");
	}
	if (looks_like_file(head) && (h < 0 || *p != '@'))
		spec->file = unescape(head, (size_t)(p - head));
	else
		spec->function = unescape(head, (size_t)(p - head));
	while (*p) {
		long next = find_special(p + 1, "@:+%");
		size_t len = next < 0 ? strlen(p) : (size_t)next + 1;

		if (parse_suffix(p, len, spec, err)) {
			free(head);
			return -1;
		}
		p += len;
	}
	free(head);
	return check_combination(spec, err);
}

int spec_parse(const char *text, struct probe_spec *spec,
	       struct probe_error *err)
{
	const char *p = text;
	char *word;
	int first = 1;

	memset(spec, 0, sizeof(*spec));
	for (;;) {
		size_t n;

		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		n = strcspn(p, " \t\n");
		word = xstrndup(p, n);
		p += n;
		if (first) {
			first = 0;
			if (parse_point(word, spec, err))
				goto fail;
		} else {
			if (spec->nargs >= PROBE_MAX_ARGS) {
				perr(err, "Too many arguments: at most %d.", PROBE_MAX_ARGS);
				goto fail;
			}
			spec->args = xrealloc(spec->args, (spec->nargs + 1) *
					      sizeof(*spec->args));
			if (arg_parse(word, &spec->args[spec->nargs], err))
				goto fail;
			spec->nargs++;
		}
		free(word);
	}
	if (first)
		return perr(err, "Empty probe specification.");
	return 0;
fail:
	free(word);
	spec_free(spec);
	return -1;
}

void spec_free(struct probe_spec *spec)
{
	size_t i;

	for (i = 0; i < spec->nargs; i++)
		arg_free(&spec->args[i]);
	free(spec->args);
	free(spec->group);
	free(spec->event);
	free(spec->function);
	free(spec->file);
	free(spec->lazy);
	memset(spec, 0, sizeof(*spec));
}
