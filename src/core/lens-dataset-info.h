/* lens-dataset-info.h: what /api/views/<id>.json says about a dataset
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LENS_TYPE_DATASET_INFO (lens_dataset_info_get_type ())
G_DECLARE_FINAL_TYPE (LensDatasetInfo, lens_dataset_info, LENS, DATASET_INFO, GObject)

LensDatasetInfo *lens_dataset_info_new                  (const char          *id,
                                                         const char          *name,
                                                         GDateTime           *rows_updated_at,
                                                         const char * const  *fields,
                                                         const char * const  *types);
/* Parses a /api/views/<id>.json body; anything else is a LENS_PORTAL_ERROR_BAD_RESPONSE.
 * Safe to call from any thread. */
LensDatasetInfo *lens_dataset_info_new_from_json        (GBytes              *body,
                                                         GError             **error);

const char   *lens_dataset_info_get_id              (LensDatasetInfo *self);
const char   *lens_dataset_info_get_name            (LensDatasetInfo *self);
GDateTime    *lens_dataset_info_get_rows_updated_at (LensDatasetInfo *self); /* may be NULL */
/* Field names and their Socrata type names, parallel, NULL-terminated. */
const char * const *lens_dataset_info_get_fields    (LensDatasetInfo *self);
const char * const *lens_dataset_info_get_types     (LensDatasetInfo *self);

G_END_DECLS
