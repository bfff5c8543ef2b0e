/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test helpers standing in for what the kernel's tracing core does around
 * the event layer: dyn_event_release() splitting a delete command before
 * it asks dpev_def_matches(), and the format file's field lines.
 */
#ifndef DPROBE_TEST_DELETE_CMD_H
#define DPROBE_TEST_DELETE_CMD_H

#include "host_compat.h"
#include "dpev_format.h"

/*
 * "-:[GRP/][EVENT] [PLACE [NAME=EXPR ...]]" (or "!" and a definition) into
 * @del, as dyn_event_release() hands it on. 0 or -EINVAL; release with
 * delete_cmd_release().
 */
int delete_cmd_parse(const char *line, struct dpev_delete *del);
void delete_cmd_release(struct dpev_delete *del);

/* "\tfield:TYPE NAME;\toffset:N;\tsize:N;\tsigned:N;" as the format file has it. */
void format_field_line(const struct dpev_field *f, struct seq_buf *s);

#endif
