/* test-brief-sets.c: saved briefs made by the built program without a display, twice against
 * the fake portal with lens_fake_portal_bump() between: the "Since <date>" section, read back
 * with pdftotext
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "lens-brief-record.h"
#include "lens-brief-set-store.h"
#include "lens-format.h"
#include "lens-pdf-text.h"
#include "lens-test-util.h"

typedef LensTestProgram Fixture;

/* 2026-03-08 11:00 UTC: Crimes then ends on 1 March, COPA on 7 March. */
#define UPDATED 1772967600

static char *
data_home (Fixture *fixture)
{
  return g_build_filename (fixture->directory, "data", NULL);
}

static char *
store_dir (Fixture *fixture)
{
  g_autofree char *home = data_home (fixture);

  return g_build_filename (home, "reform-lens", "briefs", NULL);
}

/* Runs the program with @args (NULL-terminated, after --portal) and no display. */
static void
run (Fixture     *fixture,
     LensTestRun *result,
     const char  *arg1,
     const char  *arg2,
     const char  *arg3)
{
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *home = data_home (fixture);
  g_autofree char *env_home = g_strconcat ("XDG_DATA_HOME=", home, NULL);
  const char *env[] = { env_home, "DISPLAY", "WAYLAND_DISPLAY", NULL };
  const char *args[] = { portal, arg1, arg2, arg3, NULL };

  lens_test_run_program (result, NULL, fixture->cache_home, env, args);
}

static void
save_district_5 (Fixture *fixture)
{
  g_auto(LensTestRun) result = { 0 };
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *home = data_home (fixture);
  g_autofree char *env_home = g_strconcat ("XDG_DATA_HOME=", home, NULL);
  const char *env[] = { env_home, NULL };
  const char *args[] = {
    portal, "--save-brief-set=District 5", "--district=5", "--compare=citywide",
    "--brief-period=last-full-month",
    "--brief-sections=crime-incidents-per-month,complaints-per-year", NULL
  };

  lens_test_run_program (&result, NULL, fixture->cache_home, env, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "District 5"));
}

static char *
make (Fixture    *fixture,
      const char *file)
{
  g_auto(LensTestRun) result = { 0 };
  g_autofree char *path = g_build_filename (fixture->directory, file, NULL);
  g_autofree char *output = g_strconcat ("--output=", path, NULL);
  g_autofree char *text = NULL;
  GString *joined;

  run (fixture, &result, "--brief-set=District 5", output, NULL);
  if (result.status != 0)
    g_error ("--brief-set failed: %s", result.err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* the whole text on one line: sentences wrap in the PDF */
  text = lens_pdf_run ((const char * const []) { "pdftotext", path, "-", NULL });
  joined = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (joined, *p == '\n' || *p == '\f' ? ' ' : *p);
  {
    g_autofree char *flat = g_string_free (joined, FALSE);

    return lens_pdf_squeeze (flat);
  }
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the brief:\n%s", what, text);
}

/* Rewrites the record's "made" (so the reports since then are known) or its "portal". */
static void
edit_record (Fixture    *fixture,
             const char *made,
             const char *portal)
{
  g_autofree char *dir = store_dir (fixture);
  g_autofree char *path = lens_brief_record_dup_path (dir, "District 5");
  g_autoptr(GError) error = NULL;
  g_autoptr(LensBriefRecord) record = lens_brief_record_load (path, &error);

  g_assert_no_error (error);
  if (made != NULL)
    {
      g_date_time_unref (record->made);
      record->made = g_date_time_new_from_iso8601 (made, NULL);
    }
  if (portal != NULL)
    {
      g_free (record->portal);
      record->portal = g_strdup (portal);
    }
  g_assert_true (lens_brief_record_save (record, path, &error));
  g_assert_no_error (error);
}

static char *
made_label (const char *iso)
{
  g_autoptr(GDateTime) made = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (made);

  return lens_format_date (local);
}

static void
stale_portal (Fixture *fixture)
{
  lens_fake_portal_set_as_of (fixture->portal, "ijzp-q8t2", UPDATED, NULL);
  lens_fake_portal_set_as_of (fixture->portal, "mft5-nfa8", UPDATED, NULL);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(LensTestRun) listed = { 0 };
  g_auto(LensTestRun) listed_again = { 0 };
  g_autofree char *dir = store_dir (fixture);
  g_autofree char *record = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sets = NULL;

  if (!lens_pdf_have_poppler ())
    return;
  stale_portal (fixture);
  save_district_5 (fixture);

  run (fixture, &listed, "--list-brief-sets", NULL, NULL);
  g_assert_cmpint (listed.status, ==, 0);
  assert_contains (listed.out, "District 5\tnever made");

  /* the first time: the plain brief and one line */
  text = make (fixture, "first.pdf");
  assert_contains (text, "There is no earlier brief of this saved brief to compare with");
  g_assert_null (strstr (text, "Revised figures"));
  record = lens_brief_record_dup_path (dir, "District 5");
  g_assert_true (g_file_test (record, G_FILE_TEST_IS_REGULAR));

  run (fixture, &listed_again, "--list-brief-sets", NULL, NULL);
  assert_contains (listed_again.out, "District 5\tlast made ");

  /* rename and duplicate keep the figures with the brief they belong to */
  g_assert_true (lens_brief_set_store_rename (dir, "District 5", "D5", &error));
  g_assert_no_error (error);
  g_clear_pointer (&record, g_free);
  record = lens_brief_record_dup_path (dir, "D5");
  g_assert_true (g_file_test (record, G_FILE_TEST_IS_REGULAR));
  g_assert_true (lens_brief_set_store_duplicate (dir, "D5", "D5 copy", &error));
  g_assert_no_error (error);

  /* a corrupt file is set aside, the others still list */
  bad = g_build_filename (dir, "broken.json", NULL);
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  sets = lens_brief_set_store_list (dir, problems);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 1);
  {
    g_autofree char *kept = g_strconcat (bad, ".bad", NULL);

    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  }

  g_assert_true (lens_brief_set_store_delete (dir, "D5", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));
}

