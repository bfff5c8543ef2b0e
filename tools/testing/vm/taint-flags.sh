#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Prints the letters of a kernel taint value (/proc/sys/kernel/tainted),
# as Documentation/admin-guide/tainted-kernels.rst lists them.
#
#   taint-flags.sh VALUE
v=${1:?usage: taint-flags.sh VALUE}
letters=(P F S R M B U D A W C I O E L K X T N J)
out=
for i in "${!letters[@]}"; do
	(( v & (1 << i) )) && out+=${letters[$i]}
done
echo "${out:-none}"
