#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Prints the lines of a guest console log (or of a saved kernel log) that
# show a kernel problem and exits 1 when there is one: BUG (SLUB's "BUG
# cache" reports included), WARNING (lockdep's reports start with it),
# Oops, panic, KASAN, KFENCE, UBSAN, lockdep and RCU reports, stalls of
# every RCU flavour, soft and hard lockups, hung tasks, list corruption,
# kmemleak and call traces.  (RCU-tasks' note that a grace period is over
# 10 s old is information, not a stall: the stall report follows at
# rcupdate.rcu_task_stall_timeout, 60 s in run-vm.sh.)
log=${1:?usage: console-check.sh LOG}
grep -nE '(^|[^A-Za-z_])BUG[: ]|WARNING:|Oops|Kernel panic|KASAN|KFENCE: |UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|detected stalls?|LOCKUP|blocked for more than [0-9]+ seconds|Call Trace:|general protection fault|kernel BUG at|list_(add|del) corruption|unreferenced object|stack-protector|double fault' "$log" && exit 1
exit 0
