/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fetch programs of dprobe events: the compiled form of one fetch
 * argument, the argument types, and the executor that runs a program
 * against the registers of a probe hit.
 *
 * This header and the files implementing it build both in the kernel and
 * in the host unit tests (tools/testing/dprobe_events/), which supply
 * userspace versions of the few kernel headers used here.
 */
#ifndef _KERNEL_TRACE_DPEV_FETCH_H
#define _KERNEL_TRACE_DPEV_FETCH_H

#include <linux/types.h>
#include <linux/seq_buf.h>

struct pt_regs;

/*
 * Size of one fetch program, its terminating op included. The budget is
 * the ABI's (at most about 12 nested dereferences), so that the same
 * definitions are accepted and refused as on upstream kernels.
 */
#define DPEV_FETCH_MAX_OPS	16
/* Longest string a string fetch stores, terminating NUL included. */
#define DPEV_MAX_STRING	4096
/* Elements of an array argument. */
#define DPEV_MAX_ARRAY	64

/**
 * enum dpev_fetch_opcode - one step of a fetch program
 * @DPEV_OP_END: end of the program
 * @DPEV_OP_REG: source: the pt_regs word at byte offset @param
 * @DPEV_OP_STACK: source: kernel stack slot @param
 * @DPEV_OP_ARG: source: function argument @param (from 0) at entry,
 *	where the architecture's calling convention puts it
 * @DPEV_OP_STACKP: source: the stack pointer
 * @DPEV_OP_RETVAL: source: the return value register
 * @DPEV_OP_COMM: source: the address of current->comm
 * @DPEV_OP_ENTRY: source: word @param of the data saved at entry
 * @DPEV_OP_IMM: source: @imm
 * @DPEV_OP_DATA: source: the address of the immediate string @data
 * @DPEV_OP_SYMBOL: source: @imm, the address of symbol @data once
 *	dpev_def_resolve() has run
 * @DPEV_OP_DEREF: value = *(value + @offset), kernel memory
 * @DPEV_OP_UDEREF: value = *(value + @offset), user memory
 * @DPEV_OP_ST_RAW: store the value itself, @size bytes
 * @DPEV_OP_ST_MEM: store @size bytes of kernel memory at value + @offset
 * @DPEV_OP_ST_UMEM: store @size bytes of user memory at value + @offset
 * @DPEV_OP_ST_STRING: store the kernel string at value + @offset as a
 *	__data_loc
 * @DPEV_OP_ST_USTRING: store the user string at value + @offset
 * @DPEV_OP_ST_SYMSTR: store "sym+off/size" of value + @offset
 * @DPEV_OP_BITFIELD: keep bits of the stored value: << @lshift, >> @rshift
 *	within a container of @size bytes
 * @DPEV_OP_ARRAY: repeat the store for @param elements
 *
 * A program is: one source op, zero or more dereferences, one store op,
 * then an optional BITFIELD, an optional ARRAY, and END. In an array of
 * strings the last dereference is kept before the store: element i reads
 * the pointer i words after the first.
 */
enum dpev_fetch_opcode {
	DPEV_OP_END = 0,
	DPEV_OP_REG,
	DPEV_OP_STACK,
	DPEV_OP_STACKP,
	DPEV_OP_ARG,
	DPEV_OP_RETVAL,
	DPEV_OP_COMM,
	DPEV_OP_ENTRY,
	DPEV_OP_IMM,
	DPEV_OP_DATA,
	DPEV_OP_SYMBOL,
	DPEV_OP_DEREF,
	DPEV_OP_UDEREF,
	DPEV_OP_ST_RAW,
	DPEV_OP_ST_MEM,
	DPEV_OP_ST_UMEM,
	DPEV_OP_ST_STRING,
	DPEV_OP_ST_USTRING,
	DPEV_OP_ST_SYMSTR,
	DPEV_OP_BITFIELD,
	DPEV_OP_ARRAY,
};

/**
 * struct dpev_fetch_op - one instruction of a fetch program
 * @op: what to do
 * @size: bytes stored by a store op, container size for BITFIELD
 * @lshift: BITFIELD: left shift that drops the bits above the field
 * @rshift: BITFIELD: right shift that drops the bits below the field
 * @param: register offset, stack slot, entry slot or array length
 * @offset: signed displacement of dereferences and memory stores
 * @imm: immediate value, or the resolved address of a symbol
 * @data: immediate string (DATA) or symbol name (SYMBOL); owned
 */
struct dpev_fetch_op {
	u8 op;
	u8 size;
	u8 lshift;
	u8 rshift;
	unsigned int param;
	long offset;
	unsigned long imm;
	char *data;
};

/**
 * enum dpev_type_kind - how a stored value is printed
 * @DPEV_KIND_UNSIGNED: decimal
 * @DPEV_KIND_SIGNED: signed decimal
 * @DPEV_KIND_HEX: hexadecimal with 0x
 * @DPEV_KIND_CHAR: a character in single quotes
 * @DPEV_KIND_SYMBOL: symbol+offset/size
 * @DPEV_KIND_STRING: a __data_loc string in double quotes (string,
 *	ustring and symstr)
 */
