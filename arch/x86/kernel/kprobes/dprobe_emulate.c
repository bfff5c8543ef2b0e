// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: emulation of the instructions that cannot run out of line.
 *
 * A relative branch or call copied elsewhere would go to the wrong
 * place, so the trap handler performs it on the saved registers instead.
 * Returns and register-indirect jumps run fine elsewhere but never come
 * back to the int3 after a stepped copy, so they are performed here too.
 * The int3 entry leaves a gap below the interrupted stack, which lets a
 * call push its return address there (int3_emulate_push()).
 */
#include <asm/ptrace.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

/* loop, loope, loopne and jrcxz: decrement/test %rcx or %ecx. */
static void emulate_loop(struct dprobe_arch_site *as, unsigned long next,
			 struct pt_regs *regs)
{
	bool wide = as->reg == 8, taken;
	unsigned long count = wide ? regs->cx : (u32)regs->cx;
	bool zf = regs->flags & X86_EFLAGS_ZF;

	if (as->emul == DPROBE_EMUL_JRCXZ) {
		taken = count == 0;
	} else {
		count--;
		if (wide)
			regs->cx = count;
		else
			regs->cx = (u32)count;	/* 32-bit writes zero-extend */
		taken = count != 0;
		if (as->cc == 0xe0)		/* loopne */
			taken = taken && !zf;
		else if (as->cc == 0xe1)	/* loope */
			taken = taken && zf;
	}
	int3_emulate_jmp(regs, taken ? as->target : next);
}

NOKPROBE_SYMBOL(emulate_loop);

/**
 * dprobe_x86_emulate() - perform the site's instruction on @regs
 * @site: a site whose instruction is DPROBE_X86_EMULATE
 * @regs: the registers at the trap
 */
void dprobe_x86_emulate(struct dprobe_site *site, struct pt_regs *regs)
{
	struct dprobe_arch_site *as = &site->arch;
	unsigned long next = site->addr + as->len;
	unsigned long target;

	switch (as->emul) {
	case DPROBE_EMUL_JMP:
		int3_emulate_jmp(regs, as->target);
		break;
	case DPROBE_EMUL_JCC:
		int3_emulate_jcc(regs, as->cc, next, as->target - next);
		break;
	case DPROBE_EMUL_CALL:
		int3_emulate_push(regs, next);
		int3_emulate_jmp(regs, as->target);
		break;
	case DPROBE_EMUL_CALL_REG:
		/* read the target before the push: call *%rsp uses the old %rsp */
		target = regs_get_register(regs, as->reg);
		int3_emulate_push(regs, next);
		int3_emulate_jmp(regs, target);
		break;
	case DPROBE_EMUL_JMP_REG:
		int3_emulate_jmp(regs, regs_get_register(regs, as->reg));
		break;
	case DPROBE_EMUL_RET:
		/* the kernel stack the ret pops is the interrupted one */
		target = *(unsigned long *)regs->sp;
		regs->sp += sizeof(unsigned long) + as->imm;
		int3_emulate_jmp(regs, target);
		break;
	case DPROBE_EMUL_LOOP:
	case DPROBE_EMUL_JRCXZ:
		emulate_loop(as, next, regs);
		break;
	}
}

NOKPROBE_SYMBOL(dprobe_x86_emulate);
