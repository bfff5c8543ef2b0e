/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Functions with known instructions at known labels, probed by the dprobes
 * KUnit suite (kernel/dprobes/dprobes_kunit.c): a conditional branch, a
 * RIP-relative load and a relative call.  Written in assembly so that the
 * compiler cannot change what sits at each label.
 */
#include <linux/linkage.h>
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
