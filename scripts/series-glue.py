#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The engine's Kconfig or Makefile as it stands at one step of the series.

    series-glue.py FINAL TREE_PATH STEP "1:SYM,SYM 2:SYM ..."

FINAL is the project's file; TREE_PATH is where it goes in the series'
tree, whose other files are those of steps 1..STEP.  A Kconfig keeps the
config blocks of the options steps 1..STEP add (every option must be
listed).  A Makefile keeps the objects whose source is in the tree, and
drops the lines, ifdef blocks and comments left with nothing to build.
Prints the result.
"""
import os
import re
import sys


def kconfig(text, step, intro):
    out, keep = [], True
    for line in text.splitlines(keepends=True):
        m = re.match(r'(?:menu)?config\s+(\w+)', line)
        if m:
            if m.group(1) not in intro:
                sys.exit(f"series-glue: option {m.group(1)} is in no step")
            keep = intro[m.group(1)] <= step
        elif re.match(r'(menu|endmenu|if|endif|source|comment)\b', line):
            keep = True
        if keep:
            out.append(line)
    return ''.join(out)


def makefile(text, tree_dir):
    # logical lines: a line and its backslash continuations
    logical, cur = [], ''
    for line in text.splitlines(keepends=True):
        cur += line
        if not line.rstrip('\n').endswith('\\'):
            logical.append(cur)
            cur = ''
    if cur:
        logical.append(cur)

    def present(tok):
        if tok.endswith('/'):
            return os.path.isdir(os.path.join(tree_dir, tok))
        stem = tok[:-2]
        return any(os.path.exists(os.path.join(tree_dir, stem + ext))
                   for ext in ('.c', '.S'))

    kept = []          # (kind, text): kind is obj, cond, end, comment, blank, other
    for ll in logical:
        m = re.match(r'(\s*obj-\S+\s*\+=)(.*)', ll, re.S)
        if m:
            toks = m.group(2).replace('\\\n', ' ').split()
            if not all(t.endswith(('.o', '/')) for t in toks):
                kept.append(('other', ll))
                continue
            left = [t for t in toks if present(t)]
            if left:
                kept.append(('obj', ll if left == toks else
                             m.group(1) + ' ' + ' '.join(left) + '\n'))
            else:
                kept.append(('dropped', ''))
        elif re.match(r'if(n?def|n?eq)\b', ll):
            kept.append(('cond', ll))
        elif ll.startswith('endif'):
            kept.append(('end', ll))
        elif ll.startswith('#'):
            kept.append(('comment', ll))
        elif not ll.strip():
            kept.append(('blank', ll))
        else:
            kept.append(('other', ll))
    # ifdef blocks with nothing left inside go
    changed = True
    while changed:
        changed = False
        for i, (kind, _) in enumerate(kept):
            if kind != 'cond':
                continue
            j = i + 1
            while j < len(kept) and kept[j][0] in ('dropped', 'blank', 'comment'):
                j += 1
            if j < len(kept) and kept[j][0] == 'end' and \
               any(k == 'dropped' for k, _ in kept[i + 1:j]):
                for k in range(i, j + 1):
                    kept[k] = ('dropped', '')
                changed = True
                break
    # comments directly above lines that all went
    out = []
    for i, (kind, ll) in enumerate(kept):
        if kind == 'comment' and (i == 0 or kept[i - 1][0] != 'comment'):
            j = i
            while j < len(kept) and kept[j][0] == 'comment':
                j += 1
            k = j
            while k < len(kept) and kept[k][0] == 'dropped':
                k += 1
            if k > j and (k == len(kept) or kept[k][0] in ('blank', 'comment')):
                for n in range(i, j):
                    kept[n] = ('dropped', '')
        if kept[i][0] != 'dropped':
            out.append(kept[i][1])
    text = ''.join(out)
    return re.sub(r'\n{3,}', '\n\n', text).rstrip('\n') + '\n'


def main():
    final, tree_path, step, spec = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    intro = {}
    for part in spec.split():
        n, syms = part.split(':')
        for s in syms.split(','):
            intro[s] = int(n)
    text = open(final).read()
    if os.path.basename(final).startswith('Kconfig'):
        sys.stdout.write(kconfig(text, step, intro).rstrip('\n') + '\n')
    else:
        sys.stdout.write(makefile(text, os.path.dirname(tree_path) or '.'))


main()
