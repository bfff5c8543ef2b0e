// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark glue for upstream's insn_decode(), compiled by run_bench.sh
 * against the unpacked kernel tree's tools/ copy of the decoder.  Only this
 * wrapper is ours; upstream's code is built into $(OUT)/upstream at
 * benchmark time and never committed.
 */
#include <stddef.h>
#include <asm/insn.h>

int upstream_len(const unsigned char *buf, size_t len)
{
	struct insn insn;

	if (insn_decode(&insn, buf, len, INSN_MODE_64) < 0)
		return 0;
	return insn.length;
}
