/* lens-application.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lens-portal-client.h"

G_BEGIN_DECLS

#define LENS_TYPE_APPLICATION (lens_application_get_type ())
G_DECLARE_FINAL_TYPE (LensApplication, lens_application, LENS, APPLICATION, AdwApplication)

LensApplication  *lens_application_new             (void);
/* The app's settings (io.github.reformlens.ReformLens). */
GSettings        *lens_application_get_settings    (LensApplication *self);
/* The one portal client (and its cache) of the app, created on first use from the settings
 * and the --portal/--offline options. */
LensPortalClient *lens_application_get_client      (LensApplication *self);
LensCache        *lens_application_get_cache       (LensApplication *self);
/* The filters given on the command line for the first window (--district, --compare, --from,
 * --to), or NULL when none was given. Borrowed. */
GVariantDict     *lens_application_get_start_filters (LensApplication *self);

G_END_DECLS
