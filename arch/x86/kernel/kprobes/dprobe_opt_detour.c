// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: a jump-optimized site's detour, and the jump to it.
 *
 * The detour sits in the site's slot from DPROBE_SLOT_DETOUR_OFF:
 *
 *   dprobe_opt_template     save pt_regs, %rdi = site, jmp dprobe_opt_stub
 *   relocated region        (detour_resume) the instructions the jump covers
 *   jmp back                to the first byte after the region
 *
 * The stub calls dprobe_opt_callback() and returns to detour_resume, or
 * to wherever a handler pointed regs->ip.  Breakpoint hits of a site
 * that is queued for optimization also resume at detour_resume.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/memory.h>
#include <linux/perf_event.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

#define DETOUR_ROOM	(DPROBE_SLOT_SIZE - DPROBE_SLOT_DETOUR_OFF)

/* Appends "opcode rel32" aimed at @target, for code running at @at. */
static int emit_rel32(u8 *p, size_t oplen, const u8 *op, unsigned long at,
		      unsigned long target)
{
	s64 rel = (s64)target - (s64)(at + oplen + 4);
	s32 r32 = rel;

	if (rel != r32)
		return -ERANGE;
	memcpy(p, op, oplen);
	memcpy(p + oplen, &r32, sizeof(r32));
	return oplen + 4;
}

/*
 * Writes the detour copy of one region instruction at @p (running at
 * @at).  Returns the bytes written or a negative error.
 */
static int relocate_insn(const struct dinsn *di, const u8 *src,
			 unsigned long src_addr, u8 *p, unsigned long at)
{
	unsigned long target = dinsn_branch_target(di, src_addr);
	unsigned long ret_addr = src_addr + di->len;
	u8 op[2];
	int n;

	switch (di->branch) {
	case DINSN_BR_JMP:
		op[0] = JMP32_INSN_OPCODE;
		return emit_rel32(p, 1, op, at, target);
	case DINSN_BR_JCC:
		op[0] = 0x0f;
		op[1] = 0x80 | (di->opcode & 0xf);
		return emit_rel32(p, 2, op, at, target);
	case DINSN_BR_CALL:
		/* push the original return address (sign-extended imm32) */
		if ((s64)ret_addr != (s32)ret_addr)
			return -ERANGE;
		p[0] = 0x68;
		memcpy(p + 1, &ret_addr, 4);
		op[0] = JMP32_INSN_OPCODE;
		n = emit_rel32(p + 5, 1, op, at + 5, target);
		return n < 0 ? n : n + 5;
	}
	n = dprobe_x86_copy_insn(di, src, src_addr, p, at);
	return n < 0 ? n : di->len;
}

/* Builds the detour for @plan in @buf, which will run at @detour. */
static int build_detour(struct dprobe_site *site,
			const struct dprobe_opt_plan *plan, u8 *buf,
			unsigned long detour)
{
	size_t tlen = dprobe_opt_template_end - dprobe_opt_template;
	size_t site_off = dprobe_opt_template_site - dprobe_opt_template + 2;
	size_t jmp_off = dprobe_opt_template_jmp - dprobe_opt_template;
	unsigned long src = site->addr;
	size_t pos = tlen, i, off = 0;
	u8 op = JMP32_INSN_OPCODE;
	int n;

	memcpy(buf, dprobe_opt_template, tlen);
	memcpy(buf + site_off, &site, sizeof(site));
	n = emit_rel32(buf + jmp_off, 1, &op, detour + jmp_off,
		       (unsigned long)dprobe_opt_stub);
	if (n < 0)
		return n;
	for (i = 0; i < plan->n; i++) {
		/* the longest output: push imm32 + jmp rel32 for a call */
		if (pos + 10 + JMP32_INSN_SIZE > DETOUR_ROOM)
			return -E2BIG;
		n = relocate_insn(&plan->insn[i], plan->bytes + off, src + off,
				  buf + pos, detour + pos);
		if (n < 0)
			return n;
		pos += n;
		off += plan->insn[i].len;
	}
	n = emit_rel32(buf + pos, 1, &op, detour + pos, src + plan->len);
	return n < 0 ? n : pos + n;
}

/**
 * dprobe_arch_opt_prepare() - check a site and build its detour
 * @site: an armed breakpoint site; called under dprobe_mutex
 *
 * The detour is built once and kept until the site is freed.
 *
 * Return: 0 when the site may be patched; -EBUSY while another probe is
 * in the way; another negative error when it never may.
 */
