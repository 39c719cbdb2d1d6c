/* test-cli.c: the reform-lens command line, run as a program against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lens-compliance-document.h"
#include "lens-consent-decree.h"
#include "lens-test-util.h"

/* The portal and a folder of the test's own, with the program's cache (lens-test-util.h). */
typedef LensTestProgram Fixture;

/* The cache of the test that runs: empty at the start of each test. */
static const char *cache_home;

/* Runs the built program with @args (NULL-terminated) and no display, in @cwd (NULL: the
 * test's own folder), with @env ("NAME=value" to set, "NAME" to unset; may be NULL). */
static void
run_cli_full (LensTestRun        *run,
              const char         *cwd,
              const char * const *env,
              const char * const *args)
{
  lens_test_run_program (run, cwd, cache_home, env, args);
}

static void
run_cli (LensTestRun        *run,
         const char * const *args)
{
  run_cli_full (run, NULL, NULL, args);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  lens_test_program_set_up (fixture);
  cache_home = fixture->cache_home;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  cache_home = NULL;
  lens_test_program_tear_down (fixture);
}

static void
test_cli_list_charts (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *args[] = { "--list-charts", NULL };
  LensTestRun run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "crime-incidents-per-year"));
  g_assert_nonnull (strstr (run.out, "Reported incidents per year"));
  g_assert_nonnull (strstr (run.out, "crime "));
  lens_test_run_clear (&run);
}

static char *
export (Fixture     *fixture,
        const char  *extension,
        LensTestRun *run)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *file = g_strdup_printf ("chart.%s", extension);
  g_autofree char *path = g_build_filename (fixture->directory, file, NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", path);
  const char *args[] = {
    "--export-chart=crime-incidents-per-year",
    "--district=5", "--compare=citywide", "--compare-as=counts", "--from=2020-01-01", "--to=2024-12-31",
    portal, output, NULL
  };

  run_cli (run, args);
  return g_steal_pointer (&path);
}

static void
test_cli_export_png (Fixture       *fixture,
                     gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = export (fixture, "png", &run);
  cairo_surface_t *surface;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 100);
  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 100);
  cairo_surface_destroy (surface);
  lens_test_run_clear (&run);
}

static void
check_file_starts_with (const char *path,
                        const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

static void
test_cli_export_svg (Fixture       *fixture,
                     gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = export (fixture, "svg", &run);

  g_assert_cmpint (run.status, ==, 0);
  check_file_starts_with (path, "<?xml");
  lens_test_run_clear (&run);
}

static void
test_cli_export_pdf (Fixture       *fixture,
                     gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = export (fixture, "pdf", &run);

  g_assert_cmpint (run.status, ==, 0);
  check_file_starts_with (path, "%PDF-");
  lens_test_run_clear (&run);
}

static void
test_cli_export_csv (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char *district[] = { "district=005", NULL };
  LensTestRun run = { 0 };
  g_autofree char *path = export (fixture, "csv", &run);
  g_autofree char *contents = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Year,District 5 – Calumet,Citywide"));

  /* Every year's numbers are the fake portal's, for the district and for the city. */
  for (int year = 2020; year <= 2024; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
      gint64 in_district = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                            district, from, to);
      gint64 citywide = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                         NULL, from, to);
      g_autofree char *line = g_strdup_printf ("%d,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                               year, in_district, citywide);

      g_assert_cmpint (in_district, >, 0);
      if (strstr (contents, line) == NULL)
        g_error ("“%s” is not in the CSV:\n%s", line, contents);
    }
  lens_test_run_clear (&run);
}

/* --compare-as=share: the district's share of the city in percent, and both counts beside it */
static void
test_cli_export_csv_share (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const char *district[] = { "district=005", NULL };
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *path = g_build_filename (fixture->directory, "x.csv", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", path);
  const char *args[] = {
    "--compare-as=share", "--export-chart=crime-incidents-per-year",
    "--district=5", "--compare=citywide", "--from=2020-01-01", "--to=2024-12-31",
    portal, output, NULL
  };
  LensTestRun run = { 0 };
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "Year,\"District 5 – Calumet, share of the city’s total (%)\","
                   "District 5 – Calumet (counts),Citywide (counts)");

  for (int year = 2020; year <= 2024; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
      gint64 in_district = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                            district, from, to);
      gint64 citywide = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                         NULL, from, to);
      g_auto(GStrv) cells = g_strsplit (lines[year - 2020 + 1], ",", -1);

      g_assert_cmpint (citywide, >, 0);
      g_assert_cmpuint (g_strv_length (cells), ==, 4);
      g_assert_cmpint (atoi (cells[0]), ==, year);
      /* The share computed by hand from the counts the fake portal served */
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[1], NULL),
                                      100.0 * in_district / citywide, 1e-9);
      g_assert_cmpint (g_ascii_strtoll (cells[2], NULL, 10), ==, in_district);
      g_assert_cmpint (g_ascii_strtoll (cells[3], NULL, 10), ==, citywide);
    }
  lens_test_run_clear (&run);
}

