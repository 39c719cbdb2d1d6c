/* test-cache.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cache"

#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

#include "lens-cache.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lens-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        g_unlink (child);
      }
  g_rmdir (path);
}

static LensCacheEntry *
make_entry (const char *key,
            const char *body_text,
            gsize       repeat)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 4, 1, 12, 30, 15.25);
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 3, 31, 6, 0, 0);

  for (gsize i = 0; i < MAX (repeat, 1); i++)
    g_string_append (body, body_text);

  bytes = g_string_free_to_bytes (g_steal_pointer (&body));
  return lens_cache_entry_new (key, bytes, fetched, "\"etag-1\"", "Tue, 31 Mar 2026 06:00:00 GMT",
                               updated, "[\"yr\",\"n\"]", "[\"number\",\"number\"]");
}

static guint
count_files (const char *path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* The one file of @suffix whose name starts with the hash of @key. */
static char *
entry_file (const char *dir_path,
            const char *key,
            const char *suffix)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, hash) && g_str_has_suffix (name, suffix))
      return g_build_filename (dir_path, name, NULL);
  return NULL;
}

static void
test_cache_store_lookup (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCacheEntry) entry = make_entry ("https://example.org/resource/abcd-1234.json?$select=a", "[{\"a\":\"1\"}]\n", 1);
  g_autoptr(LensCacheEntry) hit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lens_cache_get_directory (cache), ==, dir);
  g_assert_null (lens_cache_lookup (cache, "https://example.org/nothing"));
  g_assert_cmpuint (lens_cache_get_size (cache), ==, 0);

  g_assert_true (lens_cache_store (cache, entry, &error));
  g_assert_no_error (error);

  hit = lens_cache_lookup (cache, lens_cache_entry_get_key (entry));
  g_assert_nonnull (hit);
  g_assert_true (g_bytes_equal (lens_cache_entry_get_body (hit), lens_cache_entry_get_body (entry)));
  g_assert_true (g_date_time_equal (lens_cache_entry_get_fetched_at (hit), lens_cache_entry_get_fetched_at (entry)));
  g_assert_true (g_date_time_equal (lens_cache_entry_get_rows_updated_at (hit), lens_cache_entry_get_rows_updated_at (entry)));
  g_assert_cmpstr (lens_cache_entry_get_etag (hit), ==, "\"etag-1\"");
  g_assert_cmpstr (lens_cache_entry_get_last_modified (hit), ==, "Tue, 31 Mar 2026 06:00:00 GMT");
  g_assert_cmpstr (lens_cache_entry_get_fields_header (hit), ==, "[\"yr\",\"n\"]");
  g_assert_cmpstr (lens_cache_entry_get_types_header (hit), ==, "[\"number\",\"number\"]");
  g_assert_cmpuint (lens_cache_get_size (cache), >, g_bytes_get_size (lens_cache_entry_get_body (entry)));

  /* A second cache object reads the same directory from scratch. */
  {
    g_autoptr(LensCache) again = lens_cache_new (dir, 0);
    g_autoptr(LensCacheEntry) hit2 = lens_cache_lookup (again, lens_cache_entry_get_key (entry));

    g_assert_nonnull (hit2);
    g_assert_cmpuint (lens_cache_get_size (again), ==, lens_cache_get_size (cache));
  }

  g_assert_true (lens_cache_remove (cache, lens_cache_entry_get_key (entry)));
  g_assert_false (lens_cache_remove (cache, lens_cache_entry_get_key (entry)));
  g_assert_null (lens_cache_lookup (cache, lens_cache_entry_get_key (entry)));
  g_assert_cmpuint (lens_cache_get_size (cache), ==, 0);

  rm_rf (dir);
}

