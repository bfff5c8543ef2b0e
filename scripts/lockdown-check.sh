#!/usr/bin/env bash
# Kernel lockdown against every way to place a probe (issue 12, item 4):
# two boots of tools/testing/vm/lockdown.sh, one locked down from the
# command line with a boot-time event, one locked down at run time.
#
#   scripts/lockdown-check.sh [--kernel VMLINUX] [--mem SIZE]
#
# Ends with "lockdown: N passed, N failed" summed over both boots.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/tally.sh"
kernel=$top/build/out-ours/vmlinux mem=1G
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	*) echo "lockdown-check.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
vm=$top/tools/testing/vm/run-vm.sh
pass=0 fail=0
for mode in boot runtime; do
	append=
	[ $mode = boot ] && append='lockdown=confidentiality kprobe_event=p:kprobes/lkboot,vfs_read'
	out=$("$vm" --kernel "$kernel" --mem "$mem" --name "lockdown-$mode" \
		--timeout 300 --append "$append" -- tools/testing/vm/lockdown.sh 2>&1)
	rc=$?
	echo "$out" | grep -E "^(ok|not ok|#|lockdown:|run-vm|console:|kernel log:|kernel tainted|lockdep|the guest)" | sed "s/^/[$mode] /"
	tally "$out" "$rc"
	pass=$((pass + tally_pass)) fail=$((fail + tally_fail))
done
echo "lockdown: $pass passed, $fail failed"
[ $fail = 0 ]
