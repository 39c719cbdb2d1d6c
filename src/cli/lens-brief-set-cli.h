/* lens-brief-set-cli.h: saved briefs on the command line: --brief-set, --save-brief-set,
 * --list-brief-sets (no display needed)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const GOptionEntry *lens_brief_set_cli_get_option_entries (void);

/* Runs whichever of the three options is given and returns its exit status; -1 when none
 * is. Saved briefs live in lens_brief_set_store_default_dir(). */
int                 lens_brief_set_cli_handle_options     (GVariantDict  *options,
                                                           GSettings     *settings);

G_END_DECLS
