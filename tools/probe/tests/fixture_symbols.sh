#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The sorted symbol index that names probe addresses (sym_ranges.c) gives
# what libdwfl's scan of the whole table gives, on a fixture, on libc
# (aliases, weak and versioned symbols) and, when given, on the vmlinux.
# addr_symbols prints its own ok/not ok line; a binary it cannot open
# prints none, so that is reported here.
for elf in "$BUILD/fixtures/shapes" /lib/x86_64-linux-gnu/libc.so.6 ${VMLINUX:+"$VMLINUX"}; do
	"$BUILD/asan/addr_symbols" "$elf" 300
	[ $? -ne 2 ] || echo "not ok - addr_symbols could not open $elf"
done
