#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted with QEMU's -d int log (scripts/bench-probes.sh):
# one trap window (trap_window.c: N getppid() calls between two user-space
# breakpoints) per probe mechanism on __do_sys_getppid. Each window is
# announced by a "TRAPS <case> <N>" line, so the host pairs the log's
# windows with these lines in order and counts the kernel's breakpoint
# and debug exceptions inside each.
set -u
window=${1:?usage: probe-traps.sh TRAP_WINDOW [OPT_OFFSET]}
opt_off=${2:-}
fn=__do_sys_getppid
opt=/proc/sys/debug/kprobes-optimization
n=1000
loop=/bin/true	# bench-lib.sh wants one; measure() is not used here

. "$(dirname "$0")/bench-lib.sh"

inner=$(inner_offset $fn)

run_window() { # NAME N
	echo "TRAPS $1 $2"
	"$window" "$2"
}

window_case() { # NAME DEFINITION [OPTIMIZED-OFFSET]
	add_case "$1" "$2" || { echo "NOTRAPS $1 refused"; return; }
	if [ -n "${3:-}" ]; then
		if ! wait_optimized "$3"; then
			echo "NOTRAPS $1 not-optimized"
			clear
			return
		fi
		# both kernels mark a probe [OPTIMIZED] when it is queued,
		# before the optimizer's work puts the jump in: wait as
		# probe-cost.sh does (a window without it counted ours at
		# 1 trap per hit in one run, 0 in another)
		sleep 1
	fi
	run_window "$1-warm-up" 100
	run_window "$1" $n
	clear
}

[ -w $opt ] && echo 0 > $opt
run_window warm-up 100
run_window baseline $n
window_case ftrace-entry "p:bench $fn"
window_case int3-offset "p:bench $fn+$inner"
window_case retprobe "r:bench $fn"
if [ -w $opt ] && [ -n "$opt_off" ]; then
	echo 1 > $opt
	window_case optimized "p:bench $fn+$opt_off" "$opt_off"
fi