static void
test_cache_entry_optional (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(GBytes) body = g_bytes_new_static ("[]\n", 3);
  g_autoptr(LensCacheEntry) entry = lens_cache_entry_new ("k", body, NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(LensCacheEntry) hit = NULL;
  g_autoptr(LensCacheEntry) revalidated = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(LensCacheEntry) empty_entry = lens_cache_entry_new ("empty", empty, NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(LensCacheEntry) empty_hit = NULL;

  g_assert_nonnull (lens_cache_entry_get_fetched_at (entry));
  g_assert_true (lens_cache_store (cache, entry, NULL));
  hit = lens_cache_lookup (cache, "k");
  g_assert_nonnull (hit);
  g_assert_null (lens_cache_entry_get_etag (hit));
  g_assert_null (lens_cache_entry_get_last_modified (hit));
  g_assert_null (lens_cache_entry_get_rows_updated_at (hit));
  g_assert_null (lens_cache_entry_get_fields_header (hit));
  g_assert_null (lens_cache_entry_get_types_header (hit));

  later = g_date_time_add_hours (lens_cache_entry_get_fetched_at (hit), 3);
  revalidated = lens_cache_entry_copy_revalidated (hit, later);
  g_assert_true (g_date_time_equal (lens_cache_entry_get_fetched_at (revalidated), later));
  g_assert_true (g_bytes_equal (lens_cache_entry_get_body (revalidated), body));
  g_assert_cmpstr (lens_cache_entry_get_key (revalidated), ==, "k");

  /* An empty body is a valid (if odd) entry. */
  g_assert_true (lens_cache_store (cache, empty_entry, NULL));
  empty_hit = lens_cache_lookup (cache, "empty");
  g_assert_nonnull (empty_hit);
  g_assert_cmpuint (g_bytes_get_size (lens_cache_entry_get_body (empty_hit)), ==, 0);

  rm_rf (dir);
}

static void
test_cache_default_directory (void)
{
  const guint64 max_bytes = G_GUINT64_CONSTANT (64) * 1024 * 1024;
  g_autoptr(LensCache) cache = lens_cache_new (NULL, max_bytes);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "reform-lens", "portal", NULL);
  g_autoptr(LensCacheEntry) entry = make_entry ("key", "body", 1);

  g_assert_cmpstr (lens_cache_get_directory (cache), ==, expected);
  g_assert_cmpuint (lens_cache_get_max_bytes (cache), ==, max_bytes);
  /* The directory is created on the first store. */
  g_assert_true (lens_cache_store (cache, entry, NULL));
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_DIR));
  g_assert_true (lens_cache_clear (cache, NULL));
}

static void
test_cache_replace (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCacheEntry) first = make_entry ("key", "first body", 10);
  g_autoptr(LensCacheEntry) second = make_entry ("key", "second", 3);
  g_autoptr(LensCacheEntry) hit = NULL;
  guint64 size_after_first;

  g_assert_true (lens_cache_store (cache, first, NULL));
  size_after_first = lens_cache_get_size (cache);
  g_assert_true (lens_cache_store (cache, second, NULL));

  hit = lens_cache_lookup (cache, "key");
  g_assert_true (g_bytes_equal (lens_cache_entry_get_body (hit), lens_cache_entry_get_body (second)));
  /* The old body is gone and the size counts only the new pair. */
  g_assert_cmpuint (count_files (dir, ".body"), ==, 1);
  g_assert_cmpuint (count_files (dir, ".meta"), ==, 1);
  g_assert_cmpuint (lens_cache_get_size (cache), <, size_after_first);

  /* Storing the same body again keeps one body file. */
  g_assert_true (lens_cache_store (cache, second, NULL));
  g_assert_cmpuint (count_files (dir, ".body"), ==, 1);

  rm_rf (dir);
}

static void
test_cache_half_written (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCacheEntry) entry = make_entry ("key", "old", 1);
  g_autoptr(LensCacheEntry) hit = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "key", -1);
  g_autofree char *orphan_name = g_strdup_printf ("%s-0123456789abcdef.body", hash);
  g_autofree char *orphan = g_build_filename (dir, orphan_name, NULL);
  g_autofree char *orphan2_name = g_strdup_printf ("%s-fedcba9876543210.body", hash);
  g_autofree char *orphan2 = g_build_filename (dir, orphan2_name, NULL);
  struct utimbuf old_times = { 1000000000, 1000000000 };

  /* A store interrupted after the body: the previous pair is still what readers get. */
  g_assert_true (lens_cache_store (cache, entry, NULL));
  g_assert_true (g_file_set_contents (orphan, "new, never committed", -1, NULL));
  hit = lens_cache_lookup (cache, "key");
  g_assert_nonnull (hit);
  g_assert_cmpmem (g_bytes_get_data (lens_cache_entry_get_body (hit), NULL), 3, "old", 3);

  /* A body with no metadata at all is simply absent, without a warning. */
  g_assert_true (g_file_set_contents (orphan2, "lonely", -1, NULL));
  g_assert_true (lens_cache_remove (cache, "key"));
  g_assert_null (lens_cache_lookup (cache, "key"));

  /* Old unreferenced bodies are removed when a cache scans the directory; recent ones are
   * left alone because they may belong to a store in progress. */
  g_assert_cmpint (utime (orphan, &old_times), ==, 0);
  {
    g_autoptr(LensCache) again = lens_cache_new (dir, 0);

    lens_cache_get_size (again);
    g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (orphan2, G_FILE_TEST_EXISTS));
  }

  rm_rf (dir);
}

