#!/usr/bin/env bash
# The main job (make demo), run inside the guest: place a probe on
# vfs_read through kprobe_events, trigger reads, and show the events.
# Shows whatever the stack can do so far and says what is missing.
set -u
T=/sys/kernel/tracing
step() { printf '\n### %s\n' "$*"; }

step "kernel"
uname -a
dmesg | grep -E 'dprobes|dprobe_events' || true

step "engine: debugfs kprobes/"
ls /sys/kernel/debug/kprobes/
echo "blacklisted functions: $(wc -l < /sys/kernel/debug/kprobes/blacklist)"
grep -E '	(do_int3|exc_int3|kprobe_int3_handler)$' /sys/kernel/debug/kprobes/blacklist

if [ ! -e $T/kprobe_events ]; then
	step "kprobe_events is not available in this kernel yet"
	exit 0
fi

step "define: p:myprobe vfs_read file=%di count=%dx:u64"
echo 'p:myprobe vfs_read file=%di count=%dx:u64' >> $T/kprobe_events
cat $T/kprobe_events
echo 'r:myretprobe vfs_read ret=$retval:s64' >> $T/kprobe_events
echo 1 > $T/events/kprobes/enable

step "trigger: dd if=/etc/hostname bs=123 count=1"
: > $T/trace
dd if=/etc/hostname of=/dev/null bs=123 count=1 2>/dev/null
echo 0 > $T/events/kprobes/enable

step "trace (events of dd)"
grep ' dd-' $T/trace | head -20

step "kprobe_profile"
cat $T/kprobe_profile
echo > $T/kprobe_events
