/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal test reporting: one "ok N - what" / "not ok N - what" line per
 * check; tests/run.sh adds them up across programs.
 */
#ifndef PROBE_TESTLIB_H
#define PROBE_TESTLIB_H

#include <stdio.h>
#include <string.h>

static int tl_count, tl_failed;

#define CHECK(cond, ...) do {						\
	int tl_ok = !!(cond);						\
	tl_count++;							\
	if (!tl_ok)							\
		tl_failed++;						\
	printf("%sok %d - ", tl_ok ? "" : "not ", tl_count);		\
	printf(__VA_ARGS__);						\
	printf("\n");							\
	if (!tl_ok)							\
		printf("#   failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
} while (0)

#define CHECK_STR(got, want, ...) do {					\
	const char *tl_g = (got), *tl_w = (want);			\
	CHECK(tl_g && tl_w && !strcmp(tl_g, tl_w), __VA_ARGS__);	\
	if (!(tl_g && tl_w && !strcmp(tl_g, tl_w)))			\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		       tl_g ? tl_g : "(null)", tl_w ? tl_w : "(null)");	\
} while (0)

static inline int tl_done(void)
{
	printf("# %d checks, %d failed\n", tl_count, tl_failed);
	return tl_failed ? 1 : 0;
}

#endif
