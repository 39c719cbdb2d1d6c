/* lens-query-result.h: what a portal query gives back
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lens-table.h"

G_BEGIN_DECLS

/* The typed table and where it came from. Immutable. */
#define LENS_TYPE_QUERY_RESULT (lens_query_result_get_type ())
G_DECLARE_FINAL_TYPE (LensQueryResult, lens_query_result, LENS, QUERY_RESULT, GObject)

/* For the portal client (and tests that need a result without a portal). */
LensQueryResult *lens_query_result_new                 (LensTable       *table,
                                                        const char      *url,
                                                        GDateTime       *fetched_at,
                                                        GDateTime       *rows_updated_at,
                                                        gboolean         from_cache,
                                                        gboolean         stale,
                                                        const GError    *warning);

LensTable  *lens_query_result_get_table           (LensQueryResult *self);
const char *lens_query_result_get_url             (LensQueryResult *self);
GDateTime  *lens_query_result_get_fetched_at      (LensQueryResult *self);
GDateTime  *lens_query_result_get_rows_updated_at (LensQueryResult *self); /* may be NULL */
gboolean    lens_query_result_get_from_cache      (LensQueryResult *self);
/* TRUE when older than the client's max-age (or served because the network failed). */
gboolean    lens_query_result_get_stale           (LensQueryResult *self);
/* Seconds since the data was fetched from the portal. */
gint64      lens_query_result_get_age             (LensQueryResult *self);
/* Why cached data is shown instead of fresh data (offline, throttled...), or NULL. */
const GError *lens_query_result_get_warning       (LensQueryResult *self);

G_END_DECLS
