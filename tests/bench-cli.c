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

#include "lens-fake-portal.h"

#define N_RUNS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
run_export (const char *bin,
            const char *portal,
            const char *output,
            const char *cache_home)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_arg = g_strdup_printf ("--portal=%s", portal);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *argv[] = {
    bin, "--export-chart=crime-incidents-per-year", "--district=5", "--compare=citywide",
    "--from=2020-01-01", "--to=2024-12-31", portal_arg, output_arg, NULL
  };
  gint64 start;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  static const char *formats[] = { "png", "svg", "pdf", "csv" };
  g_autoptr(LensFakePortal) portal = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *cache_home = NULL;
  const char *bin = g_getenv ("REFORM_LENS_BIN");

  if (bin == NULL)
    {
      g_printerr ("REFORM_LENS_BIN is not set\n");
      return 1;
    }

  portal = lens_fake_portal_new ();
  directory = g_dir_make_tmp ("reform-lens-bench-XXXXXX", NULL);
  cache_home = g_build_filename (directory, "cache", NULL);

  g_print ("reform-lens --export-chart=crime-incidents-per-year (district 5 vs citywide, "
           "5 years), %d runs each, wall time of the whole process:\n", N_RUNS);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *file = g_strdup_printf ("chart.%s", formats[f]);
      g_autofree char *output = g_build_filename (directory, file, NULL);
      double cold[N_RUNS], warm[N_RUNS];

      for (guint i = 0; i < N_RUNS; i++)
        {
          g_autofree char *cache_dir = g_build_filename (cache_home, "reform-lens", NULL);

          remove_tree (cache_dir);
          cold[i] = run_export (bin, lens_fake_portal_get_base_url (portal), output, cache_home);
          warm[i] = run_export (bin, lens_fake_portal_get_base_url (portal), output, cache_home);
        }

      qsort (cold, N_RUNS, sizeof (double), compare_doubles);
      qsort (warm, N_RUNS, sizeof (double), compare_doubles);
      g_print ("  %-4s  empty cache: median %6.1f ms, max %6.1f ms   "
               "warm cache: median %6.1f ms, max %6.1f ms\n",
               formats[f], cold[N_RUNS / 2], cold[N_RUNS - 1], warm[N_RUNS / 2], warm[N_RUNS - 1]);
    }

  remove_tree (directory);

  return 0;
}
