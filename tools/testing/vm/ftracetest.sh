#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest: upstream's ftracetest (from the unpacked Debian tree,
# never copied into this repository) on the given test cases, with KTAP
# output, logs in /tmp, and a closing "N passed, N failed" line.
#
#   ftracetest.sh TESTCASE|DIR...
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
ft=$top/build/linux/tools/testing/selftests/ftrace
[ -x "$ft/ftracetest" ] || { echo "ftracetest.sh: $ft/ftracetest missing (make kernel)"; exit 2; }
mkdir -p /tmp/ftracetest-logs
out=/tmp/ftracetest-logs/ktap
# The tests are sourced by ftracetest's own shell: give them bash.
bash "$ft/ftracetest" -K -v -l /tmp/ftracetest-logs "$@" 2>&1 | tee "$out"
# Per test: RESULT <test file> PASS|FAIL|SKIP|XFAIL|UNRESOLVED, in the
# order given (ftracetest numbers the cases in that order).
files=()
for a in "$@"; do
	if [ -d "$a" ]; then
		while read -r f; do files+=("$f"); done < <(find "$a" -name '*.tc' | sort)
	else
		files+=("$a")
	fi
done
pass=0 fail=0 skip=0
while read -r n verdict; do
	f=${files[$((n - 1))]:-unknown}
	echo "RESULT ${f#"$top/"} $verdict"
	case $verdict in
	PASS) pass=$((pass + 1)) ;;
	SKIP) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
done < <(sed -nE 's/^ok ([0-9]+) .*# SKIP.*/\1 SKIP/p;
	s/^not ok ([0-9]+) .*# XFAIL.*/\1 XFAIL/p;
	s/^not ok ([0-9]+) .*# UNRESOLVED.*/\1 UNRESOLVED/p;
	t; s/^ok ([0-9]+) .*/\1 PASS/p; s/^not ok ([0-9]+) .*/\1 FAIL/p' "$out")
echo "ftracetest: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] && [ "$skip" = 0 ] && [ "$pass" -gt 0 ]