static void
test_since (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *district[] = { "district=005", NULL };
  static const char *robbery[] = { "district=005", "fbi_code=03", NULL };
  const char *made_iso = "2025-01-15T15:00:00Z";
  g_autofree char *made = made_label (made_iso);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autofree char *before_text = NULL, *now_text = NULL;
  g_autofree char *title = NULL;
  gint64 before, now, copa, robbery_now, robbery_before;

  if (!lens_pdf_have_poppler ())
    return;
  stale_portal (fixture);
  save_district_5 (fixture);
  g_free (make (fixture, "first.pdf"));
  edit_record (fixture, made_iso, NULL);

  /* February 2026 in District 5, as the first brief printed it */
  before = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2", district,
                                            "2026-02-01", "2026-03-01");
  g_assert_true (lens_fake_portal_bump (fixture->portal, "2026-02"));
  now = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2", district,
                                         "2026-02-01", "2026-03-01");
  g_assert_cmpint (before, !=, now);

  text = make (fixture, "second.pdf");
  title = g_strdup_printf ("Since %s", made);
  assert_contains (text, title);

  /* the revision, with both numbers */
  before_text = lens_format_count (before);
  now_text = lens_format_count (now);
  line = g_strdup_printf ("Reported incidents per month, Feb 2026 (District 5 – Calumet): %s incidents "
                          "in the brief of %s, now %s incidents", before_text, made, now_text);
  assert_contains (text, line);

  /* CompStat over the days the data added (2 to 15 March, Crimes' lag of 7 days) */
  robbery_now = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2", robbery,
                                                 "2026-03-02", "2026-03-16");
  robbery_before = lens_fake_portal_expected_count (fixture->portal, "ijzp-q8t2", robbery,
                                                    "2025-03-02", "2025-03-16");
  {
    g_autofree char *a = lens_format_count (robbery_now);
    g_autofree char *b = lens_format_count (robbery_before);
    g_autofree char *row = g_strdup_printf ("Robbery %s %s", a, b);

    assert_contains (text, row);
  }

  /* complaints filed from 8 to 21 March (COPA leaves out the day of the update) */
  copa = lens_fake_portal_expected_district_count (fixture->portal, "mft5-nfa8", "beat", 5, NULL,
                                                   "2026-03-08", "2026-03-22");
  {
    g_autofree char *n = lens_format_count (copa);
    g_autofree char *sentence = g_strdup_printf ("%s complaint%s filed with COPA from", n,
                                                 copa == 1 ? " was" : "s were");

    assert_contains (text, sentence);
  }

  /* reports newer than 15 January 2025 from the shipped data */
  assert_contains (text, "Independent Monitoring Report");

  /* every query kept the real portal's rules */
  g_assert_cmpuint (lens_fake_portal_get_n_refused (fixture->portal), ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (fixture->portal), ==, 0);
}

static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (!lens_pdf_have_poppler ())
    return;
  stale_portal (fixture);
  save_district_5 (fixture);
  g_free (make (fixture, "first.pdf"));
  edit_record (fixture, NULL, "https://data.example.org");
  g_assert_true (lens_fake_portal_bump (fixture->portal, "2026-02"));

  text = make (fixture, "second.pdf");
  /* (the address may wrap after its "//") */
  assert_contains (text, "Not compared with the brief of");
  assert_contains (text, "it was made from another data portal (https://");
  assert_contains (text, "data.example.org), so its figures are not these.");
  g_assert_null (strstr (text, "Revised figures"));
}

static void
test_corrupt_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(LensTestRun) result = { 0 };
  g_autofree char *dir = store_dir (fixture);
  g_autofree char *record = NULL;
  g_autofree char *path = g_build_filename (fixture->directory, "again.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", path, NULL);

  stale_portal (fixture);
  save_district_5 (fixture);
  record = lens_brief_record_dup_path (dir, "District 5");
  {
    g_autofree char *records = g_path_get_dirname (record);

    g_assert_cmpint (g_mkdir_with_parents (records, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (record, "[1, 2", -1, NULL));

  run (fixture, &result, "--brief-set=District 5", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "are damaged"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, lens_test_program_fixture_set_up, func, \
              lens_test_program_fixture_tear_down)
  ADD ("/brief-sets/round-trip", test_round_trip);
  ADD ("/brief-sets/since", test_since);
  ADD ("/brief-sets/foreign", test_foreign);
  ADD ("/brief-sets/corrupt-record", test_corrupt_record);

  return g_test_run ();
}
