#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Lists places of a vmlinux that other text patchers make delicate.

    patch-spots.py VMLINUX jump-labels|smp-locks [MAX]

jump-labels: every jump label (static key, tracepoint) may become a jump
to its target, whatever its key's state now.  An instruction that starts
in the 4 bytes before a target would cover that target with a 5-byte
jump if it were jump-optimized: those are the places a probe must stay a
breakpoint.  Prints "near FUNC+OFF" for each.

smp-locks: the SMP alternatives turn each LOCK prefix into a DS prefix
when the kernel runs on one CPU, and back when a second CPU comes up.
Prints "exact FUNC+OFF" for the prefix (no probe may sit there) and
"near FUNC+OFF" for the 4 bytes before it (no jump may cover it).

FUNC is a function symbol of the ELF file, OFF in decimal; at most MAX
places, spread evenly over the table, or all.  Not every place is an
instruction boundary: the kernel refuses those.
"""
import bisect
import struct
import sys


def sections(data):
    """Section name -> (address, file offset, size, link, entsize)."""
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    raw = []
    for i in range(shnum):
        raw.append(struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize))
    strtab = raw[shstrndx]
    out = {}
    for s in raw:
        name_end = data.index(b'\0', strtab[4] + s[0])
        name = data[strtab[4] + s[0]:name_end].decode()
        out[name] = (s[3], s[4], s[5], s[6], s[9])
    return out


def symbols(data, secs):
    """Sorted (address, size, name) of the FUNC symbols with a size, and
    every symbol's address by name."""
    _, off, size, _, entsize = secs['.symtab']
    str_off = secs['.strtab'][1]
    funcs, addrs = [], {}
    for i in range(size // entsize):
        name, info, _, _, value, sz = struct.unpack_from('<IBBHQQ', data, off + i * entsize)
        end = data.index(b'\0', str_off + name)
        sym = data[str_off + name:end].decode()
        addrs[sym] = value
        if info & 0xf == 2 and sz:
            funcs.append((value, sz, sym))
    funcs.sort()
    return funcs, addrs


def file_offset(secs, addr):
    """Where the byte at @addr is in the file."""
    for a, off, size, _, _ in secs.values():
        if a and a <= addr < a + size:
            return off + addr - a
    raise ValueError('no section holds %x' % addr)


def jump_label_targets(data, secs, addrs):
    """The targets of the jump labels (struct jump_entry: s32 code, s32
    target, relative to their own field; long key)."""
    start, stop = addrs['__start___jump_table'], addrs['__stop___jump_table']
    off = file_offset(secs, start)
    out = []
    for i in range((stop - start) // 16):
        _, rel = struct.unpack_from('<ii', data, off + i * 16)
        out.append(start + i * 16 + 4 + rel)
    return out


def lock_prefixes(data, secs, addrs):
    """The LOCK prefixes the SMP alternatives switch (s32, relative to
    the entry)."""
    start, stop = addrs['__smp_locks'], addrs['__smp_locks_end']
    off = file_offset(secs, start)
    out = []
    for i in range((stop - start) // 4):
        rel, = struct.unpack_from('<i', data, off + i * 4)
        if rel:
            out.append(start + i * 4 + rel)
    return out


def main():
    data = open(sys.argv[1], 'rb').read()
    kind = sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    secs = sections(data)
    text = secs['.text']
    funcs, addrs = symbols(data, secs)
    starts = [f[0] for f in funcs]
    places = jump_label_targets if kind == 'jump-labels' else lock_prefixes
    targets = sorted(set(t for t in places(data, secs, addrs)
                         if text[0] <= t < text[0] + text[2]))
    spots = []
    for t in targets:
        i = bisect.bisect_right(starts, t) - 1
        if i < 0:
            continue
        fstart, fsize, name = funcs[i]
        if kind == 'smp-locks' and fstart <= t < fstart + fsize:
            spots.append('exact %s+%d' % (name, t - fstart))
        for k in range(1, 5):
            a = t - k
            if fstart < a < fstart + fsize:
                spots.append('near %s+%d' % (name, a - fstart))
    if limit and len(spots) > limit:
        step = len(spots) / limit
        spots = [spots[int(i * step)] for i in range(limit)]
    print('\n'.join(spots))


if __name__ == '__main__':
    main()
