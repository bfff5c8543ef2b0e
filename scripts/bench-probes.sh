#!/usr/bin/env bash
# make bench-probes: guest instructions per probe hit, our kernel and the
# reference kernel (upstream kprobes) in one run, under QEMU -icount
# shift=0 (DESIGN.md section 6).  A benchmark, not a test.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p build/bench
gcc -O2 -Wall -Wextra -static -o build/bench/getppid_loop tools/testing/bench/getppid_loop.c
gcc -O2 -Wall -Wextra -static -o build/bench/trap_window tools/testing/bench/trap_window.c
gcc -O2 -Wall -Wextra -o build/bench/bpf_probe_bench tools/testing/bench/bpf_probe_bench.c -lbpf
declare -A res traps
opt_off=
for k in ref ours; do
	# the kprobes API benchmark module, built out of tree for this kernel
	kb=$top/build/bench/kapi_bench-$k
	rm -rf "$kb"
	cp -r tools/testing/bench/kapi_bench "$kb"
	make -s -C "build/out-$k" M="$kb" modules
	# ours measures the jump at the instruction the reference optimized;
	# the module is out of tree (taint 12)
	tools/testing/vm/run-vm.sh --kernel "build/out-$k/vmlinux" --icount --cpus 1 \
		--quiet --name "bench-$k" --timeout 1800 --allow-taint 12 -- \
		env KAPI_BENCH="$kb/kapi_bench.ko" BPF_BENCH="$top/build/bench/bpf_probe_bench" \
		tools/testing/bench/probe-cost.sh "$top/build/bench/getppid_loop" $opt_off || true
	opt_off=$(sed -nE 's/^# opt offset: \+([0-9]+).*/\1/p' "build/vm/bench-$k.console" | tail -1)
	while read -r _ name val; do res[$k,$name]=$val; done \
		< <(grep '^BENCH ' "build/vm/bench-$k.console")
	grep -E '^# ' "build/vm/bench-$k.console" | sed "s/^# /  [$k] /" >&2
	# Traps per hit, counted: the kernel's #BP and #DB exceptions in QEMU's
	# interrupt log over 1000 calls per case (tools/testing/bench/probe-traps.sh).
	tools/testing/vm/run-vm.sh --kernel "build/out-$k/vmlinux" --cpus 1 --quiet \
		--name "traps-$k" --timeout 900 --trap-log "build/vm/traps-$k.qlog" -- \
		tools/testing/bench/probe-traps.sh "$top/build/bench/trap_window" $opt_off || true
	while read -r name val; do traps[$k,$name]=$val; done \
		< <(awk -f tools/testing/bench/count-traps.awk "build/vm/traps-$k.console" \
			"build/vm/traps-$k.qlog")
	rm -f "build/vm/traps-$k.qlog"
done
printf '%-28s %12s %12s %10s %10s %8s\n' case "ref insns" "ours insns" "ref added" "ours added" ratio
for c in baseline ftrace-entry ftrace-entry-tracing-off int3-offset int3-offset-tracing-off \
	retprobe retprobe-tracing-off entry-3-args entry-3-args-tracing-off optimized optimized-tracing-off \
	optimized-3-args optimized-3-args-tracing-off api-entry api-int3 \
	bpf-ftrace-entry bpf-int3 bpf-retprobe bpf-optimized; do
	r=${res[ref,$c]:-n/a} o=${res[ours,$c]:-n/a}
	rb=${res[ref,baseline]:-0} ob=${res[ours,baseline]:-0}
	ra=n/a oa=n/a ratio=n/a
	[[ $r =~ ^[0-9.]+$ ]] && ra=$(echo "$r - $rb" | bc)
	[[ $o =~ ^[0-9.]+$ ]] && oa=$(echo "$o - $ob" | bc)
	[[ $ra =~ ^[0-9.]+$ && $oa =~ ^[0-9.]+$ && $ra != 0 ]] && ratio=$(echo "scale=2; $oa / $ra" | bc)
	base=${c%-tracing-off}
	printf '%-28s %12s %12s %10s %10s %8s   traps/hit ref %s ours %s\n' "$c" "$r" "$o" "$ra" "$oa" "$ratio" \
		"${traps[ref,$base]:--}" "${traps[ours,$base]:--}"
done
