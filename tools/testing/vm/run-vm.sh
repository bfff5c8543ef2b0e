#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boots a kernel in QEMU, runs one command inside and reports the result.
#
#   run-vm.sh [options] -- COMMAND [ARGS...]
#
# Options:
#   --kernel PATH      vmlinux (PVH direct boot) or bzImage (default:
#                      build/out-ours/vmlinux)
#   --modules DIR      modules tree to mount on /lib/modules (default: the
#                      kernel's build/out-*/mods/lib/modules when present)
#   --timeout SECONDS  kill the guest after this long (default 600)
#   --log FILE         console log (default: build/vm/<name>.console)
#   --name NAME        job name (default: vm)
#   --cpus N           virtual CPUs (default 2)
#   --mem SIZE         guest memory (default 1G)
#   --append ARGS      extra kernel command line
#   --icount           -icount shift=0: guest time advances 1 ns per guest
#                      instruction (benchmarks, TCG only)
#   --kvm auto|on|off  KVM when a short probe boot proves it works (auto),
#                      always, or never (default auto)
#   --tcg-threads single|multi
#                      one host thread for all vCPUs (default: see below
#                      why), or one per vCPU
#   --quiet            do not echo the console
#   --results DIR      copy the files COMMAND left in the job directory
#                      (the guest's /run/job) to DIR
#   --allow-taint BIT  a taint flag this job may set besides TAINT_TEST
#                      (12, out-of-tree module: benchmarks that load one)
#   --trap-log FILE    QEMU's log of every interrupt and exception the
#                      guest takes (-d int; TCG only): benchmarks count
#                      the breakpoint and debug traps of a probe hit
#   --monitor PATH     QEMU's human monitor (HMP) on a Unix socket at PATH,
#                      for a host script to drive the guest's emulation
#                      (scripts/hotpath-profile.sh: singlestep, log exec;
#                      TCG only, so no KVM unless --kvm on)
#   --job-path FILE    write the job directory's host path to FILE once it
#                      exists (the guest's /run/job: a host script can
#                      leave files there for the guest to wait on)
#
# The host's root file system is shared read-only (virtio-9p), so COMMAND
# and host tools run unchanged; the current directory is kept.  The exit
# status is the command's, or 1 when the guest timed out or panicked, when
# the console or the kernel log shows BUG:, WARNING:, Oops, KASAN, a
# lockdep report, a stall or a call trace, when the kernel is tainted
# (TAINT_TEST aside), when lockdep switched itself off or when kmemleak
# (on kernels built with it) finds an unreferenced object.
set -euo pipefail

top=$(cd "$(dirname "$0")/../../.." && pwd)
here=$top/tools/testing/vm
kernel=$top/build/out-ours/vmlinux
modules= timeout=600 log= name=vm cpus=2 mem=1G append= icount=0 kvm=auto quiet=0
tcg_threads=single
results= traplog= monitor= jobpath=
taint_ok=$((1 << 18))

while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--modules) modules=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--name) name=$2; shift 2 ;;
	--cpus) cpus=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--icount) icount=1; shift ;;
	--tcg-threads) tcg_threads=$2; shift 2 ;;
	--kvm) kvm=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	--results) results=$2; shift 2 ;;
	--allow-taint) taint_ok=$((taint_ok | (1 << $2))); shift 2 ;;
	--trap-log) traplog=$2; shift 2 ;;
	--monitor) monitor=$2; shift 2 ;;
	--job-path) jobpath=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "run-vm.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
case $tcg_threads in
single|multi) ;;
*) echo "run-vm.sh: --tcg-threads takes single or multi, not '$tcg_threads'" >&2; exit 2 ;;
esac
[ $# -gt 0 ] || { echo "run-vm.sh: no command given" >&2; exit 2; }
[ -f "$kernel" ] || { echo "run-vm.sh: kernel $kernel not found (make kernel)" >&2; exit 2; }
# The build directory and vmlinux of the kernel booted (bzImage or vmlinux).
case $kernel in
*/arch/x86/boot/bzImage) kout=${kernel%/arch/x86/boot/bzImage} ;;
*) kout=$(dirname "$kernel") ;;
esac
if [ -z "$modules" ]; then
	rel=$(cat "$kout/kernelrelease" 2>/dev/null || true)
	[ -n "$rel" ] && [ -d "$kout/mods/lib/modules" ] &&
		modules=$(readlink -f "$kout/mods/lib/modules")
