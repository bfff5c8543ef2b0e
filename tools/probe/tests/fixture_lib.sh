# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
# Sourced by the host fixture scripts (fixture_*.sh): numbered TAP lines.
#
#   ok STATUS DESCRIPTION   "ok N - DESCRIPTION" when STATUS is 0, else
#                           "not ok N - DESCRIPTION"; returns STATUS, so
#                           that "ok $? WHAT || echo '# details'" prints
#                           the details of a failure only.
n=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
	return "$1"
}
