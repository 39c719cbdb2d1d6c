/* test-brief-cli.c: reform-lens --brief, run as a program against the fake portal, the PDF
 * read back with pdfinfo and pdftotext
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "lens-format.h"
#include "lens-test-util.h"

/* The portal and a folder of the test's own, with the program's cache:
 * lens_test_program_fixture_set_up (). */
typedef LensTestProgram Fixture;

/* Runs the built program with @args (NULL-terminated) and no display. */
static void
run_program (LensTestRun        *run,
             const char         *cache_home,
             const char * const *args)
{
  lens_test_run_program (run, NULL, cache_home, NULL, args);
}

/* The output of a poppler tool on @path. */
static char *
poppler (const char *tool,
         const char *option,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { tool, option, path, "-", NULL };

  if (option == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  else if (!g_str_equal (tool, "pdftotext"))
    argv[3] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed on %s: %s", tool, path, err);

  return g_steal_pointer (&out);
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *info = poppler ("pdfinfo", NULL, path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + strlen ("Pages:"), " "),
                                   NULL, 10);
}

/* Runs --brief for district 5 compared with citywide, 2021–2024, plus @extra. */
static char *
run_brief (Fixture     *fixture,
           const char  *name,
           const char  *extra1,
           const char  *extra2,
           LensTestRun *run)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *path = g_build_filename (fixture->directory, name, NULL);
  g_autofree char *brief = g_strdup_printf ("--brief=%s", path);
  const char *args[] = {
    brief, "--district=5", "--compare=citywide", "--from=2021-01-01", "--to=2024-12-31",
    portal, extra1, extra2, NULL
  };

  run_program (run, fixture->cache_home, args);
  return g_steal_pointer (&path);
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the brief:\n%s", what, text);
}

/* Formats @count as @locale does, the way the brief does. */
static char *
format_count_in (const char *locale,
                 gint64      count)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  char *text;

  if (setlocale (LC_NUMERIC, locale) == NULL)
    g_error ("locale %s is not installed (build-aux/setup.sh generates it)", locale);
  text = lens_format_count ((double) count);
  setlocale (LC_NUMERIC, saved);

  return text;
}

/* Every year's crime count, for the district and the city, as the fake portal serves them. */
static void
assert_counts (Fixture    *fixture,
               const char *text,
               const char *locale)
{
  static const char *district[] = { "district=005", NULL };

  for (int year = 2021; year <= 2024; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-01-01", year + 1);
      gint64 in_district = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                            district, from, to);
      gint64 citywide = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2",
                                                         NULL, from, to);
      g_autofree char *a = format_count_in (locale, in_district);
      g_autofree char *b = format_count_in (locale, citywide);

      g_assert_cmpint (in_district, >, 0);
      g_assert_cmpint (citywide, >=, 100000);
      assert_contains (text, a);
      assert_contains (text, b);
    }
}

static void
render_pages (const char *pdf,
              const char *prefix)
{
  g_autofree char *root = g_test_build_filename (G_TEST_BUILT, prefix, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", pdf, root, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("pages rendered to %s-*.png", root);
}

static void
test_brief_english (Fixture       *fixture,
                    gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = run_brief (fixture, "brief.pdf", "--language=en", NULL, &run);
  g_autofree char *text = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "brief.pdf"));
  g_assert_cmpuint (pdf_page_count (path), >, 1);

  text = poppler ("pdftotext", "-layout", path);
  assert_contains (text, "District 5 – Calumet");
  assert_contains (text, "Citywide");
  /* Citywide is read as shares by default, and the filters line says so (the counts are
   * still in the tables: assert_counts) */
  assert_contains (text, "Compared with: Citywide, shown as share of the city’s total");
  assert_contains (text, "(counts)");
  assert_contains (text, "Data as of");
  assert_contains (text, "Fetched");
  assert_contains (text, "Reported incidents per year");
  assert_contains (text, "Where the cases stand");
  assert_contains (text, "Consent decree");
  assert_counts (fixture, text, "en_US.UTF-8");

  /* Nothing but the brief in the folder: no temporary file is left. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_equal (name, "brief.pdf") || g_str_equal (name, "cache"));
  }

  render_pages (path, "brief-en");
  lens_test_run_clear (&run);
}

/* The msgstr of @msgid in po/@lang.po when @lang is in po/LINGUAS, else NULL. */
static char *
lookup_translation (const char *lang,
                    const char *msgid)
{
  g_autofree char *linguas_path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *po_name = g_strdup_printf ("%s.po", lang);
  g_autofree char *po_path = g_test_build_filename (G_TEST_DIST, "..", "po", po_name, NULL);
  g_autofree char *linguas = NULL;
  g_autofree char *po = NULL;
  g_autofree char *needle = g_strdup_printf ("msgid \"%s\"\nmsgstr \"", msgid);
  g_auto(GStrv) lines = NULL;
  gboolean listed = FALSE;
  const char *found;

  if (!g_file_get_contents (linguas_path, &linguas, NULL, NULL))
    return NULL;
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), lang))
      listed = TRUE;

  if (!listed || !g_file_get_contents (po_path, &po, NULL, NULL))
    return NULL;

  found = strstr (po, needle);
  if (found == NULL)
    return NULL;
  found += strlen (needle);

  return g_strndup (found, strcspn (found, "\""));
}

