/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: the x86 part of a probe site, and the entry points the trap
 * handlers call.
 */
#ifndef _ASM_X86_DPROBES_H
#define _ASM_X86_DPROBES_H

#include <linux/types.h>
#include <asm/dinsn.h>
#include <asm/text-patching.h>

struct pt_regs;

/* How the probed instruction is executed after the pre handlers. */
enum dprobe_x86_exec {
	DPROBE_X86_SLOT,	/* a copy runs out of line in an executable slot */
	DPROBE_X86_EMULATE,	/* the trap handler emulates it */
	DPROBE_X86_FTRACE,	/* fentry call site: an ftrace hook, no int3 */
};

/* Instructions the trap handler emulates instead of copying. */
enum dprobe_x86_emul {
	DPROBE_EMUL_JMP,	/* jmp rel */
	DPROBE_EMUL_JCC,	/* jcc rel */
	DPROBE_EMUL_CALL,	/* call rel32 */
	DPROBE_EMUL_LOOP,	/* loop, loope, loopne */
	DPROBE_EMUL_JRCXZ,	/* jrcxz / jecxz */
	DPROBE_EMUL_CALL_REG,	/* call *%reg */
	DPROBE_EMUL_JMP_REG,	/* jmp *%reg */
	DPROBE_EMUL_RET,	/* ret, ret imm16 */
};

/* struct dprobe_arch_site::flags */
#define DPROBE_X86_NO_STEP	0x1	/* a copy never reaches the int3 after it */

/*
 * Layout of an out-of-line slot: the "boosted" copy ends with a jump back
 * to the instruction after the probe, so a hit costs one trap; the
 * "stepped" copy ends with an int3 so post handlers can run after it.
 * Neither changes the interrupt flag: the copy runs as the original would,
 * interrupts, preemption and migration included.
 */
#define DPROBE_SLOT_SIZE	256
#define DPROBE_SLOT_STEP_OFF	32

/*
 * A jump-optimized site's detour lives in the same slot, from
 * DPROBE_SLOT_DETOUR_OFF: register save code, the relocated instructions
 * the jump covers, and a jump back.  The jump may cover several
 * instructions, up to DPROBE_OPT_MAX_REGION bytes.
 */
#define DPROBE_SLOT_DETOUR_OFF	64
#define DPROBE_OPT_MAX_REGION	(JMP32_INSN_SIZE + DINSN_MAX_LEN - 1)

/**
 * struct dprobe_arch_site - x86 state of a probed instruction
 * @orig: the instruction's original bytes
 * @len: its length
 * @exec: enum dprobe_x86_exec
 * @emul: enum dprobe_x86_emul, for DPROBE_X86_EMULATE
 * @cc: condition code of a jcc, or the opcode of a loop/jrcxz
 * @reg: pt_regs offset of the register of an indirect call or jump, or
 *	the address size (4, 8) of a loop/jrcxz
 * @imm: bytes a ret imm16 releases
 * @flags: DPROBE_X86_* properties of the instruction
 * @slot: the executable slot, for DPROBE_X86_SLOT
 * @target: branch target, for DPROBE_X86_EMULATE
 * @opt_len: bytes the optimizer's jump covers (whole instructions), or 0
 *	while the site has no detour
 * @opt_refused: the optimizer found the site unsafe for good
 * @opt_orig: the original bytes of those instructions
 * @detour_resume: where the relocated instructions start in the detour
 */
struct dprobe_arch_site {
	u8 orig[DINSN_MAX_LEN];
	u8 len;
	u8 exec;
	u8 emul;
	u8 cc;
	u8 reg;
	u16 imm;
	u8 flags;
	u8 *slot;
	unsigned long target;
	u8 opt_len;
	bool opt_refused;
	u8 opt_orig[DPROBE_OPT_MAX_REGION];
	unsigned long detour_resume;
};

/*
 * What the generic engine asks of a site, without naming x86 things.
 */

/* The longest stretch of text one site may patch (its optimized jump). */
#define DPROBE_ARCH_MAX_PATCH_LEN	DPROBE_OPT_MAX_REGION

/* Is the site a fentry call hooked through ftrace (no breakpoint)? */
static inline bool dprobe_arch_site_on_ftrace(const struct dprobe_arch_site *as)
{
	return as->exec == DPROBE_X86_FTRACE;
}

/* Bytes the site's optimized jump covers, 0 while it has no detour. */
static inline unsigned int dprobe_arch_opt_len(const struct dprobe_arch_site *as)
{
	return as->opt_len;
}

/* Has the optimizer found the site unsafe for good? */
static inline bool dprobe_arch_opt_refused(const struct dprobe_arch_site *as)
{
	return as->opt_refused;
}

static inline void dprobe_arch_opt_refuse(struct dprobe_arch_site *as)
{
	as->opt_refused = true;
}

#endif /* _ASM_X86_DPROBES_H */
