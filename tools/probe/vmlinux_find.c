// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE	/* nftw() */
#include "vmlinux_find.h"

#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

int running_build_id(char *buf, size_t size)
{
	unsigned char notes[4096];
	FILE *f = fopen("/sys/kernel/notes", "rb");
	size_t len, off = 0;

	if (!f)
		return -1;
	len = fread(notes, 1, sizeof(notes), f);
	fclose(f);
	/* ELF notes: namesz, descsz, type, name (4-aligned), desc (4-aligned) */
	while (off + 12 <= len) {
		uint32_t namesz, descsz, type;
		size_t name_off = off + 12, desc_off, i;

		memcpy(&namesz, notes + off, 4);
		memcpy(&descsz, notes + off + 4, 4);
		memcpy(&type, notes + off + 8, 4);
		desc_off = name_off + ((namesz + 3) & ~3u);
		if (desc_off + descsz > len)
			break;
		if (type == 3 && namesz == 4 && !memcmp(notes + name_off, "GNU", 4)) {
			if (size < descsz * 2 + 1)
				return -1;
			for (i = 0; i < descsz; i++)
				snprintf(buf + 2 * i, 3, "%02x", notes[desc_off + i]);
			return 0;
		}
		off = desc_off + ((descsz + 3) & ~3u);
	}
	return -1;
}

int vmlinux_open_running(struct debuginfo *di, bool quiet,
			 struct probe_error *err)
{
	static const char *const patterns[] = {
		"/usr/lib/debug/boot/vmlinux-%s",
		"/usr/lib/debug/lib/modules/%s/vmlinux",
		"/lib/modules/%s/build/vmlinux",
		"/boot/vmlinux-%s",
	};
	struct strbuf tried = STRBUF_INIT;
	char want[128], have[128], path[512];
	struct utsname u;
	bool known;
	size_t i;

	uname(&u);
	known = running_build_id(want, sizeof(want)) == 0;
	for (i = 0; i < ARRAY_SIZE(patterns); i++) {
		struct probe_error ignored;

		snprintf(path, sizeof(path), patterns[i], u.release);
		if (debuginfo_open(di, path, &ignored)) {
			strbuf_addf(&tried, "\n  %s (%s)", path, ignored.msg);
			continue;
		}
		if (known && (debuginfo_build_id(di, have, sizeof(have)) ||
			      strcmp(have, want))) {
			strbuf_addf(&tried, "\n  %s (build-id differs from the running kernel)",
				    path);
			debuginfo_close(di);
			continue;
		}
		if (!quiet)
			fprintf(stderr, "Using vmlinux %s%s\n", path,
				known ? " (build-id matches the running kernel)" : "");
		strbuf_release(&tried);
		return 0;
	}
	perr(err, "No vmlinux with debug information for kernel %s. Tried:%s",
	     u.release, tried.buf ? tried.buf : "");
	perr_hint(err, "Install it (Debian: apt install linux-image-%s-dbg) or pass one with -k VMLINUX.",
		  u.release);
	strbuf_release(&tried);
	return -1;
}

/* Module names treat '-' and '_' alike. */
static bool same_module(const char *file, const char *name)
{
	size_t n = strlen(name), i;

	if (strncmp(file + n, ".ko", 3) || (file[n + 3] && file[n + 3] != '.'))
		return false;
	for (i = 0; i < n; i++) {
		char a = file[i] == '-' ? '_' : file[i];
		char b = name[i] == '-' ? '_' : name[i];

		if (a != b || !a)
			return false;
	}
	return true;
}

static const char *wanted_module;
static char found_module[4096];

static int visit_module(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	(void)st;
	if (type == FTW_F && same_module(path + ftw->base, wanted_module)) {
		snprintf(found_module, sizeof(found_module), "%s", path);
		return 1;
	}
	return 0;
}

char *module_find(const char *name, struct probe_error *err)
{
	static const char *const dirs[] = {
		"/usr/lib/debug/lib/modules/%s", "/lib/modules/%s",
	};
	struct strbuf tried = STRBUF_INIT;
	char dir[512];
	struct utsname u;
	size_t i;

	uname(&u);
	wanted_module = name;
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		snprintf(dir, sizeof(dir), dirs[i], u.release);
		if (nftw(dir, visit_module, 16, FTW_PHYS) == 1) {
			strbuf_release(&tried);
			return xstrdup(found_module);
		}
		strbuf_addf(&tried, "\n  %s", dir);
	}
	perr(err, "Module %s not found under:%s", name, tried.buf);
	perr_hint(err, "Pass the .ko with debug information as -m PATH (Debian: linux-image-%s-dbg).",
		  u.release);
	strbuf_release(&tried);
	return NULL;
}
