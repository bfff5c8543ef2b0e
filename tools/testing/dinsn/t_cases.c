// SPDX-License-Identifier: GPL-2.0
/*
 * Hand-written cases: the kernel's conventions, the length traps of
 * upstream's decoder, field positions and the classification API.
 * Expected values come from the Intel SDM / AMD APM, not from our output.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dinsn.h"
#include "hex_bytes.h"
#include "array_size.h"

#define ANY	0xff	/* don't check this field */

struct tcase {
	const char *what;
	const char *hex;	/* instruction bytes, exactly */
	u8 mode;
	int ret;		/* 0 or DINSN_ERR_* */
	u8 len;
	u8 branch;
	u32 set;		/* flags that must be set */
	u32 clear;		/* flags that must be clear */
	u8 disp_off, imm_off, modrm_off, rex;
};

#define M64 DINSN_MODE_64
#define M32 DINSN_MODE_32
#define F(x) DINSN_F_##x
#define BR(x) DINSN_BR_##x
#define OK(w, h, l, br, s, c) { w, h, M64, 0, l, BR(br), s, c, ANY, ANY, ANY, ANY }
#define OKF(w, h, l, br, s, c, d, i, m, r) { w, h, M64, 0, l, BR(br), s, c, d, i, m, r }
#define ERR(w, h, mode, e) { w, h, mode, DINSN_ERR_##e, 0, 0, 0, 0, ANY, ANY, ANY, ANY }
#define OK32(w, h, l, br, s, c) { w, h, M32, 0, l, BR(br), s, c, ANY, ANY, ANY, ANY }

