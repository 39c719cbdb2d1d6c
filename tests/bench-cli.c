/* bench-cli.c: a command-line chart export, end to end, against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built reform-lens binary (process start, catalogue, queries, PLplot, file) for
 * each format, with an empty cache (the portal answers over loopback) and with a warm one.
 * Prints the median and the slowest of the runs; never fails on time.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lens-test-util.h"

#define N_RUNS 9

static double
run_export (LensTestProgram *program,
            const char      *output)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *portal_arg = lens_test_program_portal_option (program);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *argv[] = {
    lens_test_program_get_path (), "--export-chart=crime-incidents-per-year", "--district=5",
    "--compare=citywide", "--from=2020-01-01", "--to=2024-12-31", portal_arg, output_arg, NULL
  };

  launcher = lens_test_program_launcher_new (G_SUBPROCESS_FLAGS_NONE, program->cache_home);
  return lens_test_time_program (launcher, argv);
}

int
main (int   argc,
      char *argv[])
{
  static const char *formats[] = { "png", "svg", "pdf", "csv" };
  LensTestProgram program = { 0 };

  if (g_getenv ("REFORM_LENS_BIN") == NULL)
    {
      g_printerr ("REFORM_LENS_BIN is not set\n");
      return 1;
    }

  lens_test_program_set_up (&program);

  g_print ("reform-lens --export-chart=crime-incidents-per-year (district 5 vs citywide, "
           "5 years), %d runs each, wall time of the whole process:\n", N_RUNS);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *file = g_strdup_printf ("chart.%s", formats[f]);
      g_autofree char *output = g_build_filename (program.directory, file, NULL);
      double cold[N_RUNS], warm[N_RUNS];

      for (guint i = 0; i < N_RUNS; i++)
        {
          g_autofree char *cache_dir = g_build_filename (program.cache_home, "reform-lens", NULL);

          lens_test_remove_tree (cache_dir);
          cold[i] = run_export (&program, output);
          warm[i] = run_export (&program, output);
        }

      lens_test_sort_doubles (cold, N_RUNS);
      lens_test_sort_doubles (warm, N_RUNS);
      g_print ("  %-4s  empty cache: median %6.1f ms, max %6.1f ms   "
               "warm cache: median %6.1f ms, max %6.1f ms\n",
               formats[f], cold[N_RUNS / 2], cold[N_RUNS - 1], warm[N_RUNS / 2], warm[N_RUNS - 1]);
    }

  lens_test_program_tear_down (&program);

  return 0;
}
