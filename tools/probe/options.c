// SPDX-License-Identifier: GPL-2.0
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

void str_list_add(struct str_list *l, const char *s)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = s;
}

void print_help(const struct option *opts, const char *usage)
{
	const struct option *o;

	printf("usage: %s\n\n", usage);
	for (o = opts; o->long_name; o++) {
		char left[64];

		snprintf(left, sizeof(left), "%s%c%s--%s%s%s%s",
			 o->short_name ? "-" : "", o->short_name ? o->short_name : ' ',
			 o->short_name ? ", " : "  ", o->long_name,
			 o->arg ? (o->type == OPT_OPTSTRING ? "[=" : "=") : "",
			 o->arg ? o->arg : "",
			 o->arg && o->type == OPT_OPTSTRING ? "]" : "");
		printf("    %-28s %s\n", o->short_name ? left : left + 1, o->help);
	}
	printf("    %-28s %s\n", "-h, --help", "show this help");
}

static int set_value(const struct option *o, const char *val)
{
	char *end;

	switch (o->type) {
	case OPT_BOOL:
		*(bool *)o->value = true;
		return 0;
	case OPT_STRING:
		*(const char **)o->value = val;
		return 0;
	case OPT_OPTSTRING:
		*(const char **)o->value = val ? val : "";
		return 0;
	case OPT_LIST:
		str_list_add(o->value, val);
		return 0;
	case OPT_INT:
		*(int *)o->value = (int)strtol(val, &end, 0);
		if (*end || !*val) {
			fprintf(stderr, "probe: --%s needs a number, not '%s'\n",
				o->long_name, val);
			return -1;
		}
		return 0;
	}
	return -1;
}

static bool needs_value(const struct option *o)
{
	return o->type == OPT_STRING || o->type == OPT_INT || o->type == OPT_LIST;
}

static int parse_long(const char *arg, int *i, int argc, const char **argv,
		      const struct option *opts)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct option *o;

	for (o = opts; o->long_name; o++) {
		if (strlen(o->long_name) == n && !strncmp(o->long_name, arg, n))
			break;
		if (o->type == OPT_BOOL && !strncmp(arg, "no-", 3) &&
		    strlen(o->long_name) == n - 3 &&
		    !strncmp(o->long_name, arg + 3, n - 3) && !eq) {
			*(bool *)o->value = false;
			return 0;
		}
	}
	if (!o->long_name) {
		fprintf(stderr, "probe: unknown option '--%.*s'\n", (int)n, arg);
		return -1;
	}
	if (eq)
		return o->type == OPT_BOOL ? -1 : set_value(o, eq + 1);
	if (!needs_value(o))
		return set_value(o, NULL);
	if (*i + 1 >= argc) {
		fprintf(stderr, "probe: option '--%s' needs a value\n", o->long_name);
		return -1;
	}
	return set_value(o, argv[++*i]);
}

static int parse_short(const char *arg, int *i, int argc, const char **argv,
		       const struct option *opts)
{
	const struct option *o;

	for (o = opts; o->long_name; o++)
		if (o->short_name == arg[0])
			break;
	if (!o->long_name) {
		fprintf(stderr, "probe: unknown option '-%c'\n", arg[0]);
		return -1;
	}
	if (!needs_value(o)) {
		if (set_value(o, arg[1] && o->type == OPT_OPTSTRING ? arg + 1 : NULL))
			return -1;
		if (arg[1] && o->type == OPT_BOOL)
			return parse_short(arg + 1, i, argc, argv, opts);
		return 0;
	}
	if (arg[1])
		return set_value(o, arg + 1);
	if (*i + 1 >= argc) {
		fprintf(stderr, "probe: option '-%c' needs a value\n", arg[0]);
		return -1;
	}
	return set_value(o, argv[++*i]);
}

int parse_options(int argc, const char **argv, const struct option *opts,
		  const char *usage)
{
	int i, out = 0, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			while (++i < argc)
				argv[out++] = argv[i];
			break;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			print_help(opts, usage);
			exit(0);
		}
		if (a[0] != '-' || !a[1]) {
			argv[out++] = a;
			continue;
		}
		rc = a[1] == '-' ? parse_long(a + 2, &i, argc, argv, opts) :
				   parse_short(a + 1, &i, argc, argv, opts);
		if (rc) {
			fprintf(stderr, "usage: %s\n(see --help)\n", usage);
			return -1;
		}
	}
	return out;
}
