#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest for the whole-kernel sweep (scripts/torture.sh): each
# batch file's probes are defined, enabled with jump optimization on, run
# under torture-workload.sh, then disabled and removed.
#
#   torture-guest.sh BATCH...
#
# A batch file has one probe per line: "OFFSET NAME", OFFSET from _text
# in hex.  A file named r* holds function entries, probed with return
# probes; p* files hold instructions.  For each batch the job directory
# gets NAME.started before anything happens, then NAME.result:
#
#   placed=N refused=N optimized=N hit=N hits=N warnings=N secs=D/E/W/R
#
# (hit: probes that fired; hits: their total; secs: seconds spent
# defining, enabling, in the workload and removing).  After a batch with
# warnings (a kernel warning, taint, lockdep or KASAN report in the log)
# the run stops, so that the next batch starts on a healthy kernel.
set -u
T=/sys/kernel/tracing
L=/sys/kernel/debug/kprobes/list
here=$(cd "$(dirname "$0")" && pwd)
job=/run/job
baseline_taint=$(cat /proc/sys/kernel/tainted)

echo 1 > /proc/sys/debug/kprobes-optimization
# the checker's view of the log so far, to count only new problems
dmesg > /tmp/torture-dmesg.0

health() {
	local t
	dmesg > /tmp/torture-dmesg.1
	t=$(cat /proc/sys/kernel/tainted)
	{
		diff /tmp/torture-dmesg.0 /tmp/torture-dmesg.1 | sed -n 's/^> //p' > /tmp/torture-new
		"$here/console-check.sh" /tmp/torture-new
		[ "$t" = "$baseline_taint" ] || echo "tainted $t"
	} | grep -c .
}

for batch in "$@"; do
	name=$(basename "$batch")
	: > "$job/$name.started"
	kind=p
	[[ $name == r* ]] && kind=r
	placed=0 refused=0 n=0
	t0=$SECONDS
	exec 3>> $T/kprobe_events
	while read -r off what; do
		n=$((n + 1))
		if echo "$kind:torture/x$n _text+0x$off" >&3 2>/dev/null; then
			placed=$((placed + 1))
		else
			refused=$((refused + 1))
			echo "$what" >> "$job/$name.refused"
		fi
	done < "$batch"
	exec 3>&-
	optimized=0 hit=0 hits=0
	t1=$SECONDS t2=$SECONDS t3=$SECONDS
	if [ $placed -gt 0 ]; then
		echo 1 > $T/events/torture/enable
		optimized=$(grep -c '\[OPTIMIZED\]' $L)
		t2=$SECONDS
		"$here/torture-workload.sh"
		t3=$SECONDS
		echo 0 > $T/events/torture/enable
		read -r hit hits < <(awk '$1 ~ /^x[0-9]+$/ && $2 > 0 {n++; s += $2}
			END {print n + 0, s + 0}' $T/kprobe_profile)
		echo > $T/kprobe_events
	fi
	warnings=$(health)
	echo "placed=$placed refused=$refused optimized=$optimized hit=$hit hits=$hits" \
		"warnings=$warnings secs=$((t1 - t0))/$((t2 - t1))/$((t3 - t2))/$((SECONDS - t3))" \
		> "$job/$name.result"
	echo "torture: $name $(cat "$job/$name.result")"
	[ "$warnings" = 0 ] || exit 1
done
exit 0
