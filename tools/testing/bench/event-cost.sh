#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted with -icount shift=0 (scripts/bench-events.sh):
# guest instructions per getppid() with no probe and with one kprobe
# event at the entry (ftrace site) of __do_sys_getppid carrying 0, 3 and
# 8 fetch arguments (one of them a string), event enabled, with tracing
# on and with tracing off.  Prints "BENCH <case> <instructions per call>",
# and per case one recorded event ("# sample ...") so the run shows the
# arguments were fetched, not faulted.
set -u
loop=${1:?usage: event-cost.sh GETPPID_LOOP}
fn=__do_sys_getppid
opt=/proc/sys/debug/kprobes-optimization

. "$(dirname "$0")/bench-lib.sh"
[ -w $T/kprobe_events ] || { echo "event-cost.sh: no $T/kprobe_events" >&2; exit 1; }

# __do_sys_getppid(const struct pt_regs *regs): %di is the syscall's
# pt_regs (x86-64 offsets: orig_ax 120, ip 128, flags 144, sp 152).
args3="a=%di b=+0(%di):u64 c=\$comm"
args8="$args3 nr=+120(%di):s64 ip=+128(%di):x64 fl=+144(%di):x64"
args8="$args8 sp=+152(%di):x64 j=@jiffies_64:u64"

run_case() { # NAME DEFINITION
	add_case "$1" "$2" || return
	report "$1"
	echo > $T/trace
	"$loop" 1 1 > /dev/null
	echo "# sample $1: $(grep -m1 ' bench: ' $T/trace | sed 's/.* bench: //')"
	clear
}

echo > $T/trace
echo 1 > $T/tracing_on
echo "BENCH baseline $(measure)"
# The entry probe sits on the ftrace site either way; keep the optimizer
# out of the picture as bench-probes does.
[ -w $opt ] && echo 0 > $opt
run_case entry-0-args "p:bench $fn"
run_case entry-3-args "p:bench $fn $args3"
run_case entry-8-args "p:bench $fn $args8"
exit 0
