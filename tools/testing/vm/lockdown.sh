#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest (scripts/lockdown-check.sh boots it twice): kernel
# lockdown (LOCKDOWN_KPROBES) refuses every way a probe can be placed.
#
# Booted with lockdown=confidentiality and a kprobe_event= definition:
# the boot-time event is refused.  Booted without: a file opened before
# lockdown, a module probe defined before it and placed after (the module
# is signed, as lockdown requires), and a definition written after it are
# all refused; tracefs closes.  KTAP, then
# "lockdown: N passed, N failed".
set -u
T=/sys/kernel/tracing
LK=/sys/kernel/security/lockdown
MOD=dprobes_testmod
. "$(dirname "$0")/tap-check.sh"
listed() { grep -q "$1" /sys/kernel/debug/kprobes/list; }
# (the checks run it in bash -c)
export -f listed

echo "TAP version 13"
if grep -q 'lockdown=' /proc/cmdline; then
	echo "1..3"
	check "the kernel booted locked down" grep -q '\[confidentiality\]' $LK
	check "the boot-time event was refused" \
		bash -c "! grep -q lkboot $T/kprobe_events"
	check "nothing was placed" bash -c "! grep -q vfs_read /sys/kernel/debug/kprobes/list"
else
	echo "1..8"
	rmmod $MOD 2>/dev/null
	check "a probe is placed before lockdown" \
		bash -c "echo 'p:kprobes/lkbefore vfs_read' >> $T/kprobe_events"
	check "a module probe waits for its module" \
		bash -c "echo 'p:kprobes/lkmod $MOD:dprobes_testmod_keyed' >> $T/kprobe_events"
	exec 3>> $T/kprobe_events
	check "lockdown is switched on" bash -c "echo confidentiality > $LK"
	check "a file opened before lockdown cannot place a probe" \
		bash -c "! echo 'p:kprobes/lkfd vfs_write' >&3"
	exec 3>&-
	check "nor can a new writer" \
		bash -c "! echo 'p:kprobes/lknew vfs_write' >> $T/kprobe_events"
	check "the module's probe is not placed when it loads" \
		bash -c "modprobe $MOD && ! listed dprobes_testmod_keyed"
	check "tracefs is closed" bash -c "! cat $T/kprobe_events"
	check "only the probe placed before lockdown is there" \
		bash -c "listed vfs_read && ! listed vfs_write"
fi
echo "lockdown: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
