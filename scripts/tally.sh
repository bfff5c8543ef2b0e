# shellcheck shell=bash
# Sourced by the test drivers (scripts/check.sh, scripts/check-docs.sh,
# tools/testing/vm/guest-check.sh): one way to read a stage's counts.
#
#   tally TEXT RC   TEXT: a stage's output, whose last "N passed, N failed"
#                   line counts; RC: its exit status.  Sets tally_pass and
#                   tally_fail.  A stage that failed without counting a
#                   failure (a crash, a timeout) still counts one.
tally() {
	local line
	line=$(grep -E '\b[0-9]+ passed, [0-9]+ failed' <<< "$1" | tail -1)
	tally_pass=$(sed -nE 's/.*\b([0-9]+) passed, ([0-9]+) failed.*/\1/p' <<< "$line")
	tally_fail=$(sed -nE 's/.*\b([0-9]+) passed, ([0-9]+) failed.*/\2/p' <<< "$line")
	tally_pass=${tally_pass:-0} tally_fail=${tally_fail:-0}
	if [ "$2" != 0 ] && [ "$tally_fail" = 0 ]; then
		tally_fail=1
	fi
}
