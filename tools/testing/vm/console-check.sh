#!/usr/bin/env bash
# Prints the lines of a guest console log that show a kernel problem and
# exits 1 when there is one: BUG, WARNING, Oops, panic, KASAN, KFENCE,
# UBSAN, lockdep and RCU-stall reports (RCU-tasks included), hung tasks,
# and call traces.
log=${1:?usage: console-check.sh CONSOLE_LOG}
grep -nE 'BUG:|WARNING:|Oops|Kernel panic|KASAN|KFENCE: |UBSAN:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|rcu_(preempt|sched) detected stall|rcu_tasks.*grace period.*jiffies old|blocked for more than [0-9]+ seconds|Call Trace:|general protection fault|kernel BUG at|unreferenced object' "$log" && exit 1
exit 0
