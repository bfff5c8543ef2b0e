// SPDX-License-Identifier: GPL-2.0
#include "debuginfo.h"
#include "func_index.h"

#include <dwarf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const Dwfl_Callbacks offline_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

static int open_elf(struct debuginfo *di, const char *path, bool need_dwarf,
		    struct probe_error *err)
{
	memset(di, 0, sizeof(*di));
	if (access(path, R_OK))
		return perr(err, "Cannot read %s: %s.", path, strerror(errno));
	di->dwfl = dwfl_begin(&offline_callbacks);
	if (!di->dwfl)
		return perr(err, "libdwfl: %s", dwfl_errmsg(-1));
	dwfl_report_begin(di->dwfl);
	di->mod = dwfl_report_offline(di->dwfl, path, path, -1);
	dwfl_report_end(di->dwfl, NULL, NULL);
	if (!di->mod) {
		perr(err, "%s is not a usable ELF file: %s.", path, dwfl_errmsg(-1));
		debuginfo_close(di);
		return -1;
	}
	di->dw = dwfl_module_getdwarf(di->mod, &di->bias);
	if (!di->dw && !need_dwarf) {
		/* the symbol table's addresses need the module's bias too */
		if (!dwfl_module_getelf(di->mod, &di->bias)) {
			perr(err, "%s is not a usable ELF file: %s.", path, dwfl_errmsg(-1));
			debuginfo_close(di);
			return -1;
		}
		di->no_dwarf = true;
	} else if (!di->dw) {
		perr(err, "%s has no DWARF debug information.", path);
		perr_hint(err, "Use a vmlinux built with CONFIG_DEBUG_INFO=y (Debian: the linux-image-*-dbg package), or pass it with -k.");
		debuginfo_close(di);
		return -1;
	}
	di->path = xstrdup(path);
	return 0;
}

int debuginfo_open(struct debuginfo *di, const char *path,
		   struct probe_error *err)
{
	return open_elf(di, path, true, err);
}

int debuginfo_open_symbols(struct debuginfo *di, const char *path,
			   struct probe_error *err)
{
	return open_elf(di, path, false, err);
}

void debuginfo_close(struct debuginfo *di)
{
	size_t i;

	for (i = 0; i < di->nnames; i++)
		free(di->names[i]);
	free(di->names);
	for (i = 0; i < (size_t)(di->nplain > 0 ? di->nplain : 0); i++)
		free(di->plain[i]);
	free(di->plain);
	if (di->cfi_eh)	/* .debug_frame's CFI belongs to the Dwarf handle */
		dwarf_cfi_end(di->cfi_eh);
	func_index_close(di->fidx[0]);
	func_index_close(di->fidx[1]);
	free(di->syms);
	sym_ranges_free(&di->ranges);
	if (di->dwfl)
		dwfl_end(di->dwfl);
	free(di->path);
	memset(di, 0, sizeof(*di));
}

int debuginfo_build_id(struct debuginfo *di, char *buf, size_t size)
{
	const unsigned char *bits;
	GElf_Addr vaddr;
	int n, i;

	n = dwfl_module_build_id(di->mod, &bits, &vaddr);
	if (n <= 0 || size < (size_t)n * 2 + 1)
		return -1;
	for (i = 0; i < n; i++)
		snprintf(buf + 2 * i, 3, "%02x", bits[i]);
	return 0;
}

/*
 * A library's symbol table may spell a name with its version, as in
 * "fopen@@GLIBC_2.2.5"; users write "fopen". The copy lives as long as @di.
 */
static const char *plain_name(struct debuginfo *di, const char *name)
{
	const char *at = strchr(name, '@');

	if (!at || at == name)
		return name;
	di->names = xrealloc(di->names, (di->nnames + 1) * sizeof(*di->names));
	di->names[di->nnames] = xstrndup(name, (size_t)(at - name));
	return di->names[di->nnames++];
}

