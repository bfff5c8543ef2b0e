#!/usr/bin/env bash
# make check-patches: applies build/patches/series with `git am` to a fresh
# pristine tree and builds our kernel configuration from it.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/patches
tree=$work/linux
out=$work/out-ours
rm -rf "$tree" "$out"
mkdir -p "$tree" "$out"
tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$tree" --strip-components=1
cd "$tree"
export GIT_AUTHOR_NAME=check GIT_AUTHOR_EMAIL=check@localhost
export GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@localhost
git init -q && git add -A -f && git commit -q -m pristine
# the cover letter (0000) carries no diff
git am -q $(ls "$work"/series/0*.patch | grep -v 0000-cover-letter)
echo "check-patches: $(git rev-list --count HEAD~1..HEAD >/dev/null; git log --oneline | wc -l) commits after git am"
make -s O="$out" tinyconfig >/dev/null
scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" \
	"$top/configs/base.config" "$top/configs/dprobes.config" >/dev/null
make -s O="$out" olddefconfig >/dev/null
# Same relative layout as build/linux + build/out-ours: ccache hits.
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
make -s O="$out" -j"$(nproc)" CC="ccache gcc" HOSTCC="ccache gcc" vmlinux
echo "check-patches: the series applies with git am and builds ($out/vmlinux)"