static const struct tcase cases[] = {
	/* upstream's length traps */
	OKF("REX before a legacy prefix is ignored", "48 66 90", 3, NONE,
	    F(NOP), 0, ANY, ANY, ANY, 0),
	OKF("two REX: only the last counts", "48 41 89 c0", 4, NONE, 0, 0, ANY, ANY, 3, 0x41),
	OKF("REX.W then 66: imm16 (REX ignored)", "48 66 b8 34 12", 5, NONE, 0, 0, ANY, 3, ANY, 0),
	OKF("mov %cr0,%rax with mod 0: no SIB/disp", "0f 20 04", 3, NONE,
	    F(PRIV), F(RIPREL), 0, ANY, 2, ANY),
	OKF("mov to %cr3, mod 0 rm 5: not rip-relative", "0f 22 1d", 3, NONE,
	    F(PRIV) | F(SERIAL), F(RIPREL), 0, ANY, ANY, ANY),
	OK("mov %dr7 with mod 2: no disp32", "0f 21 b8", 3, NONE, F(PRIV), 0),
	OK("mov to %dr7 with mod 1", "0f 23 78", 3, NONE, F(PRIV) | F(SERIAL), 0),
	OK("ud0 has ModRM", "0f ff 00", 3, UD, 0, 0),
	OK("ud0 with disp32", "0f ff 80 00 00 00 00", 7, UD, 0, 0),
	OK("0f 19 reserved nop, SIB", "0f 19 04 24", 4, NONE, 0, 0),
	OK("0f 1a reserved nop (no MPX)", "0f 1a 05 00 00 00 00", 7, NONE, F(RIPREL), 0),
	OK("0f 1b reserved nop", "0f 1b c0", 3, NONE, 0, 0),
	OK("0f 1c reserved nop", "0f 1c 40 10", 4, NONE, 0, 0),
	OK("0f 1d reserved nop", "0f 1d 84 00 00 00 00 00", 8, NONE, 0, 0),
	OK("0f 1e reserved nop", "0f 1e c8", 3, NONE, 0, F(ENDBR)),
	OK("cmove with F3", "f3 0f 44 c1", 4, NONE, 0, 0),
	OK("cmovg with F2 REX.W SIB", "f2 48 0f 4f 04 24", 6, NONE, 0, 0),
	OK("cmovne with 66 F3", "66 f3 0f 45 c8", 5, NONE, 0, 0),
	/* kernel conventions */
	OKF("Xen emulate prefix + cpuid", "0f 0b 78 65 6e 0f a2", 7, NONE,
	    F(EMUL_PREFIX) | F(SERIAL), 0, ANY, ANY, ANY, 0),
	OK("KVM emulate prefix + cpuid", "0f 0b 6b 76 6d 0f a2", 7, NONE,
	   F(EMUL_PREFIX) | F(SERIAL), 0),
	ERR("emulate prefix cut short", "0f 0b 78 65 6e 0f", M64, TRUNCATED),
	OK("plain ud2", "0f 0b", 2, UD, 0, F(EMUL_PREFIX)),
	OK("ud1 %esp,%ecx (static call trampoline)", "0f b9 cc", 3, UD, 0, 0),
	OK("ud1 as __ubsan trap: 67 48 0f b9 3a", "67 48 0f b9 3a", 5, UD, 0, 0),
	OK("ud1 with disp8", "0f b9 40 12", 4, UD, 0, 0),
	OK("endbr64", "f3 0f 1e fa", 4, NONE, F(ENDBR), 0),
	OK("endbr32", "f3 0f 1e fb", 4, NONE, F(ENDBR), 0),
	OK("rdsspq", "f3 48 0f 1e c8", 5, NONE, 0, F(ENDBR)),
	OK("int3 padding", "cc", 1, INT3, F(STACK), 0),
	OK("nop", "90", 1, NONE, F(NOP), 0),
	OK("xchg %r8,%rax is not a nop", "49 90", 2, NONE, 0, F(NOP)),
	OK("pause is not a nop", "f3 90", 2, NONE, 0, F(NOP)),
	OK("66 nop", "66 90", 2, NONE, F(NOP), 0),
	OK("nopl (%rax)", "0f 1f 00", 3, NONE, F(NOP), 0),
	OK("nopl 0(%rax)", "0f 1f 40 00", 4, NONE, F(NOP), 0),
	OK("nopl 0(%rax,%rax,1)", "0f 1f 44 00 00", 5, NONE, F(NOP), 0),
	OK("nopw 0(%rax,%rax,1)", "66 0f 1f 44 00 00", 6, NONE, F(NOP), 0),
	OK("nopl 0L(%rax)", "0f 1f 80 00 00 00 00", 7, NONE, F(NOP), 0),
	OK("nopl 0L(%rax,%rax,1)", "0f 1f 84 00 00 00 00 00", 8, NONE, F(NOP), 0),
	OK("nopw 0L(%rax,%rax,1)", "66 0f 1f 84 00 00 00 00 00", 9, NONE, F(NOP), 0),
	OK("cs nopw 0L(%rax,%rax,1)", "66 2e 0f 1f 84 00 00 00 00 00", 10, NONE, F(NOP), 0),
	OK("data16 cs nopw (11 bytes)", "66 66 2e 0f 1f 84 00 00 00 00 00", 11, NONE, F(NOP), 0),
	OK("cs call (retpoline thunk call)", "2e e8 00 00 00 00", 6, CALL, F(REL) | F(STACK), 0),
	OK("lkgs %ax", "f2 0f 00 f0", 4, NONE, F(PRIV) | F(SEGLOAD), 0),
	OK("lkgs (%rax)", "f2 0f 00 30", 3 + 1, NONE, F(PRIV), 0),
	ERR("0f 00 /6 without F2 is undefined", "0f 00 f0", M64, INVALID),
	OK("erets", "f2 0f 01 ca", 4, SYSRET, F(PRIV) | F(IF), 0),
	OK("eretu", "f3 0f 01 ca", 4, SYSRET, F(PRIV) | F(TF), 0),
	OK("clac", "0f 01 ca", 3, NONE, F(PRIV), 0),
	OK("stac", "0f 01 cb", 3, NONE, F(PRIV), 0),
	OK("wrmsrns", "0f 01 c6", 3, NONE, F(PRIV), 0),
	OK("rdmsrlist", "f2 0f 01 c6", 4, NONE, F(PRIV), 0),
	OK("wrmsrlist", "f3 0f 01 c6", 4, NONE, F(PRIV), 0),
	OK("urdmsr %rcx,%rax", "f2 0f 38 f8 c1", 5, NONE, 0, 0),
	OK("uwrmsr %rax,%rcx", "f3 0f 38 f8 c1", 5, NONE, 0, 0),
	OKF("urdmsr $imm32,%rax (VEX map 7)", "c4 e7 7b f8 c0 78 56 34 12", 9, NONE,
	    0, 0, ANY, 5, 4, ANY),
	OK("uwrmsr %rax,$imm32 (VEX map 7)", "c4 e7 7a f8 c0 78 56 34 12", 9, NONE, 0, 0),
	ERR("VEX map 7 needs mod 3", "c4 e7 7b f8 00 78 56 34 12", M64, INVALID),
	OK("tdcall", "66 0f 01 cc", 4, NONE, F(PRIV), 0),
	OK("serialize", "0f 01 e8", 3, NONE, F(SERIAL), 0),
	OK("swapgs", "0f 01 f8", 3, NONE, F(PRIV) | F(SEGLOAD), 0),
	/* branches */
	OK("jmp rel8", "eb fe", 2, JMP, F(REL), 0),
	OK("jmp rel32", "e9 00 01 00 00", 5, JMP, F(REL), 0),
	OK("jmp rel32 with 66 (Intel: still rel32)", "66 e9 00 01 00 00", 6, JMP, F(REL), 0),
	OK("call rel32", "e8 fb ff ff ff", 5, CALL, F(REL) | F(STACK), 0),
	OK("je rel8", "74 10", 2, JCC, F(REL), 0),
	OK("jne rel32", "0f 85 10 00 00 00", 6, JCC, F(REL), 0),
	OK("loop", "e2 fe", 2, LOOP, F(REL), 0),
	OK("jrcxz", "e3 05", 2, LOOP, F(REL), 0),
	OK("xbegin rel32", "c7 f8 00 00 00 00", 6, XBEGIN, F(REL), 0),
	OK("xbegin rel16", "66 c7 f8 00 00", 5, XBEGIN, F(REL), 0),
	OK("xabort", "c6 f8 01", 3, NONE, 0, F(REL)),
	OK("call *%rax", "ff d0", 2, CALL_IND, F(STACK), F(REL)),
	OK("jmp *%rax", "ff e0", 2, JMP_IND, 0, F(REL)),
	OKF("jmp *rip(disp32)", "ff 25 00 10 00 00", 6, JMP_IND, F(RIPREL), 0, 2, ANY, 1, ANY),
	OK("call *abs32 via SIB", "ff 14 25 00 10 00 00", 7, CALL_IND, 0, F(RIPREL)),
	OK("notrack jmp *%rax", "3e ff e0", 3, JMP_IND, 0, 0),
	OK("ljmp *(%rax)", "ff 28", 2, JMP_FAR, 0, 0),
	ERR("ljmp with a register operand", "ff e8", M64, INVALID),
	OK("lcall *(%rax)", "ff 18", 2, CALL_FAR, F(STACK), 0),
	OK("ret", "c3", 1, RET, F(STACK), 0),
	OK("ret $8", "c2 08 00", 3, RET, F(STACK), 0),
	OK("lret", "cb", 1, RET_FAR, 0, 0),
	OK("iretq", "48 cf", 2, IRET, F(IF) | F(TF) | F(POPF) | F(SERIAL), 0),
	OK("sysretq", "48 0f 07", 3, SYSRET, F(PRIV), 0),
	OK("sysexit", "0f 35", 2, SYSRET, F(PRIV), 0),
	OK("syscall", "0f 05", 2, SYSCALL, 0, 0),
	OK("int $0x80", "cd 80", 2, INT, 0, 0),
	OK("int1", "f1", 1, INT, 0, 0),
	OK("hlt", "f4", 1, HLT, F(PRIV), 0),
	OK("ud2", "0f 0b", 2, UD, 0, 0),
	/* probe-relevant effects */
	OK("pushf", "9c", 1, NONE, F(PUSHF) | F(STACK), F(POPF)),
	OK("popf", "9d", 1, NONE, F(POPF) | F(IF) | F(TF) | F(STACK), 0),
	OK("cli", "fa", 1, NONE, F(IF) | F(IOPL), F(INTSHADOW)),
	OK("sti", "fb", 1, NONE, F(IF) | F(INTSHADOW), 0),
	OK("mov %eax,%ss", "8e d0", 2, NONE, F(INTSHADOW) | F(SEGLOAD), 0),
	OK("mov %eax,%ds", "8e d8", 2, NONE, F(SEGLOAD), F(INTSHADOW)),
	ERR("mov to %cs", "8e c8", M64, INVALID),
	OK("push %rbp", "55", 1, NONE, F(STACK), 0),
	OK("pop %r12", "41 5c", 2, NONE, F(STACK), 0),
	OK("push $imm32", "68 00 10 00 00", 5, NONE, F(STACK), 0),
	OK("leave", "c9", 1, NONE, F(STACK), 0),
	OK("enter $16,$1", "c8 10 00 01", 4, NONE, F(STACK), 0),
	OK("cpuid", "0f a2", 2, NONE, F(SERIAL), F(PRIV)),
	OK("wrmsr", "0f 30", 2, NONE, F(PRIV) | F(SERIAL), 0),
	OK("rdmsr", "0f 32", 2, NONE, F(PRIV), F(SERIAL)),
	OK("lgdt (%rax)", "0f 01 10", 3, NONE, F(PRIV) | F(SERIAL), 0),
	OK("invlpg (%rax)", "0f 01 38", 3, NONE, F(PRIV) | F(SERIAL), 0),
	OK("wbinvd", "0f 09", 2, NONE, F(PRIV) | F(SERIAL), 0),
	OK("in $0x60,%al", "e4 60", 2, NONE, F(IOPL), 0),
	OK("rep outsb", "f3 6e", 2, NONE, F(IOPL) | F(STRING), 0),
	OK("rep movsb", "f3 a4", 2, NONE, F(STRING), F(IOPL)),
	/* fields, immediates and displacements */
	OKF("mov rip(disp32),%rax", "48 8b 05 10 00 00 00", 7, NONE, F(RIPREL), 0, 3, ANY, 2, 0x48),
	OKF("movl $imm32,rip(disp32)", "c7 05 f0 ff ff ff 01 00 00 00", 10, NONE,
	    F(RIPREL), 0, 2, 6, 1, ANY),
	OKF("cmpb $imm8,rip(disp32)", "80 3d 00 00 00 00 05", 7, NONE,
	    F(RIPREL), 0, 2, 6, ANY, ANY),
	OK("abs32 via SIB is not rip-relative", "8b 04 25 00 10 00 00", 7, NONE, 0, F(RIPREL)),
	OK("[rbp+disp8]", "8b 45 f8", 3, NONE, 0, F(RIPREL)),
	OK("[r13] needs disp8", "41 8b 45 00", 4, NONE, 0, 0),
	OK("[rsp+disp32] SIB", "48 8b 84 24 00 01 00 00", 8, NONE, 0, 0),
	OK("67: rip-relative stays", "67 8b 05 00 00 00 00", 7, NONE, F(RIPREL), 0),
	OKF("movabs moffs64,%rax", "48 a1 88 77 66 55 44 33 22 11", 10, NONE,
	    0, 0, ANY, 2, ANY, ANY),
	OK("movabs with 67: moffs32", "67 a1 44 33 22 11", 6, NONE, 0, 0),
	OKF("movabs $imm64,%rax", "48 b8 88 77 66 55 44 33 22 11", 10, NONE,
	    0, 0, ANY, 2, ANY, ANY),
	OK("mov $imm16,%ax", "66 b8 34 12", 4, NONE, 0, 0),
	OK("test $imm8,(%rax)", "f6 00 01", 3, NONE, 0, 0),
	OK("not (%rax) has no imm", "f6 10", 2, NONE, 0, 0),
	OK("test $imm32,%eax via F7 /0", "f7 c0 01 00 00 00", 6, NONE, 0, 0),
	OK("test $imm16 via 66 F7 /0", "66 f7 c0 01 00", 5, NONE, 0, 0),
	OK("imul $imm8", "6b c0 10", 3, NONE, 0, 0),
	OK("3DNow! pfmul", "0f 0f c1 b4", 4, NONE, 0, 0),
	OK("3DNow! with disp8", "0f 0f 40 10 9e", 5, NONE, 0, 0),
	ERR("3DNow! undefined suffix", "0f 0f c1 00", M64, INVALID),
	OK("extrq $imm8,$imm8", "66 0f 78 c0 04 08", 6, NONE, 0, 0),
	OK("palignr (legacy 0F 3A, imm8)", "66 0f 3a 0f c1 08", 6, NONE, 0, 0),
	OK("pshufb (legacy 0F 38)", "66 0f 38 00 c1", 5, NONE, 0, 0),
	OK("crc32 (F2 0F 38 F1, REX.W)", "f2 48 0f 38 f1 c1", 6, NONE, 0, 0),
	OK("iretw (66 cf)", "66 cf", 2, IRET, F(IF) | F(TF), 0),
	OK("iretd (cf)", "cf", 1, IRET, F(POPF), 0),
	OK("vzeroupper (no ModRM)", "c5 f8 77", 3, NONE, 0, 0),
	OK("vmovdqu rip(disp32),%ymm0", "c5 fe 6f 05 00 00 00 00", 8, NONE, F(RIPREL), 0),
	OK("vpshufd $imm8 (VEX map 1 imm)", "c5 f9 70 c0 1b", 5, NONE, 0, 0),
	OK("vpalignr (VEX map 3 imm)", "c4 e3 7d 0f c1 08", 6, NONE, 0, 0),
	OK("vmovaps rip(disp32),%zmm0 (EVEX)", "62 f1 7c 48 28 05 00 00 00 00", 10, NONE,
	   F(RIPREL), 0),
	OK("EVEX disp8*N is one byte", "62 f1 7c 48 28 40 01", 7, NONE, 0, 0),
	OK("XOP vprotb imm8", "8f e8 78 c0 c1 03", 6, NONE, 0, 0),
	OK("pop (%rax) is not XOP", "8f 00", 2, NONE, F(STACK), 0),
	OK("lock add", "f0 48 01 07", 4, NONE, 0, 0),
	ERR("lock on a register destination", "f0 01 c0", M64, INVALID),
	ERR("lock nop", "f0 90", M64, INVALID),
	ERR("lock cmp", "f0 80 38 00", M64, INVALID),
	/* 15-byte limit, truncation, undefined opcodes */
	OK("14 prefixes + nop = 15 bytes",
	   "66 66 66 66 66 66 66 66 66 66 66 66 66 66 90", 15, NONE, 0, 0),
	ERR("16 bytes is invalid", "66 66 66 66 66 66 66 66 66 66 66 66 66 66 66 90", M64, INVALID),
	ERR("longer than 15 via imm",
	    "66 66 66 66 66 66 66 66 66 66 66 48 b8 00 00 00 00 00 00 00 00", M64, INVALID),
	ERR("truncated rel32", "e8 00 00", M64, TRUNCATED),
	ERR("truncated after REX", "48", M64, TRUNCATED),
	ERR("truncated escape", "0f", M64, TRUNCATED),
	ERR("truncated ModRM", "0f 1f", M64, TRUNCATED),
	ERR("truncated SIB", "8b 04", M64, TRUNCATED),
	ERR("truncated VEX", "c4 e2", M64, TRUNCATED),
	ERR("empty buffer", "", M64, TRUNCATED),
	ERR("0f 04 is undefined", "0f 04", M64, INVALID),
	ERR("push %es is undefined in 64-bit", "06", M64, INVALID),
	ERR("lea with a register source", "8d c0", M64, INVALID),
	ERR("VEX after 66", "66 c5 f8 77", M64, INVALID),
	ERR("VEX after REX", "40 c5 f8 77", M64, INVALID),
	ERR("ff /7", "ff f8", M64, INVALID),
	ERR("mov to %cr1", "0f 22 c8", M64, INVALID),
	ERR("gather with mask == destination (#UD)", "c4 e2 f9 90 04 88", M64, INVALID),
	ERR("VEX map 5 does not exist", "c4 e5 78 10 c0", M64, INVALID),
	/*
	 * Validity: register-only and memory-only forms (Intel SDM: the
	 * instruction's ModRM is "r/m" limited to one kind), EVEX reserved
	 * fields.  t_objdump has Zydis and objdump confirm each.
	 */
	ERR("vmovlpd store needs memory", "c5 f9 13 c0", M64, INVALID),
	OK("vmovlpd store to memory", "c5 f9 13 00", 4, NONE, 0, 0),
	ERR("vpmovmskb needs a register", "c5 f9 d7 00", M64, INVALID),
	OK("vpmovmskb %xmm0,%eax", "c5 f9 d7 c0", 4, NONE, 0, 0),
	ERR("vmovmskps needs a register", "c5 f8 50 00", M64, INVALID),
	ERR("vlddqu needs memory", "c5 fb f0 c0", M64, INVALID),
	ERR("vbroadcastf128 needs memory", "c4 e2 7d 1a c0", M64, INVALID),
	ERR("kshiftrb needs a register", "c4 e3 79 30 00 01", M64, INVALID),
	ERR("EVEX vpmovm2b needs a register", "62 f2 7e 08 28 00", M64, INVALID),
	ERR("EVEX vpbroadcastd r32 needs a register", "62 f2 7d 08 7c 00", M64, INVALID),
	ERR("EVEX L'L=3 without EVEX.b is reserved", "62 f1 7c 68 58 c1", M64, INVALID),
	OK("EVEX L'L=3 with b, registers: rounding {rz-sae}", "62 f1 7c 78 58 c1", 6, NONE, 0, 0),
	ERR("EVEX L'L=3 with b and memory is reserved", "62 f1 7c 78 58 00", M64, INVALID),
	ERR("vfcmaddcph destination = first source", "62 f6 7f 08 56 c1", M64, INVALID),
	ERR("vfcmaddcph destination = second source", "62 f6 77 08 56 c0", M64, INVALID),
	OK("vfcmaddcph distinct registers", "62 f6 77 08 56 01", 6, NONE, 0, 0),
	/* USER_MSR imm32 forms: VEX.128.F2/F3.M7.W0 F8 /0 (ISE reference) */
	ERR("VEX map 7 with W1", "c4 e7 fb f8 c0 78 56 34 12", M64, INVALID),
	ERR("VEX map 7 with L1", "c4 e7 7f f8 c0 78 56 34 12", M64, INVALID),
	ERR("VEX map 7 with ModRM.reg 1", "c4 e7 7b f8 c8 78 56 34 12", M64, INVALID),
	ERR("rdmsrlist is 64-bit only", "f2 0f 01 c6", M32, INVALID),
	{ "wrmsrns in 32-bit code", "0f 01 c6", M32, 0, 3, 0, F(PRIV), 0, ANY, ANY, ANY, ANY },
	/* 2022-2023 VEX extensions (Intel ISA extensions reference) */
	OK("cmpzxadd %eax,%ecx,(%rax)", "c4 e2 79 e4 08", 5, NONE, 0, 0),
	OK("cmpzxadd with W1: 64-bit operands", "c4 e2 f9 e4 08", 5, NONE, 0, 0),
	OK("cmpnlexadd with SIB and disp32", "c4 e2 79 ef 8c 24 00 01 00 00", 10, NONE, 0, 0),
	ERR("cmpccxadd is VEX.128 only", "c4 e2 7d e4 08", M64, INVALID),
	ERR("cmpccxadd needs memory", "c4 e2 79 e4 c8", M64, INVALID),
	ERR("cmpccxadd is 64-bit only", "c4 e2 79 e4 08", M32, INVALID),
	OK("vpdpbssd %xmm1,%xmm1,%xmm0", "c4 e2 73 50 c1", 5, NONE, 0, 0),
	OK("vpdpbuuds %ymm", "c4 e2 74 51 c1", 5, NONE, 0, 0),
	ERR("vpdpbssd is W0", "c4 e2 f3 50 c1", M64, INVALID),
	OK("vpdpwsud (AVX-VNNI-INT16)", "c4 e2 7a d2 c1", 5, NONE, 0, 0),
	OK("vpdpwusds (AVX-VNNI-INT16)", "c4 e2 7d d3 04 24", 6, NONE, 0, 0),
	ERR("vpdpwsud is W0", "c4 e2 fa d2 c1", M64, INVALID),
	OK("vcvtneebf162ps (%rax),%xmm0", "c4 e2 7a b0 00", 5, NONE, 0, 0),
	OK("vbcstnesh2ps (%rax),%ymm0", "c4 e2 7d b1 00", 5, NONE, 0, 0),
	ERR("vcvtneebf162ps needs memory", "c4 e2 7a b0 c0", M64, INVALID),
	ERR("vcvtneoph2ps is W0", "c4 e2 f8 b0 00", M64, INVALID),
	OK("{vex} vcvtneps2bf16", "c4 e2 7a 72 c1", 5, NONE, 0, 0),
	ERR("{vex} vcvtneps2bf16 is W0", "c4 e2 fa 72 c1", M64, INVALID),
	ERR("VEX vpmadd52luq is W1", "c4 e2 79 b4 00", M64, INVALID),
	OK("tdpfp16ps %tmm0,%tmm2,%tmm1", "c4 e2 7b 5c ca", 5, NONE, 0, 0),
	ERR("tdpfp16ps is W0", "c4 e2 fb 5c ca", M64, INVALID),
	ERR("tdpfp16ps is VEX.128", "c4 e2 7f 5c ca", M64, INVALID),
	ERR("tdpfp16ps with memory", "c4 e2 7b 5c 08", M64, INVALID),
	ERR("tdpfp16ps with equal tiles", "c4 e2 7b 5c c1", M64, INVALID),
	OK("tcmmimfp16ps (AMX-COMPLEX)", "c4 e2 79 6c ca", 5, NONE, 0, 0),
	OK("tcmmrlfp16ps (AMX-COMPLEX)", "c4 e2 78 6c ca", 5, NONE, 0, 0),
	ERR("tcmmimfp16ps with memory", "c4 e2 79 6c 0a", M64, INVALID),
	ERR("AMX-COMPLEX is 64-bit only", "c4 e2 79 6c ca", M32, INVALID),
	OK("vsha512rnds2 %xmm1,%ymm0,%ymm0", "c4 e2 7f cb c1", 5, NONE, 0, 0),
	OK("vsha512msg2 %ymm1,%ymm0", "c4 e2 7f cd c1", 5, NONE, 0, 0),
	ERR("vsha512rnds2 is VEX.256", "c4 e2 7b cb c1", M64, INVALID),
	ERR("vsha512msg1 needs a register", "c4 e2 7f cc 00", M64, INVALID),
	ERR("vsha512msg1 is W0", "c4 e2 ff cc c1", M64, INVALID),
	OK("vsm3msg1 (%rax)", "c4 e2 78 da 00", 5, NONE, 0, 0),
	ERR("vsm3msg2 is VEX.128", "c4 e2 7d da c1", M64, INVALID),
	OK("vsm4rnds4 %ymm", "c4 e2 7f da c1", 5, NONE, 0, 0),
	OK("vsm3rnds2 $8", "c4 e3 79 de c1 08", 6, NONE, 0, 0),
	ERR("vsm3rnds2 is VEX.128", "c4 e3 7d de c1 08", M64, INVALID),
	ERR("vsm3rnds2 is W0", "c4 e3 f9 de c1 08", M64, INVALID),
	OK("prefetchit0 rip(disp32)", "0f 18 3d 00 01 00 00", 7, NONE, F(RIPREL), 0),
	OK("prefetchit1 rip(disp32)", "0f 18 35 00 01 00 00", 7, NONE, F(RIPREL), 0),
	OK("pbndkb", "0f 01 c7", 3, NONE, F(PRIV), 0),
	ERR("pbndkb is 64-bit only", "0f 01 c7", M32, INVALID),
	/*
	 * APX (Intel APX architecture specification): REX2 = D5 + payload
	 * (M0 R4 X4 B4 W R3 X3 B3), then the opcode of map 0 or map 1.
	 */
	OKF("jmpabs $imm64", "d5 00 a1 08 07 06 05 04 03 02 01", 11, JMP_ABS,
	    0, F(REL), ANY, 3, ANY, 0),
	ERR("jmpabs with REX2.W", "d5 08 a1 08 07 06 05 04 03 02 01", M64, INVALID),
	ERR("jmpabs with a 66 prefix", "66 d5 00 a1 08 07 06 05 04 03 02 01", M64, INVALID),
	OKF("REX2 mov %r17,%r24 (W, R4, B3 B4)", "d5 59 89 c8", 4, NONE, 0, 0, ANY, ANY, 3, 0),
	OKF("REX2 map 1: imul %ecx,%eax", "d5 80 af c1", 4, NONE, 0, 0, ANY, ANY, 3, 0),
	OK("REX2 call *%r24", "d5 11 ff d0", 4, CALL_IND, F(STACK), 0),
	OK("REX2 push with 66 and imm16", "66 d5 00 68 34 12", 6, NONE, F(STACK), 0),
	OK("REX2 add rip(disp32) imm32", "d5 48 81 05 00 01 00 00 78 56 34 12", 12, NONE,
	   F(RIPREL), 0),
	OK("REX2 xchg %r16,%rax is not a nop", "d5 10 90", 3, NONE, 0, F(NOP)),
	OK("REX2 lock add", "f0 d5 48 01 07", 5, NONE, 0, 0),
	OK("REX2 map 1 nopl", "d5 80 1f 00", 4, NONE, F(NOP), 0),
	ERR("REX before REX2", "48 d5 00 89 c8", M64, INVALID),
	ERR("REX2 + Jcc rel8 (row 7)", "d5 00 74 00", M64, INVALID),
	ERR("REX2 + mov moffs (row A)", "d5 08 a3 00 00 00 00 00 00 00 00", M64, INVALID),
	ERR("REX2 + call rel32 (row E)", "d5 00 e8 00 00 00 00", M64, INVALID),
	ERR("REX2 + map 1 Jcc rel32 (row 8)", "d5 80 84 00 00 00 00", M64, INVALID),
	ERR("REX2 + map 1 wrmsr (row 3)", "d5 80 30", M64, INVALID),
	ERR("REX2 + 0F escape", "d5 00 0f af c1", M64, INVALID),
	ERR("REX2 + VEX byte", "d5 00 c5 f8 77", M64, INVALID),
	ERR("REX2 + REX byte", "d5 00 48 89 c8", M64, INVALID),
	ERR("REX2 + legacy prefix", "d5 00 66 89 c8", M64, INVALID),
	ERR("truncated REX2", "d5 00", M64, TRUNCATED),
	OK32("D5 is AAD in 32-bit code", "d5 0a", 2, NONE, 0, 0),
	/* APX EVEX map 4: P2 = 0 0 0 ND V4 NF 0 0, or SCC for CCMP/CTEST */
	OK("add %eax,%ecx,%r? (NDD)", "62 f4 7c 18 01 c1", 6, NONE, 0, 0),
	OK("{nf} add with imm32", "62 f4 7c 0c 81 c0 78 56 34 12", 10, NONE, 0, 0),
	OK("map 4 66 W0: 16-bit operands, imm16", "62 f4 7d 08 81 c0 34 12", 8, NONE, 0, 0),
	OK("map 4 66 W1: 64-bit operands, imm32", "62 f4 fd 08 81 c0 78 56 34 12", 10, NONE, 0, 0),
	OK("map 4 B4 and ~X4 in use", "62 fc 78 08 01 04 08", 7, NONE, 0, 0),
	OK("ccmpz with SCC 15", "62 f4 7c 0f 39 c1", 6, NONE, 0, 0),
	ERR("ccmp with ND", "62 f4 7c 18 39 c1", M64, INVALID),
	OK("ctest $imm8 (F6 /0)", "62 f4 7c 04 f6 c0 01", 7, NONE, 0, 0),
	OK("not (F6 /2): no immediate", "62 f4 7c 18 f6 d0", 6, NONE, 0, 0),
	ERR("map 4 F6 /1", "62 f4 7c 08 f6 c8 01", M64, INVALID),
	ERR("map 4 L'L = 1", "62 f4 7c 28 01 c1", M64, INVALID),
	ERR("map 4 z = 1", "62 f4 7c 88 01 c1", M64, INVALID),
	ERR("map 4 aaa bit 0", "62 f4 7c 09 01 c1", M64, INVALID),
	ERR("map 4 byte op with 66", "62 f4 7d 08 00 c1", M64, INVALID),
	OK("push2 %rax,%r?", "62 f4 7c 18 ff f0", 6, NONE, F(STACK), 0),
	OK("pop2", "62 f4 7c 18 8f c0", 6, NONE, F(STACK), 0),
	ERR("pop2 /1", "62 f4 7c 18 8f c8", M64, INVALID),
	ERR("push2 with memory", "62 f4 7c 18 ff 30", M64, INVALID),
	ERR("movdiri needs memory", "62 f4 7c 08 f9 c0", M64, INVALID),
	OK("setzuz (F2 44)", "62 f4 7f 18 44 c0", 6, NONE, 0, 0),
	OK("invpcid (F3 F2)", "62 f4 7e 08 f2 08", 6, NONE, F(PRIV) | F(SERIAL), 0),
	OK("shld $imm8 (map 4 24)", "62 f4 7c 18 24 c1 03", 7, NONE, 0, 0),
	ERR("EVEX map 4 in 32-bit code", "62 f4 7c 18 01 c1", M32, INVALID),
	/* an emulate prefix makes units longer than 15 bytes */
	OK("emulate prefix + 11-byte nopw: 16 bytes",
	   "0f 0b 78 65 6e 66 66 2e 0f 1f 84 00 00 00 00 00", 16, NONE, F(EMUL_PREFIX) | F(NOP), 0),
	OK("emulate prefix + 15-byte insn: 20 bytes",
	   "0f 0b 6b 76 6d 66 66 66 66 66 66 66 66 66 66 66 66 66 66 90", 20, NONE,
	   F(EMUL_PREFIX), 0),
	/* 32-bit compatibility mode */
	OK32("push %es", "06", 1, NONE, F(STACK), 0),
	OK32("pop %ss", "17", 1, NONE, F(INTSHADOW) | F(STACK), 0),
	OK32("inc %eax", "40", 1, NONE, 0, 0),
	OK32("les (%eax),%eax", "c4 00", 2, NONE, F(SEGLOAD), 0),
	OK32("lds (%eax),%eax", "c5 00", 2, NONE, F(SEGLOAD), 0),
	OK32("VEX in 32-bit mode", "c5 f8 77", 3, NONE, 0, 0),
	OK32("16-bit addressing [bp+disp8]", "67 8b 46 10", 4, NONE, 0, F(RIPREL)),
	OK32("16-bit addressing disp16", "67 8b 06 34 12", 5, NONE, 0, F(RIPREL)),
	OK32("abs disp32 is not rip-relative", "8b 05 00 10 00 00", 6, NONE, 0, F(RIPREL)),
	OK32("call rel16 with 66", "66 e8 00 01", 4, CALL, F(REL), 0),
	OK32("ljmp ptr16:32", "ea 00 00 00 00 10 00", 7, JMP_FAR, 0, 0),
	OK32("lcall ptr16:16", "66 9a 00 00 10 00", 6, CALL_FAR, F(STACK), 0),
	OK32("moffs32", "a1 00 10 00 00", 5, NONE, 0, 0),
	OK32("moffs16 with 67", "67 a1 00 10", 4, NONE, 0, 0),
	OK32("salc", "d6", 1, NONE, 0, 0),
	{ "invalid mode", "90", 7, DINSN_ERR_INVALID, 0, 0, 0, 0, ANY, ANY, ANY, ANY },
};

