// SPDX-License-Identifier: GPL-2.0-only
/*
 * dprobes: executable slots for instructions run out of line.
 *
 * Slots come from pages allocated with execmem (within rel32 reach of the
 * kernel and modules, so RIP-relative operands and the jump back can be
 * relocated) and made read-only executable; they are written only through
 * text_poke_copy().  A slot is reused only after an RCU-tasks grace
 * period: with a boosted slot a task can be preempted while running the
 * copy, and must have left it before the bytes change.
 */
#include <linux/bitmap.h>
#include <linux/execmem.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/perf_event.h>
#include <linux/rculist.h>
#include <linux/set_memory.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/text-patching.h>

#include "dprobe_x86.h"

#define SLOTS_PER_PAGE	(PAGE_SIZE / DPROBE_SLOT_SIZE)

struct dprobe_slot_page {
	struct list_head list;		/* RCU: read from the int3 handler */
	u8 *base;
	DECLARE_BITMAP(used, SLOTS_PER_PAGE);
	struct dprobe_site *owner[SLOTS_PER_PAGE];
};

static LIST_HEAD(slot_pages);
static DEFINE_MUTEX(slot_mutex);

static struct dprobe_slot_page *slot_page_new(void)
{
	struct dprobe_slot_page *pg;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return NULL;
	pg->base = execmem_alloc(EXECMEM_KPROBES, PAGE_SIZE);
	if (!pg->base) {
		kfree(pg);
		return NULL;
	}
	/* Unused bytes trap instead of running into garbage. */
	memset(pg->base, INT3_INSN_OPCODE, PAGE_SIZE);
	set_memory_rox((unsigned long)pg->base, 1);
	list_add_rcu(&pg->list, &slot_pages);
	/* perf's view of kernel code: the page is out-of-line code for good */
	perf_event_ksymbol(PERF_RECORD_KSYMBOL_TYPE_OOL, (unsigned long)pg->base,
			   PAGE_SIZE, false, "kprobe_insn_page");
	return pg;
}

/**
 * dprobe_slot_write() - write code into a slot
 * @dst: where, inside a slot that no task can be running in
 * @src: the code
 * @len: its length
 *
 * Tells perf, which keeps its own copy of kernel code for decoding.
 */
void dprobe_slot_write(void *dst, const void *src, size_t len)
{
	text_poke_copy(dst, src, len);
	perf_event_text_poke(dst, NULL, 0, src, len);
}

/**
 * dprobe_slot_alloc() - reserve an out-of-line slot for @site
 * @site: the probe site that will own the slot
 *
 * Return: the slot's address, or NULL when out of memory.
 */
u8 *dprobe_slot_alloc(struct dprobe_site *site)
{
	struct dprobe_slot_page *pg;
	unsigned int idx;
	u8 *slot = NULL;

	mutex_lock(&slot_mutex);
	list_for_each_entry(pg, &slot_pages, list) {
		idx = find_first_zero_bit(pg->used, SLOTS_PER_PAGE);
		if (idx < SLOTS_PER_PAGE)
			goto found;
	}
	pg = slot_page_new();
	if (!pg)
		goto out;
	idx = 0;
found:
	__set_bit(idx, pg->used);
	WRITE_ONCE(pg->owner[idx], site);
	slot = pg->base + idx * DPROBE_SLOT_SIZE;
out:
	mutex_unlock(&slot_mutex);
	return slot;
}

/**
 * dprobe_slot_free() - give a slot back
 * @slot: a slot from dprobe_slot_alloc()
 *
 * The caller guarantees that no task can still be running in it (an
 * RCU-tasks grace period has passed since it was last reachable).
 */
