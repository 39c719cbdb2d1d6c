/* lens-chart-data.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-chart-data.h"
#include "lens-chart-loader.h"
#include "lens-chart-private.h"
#include "lens-datasets.h"
#include "lens-describe.h"
#include "lens-format.h"

struct _LensChartData
{
  GObject        parent_instance;

  LensChartSpec *spec;
  LensFilters   *filters;
  LensSeries    *series;
  GStrv          urls;
  GDateTime     *fetched_at;
  GDateTime     *rows_updated_at;
  GError        *warning;
  gboolean       from_cache;
  gboolean       stale;
  LensDataCoverage *coverage;
};

G_DEFINE_FINAL_TYPE (LensChartData, lens_chart_data, G_TYPE_OBJECT)

static void
lens_chart_data_finalize (GObject *object)
{
  LensChartData *self = (LensChartData *) object;

  g_clear_pointer (&self->spec, lens_chart_spec_unref);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->series, lens_series_unref);
  g_clear_pointer (&self->urls, g_strfreev);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);
  g_clear_error (&self->warning);
  g_clear_object (&self->coverage);

  G_OBJECT_CLASS (lens_chart_data_parent_class)->finalize (object);
}

static void
lens_chart_data_class_init (LensChartDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_chart_data_finalize;
}

static void
lens_chart_data_init (LensChartData *self)
{
}

LensChartData *
lens_chart_data_new (LensChartSpec      *spec,
                     LensFilters        *filters,
                     LensSeries         *series,
                     const char * const *urls,
                     GDateTime          *fetched_at,
                     GDateTime          *rows_updated_at,
                     gboolean            from_cache,
                     gboolean            stale,
                     const GError       *warning,
                     LensDataCoverage   *coverage)
{
  LensChartData *self;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (filters != NULL, NULL);
  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (fetched_at != NULL, NULL);

  self = g_object_new (LENS_TYPE_CHART_DATA, NULL);
  self->spec = lens_chart_spec_ref (spec);
  self->filters = lens_filters_ref (filters);
  self->series = lens_series_ref (series);
  self->urls = g_strdupv ((char **) urls);
  if (self->urls == NULL)
    self->urls = g_new0 (char *, 1);
  self->fetched_at = g_date_time_ref (fetched_at);
  self->rows_updated_at = rows_updated_at ? g_date_time_ref (rows_updated_at) : NULL;
  self->from_cache = !!from_cache;
  self->stale = !!stale;
  self->warning = warning ? g_error_copy (warning) : NULL;
  self->coverage = coverage != NULL ? g_object_ref (coverage) : NULL;

  return self;
}

LensDataCoverage *
lens_chart_data_get_coverage (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->coverage;
}

gboolean
lens_chart_data_get_numbers_end (LensChartData *self,
                                 GDate         *end)
{
  const GDate *last_full_day;
  const GDate *to;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  to = lens_filters_get_to (self->filters);
  *end = *to;
  if (self->coverage == NULL)
    return FALSE;

  last_full_day = lens_data_coverage_get_last_full_day (self->coverage);
  if (g_date_compare (to, last_full_day) <= 0)
    return FALSE;

  *end = *last_full_day;
  return TRUE;
}

LensChartSpec *
lens_chart_data_get_spec (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->spec;
}

LensFilters *
lens_chart_data_get_filters (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->filters;
}

LensSeries *
lens_chart_data_get_series (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->series;
}

LensCompareAs
lens_chart_data_get_compare_as (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), LENS_COMPARE_AS_COUNTS);
  return lens_series_get_compare_as (self->series);
}

const char *
lens_chart_data_get_y_title (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return lens_chart_compare_y_title (self->spec, lens_chart_data_get_compare_as (self));
}

LensPlotKind
lens_chart_data_get_plot_kind (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), LENS_PLOT_BAR);
  return lens_chart_kind_to_plot_kind (self->spec->kind);
}

const char * const *
lens_chart_data_get_urls (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return (const char * const *) self->urls;
}

GDateTime *
lens_chart_data_get_fetched_at (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->fetched_at;
}

GDateTime *
lens_chart_data_get_rows_updated_at (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->rows_updated_at;
}

gboolean
lens_chart_data_get_from_cache (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), FALSE);
  return self->from_cache;
}

gboolean
lens_chart_data_get_stale (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), FALSE);
  return self->stale;
}

const GError *
lens_chart_data_get_warning (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return self->warning;
}

const char *
lens_chart_data_get_dataset_name (LensChartData *self)
{
  const LensDataset *dataset;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  dataset = lens_dataset_lookup (self->spec->dataset_id);
  return dataset != NULL ? lens_dataset_get_display_name (dataset) : self->spec->dataset_id;
}

const char *
lens_chart_data_get_dataset_url (LensChartData *self)
{
  const LensDataset *dataset;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  dataset = lens_dataset_lookup (self->spec->dataset_id);
  return dataset != NULL ? dataset->page_url : NULL;
}

const char * const *
lens_chart_data_get_caveats (LensChartData *self)
{
  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);
  return (const char * const *) self->spec->caveat_texts;
}

char *
lens_chart_dup_data_end_line (const GDate *last_full_day)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (last_full_day != NULL && g_date_valid (last_full_day), NULL);

  day = lens_describe_day (last_full_day);
  /* Translators: under a chart, in an export and on a brief whose dates run past the data;
   * %s is a day such as "30 Mar 2026" */
  return g_strdup_printf (_("The numbers end on %s, the latest day the data covers."), day);
}