fi
# The guest bind-mounts the modules over /lib/modules, which must exist
# in the (read-only) shared root.
[ -z "$modules" ] || [ -d /lib/modules ] || mkdir -p /lib/modules

vmdir=$top/build/vm
mkdir -p "$vmdir"
job=$(mktemp -d "$vmdir/$name.XXXXXX")
trap 'rm -rf "$job"' EXIT
[ -z "$jobpath" ] || echo "$job" > "$jobpath"
[ -n "$log" ] || log=$vmdir/$name.console
{
	printf 'cd %q\n' "$PWD"
	printf '%q ' "$@"; echo
} > "$job/cmd"
{
	[ -z "$modules" ] || printf 'GUEST_MODULES=%q\n' "$modules"
	printf 'GUEST_CWD=%q\n' "$PWD"
	printf 'GUEST_TOP=%q\n' "$top"
	printf 'GUEST_VMLINUX=%q\n' "$(readlink -f "$kout/vmlinux")"
} > "$job/env"

cmdline="console=ttyS0,115200 root=/dev/root rootfstype=9p"
cmdline+=" rootflags=trans=virtio,version=9p2000.L,msize=262144,cache=loose ro"
cmdline+=" init=$here/guest-init tsc=reliable oops=panic panic=-1 panic_on_warn=0"
# An RCU-tasks grace period (the jump optimizer waits for them) stuck for
# 60 s is reported, not left silent for the default ten minutes (jiffies:
# configs/base.config sets HZ=250).
cmdline+=" rcupdate.rcu_task_stall_timeout=$((60 * 250))"
# Warnings (KERN_WARNING) reach the console too: lockdep, WARN() and
# stall reports print at that level.
cmdline+=" loglevel=5"
# A bzImage's decompressor turns on 5-level paging when the CPU has it
# (TCG's -cpu max does); a vmlinux booted through PVH never does.  Keep
# both on 4-level paging: in 6.12, KASAN's idea of where its shadow
# starts follows boot_cpu_has(X86_FEATURE_LA57) until alternatives are
# applied, and identify_cpu() clears the capability words for a while.
# An interrupt then (seen: handle_edge_irq() under arch_cpu_finalize_init(),
# 1 boot in 15) gets a false "wild-memory-access" report on its irq_desc.
case $kernel in
*/bzImage) cmdline+=" no5lvl" ;;
esac
cmdline+=" $append"

monarg=none
[ -z "$monitor" ] || monarg="unix:$monitor,server=on,wait=off"
qemu=(qemu-system-x86_64 -machine pc -m "$mem"
	-smp "$cpus,sockets=$cpus,cores=1,threads=1"
	-kernel "$kernel" -append "$cmdline"
	-fsdev "local,id=root,path=/,security_model=none,readonly=on,multidevs=remap"
	-device "virtio-9p-pci,fsdev=root,mount_tag=/dev/root"
	-fsdev "local,id=job,path=$job,security_model=none"
	-device "virtio-9p-pci,fsdev=job,mount_tag=job"
	-display none -monitor "$monarg"
	-serial stdio -no-reboot)

kvm_works() {
	# One short boot decides; the verdict is kept per kernel and QEMU.
	local key verdict=$vmdir/kvm-verdict
	[ -w /dev/kvm ] || return 1
	key="$(uname -r) $(qemu-system-x86_64 --version | head -1)"
	if [ -f "$verdict" ] && [ "$(head -1 "$verdict")" = "$key" ]; then
		[ "$(tail -1 "$verdict")" = yes ]; return
	fi
	local pj; pj=$(mktemp -d "$vmdir/kvmprobe.XXXXXX")
	echo true > "$pj/cmd"; : > "$pj/env"
	local probe=("${qemu[@]}")
	probe=("${probe[@]/path=$job/path=$pj}")
	timeout 30 "${probe[@]}" -enable-kvm -cpu host < /dev/null > "$pj/console" 2>&1 || true
	if [ "$(cat "$pj/status" 2>/dev/null)" = 0 ]; then
		printf '%s\nyes\n' "$key" > "$verdict"
	else
		printf '%s\nno\n' "$key" > "$verdict"
	fi
	rm -rf "$pj"
	[ "$(tail -1 "$verdict")" = yes ]
}

