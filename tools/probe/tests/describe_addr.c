// SPDX-License-Identifier: GPL-2.0
/*
 * Test driver for point_describe.c: describe_addr ELF LOCATION [r] prints
 * what probe --list would show for an event at LOCATION, or exits 1.
 */
#include <stdio.h>
#include <string.h>

#include "../debuginfo.h"
#include "../point_describe.h"

int main(int argc, char **argv)
{
	struct probe_error err = { "" };
	struct strbuf out = STRBUF_INIT;
	struct debuginfo di;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: describe_addr ELF LOCATION [r]\n");
		return 2;
	}
	if (debuginfo_open(&di, argv[1], &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	rc = describe_location(&di, argv[2], argc > 3 && !strcmp(argv[3], "r"),
			       &out);
	if (!rc)
		printf("%s\n", out.buf);
	strbuf_release(&out);
	debuginfo_close(&di);
	return rc ? 1 : 0;
}
