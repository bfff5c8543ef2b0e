#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted by scripts/hotpath-profile.sh (QEMU monitor on a
# socket, -icount shift=0): one profiling window (hotpath_window) with no
# probe, then one per case with that case's probe on __do_sys_getppid,
# defined as tools/testing/bench/probe-cost.sh defines it, event enabled,
# tracing on (CASE-tracing-off: tracing_on 0 during the window).  The host
# logs the instructions of each window.
#
#   hotpath-guest.sh WINDOW_BIN N OPT_OFFSET CASE...
#
# OPT_OFFSET: the offset of the optimized case ('-': the first offset this
# kernel optimizes, printed as "# opt offset: +N").
set -u
win=${1:?usage: hotpath-guest.sh WINDOW_BIN N OPT_OFFSET CASE...}
n=$2 opt_off=$3
shift 3
[ "$opt_off" = - ] && opt_off=
fn=__do_sys_getppid
opt=/proc/sys/debug/kprobes-optimization
loop=/bin/true	# bench-lib.sh's measure() is not used here

. "$(dirname "$0")/bench-lib.sh"

inner=$(inner_offset $fn)
echo "# inner offset: +$inner"
[ -w $opt ] && echo 0 > $opt
echo 1 > $T/tracing_on
"$win" baseline "$n" || exit 1
for c in "$@"; do
	# CASE-tracing-off: CASE's probe, its window with tracing_on 0
	b=${c%-tracing-off}
	# jump optimization only for the optimized cases, whatever the order
	case $b in
	optimized*) ;;
	*) [ -w $opt ] && echo 0 > $opt ;;
	esac
	case $b in
	ftrace-entry) def="p:bench $fn" ;;
	int3-offset) def="p:bench $fn+$inner" ;;
	retprobe) def="r:bench $fn" ;;
	entry-3-args) def="p:bench $fn a=%di b=+0(%di):u64 c=\$comm" ;;
	api-entry | api-int3)
		# the kprobes API (probe-cost.sh's api_case): $KAPI_BENCH
		[ -n "${KAPI_BENCH:-}" ] || { echo "HOTPATH $c needs KAPI_BENCH"; : > "/run/job/skip-$c"; continue; }
		o=0
		[ $b = api-entry ] || o=$inner
		insmod "$KAPI_BENCH" offset=$o || { : > "/run/job/skip-$c"; continue; }
		grep -E "  k  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
		[ "$b" = "$c" ] || echo 0 > $T/tracing_on
		"$win" "$c" "$n" || exit 1
		echo 1 > $T/tracing_on
		grep '\[' /proc/kallsyms > "/run/job/kallsyms-$c"
		rmmod kapi_bench
		continue
		;;
	optimized | optimized-3-args)
		[ -w $opt ] && echo 1 > $opt
		[ -n "$opt_off" ] || opt_off=$(first_optimized_offset $fn)
		[ -n "$opt_off" ] || { echo "HOTPATH $c not-optimized"; : > "/run/job/skip-$c"; continue; }
		echo "# opt offset: +$opt_off"
		def="p:bench $fn+$opt_off"
		[ $b = optimized ] || def+=" a=%di b=+0(%di):u64 c=\$comm"
		;;
	*) echo "hotpath-guest.sh: unknown case $c" >&2; exit 2 ;;
	esac
	add_case "$c" "$def" || { : > "/run/job/skip-$c"; continue; }
	case $b in
	optimized*)
		wait_optimized "$opt_off" || { echo "HOTPATH $c not-optimized"; : > "/run/job/skip-$c"; clear; continue; }
		# upstream marks a probe [OPTIMIZED] before its delayed work
		# puts the jump in: wait as probe-cost.sh does
		sleep 1 ;;
	esac
	grep -E "  (k|r)  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
	[ "$b" = "$c" ] || echo 0 > $T/tracing_on
	"$win" "$c" "$n" || exit 1
	echo 1 > $T/tracing_on
	# Symbols outside vmlinux (trampolines, instruction slots, modules)
	# while the probe has them, for the host's map of the logged addresses.
	grep '\[' /proc/kallsyms > "/run/job/kallsyms-$c"
	clear
done
