#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make patches: exports the whole project as a `git format-patch` series
# with a cover letter, against the pristine Debian linux-source-6.12 tree,
# into build/patches/series/.  Each patch is one reviewable step that
# builds and boots: a layer's new files arrive with the hook patch
# (patches/*.patch) that wires them in, and the engine's own Kconfig and
# Makefiles grow with the steps (scripts/series-glue.py), so no step
# names an option or an object whose code comes later.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
tarball=/usr/src/linux-source-6.12.tar.xz
work=$top/build/patches
repo=$work/tree
outdir=$work/series

# One step per line: path prefixes | hook patches | subject | body.  A
# file belongs to the step with its longest matching prefix.
steps=(
	"arch/x86/include/asm/dinsn.h arch/x86/lib/insn/|0001-x86-insn-build.patch|x86/insn: add the dprobes instruction decoder|An x86-64 instruction decoder of our own, with opcode tables written\nfrom the Intel and AMD manuals.  The probe engine uses it to check\ninstruction boundaries, to run displaced instructions out of line and\nto prove jump optimization safe.  Its KUnit suite decodes every\nfunction of the running kernel and checks that decoding ends exactly\nat each function's end."
	"tools/testing/dinsn/||selftests/dinsn: test the decoder on the host|The decoder builds in userspace from the same source.  These tests\ncompare it with Zydis, objdump and the kernel's own decoder over whole\nbinaries and generated encodings, check its #UD rules, fuzz it under\nASan/UBSan, and measure its speed (make bench)."
	"include/linux/dprobes.h include/linux/dprobes_arch.h arch/x86/include/asm/dprobes.h arch/x86/include/asm/dprobes-kprobes.h kernel/dprobes/ arch/x86/kernel/kprobes/|0002-dprobes-build.patch 0003-x86-kprobes-api-on-dprobes.patch|dprobes: add the probe engine, serving the kprobes API|Breakpoint probes on kernel instructions with out-of-line execution,\nboosting, ftrace-entry probes and return probes.  The generic part is\nin kernel/dprobes/; the x86 part, beside the kprobes code in\narch/x86/kernel/kprobes/, sees it only through <linux/dprobes_arch.h>.\n\nCONFIG_DPROBES implements CONFIG_KPROBES: register_kprobe() and the\nrest of <linux/kprobes.h> are served by this engine\n(kernel/dprobes/kprobes_api.c), struct kprobe's arch part and the int3\nhook come from <asm/dprobes-kprobes.h>, and kprobes' own engine is not\nbuilt."
	"kernel/dprobes/optimizer.c arch/x86/kernel/kprobes/dprobe_opt_||dprobes: replace breakpoints with jumps where provably safe|A background optimizer replaces an armed probe's breakpoint with a\n5-byte jump to a detour when the instructions the jump covers can be\nrelocated and no code, visible or not yet patched in (jump labels,\nstatic calls, alternatives, ftrace sites, other probes), can branch\ninto them.  Relative jumps, conditional jumps and a trailing call in\nthe covered region are relocated rather than refused."
	"kernel/dprobes/dprobes_kunit.c kernel/dprobes/dprobes_stress_kunit.c kernel/dprobes/dprobes_opt_kunit.c kernel/dprobes/dprobes_kapi_test.c kernel/dprobes/dprobes_plant.c kernel/dprobes/dprobes_testmod.c arch/x86/include/asm/dprobes_test.h arch/x86/kernel/kprobes/dprobe_test_targets.S arch/x86/kernel/kprobes/dprobe_safety_kunit.c arch/x86/kernel/kprobes/dprobe_xmodify_kunit.c||dprobes: add KUnit suites and test modules|The engine suite (entry, branch, RIP-relative and call sites, ftrace\nsites, refusals, reentrancy, return probes), a stress suite, the jump\noptimizer's suite (one refusal per safety rule), the safety suite\n(every instruction before a jump-label target is refused), the kprobes\nAPI suite as an out-of-tree module would use it, and modules that plant\nfaults so the test runner can prove it sees them."
	"kernel/trace/dpev_parse kernel/trace/dpev_types.c kernel/trace/dpev_format kernel/trace/dpev_fetch||tracing/dprobes: add the probe-definition parser and fetch compiler|The grammar of kprobe_events (6.12's, error positions and messages\nincluded), a compiler from fetch-args to a small fetch program, its\nexecutor and the print-format writer.  They depend on nothing of the\ntracing core and are not built until the next patch wires the event\nlayer in."
	"tools/testing/dprobe_events/||selftests/dprobe_events: test the parser on the host|The parser, compiler, executor and formatter built on the host with\nstubs for the few kernel calls they make: table-driven cases (every\n6.12 error position and message), fetch programs run against fake\nmemory, and a fuzzer, under ASan/UBSan."
	"kernel/trace/|0004-dprobe-events-build.patch|tracing/dprobes: add kprobe_events on the dprobes engine|The tracefs dynamic-event interface of Linux 6.12 (kprobe_events,\nkprobe_profile, dynamic_events, error_log), perf's kprobe PMU, what BPF\nasks of kprobe events and the in-kernel event generation API, on the\nparser and the engine.  CONFIG_DPROBE_EVENTS implements\nCONFIG_KPROBE_EVENTS: trace_kprobe.c is not built."
	"tools/probe/||tools/probe: add a source-level probe helper|A perf-probe-compatible command that turns source-level probe specs\ninto kprobe_events and uprobe_events definitions with libdw (or the\nkernel's BTF when there is no debuginfo), and records and prints the\nevents with libtracefs and libtraceevent."
	"tools/probe/tests/||tools/probe: add tests|Host tests against fixtures and against perf probe -D as an oracle,\nand guest tests that record events on a running kernel."
	"tools/testing/selftests/dprobes/||selftests/dprobes: add ftracetest-style tests|Tests of the interface that upstream's ftracetest kprobe tests do not\ncover, run by ftracetest's own driver."
	"Documentation/|0005-documentation-trace-index-dprobes.patch|Documentation/trace: document dprobes|User guide, engine design and decoder pages, listed in the tracing\nguide's index beside the kprobe pages they reimplement."
	"|0006-maintainers-add-dprobes.patch|MAINTAINERS: add dprobes|One entry whose F: lines cover every file of the series."
)
# The Kconfig options each step adds to the engine's Kconfig files.
kconfig_steps="1:DINSN,DINSN_KUNIT_TEST 3:DPROBES,DPROBES_ON_FTRACE 4:DPROBES_OPTIMIZE 5:DPROBES_KUNIT_TEST,DPROBES_TEST_MODULES"
# Build glue that grows with the steps: the step where it appears.
glue="kernel/dprobes/Kconfig:1 kernel/dprobes/Makefile:3 arch/x86/kernel/kprobes/Makefile.dprobes:3"

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
	arch include kernel Documentation tools/probe tools/testing/selftests/dprobes \
	tools/testing/dinsn tools/testing/dprobe_events |
	while read -r f; do [ -f "$top/$f" ] && echo "$f"; done)

