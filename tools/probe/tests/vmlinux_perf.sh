#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# probe -D against Debian's perf probe -D (linux-perf) on a real vmlinux,
# for every spec in tests/vmlinux_specs.txt. Both tools print the
# kprobe_events definitions; they must be equal, except for the specs
# marked "differs:" there, for which the reason is written down and only
# our success is checked. perf's answers are cached per build-id under
# $BUILD/perf-cache (they come from perf, never from probe).
#
# Environment: VMLINUX (required unless PROBE_NO_VMLINUX=1), PERF (default
# perf), SRCDIR (source tree for lazy patterns, default ../../build/linux).
here=$(dirname "$0")
PERF=${PERF:-perf}
SRCDIR=${SRCDIR:-$here/../../../build/linux}
n=0

if [ -z "$VMLINUX" ]; then
	if [ "$PROBE_NO_VMLINUX" = 1 ]; then
		echo "# vmlinux comparison left out: PROBE_NO_VMLINUX=1"
		exit 0
	fi
	echo "not ok 1 - VMLINUX is not set: run 'make check VMLINUX=path/to/vmlinux'" \
		"(or PROBE_NO_VMLINUX=1 to leave this part out)"
	exit 1
fi
if [ ! -r "$VMLINUX" ]; then
	echo "not ok 1 - VMLINUX=$VMLINUX is not readable"
	exit 1
fi
if ! command -v "$PERF" >/dev/null; then
	echo "not ok 1 - '$PERF' not found: apt-get install linux-perf (or set PERF=)"
	exit 1
fi

bid=$(readelf -n "$VMLINUX" | awk '/Build ID/ { print $3; exit }')
cache=$BUILD/perf-cache/${bid:-nobuildid}
mkdir -p "$cache"

perf_def() {	# prints perf's definitions, or "FAIL" when perf refuses
	key=$(printf '%s' "$1" | md5sum | cut -d' ' -f1)
	if [ ! -f "$cache/$key" ]; then
		if out=$("$PERF" probe -k "$VMLINUX" -s "$SRCDIR" -q -D "$1" 2>/dev/null) &&
		   [ -n "$out" ]; then
			printf '%s\n' "$out" > "$cache/$key"
		else
			echo FAIL > "$cache/$key"
		fi
	fi
	cat "$cache/$key"
}

our_def() {
	if out=$("$PROBE" -k "$VMLINUX" -s "$SRCDIR" -q -D "$1" 2>/dev/null) &&
	   [ -n "$out" ]; then
		printf '%s\n' "$out"
	else
		echo FAIL
	fi
}

while IFS= read -r line; do
	case $line in ''|'#'*) continue ;; esac
	spec=${line%%	#*}
	note=
	case $line in *'	# differs: '*) note=${line#*	# differs: } ;; esac
	n=$((n + 1))
	ours=$(our_def "$spec")
	if [ -n "$note" ]; then
		[ "$ours" != FAIL ]
		st=$?
		[ $st -eq 0 ] && echo "ok $n - $spec (differs from perf on purpose: $note)" ||
			echo "not ok $n - $spec (ours failed)"
		continue
	fi
	theirs=$(perf_def "$spec")
	if [ "$ours" = "$theirs" ]; then
		echo "ok $n - $spec$( [ "$ours" = FAIL ] && echo ' (both refuse)')"
	else
		echo "not ok $n - $spec"
		printf '%s\n' "$theirs" | sed 's/^/#   perf: /'
		printf '%s\n' "$ours" | sed 's/^/#   ours: /'
	fi
done < "$here/vmlinux_specs.txt"
[ $n -ge 50 ]
st=$?
n=$((n + 1))
[ $st -eq 0 ] && echo "ok $n - at least 50 specs compared" ||
	echo "not ok $n - only $((n - 1)) specs"
exit 0
