#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# probe -D on a fixture built with -g -O2, with every expectation derived
# from readelf/objdump/nm output of that binary (tests/dwarf_facts.awk) or
# from the x86-64 SysV ABI (integer arguments 1..3 arrive in rdi, rsi, rdx),
# never from probe itself. Prints "ok N - ..." / "not ok N - ..." lines.
here=$(dirname "$0")
F=$BUILD/fixtures/shapes
SRC=$here/fixtures/shapes.c
. "$(dirname "$0")/fixture_lib.sh"

expect() {	# expect DESCRIPTION WANT SPEC...
	desc=$1 want=$2
	shift 2
	got=$("$PROBE" -k "$F" -D "$@" 2>&1)
	[ "$got" = "$want" ]
	ok $? "$desc"
	[ "$got" = "$want" ] || printf '#   got:  %s\n#   want: %s\n' "$got" "$want"
}

expect_fail() {	# expect_fail DESCRIPTION PATTERN SPEC...
	desc=$1 pat=$2
	shift 2
	got=$("$PROBE" -k "$F" -D "$@" 2>&1)
	st=$?
	[ $st -ne 0 ] && echo "$got" | grep -q -- "$pat"
	ok $? "$desc"
	[ $st -ne 0 ] && echo "$got" | grep -q -- "$pat" || printf '#   got: %s\n' "$got"
}

facts=$(readelf --debug-dump=info "$F" | awk -f "$here/dwarf_facts.awk")
member() { echo "$facts" | awk -v s="$1" -v m="$2" -v c="${3:-4}" \
	'$1 == "member" && $2 == s && $3 == m { print $c; exit }'; }
symaddr() { printf '%d' "0x$(nm "$F" | awk -v n="$1" '$3 == n { print $1; exit }')"; }
srcline() { grep -n -F -- "$1" "$SRC" | head -1 | cut -d: -f1; }
# statement addresses (decimal) of source line $1 inside [$2, $3)
stmt_addrs() {
	objdump --dwarf=decodedline "$F" |
		awk -v l="$1" '$1 == "shapes.c" && $2 == l && $NF == "x" { print $3 }' |
		while read -r h; do
			a=$(printf '%d' "$h")
			[ "$a" -ge "$2" ] && [ "$a" -lt "$3" ] && echo "$a"
		done | sort -n -u
}

walk=$(symaddr walk)
walk_end=$((walk + $(printf '%d' "0x$(nm -S "$F" | awk '$4 == "walk" { print $2 }')")))
pos=$(member record pos); y=$(member point y); x=$(member point x)
peer=$(member record peer); fl=$(member record fl); hist=$(member record hist)
name=$(member record name); label=$(member record label)
anon=$(member record - 4); tag=$(member flags tag)

want="p:probe/walk walk+0 y=+$((pos + y))(%di):s32 x=+$x(+$peer(%di)):s32"
want="$want n=%si:s32 extra=%dx:s64"
expect "entry: nested member, pointer chain, parameters in ABI registers" \
	"$want" \
	'walk r->pos.y r->peer->x n extra'

# Bitfields: DW_AT_data_bit_offset counts from the struct start; the
# container is the 32-bit unsigned int holding them.
mode_bits=$(member flags mode 5); mode_off=$(member flags mode 6)
ready_bits=$(member flags ready 5); ready_off=$(member flags ready 6)
want="p:probe/walk walk+0"
want="$want mode=+$((fl + mode_off / 32 * 4))(%di):b$mode_bits@$((mode_off % 32))/32"
want="$want ready=+$((fl + ready_off / 32 * 4))(%di):b$ready_bits@$((ready_off % 32))/32"
want="$want tag=+$((fl + tag))(%di):x16"
expect "bitfields as b<width>@<shift>/32, unsigned short member" \
	"$want" \
	'walk r->fl.mode r->fl.ready r->fl.tag'

want="p:probe/walk walk+0 hist=+$((hist + 3 * 4))(%di):s32 name=+$name(%di):string"
want="$want label=+0(+$label(%di)):string as_int=+$anon(%di):s32"
expect "array element, char array and char pointer as strings, anonymous union" \
	"$want" \
	'walk r->hist[3] r->name:string r->label:string r->as_int'

expect "ustring and @user on a char pointer" \
	"p:probe/walk walk+0 label=+0(+$label(%di)):ustring l=+u0(+u$label(%di)):string" \
	'walk r->label:ustring l=r->label:string@user'

expect "NAME= and explicit types" \
	"p:probe/walk walk+0 id=+0(%di):u32 p=+$peer(%di):x64" \
	'walk id=r->id:u32 p=r->peer'

