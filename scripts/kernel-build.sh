#!/usr/bin/env bash
# Builds one flavour of the kernel from Debian's linux-source-6.12 with our
# overlay and hook patches (DESIGN.md section 4).
#
#   scripts/kernel-build.sh ours|ref|debug
#
# Steps, each skipped when its inputs did not change:
#   1. unpack /usr/src/linux-source-6.12.tar.xz into build/linux (once);
#   2. copy our overlay files into it (only changed files get new mtimes,
#      so rebuilds stay incremental) and remove overlay files we dropped;
#   3. apply patches/series (reverting a previously applied, different set);
#   4. tinyconfig + configs/*.config fragments + olddefconfig, then verify
#      that every option a fragment asks for really is set;
#   5. build vmlinux, bzImage and modules with ccache into build/out-FLAVOUR.
set -euo pipefail

flavour=${1:?usage: kernel-build.sh ours|ref|debug}
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
tree=$build/linux
out=$build/out-$flavour
tarball=/usr/src/linux-source-6.12.tar.xz
jobs=${JOBS:-$(nproc)}

case $flavour in
ours)  fragments="base dprobes" ;;
ref)   fragments="base ref" ;;
debug) fragments="base dprobes debug" ;;
*) echo "kernel-build.sh: unknown flavour '$flavour'" >&2; exit 2 ;;
esac

log() { printf '[kernel %s] %s\n' "$flavour" "$*"; }
die() { printf '[kernel %s] error: %s\n' "$flavour" "$*" >&2; exit 1; }

# Directories of this repository whose files are copied into the tree at
# the same paths.  tools/probe is ours too but builds on its own.
overlay_roots="arch include kernel Documentation tools/testing/selftests/dprobes"

unpack() {
	[ -f "$tree/.dprobes-unpacked" ] && return 0
	[ -f "$tarball" ] || die "$tarball missing: run 'make deps'"
	log "unpacking $tarball"
	rm -rf "$tree" "$build/linux.tmp"
	mkdir -p "$build/linux.tmp"
	tar -xJf "$tarball" -C "$build/linux.tmp" --strip-components=1
	tar -tJf "$tarball" | sed -n 's|^linux-source-6.12/||p' | grep -v '/$' |
		sort > "$build/linux.tmp/.dprobes-pristine"
	touch "$build/linux.tmp/.dprobes-unpacked"
	mv "$build/linux.tmp" "$tree"
}

overlay() {
	local list new old f
	list=$tree/.dprobes-overlay
	new=$(mktemp)
	(cd "$top" && git ls-files -co --exclude-standard -- $overlay_roots |
		while read -r f; do [ -f "$f" ] && echo "$f"; done) | sort > "$new"
	# Our files add to the tree; they never replace an upstream file.
	old=$(comm -12 "$new" "$tree/.dprobes-pristine" | head -5)
	[ -z "$old" ] || die "overlay files shadow upstream files: $old"
	if [ -f "$list" ]; then
		comm -23 "$list" "$new" | while read -r f; do
			log "removing dropped overlay file $f"
			rm -f "$tree/$f"
		done
	fi
	(cd "$top" && rsync -rc --files-from="$new" ./ "$tree/")
	mv "$new" "$list"
}

patches_changed() {
	local applied=$tree/.dprobes-patches p
	[ -f "$applied/series" ] || return 0
	cmp -s "$applied/series" "$top/patches/series" || return 0
	while read -r p; do
		[ -n "$p" ] || continue
		cmp -s "$applied/$p" "$top/patches/$p" || return 0
	done < "$top/patches/series"
	return 1
}

apply_patches() {
	local applied=$tree/.dprobes-patches p
	patches_changed || return 0
	if [ -f "$applied/series" ]; then
		log "reverting previously applied patches"
		tac "$applied/series" | while read -r p; do
			[ -n "$p" ] || continue
			patch -d "$tree" -p1 -R -s --no-backup-if-mismatch < "$applied/$p" ||
				die "cannot revert $p; remove build/linux and retry"
		done
	fi
	rm -rf "$applied"
	mkdir -p "$applied.new"
	while read -r p; do
		[ -n "$p" ] || continue
		log "applying $p"
		patch -d "$tree" -p1 -s --no-backup-if-mismatch < "$top/patches/$p" ||
			die "patch $p does not apply"
		cp "$top/patches/$p" "$applied.new/$p"
	done < "$top/patches/series"
	cp "$top/patches/series" "$applied.new/series"
	mv "$applied.new" "$applied"
}

fragment_files() {
	local f
	for f in $fragments; do echo "$top/configs/$f.config"; done
}

configure() {
	local stamp=$out/.dprobes-config-stamp sum frag line opt val
	sum=$( (fragment_files | xargs cat; cat "$tree/.dprobes-patches/series";
		find "$tree/kernel/dprobes" "$tree/kernel/trace" -name 'Kconfig*' \
			-newer "$tree/.dprobes-unpacked" -exec cat {} +) | sha256sum)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f "$out/.config" ]; then
		return 0
	fi
	log "configuring (fragments: $fragments)"
	mkdir -p "$out"
	make -s -C "$tree" O="$out" tinyconfig >/dev/null
	# shellcheck disable=SC2046
	(cd "$out" && "$tree/scripts/kconfig/merge_config.sh" -m -O "$out" \
		"$out/.config" $(fragment_files) >/dev/null)
	make -s -C "$tree" O="$out" olddefconfig >/dev/null
	# olddefconfig silently drops options whose dependencies are not met.
	local bad=0
	for frag in $(fragment_files); do
		while read -r line; do
			case $line in
			CONFIG_*=*)
				opt=${line%%=*}; val=${line#*=}
				grep -qx "$opt=$val" "$out/.config" || {
					echo "  $(basename "$frag"): asked $opt=$val, got: $(grep -E "^(# )?$opt[= ]" "$out/.config" || echo unset)" >&2
					bad=1; }
				;;
			"# CONFIG_"*" is not set")
				opt=${line#\# }; opt=${opt%% *}
				if grep -qE "^$opt=[ym]" "$out/.config"; then
					echo "  $(basename "$frag"): asked $opt off, got it on" >&2
					bad=1
				fi
				;;
			esac
		done < "$frag"
	done
	[ $bad = 0 ] || die "configuration does not match the fragments (see above)"
	echo "$sum" > "$stamp"
}

build() {
	log "building in $out"
	export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=time_macros,include_file_mtime
	export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
	export KBUILD_BUILD_USER=dprobes KBUILD_BUILD_HOST=build
	# -s: only warnings and errors reach the console.
	make -s -C "$tree" O="$out" -j"$jobs" CC="ccache gcc" HOSTCC="ccache gcc" \
		vmlinux bzImage modules || die "kernel build failed"
	rm -rf "$out/mods"
	make -s -C "$tree" O="$out" INSTALL_MOD_PATH="$out/mods" INSTALL_MOD_STRIP=1 \
		modules_install >/dev/null
	make -s -C "$tree" O="$out" kernelrelease > "$out/kernelrelease"
	# BCC compiles against build/ (made by modules_install) and source/
	ln -sfn "$tree" "$out/mods/lib/modules/$(cat "$out/kernelrelease")/source"
	log "done: $out/vmlinux ($(cat "$out/kernelrelease"))"
}

mkdir -p "$build"
# One kernel build at a time on this machine (2 cores): wait for the lock.
exec 9> "$build/.kernel-build.lock"
if ! flock -n 9; then
	log "waiting for another kernel build to finish"
	flock 9
fi
unpack
overlay
apply_patches
configure
build
