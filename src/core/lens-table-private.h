/* lens-table-private.h: how a LensTable is stored and filled, for the code that reads a body
 * into it (the scanner, lens-table-scanner.c) and for the tests and benchmarks
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-table.h"

G_BEGIN_DECLS

/* A null cell (a null value, or a key the row leaves out). */
#define LENS_TABLE_NULL_CELL G_MAXUINT32

typedef struct
{
  char           *name;
  gsize           name_len;
  LensColumnType  type;
  gboolean        declared;   /* named by the headers/metadata, not only found in the body */
  GArray         *cells;      /* guint32 offset into the row's page arena, or LENS_TABLE_NULL_CELL */
  GArray         *numbers;    /* double, LENS_COLUMN_NUMBER only */
  GArray         *booleans;   /* guint8, LENS_COLUMN_BOOLEAN only */
} LensTableColumn;

/* An empty table with the columns @fields and @types declare (see lens_table_new_from_json()). */
LensTable       *lens_table_new_declared    (const char * const *fields,
                                             const char * const *types);
/* The column called @name, or NULL. */
LensTableColumn *lens_table_lookup_column   (LensTable          *self,
                                             const char         *name);
/* A TEXT column for a key that only the body names, after the others. */
LensTableColumn *lens_table_add_body_column (LensTable          *self,
                                             const char         *name,
                                             gsize               name_len);
/* Sets the cell of @row (a row of the page being read: the table's rows so far plus the
 * page's; setting it twice, for a duplicate key, keeps the last). @text is the decoded value,
 * found at @offset of the page's arena; NULL (with LENS_TABLE_NULL_CELL) for null. */
void             lens_table_column_set      (LensTableColumn    *column,
                                             guint               row,
                                             guint32             offset,
                                             const char         *text);
/* Ends a page of @n_rows rows whose text is in @arena (NUL-terminated strings at the offsets
 * given to lens_table_column_set()); every column is padded with nulls to the new end. */
void             lens_table_add_page        (LensTable          *self,
                                             GBytes             *arena,
                                             guint               n_rows);

/* Reads the SODA body @body as a page after the table's current last row (the scanner). On
 * failure (LENS_PORTAL_ERROR_BAD_RESPONSE) the table must be thrown away. */
gboolean         lens_table_scan_page       (LensTable          *table,
                                             GBytes             *body,
                                             GError            **error);

G_END_DECLS
