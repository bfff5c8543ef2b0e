#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The command line: help and man page agree, --dry-run naming, errors that
# say what to do, install, and record/script on a static tracepoint when
# this host allows it (root and tracefs; otherwise reported as SKIP).
here=$(dirname "$0")
F=$BUILD/fixtures/shapes
RST=$here/../Documentation/probe.rst
. "$(dirname "$0")/fixture_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every option --help shows is documented in the man page, and vice versa
# for the main command's options.
for cmd in "" record script; do
	opts=$("$PROBE" $cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	missing=
	for o in $opts; do
		grep -q -- "$o" "$RST" || missing="$missing $o"
	done
	[ -n "$opts" ] && [ -z "$missing" ]
	ok $? "probe $cmd --help: every option is in probe.rst${missing:+ (missing:$missing)}"
done
doc=$(sed -n '/^OPTIONS/,/^RECORD/p' "$RST" | grep -o -- '^-., --[a-z-]*\|^--[a-z-]*' |
	grep -o -- '--[a-z-]*' | sort -u)
help=$("$PROBE" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ "$doc" = "$help" ]
ok $? "probe.rst OPTIONS lists exactly the options of probe --help"

out=$("$PROBE" -k "$F" -n --add 'walk n' 2>&1)
echo "$out" | grep -q "probe:walk" && echo "$out" | grep -q "dry run"
ok $? "--dry-run --add names the event and touches nothing"

out=$("$PROBE" -k "$F" -n -a walk -a walk 2>&1)
echo "$out" | grep -q 'Event "walk" already exists'
ok $? "a second event of the same name is refused without --force"
out=$("$PROBE" -k "$F" -n -f -a walk -a walk 2>&1)
echo "$out" | grep -q "probe:walk	" && echo "$out" | grep -q "probe:walk_1	"
ok $? "with --force it gets the _1 suffix"

out=$("$PROBE" -k "$F" -D 'walk n' 'scale' 2>&1)
rc=$?
[ $rc = 2 ] && echo "$out" | grep -q "one command at a time" && ! echo "$out" | grep -q "^p:"
ok $? "-D SPEC plus bare words is refused, not half done (as perf refuses it)"
out=$("$PROBE" -k "$F" -D 'walk n' -D 'scale' 2>&1)
echo "$out" | grep -q "^p:probe/walk " && echo "$out" | grep -q "^p:probe/scale "
ok $? "-D repeated prints every definition"

out=$("$PROBE" -k "$F" -n -a 'scale' 2>&1)
echo "$out" | grep -q "probe:scale	" && echo "$out" | grep -q "probe:scale_1	"
ok $? "inlined instances of one spec are named scale, scale_1"

out=$("$PROBE" -k "$F" --max-probes 1 -D 'scale' 2>&1)
echo "$out" | grep -q "Too many (> 1) probe points"
ok $? "--max-probes bounds the probe points of one spec"

out=$("$PROBE" -D vfs_read -m /nonexistent/mod.ko 2>&1)
echo "$out" | grep -q "/nonexistent/mod.ko"
ok $? "unreadable -m module path is named in the error"

out=$("$PROBE" -m no_such_module_x -D vfs_read 2>&1)
echo "$out" | grep -q "/lib/modules/$(uname -r)" && echo "$out" | grep -q -- "-m PATH"
ok $? "an unknown -m module lists where it looked"

if [ -r /sys/kernel/notes ] || true; then
	out=$(HOME=$tmp "$PROBE" -D vfs_read 2>&1)
	st=$?
	# Without -k: either a matching vmlinux is found and named, or the
	# running kernel's symbols and BTF are used, naming the package that
	# would give more, or every path tried is listed with that package.
	if [ $st -eq 0 ]; then
		echo "$out" | grep -q "Using vmlinux" ||
			{ echo "$out" | grep -q "Using /proc/kallsyms" &&
			  echo "$out" | grep -q "linux-image-.*-dbg"; }
	else
		echo "$out" | grep -q "/usr/lib/debug/boot/vmlinux-$(uname -r)" &&
			echo "$out" | grep -q "linux-image-.*-dbg"
	fi
	ok $? "vmlinux discovery says what it used or what it tried"
fi

if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$PROBE" -k "$F" --add walk 2>&1)
	echo "$out" | grep -q "needs root"
	ok $? "non-root --add is refused with a hint"
else
	echo "# SKIP non-root check: needs root and setpriv to switch user"
fi

make -s -C "$here/.." install DESTDIR="$tmp/inst" PREFIX=/usr >/dev/null 2>&1 &&
	[ -x "$tmp/inst/usr/bin/probe" ] &&
	man -l "$tmp/inst/usr/share/man/man1/probe.1" 2>/dev/null | grep -q "kprobe"
ok $? "make install puts probe and a readable probe(1) under DESTDIR/PREFIX"

# A static function name two files define: the kernel refuses the name as
# non-unique, so each copy is named as _text plus its offset (nm -l tells
# which copy is other.c's); FUNC@FILE picks one; %return is refused.
T=$BUILD/fixtures/twins
text=$(nm "$T" | awk '$3 == "_text" { print $1 }')
other=$(nm -l "$T" | awk '$3 == "init_once" && $4 ~ /other\.c:/ { print $1 }')
want="p:probe/init_once _text+$((0x$other - 0x$text))"
got=$("$PROBE" -k "$T" -D 'init_once@other.c' 2>&1)
[ "$got" = "$want" ]
ok $? "a non-unique static function is named _text+OFFSET ($got)"
[ "$("$PROBE" -k "$T" -D init_once 2>&1 | grep -c '_text+')" = 2 ]
ok $? "without @FILE both copies are probed, each by its offset"
got=$("$PROBE" -k "$T" -D other_entry 2>&1)
[ "$got" = "p:probe/other_entry other_entry+0" ]
ok $? "a unique function keeps its name"
"$PROBE" -k "$T" -D 'init_once%return' 2>&1 | grep -q "init_once names 2 functions"
ok $? "%return on a non-unique name is refused as ambiguous"
# $params at every offset of other_entry, twice() inlined in it with a
# parameter named like other_entry's: never two fields of one name (the
# kernel refuses them); past its size (nm -S) the offset is refused.
size=$(printf '%d' "0x$(nm -S "$T" | awk '$4 == "other_entry" { print $2 }')")
dups=
o=0
while [ $o -lt "$size" ]; do
	line=$("$PROBE" -k "$T" -D "other_entry+$o \$params" 2>/dev/null)
	d=$(echo "$line" | tr ' ' '\n' | grep = | cut -d= -f1 | sort | uniq -d)
	[ -z "$d" ] || dups="$dups +$o:$d"
	o=$((o + 1))
done
[ -z "$dups" ]
ok $? "\$params never repeats a field name (inlined parameters of the same name)${dups:+:$dups}"
"$PROBE" -k "$T" -D "other_entry+$size" 2>&1 |
	grep -q "past the end of other_entry, which is $size bytes long"
ok $? "FUNC+OFFSET at or past the function's size is refused"
# FILE:LINE names the event after perf's best scope: the function declared
# closest above the line *in that file*.  note() (declared in helper.h
# closer above the call line than other_entry) is inlined at the line of
# its call inside other_entry; twice() is declared in other.c and keeps its
# name for its own lines.
l=$(grep -n 'note(z);' "$here/fixtures/twins/other.c" | cut -d: -f1)
got=$("$PROBE" -k "$T" -D "other.c:$l" 2>&1)
case $got in "p:probe/other_entry other_entry+"*) true ;; *) false ;; esac
ok $? "a call line of an inlined header function is named after the caller ($got)"
got=$("$PROBE" -k "$T" -D 'other.c;sink*' 2>&1)
echo "$got" | grep -q '^p:probe/twice other_entry+'
ok $? "a line of an inline function of the same file is named after it"

