/* SPDX-License-Identifier: GPL-2.0 */
/* Zydis as the reference decoder for the dinsn host tests. */
#ifndef ZYREF_H
#define ZYREF_H

#include <Zydis/Zydis.h>
#include "dinsn.h"

#define ZY_INVALID	0
#define ZY_TRUNCATED	(-1)

void zy_init(ZydisDecoder *d, enum dinsn_mode mode, bool minimal);
/* Length of the instruction at @buf, or ZY_INVALID / ZY_TRUNCATED. */
int zy_len(const ZydisDecoder *d, const u8 *buf, size_t len);
/* Same, and the decoded instruction in *@insn. */
int zy_decode(const ZydisDecoder *d, const u8 *buf, size_t len,
	      ZydisDecodedInstruction *insn);

#endif
