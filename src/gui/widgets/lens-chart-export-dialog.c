/* lens-chart-export-dialog.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-export-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-chart-export-dialog.h"
#include "lens-export-chooser.h"

typedef struct
{
  GtkWidget         *widget;
  LensChartDocument *document;
  LensExportFormat   format;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_object_unref (export->widget);
  lens_chart_document_unref (export->document);
  g_free (export);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ExportData *export = g_object_get_data (G_OBJECT (dialog), "lens-export");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  if (!lens_chart_export_to_file (export->document, path, export->format, &error))
    lens_export_show_toast (export->widget, error->message);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Saved “%s”"), basename);
      lens_export_show_toast (export->widget, message);
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
lens_chart_export_dialog_show (GtkWidget         *widget,
                               LensChartDocument *document,
                               const char        *extension,
                               const char        *base_name)
{
  GtkFileChooserNative *dialog;
  ExportData *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (document != NULL);
  g_return_if_fail (extension != NULL);

  dialog = lens_export_chooser_new (widget, extension, base_name != NULL ? base_name : "chart");
  if (dialog == NULL)
    return;

  export = g_new0 (ExportData, 1);
  export->widget = g_object_ref (widget);
  export->document = lens_chart_document_ref (document);
  export->format = lens_export_chooser_get_format (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "lens-export", export, export_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
lens_chart_copy_document (GtkWidget         *widget,
                          LensChartDocument *document)
{
  g_autofree char *tsv = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (document != NULL);

  tsv = lens_chart_export_to_tsv (document);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  lens_export_show_toast (widget, _("Table copied"));
}
