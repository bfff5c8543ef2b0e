/* SPDX-License-Identifier: GPL-2.0 */
/* Test cases written as "48 8b 05 ..." become bytes (t_cases, t_objdump). */
#ifndef DINSN_TEST_HEX_BYTES_H
#define DINSN_TEST_HEX_BYTES_H

#include <stdlib.h>
#include "dinsn.h"

static inline size_t parse_hex(const char *s, u8 *out)
{
	size_t n = 0;

	while (*s) {
		char *end;

		out[n++] = strtoul(s, &end, 16);
		s = end;
		while (*s == ' ')
			s++;
	}
	return n;
}

#endif
