/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dprobes: the x86 functions the KUnit suites probe, with instructions of
 * known kinds at known labels (arch/x86/kernel/kprobes/dprobe_test_targets.S).
 */
#ifndef _ASM_X86_DPROBES_TEST_H
#define _ASM_X86_DPROBES_TEST_H

#include <linux/types.h>

int dprobe_test_jcc(int x);
unsigned long dprobe_test_riprel(void);
int dprobe_test_call(int x);
extern unsigned long dprobe_test_value;
int dprobe_test_callee(int x);
int dprobe_test_add(int a, int b);
int dprobe_test_recurse(int n);
int dprobe_test_sleep(int ms);
int dprobe_test_caller(void);
long dprobe_test_opt_riprel(long x);
int dprobe_test_opt_jcc(int x);
int dprobe_test_opt_call(int x);
int dprobe_test_opt_loop_target(int x);
int dprobe_test_opt_extable(int *p);
int dprobe_test_opt_short(void);
unsigned long dprobe_test_opt_loop(long a, long b, long c, unsigned long n);
unsigned long dprobe_test_pushf(void);
int dprobe_test_ret(void);
int dprobe_test_jmpreg(void);
void dprobe_test_just_return(void);
unsigned int dprobe_test_xmodify(void);
extern const u8 dprobe_test_xmodify_mov[];

#endif /* _ASM_X86_DPROBES_TEST_H */
