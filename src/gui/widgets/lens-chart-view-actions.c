/* lens-chart-view-actions.c: the chart view's actions: export to a file, copy as a table,
 * retry
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-chart-view-private.h"
#include "lens-export-chooser.h"

static LensChartDocument *
create_document (LensChartView *self)
{
  if (self->result == NULL)
    return NULL;

  return lens_chart_data_to_document (self->result);
}

static void
show_toast (LensChartView *self,
            const char    *message)
{
  lens_export_show_toast (GTK_WIDGET (self), message);
}

/* "crime-incidents-per-year-district-5-vs-citywide" */
static char *
suggest_file_name (LensChartView *self)
{
  LensFilters *filters = lens_chart_data_get_filters (self->result);
  GString *name = g_string_new (self->entry->id);

  if (lens_filters_get_district (filters) != 0 && self->entry->district_condition != NULL)
    g_string_append_printf (name, "-district-%u", lens_filters_get_district (filters));
  if (lens_chart_data_get_series (self->result) != NULL &&
      lens_series_get_n_vectors (lens_chart_data_get_series (self->result)) > 1)
    {
      if (lens_filters_get_compare (filters) == LENS_COMPARE_CITYWIDE)
        g_string_append (name, "-vs-citywide");
      else if (lens_filters_get_compare (filters) == LENS_COMPARE_DISTRICT)
        g_string_append_printf (name, "-vs-district-%u",
                                lens_filters_get_compare_district (filters));
    }

  return g_string_free (name, FALSE);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  LensChartView *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LensChartDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LensExportFormat format = lens_export_chooser_get_format (GTK_FILE_CHOOSER_NATIVE (dialog));

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  document = create_document (self);
  if (path == NULL || document == NULL)
    goto out;

  if (!lens_chart_export_to_file (document, path, format, &error))
    show_toast (self, error->message);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name. */
      message = g_strdup_printf (_("Saved “%s”"), basename);
      show_toast (self, message);
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensChartView *self = LENS_CHART_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *id = NULL;
  GtkFileChooserNative *dialog;

  if (self->result == NULL)
    return;

  id = suggest_file_name (self);
  dialog = lens_export_chooser_new (widget, extension, id);
  if (dialog == NULL)
    return;

  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LensChartView *self = LENS_CHART_VIEW (widget);
  g_autoptr(LensChartDocument) document = create_document (self);
  g_autofree char *tsv = NULL;

  if (document == NULL)
    return;

  tsv = lens_chart_export_to_tsv (document);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  show_toast (self, _("Table copied"));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lens_chart_view_start_load (LENS_CHART_VIEW (widget), LENS_QUERY_REFRESH, TRUE);
}

void
_lens_chart_view_class_actions_init (LensChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.retry", NULL, retry_action);
  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
}
