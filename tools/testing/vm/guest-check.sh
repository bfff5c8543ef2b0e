#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest for `make check`: the KUnit suites listed in
# tools/testing/selftests/dprobes/kunit-suites (run at boot with
# kunit.enable=1, read back from debugfs) and our own ftracetest-style
# tests in tools/testing/selftests/dprobes/test.d/, after the events the
# command line's kprobe_event= created (boot-events.sh) and the examples
# of the documentation (doc-examples.sh).  DOC_EXAMPLES=0, PROBE_GUEST=0
# and GUEST_TESTS="test.d/a.tc ..." leave parts out.  Ends with
# "guest: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
sel=$top/tools/testing/selftests/dprobes
pass=0 fail=0

. "$top/scripts/tally.sh"
count() { # LOG RC: a stage's log and exit status, added to the totals
	tally "$(cat "$1")" "$2"
	pass=$((pass + tally_pass))
	fail=$((fail + tally_fail))
	echo "# guest: $(basename "$1" .log): $tally_pass passed, $tally_fail failed, $((SECONDS - stage_start)) s"
	stage_start=$SECONDS
}
stage_start=$SECONDS

# First: ftracetest clears the dynamic events the kernel created at boot.
"$top/tools/testing/vm/boot-events.sh" 2>&1 | tee /tmp/boot-events.log
count /tmp/boot-events.log "${PIPESTATUS[0]}"

# The documentation's examples, with the output they show.  That output
# is this build's (struct offsets, symbols): on the debug kernel the
# check.sh stage says DOC_EXAMPLES=0 and they are not run or counted.
if [ "${DOC_EXAMPLES:-1}" = 1 ]; then
	"$top/tools/testing/vm/doc-examples.sh" 2>&1 | tee /tmp/doc-examples.log
	count /tmp/doc-examples.log "${PIPESTATUS[0]}"
else
	echo "# SKIP doc examples: their shown output is the ours kernel's"
fi

mapfile -t suites < <(grep -vE '^\s*(#|$)' "$sel/kunit-suites")
if [ ${#suites[@]} -gt 0 ]; then
	"$top/tools/testing/vm/ktap-kunit.sh" "${suites[@]}" 2>&1 | tee /tmp/kunit.log
	count /tmp/kunit.log "${PIPESTATUS[0]}"
fi

# All of test.d, or the tests GUEST_TESTS names (check.sh's leaks stage).
read -ra tests <<< "${GUEST_TESTS:-test.d}"
"$top/tools/testing/vm/ftracetest.sh" "${tests[@]/#/$sel/}" 2>&1 | tee /tmp/tc.log
count /tmp/tc.log "${PIPESTATUS[0]}"

# The probe tool end to end: add, record, script, list, delete.
if [ "${PROBE_GUEST:-1}" = 1 ]; then
	"$top/tools/testing/vm/probe-guest.sh" 2>&1 | tee /tmp/probe-guest-all.log
	count /tmp/probe-guest-all.log "${PIPESTATUS[0]}"
fi

echo "guest: $pass passed, $fail failed"
[ $fail = 0 ]
