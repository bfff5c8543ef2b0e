/* SPDX-License-Identifier: GPL-2.0 */
/* Small questions about DWARF types. */
#ifndef PROBE_TYPE_INFO_H
#define PROBE_TYPE_INFO_H

#include <elfutils/libdw.h>
#include <stdbool.h>

/* The DW_AT_type of @die with typedefs and qualifiers removed. */
Dwarf_Die *type_of(Dwarf_Die *die, Dwarf_Die *mem);
/* @type itself with typedefs and qualifiers removed. */
Dwarf_Die *type_strip(Dwarf_Die *type, Dwarf_Die *mem);
/* Byte size, following typedefs; -1 when unknown (arrays without one). */
long type_byte_size(Dwarf_Die *type);
bool type_is_signed(Dwarf_Die *type);
bool type_is_char(Dwarf_Die *type);
/*
 * Finds member @name of struct/union @type, descending into anonymous
 * members, and adds its byte offset to *@offset.
 */
Dwarf_Die *type_find_member(Dwarf_Die *type, const char *name,
			    Dwarf_Die *mem, long *offset);
/* A C spelling of the type ("struct file*", "unsigned int"), malloc'd. */
char *type_name(Dwarf_Die *die_with_type);

#endif
