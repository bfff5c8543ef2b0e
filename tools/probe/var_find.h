/* SPDX-License-Identifier: GPL-2.0 */
/* Variables visible at a probe address. */
#ifndef PROBE_VAR_FIND_H
#define PROBE_VAR_FIND_H

#include <elfutils/libdw.h>
#include <stdbool.h>

/*
 * Finds @name among the parameters and locals of @scope (a function or an
 * inlined instance), looking into nested blocks and inlined code that cover
 * @addr, then among the compile unit's globals.
 */
bool var_find(Dwarf_Die *scope, Dwarf_Addr addr, const char *name,
	      Dwarf_Die *out);

/*
 * Calls @fn for each parameter (and local unless @params_only) of @scope and
 * of the blocks and inlined code in it that cover @addr.
 */
void var_each(Dwarf_Die *scope, Dwarf_Addr addr, bool params_only,
	      void (*fn)(Dwarf_Die *var, void *data), void *data);

/* Globals of @cu with a static address. */
void var_each_global(Dwarf_Die *cu, void (*fn)(Dwarf_Die *var, void *data),
		     void *data);

#endif
