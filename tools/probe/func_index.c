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

#define INDEX_MAGIC "PRBFIDX3"

/*
 * File layout: header, unit offsets, function entries, file entries,
 * strings. Both entry tables are sorted by name and point into the one
 * array of unit offsets.
 */
struct index_header {
	char magic[8];
	uint64_t file_size;
	int64_t file_mtime;
	char build_id[80];
	uint32_t nnames;	/* function entries */
	uint32_t nfiles;	/* source file entries */
	uint32_t nunits;	/* entries in the unit-offset array */
	uint32_t strtab_size;
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
	const struct index_entry *files;
	const uint64_t *units;
	const char *strtab;
};

/* The pairs collected while walking the units. */
struct name_unit {
	const char *name;
	uint64_t unit;
};

struct pairs {
	struct name_unit *v;
	size_t n, cap;
};

static void push(struct pairs *p, const char *name, uint64_t unit)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4096;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n].name = name;
	p->v[p->n++].unit = unit;
}

static int cache_path(struct debuginfo *di, enum index_kind kind, char *buf,
		      size_t size, char *bid, size_t bidsize)
{
	const char *dir = getenv("PROBE_CACHE_DIR");
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char tmp[512];

	if (debuginfo_build_id(di, bid, bidsize))
		return -1;	/* without a build-id there is no safe key */
	if (!dir) {
		if (xdg)
			snprintf(tmp, sizeof(tmp), "%s/probe", xdg);
		else if (home)
			snprintf(tmp, sizeof(tmp), "%s/.cache/probe", home);
		else
			return -1;
		dir = tmp;
	}
	snprintf(buf, size, "%s/%s.%s", dir, bid,
		 kind == INDEX_FUNCTIONS ? "fidx" : "sidx");
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

static void collect_unit(Dwarf_Die *cu, uint64_t off, struct pairs *fn,
			 struct pairs *files)
{
	Dwarf_Files *f;
	Dwarf_Die die;
	size_t i, nf;

	/* Line tables are big: only read them for the file index. */
	if (files && dwarf_getsrcfiles(cu, &f, &nf) == 0)
		for (i = 0; i < nf; i++) {
			const char *name = dwarf_filesrc(f, i, NULL, NULL);

			if (name)
				push(files, name, off);
		}
	if (!fn || dwarf_child(cu, &die))
		return;
	do {
		const char *name;

		if (dwarf_tag(&die) != DW_TAG_subprogram ||
		    dwarf_hasattr(&die, DW_AT_declaration))
			continue;
		name = dwarf_diename(&die);
		if (name)
			push(fn, name, off);
	} while (dwarf_siblingof(&die, &die) == 0);
}

static void collect(struct debuginfo *di, struct pairs *fn,
		    struct pairs *files)
{
	Dwarf_Off off = 0, next;
	size_t hsize;

	while (dwarf_nextcu(di->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu;

		if (dwarf_offdie(di->dw, off + hsize, &cu) &&
		    dwarf_tag(&cu) == DW_TAG_compile_unit)
			collect_unit(&cu, off, fn, files);
		off = next;
	}
}

/* Sorted, de-duplicated entries for @p; returns how many. */
static size_t emit(struct pairs *p, struct index_entry *entries,
		   uint64_t *units, size_t *nu, struct strbuf *strtab)
{
	size_t i, ne = 0;

	if (p->n)
		qsort(p->v, p->n, sizeof(*p->v), by_name_unit);
	for (i = 0; i < p->n; i++) {
		bool same = ne && !strcmp(p->v[i].name, strtab->buf + entries[ne - 1].name);

		if (same && units[*nu - 1] == p->v[i].unit)
			continue;
		if (!same) {
			entries[ne].name = (uint32_t)strtab->len;
			entries[ne].first = (uint32_t)*nu;
			entries[ne].count = 0;
			strbuf_add(strtab, p->v[i].name, strlen(p->v[i].name) + 1);
			ne++;
		}
		entries[ne - 1].count++;
		units[(*nu)++] = p->v[i].unit;
	}
	return ne;
}

static bool warned_unwritable;

static int write_index(struct debuginfo *di, enum index_kind kind,
		       const char *path, const char *bid, const struct stat *st)
{
	struct index_header hdr;
	struct pairs fn = { 0 }, files = { 0 };
	struct index_entry *entries, *fentries;
	struct strbuf strtab = STRBUF_INIT;
	uint64_t *units;
	size_t ne, nf, nu = 0;
	char tmp[1100];
	FILE *f;
	int rc = -1;

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.magic, INDEX_MAGIC, sizeof(hdr.magic));
	collect(di, kind == INDEX_FUNCTIONS ? &fn : NULL,
		kind == INDEX_FILES ? &files : NULL);
	entries = xcalloc(fn.n, sizeof(*entries));
	fentries = xcalloc(files.n, sizeof(*fentries));
	units = xcalloc(fn.n + files.n, sizeof(*units));
	ne = emit(&fn, entries, units, &nu, &strtab);
	nf = emit(&files, fentries, units, &nu, &strtab);
	hdr.file_size = (uint64_t)st->st_size;
	hdr.file_mtime = (int64_t)st->st_mtime;
	snprintf(hdr.build_id, sizeof(hdr.build_id), "%s", bid);
	hdr.nnames = (uint32_t)ne;
	hdr.nfiles = (uint32_t)nf;
	hdr.nunits = (uint32_t)nu;
	hdr.strtab_size = (uint32_t)strtab.len;
	snprintf(tmp, sizeof(tmp), "%s.%d.tmp", path, (int)getpid());
	f = mkdirs(path) == 0 ? fopen(tmp, "wb") : NULL;
	if (f) {
		/* 8-byte unit offsets first: the header keeps them aligned */
		fwrite(&hdr, sizeof(hdr), 1, f);
		fwrite(units, sizeof(*units), nu, f);
		fwrite(entries, sizeof(*entries), ne, f);
		fwrite(fentries, sizeof(*fentries), nf, f);
		if (strtab.len)
			fwrite(strtab.buf, 1, strtab.len, f);
		/* rename() makes the new index appear whole or not at all */
		rc = fclose(f) == 0 && rename(tmp, path) == 0 ? 0 : -1;
		if (rc)
			unlink(tmp);
	}
	/* said once: without the cache every run re-reads all of DWARF */
	if (rc && !warned_unwritable) {
		fprintf(stderr, "Warning: cannot write the index cache %s: %s; every run will re-index (set PROBE_CACHE_DIR to a writable directory).\n",
			path, strerror(errno));
		warned_unwritable = true;
	}
	free(fn.v);
	free(files.v);
	free(entries);
	free(fentries);
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
	need = sizeof(*h) + ((size_t)h->nnames + h->nfiles) * sizeof(struct index_entry) +
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
	ix->files = ix->entries + h->nnames;
	ix->strtab = (const char *)(ix->files + h->nfiles);
	return ix;
}

struct func_index *func_index_open(struct debuginfo *di, enum index_kind kind)
{
	char path[1024], bid[80];
	struct func_index *ix;
	struct stat st;
	const char *off = getenv("PROBE_NO_INDEX");

	if ((off && *off && strcmp(off, "0")) || stat(di->path, &st) ||
	    cache_path(di, kind, path, sizeof(path), bid, sizeof(bid)))
		return NULL;
	ix = map_index(path, bid, &st);
	if (ix)
		return ix;
	if (write_index(di, kind, path, bid, &st))
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

static int by_offset(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

size_t func_index_file_units(struct func_index *ix, const char *tail,
			     uint64_t **units)
{
	size_t i, j, n = 0, lt = strlen(tail);

	*units = NULL;
	for (i = 0; i < ix->hdr->nfiles; i++) {
		const struct index_entry *e = &ix->files[i];
		const char *name;
		size_t ln;

		if (e->name >= ix->hdr->strtab_size ||
		    (uint64_t)e->first + e->count > ix->hdr->nunits)
			break;	/* damaged file */
		name = ix->strtab + e->name;
		ln = strlen(name);
		if (ln < lt || strcmp(name + ln - lt, tail))
			continue;
		*units = xrealloc(*units, (n + e->count) * sizeof(**units));
		for (j = 0; j < e->count; j++)
			(*units)[n++] = ix->units[e->first + j];
	}
	if (n)
		qsort(*units, n, sizeof(**units), by_offset);
	for (i = j = 0; i < n; i++)	/* a unit may list several matches */
		if (!j || (*units)[j - 1] != (*units)[i])
			(*units)[j++] = (*units)[i];
	return j;
}
