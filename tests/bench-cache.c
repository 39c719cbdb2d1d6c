/* bench-cache.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a cache hit: lens_cache_lookup() (read metadata and body, check the SHA-256) and
 * lookup + lens_table_new_from_response(), for a typical answer (~50 KB) and a large one
 * (~5 MB). Also the store. Prints numbers; asserts nothing about time.
 *
 * The bodies are SYNTHETIC: unaggregated rows from the fake portal's seeded generator
 * (tests/lens-fake-data.c), in the SODA 2.1 layout. The values mean nothing. */

#define G_LOG_DOMAIN "bench-cache"

#include "config.h"

#include <glib/gstdio.h>

#include "lens-cache.h"
#include "lens-fake-data.h"
#include "lens-table.h"
#include "lens-test-util.h"

typedef struct
{
  const char *label;
  guint       rows;
  guint       runs;
} Size;

static double
median (GArray *times)
{
  lens_test_sort_doubles ((double *) (gpointer) times->data, times->len);
  return g_array_index (times, double, times->len / 2);
}

static void
make_body (guint               rows,
           LensFakeResponse   *out)
{
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *limit = g_strdup_printf ("%u", rows);

  g_hash_table_insert (params, (char *) "$select", (char *) "id, case_number, date, primary_type, description, "
                                                   "location_description, arrest, domestic, beat, district, "
                                                   "ward, community_area, year");
  g_hash_table_insert (params, (char *) "$order", (char *) ":id");
  g_hash_table_insert (params, (char *) "$limit", limit);
  lens_fake_data_query (20260101, 0, NULL, rows, "ijzp-q8t2", params, out);
  g_assert_cmpuint (out->status, ==, 200);
}

static void
bench (LensCache  *cache,
       const Size *size)
{
  g_auto(LensFakeResponse) response = { 0 };
  g_autoptr(LensCacheEntry) entry = NULL;
  g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lookup_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) both_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *key = g_strdup_printf ("https://data.cityofchicago.org/resource/ijzp-q8t2.json?$limit=%u", size->rows);
  g_autofree char *size_text = NULL;
  double mb;

  make_body (size->rows, &response);
  mb = g_bytes_get_size (response.body) / 1e6;
  size_text = g_format_size (g_bytes_get_size (response.body));
  entry = lens_cache_entry_new (key, response.body, NULL, "\"etag\"", "Mon, 06 Apr 2026 11:00:00 GMT",
                                NULL, response.fields, response.types);

  for (guint run = 0; run < size->runs; run++)
    {
      g_autoptr(LensCacheEntry) hit = NULL;
      g_autoptr(LensTable) table = NULL;
      g_autoptr(LensTable) table2 = NULL;
      gint64 t0, t1, t2, t3, t4;

      t0 = g_get_monotonic_time ();
      g_assert_true (lens_cache_store (cache, entry, NULL));
      t1 = g_get_monotonic_time ();
      hit = lens_cache_lookup (cache, key);
      t2 = g_get_monotonic_time ();
      g_assert_nonnull (hit);
      table = lens_table_new_from_response (lens_cache_entry_get_body (hit),
                                            lens_cache_entry_get_fields_header (hit),
                                            lens_cache_entry_get_types_header (hit), NULL);
      t3 = g_get_monotonic_time ();
      g_assert_nonnull (table);
      g_assert_cmpuint (lens_table_get_n_rows (table), ==, size->rows);

      /* Lookup and parse together, as the client's worker does on a hit. */
      g_clear_pointer (&hit, lens_cache_entry_unref);
      hit = lens_cache_lookup (cache, key);
      table2 = lens_table_new_from_response (lens_cache_entry_get_body (hit),
                                             lens_cache_entry_get_fields_header (hit),
                                             lens_cache_entry_get_types_header (hit), NULL);
      t4 = g_get_monotonic_time ();
      g_assert_nonnull (table2);

      g_array_append_vals (store_times, &(double) { (t1 - t0) / 1000.0 }, 1);
      g_array_append_vals (lookup_times, &(double) { (t2 - t1) / 1000.0 }, 1);
      g_array_append_vals (parse_times, &(double) { (t3 - t2) / 1000.0 }, 1);
      g_array_append_vals (both_times, &(double) { (t4 - t3) / 1000.0 }, 1);
    }

  g_print ("%-8s %s body, %u rows, %u runs (medians):\n", size->label, size_text, size->rows, size->runs);
  g_print ("  store            %8.3f ms\n", median (store_times));
  g_print ("  lookup           %8.3f ms  (%.0f MB/s, read + SHA-256)\n",
           median (lookup_times), mb / (median (lookup_times) / 1000.0));
  g_print ("  parse            %8.3f ms  (%.0f MB/s)\n",
           median (parse_times), mb / (median (parse_times) / 1000.0));
  g_print ("  lookup + parse   %8.3f ms\n", median (both_times));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autoptr(LensCache) cache = NULL;
  const Size sizes[] = {
    { "typical", 170, 200 },
    { "large", 17000, 15 },
  };

  cache = lens_cache_new (dir, 0);

  g_print ("Cache hits (synthetic bodies from the fake portal's generator)\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench (cache, &sizes[i]);

  g_assert_true (lens_cache_clear (cache, NULL));
  lens_test_remove_tree (dir);

  return 0;
}
