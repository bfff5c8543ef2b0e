#!/usr/bin/env bash
# make bench-events: guest instructions per kprobe-event hit with 0, 3 and
# 8 fetch arguments (one a string), our kernel and the reference kernel
# (upstream kprobe events) in one run, under QEMU -icount shift=0
# (DESIGN.md section 6).  A benchmark, not a test.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
for k in ref ours; do
	[ -f "build/out-$k/vmlinux" ] ||
		{ echo "bench-events: build/out-$k/vmlinux missing (make kernel ref-kernel)" >&2; exit 2; }
done
mkdir -p build/bench
gcc -O2 -Wall -Wextra -static -o build/bench/getppid_loop tools/testing/bench/getppid_loop.c
declare -A res
for k in ref ours; do
	tools/testing/vm/run-vm.sh --kernel "build/out-$k/vmlinux" --icount --cpus 1 \
		--quiet --name "bench-events-$k" --timeout 1800 -- \
		tools/testing/bench/event-cost.sh "$top/build/bench/getppid_loop" || true
	while read -r _ name val; do res[$k,$name]=$val; done \
		< <(grep '^BENCH ' "build/vm/bench-events-$k.console")
	grep -E '^# ' "build/vm/bench-events-$k.console" | sed "s/^# /  [$k] /" >&2
done
printf '%-26s %12s %12s %10s %10s %8s\n' case "ref insns" "ours insns" "ref added" "ours added" ratio
missing=0
for c in baseline entry-0-args entry-0-args-tracing-off entry-3-args entry-3-args-tracing-off \
	entry-8-args entry-8-args-tracing-off; do
	r=${res[ref,$c]:-n/a} o=${res[ours,$c]:-n/a}
	rb=${res[ref,baseline]:-0} ob=${res[ours,baseline]:-0}
	ra=n/a oa=n/a ratio=n/a
	[[ $r =~ ^[0-9.]+$ ]] && ra=$(echo "$r - $rb" | bc) || missing=1
	[[ $o =~ ^[0-9.]+$ ]] && oa=$(echo "$o - $ob" | bc) || missing=1
	[[ $ra =~ ^[0-9.]+$ && $oa =~ ^[0-9.]+$ && $ra != 0 ]] && ratio=$(echo "scale=2; $oa / $ra" | bc)
	printf '%-26s %12s %12s %10s %10s %8s\n' "$c" "$r" "$o" "$ra" "$oa" "$ratio"
done
if [ $missing = 1 ]; then
	echo "bench-events: some cases have no measurement (see build/vm/bench-events-*.console)" >&2
	exit 1
fi
