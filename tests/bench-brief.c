/* bench-brief.c: time to lay out and write a meeting brief of 8 charts as a PDF
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "lens-brief.h"
#include "lens-format.h"

#define N_RUNS   5
#define N_CHARTS 8

/* Already-loaded charts (the part a warm cache saves is left out): synthetic numbers from a
 * seeded generator, labelled as such. Every other chart is 72 months long. */
static LensChartDocument *
make_document (GRand *rand,
               guint  index)
{
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autofree char *title = NULL;
  LensChartDocument *doc;
  gboolean months = index % 2 == 1;
  guint n = months ? 72 : 12;

  lens_series_add_vector (series, "District 5 – Calumet (synthetic)");
  lens_series_add_vector (series, "Citywide (synthetic)");
  lens_series_set_unit (series, "incidents");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = months ? lens_format_month (2020 + i / 12, 1 + i % 12)
                                      : g_strdup_printf ("%u", 2014 + i);

      lens_series_add_label (series, label);
      lens_series_set_value (series, 0, i, round (g_rand_double_range (rand, 500, 15000)));
      lens_series_set_value (series, 1, i, round (g_rand_double_range (rand, 5000, 150000)));
    }
  lens_series_set_partial (series, n - 1, TRUE);

  doc = lens_chart_document_new (series, months ? LENS_PLOT_LINE : LENS_PLOT_BAR);
  title = g_strdup_printf ("Synthetic chart %u (benchmark)", index + 1);
  lens_chart_document_set_title (doc, title);
  lens_chart_document_set_axis_titles (doc, months ? "Month" : "Year", "Incidents");

  return doc;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GError) error = NULL;
  g_autoptr(LensBrief) brief = lens_brief_new ();
  g_autoptr(LensReports) reports = NULL;
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *sources[] = { "Synthetic numbers from a seeded generator (benchmark).", NULL };
  const char *caveats[] = { "Counts are of reported incidents, not of all crime.", NULL };
  gint64 start, first, total = 0, best = G_MAXINT64;
  guint n_pages = 0;
  GStatBuf st;

  setlocale (LC_ALL, "");

  reports = lens_reports_new_from_resource (&error);
  g_assert_no_error (error);
  decree = lens_consent_decree_new_from_resource (&error);
  g_assert_no_error (error);

  lens_brief_set_district_label (brief, "District 5 – Calumet");
  lens_brief_set_comparison_label (brief, "Citywide");
  lens_brief_set_range_label (brief, "1 Jan 2014 – 31 Dec 2025");
  lens_brief_set_reports (brief, reports);
  lens_brief_add_dataset (brief, "Crimes - 2001 to Present", now, now, FALSE, NULL);
  for (guint i = 0; i < N_CHARTS; i++)
    {
      g_autoptr(LensChartDocument) doc = make_document (rand, i);
      g_autoptr(GPtrArray) passages = lens_reports_get_passages_for_chart (reports, "crime-incidents-per-year");

      lens_brief_add_chart (brief, doc, sources, caveats, passages);
    }
  lens_brief_set_consent_decree (brief, decree, NULL);

  dir = g_dir_make_tmp ("bench-brief-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "brief.pdf", NULL);

  /* the first run also loads the fonts and the PLplot driver, once per process */
  start = g_get_monotonic_time ();
  if (!lens_brief_write_pdf (brief, path, &error))
    g_error ("%s", error->message);
  first = g_get_monotonic_time () - start;

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 elapsed;

      start = g_get_monotonic_time ();
      if (!lens_brief_write_pdf (brief, path, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - start;

      total += elapsed;
      best = MIN (best, elapsed);
    }

  n_pages = lens_brief_get_n_pages (brief);
  g_stat (path, &st);
  g_print ("brief of %u charts, %u pages, %.0f KiB: first %.1f ms, then mean %.1f ms, best %.1f ms (%u runs)\n",
           N_CHARTS, n_pages, st.st_size / 1024.0, first / 1000.0, total / 1000.0 / N_RUNS,
           best / 1000.0, N_RUNS);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
