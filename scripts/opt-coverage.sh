#!/usr/bin/env bash
# Jump-optimization coverage (issue 7): over the first 256 byte offsets of
# a fixed list of hot kernel functions, the share of probe-able offsets
# whose kprobe the optimizer takes.  The guest side is
# tools/testing/vm/opt-coverage.sh; each kernel is booted once.
#
#   opt-coverage.sh [VMLINUX...]   side-by-side table of the kernels given
#                                  (default: build/out-ref, then
#                                  build/out-ours)
#   opt-coverage.sh --check [--kernel VMLINUX]
#                                  our kernel only; fails when its share is
#                                  below the reference share recorded in
#                                  tools/testing/selftests/dprobes/opt-coverage-ref
#   opt-coverage.sh --record-ref   runs the reference kernel and rewrites
#                                  that file
#
# Offsets not probed, on every kernel alike: call instructions with a
# prefix (`cs call __x86_indirect_thunk_r8`, the 6-byte form retpolines
# use).  Upstream 6.12 emulates a breakpointed call with a fixed 5-byte
# length, so the callee returns one byte short, into the middle of the
# call, and the reference kernel oopses as soon as such a probe is hit
# (seen on vfs_write+0x98).  Its optimizer never takes a call anyway.
# They are listed per kernel from its own vmlinux with objdump and passed
# to the guest (--skip); the tables count them apart.
#
# The guest runs with one CPU: with two, the reference kernel oopsed in
# code being patched by another CPU (an int3 of a jump-label update,
# a NULL call during ftrace patching) within the first offsets.
#
# Per-kernel results (tab-separated, with a per-offset map) are kept in
# build/opt-coverage/<name>.tsv.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
vm=tools/testing/vm/run-vm.sh
ref_file=tools/testing/selftests/dprobes/opt-coverage-ref
outdir=build/opt-coverage
mode=table kernel=build/out-ours/vmlinux kernels=()

while [ $# -gt 0 ]; do
	case $1 in
	--check) mode=check; shift ;;
	--record-ref) mode=record; shift ;;
	--kernel) kernel=$2; shift 2 ;;
	-*) echo "opt-coverage.sh: unknown option $1" >&2; exit 2 ;;
	*) kernels+=("$1"); shift ;;
	esac
done
[ ${#kernels[@]} -gt 0 ] || kernels=(build/out-ref/vmlinux build/out-ours/vmlinux)

# label VMLINUX: "ref" for build/out-ref/..., "ours" for build/out-ours/...
label() {
	local d
	case $1 in
	*/arch/x86/boot/bzImage) d=${1%/arch/x86/boot/bzImage} ;;
	*) d=$(dirname "$1") ;;
	esac
	d=$(basename "$d")
	echo "${d#out-}"
}

# measure VMLINUX: boots it once; leaves $outdir/<label>.tsv.
measure() {
	local k=$1 name res start end
	name=$(label "$k")
	[ -f "$k" ] || { echo "opt-coverage: $k not found (make kernel / make ref-kernel)" >&2; return 1; }
	mkdir -p "$outdir" build/vm
	# a bzImage (the KASAN kernel boots as one) has its vmlinux beside it
	case $k in
	*/arch/x86/boot/bzImage) skiplist "${k%/arch/x86/boot/bzImage}/vmlinux" ;;
	*) skiplist "$k" ;;
	esac > "$outdir/$name.skip"
	res=$(mktemp -d "$top/build/vm/opt-coverage-$name.XXXXXX")
	start=$(date +%s.%N)
	if ! "$vm" --quiet --cpus 1 --kernel "$k" --name "opt-coverage-$name" --timeout 900 \
		--results "$res" -- tools/testing/vm/opt-coverage.sh --label "$name" \
		--skip "$top/$outdir/$name.skip"; then
		rm -rf "$res"
		echo "opt-coverage: the guest run on $k failed (console: build/vm/opt-coverage-$name.console)" >&2
		return 1
	fi
	end=$(date +%s.%N)
	mv "$res/opt-coverage.tsv" "$outdir/$name.tsv"
	rm -rf "$res"
	grep -E '^opt-coverage: ' "build/vm/opt-coverage-$name.console" | sed "s/^/  [$name] /" >&2
	printf '%.0f\n' "$(echo "$end - $start" | bc)" > "$outdir/$name.time"
	echo "  [$name] wall time of the guest run: $(cat "$outdir/$name.time")s" >&2
}

# skiplist VMLINUX: "FUNC OFFSET" of every prefixed call rel32 in the
# measured functions.
skiplist() {
	local f a s
	for f in $(tools/testing/vm/opt-coverage.sh --list); do
		objdump -d --disassemble="$f" "$1" | awk -F'\t' '
			/^[0-9a-f]+ <.*>:$/ { split($0, h, " "); start = h[1] }
			NF >= 3 && $3 ~ /call/ {
				n = split($2, b, " ")
				if (n > 5 && b[n - 4] == "e8") {
					sub(/:.*/, "", $1); gsub(/ /, "", $1)
					print $1, start
				}
			}' |
		while read -r a s; do echo "$f $((16#$a - 16#$s))"; done
	done
}

pct() { awk -v o="$1" -v p="$2" 'BEGIN { if (p) printf "%.1f", 100 * o / p; else print "n/a" }'; }