# One probe per inlined instance of scale(), at its DW_AT_entry_pc.
scale_die=$(echo "$facts" | awk '$1 == "func" && $2 == "scale" { print $3 }')
want=$(echo "$facts" | awk -v d="$scale_die" '$1 == "inline" && $2 == d { print $3 }' |
	while read -r e; do echo "p:probe/scale walk+$(($(printf '%d' "$e") - walk))"; done)
[ -n "$want" ] && [ "$(echo "$want" | wc -l)" -ge 2 ]
ok $? "fixture has at least two inlined instances of scale (readelf)"
expect "every inlined instance probed" "$want" 'scale'
got=$("$PROBE" -k "$F" --no-inlines -D 'scale' 2>&1)
st=$?
[ $st -ne 0 ] && echo "$got" | grep -q "not found" && ! echo "$got" | grep -q "^p:"
ok $? "--no-inlines leaves nothing for an inline-only function"
expect_fail "%return refused on an inline-only function" "inlined function" 'scale%return'

expect "return probe with \$retval" 'r:probe/walk__return walk+0 $retval' 'walk%return $retval'
expect_fail "\$retval refused at an entry" "return probes" 'walk $retval'
expect "GROUP:EVENT= and +OFF" "p:grp/ev walk+4" 'grp:ev=walk+4'

# Lazy pattern: the first statement address of the matching line.
l=$(srcline 'if (r->fl.ready)')
a=$(stmt_addrs "$l" "$walk" "$walk_end" | head -1)
expect "lazy pattern ;if* at line $l" "p:probe/walk walk+$((a - walk))" 'walk;if*'
expect "file lazy pattern finds the same place" "p:probe/walk walk+$((a - walk))" 'shapes.c;if*'

# Relative line: every statement address of the line in walk(). The line is
# one whose statement addresses start with its own row (objdump), so it is
# not "sharing the address" with another line.
decl=$(srcline 'int walk(struct record')
l=$(srcline 'acc += r->fl.mode;')
want=$(stmt_addrs "$l" "$walk" "$walk_end" |
	while read -r a; do echo "p:probe/walk_L$((l - decl)) walk+$((a - walk))"; done)
expect "relative line walk:$((l - decl))" "$want" "walk:$((l - decl))"
want=$(echo "$want" | sed "s/walk_L$((l - decl))/walk/")
expect "absolute line shapes.c:$l" "$want" "shapes.c:$l"

# "acc ^= r->hist[...]" only starts a statement at an address whose first
# row is another line (objdump shows it): probing it must be refused and
# point to that other line. That line comes from the inlined scale(), above
# walk()'s declaration, so the hint names it by file and line, not as a
# negative line of walk().
l=$(srcline 'acc ^= r->hist[i & 7];')
a=$(stmt_addrs "$l" "$walk" "$walk_end" | head -1)
first=$(objdump --dwarf=decodedline "$F" | awk -v a="$(printf '0x%x' "$a")" \
	'$1 == "shapes.c" && $3 == a { print $2; exit }')
[ -n "$first" ] && [ "$first" != "$l" ]
ok $? "objdump: the first row at line $l's address is line $first"
[ "$first" -lt "$decl" ]
ok $? "... which is above walk()'s declaration (line $decl)"
expect_fail "a line sharing its address is refused with a hint" \
	"try to probe at [^ ]*shapes.c:$first instead" "walk:$((l - decl))"
expect_fail "... and shows the source around it" \
	"acc ^= r->hist\[i & 7\];" "walk:$((l - decl))"

expect_fail "'.' on a pointer is refused" "must be referred by '->'" 'walk r.id'
expect_fail "'->' on a struct is refused" "must be referred by '.'" 'walk r->pos->x'
expect_fail "unknown member is named" "has no member nosuch" 'walk r->nosuch'
expect_fail "unknown variable" "location of the 'nothere' variable" 'walk nothere'
# readelf lists r, n, extra as walk's parameters: the error names them
params=$(echo "$facts" | awk '$1 == "var" && $2 == "walk" { printf "%s%s", sep, $3; sep = ", " }' |
	cut -d, -f1-3)
expect_fail "a missing variable error lists the available ones" \
	"Available here: $params" 'walk nothere'
expect_fail "unknown function suggests a close name" "Did you mean: .*walk" 'wlak'
expect_fail "'->' on an integer says it has no members, not to use '.'" \
	"n(type:int) is not a pointer to a struct or union: it has no member x" 'walk n->x'
expect_fail "char is not a string source" "not a pointer nor array of char" 'walk n:string'

# 'wasted' only has a computed, multi-operation location (readelf shows one);
# probe must refuse rather than fetch something else.
echo "$facts" | grep -q '^var sum_hist wasted 1$'
ok $? "readelf: sum_hist's 'wasted' has a location attribute"
expect_fail "computed location of an optimised-out local is refused" \
	"cannot express\|optimized out" 'sum_hist wasted'

