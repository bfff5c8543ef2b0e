#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check's demo stage: runs make demo's guest job (demo.sh) and checks
# the key line of each step, so the demo cannot rot.  Prints TAP lines
# and "demo-check: N passed, N failed".
#
#   demo-check.sh KERNEL [run-vm options...]
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
kernel=${1:?usage: demo-check.sh KERNEL [run-vm options]}
shift
log=$top/build/vm/demo-check.out
mkdir -p "$top/build/vm"
"$top/tools/testing/vm/run-vm.sh" --kernel "$kernel" --name demo-check --timeout 900 "$@" \
	-- tools/testing/vm/demo.sh > "$log" 2>&1
rc=$?
n=0 pass=0 fail=0
check() { # DESCRIPTION EXTENDED-REGEX
	n=$((n + 1))
	if grep -Eq -- "$2" "$log"; then
		echo "ok $n - $1"
		pass=$((pass + 1))
	else
		echo "not ok $n - $1 (no line matches: $2)"
		fail=$((fail + 1))
	fi
}
check "the guest job ran" '^dprobes demo on '
check "1: a raw definition records typed fetch-args" \
	'myread: \(vfs_read\+0x[0-9a-f]+/0x[0-9a-f]+\) file=0x[0-9a-f]+ count=101'
check "2: probe --list shows where probe --add placed it" \
	'probe:vfs_read +\(on vfs_read@.*read_write\.c with name count\)'
check "2: the member chain and the string are fetched" \
	'vfs_read: \(vfs_read\+0x[0-9a-f]+/0x[0-9a-f]+\) name="hello" count=0x66'
check "3: the return probe records \$retval" 'myret: \(.* <- vfs_read\) ret=3$'
check "4: perf record/script decode the event" \
	'probe:vfs_read: \(ffffffff[0-9a-f]+\) name="hello" count=0x68'
check "4: trace-cmd record/report decode the event" 'myret: .* ret=5 *$'
check "5: the probe is optimized" '__do_sys_getppid\+0x[0-9a-f]+ +\[OPTIMIZED\]'
check "5: kprobe_profile counts its hits" '^myopt +[1-9][0-9]* +0$'
check "6: the histogram counts by argument" '^\{ count: +7 \} hitcount: +3$'
check "6: ... every value" '^\{ count: +9 \} hitcount: +1$'
check "7: bpftrace's histogram sees the read" '^\[256, 512\) +2 '
check "it ends with where to go next" 'All tests: make check'
check "the guest finished cleanly (run-vm exit 0)" "run-vm: demo-check on .* status 0,"
[ $rc = 0 ] || { echo "# run-vm exited $rc; see $log"; tail -5 "$log" | sed 's/^/# /'; }
echo "demo-check: $pass passed, $fail failed"
[ $fail = 0 ] && [ $rc = 0 ]
