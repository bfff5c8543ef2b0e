#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# probe -x (user-space probes, uprobe_events) on host fixtures, against
# Debian's perf probe -x -D as the oracle wherever perf is right, and
# against readelf where perf is wrong (globals: perf writes @SYMBOL, which
# uprobe_events refuses) or fails (malloc: an alias of __libc_malloc).
# No tracefs here: tests/guest/uprobe.sh places and hits the probes.
F=$BUILD/fixtures/uprobe_target
T=$BUILD/fixtures/twins
LIBC=/lib/x86_64-linux-gnu/libc.so.6
. "$(dirname "$0")/fixture_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

same_as_perf() {	# same_as_perf BINARY SPEC
	ours=$("$PROBE" -x "$1" -D "$2" 2>&1)
	theirs=$(perf probe -x "$1" -D "$2" 2>&1)
	[ -n "$ours" ] && [ "$ours" = "$theirs" ]
	ok $? "-x $(basename "$1") -D '$2' is what perf probe prints" ||
		printf '# ours:   %s\n# perf:   %s\n' "$ours" "$theirs"
}

command -v perf >/dev/null
ok $? "perf is installed (the oracle; scripts/deps.sh installs linux-perf)"

for spec in 'work' 'work+4' 'work%return $retval' 'work $params' \
	    'work c->level c->name:string k tag:string' 'work c->counts[2]' \
	    'uprobe_target.c:29' 'main'; do
	same_as_perf "$F" "$spec"
done
same_as_perf "$T" 'init_once x'
same_as_perf "$T" 'init_once%return $retval'
same_as_perf "$LIBC" 'malloc%return $retval'
same_as_perf "$LIBC" '__libc_malloc bytes'
same_as_perf "$LIBC" 'fopen%return'

# A global is read at a file offset: @+OFF = its address - the probe's
# address + the probe's file offset (the probe's offset from perf, the
# addresses from readelf).
foff=$(perf probe -x "$F" -D work 2>/dev/null | sed -n 's/.*:0x\([0-9a-f]*\)$/\1/p')
sym() { readelf -sW "$1" | awk -v s="$2" '$8 == s { print $2; exit }'; }
want=$(printf '@+0x%x' $((0x$(sym "$F" calls) - 0x$(sym "$F" work) + 0x$foff)))
cfgoff=$((0x$(sym "$F" cfg) - 0x$(sym "$F" work) + 0x$foff))
out=$("$PROBE" -x "$F" -D 'work calls cfg.counts[2] cfg.name:string' 2>&1)
def="p:probe_uprobe_target/work $(realpath "$F"):0x$foff calls=$want:s32"
def="$def counts=$(printf '@+0x%x' $((cfgoff + 32))):s64"
def="$def name=+0($(printf '@+0x%x' $((cfgoff + 8)))):string"
[ -n "$foff" ] && [ "$out" = "$def" ]
ok $? "globals as @+FILEOFFSET, members added in (calls $want)" || echo "# $out"

# The same in a non-PIE executable, where addresses and offsets differ.
cc -g -O2 -no-pie -o "$tmp/np" "$(dirname "$0")/fixtures/uprobe_target.c"
foff=$(perf probe -x "$tmp/np" -D work 2>/dev/null | sed -n 's/.*:0x\([0-9a-f]*\)$/\1/p')
want=$(printf '@+0x%x' $((0x$(sym "$tmp/np" calls) - 0x$(sym "$tmp/np" work) + 0x$foff)))
out=$("$PROBE" -x "$tmp/np" -D 'work calls' 2>&1)
[ "$out" = "p:probe_np/work $tmp/np:0x$foff calls=$want:s32" ]
ok $? "non-PIE: file offset 0x$foff, calls at $want" || echo "# $out"

# malloc is an alias: DWARF knows only __libc_malloc (perf fails here).
foff=$(perf probe -x "$LIBC" -D malloc 2>/dev/null | sed -n 's/.*:0x\([0-9a-f]*\)$/\1/p')
out=$("$PROBE" -x "$LIBC" -D 'malloc bytes' 2>&1)
msg="-x libc.so.6 'malloc bytes': the alias resolves to __libc_malloc's DWARF"
[ -n "$foff" ] && [ "$out" = "p:probe_libc/malloc $(realpath "$LIBC"):0x$foff bytes=%di:x64" ]
ok $? "$msg (needs libc6-dbg)" ||
	echo "# $out"
