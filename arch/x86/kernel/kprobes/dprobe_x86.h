/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Declarations shared by the x86 files of dprobes only.
 */
#ifndef _X86_DPROBE_X86_H
#define _X86_DPROBE_X86_H

#include <linux/dprobes_arch.h>
#include <linux/kprobes.h>
#include <asm/dprobes.h>

u8 *dprobe_slot_alloc(struct dprobe_site *site);
void dprobe_slot_free(u8 *slot);
void dprobe_slot_write(void *dst, const void *src, size_t len);
struct dprobe_site *dprobe_slot_owner(unsigned long addr);

void dprobe_x86_emulate(struct dprobe_site *site, struct pt_regs *regs);
bool dprobe_x86_insn_refused(const struct dinsn *di);
int dprobe_x86_copy_insn(const struct dinsn *di, const u8 *src,
			 unsigned long src_addr, u8 *dst, unsigned long dst_addr);

/**
 * struct dprobe_func_text - a copy of one function's original code
 * @start: the function's address
 * @size: its size (up to the next symbol)
 * @buf: its bytes, with our breakpoints and jumps taken out
 */
struct dprobe_func_text {
	unsigned long start;
	size_t size;
	u8 *buf;
};

int dprobe_func_text_get(unsigned long addr, struct dprobe_func_text *ft);
void dprobe_func_text_put(struct dprobe_func_text *ft);
int dprobe_func_text_decode(const struct dprobe_func_text *ft, size_t off,
			    struct dinsn *di);

/**
 * struct dprobe_opt_plan - what a site's jump covers
 * @n: instructions
 * @len: their total length, at least JMP32_INSN_SIZE
 * @insn: the instructions, decoded
 * @bytes: their original bytes
 */
struct dprobe_opt_plan {
	u8 n;
	u8 len;
	struct dinsn insn[JMP32_INSN_SIZE];
	u8 bytes[DPROBE_OPT_MAX_REGION];
};

int dprobe_opt_analyze(struct dprobe_site *site, struct dprobe_opt_plan *plan);

/* dprobe_opt_entry.S: the detour template (data) and the common stub */
extern const u8 dprobe_opt_template[], dprobe_opt_template_end[];
extern const u8 dprobe_opt_template_site[], dprobe_opt_template_jmp[];
void dprobe_opt_stub(void);
unsigned long dprobe_opt_callback(struct dprobe_site *site,
				  struct pt_regs *regs);

#ifdef CONFIG_DPROBES_ON_FTRACE
int dprobe_ftrace_arm(struct dprobe_site *site);
void dprobe_ftrace_disarm(struct dprobe_site *site);
#else
static inline int dprobe_ftrace_arm(struct dprobe_site *site)
{
	return -EOPNOTSUPP;
}

static inline void dprobe_ftrace_disarm(struct dprobe_site *site)
{
}
#endif

#endif /* _X86_DPROBE_X86_H */
