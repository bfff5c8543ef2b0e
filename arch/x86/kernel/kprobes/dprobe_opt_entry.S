/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: the code a jump-optimized probe runs.
 *
 * A site's jump lands in its detour, built from dprobe_opt_template: it
 * saves the registers as a struct pt_regs on the stack, loads the site
 * and jumps to dprobe_opt_stub.  The stub, in kernel text so that the
 * ORC unwinder knows it (its frame is a pt_regs frame, like an int3's),
 * calls dprobe_opt_callback(), restores the registers and returns to the
 * address the callback chose: normally the detour's relocated copy of
 * the instructions the jump covers, which ends with a jump back.  When a
 * handler moved the stack pointer too (error injection returning from
 * the probed function), the callback returns 0 and the stub leaves
 * through the frame with iretq, as the breakpoint path would.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/nospec-branch.h>
#include <asm/ptrace-abi.h>
#include <asm/segment.h>
#include <asm/smap.h>
#include <asm/unwind_hints.h>

	.text
SYM_CODE_START(dprobe_opt_stub)
	UNWIND_HINT_REGS
	ANNOTATE_NOENDBR
	/* handlers must not run with user access open */
	ASM_CLAC
	movq	%rsp, %rsi
	call	dprobe_opt_callback
	testq	%rax, %rax
	jz	.Lleave_by_iret
	/* the resume address takes the ss slot, at the original sp - 8 */
	movq	%rax, SS(%rsp)
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	/* orig_ax, ip, cs; lea leaves the flags alone */
	leaq	3*8(%rsp), %rsp
	popfq
	leaq	8(%rsp), %rsp
	UNWIND_HINT_FUNC
	RET

	/* regs->ip, cs, flags, sp and ss form an iret frame */
.Lleave_by_iret:
	UNWIND_HINT_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$8, %rsp
	UNWIND_HINT_IRET_REGS
	iretq
SYM_CODE_END(dprobe_opt_stub)

	/* NOKPROBE_SYMBOL(dprobe_opt_stub): asm.h has it for kprobes only */
	.pushsection "_kprobe_blacklist", "aw"
	.balign 8
	.quad	dprobe_opt_stub
	.popsection

/*
 * Not executed here: dprobe_opt_detour.c copies it into each detour and
 * fills in the site and the jump to the stub.  The stack it builds from
 * the top: ss and sp (filled in by the callback), flags, cs, ip,
 * orig_ax, then the general registers in struct pt_regs order.
 */
	.pushsection .rodata, "a"
SYM_DATA_START(dprobe_opt_template)
	leaq	-2*8(%rsp), %rsp
	pushfq
	pushq	$__KERNEL_CS
	pushq	$0
	pushq	$-1
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
SYM_INNER_LABEL(dprobe_opt_template_site, SYM_L_GLOBAL)
	movabsq	$0x0123456789abcdef, %rdi
SYM_INNER_LABEL(dprobe_opt_template_jmp, SYM_L_GLOBAL)
	.byte	0xe9
	.long	0
SYM_DATA_END_LABEL(dprobe_opt_template, SYM_L_GLOBAL, dprobe_opt_template_end)
	.popsection
