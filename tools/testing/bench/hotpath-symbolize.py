#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Instructions per kernel function in one profiling window (make bench-profile).

  hotpath-symbolize.py NM_FILE EXTRA_SYMS BEGIN END QEMU_LOG

NM_FILE: `nm -n vmlinux`; EXTRA_SYMS: lines of the guest's /proc/kallsyms
outside vmlinux (or /dev/null); BEGIN, END: hex addresses of hotpath_window's
hp_begin() and hp_end().  QEMU_LOG: `log exec,nochain` with `singlestep on`,
one "Trace" line per guest instruction.  Counts the instructions logged after
the first BEGIN and before the next END, by the function (nearest symbol
below) holding each address, and prints "COUNT FUNCTION" lines, plus
"#window INSTRUCTIONS" and "#irq N" (interrupt entries seen in the window:
a window with one is not the steady state of the probe hit).
"""
import bisect
import re
import sys


def load_symbols(nm_file, extra_file):
    syms = []
    with open(nm_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or parts[1] not in "tTwW":
                continue
            syms.append((int(parts[0], 16), parts[2]))
    with open(extra_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or parts[1] not in "tTwW":
                continue
            mod = parts[3] if len(parts) > 3 else ""
            syms.append((int(parts[0], 16), parts[2] + mod))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


TRACE = re.compile(r"^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/")
IRQ_ENTRY = re.compile(r"^asm_(sysvec_|common_interrupt|spurious_interrupt)")


def main():
    nm_file, extra_file, begin, end, log = sys.argv[1:6]
    begin, end = int(begin, 16), int(end, 16)
    addrs, names = load_symbols(nm_file, extra_file)
    counts = {}
    inside = False
    total = 0
    irqs = 0
    prev = None
    with open(log, errors="replace") as f:
        for line in f:
            m = TRACE.match(line)
            if not m:
                continue
            pc = int(m.group(1), 16)
            if not inside:
                inside = pc == begin
                continue
            if pc == end:
                break
            if pc < 0x8000000000000000:
                name = "[user]"
            else:
                i = bisect.bisect_right(addrs, pc) - 1
                # no symbol within 64 KiB below: an unnamed page (a
                # trampoline or slot the guest's kallsyms did not list)
                if i < 0 or pc - addrs[i] > 0x10000:
                    name = "[kernel page %#x]" % (pc & ~0xfff)
                else:
                    name = names[i]
            if name != prev and IRQ_ENTRY.match(name):
                irqs += 1
            prev = name
            counts[name] = counts.get(name, 0) + 1
            total += 1
    if not inside:
        sys.exit("hotpath-symbolize.py: %s: no hp_begin() in the log" % log)
    print("#window %d" % total)
    print("#irq %d" % irqs)
    for name, c in sorted(counts.items(), key=lambda x: -x[1]):
        print("%d %s" % (c, name))


if __name__ == "__main__":
    main()
