// SPDX-License-Identifier: GPL-2.0
/* probe --list [[GROUP:]EVENT glob] */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#include "probe.h"
#include "tracefs_io.h"

int cmd_list(struct probe_ctx *ctx, const char *filter)
{
	struct probe_error err = { "" };
	struct kevents ks;
	size_t i;

	(void)ctx;	/* listing needs no debuginfo */
	if (tracefs_ready(&err) || kevents_read(&ks, &err)) {
		report_error(&err);
		return 1;
	}
	for (i = 0; i < ks.n; i++) {
		const struct kevent *k = &ks.v[i];
		char full[512];

		snprintf(full, sizeof(full), "%s:%s", k->group, k->event);
		if (filter && fnmatch(filter, full, 0) && fnmatch(filter, k->event, 0))
			continue;
		printf("  %-30s (on %s%s)\n", full, k->rest,
		       k->type == 'r' ? " [return]" : "");
	}
	kevents_free(&ks);
	return 0;
}