/* plain_name() of symbol-table entry @i, copied at most once per @di. */
static const char *sym_plain(struct debuginfo *di, int i, const char *name)
{
	const char *at = strchr(name, '@');

	if (!at || at == name)
		return name;
	if (!di->plain) {
		di->nplain = dwfl_module_getsymtab(di->mod);
		di->plain = xcalloc(di->nplain > 0 ? (size_t)di->nplain : 1,
				    sizeof(*di->plain));
	}
	if (i < 0 || i >= di->nplain)
		return plain_name(di, name);
	if (!di->plain[i])
		di->plain[i] = xstrndup(name, (size_t)(at - name));
	return di->plain[i];
}

static bool is_function_symbol(const GElf_Sym *sym)
{
	return GELF_ST_TYPE(sym->st_info) == STT_FUNC && sym->st_shndx != SHN_UNDEF;
}

int debuginfo_addr_symbol(struct debuginfo *di, Dwarf_Addr addr,
			  const char **name, unsigned long *offset)
{
	const struct sym_range *r;
	GElf_Off off;
	GElf_Sym sym;
	const char *n;

	if (!di->ranges_built) {
		sym_ranges_build(di->mod, di->bias, &di->ranges);
		di->ranges_built = true;
	}
	r = sym_ranges_lookup(&di->ranges, addr);
	if (r) {
		*name = sym_plain(di, r->index, r->name);
		*offset = (unsigned long)(addr - r->start);
		return 0;
	}
	/* no sized symbol holds it: libdwfl also weighs sizeless labels */
	n = dwfl_module_addrinfo(di->mod, addr + di->bias, &off, &sym, NULL,
				 NULL, NULL);
	if (!n)
		return -1;
	*name = plain_name(di, n);
	*offset = off;
	return 0;
}

int debuginfo_for_each_function(struct debuginfo *di,
				int (*fn)(const char *name, Dwarf_Addr addr,
					  void *data),
				void *data)
{
	int i, n = dwfl_module_getsymtab(di->mod);

	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr value;
		const char *name;
		int rc;

		name = dwfl_module_getsym_info(di->mod, i, &sym, &value, NULL,
					       NULL, NULL);
		if (!name || !is_function_symbol(&sym))
			continue;
		rc = fn(sym_plain(di, i, name), value - di->bias, data);
		if (rc)
			return rc;
	}
	return 0;
}

/* The loadable segment of the file holding @v (an address or an offset). */
static int load_segment(struct debuginfo *di, uint64_t v, bool by_offset,
			GElf_Phdr *out)
{
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(di->mod, &bias);
	size_t i, n;

	if (!elf || elf_getphdrnum(elf, &n))
		return -1;
	for (i = 0; i < n; i++) {
		GElf_Phdr ph;
		uint64_t start;

		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
			continue;
		start = by_offset ? ph.p_offset : ph.p_vaddr;
		if (v >= start && v - start < ph.p_filesz) {
			*out = ph;
			return 0;
		}
	}
	return -1;
}

int debuginfo_file_offset(struct debuginfo *di, Dwarf_Addr addr,
			  uint64_t *offset)
{
	GElf_Phdr ph;

	if (load_segment(di, addr, false, &ph))
		return -1;
	*offset = addr - ph.p_vaddr + ph.p_offset;
	return 0;
}

int debuginfo_offset_addr(struct debuginfo *di, uint64_t offset,
			  Dwarf_Addr *addr)
{
	GElf_Phdr ph;

	if (load_segment(di, offset, true, &ph))
		return -1;
	*addr = offset - ph.p_offset + ph.p_vaddr;
	return 0;
}

const char *debuginfo_section_of(struct debuginfo *di, Dwarf_Addr addr)
{
	Dwarf_Addr bias;
	Elf *elf = dwfl_module_getelf(di->mod, &bias);
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (!elf || elf_getshdrstrndx(elf, &shstrndx))
		return NULL;
	addr += di->bias - bias;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) ||
		    addr < sh.sh_addr || addr >= sh.sh_addr + sh.sh_size)
			continue;
		return elf_strptr(elf, shstrndx, sh.sh_name);
	}
	return NULL;
}

struct find_sym {
	const char *name;
	Dwarf_Addr addr;
	bool found;
};

static int match_symbol(const char *name, Dwarf_Addr addr, void *data)
{
	struct find_sym *fs = data;

	if (strcmp(name, fs->name))
		return 0;
	fs->addr = addr;
	fs->found = true;
	return 1;
}

