// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: deciding how a probed x86 instruction is executed, and
 * placing or removing its breakpoint.
 *
 * After the pre handlers ran, the probed instruction must still execute
 * as if nothing happened.  Relative branches and calls are emulated in
 * the trap handler (a copy elsewhere would branch to the wrong place);
 * every other instruction we accept runs as a copy in an executable
 * slot, with a RIP-relative operand re-aimed at the original target,
 * followed by a jump back ("boosted": one trap per hit).  A second copy
 * followed by an int3 serves probes with post handlers.  Instructions
 * that cannot run elsewhere or must not be touched are refused.
 */
#define pr_fmt(fmt) "dprobes: " fmt

#include <linux/extable.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/perf_event.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

/* pt_regs offsets of the 16 general registers, in encoding order. */
static const u8 gpr_offset[16] = {
	offsetof(struct pt_regs, ax), offsetof(struct pt_regs, cx),
	offsetof(struct pt_regs, dx), offsetof(struct pt_regs, bx),
	offsetof(struct pt_regs, sp), offsetof(struct pt_regs, bp),
	offsetof(struct pt_regs, si), offsetof(struct pt_regs, di),
	offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
	offsetof(struct pt_regs, r10), offsetof(struct pt_regs, r11),
	offsetof(struct pt_regs, r12), offsetof(struct pt_regs, r13),
	offsetof(struct pt_regs, r14), offsetof(struct pt_regs, r15),
};

/* Reads the instruction bytes, never past the end of its function. */
static int read_insn_bytes(unsigned long addr, u8 *buf, size_t *len)
{
	unsigned long size, offset;
	size_t n = DINSN_MAX_LEN;

	int ret;

	if (kallsyms_lookup_size_offset(addr, &size, &offset) && size)
		n = min_t(size_t, n, size - offset);
	/* not while another patcher is half-way through a neighbour */
	mutex_lock(&text_mutex);
	ret = copy_from_kernel_nofault(buf, (void *)addr, n);
	mutex_unlock(&text_mutex);
	if (ret)
		return -EFAULT;
	*len = n;
	return 0;
}

/* Chooses emulation for the branches whose target depends on their address. */
static int classify_branch(struct dprobe_site *site, const struct dinsn *di)
{
	struct dprobe_arch_site *as = &site->arch;

	as->target = dinsn_branch_target(di, site->addr);
	switch (di->branch) {
	case DINSN_BR_JMP:
		as->emul = DPROBE_EMUL_JMP;
		break;
	case DINSN_BR_JCC:
		as->emul = DPROBE_EMUL_JCC;
		as->cc = di->opcode & 0xf;
		break;
	case DINSN_BR_CALL:
		as->emul = DPROBE_EMUL_CALL;
		break;
	case DINSN_BR_LOOP:
		as->emul = di->opcode == 0xe3 ? DPROBE_EMUL_JRCXZ : DPROBE_EMUL_LOOP;
		as->cc = di->opcode;
		/* the counter is %ecx with an address-size prefix */
		as->reg = di->addrsize;
		break;
	case DINSN_BR_CALL_IND:
		/* call *%reg: the target is a register; memory forms are refused. */
		if ((di->modrm >> 6) != 3)
			return -EINVAL;
		as->emul = DPROBE_EMUL_CALL_REG;
		as->reg = gpr_offset[(di->modrm & 7) | ((di->rex & 1) << 3)];
		break;
	case DINSN_BR_JMP_IND:
		as->emul = DPROBE_EMUL_JMP_REG;
		as->reg = gpr_offset[(di->modrm & 7) | ((di->rex & 1) << 3)];
		break;
	case DINSN_BR_RET:
		as->emul = DPROBE_EMUL_RET;
		as->imm = di->opcode == 0xc2 ? (u16)di->imm : 0;
		break;
	default:
		return -EINVAL;
	}
	as->exec = DPROBE_X86_EMULATE;
	return 0;
}

/**
 * dprobe_x86_copy_insn() - copy an instruction to run at another address
 * @di: the decoded instruction
 * @src: its bytes
 * @src_addr: the address it was decoded at
 * @dst: where to write the copy
 * @dst_addr: the address the copy will run at
 *
 * A RIP-relative operand is re-aimed at its original target.  Relative
 * branches are not handled here.
 *
 * Return: 0, or -ERANGE when the operand is out of the copy's reach.
 */