accel=tcg
case $kvm in
on) accel=kvm ;;
auto) [ $icount = 1 ] || [ -n "$traplog" ] || [ -n "$monitor" ] || ! kvm_works || accel=kvm ;;
esac
if [ $accel = kvm ]; then
	qemu+=(-enable-kvm -cpu host)
else
	# One host thread runs every vCPU, unless asked otherwise.  With a
	# thread per vCPU, QEMU 7.2 can keep a stale translation of code one
	# vCPU rewrites while another translates it (notdirty_write()
	# invalidates the page's translations before it stores, and a
	# translation made in between keeps the old bytes for good): the
	# kernel's text_poke_sync() then does not help, and a CPU keeps
	# running a removed int3.  Seen as an int3 oops or a livelock in the
	# engine suite's hammer test, in 4 of about 150 boots here; shown
	# without any probe by make xmodify (KUnit suite xmodify: a mov's
	# immediate rewritten 20000 times with text_poke() + text_poke_sync()
	# while another CPU calls it: millions of calls see old code with a
	# thread per vCPU, none with one thread).
	[ $icount = 0 ] || tcg_threads=single
	qemu+=(-accel "tcg,thread=$tcg_threads" -cpu max)
	[ $icount = 0 ] || qemu+=(-icount shift=0)
	[ -z "$traplog" ] || qemu+=(-d int -D "$traplog")
fi

start=$(date +%s.%N)
set +e
if [ $quiet = 1 ]; then
	timeout -k 5 "$timeout" "${qemu[@]}" < /dev/null 2>&1 | tr -d '\r' > "$log"
else
	timeout -k 5 "$timeout" "${qemu[@]}" < /dev/null 2>&1 | tr -d '\r' | tee "$log"
fi
qrc=${PIPESTATUS[0]}
set -e
elapsed=$(echo "$(date +%s.%N) - $start" | bc)

# Kernel problems: the console, the whole kernel log the guest saved at
# the end of the job (it has what the console's log level hid), the
# taint flags (sticky, even if the log lost the message) and lockdep's
# switch (off after any lockdep report).  TAINT_TEST, set by KUnit, is
# the only taint a clean run may have.
kernel_problems() {
	local taint debug_locks
	"$here/console-check.sh" "$log" | sed 's/^/console:/'
	[ -f "$job/status" ] || return 0
	if [ ! -f "$job/kmsg" ]; then
		echo "the guest saved no kernel log"
	else
		"$here/console-check.sh" "$job/kmsg" | sed 's/^/kernel log:/'
	fi
	taint=$(cat "$job/tainted" 2>/dev/null || echo missing)
	if ! [[ $taint =~ ^[0-9]+$ ]]; then
		echo "the guest saved no taint flags"
	elif (( taint & ~taint_ok )); then
		echo "kernel tainted: $taint ($("$here/taint-flags.sh" "$taint"))"
	fi
	debug_locks=$(cat "$job/debug_locks" 2>/dev/null || true)
	[ "$debug_locks" != 0 ] || echo "lockdep turned itself off (debug_locks: 0): it reported a problem"
	# kmemleak's scan at the end of the job (kernels built with it)
	[ ! -f "$job/kmemleak-off" ] || echo "kmemleak is off: $(cat "$job/kmemleak-off")"
	if [ -s "$job/kmemleak" ]; then
		echo "kmemleak: $(grep -c '^unreferenced object' "$job/kmemleak") unreferenced object(s)"
		head -40 "$job/kmemleak" | sed 's/^/kmemleak:/'
	fi
}
problems=$(kernel_problems)
if [ -n "$results" ]; then
	mkdir -p "$results"
	find "$job" -mindepth 1 -maxdepth 1 ! -name cmd ! -name env ! -name status \
		-exec cp -r -t "$results" {} +
fi
status=$(cat "$job/status" 2>/dev/null || echo none)
rc=0
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	echo "run-vm: guest timed out after ${timeout}s ($accel)" >&2; rc=1
elif [ "$status" = none ]; then
	echo "run-vm: guest ended without a status (qemu exit $qrc)" >&2; rc=1
elif [ "$status" != 0 ]; then
	rc=$status
fi
if [ -n "$problems" ]; then
	echo "run-vm: kernel reported problems:" >&2
	echo "$problems" >&2
	[ $rc != 0 ] || rc=1
fi
printf 'run-vm: %s on %s, %.1fs, status %s, console %s\n' \
	"$name" "$accel" "$elapsed" "$status" "$log" >&2
exit "$rc"
