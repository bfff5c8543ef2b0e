// SPDX-License-Identifier: GPL-2.0
/* Unit tests: definition text and event naming. */
#include <stdlib.h>

#include "../definition.h"
#include "../kevents.h"
#include "testlib.h"

static void test_format(void)
{
	struct probe_point pt = { 0 };
	char *s;

	pt.symbol = strdup("vfs_read");
	probe_point_add_arg(&pt, "f_mode", "+68(%di)", "x32");
	probe_point_add_arg(&pt, "count", "%dx", "x64");
	probe_point_add_arg(&pt, NULL, "%si", NULL);
	s = definition_format(NULL, "vfs_read", &pt);
	CHECK_STR(s, "p:probe/vfs_read vfs_read+0 f_mode=+68(%di):x32 count=%dx:x64 %si",
		  "entry probe with arguments");
	free(s);

	pt.offset = 32;
	pt.retprobe = true;
	s = definition_format("grp", "ev", &pt);
	CHECK(!strncmp(s, "r:grp/ev vfs_read+32 ", 21), "return probe, own group");
	free(s);

	pt.module = strdup("ext4");
	s = definition_format("g", "e", &pt);
	CHECK(strstr(s, " ext4:vfs_read+32 "), "module prefix");
	free(s);

	/* uprobe_events: the file and the offset in it, not a symbol */
	pt.exec = strdup("/usr/lib/x86_64-linux-gnu/libc.so.6");
	pt.file_offset = 0x98930;
	s = definition_format("probe_libc", "malloc", &pt);
	CHECK(!strncmp(s, "r:probe_libc/malloc /usr/lib/x86_64-linux-gnu/libc.so.6:0x98930 ", 64),
	      "user-space probe: PATH:0xOFFSET, module and symbol unused");
	free(s);
	probe_point_free(&pt);
}

static void test_names(void)
{
	struct probe_error err = { "" };
	struct probe_spec spec = { 0 };
	struct probe_point pt = { 0 };
	static char *const taken[] = { "vfs_read", "vfs_read_1" };
	char *s;

	pt.symbol = "tcp_ack_update_rtt.isra.0";
	s = event_base_name(&spec, &pt);
	CHECK_STR(s, "tcp_ack_update_rtt", "compiler suffix cut");
	free(s);

	spec.function = "vfs_read";
	spec.has_line = true;
	spec.line = 12;
	s = event_base_name(&spec, &pt);
	CHECK_STR(s, "vfs_read_L12", "FUNC_L<line>");
	free(s);

	spec.has_line = false;
	spec.retprobe = true;
	s = event_base_name(&spec, &pt);
	CHECK_STR(s, "vfs_read__return", "__return suffix");
	free(s);

	spec.event = "mine";
	s = event_base_name(&spec, &pt);
	CHECK_STR(s, "mine__return", "EVENT= wins, perf still appends __return");
	free(s);
	spec.retprobe = false;
	s = event_base_name(&spec, &pt);
	CHECK_STR(s, "mine", "EVENT= as given");
	free(s);

	s = event_unique_name("vfs_write", taken, 2, false, &err);
	CHECK_STR(s, "vfs_write", "free name kept");
	free(s);
	s = event_unique_name("vfs_read", taken, 2, false, &err);
	CHECK(!s && strstr(err.msg, "already exists"), "collision refused without --force");
	s = event_unique_name("vfs_read", taken, 2, true, &err);
	CHECK_STR(s, "vfs_read_2", "first free _N suffix");
	free(s);
}

static void test_kevents(void)
{
	struct kevents ks = { 0 };

	kevents_parse("p:probe/vfs_read vfs_read+0 f_mode=+12(%di):x32\n"
		      "garbage line\n"
		      "r:kprobes/exit_ret do_exit+0 $retval\n"
		      "p:g/noargs\n"
		      "r10:probe/ksys_read__return ksys_read arg1=$retval\n",
		      false, &ks);
	CHECK(ks.n == 4, "four kprobe_events lines, one malformed skipped");
	CHECK(ks.n == 4 && ks.v[3].type == 'r' && !strcmp(ks.v[3].group, "probe") &&
	      !strcmp(ks.v[3].event, "ksys_read__return"),
	      "return probe listed with its maxactive (r10:)");
	CHECK(ks.n == 4 && !strcmp(ks.v[3].line,
				   "r10:probe/ksys_read__return ksys_read arg1=$retval"),
	      "the whole line is kept, maxactive included");
	CHECK(ks.n >= 3 && ks.v[0].type == 'p' && !strcmp(ks.v[0].group, "probe") &&
	      !strcmp(ks.v[0].event, "vfs_read") &&
	      !strcmp(ks.v[0].rest, "vfs_read+0 f_mode=+12(%di):x32"),
	      "entry probe line split into group, event, rest");
	CHECK(ks.n >= 3 && ks.v[1].type == 'r' && !strcmp(ks.v[1].event, "exit_ret"),
	      "return probe line");
	CHECK(ks.n >= 3 && !strcmp(ks.v[2].event, "noargs") && !ks.v[2].rest[0],
	      "line without location");
	CHECK(ks.n == 4 && !ks.v[0].user, "kprobe_events lines are not user probes");
	/* uprobe_events lists the offset zero-padded; appended to the above */
	kevents_parse("p:probe_shapes/walk /usr/bin/shapes:0x00000000000011c0 x=+8(%di):s32\n",
		      true, &ks);
	CHECK(ks.n == 5 && ks.v[4].user && !strcmp(ks.v[4].group, "probe_shapes") &&
	      !strcmp(ks.v[4].rest, "/usr/bin/shapes:0x00000000000011c0 x=+8(%di):s32"),
	      "a uprobe_events line is appended and marked as a user probe");
	kevents_free(&ks);
}

int main(void)
{
	test_format();
	test_names();
	test_kevents();
	return tl_done();
}
