#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench-profile: where a probe hit's instructions go, per kernel
# function, on the reference kernel (upstream kprobes) and ours, side by
# side.  A benchmark (issue 16's attribution tool), not a test.
#
#   scripts/hotpath-profile.sh [--n N] [--rows K] [--kernels "ref ours"]
#                              [--keep] [CASE...]
#
# CASEs (tools/testing/bench/hotpath-guest.sh, defined as probe-cost.sh
# defines them): ftrace-entry (default), int3-offset, retprobe,
# entry-3-args, optimized, optimized-3-args, api-entry, api-int3 (the
# kprobes API, make bench-probes' kapi_bench module); each also as
# CASE-tracing-off (the window runs with tracing_on 0).
#
# Each kernel boots once under TCG with -icount shift=0 and QEMU's monitor
# on a socket (run-vm.sh --monitor).  For the no-probe baseline and then
# for each case, the guest (hotpath_window) warms up, signals through a
# file in its job directory (a 9p share) and waits for one from the host;
# the host turns on `singlestep on` and `log exec,nochain` (one "Trace"
# line per guest instruction) into a log of that window only, lets the
# guest call getppid() N times between two marker functions, and turns
# the log off when the guest signals the end.  Each logged address is
# mapped to its function with `nm -n vmlinux` (plus the guest's kallsyms
# for trampolines and slots outside vmlinux); the table is instructions
# per call in the case's window minus the baseline's, per function.  The
# total is the same quantity as make bench-probes' "added" column.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
n=200 rows=30 kernels="ref ours" keep=0
while [ $# -gt 0 ]; do
	case $1 in
	--n) n=$2; shift 2 ;;
	--rows) rows=$2; shift 2 ;;
	--kernels) kernels=$2; shift 2 ;;
	--keep) keep=1; shift ;;
	--) shift; break ;;
	-*) echo "hotpath-profile.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- ftrace-entry
cases=("$@")
out=$top/build/bench/profile
mkdir -p "$out"
win=$out/hotpath_window
gcc -O2 -Wall -Wextra -static -no-pie -o "$win" tools/testing/bench/hotpath_window.c
begin=$(nm "$win" | awk '$3 == "hp_begin" { print $1 }')
end=$(nm "$win" | awk '$3 == "hp_end" { print $1 }')

# hmp SOCKET COMMAND...: runs each command on QEMU's human monitor and
# waits for its prompt (the command has taken effect when it returns).
hmp() {
	python3 - "$@" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
def prompt():
    buf = b""
    while not buf.endswith(b"(qemu) "):
        d = s.recv(4096)
        if not d:
            sys.exit("hmp: monitor closed")
        buf += d
prompt()
for cmd in sys.argv[2:]:
    s.sendall(cmd.encode() + b"\n")
    prompt()
PY
}

# await FILE PID: until FILE exists (0) or the guest's runner PID ends (1).
await() {
	while [ ! -e "$1" ]; do
		kill -0 "$2" 2> /dev/null || [ -e "$1" ] || return 1
		sleep 0.05
	done
}

