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
