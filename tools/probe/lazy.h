/* SPDX-License-Identifier: GPL-2.0 */
/* Lazy line patterns: glob matching (*, ?, [a-z], [!a-z]) ignoring blanks. */
#ifndef PROBE_LAZY_H
#define PROBE_LAZY_H

#include <stdbool.h>

/* True when the whole @line matches @pattern, spaces and tabs ignored. */
bool lazy_match(const char *pattern, const char *line);

#endif
