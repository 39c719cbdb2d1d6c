/* lens-fake-schema.h: columns the fake portal's City has renamed or retyped
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-fake-data.h"

G_BEGIN_DECLS

/* A list of changes to the generator's schema (lens-fake-data.c), as the City makes them: a
 * column renamed (COPA's years_on_force_of_officers, socrata-cpd.md §2.2) or given another
 * type. Not thread-safe: the portal guards it with its mutex. */
typedef struct _LensFakeSchema LensFakeSchema;

LensFakeSchema *lens_fake_schema_new          (void);
void            lens_fake_schema_free         (LensFakeSchema      *self);
/* @old_name of @dataset_id is called @new_name from now on. */
void            lens_fake_schema_rename       (LensFakeSchema      *self,
                                               const char          *dataset_id,
                                               const char          *old_name,
                                               const char          *new_name);
/* @name of @dataset_id has the metadata type @view_type ("number", "text", "calendar_date",
 * "checkbox", ...) from now on; its SODA2 type follows. */
void            lens_fake_schema_retype       (LensFakeSchema      *self,
                                               const char          *dataset_id,
                                               const char          *name,
                                               const char          *view_type);
gboolean        lens_fake_schema_has_changes  (LensFakeSchema      *self,
                                               const char          *dataset_id);
/* @fields with the changes applied: a new array (g_free() it) of strings that live as long as
 * @self or @fields. */
LensFakeField  *lens_fake_schema_dup_fields   (LensFakeSchema      *self,
                                               const char          *dataset_id,
                                               const LensFakeField *fields);
/* Rewrites the columns of a /api/views/<id>.json answer. */
void            lens_fake_schema_apply_view   (LensFakeSchema      *self,
                                               const char          *dataset_id,
                                               LensFakeResponse    *response);

G_END_DECLS
