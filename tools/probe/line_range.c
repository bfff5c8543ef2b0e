// SPDX-License-Identifier: GPL-2.0
/* Parsing of --line ranges. */
#include "spec.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int parse_int(const char **s, int *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)**s))
		return -1;
	v = strtol(*s, &end, 10);
	if (v < 0 || v > INT_MAX)
		return -1;
	*out = (int)v;
	*s = end;
	return 0;
}

static int parse_numbers(const char *s, struct line_range *lr,
			 struct probe_error *err)
{
	int n;

	if (parse_int(&s, &lr->start))
		return perr(err, "Invalid line number in range '%s'.", s);
	lr->end = INT_MAX;
	if (*s == '+') {
		s++;
		if (parse_int(&s, &n))
			return perr(err, "Invalid line count after '+'.");
		lr->end = lr->start + n;
	} else if (*s == '-') {
		s++;
		if (parse_int(&s, &lr->end) || lr->end < lr->start)
			return perr(err, "Invalid end line: it must not be before the start.");
	}
	if (*s)
		return perr(err, "Unexpected '%s' in line range.", s);
	return 0;
}

int line_range_parse(const char *text, struct line_range *lr,
		     struct probe_error *err)
{
	const char *colon = strchr(text, ':');
	size_t n = colon ? (size_t)(colon - text) : strlen(text);
	char *head = xstrndup(text, n), *at = strchr(head, '@');

	memset(lr, 0, sizeof(*lr));
	lr->end = INT_MAX;
	if (at) {
		*at = '\0';
		lr->file = xstrdup(at + 1);
	}
	if (!at && (strchr(head, '.') || strchr(head, '/'))) {
		lr->file = head;
		head = NULL;
	} else {
		if (!is_identifier(head, strlen(head))) {
			perr(err, "Invalid function name '%s'.", head);
			free(head);
			line_range_free(lr);
			return -1;
		}
		lr->function = head;
		head = NULL;
	}
	if (colon && parse_numbers(colon + 1, lr, err)) {
		line_range_free(lr);
		return -1;
	}
	return 0;
}

void line_range_free(struct line_range *lr)
{
	free(lr->function);
	free(lr->file);
	memset(lr, 0, sizeof(*lr));
}
