// SPDX-License-Identifier: GPL-2.0
/*
 * Fetch program executor of dprobe events: runs a compiled argument
 * against the registers of a probe hit and stores its value in the event
 * record. Memory is read only through the fault-tolerant copy helpers; a
 * faulting read stores zero, or an empty string that prints "(fault)".
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>

#include "dpev_fetch.h"

/* Where the loads of a program got to. */
struct fetch_state {
	unsigned long val;
	const struct dpev_fetch_op *store;
	const struct dpev_fetch_op *deref;	/* last dereference run */
	unsigned long deref_base;		/* its input value */
	bool faulted;
	bool own_string;	/* $comm or an immediate string */
};

static bool read_word(bool user, unsigned long addr, unsigned long *val)
{
	if (user)
		return !copy_from_user_nofault(val, (const void __user *)addr,
					       sizeof(*val));
	return !copy_from_kernel_nofault(val, (const void *)addr, sizeof(*val));
}

static unsigned long fetch_source(const struct dpev_fetch_op *o,
				  const struct dpev_fetch_ctx *ctx)
{
	struct pt_regs *regs = ctx->regs;

	switch (o->op) {
	case DPEV_OP_REG:
		return *(unsigned long *)((u8 *)regs + o->param);
	case DPEV_OP_STACK:
		return regs_get_kernel_stack_nth(regs, o->param);
	case DPEV_OP_STACKP:
		return kernel_stack_pointer(regs);
	case DPEV_OP_ARG:
		return regs_get_kernel_argument(regs, o->param);
	case DPEV_OP_RETVAL:
		return regs_return_value(regs);
	case DPEV_OP_COMM:
		return (unsigned long)current->comm;
	case DPEV_OP_ENTRY:
		return ctx->entry ? ctx->entry[o->param] : 0;
	case DPEV_OP_DATA:
		return (unsigned long)o->data;
	}
	return o->imm;	/* IMM, and SYMBOL once resolved */
}

/* Run the source and the dereferences; stop at the store op. */
static void run_loads(const struct dpev_fetch_op *prog,
		      const struct dpev_fetch_ctx *ctx,
		      struct fetch_state *st)
{
	const struct dpev_fetch_op *o = prog;

	st->faulted = false;
	st->deref = NULL;
	st->own_string = o->op == DPEV_OP_COMM || o->op == DPEV_OP_DATA;
	st->val = fetch_source(o++, ctx);
	for (; o->op == DPEV_OP_DEREF || o->op == DPEV_OP_UDEREF; o++) {
		st->deref = o;
		st->deref_base = st->val;
		if (!st->faulted &&
		    !read_word(o->op == DPEV_OP_UDEREF, st->val + o->offset,
			       &st->val))
			st->faulted = true;
	}
	st->store = o;
}

static unsigned int array_count(const struct fetch_state *st)
{
	const struct dpev_fetch_op *o = st->store + 1;

	if (o->op == DPEV_OP_BITFIELD)
		o++;
	return o->op == DPEV_OP_ARRAY ? o->param : 1;
}

static bool is_string_store(u8 op)
{
	return op == DPEV_OP_ST_STRING || op == DPEV_OP_ST_USTRING ||
	       op == DPEV_OP_ST_SYMSTR;
}

/*
 * Address of string @i: element 0 is the loaded value; later elements are
 * the next pointers beside the one the last dereference read.
 */
static bool string_addr(const struct fetch_state *st, unsigned int i,
			unsigned long *addr)
{
	const struct dpev_fetch_op *d = st->deref;

	if (st->faulted)
		return false;
	if (!i) {
		*addr = st->val + st->store->offset;
		return true;
	}
	if (!d) {
		*addr = st->val + i * sizeof(long);
		return true;
	}
	if (!read_word(d->op == DPEV_OP_UDEREF,
		       st->deref_base + d->offset + i * sizeof(long), addr))
		return false;
	*addr += st->store->offset;
	return true;
}

static unsigned int kernel_strlen(unsigned long addr)
{
	unsigned int len;
	char c;

	for (len = 0; len < DPEV_MAX_STRING; len++) {
		if (copy_from_kernel_nofault(&c, (const void *)(addr + len), 1))
			return 0;
		if (!c)
			return len + 1;
	}
	return DPEV_MAX_STRING;
}

/*
 * "sym+off/size" of @addr into @dst (@room bytes, @room > 0); returns its
 * bytes with the NUL, or the length it needs when @dst is NULL.  Kept out
 * of line: its buffer would be zeroed on every string fetch otherwise
 * (the kernel initialises automatic variables).
 */
static noinline unsigned int symstr(unsigned long addr, char *dst,
				    unsigned int room)
{
	char sym[KSYM_SYMBOL_LEN];
	long n = sprint_symbol(sym, addr);

	if (!dst)
		return n + 1;
	n = strscpy(dst, sym, room);
	return n < 0 ? room : n + 1;
}

static unsigned int string_len(u8 op, unsigned long addr)
{
	long n;

	switch (op) {
	case DPEV_OP_ST_USTRING:
		n = strnlen_user_nofault((const void __user *)addr,
					 DPEV_MAX_STRING);
		return n > DPEV_MAX_STRING ? DPEV_MAX_STRING : n;
	case DPEV_OP_ST_SYMSTR:
		return symstr(addr, NULL, 0);
	}
	return kernel_strlen(addr);
}

