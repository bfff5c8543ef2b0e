// SPDX-License-Identifier: GPL-2.0
/* Parsing of probe arguments: [NAME=]BODY[:TYPE][@user]. */
#include "spec.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t ident_len(const char *s)
{
	size_t n = 0;

	if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

static void add_field(struct probe_arg *arg, enum field_op op,
		      const char *name, size_t n, long index)
{
	struct arg_field *f;

	arg->fields = xrealloc(arg->fields, (arg->nfields + 1) *
			       sizeof(*arg->fields));
	f = &arg->fields[arg->nfields++];
	f->op = op;
	f->name = name ? xstrndup(name, n) : NULL;
	f->index = index;
}

/* VAR(->F|.F|[N])* */
static int parse_chain(const char *s, struct probe_arg *arg,
		       struct probe_error *err)
{
	size_t n = ident_len(s);

	arg->var = xstrndup(s, n);
	s += n;
	while (*s) {
		enum field_op op;
		char *end;
		long idx;

		if (s[0] == '-' && s[1] == '>') {
			op = FIELD_ARROW;
			s += 2;
		} else if (s[0] == '.') {
			op = FIELD_DOT;
			s += 1;
		} else if (s[0] == '[') {
			errno = 0;
			idx = strtol(s + 1, &end, 0);
			if (end == s + 1 || *end != ']' || errno)
				return perr(err, "Invalid array index in '%s': use [NUMBER].", s);
			add_field(arg, FIELD_INDEX, NULL, 0, idx);
			s = end + 1;
			continue;
		} else {
			return perr(err,
				    "Unexpected '%s' in argument: fields are reached with '->', '.' or '[N]'.",
				    s);
		}
		n = ident_len(s);
		if (!n)
			return perr(err, "A field name must follow '%s'.",
				    op == FIELD_ARROW ? "->" : ".");
		add_field(arg, op, s, n, 0);
		s += n;
	}
	return 0;
}

/*
 * perf's default names: the last member of a chain; for a plain variable
 * with a type, "var_type" (so "count:u32" becomes count_u32).
 */
static void set_default_name(struct probe_arg *arg)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = arg->nfields;
	char *p;

	while (i > 0 && arg->fields[i - 1].op == FIELD_INDEX)
		i--;
	strbuf_adds(&sb, i ? arg->fields[i - 1].name : arg->var);
	if (!arg->nfields && arg->type) {
		strbuf_addf(&sb, "_%s", arg->type);
		for (p = sb.buf; *p; p++)
			if (!isalnum((unsigned char)*p) && *p != '_')
				*p = '_';
	}
	arg->name = strbuf_detach(&sb);
}

/* s8..s64, u8..u64, x8..x64, and s/u/x sized from the variable's type */
static bool int_type(const char *t)
{
	static const char *const bits[] = { "", "8", "16", "32", "64" };
	size_t i;

	if (!t[0] || !strchr("sux", t[0]))
		return false;
	for (i = 0; i < ARRAY_SIZE(bits); i++)
		if (!strcmp(t + 1, bits[i]))
			return true;
	return false;
}

/* b<width>@<offset>/<container size>, as the kernel checks it */
static bool bitfield_type(const char *t)
{
	unsigned int w, o, c;
	int end = 0;

	if (sscanf(t, "b%u@%u/%u%n", &w, &o, &c, &end) != 3 || t[end])
		return false;
	return (c == 8 || c == 16 || c == 32 || c == 64) && w && w + o <= c;
}

static bool scalar_type(const char *t)
{
	static const char *const names[] = {
		"char", "string", "ustring", "symbol", "symstr", "%pd", "%pD",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(t, names[i]))
			return true;
	return int_type(t) || bitfield_type(t);
}

/*
 * The types Linux 6.12's kprobe_events takes (its README's "type:"
 * line): anything else would only be refused by the kernel later.
 */
static bool type_known(const char *t)
{
	const char *br = strchr(t, '[');
	char base[32];
	unsigned int n;
	int end = 0;

	if (!br)
		return scalar_type(t);
	if ((size_t)(br - t) >= sizeof(base) ||
	    sscanf(br, "[%u]%n", &n, &end) != 1 || br[end] || !n || n > 64)
		return false;
	memcpy(base, t, (size_t)(br - t));
	base[br - t] = '\0';
	return scalar_type(base) && strcmp(base, "symstr") &&
	       !bitfield_type(base);
}

