/* lens-reading-box.h: a box whose Tab order is its children's order
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkBox whose children are in reading order, side by side or not (the charts, then "What
 * the reports say" beside them): Tab goes through them in that order. GTK sorts a container's
 * Tab stops by where their middles are, which puts a short column beside a tall one first. */
#define LENS_TYPE_READING_BOX (lens_reading_box_get_type ())
G_DECLARE_FINAL_TYPE (LensReadingBox, lens_reading_box, LENS, READING_BOX, GtkBox)

GtkWidget *lens_reading_box_new (void);

G_END_DECLS
