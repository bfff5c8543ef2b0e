/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host build: libc headers include the UAPI header of this name, so keep
 * it, then add the kernel API subset.
 */
#include_next <linux/stddef.h>
#include "../host_compat.h"