int dprobe_x86_copy_insn(const struct dinsn *di, const u8 *src,
			 unsigned long src_addr, u8 *dst, unsigned long dst_addr)
{
	s64 disp;
	s32 d32;

	memcpy(dst, src, di->len);
	if (!(di->flags & DINSN_F_RIPREL))
		return 0;
	disp = (s64)dinsn_riprel_target(di, src_addr) - (s64)(dst_addr + di->len);
	if (disp != (s32)disp)
		return -ERANGE;
	d32 = disp;
	memcpy(dst + di->disp_off, &d32, sizeof(d32));
	return 0;
}

/* Builds both copies in the slot: boosted (jump back) and stepped (int3). */
static int build_slot(struct dprobe_site *site, const struct dinsn *di)
{
	struct dprobe_arch_site *as = &site->arch;
	u8 buf[DPROBE_SLOT_DETOUR_OFF];
	unsigned long slot, back;
	s64 rel;
	s32 r32;
	int ret;

	as->slot = dprobe_slot_alloc(site);
	if (!as->slot)
		return -ENOMEM;
	slot = (unsigned long)as->slot;
	memset(buf, INT3_INSN_OPCODE, sizeof(buf));

	ret = dprobe_x86_copy_insn(di, as->orig, site->addr, buf, slot);
	if (!ret)
		ret = dprobe_x86_copy_insn(di, as->orig, site->addr,
					   buf + DPROBE_SLOT_STEP_OFF,
					   slot + DPROBE_SLOT_STEP_OFF);
	if (ret)
		goto fail;

	back = slot + di->len + JMP32_INSN_SIZE;
	rel = (s64)(site->addr + di->len) - (s64)back;
	if (rel != (s32)rel) {
		ret = -ERANGE;
		goto fail;
	}
	r32 = rel;
	buf[di->len] = JMP32_INSN_OPCODE;
	memcpy(buf + di->len + 1, &r32, sizeof(r32));

	dprobe_slot_write(as->slot, buf, sizeof(buf));
	as->exec = DPROBE_X86_SLOT;
	return 0;
fail:
	dprobe_slot_free(as->slot);
	as->slot = NULL;
	return ret;
}

/**
 * dprobe_x86_insn_refused() - must this instruction never be probed or moved?
 * @di: the decoded instruction
 *
 * Return: true for breakpoints, traps, BUG() sites, returns from
 * exceptions, far and system branches, transactions, instructions with
 * the emulate prefix, and APX encodings (REX2, EVEX map 4, jmpabs): they
 * may name registers 16-31, which pt_regs and the emulation lack, and no
 * 6.12 kernel is built with them.
 */
bool dprobe_x86_insn_refused(const struct dinsn *di)
{
	if (di->vex_kind == DINSN_REX2 || di->map == DINSN_MAP_EVEX4)
		return true;
	switch (di->branch) {
	case DINSN_BR_INT3:	/* someone else's breakpoint, or padding */
	case DINSN_BR_INT:
	case DINSN_BR_UD:	/* BUG()/WARN() sites: the bug table is by address */
	case DINSN_BR_IRET:
	case DINSN_BR_SYSRET:
	case DINSN_BR_SYSCALL:
	case DINSN_BR_JMP_FAR:
	case DINSN_BR_CALL_FAR:
	case DINSN_BR_RET_FAR:
	case DINSN_BR_XBEGIN:
		return true;
	}
	return di->flags & DINSN_F_EMUL_PREFIX;
}

/**
 * dprobe_arch_prepare() - decide how the instruction at a site executes
 * @site: a new site; @site->addr has passed the engine's address checks
 *	and dprobe_arch_check_boundary()
 *
 * Return: 0, -EILSEQ when the bytes do not decode, -EINVAL when the
 * instruction cannot be probed, -ENOMEM or -ERANGE when no slot fits.
 */