void dprobe_slot_free(u8 *slot)
{
	struct dprobe_slot_page *pg;
	unsigned int idx;

	mutex_lock(&slot_mutex);
	list_for_each_entry(pg, &slot_pages, list) {
		if (slot < pg->base || slot >= pg->base + PAGE_SIZE)
			continue;
		idx = (slot - pg->base) / DPROBE_SLOT_SIZE;
		perf_event_text_poke(slot, slot, DPROBE_SLOT_SIZE, NULL, 0);
		text_poke_set(slot, INT3_INSN_OPCODE, DPROBE_SLOT_SIZE);
		WRITE_ONCE(pg->owner[idx], NULL);
		__clear_bit(idx, pg->used);
		break;
	}
	mutex_unlock(&slot_mutex);
}

/**
 * dprobe_slot_owner() - the site whose slot contains @addr
 * @addr: an address that trapped
 *
 * Called from the int3 handler, under RCU (NMI-like context).
 *
 * Return: the owning site, or NULL when @addr is not in a slot.
 */
struct dprobe_site *dprobe_slot_owner(unsigned long addr)
{
	struct dprobe_slot_page *pg;
	unsigned long base;

	list_for_each_entry_rcu(pg, &slot_pages, list) {
		base = (unsigned long)pg->base;
		if (addr >= base && addr < base + PAGE_SIZE)
			return READ_ONCE(pg->owner[(addr - base) /
						   DPROBE_SLOT_SIZE]);
	}
	return NULL;
}

NOKPROBE_SYMBOL(dprobe_slot_owner);

/**
 * dprobe_is_slot() - is @addr inside dprobes' executable slots?
 * @addr: any address
 *
 * Called by kernel_text_address() (unwinders), in any context.
 *
 * Return: true when @addr lies in a slot page: code that unwinders may
 * walk through and that no probe may be placed on.
 */
bool dprobe_is_slot(unsigned long addr)
{
	struct dprobe_slot_page *pg;
	bool found = false;

	rcu_read_lock();
	list_for_each_entry_rcu(pg, &slot_pages, list) {
		if (addr >= (unsigned long)pg->base &&
		    addr < (unsigned long)pg->base + PAGE_SIZE) {
			found = true;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

NOKPROBE_SYMBOL(dprobe_is_slot);

/*
 * kprobes' queries about its instruction slots answer for ours: only the
 * address of this cache is used, the engine keeps its own pages.
 */
struct kprobe_insn_cache kprobe_insn_slots = {
	.sym = KPROBE_INSN_PAGE_SYM,
};

/**
 * __is_insn_slot_addr() - is @addr in one of a slot cache's pages?
 * @c: the cache; only &kprobe_insn_slots exists with dprobes
 * @addr: any address
 *
 * Behind is_kprobe_insn_slot(), which kernel_text_address() asks.
 *
 * Return: true when @addr lies in a dprobes slot page.
 */
bool __is_insn_slot_addr(struct kprobe_insn_cache *c, unsigned long addr)
{
	return c == &kprobe_insn_slots && dprobe_is_slot(addr);
}

NOKPROBE_SYMBOL(__is_insn_slot_addr);

/**
 * kprobe_get_kallsym() - the slot pages as kallsyms entries
 * @symnum: which page, from 0
 * @value: out: its address
 * @type: out: 't'
 * @sym: out: its name, KSYM_NAME_LEN bytes
 *
 * /proc/kallsyms lists them as [__builtin__kprobes], as perf expects
 * for samples taken in out-of-line copies and detours.
 *
 * Return: 0, or -ERANGE past the last page.
 */
int kprobe_get_kallsym(unsigned int symnum, unsigned long *value, char *type,
		       char *sym)
{
	struct dprobe_slot_page *pg;
	int ret = -ERANGE;

	rcu_read_lock();
	list_for_each_entry_rcu(pg, &slot_pages, list) {
		if (symnum--)
			continue;
		*value = (unsigned long)pg->base;
		*type = 't';
		strscpy(sym, KPROBE_INSN_PAGE_SYM, KSYM_NAME_LEN);
		ret = 0;
		break;
	}
	rcu_read_unlock();
	return ret;
}
