#!/usr/bin/env bash
# Proves that the guest test runner (tools/testing/vm/run-vm.sh) sees
# every kind of kernel problem, through each of its channels: a job that
# exits 0 but plants a problem (dprobes_plant.ko) must fail the run, and
# the runner must name the channel that saw it.  A clean job must pass.
#
#   scripts/checker-selftest.sh [--ours VMLINUX] [--debug BZIMAGE]
#
# The planted warning runs on our kernel; lockdep, KASAN and kmemleak
# reports need the debug kernel.  Ends with "checker: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
vm=$top/tools/testing/vm/run-vm.sh
ours=$top/build/out-ours/vmlinux
debug=$top/build/out-debug/arch/x86/boot/bzImage
while [ $# -gt 0 ]; do
	case $1 in
	--ours) ours=$2; shift 2 ;;
	--debug) debug=$2; shift 2 ;;
	*) echo "checker-selftest.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
logs=$top/build/check/checker
mkdir -p "$logs"
n=0 fail=0

# Console quiet (level 1): only the saved kernel log and the flags see it.
quiet='dmesg -n 1'
# ... and the log cleared: only the taint flags or lockdep's switch do.
plant() { echo "modprobe dprobes_plant fault=$1"; }

# case NAME KERNEL MEM JOB EXPECT [REFUSE]: the run must fail (or, with
# EXPECT "pass", succeed); its report must match EXPECT and not REFUSE.
# A variable append= before the call adds to the kernel command line.
case_run() {
	local name=$1 kernel=$2 mem=$3 job=$4 expect=$5 refuse=${6:-} out rc ok=1
	n=$((n + 1))
	out=$("$vm" --kernel "$kernel" --mem "$mem" --name "checker-$name" \
		--quiet --timeout 300 --append "${append:-}" -- bash -c "$job" 2>&1)
	rc=$?
	echo "$out" > "$logs/$name.log"
	if [ "$expect" = pass ]; then
		[ $rc = 0 ] || ok=0
	else
		[ $rc != 0 ] || ok=0
		grep -qE "$expect" <<< "$out" || ok=0
		[ -z "$refuse" ] || ! grep -qE "$refuse" <<< "$out" || ok=0
	fi
	if [ $ok = 1 ]; then
		echo "ok $n $name"
	else
		echo "not ok $n $name (exit $rc; see $logs/$name.log)"
		sed 's/^/# /' "$logs/$name.log" | tail -15
		fail=$((fail + 1))
	fi
}

echo "TAP version 13"
echo "1..10"
clean='modprobe dprobes_plant fault=none && rmmod dprobes_plant'
case_run clean "$ours" 1G "$clean" pass
# (and no leak, lockdep or KASAN report on a clean debug boot)
append=kmemleak=on case_run clean-debug "$debug" 3G "$clean" pass
case_run warn-console "$ours" 1G "$(plant warn)" '^console:.*WARNING:.*dprobes_plant'
case_run warn-log "$ours" 1G "$quiet; $(plant warn)" \
	'^kernel log:.*WARNING:.*dprobes_plant' '^console:.*dprobes_plant'
case_run warn-taint "$ours" 1G "$quiet; $(plant warn); dmesg -C" \
	'kernel tainted: [0-9]+ \([A-Z]*W' '^(console|kernel log):.*dprobes_plant'
case_run lockdep-console "$debug" 3G "$(plant lockdep)" \
	'^console:.*possible circular locking dependency'
# (lockdep raises the console's level for its report: only the log can
# be cleared)
case_run lockdep-switch "$debug" 3G "$quiet; $(plant lockdep); dmesg -C" \
	'lockdep turned itself off' '^kernel log:'
case_run kasan-console "$debug" 3G "$(plant kasan)" '^console:.*BUG: KASAN: slab-out-of-bounds'
case_run kasan-taint "$debug" 3G "$quiet; $(plant kasan); dmesg -C" \
	'kernel tainted: [0-9]+ \([A-Z]*B' '^(console|kernel log):'
append=kmemleak=on case_run kmemleak "$debug" 3G "$(plant leak)" \
	'^kmemleak:unreferenced object.*size 64' '^(console|kernel log):|kernel tainted'
echo "checker: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
