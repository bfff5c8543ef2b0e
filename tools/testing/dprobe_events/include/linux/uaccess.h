/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: the kernel API subset comes from one header. */
#include "../host_compat.h"
