/* lens-columns-layout.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays children out in as many equal columns as fit (at least one, at most max-columns), row
 * by row in child order, so that keyboard focus follows reading order. Charts on a wide window
 * sit two by two; on a narrow one they stack. */
#define LENS_TYPE_COLUMNS_LAYOUT (lens_columns_layout_get_type ())
G_DECLARE_FINAL_TYPE (LensColumnsLayout, lens_columns_layout, LENS, COLUMNS_LAYOUT, GtkLayoutManager)

GtkLayoutManager *lens_columns_layout_new              (void);
void              lens_columns_layout_set_column_width (LensColumnsLayout *self,
                                                        int                width);
void              lens_columns_layout_set_max_columns  (LensColumnsLayout *self,
                                                        guint              max_columns);
void              lens_columns_layout_set_spacing      (LensColumnsLayout *self,
                                                        int                spacing);

G_END_DECLS
