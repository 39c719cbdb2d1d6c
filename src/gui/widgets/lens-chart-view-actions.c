/* lens-chart-view-actions.c: the chart view's actions: export to a file, copy as a table,
 * retry
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-chart-export-dialog.h"
#include "lens-chart-view-private.h"

static LensChartDocument *
create_document (LensChartView *self)
{
  if (self->result == NULL)
    return NULL;

  return lens_chart_data_to_document (self->result);
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
      (lens_series_get_n_vectors (lens_chart_data_get_series (self->result)) > 1 ||
       /* the district's share of the city draws one line */
       lens_series_get_counts (lens_chart_data_get_series (self->result)) != NULL))
    {
      if (lens_filters_get_compare (filters) == LENS_COMPARE_CITYWIDE)
        g_string_append (name, "-vs-citywide");
      else if (lens_filters_get_compare (filters) == LENS_COMPARE_DISTRICT)
        g_string_append_printf (name, "-vs-district-%u",
                                lens_filters_get_compare_district (filters));
      /* "-share", "-index": how the comparison is drawn */
      if (lens_chart_data_get_compare_as (self->result) != LENS_COMPARE_AS_COUNTS)
        g_string_append_printf (name, "-%s",
                                lens_compare_as_to_nick (lens_chart_data_get_compare_as (self->result)));
    }

  return g_string_free (name, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensChartView *self = LENS_CHART_VIEW (widget);
  g_autoptr(LensChartDocument) document = create_document (self);
  g_autofree char *id = NULL;

  if (document == NULL)
    return;

  id = suggest_file_name (self);
  lens_chart_export_dialog_show (widget, document, g_variant_get_string (parameter, NULL), id);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(LensChartDocument) document = create_document (LENS_CHART_VIEW (widget));

  if (document != NULL)
    lens_chart_copy_document (widget, document);
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
