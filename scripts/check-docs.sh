#!/usr/bin/env bash
# make docs: our reStructuredText must build without a docutils warning,
# and scripts/kernel-doc must find no missing or mismatched comment in our
# kernel sources.  Ends with "docs: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. scripts/tally.sh
kdoc=build/linux/scripts/kernel-doc
pass=0 fail=0

mapfile -t rst < <(git ls-files -co --exclude-standard -- '*.rst')
if [ ${#rst[@]} -gt 0 ]; then
	if /usr/bin/python3 scripts/check-docs.py "${rst[@]}"; then
		pass=$((pass + ${#rst[@]}))
	else
		fail=$((fail + 1))
	fi
fi

# The harness that runs the documents' examples in the guest (make check's
# guest stage) must notice a wrong output.
if /usr/bin/python3 scripts/doc-examples.py --selftest; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi

# Examples that run on the build host (ring=host: the decoder page); the
# guest stage runs the others.
out=$(/usr/bin/python3 scripts/doc-examples.py --run --ring host \
	Documentation/trace/*.rst tools/probe/Documentation/probe.rst 2>&1)
rc=$?
echo "$out"
tally "$out" "$rc"
pass=$((pass + tally_pass)) fail=$((fail + tally_fail))

[ -f "$kdoc" ] || { echo "docs: $kdoc missing (make kernel unpacks the tree)"; exit 1; }
# The kernel's tracing guide links our index page (patches/ adds the entry).
if grep -qx '   dprobes' build/linux/Documentation/trace/index.rst; then
	pass=$((pass + 1))
else
	echo "docs: build/linux/Documentation/trace/index.rst does not list dprobes (make kernel applies patches/)"
	fail=$((fail + 1))
fi
mapfile -t src < <(git ls-files -co --exclude-standard -- 'arch/*.[ch]' 'kernel/*.[ch]' 'include/*.h')
for f in "${src[@]}"; do
	# -none: parse only; -Wall: missing parameter/return descriptions,
	# mismatched prototypes.
	out=$(perl "$kdoc" -none -Wall "$f" 2>&1)
	if [ -n "$out" ]; then
		echo "$out"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
# Every exported function carries a kernel-doc comment naming it.
while read -r f sym; do
	if grep -rqE "^ \* $sym\(\) - " "$f" $(dirname "$f") include/linux/dprobes.h 2>/dev/null; then
		pass=$((pass + 1))
	else
		echo "$f: exported $sym has no kernel-doc comment"
		fail=$((fail + 1))
	fi
done < <(grep -oE 'EXPORT_SYMBOL(_GPL)?\([a-z_0-9]+\)' "${src[@]}" /dev/null |
	sed -E 's/^([^:]+):EXPORT_SYMBOL(_GPL)?\(([a-z_0-9]+)\)/\1 \3/')

echo "docs: $pass passed, $fail failed"
[ $fail = 0 ]
