/* lens-table.h: a typed, column-oriented table parsed from a Socrata JSON response
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LENS_COLUMN_TEXT,                /* text, and anything unknown (kept as the text sent) */
  LENS_COLUMN_NUMBER,              /* number, money, percent, double; sent as strings */
  LENS_COLUMN_BOOLEAN,             /* checkbox: true, "true", "Y" */
  LENS_COLUMN_FLOATING_TIMESTAMP,  /* calendar_date: Chicago local time, no zone */
  LENS_COLUMN_FIXED_TIMESTAMP,     /* date: UTC with Z */
  LENS_COLUMN_POINT,               /* point (GeoJSON) or location (legacy object) */
  LENS_COLUMN_JSON,                /* url, document and other objects, kept as JSON text */
} LensColumnType;

#define LENS_TYPE_TABLE (lens_table_get_type ())

typedef struct _LensTable LensTable;

GType           lens_table_get_type              (void) G_GNUC_CONST;

/* Maps a Socrata type name (either vocabulary: "number", "calendar_date", "checkbox",
 * "floating_timestamp", "point", "location", ...) to a column type. Unknown names: TEXT. */
LensColumnType  lens_column_type_from_socrata    (const char *type_name);

/* Parses a SODA 2.x JSON body: an array of flat objects. @fields and @types (parallel,
 * NULL-terminated; may be NULL) come from X-SODA2-Fields/X-SODA2-Types or the dataset
 * metadata; columns found only in the body are added as TEXT. Anything that is not an array of
 * objects is a LENS_PORTAL_ERROR_BAD_RESPONSE. Safe to call from any thread. */
LensTable      *lens_table_new_from_json         (GBytes             *body,
                                                  const char * const *fields,
                                                  const char * const *types,
                                                  GError            **error);
/* Same, reading fields and types from the raw header values (JSON arrays of strings). */
LensTable      *lens_table_new_from_response     (GBytes             *body,
                                                  const char         *fields_header,
                                                  const char         *types_header,
                                                  GError            **error);
/* Appends the rows of @other (a later page) to @self. Columns are matched by name. */
gboolean        lens_table_append                (LensTable          *self,
                                                  LensTable          *other,
                                                  GError            **error);

LensTable      *lens_table_ref                   (LensTable          *self);
void            lens_table_unref                 (LensTable          *self);

guint           lens_table_get_n_rows            (LensTable          *self);
guint           lens_table_get_n_columns         (LensTable          *self);
const char     *lens_table_get_column_name       (LensTable          *self,
                                                  guint               column);
LensColumnType  lens_table_get_column_type       (LensTable          *self,
                                                  guint               column);
/* -1 when there is no such column */
int             lens_table_find_column           (LensTable          *self,
                                                  const char         *name);

gboolean        lens_table_is_null               (LensTable          *self,
                                                  guint               row,
                                                  guint               column);
/* NAN when null or not a number */
double          lens_table_get_number            (LensTable          *self,
                                                  guint               row,
                                                  guint               column);
/* The value as text, whatever the type (numbers as sent, booleans as "true"/"false",
 * timestamps as sent); NULL when null. */
const char     *lens_table_get_text              (LensTable          *self,
                                                  guint               row,
                                                  guint               column);
gboolean        lens_table_get_boolean           (LensTable          *self,
                                                  guint               row,
                                                  guint               column);
/* Floating timestamps are read as America/Chicago local time, fixed ones as UTC.
 * Returns a new reference, or NULL when null or unparsable. */
GDateTime      *lens_table_get_datetime          (LensTable          *self,
                                                  guint               row,
                                                  guint               column);
/* Both the GeoJSON point and the legacy location object. FALSE when null. */
gboolean        lens_table_get_point             (LensTable          *self,
                                                  guint               row,
                                                  guint               column,
                                                  double             *longitude,
                                                  double             *latitude);
/* A multi-value text field ("332 | 1114", "Male | Male") split and trimmed;
 * empty parts dropped. NULL when null. */
char          **lens_table_dup_multi_values      (LensTable          *self,
                                                  guint               row,
                                                  guint               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensTable, lens_table_unref)

G_END_DECLS
