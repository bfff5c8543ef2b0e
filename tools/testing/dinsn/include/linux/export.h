/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/export.h>: nothing to export. */
#ifndef DINSN_SHIM_LINUX_EXPORT_H
#define DINSN_SHIM_LINUX_EXPORT_H

/*
 * Only the declaration the kernel's macro starts with: @sym must exist, and
 * the caller's ';' ends it.
 */
#define EXPORT_SYMBOL_GPL(sym)	extern typeof(sym) sym

#endif
