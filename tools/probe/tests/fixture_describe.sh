#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What probe --list shows for an event's location (point_describe.c),
# through the describe_addr driver. Fixture expectations come from
# objdump/readelf/nm facts and from the source; with VMLINUX set, locations
# that probe -D gave for a spec must read back as that spec, with relative
# lines checked against the kernel source. Prints "ok N - ..." lines.
here=$(dirname "$0")
F=$BUILD/fixtures/shapes
SRC=$here/fixtures/shapes.c
D=$BUILD/asan/describe_addr
SRCDIR=${SRCDIR:-$here/../../../build/linux}
. "$(dirname "$0")/fixture_lib.sh"

expect() {	# expect DESCRIPTION WANT-GLOB ELF LOCATION [r]
	desc=$1 want=$2
	shift 2
	got=$("$D" "$@" 2>&1)
	# shellcheck disable=SC2254
	case $got in $want) ok 0 "$desc" ;; *) ok 1 "$desc"
		printf '#   got:  %s\n#   want: %s\n' "$got" "$want" ;; esac
}

symaddr() { printf '%d' "0x$(nm "$F" | awk -v n="$1" '$3 == n { print $1; exit }')"; }
srcline() { grep -n -F -- "$1" "$SRC" | head -1 | cut -d: -f1; }
# The inlined call at line $1: "ENTRY LOW HIGH" (decimal; LOW/HIGH empty
# when the instance has DW_AT_ranges instead).
inline_at() {
	readelf --debug-dump=info "$F" | awk -v l="$1" '
		/DW_TAG_inlined_subroutine/ { in_inl = 1; e = lo = hi = ""; next }
		/Abbrev Number/ { in_inl = 0 }
		in_inl && /DW_AT_entry_pc/ { e = $NF }
		in_inl && /DW_AT_low_pc/ { lo = $NF }
		in_inl && /DW_AT_high_pc/ { hi = $NF }
		in_inl && /DW_AT_call_line/ && $NF == l { print e, lo, hi; exit }'
}
# Statement rows of line $1 (decimal addresses).
stmt_rows() {
	objdump --dwarf=decodedline "$F" |
		awk -v l="$1" '$1 == "shapes.c" && $2 == l && $NF == "x" { print $3 }' |
		while read -r h; do printf '%d\n' "$h"; done | sort -n -u
}

walk=$(symaddr walk)
decl=$(srcline 'int walk(struct record')
scale_decl=$(srcline 'int scale(const struct point')

expect "a function's entry reads FUNC@FILE" "walk@*shapes.c" "$F" walk+0
expect "... also without an offset" "walk@*shapes.c" "$F" walk
expect "a return probe reads FUNC%return@FILE" "walk%return@*shapes.c" "$F" walk+0 r

l=$(srcline 'acc += r->fl.mode;')
a=$(stmt_rows "$l" | head -1)
expect "a statement of line $l reads walk:$((l - decl))" \
	"walk:$((l - decl))@*shapes.c" "$F" "walk+$((a - walk))"

# The second scale() call: at its entry the code stands for the call line.
call=$(srcline 'acc += scale(r->peer')
set -- $(inline_at "$call")
entry=$(printf '%d' "${1:-0}") low=$(printf '%d' "${2:-0}")
high=$((low + $(printf '%d' "${3:-0}")))
[ "$entry" -gt 0 ] && [ "$low" -gt 0 ] && [ "$high" -gt "$low" ]
ok $? "readelf: the scale() inlined at line $call has entry_pc/low_pc/high_pc"
expect "an inlined call's entry reads as the call's line, walk:$((call - decl))" \
	"walk:$((call - decl))@*shapes.c" "$F" "walk+$((entry - walk))"

# Inside that instance, a statement of scale()'s "return" line.
l=$(srcline 'return p->x * k + p->y;')
a=$(stmt_rows "$l" | while read -r x; do
	[ "$x" -gt "$entry" ] && [ "$x" -lt "$high" ] && echo "$x"; done | head -1)
[ -n "$a" ]
ok $? "objdump: line $l has a statement inside the inlined instance"
expect "inside an inlined instance the line is the inlined function's, scale:$((l - scale_decl))" \
	"scale:$((l - scale_decl))@*shapes.c" "$F" "walk+$((${a:-0} - walk))"

"$D" "$F" nosuch_function >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "an unknown symbol is not described"
"$D" "$F" walk+zz >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "a malformed offset is not described"

# The kernel: what probe -D placed reads back as the spec.
if [ -n "$VMLINUX" ] && [ -r "$VMLINUX" ] && [ -d "$SRCDIR/fs" ]; then
	kexpect() {	# kexpect SPEC WANT-GLOB [r]
		loc=$("$PROBE" -q -k "$VMLINUX" -D "$1" 2>/dev/null | awk '{ print $2; exit }')
		expect "vmlinux: '$1' ($loc) reads back as $2" "$2" "$VMLINUX" "$loc" $3
	}
	kdecl() { grep -n -E -- "$2" "$SRCDIR/$1" | head -1 | cut -d: -f1; }
	kexpect vfs_read 'vfs_read@*fs/read_write.c'
	kexpect 'vfs_read%return' 'vfs_read%return@*fs/read_write.c' r
	kexpect 'do_sys_openat2:14' 'do_sys_openat2:14@*fs/open.c'
	kexpect 'ksys_read:8' 'ksys_read:8@*fs/read_write.c'
	l=$(kdecl fs/open.c '^struct file \*file_open_root\(')
	kexpect 'fs/open.c:1400' "file_open_root:$((1400 - l))@*fs/open.c"
else
	echo "# vmlinux part left out: VMLINUX or the source tree ($SRCDIR) is missing"
fi
