#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Shows QEMU's multi-threaded TCG keeping stale translations of code that
# another vCPU rewrites, with no probe involved: boots the KUnit suite
# "xmodify" (arch/x86/kernel/kprobes/dprobe_xmodify_kunit.c) N times per
# TCG threading mode and counts the boots where a CPU ran old code after
# the rewrite was serialised and published.
#
#   tools/testing/vm/xmodify.sh [--boots N] [--rounds N] [--kernel VMLINUX]
#
# This is why run-vm.sh runs every vCPU on one host thread by default.
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
boots=10 rounds=20000 kernel=$top/build/out-ours/vmlinux
while [ $# -gt 0 ]; do
	case $1 in
	--boots) boots=$2; shift 2 ;;
	--rounds) rounds=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	*) echo "xmodify.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
for mode in single multi; do
	bad=0 stale=0
	for i in $(seq 1 "$boots"); do
		log=$top/build/vm/xmodify-$mode-$i.console
		"$top/tools/testing/vm/run-vm.sh" --kernel "$kernel" --quiet --log "$log" \
			--tcg-threads $mode --name xmodify --timeout 600 \
			--append "kunit.enable=1 kunit.filter_glob=xmodify dprobe_xmodify_kunit.rounds=$rounds" \
			-- cat /sys/kernel/debug/kunit/xmodify/results > /dev/null 2>&1
		n=$(sed -n 's/.*rewrites, [0-9]* calls, \([0-9]*\) stale.*/\1/p' "$log" | tail -1)
		[ -n "$n" ] || n=crashed
		echo "xmodify: $mode thread(s), boot $i: $n stale"
		if [ "$n" != 0 ]; then
			bad=$((bad + 1))
			[ "$n" = crashed ] || stale=$((stale + n))
		fi
	done
	echo "xmodify: $mode: $bad of $boots boots saw stale code ($stale stale calls)"
done
