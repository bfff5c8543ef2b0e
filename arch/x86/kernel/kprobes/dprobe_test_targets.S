/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Functions with known instructions at known labels, probed by the dprobes
 * KUnit suite (kernel/dprobes/dprobes_kunit.c): a conditional branch, a
 * RIP-relative load and a relative call.  Written in assembly so that the
 * compiler cannot change what sits at each label.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/nospec-branch.h>

	.text

/* int dprobe_test_jcc(int x): 1 when x > 0, else 2. */
SYM_FUNC_START(dprobe_test_jcc)
	xorl	%eax, %eax
	testl	%edi, %edi
SYM_INNER_LABEL(dprobe_test_jcc_branch, SYM_L_GLOBAL)
	jle	1f
	movl	$1, %eax
	RET
1:	movl	$2, %eax
	RET
SYM_FUNC_END(dprobe_test_jcc)

/* unsigned long dprobe_test_riprel(void): reads dprobe_test_value. */
SYM_FUNC_START(dprobe_test_riprel)
	nop
SYM_INNER_LABEL(dprobe_test_riprel_load, SYM_L_GLOBAL)
	movq	dprobe_test_value(%rip), %rax
SYM_INNER_LABEL(dprobe_test_riprel_after, SYM_L_GLOBAL)
	RET
SYM_FUNC_END(dprobe_test_riprel)

/* int dprobe_test_call(int x): dprobe_test_callee(x) + 1. */
SYM_FUNC_START(dprobe_test_call)
	nop
SYM_INNER_LABEL(dprobe_test_call_site, SYM_L_GLOBAL)
	call	dprobe_test_callee
	addl	$1, %eax
	RET
SYM_FUNC_END(dprobe_test_call)

/*
 * Jump-optimizer targets: each is probed at its first instruction (after
 * the endbr64 of an IBT kernel), so the 5-byte jump covers what follows.
 */

/* long dprobe_test_opt_riprel(long x): dprobe_test_value + x; covers a RIP load. */
SYM_FUNC_START(dprobe_test_opt_riprel)
	movq	dprobe_test_value(%rip), %rax
	addq	%rdi, %rax
	RET
SYM_FUNC_END(dprobe_test_opt_riprel)

/* int dprobe_test_opt_jcc(int x): 1 when x > 0, else 2; covers a jle rel8. */
SYM_FUNC_START(dprobe_test_opt_jcc)
	xorl	%eax, %eax
	testl	%edi, %edi
	jle	1f
	movl	$1, %eax
	RET
1:	movl	$2, %eax
	RET
SYM_FUNC_END(dprobe_test_opt_jcc)

/* int dprobe_test_opt_call(int x): dprobe_test_callee(x) + 1; covers a call. */
SYM_FUNC_START(dprobe_test_opt_call)
	call	dprobe_test_callee
	addl	$1, %eax
	RET
SYM_FUNC_END(dprobe_test_opt_call)

/*
 * int dprobe_test_opt_loop_target(int x): counts up past x from 0 by 2;
 * the backward jump lands inside the jump's region: must be refused.
 */
SYM_FUNC_START(dprobe_test_opt_loop_target)
	xorl	%eax, %eax
1:	incl	%eax
	incl	%eax
	cmpl	%edi, %eax
	jl	1b
	RET
SYM_FUNC_END(dprobe_test_opt_loop_target)

/*
 * int dprobe_test_opt_extable(int *p): *p, or -1 when it faults (a
 * kernel address: SMAP oopses on user addresses before any fixup); the
 * load has an exception-table entry inside the region: must be refused.
 */
SYM_FUNC_START(dprobe_test_opt_extable)
	orl	$-1, %eax
1:	movl	(%rdi), %eax
2:	RET
	_ASM_EXTABLE(1b, 2b)
SYM_FUNC_END(dprobe_test_opt_extable)

/*
 * int dprobe_test_opt_short(void): 5; a symbol starts right after the
 * first instruction, so a jump would leave the function: must be refused.
 */
