#!/usr/bin/env bash
# Runs in a guest booted with -icount shift=0 (scripts/bench-probes.sh):
# guest instructions per getppid() with no probe and with one probe of
# each mechanism on __do_sys_getppid, event enabled with tracing on and
# with tracing off.  Prints "BENCH <case> <instructions per call>".
set -u
T=/sys/kernel/tracing
loop=${1:?usage: probe-cost.sh GETPPID_LOOP}
fn=__do_sys_getppid
opt=/proc/sys/debug/kprobes-optimization

measure() { "$loop" 20000 5; }
clear() { echo 0 > $T/events/kprobes/enable 2>/dev/null; echo > $T/kprobe_events; }

# An int3 probe inside the function: the first instruction boundary the
# kernel accepts after the fentry site.
inner=
for off in $(seq 9 40); do
	if echo "p:bench_try $fn+$off" >> $T/kprobe_events 2>/dev/null; then
		inner=$off; clear; break
	fi
done

run_case() { # NAME DEFINITION
	local name=$1 def=$2
	clear
	echo "$def" >> $T/kprobe_events || { echo "BENCH $name refused"; return; }
	echo 1 > $T/events/kprobes/enable
	echo 1 > $T/tracing_on
	echo "BENCH $name $(measure)"
	echo 0 > $T/tracing_on
	echo "BENCH $name-tracing-off $(measure)"
	echo 1 > $T/tracing_on
	grep -E "  (k|r)  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
	clear
}

echo 1 > $T/tracing_on
echo "BENCH baseline $(measure)"
[ -w $opt ] && echo 0 > $opt
run_case ftrace-entry "p:bench $fn"
run_case int3-offset "p:bench $fn+$inner"
run_case retprobe "r:bench $fn"
run_case entry-3-args "p:bench $fn a=%di b=+0(%di):u64 c=\$comm"
if [ -w $opt ]; then
	echo 1 > $opt
	echo "p:bench $fn+$inner" >> $T/kprobe_events
	echo 1 > $T/events/kprobes/enable
	# let the optimizer run; it works after a short delay
	for i in $(seq 50); do grep -q OPTIMIZED /sys/kernel/debug/kprobes/list && break; sleep 0.2; done
	echo "BENCH optimized $(measure)"
	echo 0 > $T/tracing_on
	echo "BENCH optimized-tracing-off $(measure)"
	grep -E "  (k|r)  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
	clear
fi
echo "# inner offset: +$inner"
