/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake address space and symbol table for the host tests: the nofault
 * accessors of host_compat.h read only inside mapped regions.
 */
#ifndef DPROBE_FAKE_MEM_H
#define DPROBE_FAKE_MEM_H

#include <stdbool.h>

void fake_mem_reset(void);
/* Map @size bytes of @data at fake address @addr, kernel or user. */
void fake_mem_map(unsigned long addr, const void *data, unsigned long size,
		  bool user);
/* Name @addr..@addr+@size as symbol @name (for sprint_symbol). */
void fake_sym_add(const char *name, unsigned long addr, unsigned long size);
unsigned long fake_sym_lookup(const char *name);

#endif