typedef enum {
  DAMAGE_GARBAGE_METADATA,
  DAMAGE_MISSING_BODY,
  DAMAGE_CHECKSUM,
  DAMAGE_SHORT_BODY,
  DAMAGE_KEY,
  DAMAGE_MISSING_FIELD,
} Damage;

static void
corrupt_one (Damage damage)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCacheEntry) entry = make_entry ("the key", "[{\"n\":\"12\"}]\n", 100);
  g_autoptr(LensCacheEntry) other = make_entry ("another key", "[]\n", 1);
  g_autoptr(LensCacheEntry) still = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *body = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (lens_cache_store (cache, entry, NULL));
  g_assert_true (lens_cache_store (cache, other, NULL));
  meta = entry_file (dir, "the key", ".meta");
  body = entry_file (dir, "the key", ".body");
  g_assert_nonnull (meta);
  g_assert_nonnull (body);

  switch (damage)
    {
    case DAMAGE_GARBAGE_METADATA:
      g_assert_true (g_file_set_contents (meta, "\x01\x02 this is not a key file [[[", -1, NULL));
      break;

    case DAMAGE_MISSING_BODY:
      g_assert_cmpint (g_unlink (body), ==, 0);
      break;

    case DAMAGE_CHECKSUM:
      g_assert_true (g_file_get_contents (body, &contents, &len, NULL));
      contents[len / 2] ^= 0x20;
      g_assert_true (g_file_set_contents (body, contents, len, NULL));
      break;

    case DAMAGE_SHORT_BODY:
      g_assert_true (g_file_get_contents (body, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (body, contents, len / 2, NULL));
      break;

    case DAMAGE_KEY:
      {
        g_autoptr(GKeyFile) kf = g_key_file_new ();

        g_assert_true (g_key_file_load_from_file (kf, meta, G_KEY_FILE_NONE, NULL));
        g_key_file_set_string (kf, "Entry", "key", "a different key");
        g_assert_true (g_key_file_save_to_file (kf, meta, NULL));
      }
      break;

    case DAMAGE_MISSING_FIELD:
      {
        g_autoptr(GKeyFile) kf = g_key_file_new ();

        g_assert_true (g_key_file_load_from_file (kf, meta, G_KEY_FILE_NONE, NULL));
        g_key_file_remove_key (kf, "Entry", "body-sha256", NULL);
        g_assert_true (g_key_file_save_to_file (kf, meta, NULL));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_test_expect_message ("lens-cache", G_LOG_LEVEL_WARNING, "*corrupt cache entry*");
  g_assert_null (lens_cache_lookup (cache, "the key"));
  g_test_assert_expected_messages ();

  /* Dropped: the files are gone and a second lookup is a plain miss. */
  g_assert_false (g_file_test (meta, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (body, G_FILE_TEST_EXISTS));
  g_assert_null (lens_cache_lookup (cache, "the key"));

  /* The neighbour is untouched. */
  still = lens_cache_lookup (cache, "another key");
  g_assert_nonnull (still);

  rm_rf (dir);
}

static void
test_cache_corrupt (void)
{
  corrupt_one (DAMAGE_GARBAGE_METADATA);
  corrupt_one (DAMAGE_MISSING_BODY);
  corrupt_one (DAMAGE_CHECKSUM);
  corrupt_one (DAMAGE_SHORT_BODY);
  corrupt_one (DAMAGE_KEY);
  corrupt_one (DAMAGE_MISSING_FIELD);
}

static void
test_cache_eviction (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCacheEntry) a = make_entry ("a", "0123456789", 1000);
  g_autoptr(LensCacheEntry) b = make_entry ("b", "0123456789", 1000);
  g_autoptr(LensCacheEntry) c = make_entry ("c", "0123456789", 1000);
  g_autoptr(LensCacheEntry) d = make_entry ("d", "0123456789", 1000);
  g_autoptr(LensCacheEntry) huge = make_entry ("huge", "0123456789", 10000);
  g_autoptr(LensCacheEntry) hit = NULL;
  guint64 one;

  g_assert_true (lens_cache_store (cache, a, NULL));
  one = lens_cache_get_size (cache);
  /* Room for three entries. */
  lens_cache_set_max_bytes (cache, one * 3 + one / 2);
  g_assert_true (lens_cache_store (cache, b, NULL));
  g_assert_true (lens_cache_store (cache, c, NULL));
  g_assert_cmpuint (lens_cache_get_size (cache), <=, lens_cache_get_max_bytes (cache));

  /* Using "a" makes "b" the least recently used. */
  hit = lens_cache_lookup (cache, "a");
  g_assert_nonnull (hit);
  g_clear_pointer (&hit, lens_cache_entry_unref);

  g_assert_true (lens_cache_store (cache, d, NULL));
  g_assert_cmpuint (lens_cache_get_size (cache), <=, lens_cache_get_max_bytes (cache));
  g_assert_null (lens_cache_lookup (cache, "b"));
  hit = lens_cache_lookup (cache, "a");
  g_assert_nonnull (hit);
  g_clear_pointer (&hit, lens_cache_entry_unref);
  hit = lens_cache_lookup (cache, "c");
  g_assert_nonnull (hit);
  g_clear_pointer (&hit, lens_cache_entry_unref);
  hit = lens_cache_lookup (cache, "d");
  g_assert_nonnull (hit);
  g_clear_pointer (&hit, lens_cache_entry_unref);

  /* An entry larger than the cap evicts everything else but is itself kept. */
  g_assert_true (lens_cache_store (cache, huge, NULL));
  hit = lens_cache_lookup (cache, "huge");
  g_assert_nonnull (hit);
  g_clear_pointer (&hit, lens_cache_entry_unref);
  g_assert_null (lens_cache_lookup (cache, "a"));
  g_assert_null (lens_cache_lookup (cache, "c"));
  g_assert_null (lens_cache_lookup (cache, "d"));
  g_assert_cmpuint (count_files (dir, ".meta"), ==, 1);

  /* Lowering the cap evicts at once. */
  g_assert_true (lens_cache_store (cache, a, NULL));
  g_assert_true (lens_cache_store (cache, b, NULL));
  lens_cache_set_max_bytes (cache, one + one / 2);
  g_assert_cmpuint (lens_cache_get_size (cache), <=, one + one / 2);
  g_assert_null (lens_cache_lookup (cache, "a"));
  hit = lens_cache_lookup (cache, "b");
  g_assert_nonnull (hit);

  rm_rf (dir);
}

static void
test_cache_eviction_persists (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCacheEntry) a = make_entry ("a", "0123456789", 1000);
  g_autoptr(LensCacheEntry) b = make_entry ("b", "0123456789", 1000);
  g_autoptr(LensCacheEntry) c = make_entry ("c", "0123456789", 1000);
  g_autoptr(LensCacheEntry) hit = NULL;
  guint64 one;

  /* Last-use order survives a restart (it is kept in the metadata). */
  {
    g_autoptr(LensCache) cache = lens_cache_new (dir, 0);

    /* Stored one right after the other: b is still the later use. */
    g_assert_true (lens_cache_store (cache, a, NULL));
    g_assert_true (lens_cache_store (cache, b, NULL));
    one = lens_cache_get_size (cache) / 2;
  }
  {
    g_autoptr(LensCache) cache = lens_cache_new (dir, one * 2 + one / 2);

    g_assert_true (lens_cache_store (cache, c, NULL));
    g_assert_null (lens_cache_lookup (cache, "a"));
    hit = lens_cache_lookup (cache, "b");
    g_assert_nonnull (hit);
  }

  rm_rf (dir);
}

static void
test_cache_clear (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "not-yet", NULL);
  g_autofree char *temp = g_build_filename (dir, "abc.meta.XY12ZW", NULL);
  g_autofree char *foreign = g_build_filename (dir, "README", NULL);
  g_autoptr(LensCache) cache = lens_cache_new (dir, 0);
  g_autoptr(LensCache) empty = lens_cache_new (missing, 0);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("key %u", i);
      g_autoptr(LensCacheEntry) entry = make_entry (key, "body", i + 1);

      g_assert_true (lens_cache_store (cache, entry, NULL));
    }
  g_assert_true (g_file_set_contents (temp, "left over", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "not ours", -1, NULL));
  g_assert_cmpuint (lens_cache_get_size (cache), >, 0);

  g_assert_true (lens_cache_clear (cache, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lens_cache_get_size (cache), ==, 0);
  g_assert_cmpuint (count_files (dir, ".meta"), ==, 0);
  g_assert_cmpuint (count_files (dir, ".body"), ==, 0);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_null (lens_cache_lookup (cache, "key 3"));

  /* Clearing a cache that never stored anything works too. */
  g_assert_true (lens_cache_clear (empty, &error));
  g_assert_no_error (error);

  rm_rf (dir);
}

