/* lens-content-error.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-content-error"

#include "config.h"

#include "lens-content-error.h"

G_DEFINE_QUARK (lens-content-error-quark, lens_content_error)
