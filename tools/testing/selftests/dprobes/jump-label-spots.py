#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Lists the places just before the jump labels' targets of a vmlinux.

    jump-label-spots.py VMLINUX [MAX]

Every jump label (static key, tracepoint) may become a jump to its target,
whatever its key's state now.  An instruction that starts in the 4 bytes
before a target would cover that target with a 5-byte jump if it were
jump-optimized: those are the places a probe must stay a breakpoint.
Prints one "FUNC+OFF" per place (FUNC a function symbol of the ELF file,
OFF in decimal), at most MAX of them spread evenly over the table, or all.
Not every place is an instruction boundary: the kernel refuses those.
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
    the table's bounds (__start___jump_table, __stop___jump_table)."""
    _, off, size, _, entsize = secs['.symtab']
    str_off = secs['.strtab'][1]
    funcs, bounds = [], {}
    for i in range(size // entsize):
        name, info, _, _, value, sz = struct.unpack_from('<IBBHQQ', data, off + i * entsize)
        end = data.index(b'\0', str_off + name)
        sym = data[str_off + name:end].decode()
        if sym in ('__start___jump_table', '__stop___jump_table'):
            bounds[sym] = value
        if info & 0xf == 2 and sz:
            funcs.append((value, sz, sym))
    funcs.sort()
    return funcs, bounds['__start___jump_table'], bounds['__stop___jump_table']


def file_offset(secs, addr):
    """Where the byte at @addr is in the file."""
    for a, off, size, _, _ in secs.values():
        if a and a <= addr < a + size:
            return off + addr - a
    raise ValueError('no section holds %x' % addr)


def main():
    data = open(sys.argv[1], 'rb').read()
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    secs = sections(data)
    text = secs['.text']
    init = secs.get('.init.text', (0, 0, 0, 0, 0))
    funcs, jaddr, jstop = symbols(data, secs)
    joff, jsize = file_offset(secs, jaddr), jstop - jaddr
    starts = [f[0] for f in funcs]
    targets = set()
    # struct jump_entry: s32 code, s32 target (relative to their field), long key
    for i in range(jsize // 16):
        _, rel = struct.unpack_from('<ii', data, joff + i * 16)
        t = jaddr + i * 16 + 4 + rel
        if text[0] <= t < text[0] + text[2] and not init[0] <= t < init[0] + init[2]:
            targets.add(t)
    spots = []
    for t in sorted(targets):
        i = bisect.bisect_right(starts, t) - 1
        if i < 0:
            continue
        fstart, fsize, name = funcs[i]
        for k in range(1, 5):
            a = t - k
            if fstart < a < fstart + fsize:
                spots.append('%s+%d' % (name, a - fstart))
    if limit and len(spots) > limit:
        step = len(spots) / limit
        spots = [spots[int(i * step)] for i in range(limit)]
    print('\n'.join(spots))


if __name__ == '__main__':
    main()
