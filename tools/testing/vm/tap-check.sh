# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the guest-side TAP scripts (boot-events.sh, lockdown.sh,
# smp-alternatives.sh): check DESCRIPTION COMMAND... runs COMMAND and
# prints "ok N DESCRIPTION" or "not ok N DESCRIPTION"; $n counts the
# checks and $fail the failures.
n=0 fail=0
check() { # DESCRIPTION COMMAND...
	local what=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n $what"
	else
		echo "not ok $n $what"
		fail=$((fail + 1))
	fi
}
