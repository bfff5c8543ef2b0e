/* SPDX-License-Identifier: GPL-2.0 */
/* ARRAY_SIZE() for the host tests and the benchmark (no kernel headers). */
#ifndef DINSN_TEST_ARRAY_SIZE_H
#define DINSN_TEST_ARRAY_SIZE_H

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

#endif
