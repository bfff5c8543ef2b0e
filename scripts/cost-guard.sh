#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check's "cost" stage: the hot path must not get dearer. Boots our
# kernel under QEMU -icount shift=0 (guest time advances one nanosecond per
# guest instruction, so the counts do not depend on the host's load), runs
# tools/testing/bench/cost-slice.sh and fails every case whose added
# instructions per getppid() exceed its ceiling in
# tools/testing/bench/cost-ceilings.
#
#   scripts/cost-guard.sh [--kernel VMLINUX] [--ceilings FILE]
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
kernel=$top/build/out-ours/vmlinux
ceilings=$top/tools/testing/bench/cost-ceilings
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--ceilings) ceilings=$2; shift 2 ;;
	*) echo "cost-guard.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
mkdir -p build/bench
gcc -O2 -Wall -Wextra -static -o build/bench/getppid_loop tools/testing/bench/getppid_loop.c || exit 1
tools/testing/vm/run-vm.sh --kernel "$kernel" --icount --cpus 1 --quiet \
	--name cost-guard --timeout 900 -- \
	tools/testing/bench/cost-slice.sh "$top/build/bench/getppid_loop"
rc=$?
declare -A got
while read -r _ name val; do got[$name]=$val; done \
	< <(grep '^BENCH ' build/vm/cost-guard.console)
pass=0 fail=0
base=${got[baseline]:-}
within() { [ "$(echo "$1 <= $2" | bc)" = 1 ]; }	# ADDED CEILING
while read -r name ceiling _; do
	case $name in ''|'#'*) continue ;; esac
	val=${got[$name]:-}
	if [[ ! $base =~ ^[0-9.]+$ || ! $val =~ ^[0-9.]+$ ]]; then
		echo "not ok - $name: not measured (baseline '$base', case '$val')"
		fail=$((fail + 1))
		continue
	fi
	added=$(echo "$val - $base" | bc)
	# the guard can fail: a planted ceiling below the measurement must
	if within "$added" "$(echo "$added - 1" | bc)"; then
		echo "not ok - $name: a planted ceiling below $added was not failed"
		fail=$((fail + 1))
	fi
	if within "$added" "$ceiling"; then
		echo "ok - $name adds $added instructions per hit (ceiling $ceiling)"
		pass=$((pass + 1))
	else
		echo "not ok - $name adds $added instructions per hit, above its ceiling $ceiling"
		fail=$((fail + 1))
	fi
done < "$ceilings"
[ $((pass + fail)) -gt 0 ] || { echo "not ok - no ceiling in $ceilings"; fail=1; }
echo "cost-guard: $pass passed, $fail failed"
[ $rc = 0 ] && [ $fail = 0 ]
