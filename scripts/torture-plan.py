#!/usr/bin/env python3
"""Plans the whole-kernel probe sweep (make torture, scripts/torture.sh).

    torture-plan.py VMLINUX OUTDIR [--batch N] [--sample N --seed S]

Lists every instruction boundary of every function that kprobe_events can
accept (a function of .text with an ftrace call site: the others are
notrace and refused), as objdump decodes the file, and splits them into
batch files OUTDIR/pNNNN (one probe per line: "_text offset", hex, with
the function and its offset for the report), plus the function entries
for return probes in OUTDIR/rNNNN.  With --sample, a random sample of
the boundaries (and of the entries, a fifth as many), seeded by --seed,
in one batch each.
"""
import argparse
import os
import random
import re
import subprocess
import sys


def functions(vmlinux):
    """(name, start, [instruction addresses]) of the .text functions that
    call __fentry__ first thing."""
    dis = subprocess.run(['objdump', '-d', '--no-show-raw-insn', '-j', '.text', vmlinux],
                         check=True, capture_output=True, text=True).stdout
    head = re.compile(r'^([0-9a-f]+) <(.+)>:$')
    insn = re.compile(r'^ *([0-9a-f]+):\t(.*)$')
    out, cur = [], None
    for line in dis.splitlines():
        m = head.match(line)
        if m:
            cur = [m.group(2), int(m.group(1), 16), [], False]
            out.append(cur)
            continue
        m = insn.match(line)
        if m and cur:
            cur[2].append(int(m.group(1), 16))
            if len(cur[2]) <= 2 and '__fentry__' in m.group(2):
                cur[3] = True
    return [(n, s, a) for n, s, a, traced in out if traced]


def text_start(vmlinux):
    nm = subprocess.run(['nm', vmlinux], check=True, capture_output=True, text=True).stdout
    for line in nm.splitlines():
        addr, _, name = line.split(' ', 2)
        if name == '_text':
            return int(addr, 16)
    sys.exit('torture-plan: no _text in %s' % vmlinux)


def write_batches(outdir, prefix, items, size):
    for i in range(0, len(items), size):
        with open(os.path.join(outdir, '%s%04d' % (prefix, i // size)), 'w') as f:
            f.write(''.join(items[i:i + size]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('vmlinux')
    ap.add_argument('outdir')
    ap.add_argument('--batch', type=int, default=4000)
    ap.add_argument('--sample', type=int, default=0)
    ap.add_argument('--seed', default='0')
    args = ap.parse_args()
    base = text_start(args.vmlinux)
    funcs = functions(args.vmlinux)
    probes, entries = [], []
    for name, start, addrs in funcs:
        for a in addrs:
            probes.append('%x %s+%d\n' % (a - base, name, a - start))
        entries.append('%x %s\n' % (start - base, name))
    if args.sample:
        rnd = random.Random(args.seed)
        probes = sorted(rnd.sample(probes, min(args.sample, len(probes))))
        entries = sorted(rnd.sample(entries, min(args.sample // 5, len(entries))))
        args.batch = max(len(probes), len(entries))
    os.makedirs(args.outdir, exist_ok=True)
    write_batches(args.outdir, 'p', probes, args.batch)
    write_batches(args.outdir, 'r', entries, args.batch)
    print('torture-plan: %d functions, %d instruction boundaries, %d entries'
          % (len(funcs), len(probes), len(entries)))


if __name__ == '__main__':
    main()
