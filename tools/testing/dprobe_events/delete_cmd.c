// SPDX-License-Identifier: GPL-2.0
#include "delete_cmd.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int delete_cmd_parse(const char *line, struct dpev_delete *del)
{
	char *p, *event, *sep;

	memset(del, 0, sizeof(*del));
	del->buf = strdup(line);
	del->argv = calloc(strlen(line) / 2 + 2, sizeof(*del->argv));
	if (!del->buf || !del->argv) {
		delete_cmd_release(del);
		return -ENOMEM;
	}
	p = strchr(del->buf, '#');	/* a comment ends the command */
	if (p)
		*p = '\0';
	for (p = del->buf; *p;) {	/* white-space separated tokens */
		while (isspace((unsigned char)*p))
			*p++ = '\0';
		if (*p)
			del->argv[del->argc++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
	}
	event = del->argc ? del->argv[0] : NULL;
	if (event && event[0] == '-')
		event = event[1] == ':' ? event + 2 : NULL;
	else if (event)
		event = (event = strchr(event, ':')) ? event + 1 : NULL;
	if (!event)
		goto bad;
	sep = strchr(event, '/');
	if (sep) {
		*sep = '\0';
		del->group = event;
		event = sep + 1;
	}
	if (!del->group && !*event)
		goto bad;
	del->event = event;
	del->argc--;	/* the place and argument tokens remain */
	memmove(del->argv, del->argv + 1, del->argc * sizeof(*del->argv));
	del->argv[del->argc] = NULL;
	return 0;
bad:
	delete_cmd_release(del);
	return -EINVAL;
}

void delete_cmd_release(struct dpev_delete *del)
{
	free(del->argv);
	free(del->buf);
	memset(del, 0, sizeof(*del));
}

void format_field_line(const struct dpev_field *f, struct seq_buf *s)
{
	const char *array = strchr(f->type, '[');

	if (!strncmp(f->type, "__data_loc", 10))
		array = NULL;
	if (array)
		seq_buf_printf(s, "\tfield:%.*s %s[];", (int)(array - f->type),
			       f->type, f->name);
	else
		seq_buf_printf(s, "\tfield:%s %s;", f->type, f->name);
	seq_buf_printf(s, "\toffset:%u;\tsize:%u;\tsigned:%d;", f->offset,
		       f->size, f->is_signed);
}
