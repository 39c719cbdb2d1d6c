/* lens-cli.h: the command line (no display needed)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-filters.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* Nothing here touches GTK: the headless commands run before GTK is initialised. */

const GOptionEntry *lens_cli_get_option_entries   (void);

/* Runs a headless command (--list-charts, --export-chart) and returns its exit status, or
 * checks the options that also apply to the window (--portal, --district, ...) and returns
 * -1 when the app should go on, or an exit status after printing what was wrong. */
int                 lens_cli_handle_options       (GVariantDict  *options,
                                                   GSettings     *settings);

/* TRUE when any of --district, --compare, --from, --to was given; lens_filters_apply_options()
 * reads them. */
gboolean            lens_cli_has_filter_options   (GVariantDict  *options);

/* FALSE with a message ("--portal: ...") when --portal is given and not acceptable. */
gboolean            lens_cli_check_portal_option  (GVariantDict  *options,
                                                   GError       **error);

/* A client for --portal (or the settings' portal), the settings' app token and cache size,
 * and --offline (lens_settings_new_client()). NULL with an error for a bad --portal. */
LensPortalClient   *lens_cli_create_client        (GVariantDict  *options,
                                                   GSettings     *settings,
                                                   GError       **error);

/* The file option @name (--output, --brief) as an absolute path, resolved against the current
 * folder; "" when it was given empty, NULL when not given. */
char               *lens_cli_dup_path_option      (GVariantDict  *options,
                                                   const char    *name);

G_END_DECLS
