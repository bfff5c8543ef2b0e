/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Upstream's insn_decode() as a length oracle for the dinsn host tests.
 * It is compiled at test time from the unpacked kernel tree (KSRC) into
 * out/upstream and never committed; only this interface and its glue
 * (upref.c) are ours.  Plain C types: upstream's headers and dinsn.h both
 * define u8 and friends, so the glue cannot include dinsn.h.
 */
#ifndef UPREF_H
#define UPREF_H

#include <stddef.h>

/* Length upstream decodes at @buf (@m32: 32-bit mode), or 0 on error. */
int up_len(const unsigned char *buf, size_t len, int m32);

#endif
