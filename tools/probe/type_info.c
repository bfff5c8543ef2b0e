// SPDX-License-Identifier: GPL-2.0
#include "type_info.h"

#include <dwarf.h>
#include <string.h>

#include "strbuf.h"

static bool is_transparent(int tag)
{
	return tag == DW_TAG_typedef || tag == DW_TAG_const_type ||
	       tag == DW_TAG_volatile_type || tag == DW_TAG_restrict_type ||
	       tag == DW_TAG_atomic_type;
}

static Dwarf_Die *raw_type(Dwarf_Die *die, Dwarf_Die *mem)
{
	Dwarf_Attribute attr;

	if (!dwarf_attr_integrate(die, DW_AT_type, &attr))
		return NULL;
	return dwarf_formref_die(&attr, mem);
}

Dwarf_Die *type_strip(Dwarf_Die *type, Dwarf_Die *mem)
{
	int depth = 0;

	if (type != mem)
		*mem = *type;
	while (is_transparent(dwarf_tag(mem)) && depth++ < 64)
		if (!raw_type(mem, mem))
			return NULL;	/* e.g. "const void" */
	return mem;
}

Dwarf_Die *type_of(Dwarf_Die *die, Dwarf_Die *mem)
{
	if (!raw_type(die, mem))
		return NULL;
	return type_strip(mem, mem);
}

long type_byte_size(Dwarf_Die *type)
{
	Dwarf_Die t;
	int size;

	if (!type_strip(type, &t))
		return -1;
	if (dwarf_tag(&t) == DW_TAG_pointer_type && !dwarf_hasattr(&t, DW_AT_byte_size))
		return 8;
	size = dwarf_bytesize(&t);
	return size;
}

static int encoding(Dwarf_Die *type)
{
	Dwarf_Attribute attr;
	Dwarf_Word enc;

	if (!dwarf_attr(type, DW_AT_encoding, &attr) ||
	    dwarf_formudata(&attr, &enc))
		return -1;
	return (int)enc;
}

bool type_is_signed(Dwarf_Die *type)
{
	int enc = encoding(type);

	return enc == DW_ATE_signed || enc == DW_ATE_signed_char ||
	       enc == DW_ATE_signed_fixed;
}

bool type_is_char(Dwarf_Die *type)
{
	int enc = encoding(type);

	return dwarf_tag(type) == DW_TAG_base_type && dwarf_bytesize(type) == 1 &&
	       (enc == DW_ATE_signed_char || enc == DW_ATE_unsigned_char ||
		enc == DW_ATE_signed || enc == DW_ATE_unsigned);
}

static long member_offset(Dwarf_Die *member)
{
	Dwarf_Attribute attr;
	Dwarf_Word off;

	if (dwarf_attr(member, DW_AT_data_member_location, &attr) &&
	    dwarf_formudata(&attr, &off) == 0)
		return (long)off;
	return 0;	/* union members and bitfields using data_bit_offset */
}

Dwarf_Die *type_find_member(Dwarf_Die *type, const char *name,
			    Dwarf_Die *mem, long *offset)
{
	Dwarf_Die child;

	if (dwarf_child(type, &child))
		return NULL;
	do {
		const char *n;

		if (dwarf_tag(&child) != DW_TAG_member)
			continue;
		n = dwarf_diename(&child);
		if (n && !strcmp(n, name)) {
			*mem = child;
			*offset += member_offset(&child);
			return mem;
		}
		if (!n) {	/* anonymous struct/union: look inside */
			Dwarf_Die inner;
			long off = *offset + member_offset(&child);

			if (type_of(&child, &inner) &&
			    type_find_member(&inner, name, mem, &off)) {
				*offset = off;
				return mem;
			}
		}
	} while (dwarf_siblingof(&child, &child) == 0);
	return NULL;
}

static void spell(Dwarf_Die *type, struct strbuf *sb, int depth)
{
	const char *name;
	Dwarf_Die next;

	if (!type || depth > 16) {
		strbuf_adds(sb, "void");
		return;
	}
	name = dwarf_diename(type);
	switch (dwarf_tag(type)) {
	case DW_TAG_pointer_type:
		spell(raw_type(type, &next), sb, depth + 1);
		strbuf_adds(sb, "*");
		return;
	case DW_TAG_array_type:
		spell(raw_type(type, &next), sb, depth + 1);
		strbuf_adds(sb, "[]");
		return;
	case DW_TAG_const_type:
		strbuf_adds(sb, "const ");
		spell(raw_type(type, &next), sb, depth + 1);
		return;
	case DW_TAG_volatile_type:
		strbuf_adds(sb, "volatile ");
		spell(raw_type(type, &next), sb, depth + 1);
		return;
	case DW_TAG_structure_type:
		strbuf_addf(sb, "struct %s", name ? name : "(anon)");
		return;
	case DW_TAG_union_type:
		strbuf_addf(sb, "union %s", name ? name : "(anon)");
		return;
	case DW_TAG_enumeration_type:
		strbuf_addf(sb, "enum %s", name ? name : "(anon)");
		return;
	case DW_TAG_subroutine_type:
		strbuf_adds(sb, "(function_type)");
		return;
	default:
		strbuf_adds(sb, name ? name : "(unknown)");
	}
}

char *type_name(Dwarf_Die *die)
{
	struct strbuf sb = STRBUF_INIT;
	Dwarf_Die t;

	spell(raw_type(die, &t), &sb, 0);
	return strbuf_detach(&sb);
}