# step_of FILE: the 1-based step with the file's longest matching prefix.
declare -A step_of=()
for f in "${files[@]}"; do
	best=0 bestlen=-1 i=0
	for s in "${steps[@]}"; do
		i=$((i + 1))
		IFS='|' read -r prefixes _ <<< "$s"
		for p in $prefixes; do
			if [[ $f == "$p"* ]] && [ ${#p} -gt $bestlen ]; then
				best=$i bestlen=${#p}
			fi
		done
	done
	[ $best != 0 ] || { echo "make-patches: $f belongs to no step" >&2; exit 1; }
	step_of[$f]=$best
done
declare -A glue_step=()
for g in $glue; do glue_step[${g%%:*}]=${g##*:}; done

i=0
for s in "${steps[@]}"; do
	i=$((i + 1))
	IFS='|' read -r _ hooks subject body <<< "$s"
	for f in "${files[@]}"; do
		[ "${step_of[$f]}" = $i ] && [ -z "${glue_step[$f]:-}" ] || continue
		mkdir -p "$(dirname "$f")"
		cp "$top/$f" "$f"
		git add -f "$f"
	done
	for f in "${!glue_step[@]}"; do
		[ "${glue_step[$f]}" -le $i ] || continue
		mkdir -p "$(dirname "$f")"
		python3 "$top/scripts/series-glue.py" "$top/$f" "$f" $i "$kconfig_steps" > "$f.new"
		mv "$f.new" "$f"
		git add -f "$f"
	done
	for p in $hooks; do git apply --index "$top/patches/$p"; done
	git diff --cached --quiet && { echo "make-patches: step $i ($subject) is empty" >&2; exit 1; }
	git commit -q -s -F <(printf '%s\n\n%b\n' "$subject" "$body")
done
# The last step's tree is the project's: nothing filtered is left over.
for f in "${files[@]}"; do
	cmp -s "$top/$f" "$f" || { echo "make-patches: $f differs at the end of the series" >&2; exit 1; }
done
while read -r p; do
	grep -q "|.*\b$p\b" <<< "$(printf '%s\n' "${steps[@]}")" ||
		{ echo "make-patches: patches/$p is in no step" >&2; exit 1; }
done < "$top/patches/series"

git format-patch -q --cover-letter -o "$outdir" "$base"
cover=$(ls "$outdir"/0000-cover-letter.patch)
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
for p in "$outdir"/0*.patch; do
	printf '  %s  %s\n' "$(grep -c '^+' "$p")" "$(basename "$p")"
done
