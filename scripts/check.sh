#!/usr/bin/env bash
# make check: runs every test stage, keeps each stage's log in build/check/,
# and ends with one "N passed, N failed" line summing the stages' own
# counts.  A stage that fails without printing a count counts as one
# failure.  Exit status: non-zero when anything failed.
#
#   scripts/check.sh STAGE...     (stage names are defined in stage_cmd)
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. scripts/tally.sh
logs=$top/build/check
mkdir -p "$logs"
vm=tools/testing/vm/run-vm.sh
flavour=${KERNEL_FLAVOUR:-ours}
vmlinux=$top/build/out-$flavour/vmlinux
vmmem=1G vmkernel=$vmlinux
# The KASAN kernel does not boot as a PVH vmlinux: boot its bzImage.
if [ "$flavour" = debug ]; then
	vmmem=3G
	vmkernel=$top/build/out-debug/arch/x86/boot/bzImage
fi

# Events the guest stage's kernel creates at boot (boot-events.sh checks them).
boot_events='kprobe_event=p:kprobes/bootev,vfs_read,count=%dx:u64;r:kprobes/bootret,vfs_read,ret=$retval'

# The leaks stage's tests (test.d/): error paths, module churn and init
# text, multi-probe deletion, BPF attach and detach, the kprobes API.
leak_tests='test.d/kprobe_fuzz.tc test.d/kprobe_errors.tc test.d/kprobe_types.tc
test.d/kprobe_module_churn.tc test.d/kprobe_module_init.tc
test.d/kprobe_multiprobe_delete.tc test.d/kprobe_libbpf.tc
test.d/kprobes_api_module.tc'
leak_tests=$(echo $leak_tests)

stage_cmd() {
	case $1 in
	decoder)  echo "make -C tools/testing/dinsn check VMLINUX=$vmlinux KSRC=$top/build/linux" ;;
	events)   echo "make -C tools/testing/dprobe_events check" ;;
	probe)    echo "make -C tools/probe check VMLINUX=$vmlinux" ;;
	docs)     echo "make docs" ;;
	guest)    echo "$vm --kernel $vmkernel --mem $vmmem --name guest-$flavour --timeout 900 --append 'kunit.enable=1 $boot_events' -- env DOC_EXAMPLES=$([ "$flavour" = ours ] && echo 1 || echo 0) tools/testing/vm/guest-check.sh" ;;
	# Our guest tests once more on the debug kernel (KASAN, lockdep,
	# KFENCE), whatever the flavour; the docs' examples are not run there
	# (their shown output is the ours kernel's).
	guest-debug) echo "$vm --kernel $top/build/out-debug/arch/x86/boot/bzImage --mem 3G --name guest-debug --timeout 1800 --append 'kunit.enable=1 $boot_events' -- env DOC_EXAMPLES=0 tools/testing/vm/guest-check.sh" ;;
	# Leaks: the debug kernel booted with kmemleak=on (off elsewhere: it
	# slows a TCG guest 2.3x), the KUnit suites at boot and the tests that
	# define, refuse, enable and delete probes on every path (engine, event
	# layer, modules, BPF, the kprobes API); the runner's scan at the end
	# fails the job on any unreferenced object.
	leaks) echo "$vm --kernel $top/build/out-debug/arch/x86/boot/bzImage --mem 3G --name leaks --timeout 1800 --append 'kunit.enable=1 kmemleak=on $boot_events' -- env DOC_EXAMPLES=0 PROBE_GUEST=0 GUEST_TESTS='$leak_tests' tools/testing/vm/guest-check.sh" ;;
	lockdown-debug) echo "scripts/lockdown-check.sh --kernel $top/build/out-debug/arch/x86/boot/bzImage --mem 3G" ;;
	# The SMP alternatives rewrite every LOCK prefix when CPU 1 comes up.
	smpalt)   echo "$vm --kernel $vmkernel --mem $vmmem --name smpalt-$flavour --timeout 600 --append maxcpus=1 -- tools/testing/vm/smp-alternatives.sh" ;;
	smpalt-debug) echo "$vm --kernel $top/build/out-debug/arch/x86/boot/bzImage --mem 3G --name smpalt-debug --timeout 900 --append maxcpus=1 -- env DPROBES_SPOTS=500 tools/testing/vm/smp-alternatives.sh" ;;
	ratchet)  echo "scripts/conformance.sh --ratchet --kernel $vmkernel --mem $vmmem" ;;
	optcov)   echo "scripts/opt-coverage.sh --check --kernel $vmkernel" ;;
	# The runner sees every kind of kernel problem (planted ones).
	checker)  echo "scripts/checker-selftest.sh" ;;
	lockdown) echo "scripts/lockdown-check.sh --kernel $vmkernel --mem $vmmem" ;;
	# make demo's guest job, each step's key line checked.
	demo)     echo "tools/testing/vm/demo-check.sh $vmkernel --mem $vmmem" ;;
	# The hot path's cost under -icount against recorded ceilings (our
	# kernel only: the counts are its own).
	cost)     echo "scripts/cost-guard.sh --kernel $top/build/out-ours/vmlinux" ;;
	# A slice of make torture, another one for every commit.
	torture)  echo "scripts/torture.sh --kernel $flavour --sample 600 --fresh" ;;
	*) return 1 ;;
	esac
}

total_pass=0 total_fail=0
summary=() failed=()
for stage in "$@"; do
	cmd=$(stage_cmd "$stage") || { echo "check.sh: unknown stage $stage" >&2; exit 2; }
	echo "=== $stage: $cmd"
	start=$(date +%s)
	bash -c "$cmd" 2>&1 | tee "$logs/$stage.log"
	rc=${PIPESTATUS[0]}
	secs=$(( $(date +%s) - start ))
	tally "$(cat "$logs/$stage.log")" "$rc"
	p=$tally_pass f=$tally_fail
	total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
	summary+=("$(printf '%-10s %5d passed %5d failed %6ss  (exit %s)' "$stage" "$p" "$f" "$secs" "$rc")")
	[ "$f" = 0 ] || failed+=("$stage")
done
echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
# What failed, last, where a reader of only the output's tail (CI) sees
# it: each failed stage's failing checks and the runner's verdict.
for stage in "${failed[@]}"; do
	echo "=== $stage failed ($logs/$stage.log):"
	grep -E '^not ok|^run-vm:|^console:|^kernel log:|^kmemleak|kernel (tainted|reported)|lockdep turned|timed out' \
		"$logs/$stage.log" | grep -v '# SKIP' | head -15 | cut -c1-300
done
echo "check: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