# twice() is inlined into other_entry and has an out-of-line copy (its
# address is taken; nm lists the symbol): --no-inlines probes the copy.
nm "$T" | grep -q ' t twice$'
ok $? "nm: twice has an out-of-line copy"
got=$("$PROBE" -k "$T" --no-inlines -D twice 2>&1)
[ "$got" = "p:probe/twice twice+0" ]
ok $? "--no-inlines probes the out-of-line copy of a function inlined elsewhere ($got)"
[ "$("$PROBE" -k "$T" -D twice 2>&1 | wc -l)" = 2 ]
ok $? "without it, the copy and the inlined instance are both probed"
# Without DWARF the symbol table serves FUNC, FUNC+OFF and FUNC%return
# with raw arguments, written as perf writes them: _text+OFFSET (nm) for
# entries, FUNC+0 for returns.  What needs DWARF is refused by name.
objcopy --strip-debug "$T" "$tmp/twins.nodbg"
oe=$(nm "$T" | awk '$3 == "other_entry" { print $1 }')
got=$("$PROBE" -k "$tmp/twins.nodbg" -D 'other_entry+4 %di' 2>&1)
[ "$got" = "p:probe/other_entry _text+$((0x$oe - 0x$text + 4)) %di" ]
ok $? "no DWARF: FUNC+OFF with a raw argument from the symbol table ($got)"
got=$("$PROBE" -k "$tmp/twins.nodbg" -D 'other_entry%return $retval' 2>&1)
[ "$got" = "r:probe/other_entry__return other_entry+0 \$retval" ]
ok $? "no DWARF: FUNC%return \$retval ($got)"
"$PROBE" -k "$tmp/twins.nodbg" -D 'other_entry x' 2>&1 |
	grep -q "no DWARF debug information, which x needs"
