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

#include "lens-fake-portal.h"
#include "lens-test-util.h"
#include "lens-format.h"
#include "lens-language.h"

#define LOCALE "es_ES.UTF-8"

typedef struct
{
  LensFakePortal *portal;
  char           *directory;
} Fixture;


static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->portal = lens_fake_portal_new ();
  fixture->directory = g_dir_make_tmp ("reform-lens-export-es-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_object (&fixture->portal);
}

/* Runs the built program in Spanish; returns its exit status. */
static int
run_program (Fixture             *fixture,
             const char * const  *args,
             char               **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cache = g_build_filename (fixture->directory, "cache", NULL);
  g_autofree char *portal = g_strdup_printf ("--portal=%s",
                                             lens_fake_portal_get_base_url (fixture->portal));
  const char *bin = g_getenv ("REFORM_LENS_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  g_ptr_array_add (argv, portal);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "es", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", LOCALE, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("exit %d; stderr: %s", g_subprocess_get_exit_status (process), err);

  return g_subprocess_get_exit_status (process);
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
  g_test_add ("/translated-export/csv-and-png", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/translated-export/list-charts", Fixture, NULL,
              fixture_set_up, test_list_translated, fixture_tear_down);

  return g_test_run ();
}
