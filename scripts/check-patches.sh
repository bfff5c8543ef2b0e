#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check-patches: applies build/patches/series with `git am` to a
# fresh pristine tree and proves it bisectable: every patch that changes
# the kernel is checked out and built, in order, incrementally in one
# output directory, with our configuration (tinyconfig plus
# configs/base.config and configs/dprobes.config; an option a step does
# not have yet is dropped, so early steps build kprobes' own engine and
# trace_kprobe.c beside the new code).  The last step is booted: a probe
# is defined, enabled and hit, and the runner's kernel-problem checks
# apply.  Ends with "check-patches: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/patches
tree=$work/linux
out=$work/out-ours
pass=0 fail=0
ok() { echo "ok $((pass + fail + 1)) $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok $((pass + fail + 1)) $*"; fail=$((fail + 1)); }
finish() { echo "check-patches: $pass passed, $fail failed"; [ $fail = 0 ]; exit; }

rm -rf "$tree" "$out"
mkdir -p "$tree" "$out"
tar -xJf /usr/src/linux-source-6.12.tar.xz -C "$tree" --strip-components=1
cd "$tree" || exit 1
export GIT_AUTHOR_NAME=check GIT_AUTHOR_EMAIL=check@localhost
export GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@localhost
git init -q && git add -A -f && git commit -q -m pristine
base=$(git rev-parse HEAD)
# the cover letter (0000) carries no diff
if git am -q $(ls "$work"/series/0*.patch | grep -v 0000-cover-letter); then
	ok "the series applies with git am ($(git rev-list --count "$base"..HEAD) patches)"
else
	not_ok "the series applies with git am"
	finish
fi
# Same relative layout as build/linux + build/out-ours: ccache hits.
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
build() { # the checked-out step, incrementally
	make -s O="$out" tinyconfig >/dev/null &&
	scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" \
		"$top/configs/base.config" "$top/configs/dprobes.config" >/dev/null &&
	make -s O="$out" olddefconfig >/dev/null &&
	make -s O="$out" -j"$(nproc)" CC="ccache gcc" HOSTCC="ccache gcc" vmlinux 2>&1 |
		grep -E 'error|warning:' | head -20
	[ "${PIPESTATUS[0]}" = 0 ] && [ -f "$out/vmlinux" ]
}
n=0
for c in $(git rev-list --reverse "$base"..HEAD); do
	n=$((n + 1))
	subject=$(git log -1 --format=%s "$c")
	if ! git diff --name-only "$c~1" "$c" | grep -qE '^(arch|include|kernel)/'; then
		echo "# patch $n ($subject) changes no kernel file: not built"
		continue
	fi
	git checkout -q "$c"
	start=$SECONDS
	rm -f "$out/vmlinux"
	if build; then
		ok "patch $n builds: $subject ($((SECONDS - start)) s;" \
			"$(grep -cE '^CONFIG_(DINSN|DPROBE)[A-Z_]*=' "$out/.config") DINSN/DPROBE options set)"
	else
		not_ok "patch $n builds: $subject"
	fi
done

# The whole series boots, and a probe on it records an event.
smoke='cd /sys/kernel/tracing &&
echo "p:kprobes/smoke vfs_read count=%dx:u64" > kprobe_events &&
echo 1 > events/kprobes/smoke/enable && cat /proc/version > /dev/null &&
echo 0 > events/kprobes/smoke/enable && grep -m1 "smoke: (vfs_read+0x.*count=" trace'
cd "$top" || exit 1
if [ -f "$out/vmlinux" ] &&
	tools/testing/vm/run-vm.sh --kernel "$out/vmlinux" --name check-patches \
		--timeout 300 --quiet -- bash -c "$smoke"; then
	ok "the last patch boots, and a probe on vfs_read records an event"
else
	not_ok "the last patch boots, and a probe on vfs_read records an event"
fi
finish
