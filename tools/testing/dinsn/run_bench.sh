#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Decoder benchmark table.  Environment: KSRC (unpacked 6.12 tree), VMLINUX,
# LIBC, OUT.  Upstream's decoder is compiled from $KSRC into $OUT/upstream.
# Callgrind counts cover the first CG_BYTES of each file's code (the
# per-instruction figure is stable well before that; whole-vmlinux runs
# of Capstone under callgrind take many minutes).
set -eu
CG_BYTES=${CG_BYTES:-2000000}
TOP=$(cd ../../.. && pwd)
up=$OUT/upstream
cflags="-std=gnu11 -O2 -g -Wall -Wextra -Wno-missing-field-initializers -I$TOP/arch/x86/include/asm -I$PWD/include"
core=$(ls $TOP/arch/x86/lib/insn/*.c | grep -v -e dinsn_kunit.c)
extra=""
if [ -f "$KSRC/tools/arch/x86/lib/insn.c" ]; then
	mkdir -p "$up"
	awk -f "$KSRC/tools/arch/x86/tools/gen-insn-attr-x86.awk" \
		"$KSRC/tools/arch/x86/lib/x86-opcode-map.txt" > "$up/inat-tables.c"
	uinc="-I$KSRC/tools/arch/x86/include -I$KSRC/tools/include -I$up"
	for f in insn inat; do
		gcc -O2 -g $uinc -c "$KSRC/tools/arch/x86/lib/$f.c" -o "$up/$f.o"
	done
	gcc -O2 -g $uinc -c bench_upstream.c -o "$up/glue.o"
	extra="-DHAVE_UPSTREAM $up/insn.o $up/inat.o $up/glue.o"
else
	echo "warning: KSRC=$KSRC has no tools/arch/x86/lib/insn.c;" \
	     "upstream's decoder is left out" >&2
fi
gcc $cflags -o "$OUT/bench" bench.c $core $extra -lZydis -lcapstone

files=()
[ -n "${VMLINUX:-}" ] && files+=("$VMLINUX")
files+=("$LIBC")
for f in "${files[@]}"; do
	echo "== $f"
	printf "%-10s %10s %20s\n" decoder MB/s "callgrind Ir/insn"
	"$OUT/bench" "$f" > "$OUT/bench.txt"
	while read -r name _ _ _ _ mbs _; do
		cg="$OUT/cg.$name.out"
		valgrind --tool=callgrind --collect-atstart=no \
			--toggle-collect="run_$name" --callgrind-out-file="$cg" \
			"$OUT/bench" --only "$name" --limit "$CG_BYTES" "$f" \
			> "$OUT/cg.$name.txt" 2>/dev/null
		n=$(awk '{print $4}' "$OUT/cg.$name.txt")
		ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$cg")
		printf "%-10s %10s %20.1f\n" "$name" "$mbs" \
			"$(echo "$ir / $n" | bc -l)"
	done < "$OUT/bench.txt"
done
