// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: any byte string, both modes, exactly-sized heap copies
 * (libFuzzer's own buffer is exactly sized too) so ASan catches overreads.
 * Properties: no crash; success means 1 <= len <= 15 (20 with the 5-byte
 * emulate prefix) and len <= size; fields lie inside the instruction; and
 * decoding the same bytes with one byte less is never taken for another
 * same instruction: it reports truncation.
 */
#include <stdlib.h>
#include <string.h>
#include "dinsn.h"

static void check_mode(const u8 *data, size_t size, enum dinsn_mode mode)
{
	struct dinsn di, again;
	int r = dinsn_decode(&di, data, size, mode);
	unsigned int max;

	if (r) {
		if (r != DINSN_ERR_INVALID && r != DINSN_ERR_TRUNCATED)
			abort();
		return;
	}
	max = (di.flags & DINSN_F_EMUL_PREFIX) ? DINSN_UNIT_MAX_LEN :
						 DINSN_MAX_LEN;
	if (di.len < 1 || di.len > max || di.len > size)
		abort();
	if (di.modrm_off && di.modrm_off >= di.len)
		abort();
	if (di.disp_len && di.disp_off + di.disp_len > di.len)
		abort();
	if (di.imm_len && di.imm_off + di.imm_len != di.len &&
	    !(di.map == DINSN_MAP_3DNOW))
		abort();
	if ((di.flags & DINSN_F_RIPREL) && di.disp_len != 4)
		abort();
	/* the general path (short buffer) must agree with the fast one */
	if (dinsn_decode(&again, data, di.len, mode) ||
	    memcmp(&again, &di, sizeof(di)))
		abort();
	if (dinsn_decode(&again, data, di.len - 1, mode) != DINSN_ERR_TRUNCATED)
		abort();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	check_mode(data, size, DINSN_MODE_64);
	check_mode(data, size, DINSN_MODE_32);
	return 0;
}