opt_off=-
for k in $kernels; do
	vmlinux=build/out-$k/vmlinux
	[ -f "$vmlinux" ] || { echo "hotpath-profile.sh: no $vmlinux" >&2; exit 1; }
	sock=$out/$k.sock jp=$out/$k.job res=$out/$k.results
	rm -rf "$sock" "$jp" "$res" "$out/$k".*.qlog "$out/$k".*.prof
	nm -n "$vmlinux" > "$out/$k.nm"
	# the api-* cases load make bench-probes' module (an out-of-tree
	# module, unsigned: taints 12 and 13), built for this kernel if missing
	kb=$top/build/bench/kapi_bench-$k
	case " ${cases[*]} " in
	*" api-"*)
		if [ ! -f "$kb/kapi_bench.ko" ]; then
			rm -rf "$kb"
			cp -r tools/testing/bench/kapi_bench "$kb"
			make -s -C "build/out-$k" M="$kb" modules
		fi ;;
	esac
	tools/testing/vm/run-vm.sh --kernel "$vmlinux" --icount --cpus 1 --quiet \
		--name "profile-$k" --timeout 1800 --monitor "$sock" --job-path "$jp" \
		--results "$res" --allow-taint 12 --allow-taint 13 -- \
		env KAPI_BENCH="$kb/kapi_bench.ko" \
		tools/testing/bench/hotpath-guest.sh "$win" "$n" "$opt_off" "${cases[@]}" &
	vm=$!
	await "$jp" $vm || { echo "hotpath-profile.sh: $k: the runner ended" >&2; exit 1; }
	job=$(cat "$jp")
	for tag in baseline "${cases[@]}"; do
		while [ ! -e "$job/ready-$tag" ] && [ ! -e "$job/skip-$tag" ]; do
			kill -0 $vm 2> /dev/null || break
			sleep 0.05
		done
		[ -e "$job/ready-$tag" ] || { echo "[$k] $tag: skipped or the guest ended" >&2; continue; }
		hmp "$sock" "logfile $out/$k.$tag.qlog" "singlestep on" "log exec,nochain"
		: > "$job/go-$tag"
		await "$job/done-$tag" $vm || break
		hmp "$sock" "log none" "singlestep off"
		: > "$job/off-$tag"
	done
	wait $vm || echo "hotpath-profile.sh: $k: the guest run failed (build/vm/profile-$k.console)" >&2
	grep -E '^(# |HOTPATH )' "build/vm/profile-$k.console" | sed "s/^/  [$k] /" >&2 || true
	[ "$opt_off" != - ] ||
		opt_off=$(sed -nE 's/^# opt offset: \+([0-9]+).*/\1/p' "build/vm/profile-$k.console" | tail -1)
	[ -n "$opt_off" ] || opt_off=-
	for tag in baseline "${cases[@]}"; do
		[ -f "$out/$k.$tag.qlog" ] || continue
		extra=$res/kallsyms-$tag
		[ -f "$extra" ] || extra=/dev/null
		tools/testing/bench/hotpath-symbolize.py "$out/$k.nm" "$extra" "$begin" "$end" \
			"$out/$k.$tag.qlog" > "$out/$k.$tag.prof"
		[ $keep = 1 ] || rm -f "$out/$k.$tag.qlog"
	done
done

# The table: per function, instructions per call in the case's window
# minus the baseline's, each kernel; the rows with the largest either way.
for c in "${cases[@]}"; do
	echo
	echo "== $c: added instructions per getppid() call, per function (N=$n)"
	awk -v n="$n" -v rows="$rows" -v kernels="$kernels" -v c="$c" -v out="$out" '
	function load(k, tag, sign,    f, line, a) {
		f = out "/" k "." tag ".prof"
		while ((getline line < f) > 0) {
			split(line, a, " ")
			if (a[1] == "#window") { win[k] += sign * a[2]; continue }
			if (a[1] == "#irq") { irq[k, tag] = a[2]; continue }
			cnt[k, a[2]] += sign * a[1]; fn[a[2]] = 1
		}
		close(f)
		return 1
	}
	BEGIN {
		nk = split(kernels, ks, " ")
		for (i = 1; i <= nk; i++) {
			k = ks[i]
			if (system("test -f " out "/" k "." c ".prof") != 0) { miss[k] = 1; continue }
			load(k, c, 1); load(k, "baseline", -1)
		}
		hdr = sprintf("%-40s", "function")
		for (i = 1; i <= nk; i++) hdr = hdr sprintf(" %10s", ks[i])
		print hdr
		m = 0
		for (f in fn) {
			big = 0
			for (i = 1; i <= nk; i++) { v = cnt[ks[i], f] / n; if (v < 0) v = -v; if (v > big) big = v }
			if (big < 0.05) continue
			m++; name[m] = f; key[m] = big
		}
		# selection sort, largest first (m is small)
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (key[j] > key[i]) { t = key[i]; key[i] = key[j]; key[j] = t; t = name[i]; name[i] = name[j]; name[j] = t }
		for (r = 1; r <= m; r++) {
			if (r > rows) {
				rest = 1
				for (i = 1; i <= nk; i++) other[ks[i]] += cnt[ks[i], name[r]] / n
				continue
			}
			line = sprintf("%-40s", substr(name[r], 1, 40))
			for (i = 1; i <= nk; i++) line = line sprintf(" %10.1f", cnt[ks[i], name[r]] / n)
			print line
		}
		if (rest) {
			line = sprintf("%-40s", "(" m - rows " other functions)")
			for (i = 1; i <= nk; i++) line = line sprintf(" %10.1f", other[ks[i]])
			print line
		}
		line = sprintf("%-40s", "total added per call")
		for (i = 1; i <= nk; i++) line = line (miss[ks[i]] ? sprintf(" %10s", "n/a") : sprintf(" %10.1f", win[ks[i]] / n))
		print line
		line = sprintf("%-40s", "interrupts in window (case/baseline)")
		for (i = 1; i <= nk; i++) line = line sprintf(" %10s", irq[ks[i], c] + 0 "/" irq[ks[i], "baseline"] + 0)
		print line
	}'
done
echo
echo "(windows of $n getppid() calls; -icount shift=0, one vCPU; logs in $out unless removed)"
