/* lens-boundaries-result.h: the district boundaries as the portal client gives them back
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lens-boundaries.h"

G_BEGIN_DECLS

/* The parsed boundaries and where they came from, like LensQueryResult for a table.
 * Immutable. */
#define LENS_TYPE_BOUNDARIES_RESULT (lens_boundaries_result_get_type ())
G_DECLARE_FINAL_TYPE (LensBoundariesResult, lens_boundaries_result, LENS, BOUNDARIES_RESULT, GObject)

/* Takes @boundaries. */
LensBoundariesResult *lens_boundaries_result_new            (LensBoundaries       *boundaries,
                                                             const char           *url,
                                                             GDateTime            *fetched_at,
                                                             gboolean              from_cache,
                                                             gboolean              stale,
                                                             const GError         *warning);
LensBoundaries       *lens_boundaries_result_get_boundaries (LensBoundariesResult *self);
const char           *lens_boundaries_result_get_url        (LensBoundariesResult *self);
GDateTime            *lens_boundaries_result_get_fetched_at (LensBoundariesResult *self);
gboolean              lens_boundaries_result_get_from_cache (LensBoundariesResult *self);
gboolean              lens_boundaries_result_get_stale      (LensBoundariesResult *self);
/* Seconds since the boundaries were fetched from the portal. */
gint64                lens_boundaries_result_get_age        (LensBoundariesResult *self);
/* Why a cached copy is shown instead of a fresh one (offline...), or NULL. */
const GError         *lens_boundaries_result_get_warning    (LensBoundariesResult *self);

G_END_DECLS