static void
assert_fails (const char * const *args,
              const char         *message)
{
  LensTestRun run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, !=, 0);
  if (strstr (run.err, message) == NULL)
    g_error ("stderr “%s” does not say “%s”", run.err, message);
  lens_test_run_clear (&run);
}

static void
test_cli_bad_arguments (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *output = g_strdup_printf ("--output=%s/x.png", fixture->directory);
  g_autofree char *bad_output = g_strdup_printf ("--output=%s/x.gif", fixture->directory);
  const char *unknown_chart[] = { "--export-chart=no-such-chart", portal, output, NULL };
  const char *bad_district[] = { "--export-chart=crime-incidents-per-year", "--district=13",
                                 portal, output, NULL };
  const char *bad_date[] = { "--export-chart=crime-incidents-per-year", "--from=2023-02-30",
                             portal, output, NULL };
  const char *bad_range[] = { "--export-chart=crime-incidents-per-year", "--from=2024-01-01",
                              "--to=2023-01-01", portal, output, NULL };
  const char *bad_extension[] = { "--export-chart=crime-incidents-per-year", portal,
                                  bad_output, NULL };
  const char *no_output[] = { "--export-chart=crime-incidents-per-year", portal, NULL };
  const char *bad_portal[] = { "--export-chart=crime-incidents-per-year",
                               "--portal=http://example.com", output, NULL };
  /* Options for the window are checked before a window (or a display) is needed. */
  const char *window_bad_district[] = { "--district=99", NULL };
  const char *window_bad_portal[] = { "--portal=ftp://127.0.0.1", NULL };
  const char *window_same_district[] = { "--district=5", "--compare=5", NULL };
  const char *output_alone[] = { output, NULL };
  const char *bad_compare_as[] = { "--export-chart=crime-incidents-per-year", "--district=5",
                                   "--compare=citywide", "--compare-as=rate", portal, output, NULL };

  assert_fails (unknown_chart, "no-such-chart");
  assert_fails (bad_district, "13");
  assert_fails (bad_compare_as, "“rate” is not counts, index or share");
  assert_fails (bad_date, "2023-02-30");
  assert_fails (bad_range, "2024-01-01");
  assert_fails (bad_extension, ".png, .svg, .pdf or .csv");
  assert_fails (no_output, "--output");
  assert_fails (bad_portal, "--portal");
  assert_fails (window_bad_district, "99");
  assert_fails (window_bad_portal, "--portal");
  assert_fails (window_same_district, "5");
  assert_fails (output_alone, "--export-chart");

  /* Nothing was written. */
  {
    g_autofree char *path = g_build_filename (fixture->directory, "x.png", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
test_cli_offline_empty_cache (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *output = g_strdup_printf ("--output=%s/offline.csv", fixture->directory);
  const char *args[] = { "--export-chart=crime-incidents-per-year", "--offline", portal, output,
                         NULL };

  assert_fails (args, "no data is saved");
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);

  /* Once fetched, the same export works offline. */
  {
    LensTestRun run = { 0 };
    const char *online[] = { "--export-chart=crime-incidents-per-year", portal, output, NULL };

    run_cli (&run, online);
    g_assert_cmpint (run.status, ==, 0);
    lens_test_run_clear (&run);

    lens_fake_portal_reset_counters (fixture->portal);
    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
    lens_test_run_clear (&run);
  }
}

static void
test_cli_portal_unreachable (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *output = g_strdup_printf ("--output=%s/x.csv", fixture->directory);
  const char *args[] = { "--export-chart=crime-incidents-per-year",
                         "--portal=http://127.0.0.1:1", output, NULL };

  assert_fails (args, "could not be reached");
}

/* --output and --brief name a file relative to the folder the command is started in. */
static void
test_cli_relative_paths (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *subfolder = g_build_filename (fixture->directory, "sub", NULL);
  g_autofree char *chart = g_build_filename (fixture->directory, "chart.csv", NULL);
  g_autofree char *up = g_build_filename (fixture->directory, "up.csv", NULL);
  g_autofree char *brief = g_build_filename (subfolder, "brief.pdf", NULL);
  g_autofree char *wrote = NULL;
  const char *export_args[] = { "--export-chart=crime-incidents-per-year", portal,
                                "--output=chart.csv", NULL };
  const char *up_args[] = { "--export-chart=crime-incidents-per-year", portal,
                            "--output=sub/../up.csv", NULL };
  const char *brief_args[] = { "--brief=sub/brief.pdf", "--brief-sections=crime-incidents-per-year",
                               portal, NULL };
  LensTestRun run = { 0 };

  g_assert_cmpint (g_mkdir (subfolder, 0700), ==, 0);

  run_cli_full (&run, fixture->directory, NULL, export_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (chart, G_FILE_TEST_IS_REGULAR));
  lens_test_run_clear (&run);

  run_cli_full (&run, fixture->directory, NULL, up_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (up, G_FILE_TEST_IS_REGULAR));
  lens_test_run_clear (&run);

  /* The brief says where it went, as a full path. */
  run_cli_full (&run, fixture->directory, NULL, brief_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (brief, G_FILE_TEST_IS_REGULAR));
  wrote = g_strdup_printf ("Wrote %s (", brief);
  g_assert_nonnull (strstr (run.out, wrote));
  lens_test_run_clear (&run);
}

/* Started outside `meson devenv`, with no settings schema installed: the headless commands
 * work on the schema's defaults (the stderr of a successful --brief is read by the Prepare
 * Brief dialog as "saved data was used", so they add nothing there), and never abort. Nothing hides the missing schema
 * (no GSETTINGS_BACKEND; ISOLATE_DIRS leaves no system schema folder either). */
static void
test_cli_no_schema (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *empty = g_build_filename (fixture->directory, "no-schemas", NULL);
  g_autofree char *schema_dir = g_strdup_printf ("GSETTINGS_SCHEMA_DIR=%s", empty);
  g_autofree char *path = g_build_filename (fixture->directory, "chart.png", NULL);
  g_autofree char *output = g_strdup_printf ("--output=%s", path);
  const char *env[] = { schema_dir, "GSETTINGS_BACKEND", NULL };
  const char *list_args[] = { "--list-charts", NULL };
  const char *export_args[] = { "--export-chart=crime-incidents-per-year", "--district=5",
                                portal, output, NULL };
  cairo_surface_t *surface;
  LensTestRun run = { 0 };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);

  run_cli_full (&run, NULL, env, list_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "crime-incidents-per-year"));
  g_assert_null (strstr (run.err, "ERROR"));
  lens_test_run_clear (&run);

  run_cli_full (&run, NULL, env, export_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.err, "ERROR"));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), >, 0);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  lens_test_run_clear (&run);
}

