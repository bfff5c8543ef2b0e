#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest.  Reports the KUnit suites that ran at boot (kernel
# command line kunit.enable=1) from debugfs, as KTAP, and exits 1 if a
# suite failed or if an expected suite did not run at all.
#
#   ktap-kunit.sh SUITE...
set -u
dir=/sys/kernel/debug/kunit
n=0 fail=0
echo "KTAP version 1"
echo "1..$#"
for suite in "$@"; do
	n=$((n + 1))
	res=$dir/$suite/results
	if [ ! -r "$res" ]; then
		echo "not ok $n kunit:$suite # suite did not run"
		fail=$((fail + 1))
		continue
	fi
	sed 's/^/# /' "$res"
	# The suite's own summary line is the last top-level (ok|not ok) line.
	if grep -E '^(    )?not ok ' "$res" >/dev/null; then
		echo "not ok $n kunit:$suite"
		fail=$((fail + 1))
	else
		echo "ok $n kunit:$suite"
	fi
done
echo "# kunit: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