# FUNC:N counts from FUNC's declaration; past the last line with code in
# walk (objdump's statement rows inside walk's address range) the line is
# another function's, and the spec is refused with walk's range.
last=$(objdump --dwarf=decodedline "$F" |
	awk '$1 == "shapes.c" && $NF == "x" { print $2, $3 }' |
	while read -r l h; do
		a=$(printf '%d' "$h")
		[ "$a" -ge "$walk" ] && [ "$a" -lt "$walk_end" ] && echo "$l"
	done | sort -n | tail -1)
last=$((last - decl))
"$PROBE" -k "$F" -D "walk:$last" > /dev/null 2>&1
ok $? "walk:$last, walk's last line with code, is accepted"
expect_fail "a line past the end of the function is refused with its range" \
	"past the end of walk, whose lines are walk:0 to walk:$last" "walk:$((last + 10))"

# walk:3 is "int i;", which has no code: --vars explains
# as --add does, with the probe-able lines nearby.
out=$("$PROBE" -k "$F" --vars walk:3 2>&1)
st=$?
[ $st -ne 0 ] && echo "$out" | grep -q "^Probe-able lines nearby" &&
	echo "$out" | grep -q "^      5  	for (i = 0"
ok $? "--vars on a line without code names it and shows the probe-able lines nearby"
out=$("$PROBE" -k "$F" --vars walk 2>&1)
echo "$out" | grep -q "struct record\*	r" && echo "$out" | grep -q "int	n" &&
	echo "$out" | grep -q "long int	extra"
ok $? "--vars lists walk's parameters with their types"

l=$(srcline 'if (r->fl.ready)')
out=$("$PROBE" -k "$F" --line walk 2>&1)
echo "$out" | grep -q "^ *$((l - decl))  .*if (r->fl.ready)"
ok $? "--line numbers the probe-able line of the lazy pattern"

out=$("$PROBE" -k "$F" --funcs 'wa*' 2>&1)
[ "$out" = "walk" ]
ok $? "--funcs with a glob"

# Unoptimised code: the probe goes after the prologue, to the first row of
# the function's second source line (objdump), and n is read from its stack
# slot, DW_OP_fbreg N (readelf) with the frame base CFA = %rbp + 16 once
# "push %rbp; mov %rsp,%rbp" has run.
F0=$BUILD/fixtures/shapes-O0
w0=$(printf '%d' "0x$(nm "$F0" | awk '$3 == "walk" { print $1; exit }')")
first=$(objdump --dwarf=decodedline "$F0" | awk -v a="$(printf '0x%x' "$w0")" '
	$1 == "shapes.c" && $3 == a { l = $2 }
	$1 == "shapes.c" && l && $2 != l { print $3; exit }')
fb=$(readelf --debug-dump=info "$F0" | grep -A6 'DW_AT_name *: n$' |
	sed -n 's/.*DW_OP_fbreg: \(-*[0-9]*\).*/\1/p' | head -1)
got=$("$PROBE" -k "$F0" -D 'walk n' 2>&1)
[ -n "$first" ] && [ -n "$fb" ] &&
	[ "$got" = "p:probe/walk walk+$(($(printf '%d' "$first") - w0)) n=$((fb + 16))(%bp):s32" ]
st=$?
ok $st "-O0: after the prologue, n at fbreg$fb = $((fb + 16))(%bp)"
[ $st -eq 0 ] || echo "#   got: $got (first row after prologue: $first)"

# The function index: same answers without it, rebuilt when the ELF changes.
for spec in 'scale' 'shapes.c;if*'; do
	a=$("$PROBE" -k "$F" -D "$spec" 2>&1)
	b=$(PROBE_NO_INDEX=1 "$PROBE" -k "$F" -D "$spec" 2>&1)
	[ -n "$a" ] && [ "$a" = "$b" ]
	ok $? "indexed and unindexed lookups agree for $spec"
done
bid=$(readelf -n "$F" | awk '/Build ID/ { print $3; exit }')
idx=$PROBE_CACHE_DIR/$bid.fidx
[ -f "$idx" ] && [ -f "$PROBE_CACHE_DIR/$bid.sidx" ]
ok $? "function and file indexes written under PROBE_CACHE_DIR, named by build-id"
ino=$(stat -c %i "$idx")
touch -d '2001-01-01' "$F"
"$PROBE" -k "$F" -D walk >/dev/null 2>&1
[ "$(stat -c %i "$idx")" != "$ino" ]
ok $? "a changed ELF (mtime) makes the index rebuild"
touch "$F"

exit 0
