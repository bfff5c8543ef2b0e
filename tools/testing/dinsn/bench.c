// SPDX-License-Identifier: GPL-2.0
/*
 * Decoder benchmark (not a test): linear decode of the executable sections
 * of an ELF file with dinsn, upstream's insn_decode() (when linked in),
 * Zydis in minimal mode and Capstone.  Undecodable bytes are skipped one
 * at a time by every decoder alike.
 *
 *   bench FILE                  MB/s (min time of 5 runs) per decoder
 *   bench --only NAME --limit N FILE
 *                               one pass over the first N bytes, for
 *                               callgrind --toggle-collect=run_NAME
 */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <Zydis/Zydis.h>
#include <capstone/capstone.h>
#include "dinsn.h"
#include "array_size.h"

#ifdef HAVE_UPSTREAM
int upstream_len(const unsigned char *buf, size_t len);
#endif

static u8 *code;
static size_t code_size;
static ZydisDecoder zy;
static csh cs;
static cs_insn *cs_in;

#define WIN(off) (code_size - (off) < 15 ? code_size - (off) : 15)

__attribute__((noinline)) static unsigned long run_ours(size_t size)
{
	unsigned long n = 0;
	struct dinsn di;

	for (size_t off = 0; off < size; n++)
		off += dinsn_decode(&di, code + off, WIN(off), DINSN_MODE_64) ?
		       1 : di.len;
	return n;
}

#ifdef HAVE_UPSTREAM
__attribute__((noinline)) static unsigned long run_upstream(size_t size)
{
	unsigned long n = 0;

	for (size_t off = 0; off < size; n++) {
		int l = upstream_len(code + off, WIN(off));

		off += l > 0 ? l : 1;
	}
	return n;
}
#endif

__attribute__((noinline)) static unsigned long run_zydis(size_t size)
{
	unsigned long n = 0;
	ZydisDecodedInstruction in;

	for (size_t off = 0; off < size; n++) {
		if (ZYAN_SUCCESS(ZydisDecoderDecodeInstruction(&zy, NULL, code + off,
							       WIN(off), &in)))
			off += in.length;
		else
			off++;
	}
	return n;
}

__attribute__((noinline)) static unsigned long run_capstone(size_t size)
{
	unsigned long n = 0;

	for (size_t off = 0; off < size; n++) {
		const u8 *p = code + off;
		size_t left = WIN(off);
		u64 addr = off;

		if (cs_disasm_iter(cs, &p, &left, &addr, cs_in))
			off = p - code;
		else
			off++;
	}
	return n;
}

static const struct {
	const char *name;
	unsigned long (*run)(size_t size);
} decoders[] = {
	{ "ours", run_ours },
#ifdef HAVE_UPSTREAM
	{ "upstream", run_upstream },
#endif
	{ "zydis", run_zydis },
	{ "capstone", run_capstone },
};

/* Concatenate the executable sections (each a separate sweep would do too). */
static void load(const char *file)
{
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	struct stat sb;
	u8 *img;
	int fd = open(file, O_RDONLY);

	if (fd < 0 || fstat(fd, &sb)) {
		perror(file);
		exit(2);
	}
	img = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (img == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	eh = (const void *)img;
	sh = (const void *)(img + eh->e_shoff);
	for (int i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_PROGBITS ||
		    !(sh[i].sh_flags & SHF_EXECINSTR))
			continue;
		code = realloc(code, code_size + sh[i].sh_size);
		memcpy(code + code_size, img + sh[i].sh_offset, sh[i].sh_size);
		code_size += sh[i].sh_size;
	}
	munmap(img, sb.st_size);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	size_t limit = 0;
	int i = 1;

	for (; i < argc - 1 && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "--only"))
			only = argv[i + 1];
		else if (!strcmp(argv[i], "--limit"))
			limit = strtoul(argv[i + 1], NULL, 0);
	}
	if (i != argc - 1) {
		fprintf(stderr, "usage: bench [--only NAME] [--limit BYTES] FILE\n");
		return 2;
	}
	load(argv[i]);
	ZydisDecoderInit(&zy, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
	ZydisDecoderEnableMode(&zy, ZYDIS_DECODER_MODE_MINIMAL, ZYAN_TRUE);
	if (cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
		return 2;
	cs_in = cs_malloc(cs);
	if (limit && limit < code_size)
		code_size = limit;

	for (size_t d = 0; d < ARRAY_SIZE(decoders); d++) {
		double best = 1e30;
		unsigned long n = 0;

		if (only && strcmp(only, decoders[d].name))
			continue;
		for (int r = 0; r < (only ? 1 : 5); r++) {
			double t = now();

			n = decoders[d].run(code_size);
			t = now() - t;
			if (t < best)
				best = t;
		}
		printf("%s %zu bytes %lu insns %.1f MB/s\n", decoders[d].name,
		       code_size, n, code_size / best / 1e6);
	}
	cs_free(cs_in, 1);
	cs_close(&cs);
	free(code);
	return 0;
}