char *
lens_chart_data_dup_numbers_end_line (LensChartData *self)
{
  GDate end;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  if (!lens_chart_data_get_numbers_end (self, &end))
    return NULL;

  return lens_chart_dup_data_end_line (&end);
}

gboolean
lens_chart_data_is_empty (LensChartData *self)
{
  double max;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), TRUE);
  return !lens_series_get_max (self->series, &max);
}

char **
lens_chart_data_dup_footer_lines (LensChartData *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(LensFilters) effective = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *end_line = NULL;
  g_autofree char *fetched = NULL;
  g_autofree char *fetched_line = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GDateTime) fetched_local = NULL;
  const char *url;
  GDate end;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  builder = g_strv_builder_new ();

  effective = lens_chart_effective_filters (self->spec, self->filters);
  if (lens_chart_data_get_numbers_end (self, &end))
    {
      /* The dates the numbers are for: up to the data's end, not the chosen end. */
      g_autoptr(LensFilters) cut = lens_filters_copy (effective);
      LensPeriod period = { *lens_filters_get_from (cut), *lens_filters_get_to (cut) };

      if (lens_period_clamp (&period, &end))
        lens_filters_set_range (cut, &period.from, &period.to);
      filters = lens_filters_describe (cut);
      end_line = lens_chart_data_dup_numbers_end_line (self);
    }
  else
    filters = lens_filters_describe (effective);
  g_strv_builder_add (builder, filters);
  if (end_line != NULL)
    g_strv_builder_add (builder, end_line);

  url = lens_chart_data_get_dataset_url (self);
  {
    /* Translators: "Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2),
     * https://data.cityofchicago.org/d/ijzp-q8t2": the dataset's name, its id and its page */
    const char *sentence = _("Source: City of Chicago Data Portal, %s (%s), %s");
    g_autofree char *name = lens_describe_isolate (sentence, lens_chart_data_get_dataset_name (self));
    g_autofree char *id = lens_describe_isolate (sentence, self->spec->dataset_id);
    g_autofree char *link = lens_describe_isolate (sentence, url != NULL ? url : "https://data.cityofchicago.org");

    source = g_strdup_printf (_("Source: City of Chicago Data Portal, %s (%s), %s"), name, id, link);
  }
  g_strv_builder_add (builder, source);

  if (self->rows_updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->rows_updated_at);
      g_autofree char *as_of = lens_format_datetime (local);
      g_autofree char *line = NULL;

      /* Translators: %s is the date and time the portal last updated the dataset */
      {
        g_autofree char *isolated = lens_describe_isolate (_("Data as of %s"), as_of);

        line = g_strdup_printf (_("Data as of %s"), isolated);
      }
      g_strv_builder_add (builder, line);
    }

  fetched_local = g_date_time_to_local (self->fetched_at);
  fetched = lens_format_datetime (fetched_local);
  /* Translators: %s is the date and time Reform Lens downloaded the numbers */
  {
    g_autofree char *isolated = lens_describe_isolate (_("Fetched %s"), fetched);

    fetched_line = g_strdup_printf (_("Fetched %s"), isolated);
  }
  g_strv_builder_add (builder, fetched_line);

  for (guint i = 0; self->spec->caveat_texts != NULL && self->spec->caveat_texts[i] != NULL; i++)
    g_strv_builder_add (builder, self->spec->caveat_texts[i]);

  return g_strv_builder_end (builder);
}

char **
lens_chart_data_dup_column_names (LensChartData *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  LensSeries *counts;
  const char *first;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  builder = g_strv_builder_new ();

  first = self->spec->x_title;
  if (first == NULL)
    {
      switch (self->spec->label_kind)
        {
        case LENS_LABEL_KIND_YEAR:
          first = _("Year");
          break;
        case LENS_LABEL_KIND_MONTH:
          first = _("Month");
          break;
        case LENS_LABEL_KIND_CATEGORY:
        default:
          first = _("Category");
          break;
        }
    }
  g_strv_builder_add (builder, first);

  for (guint i = 0; i < lens_series_get_n_vectors (self->series); i++)
    g_strv_builder_add (builder, lens_series_get_vector_name (self->series, i));

  /* An index or a share, and next to it what it was computed from. */
  counts = lens_series_get_counts (self->series);
  for (guint i = 0; counts != NULL && i < lens_series_get_n_vectors (counts); i++)
    {
      /* Translators: a table column with the portal's counts next to a share or an index;
       * %s is "District 5 – Calumet" or "Citywide" */
      g_autofree char *name = g_strdup_printf (_("%s (counts)"),
                                               lens_series_get_vector_name (counts, i));

      g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

LensChartDocument *
lens_chart_data_to_document (LensChartData *self)
{
  LensChartDocument *document;
  g_auto(GStrv) footer = NULL;
  g_auto(GStrv) columns = NULL;

  g_return_val_if_fail (LENS_IS_CHART_DATA (self), NULL);

  document = lens_chart_document_new (self->series, lens_chart_data_get_plot_kind (self));
  lens_chart_document_set_title (document, self->spec->title);
  lens_chart_document_set_axis_titles (document, self->spec->x_title,
                                       lens_chart_data_get_y_title (self));
  footer = lens_chart_data_dup_footer_lines (self);
  lens_chart_document_set_footer (document, (const char * const *) footer);
  columns = lens_chart_data_dup_column_names (self);
  lens_chart_document_set_column_names (document, (const char * const *) columns);
  lens_chart_document_set_empty_message (document, _("The portal has no records for these filters."));

  return document;
}
