#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted with -icount shift=0 (scripts/cost-guard.sh): the
# slice of probe-cost.sh that make check keeps an eye on. Guest
# instructions per getppid() with no probe, then with an ftrace-entry, an
# int3 and a return probe on __do_sys_getppid, tracing on. Prints
# "BENCH <case> <instructions per call>".
set -u
loop=${1:?usage: cost-slice.sh GETPPID_LOOP}
fn=__do_sys_getppid

. "$(dirname "$0")/bench-lib.sh"

inner=$(inner_offset $fn)
[ -w /proc/sys/debug/kprobes-optimization ] &&
	echo 0 > /proc/sys/debug/kprobes-optimization
echo 1 > $T/tracing_on
echo "BENCH baseline $(measure)"
for c in "ftrace-entry p:bench $fn" "int3-offset p:bench $fn+$inner" \
	 "retprobe r:bench $fn"; do
	add_case "${c%% *}" "${c#* }" || continue
	echo "BENCH ${c%% *} $(measure)"
	clear
done