enum dpev_type_kind {
	DPEV_KIND_UNSIGNED,
	DPEV_KIND_SIGNED,
	DPEV_KIND_HEX,
	DPEV_KIND_CHAR,
	DPEV_KIND_SYMBOL,
	DPEV_KIND_STRING,
};

/**
 * struct dpev_type - an argument type as the user writes it
 * @name: type name in definitions ("u32", "x8", "string", ...)
 * @field_type: type name in the event's format file
 * @print_fmt: printf conversion used in the event's print fmt
 * @size: bytes in the record (4 for a __data_loc string)
 * @is_signed: field is signed
 * @kind: how a value is printed
 */
struct dpev_type {
	const char *name;
	const char *field_type;
	const char *print_fmt;
	u8 size;
	bool is_signed;
	u8 kind;
};

/**
 * dpev_find_type() - look a type name up
 * @name: type text, e.g. "u16", "string", or a bitfield "b4@3/32"
 *
 * A bitfield maps to the unsigned type of its container; the bit width and
 * offset are checked later, when the program is built.
 *
 * Return: the type, or NULL if @name is not a type.
 */
const struct dpev_type *dpev_find_type(const char *name);

/**
 * dpev_default_type() - the type of an argument written without one
 *
 * Return: x64 (x32 on 32-bit kernels).
 */
const struct dpev_type *dpev_default_type(void);

/**
 * dpev_string_type() - the "string" type
 *
 * Return: the type used for $comm and immediate strings.
 */
const struct dpev_type *dpev_string_type(void);

/**
 * dpev_type_is_string() - does the type store a __data_loc string
 * @t: the type
 *
 * Return: true for string, ustring and symstr.
 */
static inline bool dpev_type_is_string(const struct dpev_type *t)
{
	return t->kind == DPEV_KIND_STRING;
}

/**
 * dpev_print_value() - print one stored value as in the trace
 * @s: output
 * @t: the value's type
 * @field: the value inside the record
 * @rec: the start of the record (for __data_loc strings)
 * @rec_len: bytes of the record, to bound __data_loc strings
 *
 * Numbers use the type's print fmt ("0x%x", "%d", ...), a char is quoted
 * with single quotes, a string with double quotes; a string whose fetch
 * failed prints "(fault)".
 */
void dpev_print_value(struct seq_buf *s, const struct dpev_type *t,
		      const void *field, const void *rec,
		      unsigned int rec_len);

/* A __data_loc word: length in the high 16 bits, record offset below. */
static inline u32 dpev_data_loc(unsigned int len, unsigned int offs)
{
	return ((u32)len << 16) | (offs & 0xffff);
}

static inline unsigned int dpev_data_loc_len(u32 loc)
{
	return loc >> 16;
}

static inline unsigned int dpev_data_loc_offs(u32 loc)
{
	return loc & 0xffff;
}

/**
 * struct dpev_fetch_ctx - what one probe hit gives the programs
 * @regs: registers at the probe hit
 * @entry: data saved at function entry, for $argN of return probes
 */
struct dpev_fetch_ctx {
	struct pt_regs *regs;
	const unsigned long *entry;
};

/**
 * dpev_fetch_dynamic_len() - bytes of string data one program stores
 * @prog: program ending with END
 * @ctx: the probe hit
 *
 * This is the first pass: the record is reserved with the sum over all
 * arguments of this length (bounded by the caller) after the fixed part.
 *
 * Return: bytes needed (terminating NULs included), 0 when the program
 * stores no string or every read faulted.
 */
unsigned int dpev_fetch_dynamic_len(const struct dpev_fetch_op *prog,
				    const struct dpev_fetch_ctx *ctx);

/**
 * dpev_fetch_store() - run a program and store its value
 * @prog: program ending with END
 * @ctx: the probe hit
 * @field: where the argument's fixed part goes in the record
 * @rec: the start of the record, the base of __data_loc offsets
 * @dyn: where this argument's string data may go
 * @dyn_len: bytes available at @dyn
 *
 * Memory is only read through the fault-tolerant copy helpers. A faulting
 * read stores zero for numbers and an empty __data_loc (printed as
 * "(fault)") for strings.
 *
 * Return: bytes of string data written at @dyn.
 */
unsigned int dpev_fetch_store(const struct dpev_fetch_op *prog,
			      const struct dpev_fetch_ctx *ctx,
			      void *field, void *rec, void *dyn,
			      unsigned int dyn_len);

/**
 * dpev_save_entry_args() - save $argN values at function entry
 * @args: 0-based argument numbers (a definition's entry_args)
 * @nr: how many
 * @regs: registers at the function entry
 * @buf: @nr words, in the order of @args
 */
void dpev_save_entry_args(const unsigned int *args, unsigned int nr,
			  struct pt_regs *regs, unsigned long *buf);

#endif /* _KERNEL_TRACE_DPEV_FETCH_H */
