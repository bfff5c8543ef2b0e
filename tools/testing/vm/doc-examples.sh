#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Runs in the guest: the examples of our documentation, with the output
# they show (scripts/doc-examples.py).  Ends with
# "doc-examples: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$top"
# probe finds the running kernel's vmlinux where a distribution puts it,
# as the man page's examples assume.
# The host's own debug files (libc6-dbg's .build-id, for probe -x) stay
# visible through links into a bind mount of the directory taken first.
if [ -n "${GUEST_VMLINUX:-}" ] && [ ! -e "/usr/lib/debug/boot/vmlinux-$(uname -r)" ]; then
	mkdir -p /tmp/host-debug && mount --bind /usr/lib/debug /tmp/host-debug &&
		mount -t tmpfs -o mode=755 tmpfs /usr/lib/debug &&
		for e in /tmp/host-debug/* /tmp/host-debug/.build-id; do
			[ -e "$e" ] && [ "${e##*/}" != boot ] &&
				ln -s "$e" "/usr/lib/debug/${e##*/}"
		done
	mkdir -p /usr/lib/debug/boot &&
		ln -s "$GUEST_VMLINUX" "/usr/lib/debug/boot/vmlinux-$(uname -r)"
fi
exec /usr/bin/python3 scripts/doc-examples.py --run \
	Documentation/trace/*.rst tools/probe/Documentation/probe.rst
