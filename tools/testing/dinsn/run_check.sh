#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the dinsn host tests; the last line is "N passed, N failed".
# Arguments: ELF files for the differential test.  Environment: OUT,
# VMLINUX, DINSN_NO_VMLINUX, FUZZ_SECONDS (set by the Makefile).
set -u
passed=0
failed=0

run() {
	local name=$1
	shift
	echo "=== $name: $*"
	if "$@"; then
		echo "=== $name: PASS"
		passed=$((passed + 1))
	else
		echo "=== $name: FAIL"
		failed=$((failed + 1))
	fi
}

run kernel-compat ./kernel_compat.sh
run cases "$OUT/t_cases"
run exhaustive "$OUT/t_exhaustive"
run objdump-crosscheck "$OUT/t_objdump"
for f in "$@"; do
	if [ -r "$f" ]; then
		run "diff $(basename "$f")" "$OUT/t_diff" "$f"
	else
		echo "=== diff $f: FAIL: missing (install its Debian package)"
		failed=$((failed + 1))
	fi
done
if [ -n "${VMLINUX:-}" ]; then
	if [ -r "$VMLINUX" ]; then
		run "diff vmlinux" "$OUT/t_diff" "$VMLINUX"
	else
		echo "=== diff vmlinux: FAIL: VMLINUX=$VMLINUX is not readable"
		failed=$((failed + 1))
	fi
elif [ "${DINSN_NO_VMLINUX:-}" = 1 ]; then
	echo "=== diff vmlinux: not run (DINSN_NO_VMLINUX=1 given)"
else
	echo "=== diff vmlinux: FAIL: no VMLINUX= given" \
	     "(pass DINSN_NO_VMLINUX=1 to run without it)"
	failed=$((failed + 1))
fi
corpus=$(mktemp -d)
run "fuzz ${FUZZ_SECONDS}s" "$OUT/fuzz_dinsn" -max_total_time="$FUZZ_SECONDS" \
	-max_len=32 -print_final_stats=1 "$corpus"
rm -rf "$corpus"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
