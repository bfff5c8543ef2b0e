// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: a function's code as the compiler emitted it.
 *
 * The boundary check and the jump optimizer decode whole functions.  The
 * live text may hold our breakpoints and jumps, so they work on a copy
 * in which every armed site's bytes are put back.
 */
#include <linux/kallsyms.h>
#include <linux/memory.h>
#include <linux/slab.h>

#include "dprobe_x86.h"

/**
 * dprobe_func_text_get() - copy the function containing @addr
 * @addr: a kernel or module text address
 * @ft: filled in; release with dprobe_func_text_put()
 *
 * Called under dprobe_mutex and dprobe_text_lock(), so that no other
 * patcher is half-way through an instruction of the copy.  The
 * function's bounds come from kallsyms (its end is the next symbol).
 *
 * Return: 0; -ENOENT when kallsyms knows no symbol for @addr; -ENOMEM;
 * -EFAULT when the text cannot be read.
 */
int dprobe_func_text_get(unsigned long addr, struct dprobe_func_text *ft)
{
	unsigned long size, offset;
	int ret;

	dprobe_lockdep_assert_held();
	lockdep_assert_held(&text_mutex);
	if (!kallsyms_lookup_size_offset(addr, &size, &offset) || !size)
		return -ENOENT;
	ft->start = addr - offset;
	ft->size = size;
	ft->buf = kvmalloc(size, GFP_KERNEL);
	if (!ft->buf)
		return -ENOMEM;
	ret = dprobe_copy_orig_text(ft->start, ft->buf, size);
	if (ret)
		dprobe_func_text_put(ft);
	return ret;
}

/**
 * dprobe_func_text_put() - free a copy from dprobe_func_text_get()
 * @ft: the copy
 */
void dprobe_func_text_put(struct dprobe_func_text *ft)
{
	kvfree(ft->buf);
	ft->buf = NULL;
}

/**
 * dprobe_func_text_decode() - decode the instruction at an offset
 * @ft: a function copy
 * @off: byte offset into it
 * @di: the decoded instruction
 *
 * Return: 0, or -ENOEXEC when the bytes there do not decode within the
 * function.
 */
int dprobe_func_text_decode(const struct dprobe_func_text *ft, size_t off,
			    struct dinsn *di)
{
	if (off >= ft->size ||
	    dinsn_decode(di, ft->buf + off, ft->size - off, DINSN_MODE_64))
		return -ENOEXEC;
	return 0;
}

/**
 * dprobe_arch_check_boundary() - is @addr an instruction boundary?
 * @addr: a kernel or module text address; called under dprobe_mutex
 *	and dprobe_text_lock()
 *
 * Decodes the function from its start, through our own probes.
 *
 * Return: 0 if it is; -EILSEQ if @addr lies inside an instruction;
 * -ENOENT, -ENOEXEC, -ENOMEM or -EFAULT when the function cannot be
 * read or decoded.
 */
int dprobe_arch_check_boundary(unsigned long addr)
{
	struct dprobe_func_text ft;
	struct dinsn di;
	size_t off = 0;
	int ret;

	dprobe_lockdep_assert_held();
	lockdep_assert_held(&text_mutex);

	ret = dprobe_func_text_get(addr, &ft);
	if (ret)
		return ret;
	while (ft.start + off < addr) {
		ret = dprobe_func_text_decode(&ft, off, &di);
		if (ret)
			break;
		off += di.len;
	}
	if (!ret && ft.start + off != addr)
		ret = -EILSEQ;
	dprobe_func_text_put(&ft);
	return ret;
}
