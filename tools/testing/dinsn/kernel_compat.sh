#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the dinsn core the way the kernel constrains it: freestanding, no
# SSE/x87 (no floating point), frames under 256 bytes, warnings fatal; and
# check it calls nothing outside itself except memset/memcpy (which the
# compiler may emit for struct copies and the kernel provides).
set -eu
TOP=$(cd ../../.. && pwd)
INSN=$TOP/arch/x86/lib/insn
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in $(ls "$INSN"/*.c | grep -v -e dinsn_kunit.c); do
	${CC:-gcc} -std=gnu11 -O2 -ffreestanding -fno-builtin -mno-sse \
		-mno-mmx -mno-80387 -mno-red-zone -Wall -Wextra -Werror \
		-Wno-missing-field-initializers -Wframe-larger-than=256 \
		-I"$TOP/arch/x86/include/asm" -Iinclude \
		-c "$f" -o "$out/$(basename "$f" .c).o"
done
undef=$(nm -u "$out"/*.o | awk 'NF == 2 {print $2}' | sort -u)
defined=$(nm --defined-only "$out"/*.o | awk 'NF == 3 {print $3}' | sort -u)
bad=0
for s in $undef; do
	if ! grep -qx "$s" <<< "$defined" && [ "$s" != memset ] &&
	   [ "$s" != memcpy ]; then
		echo "core calls outside itself: $s"
		bad=1
	fi
done
[ $bad = 0 ] && echo "kernel-compat: freestanding build ok, no external calls"
exit $bad
