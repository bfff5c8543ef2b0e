// SPDX-License-Identifier: GPL-2.0
/* Unit tests: lazy line patterns. */
#include "../lazy.h"
#include "testlib.h"

int main(void)
{
	CHECK(lazy_match("acc*", "\t\tacc += helper(o, i);"), "prefix with *");
	CHECK(lazy_match("acc^=*", "\tacc ^= o->pin->b;"), "blanks ignored on both sides");
	CHECK(!lazy_match("if*", "\tint i, acc = 0;"), "whole line must match");
	CHECK(!lazy_match("acc", "\tacc += 1;"), "no implicit trailing *");
	CHECK(lazy_match("*ret=*", "\tret = rw_verify_area(READ, file, pos, count);"),
	      "leading and trailing *");
	CHECK(lazy_match("r?t*", "ret = 0;"), "? matches one character");
	CHECK(lazy_match("[a-c]cc*", "acc = 1;"), "character range");
	CHECK(!lazy_match("[!a-c]cc*", "acc = 1;"), "negated class");
	CHECK(lazy_match("*", ""), "* matches an empty line");
	CHECK(!lazy_match("x", ""), "literal does not match empty line");
	return tl_done();
}
