#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# In-guest test of probe -x (uprobe_events): probes on the uprobe_target
# fixture (parameters, member chains, strings, globals in .data and .bss,
# a return value) and on libc's malloc, recorded while the fixture runs;
# every value is checked against what the fixture's source fixes (see
# tests/fixtures/uprobe_target.c). Then --list and --del. KTAP out.
#
#   uprobe.sh [-k VMLINUX]      PROBE=path/to/probe (default: probe)
. "$(dirname "$0")/ktap_lib"
F=$(cd "$(dirname "$0")/../.." && pwd)/.build/fixtures/uprobe_target
LIBC=/lib/x86_64-linux-gnu/libc.so.6
trap 'rm -rf "$tmp"; $PROBE -q --del "probe_uprobe_target:*" "probe_libc:*" >/dev/null 2>&1' EXIT

echo "KTAP version 1"
echo "1..11"
[ -x "$F" ]
check $? "the fixture is built (make -C tools/probe guest-fixtures)" || exit 1

spec='work c->level c->name:string k tag:string calls cfg.counts[2]'
$PROBE -x "$F" -q --add "$spec" > "$tmp/log" 2>&1
check $? "probe -x uprobe_target --add '$spec'" ||
	sed 's/^/# /' "$tmp/log"
$PROBE -x "$F" -q --add 'work%return $retval' > "$tmp/log" 2>&1
check $? "probe -x uprobe_target --add 'work%return \$retval'" || sed 's/^/# /' "$tmp/log"
$PROBE -x "$LIBC" -q --add 'malloc bytes' > "$tmp/log" 2>&1
check $? "probe -x libc.so.6 --add 'malloc bytes'" || sed 's/^/# /' "$tmp/log"

$PROBE record -e 'probe_uprobe_target:*' -e probe_libc:malloc -o "$tmp/rec" \
	-- "$F" > "$tmp/stdout" 2> "$tmp/log"
check $? "probe record -- uprobe_target" || sed 's/^/# /' "$tmp/log"
$PROBE script -i "$tmp/rec" > "$tmp/out" 2>&1
sed 's/^/# /' "$tmp/out" | grep -v malloc | head -8

# (the DWARF name of the malloc alias is __libc_malloc, and --list says so)
# Three entries, k = 0, 1, 2, in order; calls (.bss) counts the earlier ones.
pat='s/.* level=7 name="alpha" k=\([0-9]\) tag_string="tag-xyz" '
pat=$pat'calls=\([0-9]\) counts=30$/\1\2/p'
got=$(grep 'probe_uprobe_target:work:' "$tmp/out" |
	sed -n "$pat" |
	tr '\n' ' ')
msg="work's entries: level 7, name alpha, k = calls = 0, 1, 2, tag, cfg.counts[2] 30"
[ "$got" = "00 11 22 " ]
check $? "$msg (got '$got')"

got=$(grep 'probe_uprobe_target:work__return:' "$tmp/out" |
	sed -n 's/.* arg1=\(0x[0-9a-f]*\|[0-9]*\)$/\1/p' | while read -r v; do
		printf '%d ' "$v"; done)
[ "$got" = "77 147 217 " ]
check $? "work's returns: 77 147 217 (got '$got')"

hit=$(grep 'probe_libc:malloc:' "$tmp/out" | grep -E 'bytes=(0x3039|12345)$' | head -1)
[ -n "$hit" ] && echo "# hit: $hit"
check $? "libc's malloc(12345) from the fixture (bytes == 12345)"

$PROBE --list > "$tmp/list" 2>&1
re1="probe_uprobe_target:work  *(on work@[^ ]*uprobe_target.c in $F"
re1="$re1 with level name k tag_string calls counts)$"
re2="probe_uprobe_target:work__return  *(on work%return@[^ ]*uprobe_target.c in $F with arg1)$"
re3="probe_libc:malloc  *(on __libc_malloc@[^ ]*malloc.c"
re3="$re3 in /usr/lib/x86_64-linux-gnu/libc.so.6 with bytes)$"
grep -q "$re1" "$tmp/list" &&
	grep -q "$re2" "$tmp/list" &&
	grep -q "$re3" "$tmp/list"
check $? "probe --list shows each as FUNC@FILE in BINARY" || sed 's/^/# /' "$tmp/list"

tracefs=$(grep -m1 tracefs /proc/mounts | cut -d' ' -f2)
$PROBE -q --del 'probe_uprobe_target:*' >/dev/null 2>&1 &&
	! grep -q probe_uprobe_target "$tracefs/uprobe_events"
check $? "probe --del 'probe_uprobe_target:*' empties them from uprobe_events"
$PROBE -q --del 'probe_libc:malloc' >/dev/null 2>&1 && ! $PROBE --list 2>&1 | grep -q probe_libc
check $? "probe --del probe_libc:malloc"
[ "$failed" -eq 0 ]