/* @word as a whole item of @list: "string" is not in "ustring, symbol". */
static bool lists(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || strchr(" ,/\t", p[-1])) && strchr(" ,/\t", p[n]))
			return true;
	return false;
}

bool type_offered(const char *type, const char *offered)
{
	const char *br = strchr(type, '[');
	char family[4] = "";

	if (br && !strstr(offered, "<array-size>"))
		return false;
	if (type[0] == 'b' && isdigit((unsigned char)type[1]))
		return !!strstr(offered, "b<bit-width>");
	if (strchr("sux", type[0]) && (isdigit((unsigned char)type[1]) ||
				       !type[1] || type[1] == '[')) {
		family[0] = type[0];	/* "u8/16/32/64" covers u, u8..u64 */
		family[1] = '8';	/* family[2] stays NUL */
		return lists(offered, family);
	}
	if (br) {
		char base[32];

		snprintf(base, sizeof(base), "%.*s", (int)(br - type), type);
		return lists(offered, base);
	}
	return lists(offered, type);
}

int arg_parse(const char *text, struct probe_arg *arg, struct probe_error *err)
{
	const char *eq = strchr(text, '=');
	char *body, *colon;
	size_t n;

	memset(arg, 0, sizeof(*arg));
	if (eq) {
		if (!is_identifier(text, (size_t)(eq - text)))
			return perr(err, "Invalid argument name '%.*s': use letters, digits and '_'.",
				    (int)(eq - text), text);
		arg->name = xstrndup(text, (size_t)(eq - text));
		arg->named = true;
		text = eq + 1;
	}
	body = xstrdup(text);
	n = strlen(body);
	if (n > 5 && !strcmp(body + n - 5, "@user")) {
		arg->user = true;
		body[n - 5] = '\0';
	}
	colon = strchr(body, ':');
	if (colon) {
		*colon = '\0';
		if (!colon[1]) {
			free(body);
			arg_free(arg);
			return perr(err, "Empty type after ':' in '%s'.", text);
		}
		if (!type_known(colon + 1)) {
			perr(err, "Unknown type '%s' in '%s'.", colon + 1, text);
			perr_hint(err, "Types: s8-s64, u8-u64, x8-x64 (or s, u, x sized by the variable), char, string, ustring, symbol, symstr, %%pd, %%pD, b<width>@<offset>/<size>, <type>[N].");
			free(body);
			arg_free(arg);
			return -1;
		}
		arg->type = xstrdup(colon + 1);
	}
	if (!body[0]) {
		free(body);
		arg_free(arg);
		return perr(err, "Empty argument in '%s'.", text);
	}
	if (!strcmp(body, "$retval")) {
		arg->kind = ARG_RETVAL;
		arg->var = body;
		return 0;
	}
	if (!strcmp(body, "$vars") || !strcmp(body, "$params")) {
		arg->kind = body[1] == 'v' ? ARG_VARS : ARG_PARAMS;
		arg->var = body;
		if (arg->named || arg->type) {
			arg_free(arg);
			return perr(err, "%s takes no name and no type.", text);
		}
		return 0;
	}
	if (!ident_len(body)) {
		arg->kind = ARG_RAW;
		arg->var = body;
		return 0;
	}
	arg->kind = ARG_VAR;
	if (parse_chain(body, arg, err)) {
		free(body);
		arg_free(arg);
		return -1;
	}
	free(body);
	if (!arg->name)
		set_default_name(arg);
	return 0;
}

char *arg_chain_string(const struct probe_arg *arg)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_adds(&sb, arg->var);
	for (i = 0; i < arg->nfields; i++) {
		const struct arg_field *f = &arg->fields[i];

		if (f->op == FIELD_INDEX)
			strbuf_addf(&sb, "[%ld]", f->index);
		else
			strbuf_addf(&sb, "%s%s", f->op == FIELD_ARROW ? "->" : ".",
				    f->name);
	}
	return strbuf_detach(&sb);
}

void arg_free(struct probe_arg *arg)
{
	size_t i;

	for (i = 0; i < arg->nfields; i++)
		free(arg->fields[i].name);
	free(arg->fields);
	free(arg->name);
	free(arg->var);
	free(arg->type);
	memset(arg, 0, sizeof(*arg));
}
