// SPDX-License-Identifier: GPL-2.0
/*
 * dinsn: is an address an instruction boundary of its function?
 *
 * Decodes from the start of the function (found with kallsyms) up to the
 * address.  Bytes that are int3 because a probe patched them are read
 * through the caller's callback, so already-probed functions decode as
 * they were built.  Kernel only.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/minmax.h>
#include <linux/uaccess.h>

#include "dinsn_tables.h"

/**
 * dinsn_check_boundary() - does an instruction of its function start at @addr?
 * @addr: a kernel text address
 * @orig_byte: returns the original byte under a breakpoint at an address,
 *	or 0xCC when the int3 is really there; NULL if no byte is patched
 *
 * Return: 0 when @addr starts an instruction; -EILSEQ when it falls inside
 * one; -ENOENT when no function contains @addr; -EFAULT when the text
 * cannot be read; -EINVAL when the function does not decode up to @addr.
 */
int dinsn_check_boundary(unsigned long addr, dinsn_orig_byte_t orig_byte)
{
	unsigned long size, offset, start, end, pos;
	u8 buf[DINSN_MAX_LEN];
	struct dinsn di;
	size_t n, i;

	if (!kallsyms_lookup_size_offset(addr, &size, &offset))
		return -ENOENT;
	start = addr - offset;
	end = start + size;
	for (pos = start; pos < addr; pos += di.len) {
		n = min_t(size_t, DINSN_MAX_LEN, end - pos);
		if (copy_from_kernel_nofault(buf, (void *)pos, n))
			return -EFAULT;
		for (i = 0; orig_byte && i < n; i++) {
			if (buf[i] == 0xcc)
				buf[i] = orig_byte(pos + i);
		}
		if (dinsn_decode(&di, buf, n, DINSN_MODE_64))
			return -EINVAL;
	}
	return pos == addr ? 0 : -EILSEQ;
}
EXPORT_SYMBOL_GPL(dinsn_check_boundary);
