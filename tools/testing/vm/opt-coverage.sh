#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in a guest (scripts/opt-coverage.sh): jump-optimization coverage.
#
#   opt-coverage.sh [--label NAME] [--out FILE] [--offsets N]
#                   [--skip FILE] [FUNC...]
#   opt-coverage.sh --list          prints the function list and exits
#
# For each function of a fixed list (or the FUNCs given) and each byte
# offset 0..N-1 (N = 256, never past the function's size), defines a
# kprobe event `p:cov/fI_OFF FUNC+OFF`.  Offsets the kernel refuses (not
# an instruction boundary, blacklisted, ...) are not probe-able and are
# counted apart.  Accepted probes are enabled, and debugfs kprobes/list
# tells whether the optimizer took each one ([OPTIMIZED], which upstream
# sets as soon as the probe is queued for optimization); then they are
# disabled and removed.
#
# Two probes of one function could sit in each other's jump region and
# block each other, so a function has one probe at a time; all functions
# are probed together, one round per offset, so a round costs one enable
# and one disable of the whole event group.
#
# --skip FILE names offsets ("FUNC OFFSET" lines) not to probe at all;
# scripts/opt-coverage.sh lists there the call instructions that upstream
# 6.12's breakpoint path would wreck (see there).  They are counted apart.
#
# Prints per function "opt-coverage: FUNC size S probe-able Y optimized X"
# and a total "opt-coverage: NAME optimized X of Y probe-able (Z.Z%)";
# writes the same as tab-separated lines to FILE (default
# /run/job/opt-coverage.tsv, the run-vm.sh job directory), with a map of
# every offset per function:
#   O optimized   k probe-able, armed as a breakpoint   F ftrace-based
#   . refused     s skipped   (offsets past the function's size are not in
#                             the map)
# Exits non-zero when the interface does not behave as expected.
set -eu

# Hot functions of the read/write, open/lookup, mmap/fault/allocation,
# fork/exit and scheduler paths: each a unique text symbol in both our
# kernel and the reference kernel, accepted by kprobe_events.  26 are at
# least 256 bytes long; the other 8 (ksys_read, do_sys_openat2,
# do_filp_open, filename_lookup, dput, kmem_cache_alloc_noprof,
# pick_next_task_fair, update_curr) are measured up to their size.
# (__schedule is refused by both kernels at every offset.)
funcs=(
	vfs_read vfs_write ksys_read do_sys_openat2 do_filp_open path_openat
	link_path_walk step_into filename_lookup d_alloc_parallel dput
	getname_flags generic_permission do_dentry_open __fput filemap_read
	do_mmap __mmap_region handle_mm_fault __handle_mm_fault
	__alloc_pages_noprof get_page_from_freelist kmem_cache_alloc_noprof
	unmap_page_range kernel_clone copy_process wake_up_new_task do_exit
	try_to_wake_up select_task_rq_fair enqueue_task_fair dequeue_task_fair
	pick_next_task_fair update_curr
)

label=$(uname -r) out=/run/job/opt-coverage.tsv noffs=256 skipfile=
while [ $# -gt 0 ]; do
	case $1 in
	--list) printf '%s\n' "${funcs[@]}"; exit 0 ;;
	--skip) skipfile=$2; shift 2 ;;
	--label) label=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--offsets) noffs=$2; shift 2 ;;
	-*) echo "opt-coverage: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -eq 0 ] || funcs=("$@")

T=/sys/kernel/tracing
list=/sys/kernel/debug/kprobes/list
sysctl=/proc/sys/debug/kprobes-optimization
die() { echo "opt-coverage: error: $*" >&2; exit 1; }

[ -w $T/kprobe_events ] || die "$T/kprobe_events not writable (tracefs mounted?)"
[ -r $list ] || die "$list missing (debugfs mounted? kprobes built in?)"
! grep -qv '^#' $T/kprobe_events ||
	die "kprobe_events is not empty; this script removes all kprobe events"
# A kernel without the sysctl has no jump optimization: it is measured
# all the same (nothing will be optimized).
if [ -e $sysctl ]; then
	echo 1 > $sysctl
	[ "$(cat $sysctl)" = 1 ] || die "cannot turn kprobes-optimization on"
else
	echo "opt-coverage: $label: no $sysctl (kernel without jump optimization)"
fi

# Function sizes come from the booted kernel's vmlinux (kallsyms has no
# sizes); the addresses must agree with /proc/kallsyms.
tstart=$EPOCHREALTIME
vmlinux=${GUEST_VMLINUX:-}
[ -r "${vmlinux:-/nonexistent}" ] || die "GUEST_VMLINUX not set or unreadable"
declare -A want=() size=() idx=()
for f in "${funcs[@]}"; do want[$f]=1; done
# pick N: the lines whose field N is one of the functions (bash's read
# would take a syscall per byte of the whole symbol table).
pick() { awk -v n="$1" -v names="${funcs[*]}" \
	'BEGIN { split(names, a, " "); for (i in a) w[a[i]] = 1 } $n in w'; }
declare -A nmaddr=() nmcount=()
while read -r addr sz type name; do
	[[ -n $name && -n ${want[$name]:-} ]] || continue
	case $type in t|T) ;; *) continue ;; esac
	nmcount[$name]=$(( ${nmcount[$name]:-0} + 1 ))
	nmaddr[$name]=$addr size[$name]=$((16#$sz))
done < <(nm -S --defined-only "$vmlinux" | pick 4)
declare -A ksaddr=()
while read -r addr type name; do
	[[ -n $name && -n ${want[$name]:-} ]] || continue
	case $type in t|T) ;; *) continue ;; esac
	ksaddr[$name]=$addr
