/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An ELF file with DWARF, opened offline through libdwfl: a vmlinux, a
 * module, or any program (the host tests use fixtures). Addresses in this
 * program are link-time DWARF addresses; the dwfl bias is applied here only.
 */
#ifndef PROBE_DEBUGINFO_H
#define PROBE_DEBUGINFO_H

#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "sym_ranges.h"

struct func_index;

struct sym_name;

struct debuginfo {
	char *path;
	Dwfl *dwfl;
	Dwfl_Module *mod;
	Dwarf *dw;
	Dwarf_Addr bias;
	Dwarf_CFI *cfi_eh;	/* .eh_frame, may be NULL */
	Dwarf_CFI *cfi_dbg;	/* .debug_frame, may be NULL */
	bool cfi_loaded;
	struct func_index *fidx[2];	/* see func_index.h; opened on demand */
	bool fidx_tried[2];
	struct sym_name *syms;	/* symbol names and counts, built on demand */
	struct sym_ranges ranges;	/* address to symbol, built on demand */
	bool ranges_built;
	size_t nsyms_cap;
	bool no_dwarf;	/* symbol table only: @dw is NULL */
	bool running_kernel;	/* no ELF: /proc/kallsyms and /sys/kernel/btf */
	bool user;	/* a user-space program or library (-x): uprobes */
	/*
	 * per symbol-table index: the name without its "@VERSION", copied
	 * once; NULL for unversioned ones
	 */
	char **plain;
	int nplain;
	char **names;	/* the same for names libdwfl gives without an index */
	size_t nnames;
};

int debuginfo_open(struct debuginfo *di, const char *path,
		   struct probe_error *err);
/* The same, but an ELF without DWARF opens too (no_dwarf set). */
int debuginfo_open_symbols(struct debuginfo *di, const char *path,
			   struct probe_error *err);
void debuginfo_close(struct debuginfo *di);

/* Hex build-id into @buf (at least 41 bytes); -1 when there is none. */
int debuginfo_build_id(struct debuginfo *di, char *buf, size_t size);

/* The function symbol containing @addr and the offset into it. */
int debuginfo_addr_symbol(struct debuginfo *di, Dwarf_Addr addr,
			  const char **name, unsigned long *offset);
/* The address of the function symbol @name; -1 when absent. */
int debuginfo_symbol_addr(struct debuginfo *di, const char *name,
			  Dwarf_Addr *addr);
/*
 * How many symbols (of any kind kallsyms lists) are named @name; the
 * first one's address goes to @first when not NULL.
 */
int debuginfo_symbol_count(struct debuginfo *di, const char *name,
			   Dwarf_Addr *first);
/*
 * Where the code at link-time address @addr lies in the file (a uprobe's
 * offset), through the loadable segment that holds it; -1 when none does.
 */
int debuginfo_file_offset(struct debuginfo *di, Dwarf_Addr addr,
			  uint64_t *offset);
/* The reverse: the link-time address of file offset @offset in a segment. */
int debuginfo_offset_addr(struct debuginfo *di, uint64_t offset,
			  Dwarf_Addr *addr);
/* Name of the allocated ELF section holding @addr, or NULL. */
const char *debuginfo_section_of(struct debuginfo *di, Dwarf_Addr addr);
/*
 * Is @name a GNU indirect function (STT_GNU_IFUNC)? Its address is the
 * resolver that picks an implementation once, at load time.
 */
bool debuginfo_symbol_is_ifunc(struct debuginfo *di, const char *name);
/*
 * Calls @fn for every function symbol; stops when it returns non-zero.
 * Names come without a symbol version ("fopen", not "fopen@@GLIBC_2.2.5")
 * and live as long as @di.
 */
int debuginfo_for_each_function(struct debuginfo *di,
				int (*fn)(const char *name, Dwarf_Addr addr,
					  void *data),
				void *data);

/*
 * Index @kind (enum index_kind: 0 functions, 1 files), or NULL: then every
 * unit must be walked.
 */
struct func_index *debuginfo_index(struct debuginfo *di, int kind);

/* Frame information for DW_OP_call_frame_cfa. */
Dwarf_CFI *debuginfo_cfi(struct debuginfo *di, bool eh);

/* Iterates compile units: *@cu is set; returns 1 at the end. */
int debuginfo_next_cu(struct debuginfo *di, Dwarf_Off *off, Dwarf_Die *cu);

#endif
