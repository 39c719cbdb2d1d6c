/* test-boundaries.c: the police district boundaries read from the portal's real GeoJSON
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "lens-boundaries.h"
#include "lens-districts.h"
#include "lens-portal-error.h"
#include "lens-fake-boundaries.h"
#include "lens-test-util.h"

/* The real export of 24zt-jpfn (provenance in fixtures/README.md) */
static GBytes *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                 "boundaries-police-districts_24zt-jpfn.geojson",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, len);
}

static void
check_sample (LensBoundaries *boundaries)
{
  guint n_31 = 0;

  /* The 22 districts, and district 31 in three pieces */
  g_assert_cmpuint (lens_boundaries_get_n_features (boundaries), ==, 25);
  for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
    {
      const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);

      if (boundary->district == 31)
        n_31++;
      else
        g_assert_nonnull (lens_district_lookup_number (boundary->district));
      g_assert_cmpuint (boundary->n_rings, >, 0);
    }
  g_assert_cmpuint (n_31, ==, 3);

  /* Each district's label point is inside it and nowhere else */
  for (guint n = 0; n < lens_districts_get_count (); n++)
    {
      guint number = lens_districts_get_nth (n)->number;
      gboolean found = FALSE;

      for (guint i = 0; i < lens_boundaries_get_n_features (boundaries); i++)
        {
          const LensBoundary *boundary = lens_boundaries_get_nth (boundaries, i);
          LensGeoPoint point;

          if (boundary->district != number)
            continue;

          found = TRUE;
          point = lens_boundary_get_label_point (boundary);
          g_assert_true (lens_boundary_contains (boundary, point.lon, point.lat));
          g_assert_cmpuint (lens_boundaries_hit_test (boundaries, point.lon, point.lat), ==, number);
        }
      g_assert_true (found);
    }
}

static void
test_sample (void)
{
  g_autoptr(GBytes) bytes = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LensBoundaries) boundaries = lens_boundaries_new_from_bytes (bytes, &error);
  LensGeoPoint min, max;

  g_assert_no_error (error);
  check_sample (boundaries);

  /* Places whose district is public knowledge: the Loop (Central, 1), Wrigley Field (Town
   * Hall, 19); a point in the lake is in none */
  g_assert_cmpuint (lens_boundaries_hit_test (boundaries, -87.6298, 41.8781), ==, 1);
  g_assert_cmpuint (lens_boundaries_hit_test (boundaries, -87.6553, 41.9484), ==, 19);
  g_assert_cmpuint (lens_boundaries_hit_test (boundaries, -87.40, 41.90), ==, 0);

  lens_boundaries_get_extent (boundaries, &min, &max);
  g_assert_cmpfloat (min.lon, >, -88.0);
  g_assert_cmpfloat (max.lon, <, -87.5);
  g_assert_cmpfloat (min.lat, >, 41.6);
  g_assert_cmpfloat (max.lat, <, 42.1);
}

static void
parsed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  LensBoundaries **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = lens_boundaries_parse_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(GBytes) bytes = load_sample ();
  g_autoptr(LensBoundaries) boundaries = NULL;

  lens_boundaries_parse_async (bytes, NULL, parsed, &boundaries);
  while (boundaries == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_sample (boundaries);
}

static void
test_invalid (void)
{
  const char *bodies[] = {
    "not json",
    "[]",
    "{\"type\":\"FeatureCollection\"}",
    "{\"type\":\"FeatureCollection\",\"features\":[]}",
    "{\"features\":[{\"properties\":{\"dist_num\":\"5\"},"
      "\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}}]}",
    "{\"features\":[{\"properties\":{\"dist_num\":\"5\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}]}",
    "{\"features\":[{\"properties\":{},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}",
    "{\"features\":[{\"properties\":{\"dist_num\":\"5\"},"
      "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
      "[[[0,0],[1]]]]}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bodies[i], strlen (bodies[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(LensBoundaries) boundaries = lens_boundaries_new_from_bytes (bytes, &error);

      g_assert_null (boundaries);
      g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
    }
}

/* The fake portal serves the real file as it is, where the portal serves its export */
static void
test_fake_portal (LensTestPortal *f,
                  gconstpointer   data)
{
  g_autofree char *url = g_strconcat (lens_fake_portal_get_base_url (f->portal),
                                      LENS_FAKE_BOUNDARIES_PATH, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) sample = load_sample ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensBoundaries) boundaries = NULL;

  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (g_bytes_equal (body, sample));

  boundaries = lens_boundaries_new_from_bytes (body, &error);
  g_assert_no_error (error);
  check_sample (boundaries);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/boundaries/sample", test_sample);
  g_test_add_func ("/boundaries/async", test_async);
  g_test_add_func ("/boundaries/invalid", test_invalid);
  g_test_add ("/boundaries/fake-portal", LensTestPortal, NULL,
              lens_test_portal_fixture_set_up, test_fake_portal, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
