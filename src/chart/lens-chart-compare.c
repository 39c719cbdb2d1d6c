/* lens-chart-compare.c: a comparison drawn as counts, an index or a share of the city
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-compare"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-chart-private.h"

LensCompareAs
lens_chart_compare_as (LensChartSpec *spec,
                       LensFilters   *filters)
{
  LensCompareAs compare_as;

  g_return_val_if_fail (spec != NULL, LENS_COMPARE_AS_COUNTS);
  g_return_val_if_fail (filters != NULL, LENS_COMPARE_AS_COUNTS);

  compare_as = lens_filters_get_compare_as (filters);

  /* A rate or a percentage is not a part of the city's rate, and indexing one hides what it
   * measures: those charts keep their own numbers. */
  if (spec->value_kind == LENS_VALUE_KIND_RATIO || spec->percent)
    return LENS_COMPARE_AS_COUNTS;
  /* "First period = 100" needs periods. */
  if (compare_as == LENS_COMPARE_AS_INDEX && spec->label_kind == LENS_LABEL_KIND_CATEGORY)
    return LENS_COMPARE_AS_COUNTS;

  return compare_as;
}

gboolean
lens_chart_compare_needs_city (LensChartSpec *spec,
                               LensFilters   *effective)
{
  return lens_chart_compare_as (spec, effective) == LENS_COMPARE_AS_SHARE &&
         lens_filters_get_compare (effective) == LENS_COMPARE_DISTRICT;
}

const char *
lens_chart_compare_y_title (LensChartSpec *spec,
                            LensCompareAs  compare_as)
{
  g_return_val_if_fail (spec != NULL, NULL);

  switch (compare_as)
    {
    case LENS_COMPARE_AS_SHARE:
      /* Translators: the y axis of a chart compared as a share of the whole city */
      return _("Share of the city’s total (%)");
    case LENS_COMPARE_AS_INDEX:
      return spec->label_kind == LENS_LABEL_KIND_MONTH
             /* Translators: the y axis of a chart compared as an index of the first month */
             ? _("Index, first month = 100")
             /* Translators: the y axis of a chart compared as an index of the first year */
             : _("Index, first year = 100");
    case LENS_COMPARE_AS_COUNTS:
    default:
      return spec->y_title;
    }
}

static char *
dup_vector_name (LensChartSpec *spec,
                 LensCompareAs  compare_as,
                 const char    *area)
{
  if (compare_as == LENS_COMPARE_AS_SHARE)
    /* Translators: a chart's legend; %s is "District 5 – Calumet"; keep %% (a percent sign) */
    return g_strdup_printf (_("%s, share of the city’s total (%%)"), area);

  if (spec->label_kind == LENS_LABEL_KIND_MONTH)
    /* Translators: a chart's legend; %s is "District 5 – Calumet" */
    return g_strdup_printf (_("%s, first month = 100"), area);

  /* Translators: a chart's legend; %s is "District 5 – Calumet" */
  return g_strdup_printf (_("%s, first year = 100"), area);
}

LensSeries *
lens_chart_compare_series (LensChartSpec *spec,
                           LensFilters   *effective,
                           LensSeries    *counts)
{
  LensCompareAs compare_as;
  g_autoptr(LensSeries) series = NULL;
  guint n_labels, n_drawn, city;
  const char *before, *after;
  guint divider;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (effective != NULL, NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  compare_as = lens_chart_compare_as (spec, effective);
  if (compare_as == LENS_COMPARE_AS_COUNTS || lens_series_get_n_vectors (counts) < 2)
    return lens_series_ref (counts);

  n_labels = lens_series_get_n_labels (counts);
  /* Citywide as a share of itself is 100 everywhere: a line that says nothing and squeezes
   * the district back to the bottom. Its counts stay in the table. */
  n_drawn = 2;
  city = 1;
  if (compare_as == LENS_COMPARE_AS_SHARE)
    {
      if (lens_filters_get_compare (effective) == LENS_COMPARE_CITYWIDE)
        n_drawn = 1;
      else if (lens_series_get_n_vectors (counts) > 2)
        city = 2;
      else
        {
          g_critical ("A share of the city without the city’s totals");
          return lens_series_ref (counts);
        }
    }

  series = lens_series_new ();
  for (guint i = 0; i < n_labels; i++)
    {
      lens_series_add_label (series, lens_series_get_label (counts, i));
      lens_series_set_partial (series, i, lens_series_get_partial (counts, i));
    }
  divider = lens_series_get_divider (counts, &before, &after);
  if (divider != 0)
    lens_series_set_divider (series, divider, before, after);

  if (compare_as == LENS_COMPARE_AS_SHARE)
    {
      lens_series_set_unit (series, "percent");
      lens_series_set_percent (series, TRUE);
    }
  else
    lens_series_set_unit (series, NULL);

  for (guint v = 0; v < n_drawn; v++)
    {
      g_autofree char *name = dup_vector_name (spec, compare_as,
                                               lens_series_get_vector_name (counts, v));
      g_autofree double *values = g_new (double, n_labels);

      lens_series_add_vector (series, name);
      for (guint i = 0; i < n_labels; i++)
        values[i] = lens_series_get_value (counts, v, i);

      if (compare_as == LENS_COMPARE_AS_INDEX)
        lens_compare_as_index (values, n_labels, values);
      else
        for (guint i = 0; i < n_labels; i++)
          values[i] = lens_compare_as_share (values[i], lens_series_get_value (counts, city, i));

      for (guint i = 0; i < n_labels; i++)
        lens_series_set_value (series, v, i, isfinite (values[i]) ? values[i] : NAN);
    }

  lens_series_set_counts (series, counts, compare_as);
  return g_steal_pointer (&series);
}
