// SPDX-License-Identifier: GPL-2.0
/*
 * Glue to upstream's insn_decode() (see upref.h), compiled against the
 * kernel tree's tools/ copy of the decoder by the Makefile.
 */
#include <asm/insn.h>
#include "upref.h"

int up_len(const unsigned char *buf, size_t len, int m32)
{
	struct insn insn;

	if (insn_decode(&insn, buf, len, m32 ? INSN_MODE_32 : INSN_MODE_64))
		return 0;
	return insn.length;
}
