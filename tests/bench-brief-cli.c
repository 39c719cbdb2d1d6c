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

#include "lens-test-util.h"

#define N_RUNS 5

static double
run_brief (LensTestProgram *program,
           const char      *output,
           gboolean         offline)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *portal_arg = lens_test_program_portal_option (program);
  g_autofree char *output_arg = g_strdup_printf ("--brief=%s", output);
  const char *argv[] = {
    lens_test_program_get_path (), output_arg, "--district=5", "--compare=citywide",
    "--from=2021-01-01", "--to=2025-12-31", portal_arg, offline ? "--offline" : NULL, NULL
  };

  launcher = lens_test_program_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                             G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                             program->cache_home);
  return lens_test_time_program (launcher, argv);
}

int
main (int   argc,
      char *argv[])
{
  LensTestProgram program = { 0 };
  g_autofree char *output = NULL;
  double cold, warm[N_RUNS];

  if (g_getenv ("REFORM_LENS_BIN") == NULL)
    {
      g_printerr ("REFORM_LENS_BIN is not set\n");
      return 1;
    }

  lens_test_program_set_up (&program);
  output = g_build_filename (program.directory, "brief.pdf", NULL);

  cold = run_brief (&program, output, FALSE);
  for (guint i = 0; i < N_RUNS; i++)
    warm[i] = run_brief (&program, output, TRUE);
  lens_test_sort_doubles (warm, N_RUNS);

  g_print ("reform-lens --brief (8 charts, district 5 vs citywide, 5 years, consent decree), "
           "wall time of the whole process:\n");
  g_print ("  empty cache (fake portal over loopback): %7.1f ms\n", cold);
  g_print ("  warm cache, --offline, %d runs: median %7.1f ms, min %7.1f ms, max %7.1f ms "
           "(aim: < 2000 ms)\n", N_RUNS, warm[N_RUNS / 2], warm[0], warm[N_RUNS - 1]);

  lens_test_program_tear_down (&program);
  return 0;
}
