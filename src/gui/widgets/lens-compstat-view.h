/* lens-compstat-view.h: the CompStat table of the Crime page
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-compstat.h"
#include "lens-loadable.h"

G_BEGIN_DECLS

#define LENS_TYPE_COMPSTAT_VIEW (lens_compstat_view_get_type ())
G_DECLARE_FINAL_TYPE (LensCompstatView, lens_compstat_view, LENS, COMPSTAT_VIEW, GtkWidget)

/* A LensLoadable: the chosen district (or the city), the city, and the comparison district
 * when one is chosen, each from one request (lens_compstat_load_async()). */
GtkWidget *lens_compstat_view_new          (void);

/* The tables shown, as CSV: one line per area and row, the numbers on screen. NULL when
 * nothing is shown. */
char      *lens_compstat_view_dup_csv      (LensCompstatView *self);

/* The areas shown (LensCompstat), in order; NULL when nothing is shown. */
GPtrArray *lens_compstat_view_get_tables   (LensCompstatView *self);

G_END_DECLS
