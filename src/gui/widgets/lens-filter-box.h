/* lens-filter-box.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-filters.h"

G_BEGIN_DECLS

/* The district, comparison and date-range controls. They show the window's filters (pushed in
 * with lens_filter_box_set_filters()) and activate the window actions win.district,
 * win.compare and win.date-range when the person changes something. Horizontal in a wide
 * header bar; vertical, with captions, in the narrow window's filter popover. */
#define LENS_TYPE_FILTER_BOX (lens_filter_box_get_type ())
G_DECLARE_FINAL_TYPE (LensFilterBox, lens_filter_box, LENS, FILTER_BOX, GtkWidget)

typedef enum
{
  LENS_FILTER_DISTRICT,
  LENS_FILTER_COMPARE,
  LENS_FILTER_DATES,
} LensFilterControl;

GtkWidget *lens_filter_box_new            (GtkOrientation     orientation);
void       lens_filter_box_set_filters    (LensFilterBox     *self,
                                           LensFilters       *filters);
/* Moves the keyboard focus to a control (Ctrl+D and friends). */
void       lens_filter_box_focus          (LensFilterBox     *self,
                                           LensFilterControl  control);

G_END_DECLS
