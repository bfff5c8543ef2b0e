/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: unaligned access through memcpy, as UBSan wants it. */
#ifndef DPROBE_HOST_UNALIGNED_H
#define DPROBE_HOST_UNALIGNED_H

#include <string.h>

/* A cast drops the qualifiers, so const pointers work too. */
#define get_unaligned(p) ({					\
	__typeof__((__typeof__(*(p)))0) __v;			\
	memcpy(&__v, (p), sizeof(__v));				\
	__v; })

#define put_unaligned(v, p) do {				\
	__typeof__((__typeof__(*(p)))0) __v = (v);		\
	memcpy((p), &__v, sizeof(__v));				\
	} while (0)

#endif
