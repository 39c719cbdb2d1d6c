/* lens-chart-export-dialog.h: the file dialog and clipboard behind every chart's
 * Export and Copy menu items
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-chart-export.h"

G_BEGIN_DECLS

/* Asks where to save @document as @extension ("png", "svg", "pdf", "csv"), suggesting
 * "<base_name>.<extension>", writes it with lens_chart_export_to_file() and says how it went
 * in a toast. */
void lens_chart_export_dialog_show  (GtkWidget         *widget,
                                     LensChartDocument *document,
                                     const char        *extension,
                                     const char        *base_name);
/* Puts @document's table (lens_chart_export_to_tsv()) on the clipboard, with a toast. */
void lens_chart_copy_document       (GtkWidget         *widget,
                                     LensChartDocument *document);

G_END_DECLS