int dprobe_arch_prepare(struct dprobe_site *site)
{
	struct dprobe_arch_site *as = &site->arch;
	struct dinsn di;
	size_t n;
	int ret;

	if (IS_ENABLED(CONFIG_DPROBES_ON_FTRACE) &&
	    ftrace_location(site->addr) == site->addr) {
		as->exec = DPROBE_X86_FTRACE;
		as->len = MCOUNT_INSN_SIZE;
		return copy_from_kernel_nofault(as->orig, (void *)site->addr,
						MCOUNT_INSN_SIZE) ? -EFAULT : 0;
	}

	ret = read_insn_bytes(site->addr, as->orig, &n);
	if (ret)
		return ret;
	if (dinsn_decode(&di, as->orig, n, DINSN_MODE_64))
		return -EILSEQ;
	if (dprobe_x86_insn_refused(&di))
		return -EINVAL;
	/* A fault in the copy could not be fixed up by address. */
	if (search_exception_tables(site->addr))
		return -EINVAL;
	as->len = di.len;
	if (di.flags & DINSN_F_REL || di.branch == DINSN_BR_CALL_IND ||
	    di.branch == DINSN_BR_RET || (di.branch == DINSN_BR_JMP_IND &&
					  (di.modrm >> 6) == 3))
		return classify_branch(site, &di);
	/* jmp *mem: the copy leaves for the target, never for its int3 */
	if (di.branch == DINSN_BR_JMP_IND)
		as->flags |= DPROBE_X86_NO_STEP;
	return build_slot(site, &di);
}

/**
 * dprobe_arch_supports_post() - can post handlers run after the instruction?
 * @site: a prepared site
 *
 * Return: false when the instruction runs out of line and never comes
 * back to the int3 after its copy (jmp through memory).
 */
bool dprobe_arch_supports_post(const struct dprobe_site *site)
{
	return !(site->arch.flags & DPROBE_X86_NO_STEP);
}

/**
 * dprobe_arch_release() - free what dprobe_arch_prepare() allocated
 * @site: a site no task can be executing in any more
 */
void dprobe_arch_release(struct dprobe_site *site)
{
	if (site->arch.slot) {
		dprobe_slot_free(site->arch.slot);
		site->arch.slot = NULL;
	}
}

/**
 * dprobe_arch_arm() - start intercepting the site's instruction
 * @site: a prepared site
 *
 * Return: 0 or a negative error from ftrace.
 */
int dprobe_arch_arm(struct dprobe_site *site)
{
	static const u8 int3 = INT3_INSN_OPCODE;

	if (site->arch.exec == DPROBE_X86_FTRACE)
		return dprobe_ftrace_arm(site);
	mutex_lock(&text_mutex);
	text_poke((void *)site->addr, &int3, INT3_INSN_SIZE);
	text_poke_sync();
	perf_event_text_poke((void *)site->addr, site->arch.orig,
			     INT3_INSN_SIZE, &int3, INT3_INSN_SIZE);
	mutex_unlock(&text_mutex);
	return 0;
}

/**
 * dprobe_arch_disarm() - stop intercepting the site's instruction
 * @site: an armed site
 *
 * The original byte is back when this returns, but other CPUs may still
 * be about to take the old breakpoint until dprobe_arch_disarm_sync().
 */
void dprobe_arch_disarm(struct dprobe_site *site)
{
	static const u8 int3 = INT3_INSN_OPCODE;

	if (site->arch.exec == DPROBE_X86_FTRACE) {
		dprobe_ftrace_disarm(site);
		return;
	}
	mutex_lock(&text_mutex);
	text_poke((void *)site->addr, site->arch.orig, INT3_INSN_SIZE);
	perf_event_text_poke((void *)site->addr, &int3, INT3_INSN_SIZE,
			     site->arch.orig, INT3_INSN_SIZE);
	mutex_unlock(&text_mutex);
}

/**
 * dprobe_arch_disarm_sync() - wait until no CPU can take a removed int3
 *
 * Serialises every CPU; a CPU inside the int3 handler has interrupts off,
 * so when this returns no handler runs for a breakpoint removed before.
 */
void dprobe_arch_disarm_sync(void)
{
	mutex_lock(&text_mutex);
	text_poke_sync();
	mutex_unlock(&text_mutex);
}

/**
 * dprobe_arch_orig_bytes() - put back the original text an armed site hides
 * @site: an armed site
 * @start: address of @buf[0]
 * @buf: a copy of the live text from @start
 * @len: its length
 */
void dprobe_arch_orig_bytes(struct dprobe_site *site, unsigned long start,
			    u8 *buf, size_t len)
{
	const struct dprobe_arch_site *as = &site->arch;
	const u8 *orig = as->orig;
	size_t n = as->exec == DPROBE_X86_FTRACE ? 0 : INT3_INSN_SIZE;
	size_t i;

	if (site->opt == DPROBE_OPT_PATCHED) {
		orig = as->opt_orig;
		n = as->opt_len;
	}
	for (i = 0; i < n; i++) {
		if (site->addr + i >= start && site->addr + i < start + len)
			buf[site->addr + i - start] = orig[i];
	}
}
