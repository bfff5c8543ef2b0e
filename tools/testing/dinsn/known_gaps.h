/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Instruction classes where Zydis 4.0 (Debian 12's libzydis-dev) is known to
 * be wrong or incomplete.  Every class carries a sample encoding and is
 * cross-checked against objdump by t_objdump: either objdump decodes the
 * sample itself with our length, or (when binutils 2.40 is as old as Zydis)
 * it decodes an analog with the same layout and the same length, or (for
 * encodings that are not x86-64 instructions) it rejects the sample too.
 */
#ifndef KNOWN_GAPS_H
#define KNOWN_GAPS_H

#include "dinsn.h"

enum gap_check {
	GAP_OBJDUMP_SAMPLE,	/* objdump decodes the sample: same length */
	GAP_OBJDUMP_ANALOG,	/* objdump decodes the analog: same length */
	GAP_OBJDUMP_BAD,	/* objdump rejects the sample, as we do */
};

struct known_gap {
	const char *name;
	const char *why;
	enum gap_check check;
	u8 sample[15];
	u8 sample_len;		/* our length for the sample (0: we reject) */
	u8 analog[15];
	u8 analog_len;
	const char *objdump_word;	/* objdump must print this */
};

extern const struct known_gap known_gaps[];
extern const unsigned int nr_known_gaps;

/* Index into known_gaps[] of the class @di belongs to, or -1. */
int known_gap_of(const struct dinsn *di, const u8 *buf);
/* Same, for bytes we reject and Zydis decodes. */
int known_reject_gap(const u8 *buf, size_t len, enum dinsn_mode mode);

#endif