ok $? "no DWARF: a variable is refused, naming it"
"$PROBE" -k "$tmp/twins.nodbg" -D 'init_once' 2>&1 | grep -q "init_once names 2 symbols"
ok $? "no DWARF: a non-unique name is refused"
# With BTF instead of DWARF (pahole -J, then the DWARF stripped), a
# function's parameters and their member chains at its entry give the
# same fetch arguments DWARF gives: the DWARF output is the oracle.
cp "$F" "$tmp/shapes.btf"
if pahole -J "$tmp/shapes.btf" 2>/dev/null && objcopy --strip-debug "$tmp/shapes.btf"; then
	bad=
	for spec in 'walk r->pos.y r->peer->x n extra' 'walk $params' \
		'walk r->name:string' 'walk r->label:string' 'walk r->fl.mode r->fl.ready' \
		'walk r->hist[3]' 'walk r->peer[1].y' 'walk r->as_int' 'walk n:x'; do
		d=$("$PROBE" -k "$F" -D "$spec" 2>&1)
		b=$("$PROBE" -k "$tmp/shapes.btf" -D "$spec" 2>&1)
		[ "$d" = "$b" ] || bad="$bad [$spec: $b != $d]"
	done
	[ -z "$bad" ]
	ok $? "BTF gives DWARF's fetch arguments at a function's entry$bad"
	"$PROBE" -k "$tmp/shapes.btf" -D 'walk r->tag' 2>&1 |
		grep -q "r(type:record) has no member tag"
	ok $? "BTF: an unknown member is refused with the struct's name"
	"$PROBE" -k "$tmp/shapes.btf" -D 'walk+4 n' 2>&1 |
		grep -q "no DWARF debug information, which n needs"
	ok $? "BTF: a variable away from the entry needs DWARF, and says so"
else
	ok 1 "pahole -J could not add BTF to the fixture"
fi
# The running kernel without a vmlinux: /proc/kallsyms for places, its
# BTF for parameters (or a DWARF vmlinux if this host has one: the output
# is the same form either way).
if [ -r /sys/kernel/btf/vmlinux ] && grep -q ' vfs_read$' /proc/kallsyms; then
	got=$("$PROBE" -q -D 'vfs_read%return $retval' 2>&1)
	[ "$got" = "r:probe/vfs_read__return vfs_read+0 \$retval" ]
	ok $? "running kernel: vfs_read%return \$retval ($got)"
	got=$("$PROBE" -q -D 'vfs_read file->f_mode count' 2>&1)
	re='^p:probe/vfs_read (vfs_read\+0|_text\+[0-9]+) '
	re=$re'f_mode=\+[0-9]+\(%di\):x32 count=%dx:x64$'
	echo "$got" | grep -Eq "$re"
	ok $? "running kernel: parameters and members from its BTF ($got)"
else
	echo "# SKIP running-kernel fallback: no /sys/kernel/btf/vmlinux" \
		"or no vfs_read on this host"
fi
"$PROBE" --version | grep -Eq '^probe [0-9]+\.[0-9]+ \(.*elfutils [0-9.]+, libbpf [0-9]+\.[0-9]+\)$'
ok $? "--version names probe's version and its libraries'"
out=$(PROBE_CACHE_DIR=/proc/no-such-dir "$PROBE" -k "$F" -D walk 2>&1)
[ "$(echo "$out" | grep -c 'cannot write the index cache /proc/no-such-dir')" = 1 ] &&
	echo "$out" | grep -q '^p:probe/walk walk+0'
ok $? "an unwritable cache is warned about once, and the spec still resolves"
# A compiler clone without the source's parameter (nm names the clone):
# the error says which clone it is and why p is not there.
C=$BUILD/fixtures/clone
clone=$(nm "$C" | awk '$3 ~ /^get_y\./ { print $3; exit }')
[ -n "$clone" ]
ok $? "nm: gcc made a clone of get_y ($clone)"
out=$("$PROBE" -k "$C" -D 'get_y p->y' 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "This place is in $clone, a compiler clone of get_y"
ok $? "a parameter the clone lost is refused, naming the clone"
got=$("$PROBE" -k "$F" -D 'walk@s.c' 2>&1)
[ $? -ne 0 ]
ok $? "FILE matches whole path components: s.c is not shapes.c"

# record/script need root, tracefs and an event; a static tracepoint serves.
ev=/sys/kernel/tracing/events/sched/sched_process_exec
if [ "$(id -u)" = 0 ] && [ -d "$ev" ]; then
	"$PROBE" record -e sched:sched_process_exec -o "$tmp/rec" -- /bin/true 2>"$tmp/err"
	ok $? "probe record -e sched:sched_process_exec -- /bin/true"
	"$PROBE" script -i "$tmp/rec" > "$tmp/out" 2>&1
	grep -q "sched:sched_process_exec: filename=/bin/true pid=[0-9]" "$tmp/out"
	ok $? "probe script decodes the record with its named fields"
	head -c 20 "$tmp/rec" > "$tmp/trunc"
	! "$PROBE" script -i "$tmp/trunc" > /dev/null 2>&1
	ok $? "a damaged record file is reported"
else
	echo "# SKIP record/script: needs root and /sys/kernel/tracing with sched events"
fi
exit 0
