/* lens-reports-page.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-page.h"

G_BEGIN_DECLS

/* The four 2025 community-policing reports, one card each (who wrote it, who was heard, our
 * summary, key points, the source, the charts it relates to), and how the City gathered
 * the views behind them. The content ships with the app. */
#define LENS_TYPE_REPORTS_PAGE (lens_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (LensReportsPage, lens_reports_page, LENS, REPORTS_PAGE, LensPage)

GtkWidget *lens_reports_page_new (void);

/* The page a chart of the catalogue (or the consent-decree chart) is on, and its title;
 * FALSE for an unknown chart id. */
gboolean   lens_chart_lookup_page (const char  *chart_id,
                                   const char **page_id,
                                   const char **title);

G_END_DECLS
