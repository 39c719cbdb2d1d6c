/* lens-standing-document.c: where the districts stand, as a chart document: the bars of the
 * window, the brief and the exports
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-standing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-datasets.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"
#include "lens-standing-document.h"

char *
lens_standing_dup_dataset_name (void)
{
  return g_strdup_printf ("%s (%s)", lens_dataset_get_display_name (lens_dataset_lookup (LENS_DATASET_CRIMES)),
                          LENS_DATASET_CRIMES);
}

char *
lens_standing_dup_period_text (LensStanding *standing)
{
  const LensPeriod *period = lens_standing_get_period (standing);
  g_autofree char *day = lens_describe_day (&period->to);

  if (g_date_get_day_of_year (&period->from) == 1 &&
      g_date_get_year (&period->from) == g_date_get_year (&period->to))
    /* Translators: %s is a day, e.g. "24 March 2026" */
    return g_strdup_printf (_("the year to %s"), day);
  /* Translators: %s is a day, e.g. "24 March 2026" */
  return g_strdup_printf (_("the 28 days to %s"), day);
}


LensChartDocument *
lens_standing_dup_document (LensStanding *standing,
                            guint         district,
                            gboolean      for_csv)
{
  LensDistrictRanking *ranking = lens_standing_get_ranking (standing);
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autofree char *period = lens_standing_dup_period_text (standing);
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  LensChartDocument *document;
  const char *footer[4] = { NULL };
  guint count, rank = 0;

  count = lens_series_add_vector (series, _("Count"));
  if (for_csv)
    rank = lens_series_add_vector (series, _("Rank"));
  lens_series_set_unit (series, "incidents");
  for (guint i = 0; i < lens_district_ranking_get_n_ranked (ranking); i++)
    {
      const LensDistrictStanding *s = lens_district_ranking_get_nth (ranking, i);
      g_autofree char *label = for_csv ? g_strdup_printf ("%u", s->district) : lens_district_dup_label (lens_district_lookup_number (s->district));
      guint l = lens_series_add_label (series, label);

      lens_series_set_value (series, count, l, s->value);
      if (for_csv)
        lens_series_set_value (series, rank, l, s->rank);
      if (s->district == district)
        lens_series_set_highlight (series, l);
    }

  document = lens_chart_document_new (series, LENS_PLOT_HORIZONTAL_BAR);
  /* Translators: a chart title: "Robbery by district, the year to 24 March 2026" */
  title = g_strdup_printf (_("%s by district, %s"),
                           lens_standing_get_measure_label (lens_standing_get_measure (standing)), period);
  lens_chart_document_set_title (document, title);
  lens_chart_document_set_axis_titles (document, _("District"), _("Incidents"));
  if (for_csv)
    {
      static const char * const names[] = { "district", "count", "rank", NULL };

      lens_chart_document_set_column_names (document, names);
    }
  /* Translators: %s is a dataset name and its id */
  name = lens_standing_dup_dataset_name ();
  source = g_strdup_printf (_("Source: %s"), name);
  age = lens_format_datetime (lens_query_result_get_fetched_at (lens_standing_get_result (standing)));
  footer[0] = source;
  footer[1] = _("These are counts, not rates: the districts’ populations differ, and the portal publishes none.");
  footer[2] = age;
  lens_chart_document_set_footer (document, footer);
  return document;
}