out=$("$PROBE" -x "$LIBC" -D 'fopen filename:string' 2>&1)
echo "$out" | grep -q '^p:probe_libc/fopen .* filename_string=+0(%di):string$'
ok $? "versioned symbols (fopen@@GLIBC_2.2.5) are found by their plain name" || echo "# $out"
out=$("$PROBE" -x "$LIBC" -D strlen 2>&1)
echo "$out" | grep -q 'strlen is a GNU indirect function' && echo "$out" | grep -q '__strlen_avx2'
ok $? "an IFUNC is refused, naming the implementations to probe instead" || echo "# $out"

# Groups: probe_ and the file name up to its first non-identifier character.
for name in my-tool.v2 x_y.so.1 .hidden; do
	cp "$F" "$tmp/$name"
	ours=$("$PROBE" -x "$tmp/$name" -D work 2>&1 | cut -d/ -f1)
	theirs=$(perf probe -x "$tmp/$name" -D work 2>&1 | cut -d/ -f1)
	[ -n "$ours" ] && [ "$ours" = "$theirs" ]
	ok $? "group of $name is perf's ($ours)"
done
out=$(cd "$tmp" && PATH=$tmp:$PATH "$OLDPWD/$PROBE" -x my-tool.v2 -D work 2>&1)
[ "$out" = "p:probe_my/work $tmp/my-tool.v2:0x$(perf probe -x "$F" -D work | sed -n 's/.*:0x//p')" ]
ok $? "-x NAME is looked up in \$PATH (perf needs a path)" || echo "# $out"

# Errors say what is wrong, and nothing is half done.
out=$("$PROBE" -x "$tmp/none" -D work 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "$tmp/none: No such file"
ok $? "a missing binary is named" || echo "# $out"
out=$("$PROBE" -x /etc/hostname -D work 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "not a usable ELF file"
ok $? "a file that is not ELF is refused" || echo "# $out"
cp "$F" "$tmp/with space"
out=$("$PROBE" -x "$tmp/with space" -D work 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "white space"
ok $? "a path with a space is refused (the kernel splits definitions there)" || echo "# $out"
out=$("$PROBE" -x "$F" -k "$F" -D work 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "does not go with -m or -k"
ok $? "-x with -k is refused" || echo "# $out"
cp "$F" "$tmp/stripped" && strip "$tmp/stripped"
out=$("$PROBE" -x "$tmp/stripped" -D 'work k' 2>&1)
[ $? -ne 0 ] && echo "$out" | grep -q "no DWARF" && echo "$out" | grep -q '@+FILEOFFSET'
ok $? "a variable in a binary without DWARF: says what works without it" || echo "# $out"
out=$("$PROBE" -x "$T" -D 'init_once@other.c%return' 2>&1)
[ "$(echo "$out" | wc -l)" = 1 ] &&
	[ "$out" = "$(perf probe -x "$T" -D 'init_once@other.c x' |
		sed 's/^p:\([^ ]*\) \([^ ]*\) .*/r:\1__return \2/')" ]
ok $? "FUNC@FILE%return probes that file's copy only (perf probes both)" || echo "# $out"

# --funcs, --vars and --line read the binary.
"$PROBE" -x "$LIBC" --funcs 'fopen*' > "$tmp/funcs" 2>&1
grep -qx fopen "$tmp/funcs" && ! grep -q '@' "$tmp/funcs"
ok $? "--funcs lists libc's functions without symbol versions"
out=$("$PROBE" -x "$F" --vars work 2>&1)
echo "$out" | grep -q 'struct config\*	c' && echo "$out" | grep -q 'char\*	tag'
ok $? "--vars shows work's parameters" || echo "# $out"
out=$("$PROBE" -x "$F" --line work 2>&1)
echo "$out" | grep -q 'calls++;'
ok $? "--line shows work's source lines" || echo "# $out"
