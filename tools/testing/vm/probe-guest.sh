#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest: the probe tool end to end (tools/probe/tests/guest/:
# add, record, script, list, delete) against the booted kernel, whichever
# engine it has: guest-check.sh runs it on ours, `make probe-ref` on the
# reference kernel (upstream kprobes).  Ends with "probe-guest: N passed,
# N failed".
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
pass=0 fail=0
for t in "$top"/tools/probe/tests/guest/*.sh; do
	PROBE=$top/tools/probe/probe sh "$t" -k "${GUEST_VMLINUX:?}" 2>&1 | tee /tmp/probe-guest.log
	rc=${PIPESTATUS[0]}
	p=$(grep -cE '^ok ' /tmp/probe-guest.log)
	f=$(grep -cE '^not ok ' /tmp/probe-guest.log)
	[ "$rc" = 0 ] || [ "$f" != 0 ] || f=1
	echo "# $(basename "$t"): $p passed, $f failed"
	pass=$((pass + p)) fail=$((fail + f))
done
echo "probe-guest: $pass passed, $fail failed"
[ $fail = 0 ]
