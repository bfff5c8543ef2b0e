#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest, before anything clears the dynamic events: checks the
# events that the kernel command line's kprobe_event= created at boot
# (check.sh boots the guest stage with them):
#
#   kprobe_event=p:kprobes/bootev,vfs_read,count=%dx:u64;r:kprobes/bootret,vfs_read,ret=$retval
#
# They must be listed as upstream lists them, be enabled, and record a
# read whose size we choose.  KTAP output, then "boot-events: N passed,
# N failed".  Without kprobe_event= on the command line it fails.
set -u
T=/sys/kernel/tracing
. "$(dirname "$0")/tap-check.sh"

echo "TAP version 13"
echo "1..6"
grep -q 'kprobe_event=' /proc/cmdline || echo "# kprobe_event= is not on the command line"
check "the entry probe is listed as written" \
	grep -qx 'p:kprobes/bootev vfs_read count=%dx:u64' $T/kprobe_events
# the default maxactive, written back at registration: max(10, 2 * CPUs)
cpus=$(grep -c '^processor' /proc/cpuinfo)
max=$((2 * cpus > 10 ? 2 * cpus : 10))
check "the return probe is listed with its default maxactive (r$max)" \
	grep -qx "r$max:kprobes/bootret vfs_read ret=\$retval" $T/kprobe_events
check "both are enabled from boot" \
	test "$(cat $T/events/kprobes/bootev/enable)$(cat $T/events/kprobes/bootret/enable)" = 11

# Only dd's read in the buffer: every read of every process hits them.
echo 0 > $T/tracing_on
echo > $T/trace
echo 1 > $T/tracing_on
dd if=/proc/version of=/dev/null bs=9 count=1 2> /dev/null
echo 0 > $T/tracing_on
grep -a ' dd-' $T/trace | sed 's/^/# /'
check "the entry probe recorded dd's 9-byte read" \
	grep -aq ' dd-.* bootev: (vfs_read+0x[0-9a-f]*/0x[0-9a-f]*) count=9$' $T/trace
# $retval takes vfs_read's BTF return type, ssize_t: signed decimal
check "the return probe recorded its result" \
	grep -aq ' dd-.* bootret: (.* <- vfs_read) ret=9$' $T/trace
check "kprobe_profile counts their hits" \
	awk '$1 == "bootev" && $2 > 0 { ok = 1 } END { exit !ok }' $T/kprobe_profile

echo 0 > $T/events/kprobes/enable
echo > $T/kprobe_events
echo 1 > $T/tracing_on
echo "boot-events: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
