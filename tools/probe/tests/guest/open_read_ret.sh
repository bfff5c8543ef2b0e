#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# In-guest test: a string argument and a return value. Define
# do_sys_openat2 with filename:string and ksys_read%return with $retval,
# record `cat FILE` of a 77-byte file, and check the file name and the
# byte count come back. KTAP out.
#
#   open_read_ret.sh [-k VMLINUX]      PROBE=path/to/probe (default: probe)
. "$(dirname "$0")/ktap_lib"
trap 'rm -rf "$tmp"; $PROBE -q --del "probe:*" >/dev/null 2>&1' EXIT

echo "KTAP version 1"
echo "1..8"
head -c 77 /dev/zero > "$tmp/seventy-seven"

$PROBE $KOPT -q --add 'do_sys_openat2 filename:string@user' > "$tmp/log" 2>&1
check $? "probe --add 'do_sys_openat2 filename:string@user'" || sed 's/^/# /' "$tmp/log"
$PROBE $KOPT -q --add 'ksys_read%return $retval' > "$tmp/log" 2>&1
check $? "probe --add 'ksys_read%return \$retval'" || sed 's/^/# /' "$tmp/log"

$PROBE record -o "$tmp/rec" -- cat "$tmp/seventy-seven" > /dev/null 2> "$tmp/log"
check $? "probe record (every probe event) -- cat" || sed 's/^/# /' "$tmp/log"
$PROBE script -i "$tmp/rec" > "$tmp/out" 2>&1

hit=$(grep ' cat ' "$tmp/out" | grep 'probe:do_sys_openat2:' |
	grep -F "\"$tmp/seventy-seven\"" | head -1)
[ -n "$hit" ] && echo "# hit: $hit"
check $? "the open of the file shows its name as a string" ||
	sed 's/^/# /' "$tmp/out" | head -20

hit=$(grep ' cat ' "$tmp/out" | grep 'probe:ksys_read__return:' |
	grep -E '=(0x4d|77)( |$)' | head -1)
[ -n "$hit" ] && echo "# hit: $hit"
check $? "a read returns 77 bytes (\$retval)" ||
	sed 's/^/# /' "$tmp/out" | head -20

$PROBE $KOPT --list 'probe:ksys_read*' > "$tmp/list" 2>&1
re='probe:ksys_read__return  *(on ksys_read%return@[^ ]*fs/read_write.c with arg1)$'
grep -q "$re" "$tmp/list"
check $? "probe --list shows the return probe as ksys_read%return@FILE" ||
	sed 's/^/# /' "$tmp/list"
# Without debuginfo the kernel's location is shown, and it is no error.
$PROBE -k /nonexistent/vmlinux --list 'probe:ksys_read*' > "$tmp/list" 2>&1 &&
	grep -q 'probe:ksys_read__return  *(on ksys_read%return with arg1)$' "$tmp/list"
check $? "probe --list without debuginfo shows ksys_read%return" ||
	sed 's/^/# /' "$tmp/list"

$PROBE -q --del 'probe:*' >/dev/null 2>&1 && ! $PROBE --list 2>&1 | grep -q 'probe:'
check $? "probe --del 'probe:*' removes both"
[ "$failed" -eq 0 ]
