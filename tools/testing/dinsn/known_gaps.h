/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Instruction classes where Zydis 4.0 (Debian 12's libzydis-dev) is known to
 * be wrong or incomplete: mostly extensions newer than it.  Every class
 * carries a sample encoding and is cross-checked against objdump by
 * t_objdump: either objdump decodes the sample itself with our length, or
 * (when binutils 2.40 is as old as Zydis) it decodes an analog with the
 * same layout and the same length, or (for encodings that are not x86-64
 * instructions) it rejects the sample too.
 *
 * Beyond the sample, each encoding the tests meet in a class (we accept it,
 * Zydis rejects it) must be confirmed by another oracle before it counts as
 * a known gap: upstream's insn_decode() built from the kernel tree must
 * decode it with our length; for REX2, Zydis must decode the same
 * instruction written with REX instead with the matching length; and where
 * binutils 2.40 knows the extension, objdump must decode every encoding
 * with our length, without "(bad)", as one of the class's mnemonics.
 */
#ifndef KNOWN_GAPS_H
#define KNOWN_GAPS_H

#include "dinsn.h"

enum gap_check {
	GAP_OBJDUMP_SAMPLE,	/* objdump decodes the sample: same length */
	GAP_OBJDUMP_ANALOG,	/* objdump decodes the analog: same length */
	GAP_OBJDUMP_BAD,	/* objdump rejects the sample, as we do */
};

/* How each encoding of a class is confirmed (struct known_gap::confirm). */
#define GAP_C_UPSTREAM	0x1	/* upstream's decoder: our length */
#define GAP_C_TWIN	0x2	/* REX2: Zydis on the REX twin */
#define GAP_C_OBJDUMP	0x4	/* objdump: our length, a class mnemonic */

struct known_gap {
	const char *name;
	const char *why;
	enum gap_check check;
	u8 sample[15];
	u8 sample_len;		/* our length for the sample (0: we reject) */
	u8 analog[15];
	u8 analog_len;
	const char *objdump_word;	/* objdump must print this */
	unsigned int confirm;		/* GAP_C_* */
	const char *od_words;	/* GAP_C_OBJDUMP: '|'-separated mnemonics */
};

extern const struct known_gap known_gaps[];
extern const unsigned int nr_known_gaps;

/* Index into known_gaps[] of the class @di belongs to, or -1. */
int known_gap_of(const struct dinsn *di, const u8 *buf);
/* Same, for bytes we reject and Zydis decodes. */
int known_reject_gap(const u8 *buf, size_t len, enum dinsn_mode mode);

/*
 * Confirm one encoding of class @g that we decode as @di and Zydis
 * rejects, with the class's other oracles.  Returns true when confirmed
 * so far; objdump checks are queued and run by known_gaps_finish().
 */
bool known_gap_confirm(int g, const u8 *buf, const struct dinsn *di,
		       enum dinsn_mode mode);
/*
 * Run the queued objdump checks and print per-class counts; returns the
 * objdump failures (known_gap_confirm() failures were reported already).
 */
unsigned long known_gaps_finish(void);

/*
 * One instruction line of "objdump -D -b binary", "  ADDR:\tBYTES\tTEXT":
 * sets @addr, @bytes (the byte list) and @end (the tab after it, before
 * the text).  False for any other line: headers, and the continuation
 * lines of a long byte list, which have no text.
 */
bool od_insn_line(char *line, unsigned long *addr, char **bytes, char **end);

#endif