/* Decode from an exactly-sized heap buffer so ASan sees any overread. */
static int decode_exact(struct dinsn *di, const u8 *b, size_t n, int mode)
{
	u8 *h = malloc(n ? n : 1);
	int r;

	memcpy(h, b, n);
	r = dinsn_decode(di, h, n, mode);
	free(h);
	return r;
}

/* Reports a failed check of @c; returns 1, the failure count. */
static int __attribute__((format(printf, 2, 3)))
fail(const struct tcase *c, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL %s [%s]: ", c->what, c->hex);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return 1;
}

static int check_case(const struct tcase *c)
{
	u8 b[32];
	size_t n = parse_hex(c->hex, b);
	struct dinsn di;
	int r = decode_exact(&di, b, n, c->mode);

	if (r != c->ret)
		return fail(c, "ret %d, want %d", r, c->ret);
	if (r)
		return 0;
	if (di.len != c->len)
		return fail(c, "len %d, want %d", di.len, c->len);
	if (di.branch != c->branch)
		return fail(c, "branch %d, want %d", di.branch, c->branch);
	if ((di.flags & c->set) != c->set)
		return fail(c, "flags %#x lack %#x", di.flags, c->set);
	if (di.flags & c->clear)
		return fail(c, "flags %#x have %#x", di.flags, di.flags & c->clear);
	if (c->disp_off != ANY && di.disp_off != c->disp_off)
		return fail(c, "disp_off %d, want %d", di.disp_off, c->disp_off);
	if (c->imm_off != ANY && di.imm_off != c->imm_off)
		return fail(c, "imm_off %d, want %d", di.imm_off, c->imm_off);
	if (c->modrm_off != ANY && di.modrm_off != c->modrm_off)
		return fail(c, "modrm_off %d, want %d", di.modrm_off, c->modrm_off);
	if (c->rex != ANY && di.rex != c->rex)
		return fail(c, "rex %#x, want %#x", di.rex, c->rex);
	/* with one byte less, a valid instruction must report truncation */
	if (n && decode_exact(&di, b, n - 1, c->mode) != DINSN_ERR_TRUNCATED)
		return fail(c, "not truncated at %zu bytes", n - 1);
	return 0;
}

