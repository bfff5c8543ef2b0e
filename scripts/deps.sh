#!/usr/bin/env bash
# Installs every Debian package the project needs (make deps).  Idempotent:
# when everything is present it only runs dpkg-query.
set -euo pipefail
pkgs=(
	# kernel build
	linux-source-6.12 build-essential gcc make flex bison bc libelf-dev
	libssl-dev dwarves ccache cpio rsync patch xz-utils kmod python3
	# guest
	qemu-system-x86 busybox-static
	# tools/probe and host tests
	libdw-dev libelf-dev libtraceevent-dev libtracefs-dev pkg-config
	linux-perf trace-cmd libzydis-dev libcapstone-dev valgrind clang
	libclang-rt-14-dev binutils
	# probe -x on libc: its DWARF (found by build-id in /usr/lib/debug)
	libc6-dbg
	# BPF consumers of our events, run in the guest (the BPF side of the
	# libbpf test is built with clang, above)
	bpftrace libbpf-dev python3-bpfcc
	# documentation
	python3-docutils
	# git for make patches
	git
)
missing=()
for p in "${pkgs[@]}"; do
	[[ $p == \#* ]] && continue
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages: ${missing[*]}; run 'make deps' as root" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
