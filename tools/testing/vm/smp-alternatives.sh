#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted with maxcpus=1 (scripts/patchers-check.sh): the
# SMP alternatives have turned every LOCK prefix into a DS prefix, and
# bringing CPU 1 up turns them back, under live probes.  No probe may sit
# on a prefix, no jump-optimized probe may cover one, and the kernel must
# keep running the probed code right.  KTAP, then
# "smp-alternatives: N passed, N failed".
set -u
T=/sys/kernel/tracing
L=/sys/kernel/debug/kprobes/list
top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$(dirname "$0")/tap-check.sh"

echo "TAP version 13"
echo "1..6"
check "booted with one CPU of two" \
	test "$(cat /sys/devices/system/cpu/online)" = 0 -a -e /sys/devices/system/cpu/cpu1/online
echo 1 > /proc/sys/debug/kprobes-optimization
spots=$(python3 "$top/tools/testing/selftests/dprobes/patch-spots.py" "$GUEST_VMLINUX" \
	smp-locks "${DPROBES_SPOTS:-1500}")
exact=0 exact_placed=0 near=0 near_placed=0
exec 3>> $T/kprobe_events
while read -r kind spot; do
	if [ "$kind" = exact ]; then
		exact=$((exact + 1))
		echo "p:alt/e$exact $spot" >&3 2>/dev/null && exact_placed=$((exact_placed + 1))
	else
		near=$((near + 1))
		echo "p:alt/n$near $spot" >&3 2>/dev/null && near_placed=$((near_placed + 1))
	fi
done <<< "$spots"
exec 3>&-
echo "# $exact LOCK prefixes, $exact_placed probed; $near_placed of $near places before them probed"
check "no probe sits on a LOCK prefix" test "$exact" -gt 0 -a "$exact_placed" = 0
check "probes before the prefixes are placed" test "$near_placed" -gt 10
echo 1 > $T/events/alt/enable
check "none of them is jump-optimized (each jump would cover a prefix)" \
	bash -c "! grep -q OPTIMIZED $L"
# the SMP alternatives patch every prefix back while the probes are live
check "CPU 1 comes up" bash -c "echo 1 > /sys/devices/system/cpu/cpu1/online"
ls -R /proc/sys > /dev/null
dd if=/proc/kallsyms of=/dev/null bs=4k 2>/dev/null
for i in 1 2 3 4 5 6 7 8; do /bin/true; done
echo 0 > $T/events/alt/enable
hit=$(awk '$1 ~ /^n[0-9]+$/ && $2 > 0' $T/kprobe_profile | wc -l)
echo "# $hit of the probes fired"
check "the probes fired" test "$hit" -gt 0
echo > $T/kprobe_events
echo "smp-alternatives: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
