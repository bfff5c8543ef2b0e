# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the guest-side benchmarks (probe-cost.sh, event-cost.sh)
# after they set $loop, the getppid loop binary.

T=/sys/kernel/tracing

# Guest instructions per getppid() call.
measure() { "$loop" 20000 5; }

# Removes every kprobe event.
clear() {
	if [ -e $T/events/kprobes/enable ]; then
		echo 0 > $T/events/kprobes/enable
	fi
	echo > $T/kprobe_events
}

# add_case NAME DEFINITION: the only kprobe event, enabled; says
# "BENCH NAME refused" and fails when the kernel refuses it.
add_case() {
	clear
	echo "$2" >> $T/kprobe_events || { echo "BENCH $1 refused"; return 1; }
	echo 1 > $T/events/kprobes/enable
}

# report NAME: the cost with tracing on and off, and the probe as
# kprobes/list shows it.
report() {
	echo 1 > $T/tracing_on
	echo "BENCH $1 $(measure)"
	echo 0 > $T/tracing_on
	echo "BENCH $1-tracing-off $(measure)"
	echo 1 > $T/tracing_on
	grep -E "  (k|r)  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
}

# inner_offset FN: the first offset after FN's fentry site (9..40) that the
# kernel accepts as a probe point: an int3 probe inside the function.
inner_offset() {
	local off
	for off in $(seq 9 40); do
		if echo "p:bench_try $1+$off" >> $T/kprobe_events 2>/dev/null; then
			clear
			echo "$off"
			return
		fi
	done
}

# wait_optimized OFFSET: until kprobes/list marks the probe at +OFFSET
# [OPTIMIZED] (the jump goes in after a grace period); fails after 10 s.
wait_optimized() {
	local i
	for i in $(seq 50); do
		grep -q "+0x$(printf %x "$1") .*OPTIMIZED" /sys/kernel/debug/kprobes/list && return 0
		sleep 0.2
	done
	return 1
}

# first_optimized_offset FN: the first offset of FN (9..60) where an
# enabled probe gets jump-optimized (optimization must be on); prints
# nothing when there is none.
first_optimized_offset() {
	local off
	for off in $(seq 9 60); do
		echo "p:bench_try $1+$off" >> $T/kprobe_events 2>/dev/null || continue
		echo 1 > $T/events/kprobes/enable
		if wait_optimized "$off"; then
			clear
			echo "$off"
			return
		fi
		clear
	done
}
