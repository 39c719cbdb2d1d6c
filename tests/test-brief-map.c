/* test-brief-map.c: reform-lens --brief with --brief-sections=map: the brief has the district
 * map page, the chosen district outlined and every district's number, legend and counts
 * (pdftotext), against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lens-districts.h"
#include "lens-pdf-text.h"
#include "lens-test-util.h"

typedef LensTestProgram Fixture;

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the brief:\n%s", what, text);
}

static void
test_map_page (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LensTestRun) run = { 0 };
  g_autofree char *portal = lens_test_program_portal_option (fixture);
  g_autofree char *path = g_build_filename (fixture->directory, "brief.pdf", NULL);
  g_autofree char *brief = g_strdup_printf ("--brief=%s", path);
  g_autoptr(GPtrArray) pages = NULL;
  const char *args[] = { brief, "--district=5", "--brief-sections=map", portal, NULL };
  const char *map_page = NULL;
  guint n_pages;

  if (!lens_pdf_have_poppler ())
    return;

  lens_test_run_program (&run, NULL, fixture->cache_home, NULL, args);
  if (run.status != 0)
    g_error ("reform-lens failed (%d): %s", run.status, run.err);

  n_pages = lens_pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  pages = lens_pdf_pages_text (path, n_pages);
  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), "Incidents per district") != NULL)
      map_page = g_ptr_array_index (pages, i);
  g_assert_nonnull (map_page);

  /* The legend: the measure, the period, the classes' heading, 31, the chosen district and
   * that these are counts, not rates */
  assert_contains (map_page, "All index crimes by district");
  assert_contains (map_page, "Last 28 days");
  assert_contains (map_page, "District 31: not one of the 22");
  assert_contains (map_page, "Outlined: District 5:");
  assert_contains (map_page, "not rates");
  assert_contains (map_page, "24zt-jpfn");

  /* Every district's number is written on the map, and its row in the table */
  {
    g_autofree char *all = NULL;
    GString *joined = g_string_new (NULL);

    for (guint i = 0; i < pages->len; i++)
      g_string_append (joined, g_ptr_array_index (pages, i));
    all = g_string_free (joined, FALSE);
    for (guint i = 0; i < lens_districts_get_count (); i++)
      {
        g_autofree char *label = lens_district_dup_label (lens_districts_get_nth (i));

        assert_contains (all, label);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/brief-map/map-page", Fixture, NULL, lens_test_program_fixture_set_up, test_map_page,
              lens_test_program_fixture_tear_down);

  return g_test_run ();
}
