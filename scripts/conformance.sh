#!/usr/bin/env bash
# Upstream's ftracetest kprobe and dynevent tests against our kernel.
#
#   conformance.sh --table    both kernels (build/out-ref and build/out-ours),
#                             one boot each, side-by-side table
#   conformance.sh --ratchet [--kernel VMLINUX] [--mem SIZE]
#                             only the tests listed in the ratchet file, on
#                             our kernel; any of them not passing fails
#
# The tests run from the unpacked Debian tree (build/linux), never copied
# into this repository.  Tests listed in EXCLUDED are not run (reason
# given there).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
ft=build/linux/tools/testing/selftests/ftrace/test.d
ratchet_file=tools/testing/selftests/dprobes/conformance-ratchet
vm=tools/testing/vm/run-vm.sh
kernel=$top/build/out-ours/vmlinux mem=1G mode=

# Upstream tests never run, with the reason.
declare -A EXCLUDED=(
	[dynevent/add_remove_tprobe_module.tc]="oopses upstream 6.12.117 itself (trace_fprobe_release after module unload)"
)

while [ $# -gt 0 ]; do
	case $1 in
	--table) mode=table; shift ;;
	--ratchet) mode=ratchet; shift ;;
	--kernel) kernel=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	*) echo "conformance.sh: unknown option $1" >&2; exit 2 ;;
	esac
done

all_tests() {
	local t
	for t in $(cd "$ft" && ls kprobe/*.tc dynevent/*.tc); do
		[ -n "${EXCLUDED[$t]:-}" ] || echo "$t"
	done
}

# run_tests NAME VMLINUX TEST...: prints "test verdict" lines to stdout.
run_tests() {
	local name=$1 k=$2; shift 2
	local log=$top/build/vm/$name.console args=() t
	for t in "$@"; do args+=("$top/$ft/$t"); done
	"$vm" --quiet --kernel "$k" --mem "$mem" --name "$name" --timeout 1200 \
		--log "$log" -- tools/testing/vm/ftracetest.sh "${args[@]}" >&2
	sed -nE "s|^RESULT build/linux/tools/testing/selftests/ftrace/test.d/([^ ]+) ([A-Z]+)$|\1 \2|p" "$log"
}

case $mode in
ratchet)
	mapfile -t tests < <(grep -vE '^\s*(#|$)' "$ratchet_file")
	if [ ${#tests[@]} -eq 0 ]; then
		echo "ratchet: 0 passed, 0 failed (empty ratchet)"
		exit 0
	fi
	declare -A got=()
	while read -r t v; do got[$t]=$v; done < <(run_tests ratchet "$kernel" "${tests[@]}")
	pass=0 fail=0
	for t in "${tests[@]}"; do
		v=${got[$t]:-NOT-RUN}
		if [ "$v" = PASS ]; then
			pass=$((pass + 1))
		else
			echo "ratchet: $t was passing, now $v"
			fail=$((fail + 1))
		fi
	done
	echo "ratchet: $pass passed, $fail failed"
	[ $fail = 0 ]
	;;
table)
	mapfile -t tests < <(all_tests)
	declare -A ref=() ours=()
	while read -r t v; do ref[$t]=$v; done < <(run_tests conformance-ref "$top/build/out-ref/vmlinux" "${tests[@]}")
	while read -r t v; do ours[$t]=$v; done < <(run_tests conformance-ours "$top/build/out-ours/vmlinux" "${tests[@]}")
	declare -A inratchet=()
	while read -r t; do inratchet[$t]=1; done < <(grep -vE '^\s*(#|$)' "$ratchet_file")
	printf '%-45s %-11s %-11s %s\n' "upstream test" reference ours ratchet
	same=0 n=0 refpass=0 ourpass=0
	for t in "${tests[@]}"; do
		r=${ref[$t]:-NOT-RUN} o=${ours[$t]:-NOT-RUN}
		n=$((n + 1)); [ "$r" != "$o" ] || same=$((same + 1))
		[ "$r" != PASS ] || refpass=$((refpass + 1))
		[ "$o" != PASS ] || ourpass=$((ourpass + 1))
		mark=; [ -z "${inratchet[$t]:-}" ] || mark=yes
		[ "$o" != PASS ] || [ -n "$mark" ] || mark="(could be added)"
		printf '%-45s %-11s %-11s %s\n' "$t" "$r" "$o" "$mark"
	done
	for t in "${!EXCLUDED[@]}"; do
		printf '%-45s %-11s %-11s %s\n' "$t" excluded excluded "${EXCLUDED[$t]}"
	done
	echo "conformance: reference passes $refpass/$n, ours passes $ourpass/$n, same result on $same/$n"
	;;
*) echo "usage: conformance.sh --table | --ratchet [--kernel VMLINUX] [--mem SIZE]" >&2; exit 2 ;;
esac