SYM_FUNC_START(dprobe_test_opt_short)
	xorl	%eax, %eax
SYM_INNER_LABEL(dprobe_test_opt_short_end, SYM_L_GLOBAL)
	addl	$5, %eax
	RET
SYM_FUNC_END(dprobe_test_opt_short)

/*
 * unsigned long dprobe_test_opt_loop(long, long, long, unsigned long n):
 * n - 1, or 7 when that is 0; loop has no rel32 form: must be refused.
 */
SYM_FUNC_START(dprobe_test_opt_loop)
	loop	1f
	movl	$7, %eax
	RET
1:	movq	%rcx, %rax
	RET
SYM_FUNC_END(dprobe_test_opt_loop)

/*
 * Stepped with a post handler: the copy must run with the interrupt flag
 * the code had, and the post handler must run after instructions that
 * never come back to the int3 after a copy.
 */

/* unsigned long dprobe_test_pushf(void): the flags a pushf records. */
SYM_FUNC_START(dprobe_test_pushf)
	nop
SYM_INNER_LABEL(dprobe_test_pushf_insn, SYM_L_GLOBAL)
	pushfq
	popq	%rax
	RET
SYM_FUNC_END(dprobe_test_pushf)

/* int dprobe_test_ret(void): 9, through a bare ret probed at the ret. */
SYM_FUNC_START(dprobe_test_ret)
	movl	$9, %eax
SYM_INNER_LABEL(dprobe_test_ret_insn, SYM_L_GLOBAL)
	ANNOTATE_UNRET_SAFE
	ret
	int3
SYM_FUNC_END(dprobe_test_ret)

/* int dprobe_test_jmpreg(void): 5, through a jmp *%rax probed at the jmp. */
SYM_FUNC_START(dprobe_test_jmpreg)
	leaq	dprobe_test_jmpreg_target(%rip), %rax
SYM_INNER_LABEL(dprobe_test_jmpreg_insn, SYM_L_GLOBAL)
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%rax
SYM_FUNC_END(dprobe_test_jmpreg)

SYM_FUNC_START(dprobe_test_jmpreg_target)
	movl	$5, %eax
	RET
SYM_FUNC_END(dprobe_test_jmpreg_target)

/*
 * A jmp through memory: it runs out of line but leaves for its target,
 * so a post handler there is refused.  Registered, never called.
 */
SYM_FUNC_START(dprobe_test_jmpmem)
	ANNOTATE_RETPOLINE_SAFE
	jmp	*dprobe_test_value(%rip)
	int3
SYM_FUNC_END(dprobe_test_jmpmem)

/*
 * unsigned int dprobe_test_xmodify(void): the immediate of its mov, which
 * the cross-modification test (dprobe_xmodify_kunit.c) rewrites with
 * text_poke() while another CPU calls it.
 */
SYM_FUNC_START(dprobe_test_xmodify)
SYM_INNER_LABEL(dprobe_test_xmodify_mov, SYM_L_GLOBAL)
	ANNOTATE_NOENDBR
	movl	$0, %eax
	RET
SYM_FUNC_END(dprobe_test_xmodify)

/* Where an error-injecting handler sends a probed function: it returns. */
SYM_FUNC_START(dprobe_test_just_return)
	RET
SYM_FUNC_END(dprobe_test_just_return)

/*
 * A blacklisted function and a copy of it named as gcc names its clones
 * (dprobes_safety: the clone is refused with it).
 */
SYM_FUNC_START(dprobe_test_blacklisted)
	movl	$1, %eax
	RET
SYM_FUNC_END(dprobe_test_blacklisted)
_ASM_NOKPROBE(dprobe_test_blacklisted)

SYM_FUNC_START(dprobe_test_blacklisted.isra.0)
	movl	$2, %eax
	RET
SYM_FUNC_END(dprobe_test_blacklisted.isra.0)
