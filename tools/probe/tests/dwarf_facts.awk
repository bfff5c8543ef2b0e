# SPDX-License-Identifier: GPL-2.0
# Extracts facts from `readelf --debug-dump=info` text, independently of
# probe's own DWARF code. Output lines:
#   member STRUCT MEMBER OFFSET BITSIZE BITOFFSET   (- when absent)
#   inline ORIGIN_DIE_OFFSET ENTRY_PC
#   func NAME DIE_OFFSET
#   var FUNCTION NAME HAS_LOCATION               (locals of functions)
function flush() {
	if (tag == "DW_TAG_member" && depth == 2 && sname != "")
		print "member", sname, (name == "" ? "-" : name), \
			(loc == "" ? "-" : loc), (bsize == "" ? "-" : bsize), \
			(boff == "" ? "-" : boff)
	if (tag == "DW_TAG_inlined_subroutine" && origin != "")
		print "inline", origin, entry
	if (tag == "DW_TAG_subprogram" && name != "")
		print "func", name, dieoff
	if ((tag == "DW_TAG_variable" || tag == "DW_TAG_formal_parameter") &&
	    depth >= 2 && fname != "" && name != "")
		print "var", fname, name, (hasloc ? 1 : 0)
	tag = ""; name = ""; loc = ""; bsize = ""; boff = ""; origin = "";
	entry = ""; hasloc = 0
}
/^ <[0-9]+><[0-9a-f]+>: Abbrev Number:/ {
	flush()
	match($0, /<[0-9]+>/); depth = substr($0, RSTART + 1, RLENGTH - 2) + 0
	match($0, /><[0-9a-f]+>/); dieoff = "0x" substr($0, RSTART + 2, RLENGTH - 3)
	match($0, /\(DW_TAG_[a-z_]+\)/); tag = substr($0, RSTART + 1, RLENGTH - 2)
	if (depth == 1 && tag != "DW_TAG_subprogram") fname = ""
	if (depth == 1)
		sname = (tag == "DW_TAG_structure_type" || tag == "DW_TAG_union_type") ? "(anon)" : ""
	next
}
/DW_AT_name/ {
	n = $0; sub(/.*: /, "", n); name = n
	if (depth == 1 && (tag == "DW_TAG_structure_type" || tag == "DW_TAG_union_type")) sname = n
	if (depth == 1 && tag == "DW_TAG_subprogram") fname = n
}
/DW_AT_data_member_location/ { v = $0; sub(/.*: /, "", v); loc = v + 0 }
/DW_AT_bit_size/ { v = $0; sub(/.*: /, "", v); bsize = v + 0 }
/DW_AT_data_bit_offset/ { v = $0; sub(/.*: /, "", v); boff = v + 0 }
/DW_AT_abstract_origin/ { v = $0; sub(/.*: </, "", v); sub(/>.*/, "", v); origin = v }
/DW_AT_entry_pc/ { v = $0; sub(/.*: /, "", v); entry = v }
/DW_AT_location/ { hasloc = 1 }
END { flush() }
