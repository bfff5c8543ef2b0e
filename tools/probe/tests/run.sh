#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs every host test program and script, then prints the overall
# "N passed, N failed" line; exits non-zero on any failure.
# Environment: BUILD (object dir), PROBE (sanitised binary), VMLINUX,
# PROBE_NO_VMLINUX.
here=$(dirname "$0")
log=$(mktemp)
# The function index goes to the build directory, not the user's cache.
PROBE_CACHE_DIR=$BUILD/cache
export PROBE_CACHE_DIR
trap 'rm -f "$log"' EXIT

for t in "$@"; do
	echo "# $t"
	{ "$BUILD/asan/$t" || echo "not ok - $t exited with status $?"; } |
		tee -a "$log"
done
for s in "$here"/fixture_*.sh; do
	[ -e "$s" ] || continue
	echo "# $(basename "$s")"
	{ BUILD="$BUILD" PROBE="$PROBE" sh "$s" ||
		echo "not ok - $s exited with status $?"; } | tee -a "$log"
done
echo "# vmlinux_perf.sh"
{ BUILD="$BUILD" PROBE="$PROBE" VMLINUX="$VMLINUX" \
	PROBE_NO_VMLINUX="$PROBE_NO_VMLINUX" sh "$here/vmlinux_perf.sh" ||
	echo "not ok - vmlinux_perf.sh exited with status $?"; } | tee -a "$log"

pass=$(grep -c '^ok ' "$log")
fail=$(grep -c '^not ok ' "$log")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
