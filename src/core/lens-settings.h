/* lens-settings.h: the app's GSettings, also where its schema is not installed
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_settings_new() aborts the process when the schema is not installed, which is the case for
 * a build tree run outside `meson devenv`. Everything here looks the schema up first and, when
 * it is missing, uses the copy compiled into the app's GResource: the schema's own defaults,
 * kept in memory for this run. Nothing here uses GTK.
 */
#pragma once

#include <gio/gio.h>

#include "lens-portal-client.h"

G_BEGIN_DECLS

/* The installed schema io.github.reformlens.ReformLens, or NULL. */
GSettingsSchema  *lens_settings_lookup_installed_schema (void);

/* The app's settings: the installed schema's (saved where GSettings saves them) or, when the
 * schema is not installed, the compiled-in copy's defaults in memory. NULL with @error only
 * when that copy cannot be read either. */
GSettings        *lens_settings_new                     (GError          **error);

/* FALSE for settings made from the compiled-in copy: nothing the person changes is kept. */
gboolean          lens_settings_is_installed            (GSettings        *settings);

/* The cache-size-mb setting in bytes. */
guint64           lens_settings_get_cache_max_bytes     (GSettings        *settings);

/* A portal client as the settings say: a cache of cache-size-mb, the app token, and the
 * portal-url setting, or @portal_url when it is not NULL (a --portal given for this run). An
 * address that is not acceptable is kept, and every request then fails saying why. */
LensPortalClient *lens_settings_new_client              (GSettings        *settings,
                                                         const char       *portal_url);

/* Applies one setting (@key: "cache-size-mb", "app-token" or "portal-url"; NULL for all) to
 * @client; @portal_url as above. FALSE with @error when the portal address is refused: the
 * client then keeps its address. */
gboolean          lens_settings_apply_to_client         (GSettings        *settings,
                                                         LensPortalClient *client,
                                                         const char       *key,
                                                         const char       *portal_url,
                                                         GError          **error);

G_END_DECLS
