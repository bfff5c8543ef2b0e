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
if [ -n "${GUEST_VMLINUX:-}" ] && [ ! -e "/usr/lib/debug/boot/vmlinux-$(uname -r)" ]; then
	mount -t tmpfs -o mode=755 tmpfs /usr/lib/debug &&
		mkdir -p /usr/lib/debug/boot &&
		ln -s "$GUEST_VMLINUX" "/usr/lib/debug/boot/vmlinux-$(uname -r)"
fi
exec /usr/bin/python3 scripts/doc-examples.py --run \
	Documentation/trace/*.rst tools/probe/Documentation/probe.rst
