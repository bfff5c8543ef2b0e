#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest while a batch of the whole-kernel sweep is live
# (torture-guest.sh): work for the probed code, and every other text
# patcher switched on and off under the probes.
#
#   torture-workload.sh
#
# System calls, page faults, fork/exec, timers, module load and unload,
# loopback TCP; every tracepoint on and off (jump labels and static
# calls), the function tracer on and off (ftrace rewrites every fentry
# call site), and the static keys a few sysctls own.
T=/sys/kernel/tracing

work() {
	ls -laR /proc/sys > /dev/null 2>&1
	cat /proc/self/status /proc/meminfo /proc/interrupts > /dev/null
	# page faults: a few MiB touched, and a file read through the cache
	head -c 4M /dev/zero | tail -c 1 > /dev/null
	dd if=/proc/kallsyms of=/dev/null bs=64k count=16 2>/dev/null
	for i in 1 2 3 4; do /bin/true; done
	# timers (a workload here, not a wait for anything): a short sleep
	# and a process killed by its timer
	sleep 0.05
	timeout 0.1 cat /dev/zero > /dev/null
	# loopback TCP, through bash's /dev/tcp and busybox's nc
	if [ -n "$NC" ]; then
		$NC -l -p 5555 > /dev/null 2>&1 &
		local l=$! i=0
		# until the listener is up (bash reports a refused connect
		# before the command's own 2> applies: silence the group)
		until { head -c 65536 /dev/zero > /dev/tcp/127.0.0.1/5555; } 2>/dev/null; do
			i=$((i + 1))
			[ $i -lt 2000 ] || break
		done
		kill $l 2>/dev/null
		wait $l 2>/dev/null
	fi
}

ip link set lo up 2>/dev/null || busybox ip link set lo up 2>/dev/null
NC=
busybox nc --help 2>&1 | grep -q -- '-l' && NC="busybox nc"

work
# Modules come and go: their text, jump labels and ftrace records with them.
for m in dprobes_testmod trace-events-sample; do
	modprobe $m 2>/dev/null && cat /sys/module/dprobes_testmod/parameters/key > /dev/null 2>&1
	rmmod $m 2>/dev/null
done
# Every tracepoint: static keys and static calls flip under the probes
# (group by group: the sweep's own events stay armed).
groups() {
	for g in $T/events/*/; do
		[ "$(basename "$g")" = torture ] || echo "$g"
	done
}
# (the ftrace group's enable file refuses writes)
for g in $(groups); do echo 1 2>/dev/null > "$g/enable"; done
work
for g in $(groups); do echo 0 2>/dev/null > "$g/enable"; done
# ftrace rewrites every function's call site.
if grep -qw function $T/available_tracers; then
	echo function > $T/current_tracer
	cat /proc/self/stat > /dev/null
	echo nop > $T/current_tracer
fi
# Static keys behind sysctls: all flipped, some work, all back.
saved=()
for s in kernel/sched_schedstats kernel/bpf_stats_enabled kernel/timer_migration; do
	f=/proc/sys/$s
	[ -w $f ] || continue
	v=$(cat $f)
	saved+=("$f=$v")
	echo $((1 - v)) > $f 2>/dev/null
done
work
for fv in "${saved[@]}"; do echo "${fv#*=}" > "${fv%%=*}"; done
exit 0
