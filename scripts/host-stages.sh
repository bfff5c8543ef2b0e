#!/usr/bin/env bash
# Prints the host-ring test stages of `make check` (see scripts/check.sh):
# one per test suite that has landed in the tree, so that a suite is
# picked up as soon as its Makefile exists.
top=$(cd "$(dirname "$0")/.." && pwd)
stages=()
[ -f "$top/tools/testing/dinsn/Makefile" ] && stages+=(decoder)
[ -f "$top/tools/testing/dprobe_events/Makefile" ] && stages+=(events)
[ -f "$top/tools/probe/Makefile" ] && stages+=(probe)
stages+=(docs)
echo "${stages[@]}"