int dprobe_arch_opt_prepare(struct dprobe_site *site)
{
	struct dprobe_arch_site *as = &site->arch;
	struct dprobe_opt_plan *plan;
	u8 buf[DETOUR_ROOM];
	unsigned long detour;
	int ret;

	dprobe_lockdep_assert_held();

	if (as->opt_len)
		return dprobe_site_in_range(site->addr, site->addr + as->opt_len) ?
		       -EBUSY : 0;
	plan = kmalloc(sizeof(*plan), GFP_KERNEL);
	if (!plan)
		return -ENOMEM;
	ret = dprobe_opt_analyze(site, plan);
	if (ret)
		goto out;
	if (!as->slot) {
		as->slot = dprobe_slot_alloc(site);
		ret = -ENOMEM;
		if (!as->slot)
			goto out;
	}
	detour = (unsigned long)as->slot + DPROBE_SLOT_DETOUR_OFF;
	memset(buf, INT3_INSN_OPCODE, sizeof(buf));
	ret = build_detour(site, plan, buf, detour);
	if (ret < 0)
		goto out;
	dprobe_slot_write((void *)detour, buf, ret);
	memcpy(as->opt_orig, plan->bytes, plan->len);
	as->detour_resume = detour + (dprobe_opt_template_end -
				      dprobe_opt_template);
	as->opt_len = plan->len;
	ret = 0;
out:
	kfree(plan);
	return ret;
}

/**
 * dprobe_arch_opt_patch() - replace a queued site's breakpoint by the jump
 * @site: a site whose detour has run every hit for an RCU-tasks grace
 *	period; called under dprobe_mutex
 */
void dprobe_arch_opt_patch(struct dprobe_site *site)
{
	unsigned long detour = (unsigned long)site->arch.slot +
			       DPROBE_SLOT_DETOUR_OFF;
	u8 jmp[JMP32_INSN_SIZE];
	u8 op = JMP32_INSN_OPCODE;

	dprobe_lockdep_assert_held();

	/* prepare checked the distance: the slot is within rel32 reach */
	emit_rel32(jmp, 1, &op, site->addr, detour);
	mutex_lock(&text_mutex);
	text_poke_bp((void *)site->addr, jmp, sizeof(jmp), NULL);
	mutex_unlock(&text_mutex);
}

/**
 * dprobe_arch_opt_unpatch() - put a patched site back on its breakpoint
 * @site: a patched site; called under dprobe_mutex
 *
 * The int3 goes first, so a CPU arriving meanwhile traps (and resumes in
 * the detour) rather than running half a jump.
 */
void dprobe_arch_opt_unpatch(struct dprobe_site *site)
{
	static const u8 int3 = INT3_INSN_OPCODE;
	struct dprobe_arch_site *as = &site->arch;
	u8 old[JMP32_INSN_SIZE], new[JMP32_INSN_SIZE];

	dprobe_lockdep_assert_held();

	mutex_lock(&text_mutex);
	memcpy(old, (void *)site->addr, JMP32_INSN_SIZE);
	text_poke((void *)site->addr, &int3, INT3_INSN_SIZE);
	text_poke_sync();
	text_poke((void *)(site->addr + INT3_INSN_SIZE),
		  as->opt_orig + INT3_INSN_SIZE, as->opt_len - INT3_INSN_SIZE);
	text_poke_sync();
	new[0] = INT3_INSN_OPCODE;
	memcpy(new + 1, as->opt_orig + 1, JMP32_INSN_SIZE - 1);
	perf_event_text_poke((void *)site->addr, old, JMP32_INSN_SIZE, new,
			     JMP32_INSN_SIZE);
	mutex_unlock(&text_mutex);
}

/**
 * dprobe_opt_callback() - run a site's handlers from its detour
 * @site: the site whose jump was taken
 * @regs: the registers the detour saved; ss and sp are filled in here
 *
 * Called by dprobe_opt_stub with interrupts as the probed code had them.
 * regs->ip reads as after a breakpoint at the site, as on the int3 path.
 *
 * Return: where to resume: the relocated region, or the address a
 * handler put in regs->ip; 0 when a handler moved regs->sp as well, and
 * the stub must leave through the whole of @regs (iretq).
 */
unsigned long dprobe_opt_callback(struct dprobe_site *site,
				  struct pt_regs *regs)
{
	unsigned long resume = site->arch.detour_resume;

	regs->sp = (unsigned long)(regs + 1);
	regs->ss = __KERNEL_DS;
	regs->ip = site->addr + INT3_INSN_SIZE;
	/* an RCU read side for the probe list, as on the trap path */
	preempt_disable_notrace();
	if (dprobe_site_run_pre(site, regs) > 0)
		resume = regs->sp == (unsigned long)(regs + 1) ? regs->ip : 0;
	preempt_enable_notrace();
	return resume;
}

NOKPROBE_SYMBOL(dprobe_opt_callback);
