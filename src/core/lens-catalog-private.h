/* lens-catalog-private.h: the parts of the catalogue's loading kept in their own files
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-content-private.h"

G_BEGIN_DECLS

/* "fields": { "<dataset id>": { "<field>": "<Socrata type>", ... }, ... } (lens-catalog.h,
 * lens_catalog_get_field_type()). */
typedef struct _LensCatalogFields LensCatalogFields;

LensCatalogFields  *lens_catalog_fields_new             (void);
void                lens_catalog_fields_free            (LensCatalogFields  *self);
gboolean            lens_catalog_fields_read            (LensCatalogFields  *self,
                                                         LensContentReader  *reader,
                                                         GError            **error);
/* In file order, NULL-terminated */
const char * const *lens_catalog_fields_get_dataset_ids (LensCatalogFields  *self);
/* NULL when not declared */
const char         *lens_catalog_fields_lookup          (LensCatalogFields  *self,
                                                         const char         *dataset_id,
                                                         const char         *field);

G_END_DECLS
