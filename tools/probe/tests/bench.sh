#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Benchmark (not a test): wall time and peak memory per spec, probe -D
# against perf probe -D, on the vmlinux files given in VMLINUX (space
# separated; default: our build's) and on Debian's distribution vmlinux with
# full debug info (downloaded once into build/probe-bench; leave it out
# with PROBE_BENCH_DEBIAN=0).
#
# "cold" is probe's first run on a vmlinux (it builds the function index),
# "warm" every later one. Times are the median of 3 runs.
PROBE=${1:-./probe}
PERF=${PERF:-perf}
root=$(cd "$(dirname "$0")/../../.." && pwd)
benchdir=$root/build/probe-bench
# The current full 6.12 debug package (the meta package names it).
DEB_META=linux-image-6.12-amd64-dbg

debian_vmlinux() {
	[ -f "$benchdir/vmlinux-deb" ] && { echo "$benchdir/vmlinux-deb"; return; }
	pkg=$(apt-cache depends "$DEB_META" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-6.12[^ ]*-dbg\)$/\1/p' | head -1)
	[ -n "$pkg" ] || { echo "no $DEB_META in the package lists" >&2; return; }
	mkdir -p "$benchdir" && cd "$benchdir" || return
	[ -f "$pkg"_*.deb ] || apt-get download "$pkg" >&2 || return
	dpkg-deb --fsys-tarfile "$pkg"_*.deb |
		tar -x --wildcards './usr/lib/debug/boot/vmlinux-*' &&
		mv usr/lib/debug/boot/vmlinux-* vmlinux-deb && rm -rf usr "$pkg"_*.deb
	cd - >/dev/null && echo "$benchdir/vmlinux-deb"
}

VMLINUX=${VMLINUX:-$root/build/out-ours/vmlinux}
if [ "${PROBE_BENCH_DEBIAN:-1}" != 0 ]; then
	VMLINUX="$VMLINUX $(debian_vmlinux)"
fi

SPECS='vfs_read
vfs_read file->f_mode count
do_sys_openat2 filename:string how->flags
vfs_read:11
tcp_sendmsg%return $retval
fsnotify_access
wake_up_process p->comm:string p->real_parent->pid
vfs_read;*ret\\=*
--max-probes=1000 kfree_skb_reason'

# once CMD...: prints "wall-ms KB cpu-ms" for one run (cpu: user+sys,
# which a busy machine disturbs less than wall time)
once() {
	t0=$(date +%s%N)
	set -- $(/usr/bin/time -f '%M %U %S' "$@" 2>&1 >/dev/null | tail -1)
	t1=$(date +%s%N)
	echo "$(((t1 - t0) / 1000000)) $1 $(awk -v u="$2" -v s="$3" \
		'BEGIN { printf "%d", (u + s) * 1000 }')"
}

# measure CMD...: the run with the median wall time of 5
measure() {
	for i in 1 2 3 4 5; do
		once "$@"
	done | sort -n | sed -n 3p
}

for v in $VMLINUX; do
	[ -r "$v" ] || { echo "skipping unreadable $v" >&2; continue; }
	src=$root/build/linux
	cache=$(mktemp -d)
	echo
	echo "vmlinux: $v ($(du -m "$v" | cut -f1) MB)"
	echo "(ms: wall time, median of 5; cpu: user+sys of that run;" \
		"cold: first run, builds the index)"
	printf '%-46s %7s %7s %7s %7s %7s %6s | %7s %7s %7s\n' spec "perf" "perfcpu" "cold" \
		"warm" "warmcpu" "faster" "perf MB" "cold MB" "warm MB"
	echo "$SPECS" | while IFS= read -r spec; do
		opt=--quiet	# a line may start with one option for both tools
		case $spec in --*) opt=${spec%% *} spec=${spec#* } ;; esac
		rm -f "$cache"/*
		set -- $(measure "$PERF" probe -k "$v" -s "$src" -q "$opt" -D "$spec")
		pt=$1 pm=$2 pc=$3
		rm -f "$cache"/*
		set -- $(once env PROBE_CACHE_DIR="$cache" "$PROBE" -k "$v" -s "$src" \
			-q "$opt" -D "$spec")
		ct=$1 cm=$2
		set -- $(measure env PROBE_CACHE_DIR="$cache" "$PROBE" -k "$v" -s "$src" \
			-q "$opt" -D "$spec")
		wt=$1 wm=$2 wc=$3
		[ "$opt" = --quiet ] || spec="$spec ($opt)"
		printf '%-46s %7d %7d %7d %7d %7d %5dx | %7d %7d %7d\n' \
			"$spec" "$pt" "$pc" "$ct" "$wt" "$wc" \
			$((pt / (wt > 0 ? wt : 1))) $((pm / 1024)) $((cm / 1024)) $((wm / 1024))
	done
	rm -rf "$cache"
done
