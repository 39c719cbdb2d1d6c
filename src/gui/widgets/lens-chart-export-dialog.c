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

void
lens_chart_show_toast (GtkWidget  *widget,
                       const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

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
    lens_chart_show_toast (export->widget, error->message);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Saved “%s”"), basename);
      lens_chart_show_toast (export->widget, message);
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
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  LensExportFormat format;
  ExportData *export;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (document != NULL);
  g_return_if_fail (extension != NULL);

  name = g_strdup_printf ("%s.%s", base_name != NULL ? base_name : "chart", extension);
  format = lens_export_format_from_path (name);
  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    return;

  root = gtk_widget_get_root (widget);
  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  filter = gtk_file_filter_new ();
  switch (format)
    {
    case LENS_EXPORT_FORMAT_PNG:
      gtk_file_filter_set_name (filter, _("PNG Image"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    case LENS_EXPORT_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG Image"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case LENS_EXPORT_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF Document"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case LENS_EXPORT_FORMAT_CSV:
    case LENS_EXPORT_FORMAT_UNKNOWN:
    default:
      gtk_file_filter_set_name (filter, _("CSV Table"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  export = g_new0 (ExportData, 1);
  export->widget = g_object_ref (widget);
  export->document = lens_chart_document_ref (document);
  export->format = format;
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
  lens_chart_show_toast (widget, _("Table copied"));
}
