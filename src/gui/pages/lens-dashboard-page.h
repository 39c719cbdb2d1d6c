/* lens-dashboard-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-page.h"

G_BEGIN_DECLS

/* The charts of one catalogue page ("crime", later "complaints"), in columns. */
#define LENS_TYPE_DASHBOARD_PAGE (lens_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (LensDashboardPage, lens_dashboard_page, LENS, DASHBOARD_PAGE, LensPage)

GtkWidget  *lens_dashboard_page_new          (const char        *page_id,
                                              const char        *title,
                                              const char        *description);
const char *lens_dashboard_page_get_page_id  (LensDashboardPage *self);
/* The LensChartView children, in order. */
GPtrArray  *lens_dashboard_page_get_charts   (LensDashboardPage *self);

G_END_DECLS
