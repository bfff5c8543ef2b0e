#!/usr/bin/env bash
# make torture: the whole-kernel probe sweep (issue 12).  Every instruction
# boundary of every function kprobe_events may accept gets a probe, a
# batch at a time, enabled with jump optimization on while a workload
# runs and every other text patcher is switched on and off
# (tools/testing/vm/torture-workload.sh); then every function entry gets a
# return probe.  Crashes and warnings are recorded per batch, and the
# sweep goes on in a new boot.
#
#   scripts/torture.sh [--kernel ours|ref|debug] [--batch N] [--per-boot N]
#                      [--jobs N] [--sample N] [--seed S] [--report] [--fresh]
#
# --kernel   which build to sweep (default ours); ref is upstream's kprobes
# --batch    probes per batch (default 4000)
# --per-boot batches per guest boot (default 8)
# --jobs     guests run side by side, each on its own share of the batches
#            (default 1; 2 halves the sweep on this 2-core machine)
# --sample   a random sample of N boundaries (and N/5 entries) instead of
#            all, in one boot: the slice make check runs; the seed
#            defaults to the commit, so each commit sweeps another slice
# --report   print the table of what is recorded, run nothing
# --fresh    forget earlier results
#
# Progress is kept in build/torture/FLAVOUR[-sample]/ and a run resumes
# where the last one stopped.  Ends with the table and
# "torture: N passed, N failed" (batches).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
flavour=ours batch=4000 per_boot=8 jobs=1 sample=0 seed= report=0 fresh=0
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) flavour=$2; shift 2 ;;
	--batch) batch=$2; shift 2 ;;
	--per-boot) per_boot=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--sample) sample=$2; shift 2 ;;
	--seed) seed=$2; shift 2 ;;
	--report) report=1; shift ;;
	--fresh) fresh=1; shift ;;
	*) echo "torture.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
out=$top/build/out-$flavour
vmlinux=$out/vmlinux
kernel=$vmlinux mem=1G
if [ "$flavour" = debug ]; then
	kernel=$out/arch/x86/boot/bzImage mem=3G
fi
[ -f "$vmlinux" ] || { echo "torture.sh: $vmlinux missing (make kernel)" >&2; exit 2; }
state=$top/build/torture/$flavour
[ "$sample" = 0 ] || state=$state-sample
[ $fresh = 0 ] || rm -rf "$state"
snap=$state/kernel
mkdir -p "$state/results"