static void
test_brief_spanish (Fixture       *fixture,
                    gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = run_brief (fixture, "informe.pdf", "--language=es", NULL, &run);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *grouped = format_count_in ("es_ES.UTF-8", 262914);

  /* The locale's grouping, as the brief must show it. */
  g_assert_cmpstr (grouped, ==, "262.914");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (pdf_page_count (path), >, 1);
  text = poppler ("pdftotext", "-layout", path);
  assert_contains (text, "Calumet");
  assert_counts (fixture, text, "es_ES.UTF-8");

  title = lookup_translation ("es", "District meeting brief");
  if (title != NULL && *title != '\0')
    assert_contains (text, title);
  else
    g_test_message ("po/es.po is not shipped yet: only the numbers are checked");

  render_pages (path, "brief-es");
  lens_test_run_clear (&run);
}

static void
test_brief_offline (Fixture       *fixture,
                    gconstpointer  user_data)
{
  LensTestRun run = { 0 };
  g_autofree char *path = NULL;

  /* An empty cache: nothing to make a brief from, and no file. */
  path = run_brief (fixture, "offline.pdf", "--offline", NULL, &run);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no data is saved"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
  lens_test_run_clear (&run);
  g_clear_pointer (&path, g_free);

  /* Warm the cache, then the same brief offline says which data is saved and how old. */
  path = run_brief (fixture, "online.pdf", NULL, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  lens_test_run_clear (&run);
  g_clear_pointer (&path, g_free);

  lens_fake_portal_reset_counters (fixture->portal);
  path = run_brief (fixture, "offline.pdf", "--offline", NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.err, "Reported incidents per year: data from"));
  g_assert_nonnull (strstr (run.err, "Where the cases stand: data from"));
  g_assert_cmpuint (pdf_page_count (path), >, 1);
  lens_test_run_clear (&run);
  g_clear_pointer (&path, g_free);

  /* The portal gone: saved data younger than the cache's max age is used without
   * connecting, so the brief is still made. */
  {
    g_autofree char *portal = lens_test_program_portal_option (fixture);
    g_autofree char *output = g_build_filename (fixture->directory, "unreachable.pdf", NULL);
    g_autofree char *brief = g_strdup_printf ("--brief=%s", output);
    const char *args[] = { brief, "--district=5", "--compare=citywide", "--from=2021-01-01",
                           "--to=2024-12-31", portal, NULL };

    g_clear_object (&fixture->portal);
    run_program (&run, fixture->cache_home, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
    lens_test_run_clear (&run);
  }
}

static void
assert_fails_without_file (Fixture    *fixture,
                           const char *path,
                           const char *message)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *brief = g_strdup_printf ("--brief=%s", path);
  const char *args[] = { brief, "--district=5", "--compare=citywide", portal, NULL };
  LensTestRun run = { 0 };

  run_program (&run, fixture->cache_home, args);
  g_assert_cmpint (run.status, !=, 0);
  if (strstr (run.err, message) == NULL)
    g_error ("stderr “%s” does not say “%s”", run.err, message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  lens_test_run_clear (&run);
}

static void
test_brief_unwritable (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->directory, "no-such-folder", "b.pdf", NULL);
  g_autofree char *read_only = g_build_filename (fixture->directory, "read-only", NULL);
  g_autofree char *in_read_only = g_build_filename (read_only, "b.pdf", NULL);

  assert_fails_without_file (fixture, missing, "does not exist");

  if (getuid () != 0)
    {
      g_assert_cmpint (g_mkdir (read_only, 0555), ==, 0);
      assert_fails_without_file (fixture, in_read_only, "Could not save the brief");
      g_assert_cmpint (g_chmod (read_only, 0700), ==, 0);
      {
        g_autoptr(GDir) dir = g_dir_open (read_only, 0, NULL);

        g_assert_null (g_dir_read_name (dir));
      }
    }
  else
    /* root writes in any folder; /proc refuses new files to everyone, after the charts
     * were loaded, so this checks the writer's own error path too. */
    assert_fails_without_file (fixture, "/proc/self/b.pdf", "Could not save the brief");
}

static void
test_brief_bad_arguments (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *text_file = g_build_filename (fixture->directory, "brief.txt", NULL);
  g_autofree char *brief_text = g_strdup_printf ("--brief=%s", text_file);
  g_autofree char *pdf = g_build_filename (fixture->directory, "b.pdf", NULL);
  g_autofree char *brief_pdf = g_strdup_printf ("--brief=%s", pdf);
  const char *bad_extension[] = { brief_text, NULL };
  const char *bad_language[] = { brief_pdf, "--language=fr", NULL };
  const char *bad_district[] = { brief_pdf, "--district=13", NULL };
  const char *bad_range[] = { brief_pdf, "--from=2024-01-01", "--to=2023-01-01", NULL };
  struct {
    const char * const *args;
    const char         *message;
  } cases[] = {
    { bad_extension, ".pdf" },
    { bad_language, "--language" },
    { bad_district, "13" },
    { bad_range, "2024-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LensTestRun run = { 0 };

      run_program (&run, fixture->cache_home, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("stderr “%s” does not say “%s”", run.err, cases[i].message);
      lens_test_run_clear (&run);
    }

  g_assert_false (g_file_test (text_file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lens_test_program_fixture_set_up, func, \
              lens_test_program_fixture_tear_down)
  ADD ("/brief-cli/english", test_brief_english);
  ADD ("/brief-cli/spanish", test_brief_spanish);
  ADD ("/brief-cli/offline", test_brief_offline);
  ADD ("/brief-cli/unwritable", test_brief_unwritable);
  ADD ("/brief-cli/bad-arguments", test_brief_bad_arguments);
#undef ADD

  return g_test_run ();
}
