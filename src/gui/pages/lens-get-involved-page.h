/* lens-get-involved-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-page.h"

G_BEGIN_DECLS

/* How to report a concern (CPD, 311, COPA), find your district, take part (the Community
 * Commission, District Councils), and the organizations that led the 2025 sessions. Every
 * link opens in the browser. The content ships with the app. */
#define LENS_TYPE_GET_INVOLVED_PAGE (lens_get_involved_page_get_type ())
G_DECLARE_FINAL_TYPE (LensGetInvolvedPage, lens_get_involved_page, LENS, GET_INVOLVED_PAGE, LensPage)

GtkWidget *lens_get_involved_page_new (void);

G_END_DECLS