summary() {
	local f kind placed=0 refused=0 optimized=0 hit=0 hits=0 warnings=0 crashes=0 nb=0
	local rplaced=0 rhit=0 pass=0 fail=0 line timeouts=0
	for f in "$state"/results/*.result; do
		[ -f "$f" ] || continue
		nb=$((nb + 1))
		kind=$(basename "$f"); kind=${kind:0:1}
		line=$(cat "$f")
		if [[ $line == crash* ]]; then
			crashes=$((crashes + 1)); fail=$((fail + 1)); continue
		fi
		if [[ $line == timeout* ]]; then
			timeouts=$((timeouts + 1)); fail=$((fail + 1)); continue
		fi
		eval "$line"
		if [ "$kind" = r ]; then
			rplaced=$((rplaced + placed_)) rhit=$((rhit + hit_))
		fi
		[ "$warnings_" = 0 ] && pass=$((pass + 1)) || fail=$((fail + 1))
		warnings=$((warnings + warnings_))
		[ "$kind" = r ] && continue
		placed=$((placed + placed_)) refused=$((refused + refused_))
		optimized=$((optimized + optimized_)) hit=$((hit + hit_)) hits=$((hits + hits_))
	done
	local total; total=$(ls "$state/batches" | wc -l)
	echo "=== torture ($flavour at $(cat "$snap/commit" 2>/dev/null)$([ "$sample" = 0 ] || echo ", sample of $sample, seed $seed")): $nb of $total batches"
	printf '| %-22s | %10s |\n' "what" "count"
	printf '|%s|%s|\n' "------------------------" "------------"
	printf '| %-22s | %10d |\n' "probes placed" "$placed" "refused" "$refused" \
		"optimized" "$optimized" "probes hit" "$hit" "hits" "$hits" \
		"return probes placed" "$rplaced" "return probes hit" "$rhit" \
		"crashes" "$crashes" "timeouts" "$timeouts" "warnings" "$warnings"
	echo "torture: $pass passed, $fail failed"
	[ "$fail" = 0 ]
}
[ $report = 1 ] && { summary; exit; }

# The plan: batch files, made once per vmlinux (and per sample seed),
# and a copy of the kernel it was made for: a rebuild meanwhile must not
# move the addresses under a sweep that runs for hours.
[ -n "$seed" ] || seed=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo 0)
key="$(stat -c %Y:%s "$vmlinux") $batch $sample $seed"
if [ "$(cat "$state/plan.key" 2>/dev/null)" != "$key" ] &&
	ls "$state"/results/*.result > /dev/null 2>&1; then
	# A sweep in progress goes on with the kernel it began with (its
	# snapshot), whatever was built since: sweeps span sessions.
	echo "torture: continuing the sweep of $(cat "$snap/commit" 2>/dev/null) on its" \
		"kernel snapshot (the build changed since; --fresh sweeps the new one)" >&2
elif [ "$(cat "$state/plan.key" 2>/dev/null)" != "$key" ]; then
	rm -rf "$state/batches" "$state/batches-split" "$state/retry" "$state/results" \
		"$state"/boot-* "$snap"
	mkdir -p "$state/batches" "$state/results" "$snap/arch/x86/boot"
	"$top/scripts/torture-plan.py" "$vmlinux" "$state/batches" --batch "$batch" \
		--sample "$sample" --seed "$seed" || exit 1
	cp "$vmlinux" "$out/kernelrelease" "$snap/"
	cp "$out/arch/x86/boot/bzImage" "$snap/arch/x86/boot/"
	cp -a "$out/mods" "$snap/"
	git -C "$top" rev-parse --short HEAD > "$snap/commit" 2>/dev/null
	echo "$key" > "$state/plan.key"
fi
if [ "$flavour" = debug ]; then
	kernel=$snap/arch/x86/boot/bzImage
else
	kernel=$snap/vmlinux
fi


# Worker $1 of $jobs owns every $jobs-th batch, so workers never share one.
pending() {
	local b i=0
	for b in "$state"/batches/*; do
		[ $((i++ % jobs)) = "$1" ] || continue
		[ -f "$state/results/$(basename "$b").result" ] || echo "$b"
	done
}

# split_batch FILE: FILE's first half becomes batch FILEa, the rest FILEb;
# FILE moves to batches-split/ (the report counts its halves instead).
split_batch() {
	local b=$1 n half
	n=$(basename "$b")
	half=$(( ($(wc -l < "$b") + 1) / 2 ))
	mkdir -p "$state/batches-split"
	head -n "$half" "$b" > "$b"a
	tail -n +"$((half + 1))" "$b" > "$b"b
	mv "$b" "$state/batches-split/$n"
}

sweep() {
	local worker=$1 boot=0 dir rc progressed b n why todo budget timed_out
	while :; do
		mapfile -t todo < <(pending "$worker" | head -n "$per_boot")
		[ ${#todo[@]} -gt 0 ] || break
		budget=$((600 * ${#todo[@]}))
		for b in $(pending "$worker"); do
			[ -f "$state/retry/$(basename "$b")" ] || continue
			todo=("$b") budget=3600
			break
		done
		boot=$((boot + 1))
		dir=$state/boot-$(date +%s)-$worker-$boot
		mkdir -p "$dir"
		echo "torture: worker $worker boot $boot: ${todo[*]##*/}"
		# Switching the function tracer with thousands of live probes keeps
		# one task in the kernel for minutes under TCG (ftrace rewrites every
		# call site, and the rewriting code is probed too): RCU-tasks would
		# call that a stall after run-vm's 60 s.  A real hang still ends the
		# boot at its timeout.
		"$top/tools/testing/vm/run-vm.sh" --kernel "$kernel" --mem "$mem" --cpus 2 \
			--name "torture-$flavour-$worker" --log "$dir/console" --quiet --results "$dir" \
			--append "rcupdate.rcu_task_stall_timeout=$((600 * 250))" \
			--timeout "$budget" -- tools/testing/vm/torture-guest.sh "${todo[@]}" \
			> "$dir/run-vm.out" 2>&1
		rc=$?
		progressed=0
		timed_out=0
		# (console-check.sh exits 0 on a clean console)
		grep -q 'guest timed out' "$dir/run-vm.out" &&
			"$top/tools/testing/vm/console-check.sh" "$dir/console" > /dev/null &&
			timed_out=1
		for b in "${todo[@]}"; do
			n=$(basename "$b")
			if [ -f "$dir/$n.result" ]; then
				sed 's/\([a-z]*\)=/\1_=/g' "$dir/$n.result" > "$state/results/$n.result"
				progressed=1
			elif [ -f "$dir/$n.started" ] && [ $timed_out = 1 ] &&
				[ ! -f "$state/retry/$n" ]; then
				# Out of time with nothing wrong on the console: the
				# boot's budget ran out (a slow batch, or a host busy
				# with other work).  Once more, first in a boot, with
				# an hour of its own.
				mkdir -p "$state/retry"
				: > "$state/retry/$n"
				echo "torture: $n ran out of the boot's time; retried alone"
				progressed=1
				break
			elif [ -f "$dir/$n.started" ] && [ $timed_out = 1 ] &&
				[ "$(wc -l < "$b")" -gt 1 ]; then
				# Out of time twice, with a clean console: too much
				# work for one boot (thousands of probes on the
				# text-patching code, say).  Its two halves become
				# batches of their own, which time out, retry and
				# split the same way; the whole is kept aside.
				split_batch "$b"
				echo "torture: $n ran out of time twice; split into ${n}a and ${n}b"
				progressed=1
				break
			elif [ -f "$dir/$n.started" ] && [ $timed_out = 1 ]; then
				echo "timeout in $n (twice, the second time with an hour of its own): $(tail -1 "$dir/run-vm.out")" |
					tee "$state/results/$n.result"
				progressed=1
				break
			elif [ -f "$dir/$n.started" ]; then
				# The guest died inside this batch.
				why=$(grep -m1 -E 'BUG:|Oops|general protection|Kernel panic|WARNING:' "$dir/console" ||
					tail -1 "$dir/run-vm.out")
				echo "crash in $n: $why" | tee "$state/results/$n.result"
				progressed=1
				break
			fi
		done
		[ $progressed = 1 ] || {
			echo "torture: worker $worker boot $boot made no progress (exit $rc); see $dir" >&2
			break
		}
	done
}

for ((w = 0; w < jobs; w++)); do
	sweep $w &
done
wait
summary
