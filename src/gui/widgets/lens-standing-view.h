/* lens-standing-view.h: where the chosen district stands among the 22, on the Crime page
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-standing-document.h"
#include "lens-loadable.h"
#include "lens-standing.h"

G_BEGIN_DECLS

#define LENS_TYPE_STANDING_VIEW (lens_standing_view_get_type ())
G_DECLARE_FINAL_TYPE (LensStandingView, lens_standing_view, LENS, STANDING_VIEW, GtkWidget)

/* A LensLoadable: one `$group=district` request (lens_standing_load_async()) for the measure
 * and the period chosen in the view; the filters' district is highlighted. */
GtkWidget    *lens_standing_view_new          (void);

void          lens_standing_view_set_measure  (LensStandingView  *self,
                                               guint              measure);
/* LENS_COMPSTAT_YEAR_TO_DATE or LENS_COMPSTAT_LAST_28 */
void          lens_standing_view_set_window   (LensStandingView  *self,
                                               LensCompstatWindow window);
/* What is shown; NULL while nothing is. */
LensStanding *lens_standing_view_get_standing (LensStandingView  *self);
/* The sentence beside the bars ("5 – Calumet: 3rd of 22 for …"); NULL while nothing is shown. */
const char   *lens_standing_view_get_sentence (LensStandingView  *self);

G_END_DECLS
