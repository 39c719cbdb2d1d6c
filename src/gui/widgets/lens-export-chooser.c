/* lens-export-chooser.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-export-chooser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-export-chooser.h"

GtkFileChooserNative *
lens_export_chooser_new (GtkWidget  *widget,
                         const char *extension,
                         const char *stem)
{
  g_autofree char *name = g_strdup_printf ("chart.%s", extension);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  LensExportFormat format;
  GtkRoot *root;

  format = lens_export_format_from_path (name);
  if (format == LENS_EXPORT_FORMAT_UNKNOWN)
    return NULL;

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

  g_free (name);
  name = g_strdup_printf ("%s.%s", stem, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "lens-format", GINT_TO_POINTER (format));

  return dialog;
}

LensExportFormat
lens_export_chooser_get_format (GtkFileChooserNative *dialog)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lens-format"));
}

void
lens_export_show_toast (GtkWidget  *widget,
                        const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}