/* The compliance chart is listed and exported like the others, from the shipped figures,
 * with no portal; the filters do not apply to it. */
static void
test_cli_compliance_chart (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *list_args[] = { "--list-charts", NULL };
  g_autofree char *csv_path = g_build_filename (fixture->directory, "compliance.csv", NULL);
  g_autofree char *png_path = g_build_filename (fixture->directory, "compliance.png", NULL);
  g_autofree char *csv_output = g_strdup_printf ("--output=%s", csv_path);
  g_autofree char *png_output = g_strdup_printf ("--output=%s", png_path);
  const char *csv_args[] = { "--export-chart=" LENS_COMPLIANCE_CHART_ID, csv_output, NULL };
  const char *png_args[] = { "--export-chart=" LENS_COMPLIANCE_CHART_ID, png_output, NULL };
  const char *filtered[] = { "--export-chart=" LENS_COMPLIANCE_CHART_ID, "--district=5", csv_output, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LensConsentDecree) decree = lens_consent_decree_new_from_resource (&error);
  g_autoptr(LensChartDocument) document = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  LensTestRun run = { 0 };
  cairo_surface_t *surface;

  g_assert_no_error (error);

  run_cli (&run, list_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, LENS_COMPLIANCE_CHART_ID " "));
  g_assert_nonnull (strstr (run.out, "Compliance by Monitoring Report"));
  lens_test_run_clear (&run);

  /* the same table as the window's export */
  run_cli (&run, csv_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lens_test_run_clear (&run);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, &error));
  g_assert_no_error (error);
  document = lens_compliance_document_new (decree);
  expected = lens_chart_export_to_csv (document);
  g_assert_cmpstr (written, ==, expected);

  run_cli (&run, png_args);
  g_assert_cmpint (run.status, ==, 0);
  lens_test_run_clear (&run);
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* no portal was asked */
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);

  run_cli (&run, filtered);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--district"));
  lens_test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/list-charts", test_cli_list_charts);
  ADD ("/cli/compliance-chart", test_cli_compliance_chart);
  ADD ("/cli/relative-paths", test_cli_relative_paths);
  ADD ("/cli/no-schema", test_cli_no_schema);
  ADD ("/cli/export-png", test_cli_export_png);
  ADD ("/cli/export-svg", test_cli_export_svg);
  ADD ("/cli/export-pdf", test_cli_export_pdf);
  ADD ("/cli/export-csv", test_cli_export_csv);
  ADD ("/cli/export-csv-share", test_cli_export_csv_share);
  ADD ("/cli/bad-arguments", test_cli_bad_arguments);
  ADD ("/cli/offline-empty-cache", test_cli_offline_empty_cache);
  ADD ("/cli/portal-unreachable", test_cli_portal_unreachable);
#undef ADD

  return g_test_run ();
}