bool debuginfo_symbol_is_ifunc(struct debuginfo *di, const char *name)
{
	int i, n = dwfl_module_getsymtab(di->mod);
	size_t len = strlen(name);

	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *s = dwfl_module_getsym(di->mod, i, &sym, NULL);

		if (s && GELF_ST_TYPE(sym.st_info) == STT_GNU_IFUNC &&
		    !strncmp(s, name, len) && (!s[len] || s[len] == '@'))
			return true;
	}
	return false;
}

int debuginfo_symbol_addr(struct debuginfo *di, const char *name,
			  Dwarf_Addr *addr)
{
	struct find_sym fs = { name, 0, false };

	debuginfo_for_each_function(di, match_symbol, &fs);
	if (!fs.found)
		return -1;
	*addr = fs.addr;
	return 0;
}

/* Named, defined symbols that kallsyms would list: no files, no sections. */
static bool is_named_symbol(const GElf_Sym *sym)
{
	int type = GELF_ST_TYPE(sym->st_info);

	return sym->st_shndx != SHN_UNDEF && type != STT_FILE &&
	       type != STT_SECTION;
}

/* One name of the symbol table: how many symbols have it, the first's address. */
struct sym_name {
	const char *name;	/* owned by libdwfl */
	int count;
	Dwarf_Addr first;
};

static unsigned long name_hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Open addressing over the names, built once: a spec may ask per point. */
static struct sym_name *sym_slot(struct sym_name *v, size_t cap, const char *name)
{
	size_t i = name_hash(name) & (cap - 1);

	while (v[i].name && strcmp(v[i].name, name))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void sym_names_build(struct debuginfo *di)
{
	int i, n = dwfl_module_getsymtab(di->mod);
	size_t cap = 16;

	while (cap < (size_t)(n > 0 ? n : 1) * 2)
		cap *= 2;
	di->syms = xcalloc(cap, sizeof(*di->syms));
	di->nsyms_cap = cap;
	for (i = 1; i < n; i++) {
		struct sym_name *e;
		GElf_Sym sym;
		GElf_Addr value;
		const char *s;

		s = dwfl_module_getsym_info(di->mod, i, &sym, &value, NULL,
					    NULL, NULL);
		if (!s || !*s || !is_named_symbol(&sym))
			continue;
		s = sym_plain(di, i, s);
		e = sym_slot(di->syms, cap, s);
		if (!e->name) {
			e->name = s;
			e->first = value - di->bias;
		}
		e->count++;
	}
}

int debuginfo_symbol_count(struct debuginfo *di, const char *name,
			   Dwarf_Addr *first)
{
	struct sym_name *e;

	if (!di->syms)
		sym_names_build(di);
	e = sym_slot(di->syms, di->nsyms_cap, name);
	if (e->name && first)
		*first = e->first;
	return e->name ? e->count : 0;
}

struct func_index *debuginfo_index(struct debuginfo *di, int kind)
{
	if (!di->fidx_tried[kind]) {
		di->fidx[kind] = func_index_open(di, (enum index_kind)kind);
		di->fidx_tried[kind] = true;
	}
	return di->fidx[kind];
}

Dwarf_CFI *debuginfo_cfi(struct debuginfo *di, bool eh)
{
	if (!di->cfi_loaded) {
		Dwarf_Addr bias;
		Elf *elf = dwfl_module_getelf(di->mod, &bias);

		di->cfi_eh = elf ? dwarf_getcfi_elf(elf) : NULL;
		di->cfi_dbg = dwarf_getcfi(di->dw);
		di->cfi_loaded = true;
	}
	return eh ? di->cfi_eh : di->cfi_dbg;
}

int debuginfo_next_cu(struct debuginfo *di, Dwarf_Off *off, Dwarf_Die *cu)
{
	for (;;) {
		Dwarf_Off next;
		size_t hsize;

		if (dwarf_nextcu(di->dw, *off, &next, &hsize, NULL, NULL,
				 NULL) != 0)
			return 1;
		if (dwarf_offdie(di->dw, *off + hsize, cu) &&
		    dwarf_tag(cu) == DW_TAG_compile_unit) {
			*off = next;
			return 0;
		}
		*off = next;
	}
}
