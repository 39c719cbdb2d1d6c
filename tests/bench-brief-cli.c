/* bench-brief-cli.c: a meeting brief of the 8 catalogue charts from the command line, end to
 * end, against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built reform-lens --brief once with an empty cache (the portal answers over
 * loopback), then several times --offline from the warm cache: process start, catalogue,
 * cache reads, PLplot, layout and the PDF file. Prints the times; never fails on time.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lens-fake-portal.h"

#define N_RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
run_brief (const char *bin,
           const char *portal,
           const char *output,
           const char *cache_home,
           gboolean    offline)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_arg = g_strdup_printf ("--portal=%s", portal);
  g_autofree char *output_arg = g_strdup_printf ("--brief=%s", output);
  const char *argv[] = {
    bin, output_arg, "--district=5", "--compare=citywide", "--from=2021-01-01",
    "--to=2025-12-31", portal_arg, offline ? "--offline" : NULL, NULL
  };
  gint64 start;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
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
  g_autoptr(LensFakePortal) portal = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *output = NULL;
  const char *bin = g_getenv ("REFORM_LENS_BIN");
  double cold, warm[N_RUNS];

  if (bin == NULL)
    {
      g_printerr ("REFORM_LENS_BIN is not set\n");
      return 1;
    }

  portal = lens_fake_portal_new ();
  directory = g_dir_make_tmp ("reform-lens-bench-brief-XXXXXX", NULL);
  cache_home = g_build_filename (directory, "cache", NULL);
  output = g_build_filename (directory, "brief.pdf", NULL);

  cold = run_brief (bin, lens_fake_portal_get_base_url (portal), output, cache_home, FALSE);
  for (guint i = 0; i < N_RUNS; i++)
    warm[i] = run_brief (bin, lens_fake_portal_get_base_url (portal), output, cache_home, TRUE);
  qsort (warm, N_RUNS, sizeof (double), compare_doubles);

  g_print ("reform-lens --brief (8 charts, district 5 vs citywide, 5 years, consent decree), "
           "wall time of the whole process:\n");
  g_print ("  empty cache (fake portal over loopback): %7.1f ms\n", cold);
  g_print ("  warm cache, --offline, %d runs: median %7.1f ms, min %7.1f ms, max %7.1f ms "
           "(aim: < 2000 ms)\n", N_RUNS, warm[N_RUNS / 2], warm[0], warm[N_RUNS - 1]);

  remove_tree (directory);
  return 0;
}
