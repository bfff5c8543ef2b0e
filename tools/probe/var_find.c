// SPDX-License-Identifier: GPL-2.0
#include "var_find.h"

#include <dwarf.h>
#include <string.h>

#include "func_find.h"

struct var_search {
	Dwarf_Addr addr;
	const char *name;
	Dwarf_Die *out;
	bool found;
};

static bool is_var(int tag)
{
	return tag == DW_TAG_variable || tag == DW_TAG_formal_parameter;
}

static int visit_var(Dwarf_Die *die, void *data)
{
	struct var_search *s = data;
	int tag = dwarf_tag(die);
	const char *n;

	if (is_var(tag)) {
		n = dwarf_diename(die);
		if (n && !strcmp(n, s->name)) {
			*s->out = *die;
			s->found = true;
			return WALK_STOP;
		}
		return WALK_SKIP;
	}
	if ((tag == DW_TAG_lexical_block || tag == DW_TAG_inlined_subroutine) &&
	    dwarf_haspc(die, s->addr) == 1)
		return WALK_DESCEND;
	return WALK_SKIP;
}

bool var_find(Dwarf_Die *scope, Dwarf_Addr addr, const char *name,
	      Dwarf_Die *out)
{
	struct var_search s = { addr, name, out, false };
	Dwarf_Die cu, child;

	die_walk(scope, visit_var, &s);
	if (s.found)
		return true;
	if (!dwarf_diecu(scope, &cu, NULL, NULL) || dwarf_child(&cu, &child))
		return false;
	do {
		const char *n;

		if (dwarf_tag(&child) != DW_TAG_variable)
			continue;
		n = dwarf_diename(&child);
		if (n && !strcmp(n, name) && dwarf_hasattr(&child, DW_AT_location)) {
			*out = child;
			return true;
		}
	} while (dwarf_siblingof(&child, &child) == 0);
	return false;
}

struct var_list {
	Dwarf_Addr addr;
	bool params_only;
	void (*fn)(Dwarf_Die *var, void *data);
	void *data;
};

/*
 * perf's $vars/$params walk: every parameter (and local) among the children,
 * descending into any child that covers the address, nested inlined code
 * included.
 */
static int visit_each(Dwarf_Die *die, void *data)
{
	struct var_list *l = data;
	int tag = dwarf_tag(die);

	if ((tag == DW_TAG_formal_parameter ||
	     (tag == DW_TAG_variable && !l->params_only)) && dwarf_diename(die))
		l->fn(die, l->data);
	return dwarf_haspc(die, l->addr) == 1 ? WALK_DESCEND : WALK_SKIP;
}

void var_each(Dwarf_Die *scope, Dwarf_Addr addr, bool params_only,
	      void (*fn)(Dwarf_Die *var, void *data), void *data)
{
	struct var_list l = { addr, params_only, fn, data };

	die_walk(scope, visit_each, &l);
}

void var_each_global(Dwarf_Die *cu, void (*fn)(Dwarf_Die *var, void *data),
		     void *data)
{
	Dwarf_Die child;

	if (dwarf_child(cu, &child))
		return;
	do {
		if (dwarf_tag(&child) == DW_TAG_variable &&
		    dwarf_diename(&child) &&
		    dwarf_hasattr(&child, DW_AT_location))
			fn(&child, data);
	} while (dwarf_siblingof(&child, &child) == 0);
}
