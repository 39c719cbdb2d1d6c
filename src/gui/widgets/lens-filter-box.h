/* lens-filter-box.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-date.h"

G_BEGIN_DECLS

/* The district, comparison and date-range controls. They show the state of the window actions
 * win.district, win.compare and win.date-range (pushed in with the setters) and activate those
 * actions when the person changes something. Horizontal in a wide header bar; vertical, with
 * captions, in the narrow window's filter popover. */
#define LENS_TYPE_FILTER_BOX (lens_filter_box_get_type ())
G_DECLARE_FINAL_TYPE (LensFilterBox, lens_filter_box, LENS, FILTER_BOX, GtkWidget)

typedef enum
{
  LENS_FILTER_DISTRICT,
  LENS_FILTER_COMPARE,
  LENS_FILTER_DATES,
} LensFilterControl;

GtkWidget *lens_filter_box_new            (GtkOrientation     orientation);
/* "" (citywide) or a district number */
void       lens_filter_box_set_district   (LensFilterBox     *self,
                                           const char        *district);
/* "none", "citywide" or a district number */
void       lens_filter_box_set_compare    (LensFilterBox     *self,
                                           const char        *compare);
/* "YYYY-MM-DD/YYYY-MM-DD" */
void       lens_filter_box_set_date_range (LensFilterBox     *self,
                                           const char        *date_range);
/* Moves the keyboard focus to a control (Ctrl+D and friends). */
void       lens_filter_box_focus          (LensFilterBox     *self,
                                           LensFilterControl  control);

/* The preset ranges, ending today: "last-12-months", "this-year", "last-5-years". NULL for
 * an unknown name. These are the dates a person asks for: a chart whose data end earlier
 * shows no numbers after the data's end and says where they end (lens-data-period.h). */
char      *lens_date_range_dup_preset     (const char        *preset);

G_END_DECLS
