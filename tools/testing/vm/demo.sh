#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The main job (make demo), run inside the guest: the stack from a raw
# kprobe_events line to source-level probes, return values, perf and
# trace-cmd, an optimized probe, a histogram and a bpftrace one-liner.
# Each step shows its commands ("$ ...") and their output, briefly.
# tools/testing/vm/demo-check.sh checks each step's key line.
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
T=/sys/kernel/tracing
export PATH=$PATH:$top/tools/probe
echo 'hello, dprobes' > /tmp/hello	# 15 bytes to read (the guest's own /tmp)
cd $T || exit 1

step() { printf '\n=== %s\n' "$*"; }
say() { printf '%s\n' "$*" | fold -s -w 96; }
# sh_run 'LINE' ['FILTER']: show a shell line, run it, and show its output
# through FILTER (not shown: it only picks the lines worth a screen),
# without leading blanks and clipped to 100 columns
sh_run() {
	printf '$ %s\n' "$1"
	sh -c "$1" 2>&1 | sh -c "${2:-cat}" | sed 's/^ *//' | cut -c1-100
}
reads() { dd if=/tmp/hello of=/dev/null bs="$1" count=1 status=none; }

printf 'dprobes demo on %s\n' "$(uname -r)"

step "1. a raw definition with typed fetch-args"
say "kprobe_events takes upstream's syntax: registers, types, \$comm."
sh_run "echo 'p:kprobes/myread vfs_read file=%di count=%dx:u64 comm=\$comm' >> kprobe_events"
sh_run "echo 1 > events/kprobes/myread/enable; dd if=/tmp/hello of=/dev/null bs=101 count=1 status=none"
sh_run "grep -m1 'dd-.*count=101' trace"
echo 0 > events/kprobes/myread/enable

step "2. source level: probe --add with a member chain and a string"
say "probe reads the kernel's DWARF and writes the fetch-args for you."
sh_run "probe -q --add 'vfs_read file->f_path.dentry->d_name.name:string count'"
sh_run "probe --list"
: > trace
sh_run "echo 1 > events/probe/vfs_read/enable; dd if=/tmp/hello of=/dev/null bs=102 count=1 status=none"
sh_run "grep -m1 'dd-.*count=0x66' trace"
echo 0 > events/probe/vfs_read/enable

step "3. a return probe with \$retval"
say "A return probe records what the function returned (here: the bytes read)."
sh_run "echo 'r:kprobes/myret vfs_read ret=\$retval:s64' >> kprobe_events"
: > trace
sh_run "echo 1 > events/kprobes/myret/enable; dd if=/tmp/hello of=/dev/null bs=3 count=1 status=none"
sh_run "grep -m1 'dd-.*ret=3$' trace"
echo 0 > events/kprobes/myret/enable

step "4. the same events through perf and trace-cmd"
say "perf and trace-cmd read these events like any tracepoint: nothing to set up."
sh_run "perf record -q -e probe:vfs_read -o /tmp/p.data dd if=/tmp/hello of=/dev/null bs=104 status=none"
sh_run "perf script -i /tmp/p.data" "grep -m1 'count=0x68'"
sh_run "trace-cmd record -q -e kprobes:myret -o /tmp/t.dat dd if=/tmp/hello of=/dev/null bs=5 status=none" "cat > /dev/null"
sh_run "trace-cmd report -i /tmp/t.dat" "grep -m1 -E 'myret:.* ret=5 *$'"

step "5. an optimized probe (a jump instead of a breakpoint) and kprobe_profile"
say "With optimization on, a probe inside a function is replaced by a jump to a detour once it is safe."
echo 1 > /proc/sys/debug/kprobes-optimization
opt=
for off in $(seq 9 60); do
	echo "p:kprobes/myopt __do_sys_getppid+$off" >> kprobe_events 2>/dev/null || continue
	echo 1 > events/kprobes/myopt/enable
	for _ in $(seq 20); do
		grep -q "__do_sys_getppid+0x$(printf %x $off) .*OPTIMIZED" /sys/kernel/debug/kprobes/list && { opt=$off; break; }
		sleep 0.2
	done
	[ -n "$opt" ] && break
	echo 0 > events/kprobes/myopt/enable
	echo "-:kprobes/myopt" >> kprobe_events
done
printf '$ %s\n' "echo 'p:kprobes/myopt __do_sys_getppid+$opt' >> kprobe_events" \
	"echo 1 > events/kprobes/myopt/enable"
sh_run "grep OPTIMIZED /sys/kernel/debug/kprobes/list"
for _ in 1 2 3; do cat /proc/self/status > /dev/null; done
sh_run "cat kprobe_profile"
echo 0 > events/kprobes/myopt/enable

step "6. a histogram trigger: SystemTap-style aggregation in the kernel"
say "The kernel counts hits per argument value; no trace to read back (reads of 7 and 9 bytes)."
sh_run "echo 'hist:keys=count' > events/probe/vfs_read/trigger; echo 1 > events/probe/vfs_read/enable"
for bs in 7 7 7 9; do reads $bs; done
echo 0 > events/probe/vfs_read/enable
sh_run "cat events/probe/vfs_read/hist" "grep -E '^\\{ count: +(7|9) \\}'"
echo '!hist:keys=count' > events/probe/vfs_read/trigger

step "7. BPF: a bpftrace one-liner on the same function"
say "bpftrace, libbpf and BCC attach through the kprobe PMU, served by the same engine."
sh_run "bpftrace -e 'kprobe:vfs_read /comm == \"dd\"/ { @ = hist(arg2); }' -c '/bin/dd if=/tmp/hello bs=300'" \
	"grep -A1 '^@'"

probe -q --del 'probe:*' > /dev/null 2>&1
echo > kprobe_events

step "next"
say "User guide: Documentation/trace/dprobe-events.rst. The helper: probe(1), tools/probe/Documentation/probe.rst. All tests: make check."
