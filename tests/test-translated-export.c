/* test-translated-export.c: exporting a chart in Spanish
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs as a Spanish session would (LANGUAGE=es, LC_ALL=es_ES.UTF-8, set up by the app's own
 * lens_language_init()): the chart renderer's tick labels use the locale's separators, and the
 * built program exports a chart to CSV (plain C-locale numbers, for spreadsheets) and PNG
 * against the fake portal.
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lens-format.h"
#include "lens-language.h"
#include "lens-test-util.h"

#define LOCALE "es_ES.UTF-8"

/* The portal and a folder of the test's own, with the program's cache:
 * lens_test_program_fixture_set_up (). */
typedef LensTestProgram Fixture;

/* Runs the built program in Spanish against the portal; returns its exit status. */
static int
run_program (Fixture             *fixture,
             const char * const  *args,
             char               **out)
{
  static const char * const spanish[] = { "LANGUAGE=es", "LC_ALL=" LOCALE, NULL };
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(LensTestRun) run = { 0 };

  g_ptr_array_add (argv, portal);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  lens_test_run_program (&run, NULL, fixture->cache_home, spanish,
                         (const char * const *) argv->pdata);
  *out = g_steal_pointer (&run.out);

  return run.status;
}

/* The tick labels: lens-plot formats them with lens_format_number (value, decimals), counts in
 * tables and cards with lens_format_count(). */
static void
test_tick_format (void)
{
  g_autofree char *count = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *fraction = NULL;
  g_autofree char *percent = NULL;

  if (!lens_test_require_locale (LOCALE))
    return;

  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, LOCALE);

  count = lens_format_count (262914);
  tick = lens_format_number (262914, 0);
  fraction = lens_format_number (1234.5, 1);
  percent = lens_format_percent (12.5, 1);

  g_assert_cmpstr (count, ==, "262.914");
  g_assert_cmpstr (tick, ==, "262.914");
  g_assert_cmpstr (fraction, ==, "1.234,5");
  g_assert_nonnull (strstr (percent, "12,5"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *csv_path = g_build_filename (fixture->directory, "x.csv", NULL);
  g_autofree char *png_path = g_build_filename (fixture->directory, "x.png", NULL);
  g_autofree char *csv_option = g_strdup_printf ("--output=%s", csv_path);
  g_autofree char *png_option = g_strdup_printf ("--output=%s", png_path);
  const char *csv_args[] = { "--export-chart", "crime-incidents-per-year", csv_option, NULL };
  const char *png_args[] = { "--export-chart", "crime-incidents-per-year", "--district=5",
                             png_option, NULL };
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  if (!lens_test_require_locale (LOCALE))
    return;

  g_assert_cmpint (run_program (fixture, csv_args, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);

  /* The numbers stay machine-readable in any language: no grouping, a '.' for decimals. */
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_null (strstr (csv, "262.914"));
  g_assert_true (g_regex_match_simple ("\r\n2021,[0-9]+\r\n", csv, 0, 0));

  g_assert_cmpint (run_program (fixture, png_args, &out), ==, 0);
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 100);
  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 100);
  cairo_surface_destroy (surface);
}

/* The chart list comes out in Spanish when the catalogue has Spanish. */
static void
test_list_translated (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *args[] = { "--list-charts", NULL };
  const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "chart title", "Reported incidents per year");
  g_autofree char *out = NULL;

  if (!lens_test_require_locale (LOCALE))
    return;

  g_autofree char *mo = g_build_filename (lens_language_get_localedir (), "es", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  /* Built from po/es.po when es is in po/LINGUAS: then the title must be Spanish. */
  if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_assert_cmpstr (title, !=, "Reported incidents per year");

  g_assert_cmpint (run_program (fixture, args, &out), ==, 0);
  g_assert_nonnull (strstr (out, "crime-incidents-per-year"));
  g_assert_nonnull (strstr (out, title));
}

int
main (int   argc,
      char *argv[])
{
  /* As a Spanish session starts the app, before anything else. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", LOCALE, TRUE);
  lens_language_init (NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/translated-export/tick-format", test_tick_format);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lens_test_program_fixture_set_up, func, \
              lens_test_program_fixture_tear_down)
  ADD ("/translated-export/csv-and-png", test_export);
  ADD ("/translated-export/list-charts", test_list_translated);
#undef ADD

  return g_test_run ();
}