done < <(pick 3 < /proc/kallsyms)
for i in "${!funcs[@]}"; do
	f=${funcs[i]}
	[ "${nmcount[$f]:-0}" = 1 ] ||
		die "$f: ${nmcount[$f]:-0} text symbols of that name in $vmlinux (need exactly 1)"
	[ "${ksaddr[$f]:-}" = "${nmaddr[$f]}" ] ||
		die "$f: /proc/kallsyms has ${ksaddr[$f]:-nothing}, $vmlinux has ${nmaddr[$f]} (wrong vmlinux?)"
	[ -z "${idx[$f]:-}" ] || die "$f listed twice"
	idx[$f]=$i
done
declare -A skip=()
if [ -n "$skipfile" ]; then
	while read -r f o; do
		[ -n "${idx[$f]:-}" ] || die "$skipfile: $f is not a measured function"
		skip[$f,$o]=1
	done < <(grep -vE '^\s*(#|$)' "$skipfile")
fi

echo "opt-coverage: $label: ${#funcs[@]} functions, offsets 0..$((noffs - 1)), $(nproc) CPUs"
echo 0 > $T/tracing_on	# probes still hit; the ring buffer is left alone
declare -a map=()
t0=$EPOCHREALTIME rounds=0 defs=0
line_re='^[0-9a-f]+ +([a-z]+) +([A-Za-z0-9_.]+)\+0x([0-9a-f]+) +(.*)$'
for ((off = 0; off < noffs; off++)); do
	added=()
	for i in "${!funcs[@]}"; do
		f=${funcs[i]}
		((off < size[$f])) || continue
		if [ -n "${skip[$f,$off]:-}" ]; then
			map[i]+=s
			continue
		fi
		defs=$((defs + 1))
		if echo "p:cov/f${i}_$off $f+$off" >> $T/kprobe_events 2>/dev/null; then
			added+=("$i")
		else
			map[i]+=.
		fi
	done
	[ ${#added[@]} -gt 0 ] || continue
	rounds=$((rounds + 1))
	echo 1 > $T/events/cov/enable
	mapfile -t lines < $list
	echo 0 > $T/events/cov/enable
	declare -A got=()
	for l in "${lines[@]}"; do
		[[ $l =~ $line_re ]] || die "unexpected kprobes/list line: $l"
		i=${idx[${BASH_REMATCH[2]}]:-}
		[ -n "$i" ] || die "probe outside the measured functions: $l"
		[ -z "${got[$i]:-}" ] || die "two probes listed in ${funcs[i]}: $l"
		case ${BASH_REMATCH[4]} in
		*DISABLED*|*GONE*) die "enabled probe not armed: $l" ;;
		*OPTIMIZED*) got[$i]=O ;;
		*FTRACE*) got[$i]=F ;;
		*) got[$i]=k ;;
		esac
	done
	[ ${#got[@]} = ${#added[@]} ] ||
		die "offset $off: ${#added[@]} probes defined, ${#got[@]} listed: ${lines[*]}"
	for i in "${added[@]}"; do
		[ -n "${got[$i]:-}" ] || die "probe ${funcs[i]}+$off not listed"
		map[i]+=${got[$i]}
	done
	unset got
	: > $T/kprobe_events
done
t1=$EPOCHREALTIME
echo 1 > $T/tracing_on

tot_p=0 tot_o=0 tot_r=0 tot_s=0
{
	echo "# opt-coverage $label: function size probeable optimized refused skipped map"
	for i in "${!funcs[@]}"; do
		f=${funcs[i]} m=${map[i]:-}
		r=${m//[^.]/} o=${m//[^O]/} s=${m//[^s]/}
		p=$((${#m} - ${#r} - ${#s}))
		tot_p=$((tot_p + p)) tot_o=$((tot_o + ${#o}))
		tot_r=$((tot_r + ${#r})) tot_s=$((tot_s + ${#s}))
		printf 'func\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n' "$f" "${size[$f]}" "$p" "${#o}" \
			"${#r}" "${#s}" "$m"
	done
	printf 'total\t%s\t%d\t%d\t%d\t%d\t%d\n' "$label" "${#funcs[@]}" "$tot_p" "$tot_o" \
		"$tot_r" "$tot_s"
} > "$out.tmp"
mv "$out.tmp" "$out"
while IFS=$'\t' read -r kind f sz p o r sk _; do
	[ "$kind" = func ] || continue
	printf 'opt-coverage: %-24s size %5d probe-able %3d optimized %3d refused %3d skipped %d\n' \
		"$f" "$sz" "$p" "$o" "$r" "$sk"
done < "$out"
pct=0.0
[ $tot_p = 0 ] || pct=$(awk -v o=$tot_o -v p=$tot_p 'BEGIN { printf "%.1f", 100 * o / p }')
awk -v s="$tstart" -v a="$t0" -v b="$t1" -v r=$rounds -v d=$defs 'BEGIN {
	printf "opt-coverage: setup %.1fs; %d definitions, %d rounds in %.1fs\n", a - s, d, r, b - a }'
echo "opt-coverage: $label optimized $tot_o of $tot_p probe-able ($pct%)"
