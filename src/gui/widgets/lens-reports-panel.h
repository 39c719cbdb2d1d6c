/* lens-reports-panel.h
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "What the reports say": the passages from the 2025 community-policing reports and the
 * consent-decree monitor that speak to one page and its charts, each with where it comes
 * from and a link. Hidden when the page has none. */
#define LENS_TYPE_REPORTS_PANEL (lens_reports_panel_get_type ())
G_DECLARE_FINAL_TYPE (LensReportsPanel, lens_reports_panel, LENS, REPORTS_PANEL, GtkWidget)

GtkWidget  *lens_reports_panel_new             (const char       *page_id);
const char *lens_reports_panel_get_page_id     (LensReportsPanel *self);
/* Shows the passages for @page_id (and its catalogue charts) instead. */
void        lens_reports_panel_set_page_id     (LensReportsPanel *self,
                                                const char       *page_id);
/* The ids of the passages shown, in order; for the tests. */
GStrv       lens_reports_panel_dup_passage_ids (LensReportsPanel *self);

G_END_DECLS