/*
 * $comm and immediate strings are kernel memory that cannot fault; they
 * are read directly, bounded by their buffer.
 */
static unsigned int own_string_len(const struct fetch_state *st)
{
	size_t max = (const char *)st->val == current->comm ?
		     sizeof(current->comm) - 1 : DPEV_MAX_STRING - 1;

	return strnlen((const char *)st->val, max) + 1;
}

unsigned int dpev_fetch_dynamic_len(const struct dpev_fetch_op *prog,
				    const struct dpev_fetch_ctx *ctx)
{
	const struct dpev_fetch_op *o = prog + 1;
	struct fetch_state st;
	unsigned int i, n, total = 0;
	unsigned long addr;

	/* Only strings have dynamic data: skip the loads of anything else. */
	while (o->op == DPEV_OP_DEREF || o->op == DPEV_OP_UDEREF)
		o++;
	if (!is_string_store(o->op))
		return 0;
	run_loads(prog, ctx, &st);
	if (st.own_string)
		return own_string_len(&st);
	n = array_count(&st);
	for (i = 0; i < n; i++)
		if (string_addr(&st, i, &addr))
			total += string_len(st.store->op, addr);
	return total;
}

/* Copy string @i to @dst; return its bytes with the NUL, 0 on a fault. */
static unsigned int copy_string(const struct fetch_state *st, unsigned int i,
				char *dst, unsigned int room)
{
	unsigned long addr;
	long n;

	if (!room)
		return 0;
	if (st->own_string) {
		n = min(own_string_len(st), room);
		memcpy(dst, (const char *)st->val, n - 1);
		dst[n - 1] = '\0';
		return n;
	}
	if (!string_addr(st, i, &addr))
		return 0;
	room = min_t(unsigned int, room, DPEV_MAX_STRING);
	switch (st->store->op) {
	case DPEV_OP_ST_USTRING:
		n = strncpy_from_user_nofault(dst, (const void __user *)addr,
					      room);
		break;
	case DPEV_OP_ST_SYMSTR:
		n = symstr(addr, dst, room);
		break;
	default:
		n = strncpy_from_kernel_nofault(dst, (const void *)addr, room);
		break;
	}
	return n > 0 ? n : 0;
}

/* Record fields are packed, so they may be unaligned. */
static void store_raw(void *dst, unsigned int size, u64 val)
{
	switch (size) {
	case 1:
		*(u8 *)dst = val;
		break;
	case 2:
		put_unaligned((u16)val, (u16 *)dst);
		break;
	case 4:
		put_unaligned((u32)val, (u32 *)dst);
		break;
	default:
		put_unaligned(val, (u64 *)dst);
		break;
	}
}

static void apply_bitfield(const struct dpev_fetch_op *bf, void *dst)
{
	u64 v;

	switch (bf->size) {
	case 1:
		v = *(u8 *)dst;
		break;
	case 2:
		v = get_unaligned((u16 *)dst);
		break;
	case 4:
		v = get_unaligned((u32 *)dst);
		break;
	default:
		v = get_unaligned((u64 *)dst);
		break;
	}
	/* Shift within the container's width, not within 64 bits. */
	v <<= 64 - bf->size * 8 + bf->lshift;
	v >>= 64 - bf->size * 8 + bf->rshift;
	store_raw(dst, bf->size, v);
}

/* Store scalar element @i of a memory load, zero when it faults. */
static void store_mem(const struct fetch_state *st, unsigned int i, void *dst)
{
	const struct dpev_fetch_op *o = st->store;
	unsigned long addr = st->val + o->offset + i * o->size;
	long ret = -EFAULT;

	if (!st->faulted) {
		if (o->op == DPEV_OP_ST_UMEM)
			ret = copy_from_user_nofault(dst,
						     (const void __user *)addr,
						     o->size);
		else
			ret = copy_from_kernel_nofault(dst, (const void *)addr,
						       o->size);
	}
	if (ret)
		memset(dst, 0, o->size);
}

unsigned int dpev_fetch_store(const struct dpev_fetch_op *prog,
			      const struct dpev_fetch_ctx *ctx,
			      void *field, void *rec, void *dyn,
			      unsigned int dyn_len)
{
	const struct dpev_fetch_op *bf;
	unsigned int i, n, len, used = 0;
	struct fetch_state st;
	u8 *dst = field;

	run_loads(prog, ctx, &st);
	bf = st.store[1].op == DPEV_OP_BITFIELD ? &st.store[1] : NULL;
	n = array_count(&st);
	for (i = 0; i < n; i++, dst += st.store->size) {
		switch (st.store->op) {
		case DPEV_OP_ST_RAW:
			store_raw(dst, st.store->size, st.val);
			break;
		case DPEV_OP_ST_MEM:
		case DPEV_OP_ST_UMEM:
			store_mem(&st, i, dst);
			break;
		default:
			len = copy_string(&st, i, (char *)dyn + used,
					  dyn_len - used);
			put_unaligned(dpev_data_loc(len, (u8 *)dyn + used -
						    (u8 *)rec), (u32 *)dst);
			used += len;
			continue;
		}
		if (bf)
			apply_bitfield(bf, dst);
	}
	return used;
}

void dpev_save_entry_args(const unsigned int *args, unsigned int nr,
			  struct pt_regs *regs, unsigned long *buf)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		buf[i] = regs_get_kernel_argument(regs, args[i]);
}
