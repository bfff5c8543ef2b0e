/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The x86 side of the kprobes API when the dprobes engine serves it
 * (<asm/kprobes.h> includes this with CONFIG_DPROBES).
 *
 * The arch-specific part of a struct kprobe is the engine's probe; the
 * copies, slots and jump optimization of an address belong to the
 * engine's site, shared by every probe there.
 */
#ifndef _ASM_X86_DPROBES_KPROBES_H
#define _ASM_X86_DPROBES_KPROBES_H

#include <linux/dprobes.h>
#include <linux/types.h>

/* is_kprobe_insn_slot() and kallsyms answer for the engine's slot pages */
#define __ARCH_WANT_KPROBES_INSN_SLOT

struct pt_regs;

typedef u8 kprobe_opcode_t;

/* What the engine needs of a struct kprobe: its own probe. */
struct arch_specific_insn {
	struct dprobe dp;
};

/*
 * Per-CPU control block: kprobe_status is KPROBE_HIT_ACTIVE while a pre
 * or return handler runs, KPROBE_HIT_SSDONE while a post handler runs.
 */
struct kprobe_ctlblk {
	unsigned long kprobe_status;
};

int kprobe_int3_handler(struct pt_regs *regs);
int kprobe_fault_handler(struct pt_regs *regs, int trapnr);

#endif /* _ASM_X86_DPROBES_KPROBES_H */
