/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-ins for what the dinsn core uses from <linux/compiler.h>. */
#ifndef DINSN_SHIM_LINUX_COMPILER_H
#define DINSN_SHIM_LINUX_COMPILER_H

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define noinline	__attribute__((__noinline__))
#undef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))

#endif
