/* bench-plot.c: time to render one chart to a 1600 x 1000 PNG file
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "lens-chart-export.h"

#define N_RUNS 30

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(LensChartDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *footer[] = { "Synthetic numbers from a seeded generator (benchmark).", NULL };
  gint64 start, total = 0, best = G_MAXINT64;

  setlocale (LC_ALL, "");

  /* 24 years, the district and the citywide comparison: synthetic */
  lens_series_add_vector (series, "District 5 (synthetic)");
  lens_series_add_vector (series, "Citywide average (synthetic)");
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *year = g_strdup_printf ("%u", 2001 + i);

      lens_series_add_label (series, year);
      lens_series_set_value (series, 0, i, g_rand_double_range (rand, 8000, 20000));
      lens_series_set_value (series, 1, i, g_rand_double_range (rand, 8000, 20000));
    }
  lens_series_set_partial (series, 23, TRUE);

  doc = lens_chart_document_new (series, LENS_PLOT_BAR);
  lens_chart_document_set_title (doc, "Incidents per year (synthetic)");
  lens_chart_document_set_axis_titles (doc, "Year", "Incidents");
  lens_chart_document_set_footer (doc, footer);

  dir = g_dir_make_tmp ("bench-plot-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "chart.png", NULL);

  /* one warm-up run: fonts and the PLplot driver load once per process */
  if (!lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_PNG, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 elapsed;

      start = g_get_monotonic_time ();
      if (!lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_PNG, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - start;
      total += elapsed;
      best = MIN (best, elapsed);
    }

  g_print ("bench-plot: 24 years x 2 vectors, grouped bars, 1600x1000 PNG file: "
           "mean %.1f ms, best %.1f ms over %d runs\n",
           total / 1000.0 / N_RUNS, best / 1000.0, N_RUNS);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
