#!/usr/bin/env bash
# make patches: exports the whole project as a `git format-patch` series
# with a cover letter, against the pristine Debian linux-source-6.12 tree,
# into build/patches/series/.  New files come first, grouped by concern
# (each commit builds, since nothing refers to them yet), then the hook
# patches of patches/series that wire them in.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
tarball=/usr/src/linux-source-6.12.tar.xz
work=$top/build/patches
repo=$work/tree
outdir=$work/series

# Path prefix | commit subject | commit body, in series order.
groups=(
	"arch/x86/include/asm/dinsn.h arch/x86/lib/insn/|x86/insn: add the dprobes instruction decoder|An x86-64 instruction decoder of our own, with opcode tables written\nfrom the Intel and AMD manuals.  The probe engine uses it to check\ninstruction boundaries, to run displaced instructions out of line and\nto prove jump optimization safe.  It builds in the kernel and in\nuserspace from the same source."
	"include/linux/dprobes.h arch/x86/include/asm/dprobes.h arch/x86/include/asm/dprobes-kprobes.h kernel/dprobes/ arch/x86/kernel/kprobes/|dprobes: add the probe engine|Breakpoint probes on kernel instructions with out-of-line execution,\nboosting, ftrace-entry probes, return probes and jump optimization.\nThe generic part is in kernel/dprobes/, the x86 part beside the\nkprobes code in arch/x86/kernel/kprobes/."
	"kernel/trace/|tracing/dprobes: add kprobe_events on the dprobes engine|The tracefs dynamic-event interface of Linux 6.12 (kprobe_events,\nkprobe_profile, dynamic_events, error_log), with a fetch-argument\ncompiler and executor of our own."
	"tools/probe/|tools/probe: add a source-level probe helper|A perf-probe-compatible command that turns source-level probe specs\ninto kprobe_events definitions with libdw, and records and prints the\nevents with libtracefs and libtraceevent."
	"tools/testing/selftests/dprobes/|selftests/dprobes: add ftracetest-style tests|Tests of the interface that upstream's ftracetest kprobe tests do not\ncover, run by ftracetest's own driver."
	"Documentation/|Documentation/trace: document dprobes|User guide, engine design and decoder pages."
)

[ -f "$tarball" ] || { echo "make-patches: $tarball missing (make deps)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$repo"
echo "make-patches: unpacking the pristine tree"
tar -xJf "$tarball" -C "$repo" --strip-components=1
cd "$repo"
# Author and Signed-off-by: the repository's configured git identity.
export GIT_AUTHOR_NAME="$(git -C "$top" config user.name || echo 'dprobes developers')"
export GIT_AUTHOR_EMAIL="$(git -C "$top" config user.email || echo 'dprobes@localhost')"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z"
git init -q
git add -A -f
git commit -q -m "Linux $(make -s kernelversion) (Debian linux-source-6.12)"
base=$(git rev-parse HEAD)

mapfile -t files < <(cd "$top" && git ls-files -co --exclude-standard -- \
	arch include kernel Documentation tools/probe tools/testing/selftests/dprobes |
	while read -r f; do [ -f "$top/$f" ] && echo "$f"; done)
declare -A done_files=()
for g in "${groups[@]}"; do
	IFS='|' read -r prefixes subject body <<< "$g"
	n=0
	for f in "${files[@]}"; do
		for p in $prefixes; do
			if [[ $f == "$p"* ]] && [ -z "${done_files[$f]:-}" ]; then
				mkdir -p "$(dirname "$f")"
				cp "$top/$f" "$f"
				git add -f "$f"
				done_files[$f]=1
				n=$((n + 1))
			fi
		done
	done
	[ $n = 0 ] || git commit -q -s -F <(printf '%s\n\n%b\n' "$subject" "$body")
done
for f in "${files[@]}"; do
	[ -n "${done_files[$f]:-}" ] || { echo "make-patches: $f belongs to no group" >&2; exit 1; }
done

while read -r p; do
	[ -n "$p" ] || continue
	git apply --index "$top/patches/$p"
	# The patch's own header: "Subject: [PATCH] x", a blank line, the body,
	# then "---".
	git commit -q -s -F <(sed -n '1s/^Subject: \(\[PATCH\] \)\{0,1\}//p' "$top/patches/$p";
		echo; sed -n '2,/^---$/p' "$top/patches/$p" | sed '1{/^$/d}; $d')
done < "$top/patches/series"

git format-patch -q --cover-letter -o "$outdir" "$base"
cover=$(ls "$outdir"/0000-cover-letter.patch)
subject=$(sed -n 's/^Subject: //p' "$top/patches/cover-letter.txt" | head -1)
/usr/bin/python3 - "$cover" "$top/patches/cover-letter.txt" <<'PY'
import sys
cover, blurb_file = sys.argv[1], sys.argv[2]
lines = open(blurb_file).read().split("\n")
subject = lines[0].removeprefix("Subject: ")
blurb = "\n".join(lines[2:]).rstrip() + "\n"
text = open(cover).read()
text = text.replace("*** SUBJECT HERE ***", subject).replace("*** BLURB HERE ***", blurb)
open(cover, "w").write(text)
PY
echo "make-patches: $(ls "$outdir" | wc -l) files in $outdir (base $base)"
