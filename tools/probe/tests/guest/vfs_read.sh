#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# In-guest test (run as root on a booted kernel with kprobe events):
# define vfs_read with file->f_mode and count, record `dd bs=123 count=1`
# from a file opened read-only, and check what the records say. KTAP out.
#
#   vfs_read.sh [-k VMLINUX]      PROBE=path/to/probe (default: probe in PATH)
. "$(dirname "$0")/ktap_lib"
trap 'rm -rf "$tmp"; $PROBE -q --del "probe:vfs_read*" >/dev/null 2>&1' EXIT

echo "KTAP version 1"
echo "1..7"
head -c 1000 /dev/zero > "$tmp/input"

$PROBE $KOPT -q --add 'vfs_read file->f_mode count' > "$tmp/add.log" 2>&1
check $? "probe --add 'vfs_read file->f_mode count'" || sed 's/^/# /' "$tmp/add.log"

# Listed as the probe point it came from, read back through the debuginfo.
$PROBE $KOPT --list > "$tmp/list.txt" 2>&1
grep -q 'probe:vfs_read  *(on vfs_read@[^ ]*fs/read_write.c with f_mode count)$' "$tmp/list.txt"
check $? "probe --list shows probe:vfs_read (on vfs_read@.../fs/read_write.c with f_mode count)" ||
	sed 's/^/# /' "$tmp/list.txt"

$PROBE record -e probe:vfs_read -o "$tmp/rec" -- \
	dd if="$tmp/input" of=/dev/null bs=123 count=1 2> "$tmp/record.log"
check $? "probe record -- dd bs=123 count=1" || sed 's/^/# /' "$tmp/record.log"

$PROBE script -i "$tmp/rec" > "$tmp/script.txt" 2>&1
check $? "probe script" || sed 's/^/# /' "$tmp/script.txt"

# dd's own read of the input: count must be exactly what dd asked for.
hit=$(grep ' dd ' "$tmp/script.txt" | grep -E 'count=(0x7b|123)( |$)' | head -1)
[ -n "$hit" ]
[ -n "$hit" ] && echo "# hit: $hit"
check $? "a vfs_read hit from dd with count == 123" ||
	sed 's/^/# /' "$tmp/script.txt" | head -20

# f_mode of a file opened O_RDONLY: FMODE_READ (0x1) set, FMODE_WRITE (0x2) clear.
mode=$(echo "$hit" | sed -n 's/.*f_mode=\(0x[0-9a-f]*\|[0-9]*\).*/\1/p')
[ -n "$mode" ] && [ $((mode & 1)) -eq 1 ] && [ $((mode & 2)) -eq 0 ]
check $? "f_mode ($mode) has FMODE_READ and not FMODE_WRITE"

$PROBE -q --del 'probe:vfs_read' >/dev/null 2>&1 &&
	! $PROBE --list 2>&1 | grep -q 'probe:vfs_read '
check $? "probe --del removes it"
[ "$failed" -eq 0 ]
