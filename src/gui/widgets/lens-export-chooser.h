/* lens-export-chooser.h: the save dialog of an export (a chart, the district map)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lens-chart-export.h"

G_BEGIN_DECLS

/* A modal save dialog for @widget's window with the filter of @format and the name
 * "@stem.<extension>"; the caller connects "response" and shows it. The format is kept as the
 * dialog's "lens-format" data. NULL for LENS_EXPORT_FORMAT_UNKNOWN. */
GtkFileChooserNative *lens_export_chooser_new     (GtkWidget        *widget,
                                                   const char       *extension,
                                                   const char       *stem);
LensExportFormat      lens_export_chooser_get_format (GtkFileChooserNative *dialog);
/* A toast in the window's overlay (a message on the terminal without one) */
void                  lens_export_show_toast      (GtkWidget        *widget,
                                                   const char       *message);

G_END_DECLS
