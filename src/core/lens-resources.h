/* lens-resources.h: the app's compiled-in data and templates
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Registers the GResource once; every reader of resources calls it first, so the command
 * line, the tests and the app work the same way. */
void lens_resources_ensure_registered (void);

G_END_DECLS
