# dprobes: dynamic kernel event tracing for Linux 6.12 (x86-64).
#
# Main entry points (README.md):
#   make demo    build our kernel, boot it in QEMU, place probes, show events
#   make check   all tests (host ring + guest ring + conformance ratchet +
#                the guest ring on the debug kernel)
#
# Everything depends on `make deps`, which installs the Debian packages the
# project needs, so both work on a fresh Debian 12 machine.

SHELL := /bin/bash
TOP := $(CURDIR)
VM := tools/testing/vm/run-vm.sh

.PHONY: all deps kernel ref-kernel debug-kernel check check-host check-guest probe-ref \
	check-debug conformance opt-coverage ratchet demo patches check-patches docs \
	probe install bench bench-decoder bench-probe bench-probes bench-events bench-profile clean distclean help \
	torture torture-ref torture-report xmodify

all: kernel probe

help:
	@sed -n 's/^#   //p' Makefile; \
	echo "Other targets: deps kernel ref-kernel debug-kernel check-host check-guest"; \
	echo "  check-debug conformance opt-coverage probe-ref patches check-patches docs probe install"; \
	echo "  torture torture-ref torture-report xmodify bench clean"

deps:
	@scripts/deps.sh

kernel: deps
	scripts/kernel-build.sh ours

ref-kernel: deps
	scripts/kernel-build.sh ref

debug-kernel: deps
	scripts/kernel-build.sh debug

probe: deps
	$(MAKE) -C tools/probe all guest-fixtures

install: probe
	$(MAKE) -C tools/probe install

# --- tests -----------------------------------------------------------------
HOST_STAGES := $(shell scripts/host-stages.sh)
GUEST_STAGES := guest demo lockdown smpalt torture ratchet optcov

# The debug kernel's guest stage is part of make check (and so of CI): a
# cold run with both kernels takes about 40 minutes on 2 cores.
check: kernel debug-kernel probe
	scripts/check.sh $(HOST_STAGES) $(GUEST_STAGES) cost guest-debug leaks lockdown-debug smpalt-debug checker

check-host: kernel
	scripts/check.sh $(HOST_STAGES)

check-guest: kernel probe
	scripts/check.sh $(GUEST_STAGES) cost

check-debug: debug-kernel probe
	KERNEL_FLAVOUR=debug scripts/check.sh $(GUEST_STAGES)

conformance: kernel ref-kernel
	scripts/conformance.sh --table

# The probe tool's guest tests on the reference kernel (upstream kprobes):
# probe writes plain kprobe_events definitions, so it works there too.
probe-ref: ref-kernel probe
	tools/testing/vm/run-vm.sh --kernel $(TOP)/build/out-ref/vmlinux --name probe-ref \
		--timeout 600 -- tools/testing/vm/probe-guest.sh

# Jump-optimization coverage, ours beside the reference kernel (issue 7).
opt-coverage: kernel ref-kernel
	scripts/opt-coverage.sh

ratchet: kernel
	scripts/conformance.sh --ratchet

# The whole-kernel probe sweep (hours; resumable; never part of check,
# which runs a sampled slice of it): every instruction boundary of every
# function kprobe_events accepts, then a return probe on every entry.
torture: kernel
	scripts/torture.sh --kernel ours

torture-ref: ref-kernel
	scripts/torture.sh --kernel ref

torture-report:
	-scripts/torture.sh --kernel ours --report
	-scripts/torture.sh --kernel ref --report

# QEMU's multi-threaded TCG and cross-modified code, without probes: why
# run-vm.sh runs every vCPU on one host thread.
xmodify: kernel
	tools/testing/vm/xmodify.sh

docs: deps
	scripts/check-docs.sh

# --- the main job ----------------------------------------------------------
demo: kernel probe
	$(VM) --name demo -- tools/testing/vm/demo.sh

# --- the patch set ---------------------------------------------------------
patches: deps
	scripts/make-patches.sh

check-patches: patches
	scripts/check-patches.sh

# --- benchmarks (never part of check) --------------------------------------
bench: bench-decoder bench-probes bench-events bench-probe

bench-decoder: kernel
	$(MAKE) -C tools/testing/dinsn bench VMLINUX=$(TOP)/build/out-ours/vmlinux KSRC=$(TOP)/build/linux

bench-probe: kernel probe
	$(MAKE) -C tools/probe bench VMLINUX=$(TOP)/build/out-ours/vmlinux

clean:
	rm -rf build/out-* build/check build/vm build/patches
	-$(MAKE) -C tools/probe clean
	-$(MAKE) -C tools/testing/dinsn clean
	-$(MAKE) -C tools/testing/dprobe_events clean

distclean:
	rm -rf build

bench-probes: kernel ref-kernel
	scripts/bench-probes.sh

bench-events: kernel ref-kernel
	scripts/bench-events.sh

# Where a hit's instructions go, per kernel function, both kernels side by
# side, for the cases in PROFILE_CASES (tools/testing/bench/hotpath-guest.sh).
PROFILE_CASES ?= ftrace-entry int3-offset retprobe optimized
bench-profile: kernel ref-kernel
	scripts/hotpath-profile.sh $(PROFILE_CASES)