typedef struct {
  LensCache *cache;
  guint      seed;
  guint      hits;
} ThreadData;

static gpointer
hammer_thread (gpointer user_data)
{
  ThreadData *td = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (td->seed);

  for (guint i = 0; i < 300; i++)
    {
      guint k = g_rand_int_range (rand, 0, 12);
      g_autofree char *key = g_strdup_printf ("https://example.org/resource/abcd-1234.json?n=%u", k);

      if (g_rand_boolean (rand))
        {
          /* The body names its key, so a reader can tell it got a whole, matching entry. */
          g_autofree char *text = g_strdup_printf ("[{\"key\":\"%s\",\"writer\":\"%u\"}]\n", key, td->seed);
          g_autoptr(LensCacheEntry) entry = make_entry (key, text, g_rand_int_range (rand, 1, 200));
          g_autoptr(GError) error = NULL;

          g_assert_true (lens_cache_store (td->cache, entry, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_autoptr(LensCacheEntry) hit = lens_cache_lookup (td->cache, key);

          if (hit != NULL)
            {
              gsize len;
              const char *data = g_bytes_get_data (lens_cache_entry_get_body (hit), &len);
              g_autofree char *prefix = g_strdup_printf ("[{\"key\":\"%s\"", key);

              g_assert_cmpuint (len, >=, strlen (prefix));
              g_assert_true (strncmp (data, prefix, strlen (prefix)) == 0);
              td->hits++;
            }
        }
      if (i % 50 == 0)
        lens_cache_get_size (td->cache);
    }

  return NULL;
}

static void
test_cache_threads (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(LensCache) cache = lens_cache_new (dir, 64 * 1024);
  ThreadData data[6];
  GThread *threads[6];
  guint hits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i] = (ThreadData) { cache, i + 1, 0 };
      threads[i] = g_thread_new ("hammer", hammer_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      hits += data[i].hits;
    }

  g_assert_cmpuint (hits, >, 0);
  g_assert_cmpuint (lens_cache_get_size (cache), <=, 64 * 1024 + 20 * 1024);

  /* What is on disk agrees with what the object counted. */
  {
    g_autoptr(LensCache) again = lens_cache_new (dir, 0);

    g_assert_cmpuint (lens_cache_get_size (again), ==, lens_cache_get_size (cache));
  }

  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cache/store-lookup", test_cache_store_lookup);
  g_test_add_func ("/cache/entry-optional", test_cache_entry_optional);
  g_test_add_func ("/cache/default-directory", test_cache_default_directory);
  g_test_add_func ("/cache/replace", test_cache_replace);
  g_test_add_func ("/cache/half-written", test_cache_half_written);
  g_test_add_func ("/cache/corrupt", test_cache_corrupt);
  g_test_add_func ("/cache/eviction", test_cache_eviction);
  g_test_add_func ("/cache/eviction-persists", test_cache_eviction_persists);
  g_test_add_func ("/cache/clear", test_cache_clear);
  g_test_add_func ("/cache/threads", test_cache_threads);

  return g_test_run ();
}
