// SPDX-License-Identifier: GPL-2.0
#include "func_index.h"

#include <dwarf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define INDEX_MAGIC "PRBFIDX2"

/* File layout: header, unit offsets, entries, strings. */
struct index_header {
	char magic[8];
	uint64_t file_size;
	int64_t file_mtime;
	char build_id[80];
	uint32_t nnames;
	uint32_t nunits;	/* entries in the unit-offset array */
	uint32_t strtab_size;
	uint32_t pad;
};

_Static_assert(sizeof(struct index_header) % 8 == 0, "keeps unit offsets aligned");

struct index_entry {
	uint32_t name;	/* offset in the string table */
	uint32_t first;	/* index of its first unit offset */
	uint32_t count;
};

struct func_index {
	void *map;
	size_t size;
	const struct index_header *hdr;
	const struct index_entry *entries;
	const uint64_t *units;
	const char *strtab;
};

/* The pair collected while walking the units. */
struct name_unit {
	const char *name;
	uint64_t unit;
};

static int cache_path(struct debuginfo *di, char *buf, size_t size,
		      char *bid, size_t bidsize)
{
	const char *dir = getenv("PROBE_CACHE_DIR"), *home;
	char tmp[512];

	if (debuginfo_build_id(di, bid, bidsize))
		return -1;	/* without a build-id there is no safe key */
	if (!dir) {
		if ((home = getenv("XDG_CACHE_HOME")))
			snprintf(tmp, sizeof(tmp), "%s/probe", home);
		else if ((home = getenv("HOME")))
			snprintf(tmp, sizeof(tmp), "%s/.cache/probe", home);
		else
			return -1;
		dir = tmp;
	}
	snprintf(buf, size, "%s/%s.fidx", dir, bid);
	return 0;
}

static int mkdirs(const char *path)
{
	char buf[1024], *p;

	snprintf(buf, sizeof(buf), "%s", path);
	p = strrchr(buf, '/');
	if (!p)
		return 0;
	*p = '\0';
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(buf, 0755);
		*p = '/';
	}
	return mkdir(buf, 0755) && errno != EEXIST ? -1 : 0;
}

