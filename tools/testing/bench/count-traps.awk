# SPDX-License-Identifier: GPL-2.0
# Counts, in QEMU's -d int log, the kernel's breakpoint (#BP, v=03) and
# debug (#DB, v=01) exceptions inside each window that trap_window.c opens
# and closes with a user-space breakpoint (v=03 at cpl=3), and pairs the
# windows in order with the guest's "TRAPS <case> <N>" console lines.
#
#   awk -f count-traps.awk CONSOLE QEMU-LOG
#
# Prints "<case> <traps per call>" for every window.
FNR == NR {
	if ($1 == "TRAPS" && NF == 3) {
		name[++announced] = $2
		calls[announced] = $3
	}
	next
}
/ v=03 / && / cpl=3 / {
	if (open) {
		n++
		count[n] = inside
		open = 0
	} else {
		open = 1
		inside = 0
	}
	next
}
open && / cpl=0 / && (/ v=03 / || / v=01 /) { inside++ }
END {
	if (n != announced)
		printf "count-traps: %d windows in the log, %d announced\n", n, announced > "/dev/stderr"
	for (i = 1; i <= n && i <= announced; i++)
		printf "%s %.2f\n", name[i], count[i] / calls[i]
}
