// SPDX-License-Identifier: GPL-2.0
/*
 * Cross-check every known-Zydis-gap class (known_gaps.c) against objdump:
 * objdump must decode the sample (or its same-layout analog) with the
 * length dinsn reports, or reject it when dinsn rejects it too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dinsn.h"
#include "known_gaps.h"

/* Length and text of the first instruction objdump prints for @b. */
static int objdump_first(const u8 *b, size_t n, char *text, size_t tlen)
{
	char path[] = "/tmp/dinsn-objdump-XXXXXX", cmd[256], line[512];
	int fd = mkstemp(path), len = -1;
	unsigned long first = 0, addr;
	bool have_first = false;
	FILE *f;

	if (fd < 0)
		return -1;
	if (write(fd, b, n) != (ssize_t)n ||
	    write(fd, "\x90\x90\x90\x90", 4) != 4) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	snprintf(cmd, sizeof(cmd),
		 "objdump -D -b binary -mi386:x86-64 %s 2>/dev/null", path);
	f = popen(cmd, "r");
	while (f && fgets(line, sizeof(line), f)) {
		char *tab1, *tab2;

		if (sscanf(line, " %lx:", &addr) != 1 || !(tab1 = strchr(line, '\t')))
			continue;
		tab2 = strchr(tab1 + 1, '\t');
		if (!tab2)
			continue;	/* continuation of a long byte list */
		if (!have_first) {
			have_first = true;
			first = addr;
			snprintf(text, tlen, "%s", tab2 + 1);
			continue;
		}
		len = addr - first;
		break;
	}
	if (f)
		pclose(f);
	unlink(path);
	return len;
}

int main(void)
{
	unsigned int fails = 0;

	for (unsigned int i = 0; i < nr_known_gaps; i++) {
		const struct known_gap *g = &known_gaps[i];
		const u8 *b = g->check == GAP_OBJDUMP_ANALOG ? g->analog : g->sample;
		size_t n = g->check == GAP_OBJDUMP_ANALOG ? g->analog_len : 15;
		struct dinsn di;
		char text[256] = "";
		int ours, ol;

		ours = dinsn_decode(&di, g->sample, g->sample_len ? g->sample_len : 15,
				    DINSN_MODE_64) ? 0 : di.len;
		if (g->check == GAP_OBJDUMP_SAMPLE)
			n = g->sample_len;
		ol = objdump_first(b, n, text, sizeof(text));
		if (ours != g->sample_len ||
		    !strstr(text, g->objdump_word) ||
		    (g->check != GAP_OBJDUMP_BAD && ol != g->sample_len)) {
			printf("FAIL gap %s: ours=%d want %d, objdump len %d "
			       "text '%s' (want '%s')\n", g->name, ours,
			       g->sample_len, ol, strtok(text, "\n"),
			       g->objdump_word);
			fails++;
		} else {
			printf("ok gap %-28s objdump: %s", g->name, text);
		}
	}
	printf("RESULT objdump %s\n", fails ? "FAIL" : "PASS");
	return fails ? 1 : 0;
}
