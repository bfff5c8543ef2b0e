// SPDX-License-Identifier: GPL-2.0
#include "kevents.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* "p:g/e rest", "r:g/e rest" or, with a maxactive count, "r10:g/e rest" */
void kevents_parse(const char *text, bool user, struct kevents *out)
{
	const char *p = text;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len), *colon, *slash, *sp;
		struct kevent *k;

		p = nl ? nl + 1 : NULL;
		colon = line + 1 + strspn(line + 1, "0123456789");
		slash = strchr(line, '/');
		sp = strchr(line, ' ');
		if ((line[0] != 'p' && line[0] != 'r') || *colon != ':' || !slash ||
		    slash < colon || (sp && sp < slash)) {
			free(line);
			continue;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		k = &out->v[out->n++];
		k->type = line[0];
		k->group = xstrndup(colon + 1, (size_t)(slash - colon - 1));
		k->event = sp ? xstrndup(slash + 1, (size_t)(sp - slash - 1)) :
				xstrdup(slash + 1);
		k->rest = xstrdup(sp ? sp + 1 : "");
		k->line = line;
		k->user = user;
	}
}

void kevents_free(struct kevents *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		free(k->v[i].group);
		free(k->v[i].event);
		free(k->v[i].rest);
		free(k->v[i].line);
	}
	free(k->v);
	memset(k, 0, sizeof(*k));
}
