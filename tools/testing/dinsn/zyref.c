// SPDX-License-Identifier: GPL-2.0
/* Zydis as the reference decoder for the dinsn host tests. */
#include <stdlib.h>
#include <stdio.h>
#include "zyref.h"

void zy_init(ZydisDecoder *d, enum dinsn_mode mode, bool minimal)
{
	ZyanStatus st;

	if (mode == DINSN_MODE_64)
		st = ZydisDecoderInit(d, ZYDIS_MACHINE_MODE_LONG_64,
				      ZYDIS_STACK_WIDTH_64);
	else
		st = ZydisDecoderInit(d, ZYDIS_MACHINE_MODE_LONG_COMPAT_32,
				      ZYDIS_STACK_WIDTH_32);
	if (ZYAN_FAILED(st)) {
		fprintf(stderr, "ZydisDecoderInit failed\n");
		exit(2);
	}
	/*
	 * MPX is gone from CPUs and from Linux; without it 0F 1A/1B are
	 * reserved NOPs with ModRM, which is what the hardware executes.
	 */
	ZydisDecoderEnableMode(d, ZYDIS_DECODER_MODE_MPX, ZYAN_FALSE);
	if (minimal)
		ZydisDecoderEnableMode(d, ZYDIS_DECODER_MODE_MINIMAL, ZYAN_TRUE);
}

int zy_decode(const ZydisDecoder *d, const u8 *buf, size_t len,
	      ZydisDecodedInstruction *insn)
{
	ZyanStatus st;

	st = ZydisDecoderDecodeInstruction(d, NULL, buf, len, insn);
	if (st == ZYDIS_STATUS_NO_MORE_DATA)
		return ZY_TRUNCATED;
	if (ZYAN_FAILED(st))
		return ZY_INVALID;
	return insn->length;
}

int zy_len(const ZydisDecoder *d, const u8 *buf, size_t len)
{
	ZydisDecodedInstruction insn;

	return zy_decode(d, buf, len, &insn);
}
