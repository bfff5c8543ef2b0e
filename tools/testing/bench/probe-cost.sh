#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest booted with -icount shift=0 (scripts/bench-probes.sh):
# guest instructions per getppid() with no probe and with one probe of
# each mechanism on __do_sys_getppid, event enabled with tracing on and
# with tracing off.  Prints "BENCH <case> <instructions per call>".
# The jump-optimized cases run last, with debug.kprobes-optimization on.
set -u
loop=${1:?usage: probe-cost.sh GETPPID_LOOP [OPT_OFFSET]}
# The offset for the optimized cases: given (the reference kernel's, so
# both kernels measure the same instruction), or the first offset this
# kernel optimizes.
opt_off=${2:-}
fn=__do_sys_getppid
opt=/proc/sys/debug/kprobes-optimization

. "$(dirname "$0")/bench-lib.sh"

# An int3 probe inside the function: the first instruction boundary the
# kernel accepts after the fentry site.
inner=$(inner_offset $fn)

run_case() { # NAME DEFINITION
	add_case "$1" "$2" || return
	report "$1"
	clear
}

echo 1 > $T/tracing_on
echo "BENCH baseline $(measure)"
[ -w $opt ] && echo 0 > $opt
run_case ftrace-entry "p:bench $fn"
run_case int3-offset "p:bench $fn+$inner"
run_case retprobe "r:bench $fn"
run_case entry-3-args "p:bench $fn a=%di b=+0(%di):u64 c=\$comm"
# The kprobes API: a module's register_kprobe() with a counting pre
# handler ($KAPI_BENCH, built against this kernel), at the entry and at
# the inner offset.
api_case() { # NAME OFFSET
	if ! insmod "$KAPI_BENCH" offset="$2"; then
		echo "BENCH $1 refused"
		return
	fi
	echo "BENCH $1 $(measure)"
	grep -E "  k  " /sys/kernel/debug/kprobes/list | sed 's/^/# /'
	rmmod kapi_bench
}
if [ -n "${KAPI_BENCH:-}" ]; then
	clear
	api_case api-entry 0
	api_case api-int3 "$inner"
fi
# A minimal BPF program (r0 = 0) on a probe of the kprobe PMU, as libbpf
# and bpftrace attach theirs ($BPF_BENCH, tools/testing/bench/bpf_probe_bench.c).
bpf_case() { # NAME OFFSET [ret] [optimized]
	local name=$1 v
	shift
	if v=$("$BPF_BENCH" "$loop" $fn "$@"); then
		echo "BENCH $name $v"
	else
		echo "BENCH $name refused"
	fi
}
if [ -n "${BPF_BENCH:-}" ]; then
	clear
	bpf_case bpf-ftrace-entry 0
	bpf_case bpf-int3 "$inner"
	bpf_case bpf-retprobe 0 ret
fi
# (wait_optimized: bench-lib.sh; a warm-up run comes before measuring)

opt_case() { # NAME DEFINITION
	add_case "$1" "$2" || return
	if ! wait_optimized "$opt_off"; then
		echo "BENCH $1 not-optimized"
		clear
		return
	fi
	measure > /dev/null
	sleep 1
	report "$1"
	clear
}

if [ -w $opt ]; then
	echo 1 > $opt
	[ -n "$opt_off" ] || opt_off=$(first_optimized_offset $fn)
	if [ -n "$opt_off" ]; then
		opt_case optimized "p:bench $fn+$opt_off"
		opt_case optimized-3-args "p:bench $fn+$opt_off a=%di b=+0(%di):u64 c=\$comm"
		[ -z "${BPF_BENCH:-}" ] || bpf_case bpf-optimized "$opt_off" optimized
		echo "# opt offset: +$opt_off"
	fi
fi
echo "# inner offset: +$inner"