# table TSV...: per function and total, each kernel's optimized/probe-able.
table() {
	local f i line
	local -a names=() files=("$@")
	declare -A opt=() prb=()
	for f in "${files[@]}"; do
		while IFS=$'\t' read -r kind fn _ p o _; do
			case $kind in
			func) [ "$f" != "${files[0]}" ] || names+=("$fn")
				prb[$f,$fn]=$p opt[$f,$fn]=$o ;;
			total) prb[$f,TOTAL]=$p opt[$f,TOTAL]=$o ;;
			esac
		done < "$f"
	done
	# one column per kernel: optimized/probe-able and the share
	line=$(printf '%-24s' function)
	for f in "${files[@]}"; do
		line+=$(printf ' %18s' "$(basename "$f" .tsv) opt/probe-able")
	done
	echo "$line"
	for fn in "${names[@]}" TOTAL; do
		line=$(printf '%-24s' "$fn")
		for f in "${files[@]}"; do
			if [ -z "${prb[$f,$fn]:-}" ]; then
				line+=$(printf ' %18s' "not measured")
			else
				line+=$(printf ' %5d/%-4d %6s%%' "${opt[$f,$fn]}" "${prb[$f,$fn]}" \
					"$(pct "${opt[$f,$fn]}" "${prb[$f,$fn]}")")
			fi
		done
		echo "$line"
	done
	for f in "${files[@]}"; do
		i=${prb[$f,TOTAL]:-0}
		echo "opt-coverage: $(basename "$f" .tsv) optimized ${opt[$f,TOTAL]:-0} of $i probe-able ($(pct "${opt[$f,TOTAL]:-0}" "$i")%)"
	done
}

case $mode in
table)
	files=() failed=0
	for k in "${kernels[@]}"; do
		if measure "$k"; then
			files+=("$outdir/$(label "$k").tsv")
		else
			failed=1
		fi
	done
	[ ${#files[@]} = 0 ] || table "${files[@]}"
	[ $failed = 0 ] || { echo "opt-coverage: some kernel could not be measured (above)" >&2; exit 1; }
	;;
record)
	k=build/out-ref/vmlinux
	measure "$k"
	{
		echo "# Jump-optimization coverage of the reference kernel (upstream 6.12"
		echo "# kprobes, configs/base.config + configs/ref.config), the floor that"
		echo "# \`scripts/opt-coverage.sh --check\` holds our kernel to."
		echo "# Command: scripts/opt-coverage.sh --record-ref"
		echo "# Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
		echo "# Kernel: build/out-ref, $(cat build/out-ref/kernelrelease)" \
			"from $(dpkg-query -W -f '${Package} ${Version}' linux-source-6.12 2>/dev/null || echo linux-source-6.12)"
		echo "# Guest run (one boot, 1 CPU, TCG): $(cat "$outdir/ref.time")s wall time."
		echo "# Result: $(grep -E '^opt-coverage: ref optimized' "build/vm/opt-coverage-ref.console")"
		echo "# Lines: func NAME SIZE PROBE-ABLE OPTIMIZED REFUSED SKIPPED MAP, then"
		echo "# total KERNEL FUNCTIONS PROBE-ABLE OPTIMIZED REFUSED SKIPPED."
		echo "# MAP has one letter per offset from 0: O optimized, k breakpoint only,"
		echo "# F ftrace-based, . refused, s skipped (prefixed call, see the script)."
		grep -v '^#' "$outdir/ref.tsv"
	} > "$ref_file"
	echo "opt-coverage: wrote $ref_file" >&2
	table "$outdir/ref.tsv"
	;;
check)
	[ -f "$ref_file" ] || { echo "opt-coverage: $ref_file missing (--record-ref)" >&2; exit 1; }
	name=$(label "$kernel")
	measure "$kernel"
	ours=$outdir/$name.tsv
	cut -f1,2 "$ours" | grep '^func' > "$outdir/$name.funcs"
	grep -v '^#' "$ref_file" | cut -f1,2 | grep '^func' > "$outdir/ref-recorded.funcs"
	if ! cmp -s "$outdir/$name.funcs" "$outdir/ref-recorded.funcs"; then
		echo "opt-coverage: the function list differs from $ref_file; re-record it (--record-ref)" >&2
		exit 1
	fi
	grep -v '^#' "$ref_file" > "$outdir/ref-recorded.tsv"
	table "$outdir/ref-recorded.tsv" "$ours"
	read -r rp ro < <(awk -F'\t' '$1 == "total" { print $4, $5 }' "$outdir/ref-recorded.tsv")
	read -r op oo < <(awk -F'\t' '$1 == "total" { print $4, $5 }' "$ours")
	# ours/op >= ref/rp, in integers
	if [ "$op" -gt 0 ] && [ $((oo * rp)) -ge $((ro * op)) ]; then
		echo "opt-coverage: pass: $name $(pct "$oo" "$op")% >= reference $(pct "$ro" "$rp")%"
		echo "opt-coverage: 1 passed, 0 failed"
	else
		echo "opt-coverage: FAIL: $name $(pct "$oo" "$op")% < reference $(pct "$ro" "$rp")%"
		echo "opt-coverage: 0 passed, 1 failed"
		exit 1
	fi
	;;
esac