static int by_name_unit(const void *a, const void *b)
{
	const struct name_unit *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

static void collect(struct debuginfo *di, struct name_unit **out, size_t *n)
{
	size_t cap = 0;
	Dwarf_Off off = 0, next;
	size_t hsize;

	*out = NULL;
	*n = 0;
	while (dwarf_nextcu(di->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu, die;

		if (dwarf_offdie(di->dw, off + hsize, &cu) &&
		    dwarf_tag(&cu) == DW_TAG_compile_unit && !dwarf_child(&cu, &die)) {
			do {
				const char *name;

				if (dwarf_tag(&die) != DW_TAG_subprogram ||
				    dwarf_hasattr(&die, DW_AT_declaration))
					continue;
				name = dwarf_diename(&die);
				if (!name)
					continue;
				if (*n == cap) {
					cap = cap ? cap * 2 : 4096;
					*out = xrealloc(*out, cap * sizeof(**out));
				}
				(*out)[*n].name = name;
				(*out)[(*n)++].unit = off;
			} while (dwarf_siblingof(&die, &die) == 0);
		}
		off = next;
	}
}

static int write_index(struct debuginfo *di, const char *path, const char *bid,
		       const struct stat *st)
{
	struct index_header hdr = { INDEX_MAGIC };
	struct index_entry *entries;
	struct name_unit *v;
	struct strbuf strtab = STRBUF_INIT;
	uint64_t *units;
	size_t n, i, ne = 0, nu = 0;
	char tmp[1100];
	FILE *f;
	int rc = -1;

	collect(di, &v, &n);
	qsort(v, n, sizeof(*v), by_name_unit);
	entries = xcalloc(n, sizeof(*entries));
	units = xcalloc(n, sizeof(*units));
	for (i = 0; i < n; i++) {
		bool same = ne && !strcmp(v[i].name, strtab.buf + entries[ne - 1].name);

		if (same && units[nu - 1] == v[i].unit)
			continue;
		if (!same) {
			entries[ne].name = (uint32_t)strtab.len;
			entries[ne].first = (uint32_t)nu;
			strbuf_add(&strtab, v[i].name, strlen(v[i].name) + 1);
			ne++;
		}
		entries[ne - 1].count++;
		units[nu++] = v[i].unit;
	}
	hdr.file_size = (uint64_t)st->st_size;
	hdr.file_mtime = (int64_t)st->st_mtime;
	snprintf(hdr.build_id, sizeof(hdr.build_id), "%s", bid);
	hdr.nnames = (uint32_t)ne;
	hdr.nunits = (uint32_t)nu;
	hdr.strtab_size = (uint32_t)strtab.len;
	snprintf(tmp, sizeof(tmp), "%s.%d.tmp", path, (int)getpid());
	if (mkdirs(path) == 0 && (f = fopen(tmp, "wb"))) {
		/* 8-byte unit offsets first: the header keeps them aligned */
		fwrite(&hdr, sizeof(hdr), 1, f);
		fwrite(units, sizeof(*units), nu, f);
		fwrite(entries, sizeof(*entries), ne, f);
		if (strtab.len)
			fwrite(strtab.buf, 1, strtab.len, f);
		/* rename() makes the new index appear whole or not at all */
		rc = fclose(f) == 0 && rename(tmp, path) == 0 ? 0 : -1;
		if (rc)
			unlink(tmp);
	}
	free(v);
	free(entries);
	free(units);
	strbuf_release(&strtab);
	return rc;
}

static struct func_index *map_index(const char *path, const char *bid,
				    const struct stat *st)
{
	struct func_index *ix;
	const struct index_header *h;
	struct stat ist;
	size_t need;
	void *map;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &ist) || (size_t)ist.st_size < sizeof(*h)) {
		close(fd);
		return NULL;
	}
	map = mmap(NULL, (size_t)ist.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	h = map;
	need = sizeof(*h) + (size_t)h->nnames * sizeof(struct index_entry) +
	       (size_t)h->nunits * sizeof(uint64_t) + h->strtab_size;
	if (memcmp(h->magic, INDEX_MAGIC, 8) || need != (size_t)ist.st_size ||
	    h->file_size != (uint64_t)st->st_size ||
	    h->file_mtime != (int64_t)st->st_mtime || strcmp(h->build_id, bid)) {
		munmap(map, (size_t)ist.st_size);
		return NULL;	/* stale or foreign: rebuild */
	}
	ix = xcalloc(1, sizeof(*ix));
	ix->map = map;
	ix->size = (size_t)ist.st_size;
	ix->hdr = h;
	ix->units = (const void *)(h + 1);
	ix->entries = (const void *)(ix->units + h->nunits);
	ix->strtab = (const char *)(ix->entries + h->nnames);
	return ix;
}

struct func_index *func_index_open(struct debuginfo *di)
{
	char path[1024], bid[80];
	struct func_index *ix;
	struct stat st;
	const char *off = getenv("PROBE_NO_INDEX");

	if ((off && *off && strcmp(off, "0")) || stat(di->path, &st) ||
	    cache_path(di, path, sizeof(path), bid, sizeof(bid)))
		return NULL;
	ix = map_index(path, bid, &st);
	if (ix)
		return ix;
	if (write_index(di, path, bid, &st))
		return NULL;
	return map_index(path, bid, &st);
}

void func_index_close(struct func_index *ix)
{
	if (!ix)
		return;
	munmap(ix->map, ix->size);
	free(ix);
}

size_t func_index_lookup(struct func_index *ix, const char *name,
			 const uint64_t **units)
{
	size_t lo = 0, hi = ix->hdr->nnames;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct index_entry *e = &ix->entries[mid];
		int c;

		if (e->name >= ix->hdr->strtab_size)
			return 0;	/* damaged file */
		c = strcmp(name, ix->strtab + e->name);
		if (!c) {
			if ((uint64_t)e->first + e->count > ix->hdr->nunits)
				return 0;
			*units = ix->units + e->first;
			return e->count;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}
