// SPDX-License-Identifier: GPL-2.0
/* probe --del [GROUP:]EVENT glob */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#include "probe.h"
#include "tracefs_io.h"

/* "GROUP:EVENT" globs match both parts; a bare glob matches the event. */
static bool matches(const char *glob, const struct kevent *k)
{
	const char *colon = strchr(glob, ':');
	char group[256];

	if (!colon)
		return !fnmatch(glob, k->event, 0);
	snprintf(group, sizeof(group), "%.*s", (int)(colon - glob), glob);
	return !fnmatch(group, k->group, 0) && !fnmatch(colon + 1, k->event, 0);
}

int cmd_del(struct probe_ctx *ctx, const struct str_list *globs)
{
	struct probe_error err = { "" };
	struct kevents ks;
	size_t i, g;
	int rc = 0, removed = 0;

	if (tracefs_ready_any(&err) || kevents_read(&ks, &err)) {
		report_error(&err);
		return 1;
	}
	for (i = 0; i < ks.n; i++) {
		for (g = 0; g < globs->n; g++)
			if (matches(globs->v[g], &ks.v[i]))
				break;
		if (g == globs->n)
			continue;
		if (!ctx->dry_run && kevent_del(&ks.v[i], &err)) {
			report_error(&err);
			rc = 1;
			continue;
		}
		removed++;
		if (!ctx->quiet)
			printf("Removed event: %s:%s\n", ks.v[i].group, ks.v[i].event);
	}
	if (!removed && !rc) {
		fprintf(stderr, "Error: No event matches the given pattern(s).\nList events with 'probe --list'.\n");
		rc = 1;
	}
	kevents_free(&ks);
	return rc;
}
