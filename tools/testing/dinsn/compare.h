/* SPDX-License-Identifier: GPL-2.0 */
/* Deciding whether a disagreement with Zydis is acceptable. */
#ifndef COMPARE_H
#define COMPARE_H

#include "dinsn.h"
#include "zyref.h"

struct lenient_stats {
	unsigned long field;	/* VEX/EVEX field constraints */
};

/*
 * We accept @b (decoded as @di) and Zydis rejects it.  True when the
 * reason is one we deliberately do not check and the length is not in
 * question; see compare.c.
 */
bool lenient(const ZydisDecoder *zy, const u8 *b, size_t n,
	     const struct dinsn *di, enum dinsn_mode mode,
	     struct lenient_stats *st);

/*
 * dinsn has a fast path for buffers of 15 bytes or more and a general
 * path for shorter ones.  Decode @b again with exactly @di->len bytes and
 * check that every field comes out the same.
 */
bool same_when_exact(const u8 *b, const struct dinsn *di, enum dinsn_mode mode);

/*
 * Compare field positions and sizes with Zydis's raw view of the same
 * instruction (@shift: bytes in front of what Zydis decoded, i.e. an
 * emulate prefix).  Returns NULL when they agree, else what differs.
 */
const char *fields_differ(const struct dinsn *di,
			  const ZydisDecodedInstruction *z, unsigned int shift);

#endif
