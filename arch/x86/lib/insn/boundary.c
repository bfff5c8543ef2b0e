// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: is an address an instruction boundary of its function?
 *
 * Decodes from the start of the function kallsyms places @addr in, one
 * instruction at a time, until it reaches or passes @addr.  Kernel only.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/minmax.h>
#include <linux/uaccess.h>
#include <asm/dinsn.h>

/**
 * dinsn_check_boundary() - check that @addr starts an instruction
 * @addr: kernel or module text address
 * @orig_byte: optional; called for every 0xCC byte met on the way and
 *	returns the byte that was there before a breakpoint replaced it
 *	(probes on other instructions of the function), or 0xCC for a real
 *	int3.  With NULL, 0xCC bytes are decoded as int3, so a foreign
 *	breakpoint inside the function makes the walk fail.
 *
 * The function is the kallsyms symbol containing @addr; its end is the
 * next symbol.  Instructions are read with copy_from_kernel_nofault().
 *
 * Return: 0 if @addr is an instruction boundary (the function start
 * included); -EILSEQ if it lies inside an instruction; -ENOENT if kallsyms
 * knows no symbol for @addr; -ENOEXEC if the bytes from the function start
 * do not decode (data in text, an instruction running past the next
 * symbol); -EFAULT if the text cannot be read.
 */
int dinsn_check_boundary(unsigned long addr, dinsn_orig_byte_t orig_byte)
{
	unsigned long size, offset, pc, end;
	u8 buf[DINSN_UNIT_MAX_LEN];
	struct dinsn di;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset))
		return -ENOENT;
	pc = addr - offset;
	end = pc + size;
	while (pc < addr) {
		size_t n = min_t(unsigned long, sizeof(buf), end - pc);
		size_t i;

		if (copy_from_kernel_nofault(buf, (void *)pc, n))
			return -EFAULT;
		if (orig_byte) {
			for (i = 0; i < n; i++)
				if (buf[i] == 0xcc)
					buf[i] = orig_byte(pc + i);
		}
		if (dinsn_decode(&di, buf, n, DINSN_MODE_64))
			return -ENOEXEC;
		pc += di.len;
	}
	return pc == addr ? 0 : -EILSEQ;
}
EXPORT_SYMBOL_GPL(dinsn_check_boundary);