/* Classification API: values, targets and field contents. */
static int check_api(void)
{
	static const struct { const char *hex; u64 addr, target; } br[] = {
		{ "eb fe", 0x1000, 0x1000 },
		{ "e8 fb ff ff ff", 0xffffffff81000000ull, 0xffffffff81000000ull },
		{ "0f 85 10 00 00 00", 0x2000, 0x2016 },
		{ "e9 00 00 00 80", 0xffffffff81000000ull, 0xffffffff01000005ull },
		{ "c7 f8 10 00 00 00", 0x100, 0x116 },
		{ "e3 f0", 0x100, 0xf2 },
	};
	struct dinsn di;
	u8 b[16];
	int fails = 0;

	for (size_t i = 0; i < ARRAY_SIZE(br); i++) {
		size_t n = parse_hex(br[i].hex, b);
		u64 t;

		if (decode_exact(&di, b, n, M64) || !dinsn_has_rel_target(&di)) {
			printf("FAIL api: %s not a relative branch\n", br[i].hex);
			fails++;
			continue;
		}
		t = dinsn_branch_target(&di, br[i].addr);
		if (t != br[i].target) {
			printf("FAIL api: %s target %#llx want %#llx\n", br[i].hex,
			       (unsigned long long)t,
			       (unsigned long long)br[i].target);
			fails++;
		}
	}
	parse_hex("66 e9 00 80", b);	/* 32-bit mode jmp rel16 wraps IP */
	if (decode_exact(&di, b, 4, M32) ||
	    dinsn_branch_target(&di, 0x7ffc) != 0x0000) {
		printf("FAIL api: 16-bit branch target\n");
		fails++;
	}
	parse_hex("48 8b 05 f9 ff ff ff", b);
	if (decode_exact(&di, b, 7, M64) || di.disp != -7 ||
	    dinsn_riprel_target(&di, 0x5000) != 0x5000) {
		printf("FAIL api: riprel target\n");
		fails++;
	}
	parse_hex("c8 10 00 03", b);
	if (decode_exact(&di, b, 4, M64) || di.imm != 16 || di.imm2 != 3) {
		printf("FAIL api: enter immediates\n");
		fails++;
	}
	parse_hex("62 f1 fd 48 6f 44 24 02", b);
	if (decode_exact(&di, b, 8, M64) || di.vex_kind != DINSN_EVEX ||
	    di.vex_off != 0 || di.pp != 0x66 || di.opsize != 8 ||
	    di.sib_off != 6 || di.disp_len != 1 || di.disp != 2) {
		printf("FAIL api: EVEX fields\n");
		fails++;
	}
	parse_hex("c4 e2 f1 90 04 90", b);	/* vpgatherdq: VEX3 map 2, W1, VSIB */
	if (decode_exact(&di, b, 6, M64) || di.vex_kind != DINSN_VEX3 ||
	    di.map != DINSN_MAP_0F38 || di.vex[0] != 0xe2 || di.vex[1] != 0xf1 ||
	    di.pp != 0x66 || di.opsize != 8 || di.opcode != 0x90 ||
	    di.modrm_off != 4 || di.sib_off != 5 || di.len != 6) {
		printf("FAIL api: VEX3 fields\n");
		fails++;
	}
	parse_hex("8f ea 78 10 c0 11 22 33 44", b);	/* XOP map 10 imm32 */
	if (decode_exact(&di, b, 9, M64) || di.vex_kind != DINSN_XOP ||
	    di.map != DINSN_MAP_XOPA || di.imm != 0x44332211 ||
	    di.imm_off != 5 || di.imm_len != 4) {
		printf("FAIL api: XOP fields\n");
		fails++;
	}
	parse_hex("0f 0b 6b 76 6d 48 8b 05 10 00 00 00", b); /* emulate prefix */
	if (decode_exact(&di, b, 12, M64) || di.len != 12 || di.emul_len != 5 ||
	    di.opcode_off != 6 || di.rex_off != 5 || di.disp_off != 8 ||
	    !(di.flags & DINSN_F_RIPREL) ||
	    dinsn_riprel_target(&di, 0x1000) != 0x1000 + 12 + 0x10) {
		printf("FAIL api: fields behind an emulate prefix\n");
		fails++;
	}
	parse_hex("f2 66 2e 48 0f 58 c1", b);	/* mandatory prefix: F2 */
	if (decode_exact(&di, b, 7, M64) || di.pp != 0xf2 || di.rex != 0x48 ||
	    di.rex_off != 3 || di.nr_prefixes != 3 || di.seg != 0x2e ||
	    di.opcode_off != 4 || di.opcode != 0x58 || di.map != DINSN_MAP_0F ||
	    !(di.prefixes & DINSN_P_OPSIZE)) {
		printf("FAIL api: prefix fields\n");
		fails++;
	}
	/* register numbers: REX.B, REX2.B3/B4, VEX.B, EVEX.B/B4 */
	{
		static const struct { const char *hex; unsigned int gpr; } g[] = {
			{ "ff d0", 0 }, { "41 ff d1", 9 },
			{ "d5 11 ff d0", 24 }, { "d5 10 ff d3", 19 },
			{ "d5 01 ff d2", 10 },
			{ "c4 c2 78 f2 c1", 9 }, { "c4 e2 78 f2 c1", 1 },
			{ "62 fc 7c 18 01 c1", 17 }, { "62 d4 7c 18 01 c1", 9 },
			{ "62 dc 7c 18 01 c1", 25 },
		};

		for (size_t i = 0; i < ARRAY_SIZE(g); i++) {
			size_t n = parse_hex(g[i].hex, b);

			if (decode_exact(&di, b, n, M64) ||
			    dinsn_rm_gpr(&di) != g[i].gpr) {
				printf("FAIL api: %s: rm register %u, want %u\n",
				       g[i].hex, dinsn_rm_gpr(&di), g[i].gpr);
				fails++;
			}
		}
	}
	parse_hex("66 d5 00 68 34 12", b);	/* REX2 fields */
	if (decode_exact(&di, b, 6, M64) || di.vex_kind != DINSN_REX2 ||
	    di.vex_off != 1 || di.vex[0] != 0 || di.rex || di.opcode_off != 1 ||
	    di.nr_prefixes != 1 || di.opcode != 0x68 || di.map != DINSN_MAP_1B ||
	    di.opsize != 2 || di.imm_off != 4 || di.imm_len != 2 ||
	    di.imm != 0x1234) {
		printf("FAIL api: REX2 fields\n");
		fails++;
	}
	parse_hex("d5 00 a1 08 07 06 05 04 03 02 81", b);	/* jmpabs */
	if (decode_exact(&di, b, 11, M64) || di.branch != DINSN_BR_JMP_ABS ||
	    di.imm != (s64)0x8102030405060708ull || di.imm_len != 8 ||
	    dinsn_has_rel_target(&di) || di.opsize != 8) {
		printf("FAIL api: jmpabs target\n");
		fails++;
	}
	parse_hex("62 f4 7d 08 81 c0 34 12", b);	/* EVEX map 4, 16-bit */
	if (decode_exact(&di, b, 8, M64) || di.map != DINSN_MAP_EVEX4 ||
	    di.vex_kind != DINSN_EVEX || di.pp != 0x66 || di.opsize != 2 ||
	    di.modrm_off != 5 || di.imm_off != 6 || di.imm != 0x1234) {
		printf("FAIL api: EVEX map 4 fields\n");
		fails++;
	}
	return fails;
}

int main(void)
{
	unsigned int n = ARRAY_SIZE(cases), fails = 0;

	for (unsigned int i = 0; i < n; i++)
		fails += check_case(&cases[i]);
	fails += check_api();
	printf("cases: %u cases + api checks, %u failures\n", n, fails);
	printf("RESULT cases %s\n", fails ? "FAIL" : "PASS");
	return fails ? 1 : 0;
}
