// SPDX-License-Identifier: GPL-2.0
#include "lazy.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static char *squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Matches one [...] class at @p against @c; returns the text after ']'. */
static const char *match_class(const char *p, char c, bool *hit)
{
	bool negate = false;

	*hit = false;
	p++;
	if (*p == '!' || *p == '^') {
		negate = true;
		p++;
	}
	while (*p && *p != ']') {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				*hit = true;
			p += 3;
		} else {
			if (c == *p)
				*hit = true;
			p++;
		}
	}
	if (negate)
		*hit = !*hit;
	return *p ? p + 1 : NULL;
}

static bool glob(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	while (*s) {
		bool hit;

		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*p == '[') {
			const char *next = match_class(p, *s, &hit);

			if (next && hit) {
				p = next;
				s++;
				continue;
			}
		} else if (*p && (*p == '?' || *p == *s)) {
			p++;
			s++;
			continue;
		}
		if (!star_p)
			return false;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return !*p;
}

bool lazy_match(const char *pattern, const char *line)
{
	char *p = squeeze(pattern), *l = squeeze(line);
	bool r = glob(p, l);

	free(p);
	free(l);
	return r;
}
