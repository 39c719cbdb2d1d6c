/* test-brief-set.c: saved briefs round-trip, survive a corrupt file, and their period rules
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-brief-set"

#include "config.h"

#include "lens-brief-set-store.h"
#include "lens-test-util.h"

static LensBriefSet *
sample_set (const char *name)
{
  LensBriefSet *set = lens_brief_set_new (name);
  const char *sections[] = { "headline", "crimes", "copa", NULL };

  set->district = 12;
  set->comparison = g_strdup ("year-earlier");
  set->sections = g_strdupv ((GStrv) sections);
  set->language = g_strdup ("es");
  set->rule = LENS_BRIEF_PERIOD_FIXED;
  g_date_set_dmy (&set->fixed_from, 1, 3, 2026);
  g_date_set_dmy (&set->fixed_to, 31, 3, 2026);
  set->last_made = 1785000000;
  return set;
}

static void
assert_same (const LensBriefSet *a,
             const LensBriefSet *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpuint (a->district, ==, b->district);
  g_assert_cmpstr (a->comparison, ==, b->comparison);
  g_assert_cmpstrv (a->sections, b->sections);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpint (a->rule, ==, b->rule);
  g_assert_cmpint (g_date_compare (&a->fixed_from, &b->fixed_from), ==, 0);
  g_assert_cmpint (g_date_compare (&a->fixed_to, &b->fixed_to), ==, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autoptr(LensBriefSet) set = sample_set ("District 12 council");
  g_autoptr(LensBriefSet) loaded = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (lens_brief_set_store_save (dir, set, &error));
  g_assert_no_error (error);

  loaded = lens_brief_set_store_load (dir, "District 12 council", &error);
  g_assert_no_error (error);
  assert_same (set, loaded);
  g_assert_cmpint (loaded->last_made, ==, set->last_made);

  /* Saved again (made again): replaced in place. */
  loaded->last_made = 1786000000;
  g_assert_true (lens_brief_set_store_save (dir, loaded, &error));
  g_clear_pointer (&loaded, lens_brief_set_free);
  loaded = lens_brief_set_store_load (dir, "District 12 council", &error);
  g_assert_cmpint (loaded->last_made, ==, 1786000000);

  g_assert_true (lens_brief_set_store_duplicate (dir, "District 12 council", "Copy", &error));
  g_assert_no_error (error);
  g_assert_false (lens_brief_set_store_duplicate (dir, "District 12 council", "Copy", &error));
  g_assert_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (lens_brief_set_store_rename (dir, "Copy", "April meeting", &error));
  g_assert_no_error (error);
  g_assert_false (lens_brief_set_store_rename (dir, "Copy", "x", &error));
  g_assert_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lens_brief_set_store_rename (dir, "April meeting", "../evil", &error));
  g_assert_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_INVALID_NAME);
  g_clear_error (&error);

  sets = lens_brief_set_store_list (dir, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpstr (((LensBriefSet *) sets->pdata[0])->name, ==, "April meeting");
  g_assert_cmpstr (((LensBriefSet *) sets->pdata[1])->name, ==, "District 12 council");
  /* A duplicate has never been made. */
  g_assert_cmpint (((LensBriefSet *) sets->pdata[0])->last_made, ==, 0);

  g_assert_true (lens_brief_set_store_delete (dir, "April meeting", &error));
  g_assert_no_error (error);
  g_assert_false (lens_brief_set_store_delete (dir, "April meeting", &error));
  g_assert_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = lens_brief_set_store_list (dir, NULL);
  g_assert_cmpuint (sets->len, ==, 1);

  lens_test_remove_tree (dir);
}

static void
test_corrupt_kept_aside (void)
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autoptr(LensBriefSet) good = sample_set ("Good");
  g_autofree char *broken = g_build_filename (dir, "Broken.json", NULL);
  g_autofree char *foreign = g_build_filename (dir, "Foreign.json", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (lens_brief_set_store_save (dir, good, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"reform-lens-brief", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "{\"format\": \"other\", \"version\": 1}", -1, NULL));

  sets = lens_brief_set_store_list (dir, problems);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpstr (((LensBriefSet *) sets->pdata[0])->name, ==, "Good");
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_assert_nonnull (strstr (problems->pdata[i], ".bad"));

  /* Kept, not deleted; the list is clean next time. */
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
  kept = g_strconcat (broken, ".bad", NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lens_test_count_files (dir, ".bad"), ==, 2);

  g_ptr_array_set_size (problems, 0);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = lens_brief_set_store_list (dir, problems);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Loading one by name says the same. */
  g_assert_true (g_file_set_contents (broken, "[]", -1, NULL));
  g_assert_null (lens_brief_set_store_load (dir, "Broken", &error));
  g_assert_error (error, LENS_BRIEF_SET_STORE_ERROR, LENS_BRIEF_SET_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (lens_test_count_files (dir, ".bad"), ==, 3);

  lens_test_remove_tree (dir);
}

static void
assert_period (const LensPeriod *p,
               guint fd, guint fm, guint fy,
               guint td, guint tm, guint ty)
{
  GDate from, to;

  g_date_set_dmy (&from, fd, fm, fy);
  g_date_set_dmy (&to, td, tm, ty);
  g_assert_cmpint (g_date_compare (&p->from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&p->to, &to), ==, 0);
}

static void
test_period_rules (void)
{
  g_autoptr(LensBriefSet) set = lens_brief_set_new ("x");
  LensPeriod p;
  GDate end, meeting;

  g_date_set_dmy (&end, 14, 4, 2026);

  set->rule = LENS_BRIEF_PERIOD_LAST_FULL_MONTH;
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 1, 3, 2026, 31, 3, 2026);
  g_date_set_dmy (&end, 31, 3, 2026);
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 1, 3, 2026, 31, 3, 2026);
  g_date_set_dmy (&end, 14, 4, 2026);

  set->rule = LENS_BRIEF_PERIOD_LAST_28_DAYS;
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 18, 3, 2026, 14, 4, 2026);

  set->rule = LENS_BRIEF_PERIOD_YEAR_TO_DATE;
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 1, 1, 2026, 14, 4, 2026);

  set->rule = LENS_BRIEF_PERIOD_SINCE_LAST_MEETING;
  g_date_set_dmy (&meeting, 10, 3, 2026);
  g_assert_true (lens_brief_set_resolve_period (set, &end, &meeting, &p));
  assert_period (&p, 11, 3, 2026, 14, 4, 2026);
  /* No meeting yet: the last 28 days. */
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 18, 3, 2026, 14, 4, 2026);

  /* A fixed period ends where the data ends. */
  set->rule = LENS_BRIEF_PERIOD_FIXED;
  g_date_set_dmy (&set->fixed_from, 1, 4, 2026);
  g_date_set_dmy (&set->fixed_to, 30, 4, 2026);
  g_assert_true (lens_brief_set_resolve_period (set, &end, NULL, &p));
  assert_period (&p, 1, 4, 2026, 14, 4, 2026);
  g_date_set_dmy (&set->fixed_from, 1, 5, 2026);
  g_date_set_dmy (&set->fixed_to, 31, 5, 2026);
  g_assert_false (lens_brief_set_resolve_period (set, &end, NULL, &p));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/brief-set/round-trip", test_round_trip);
  g_test_add_func ("/brief-set/corrupt-kept-aside", test_corrupt_kept_aside);
  g_test_add_func ("/brief-set/period-rules", test_period_rules);
  return g_test_run ();
}
