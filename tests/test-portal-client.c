/* test-portal-client.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-portal-client"

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>

#include "lens-portal-client.h"
#include "lens-test-util.h"

/* The real client against the fake portal over loopback. Nothing here reaches the internet,
 * and every number the portal sends is synthetic. Nothing here measures time either: the
 * client's waits before a retry go through the fixture, which notes how long the client asked
 * to wait and ends the wait at once (or, to test a cancel, never). */

/* The portal, the client and its cache, and the waits it asked for (lens-test-util.h). */
typedef LensTestPortal Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lens_test_portal_set_up (f, 2, LENS_TEST_PORTAL_DEFAULT);
}

static guint
wait_delay (Fixture *f,
            guint    index)
{
  g_assert_cmpuint (index, <, f->waits->len);
  return g_array_index (f->waits, guint, index);
}

typedef struct
{
  gboolean         done;
  LensQueryResult *result;
  LensDatasetInfo *info;
  GError          *error;
} Wait;

static void
wait_clear (Wait *w)
{
  g_clear_object (&w->result);
  g_clear_object (&w->info);
  g_clear_error (&w->error);
  memset (w, 0, sizeof *w);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wait, wait_clear)

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;

  w->result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &w->error);
  g_assert_true ((w->result == NULL) != (w->error == NULL));
  w->done = TRUE;
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->info = lens_portal_client_fetch_dataset_info_finish (LENS_PORTAL_CLIENT (object), result, &w->error);
  g_assert_true ((w->info == NULL) != (w->error == NULL));
  w->done = TRUE;
}

static void
spin (Wait *w)
{
  g_assert_true (lens_test_wait_flag (&w->done));
}

static void
run_query_on (LensPortalClient *client,
              LensSoql         *query,
              LensQueryFlags    flags,
              Wait             *w)
{
  memset (w, 0, sizeof *w);
  lens_portal_client_query_async (client, query, flags, NULL, query_cb, w);
  spin (w);
}

static void
run_query (Fixture        *f,
           LensSoql       *query,
           LensQueryFlags  flags,
           Wait           *w)
{
  run_query_on (f->client, query, flags, w);
}

/* @result was fetched from the portal after @before, and not later than now. */
static void
assert_fetched_since (LensQueryResult *result,
                      GDateTime       *before)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *fetched_at = lens_query_result_get_fetched_at (result);

  g_assert_cmpint (g_date_time_compare (fetched_at, before), >=, 0);
  g_assert_cmpint (g_date_time_compare (fetched_at, now), <=, 0);
}

/* Crimes per year, the app's most common shape of query. */
static LensSoql *
years_query (const char *district)
{
  LensSoql *query = lens_soql_new ("ijzp-q8t2");

  lens_soql_set_select (query, "date_extract_y(date) AS yr, count(*) AS n");
  if (district != NULL)
    {
      lens_soql_add_where (query, "district = @district");
      lens_soql_bind_text (query, "district", district);
    }
  lens_soql_set_group (query, "yr");
  lens_soql_set_order (query, "yr");
  return query;
}

static GBytes *
cached_body (Fixture  *f,
             LensSoql *query)
{
  g_autofree char *url = lens_soql_to_url (query, lens_fake_portal_get_base_url (f->portal));
  g_autoptr(LensCacheEntry) entry = lens_cache_lookup (f->cache, url);

  return entry != NULL ? g_bytes_ref (lens_cache_entry_get_body (entry)) : NULL;
}

static LensCacheEntry *
cached_entry (Fixture  *f,
              LensSoql *query)
{
  g_autofree char *url = lens_soql_to_url (query, lens_fake_portal_get_base_url (f->portal));

  return lens_cache_lookup (f->cache, url);
}

/* Makes the cached answer to @query look @seconds old. */
static void
age_entry (Fixture  *f,
           LensSoql *query,
           int       seconds)
{
  g_autoptr(LensCacheEntry) entry = cached_entry (f, query);
  g_autoptr(GDateTime) then = g_date_time_add_seconds (lens_cache_entry_get_fetched_at (entry), -seconds);
  g_autoptr(LensCacheEntry) older = lens_cache_entry_copy_revalidated (entry, then);

  g_assert_true (lens_cache_store (f->cache, older, NULL));
}

static double
cell_number (LensTable  *table,
             guint       row,
             const char *column)
{
  int index = lens_table_find_column (table, column);

  g_assert_cmpint (index, >=, 0);
  return lens_table_get_number (table, row, index);
}

static void
test_client_query (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("005");
  g_auto(Wait) w = { 0 };
  g_auto(Wait) again = { 0 };
  g_autofree char *user_agent = NULL;
  g_autofree char *accept_encoding = NULL;
  g_autofree char *expected_url = NULL;
  const char * const district[] = { "district=005", NULL };
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  LensTable *table;
  guint n_requests;

  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);

  table = lens_query_result_get_table (w.result);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 8);  /* 2019 .. 2026 */
  g_assert_cmpuint (lens_table_get_column_type (table, lens_table_find_column (table, "n")), ==, LENS_COLUMN_NUMBER);
  g_assert_cmpfloat (cell_number (table, 0, "yr"), ==, 2019);
  /* The 2024 figure is the one the generator gives for district 005 in 2024. */
  g_assert_cmpfloat (cell_number (table, 5, "yr"), ==, 2024);
  g_assert_cmpfloat (cell_number (table, 5, "n"), ==,
                     lens_fake_portal_expected_count (f->portal, "ijzp-q8t2", district, "2024-01-01", "2025-01-01"));

  expected_url = lens_soql_to_url (query, lens_fake_portal_get_base_url (f->portal));
  g_assert_cmpstr (lens_query_result_get_url (w.result), ==, expected_url);
  g_assert_false (lens_query_result_get_from_cache (w.result));
  g_assert_false (lens_query_result_get_stale (w.result));
  g_assert_null (lens_query_result_get_warning (w.result));
  assert_fetched_since (w.result, before);
  g_assert_nonnull (lens_query_result_get_rows_updated_at (w.result));
  g_assert_cmpint (g_date_time_to_unix (lens_query_result_get_rows_updated_at (w.result)), ==, 1775473200);

  /* Identification and compression. */
  user_agent = lens_fake_portal_dup_last_request_header (f->portal, "User-Agent");
  g_assert_cmpstr (user_agent, ==, "Reform Lens/" PACKAGE_VERSION " (+" PACKAGE_WEBSITE ")");
  accept_encoding = lens_fake_portal_dup_last_request_header (f->portal, "Accept-Encoding");
  g_assert_nonnull (strstr (accept_encoding, "gzip"));
  g_assert_null (lens_fake_portal_dup_last_request_header (f->portal, "X-App-Token"));

  /* Fresh in the cache: the second ask does not touch the network. */
  n_requests = lens_fake_portal_get_n_requests (f->portal);
  run_query (f, query, LENS_QUERY_DEFAULT, &again);
  g_assert_no_error (again.error);
  g_assert_true (lens_query_result_get_from_cache (again.result));
  g_assert_false (lens_query_result_get_stale (again.result));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
  g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (again.result)), ==, 8);
  g_assert_cmpfloat (cell_number (lens_query_result_get_table (again.result), 5, "n"), ==,
                     cell_number (table, 5, "n"));
}

static void
test_client_app_token (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query (NULL);
  g_auto(Wait) w = { 0 };
  g_autofree char *token = NULL;

  lens_portal_client_set_app_token (f->client, "synthetic-token-123");
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);
  token = lens_fake_portal_dup_last_request_header (f->portal, "X-App-Token");
  g_assert_cmpstr (token, ==, "synthetic-token-123");
}

static void
test_client_no_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LensPortalClient) client = lens_portal_client_new (lens_fake_portal_get_base_url (f->portal), NULL);
  g_autoptr(LensSoql) query = years_query (NULL);
  Wait w = { 0 };

  g_assert_null (lens_portal_client_get_cache (client));
  lens_portal_client_query_async (client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);
  g_assert_no_error (w.error);
  g_assert_false (lens_query_result_get_from_cache (w.result));
  wait_clear (&w);

  lens_portal_client_set_offline (client, TRUE);
  lens_portal_client_query_async (client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
  wait_clear (&w);
}

typedef struct
{
  LensFakeFault   fault;
  int             code;
  const char     *detail;   /* part of the message */
} FaultCase;

static const FaultCase fault_cases[] = {
  { LENS_FAKE_FAULT_THROTTLED, LENS_PORTAL_ERROR_THROTTLED, "Too many requests" },
  { LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER, LENS_PORTAL_ERROR_THROTTLED, "429" },
  { LENS_FAKE_FAULT_SERVER_ERROR, LENS_PORTAL_ERROR_SERVER, "Internal error" },
  { LENS_FAKE_FAULT_BAD_GATEWAY, LENS_PORTAL_ERROR_SERVER, "502" },
  { LENS_FAKE_FAULT_UNAVAILABLE, LENS_PORTAL_ERROR_SERVER, "503" },
  { LENS_FAKE_FAULT_PROCESSING, LENS_PORTAL_ERROR_SERVER, "processed" },
  { LENS_FAKE_FAULT_STALL, LENS_PORTAL_ERROR_OFFLINE, "within 1 second" },
  { LENS_FAKE_FAULT_TRUNCATED, LENS_PORTAL_ERROR_BAD_RESPONSE, "cut off" },
  { LENS_FAKE_FAULT_INVALID_JSON, LENS_PORTAL_ERROR_BAD_RESPONSE, NULL },
  { LENS_FAKE_FAULT_WRONG_SHAPE, LENS_PORTAL_ERROR_BAD_RESPONSE, NULL },
  { LENS_FAKE_FAULT_ERROR_MALFORMED, LENS_PORTAL_ERROR_BAD_QUERY, "Could not parse SoQL query" },
  { LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, LENS_PORTAL_ERROR_BAD_QUERY, "No such column: ncategory" },
  { LENS_FAKE_FAULT_WRONG_CONTENT_TYPE, LENS_PORTAL_ERROR_BAD_RESPONSE, "text/html" },
  { LENS_FAKE_FAULT_HUGE_BODY, LENS_PORTAL_ERROR_BAD_RESPONSE, "too large" },
  { LENS_FAKE_FAULT_REDIRECT_INSECURE, LENS_PORTAL_ERROR_BAD_RESPONSE, "http://0.0.0.0:9/resource/ijzp-q8t2.json" },
};

static void
test_client_faults (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("011");
  g_autoptr(GBytes) good_body = NULL;
  g_autoptr(GDateTime) good_time = NULL;
  g_autoptr(LensPortalClient) impatient = NULL;
  g_auto(Wait) first = { 0 };

  /* The stall (30 s) is met by a read timeout of a second, on a client of its own: the other
   * answers are not hurried by it, however loaded the machine. */
  impatient = lens_portal_client_new (lens_fake_portal_get_base_url (f->portal), f->cache);
  lens_portal_client_set_retry_policy (impatient, 2, 10, 50);
  lens_test_portal_watch_waits (f, impatient);
  lens_portal_client_set_timeouts (impatient, 10, 1);

  /* A good answer in the cache first. */
  run_query (f, query, LENS_QUERY_DEFAULT, &first);
  g_assert_no_error (first.error);
  good_body = cached_body (f, query);
  g_assert_nonnull (good_body);
  {
    g_autoptr(LensCacheEntry) entry = cached_entry (f, query);
    good_time = g_date_time_ref (lens_cache_entry_get_fetched_at (entry));
  }

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      const FaultCase *fc = &fault_cases[i];
      LensPortalClient *client = fc->fault == LENS_FAKE_FAULT_STALL ? impatient : f->client;
      g_autoptr(LensSoql) uncached = years_query ("012");
      g_autoptr(GBytes) body_after = NULL;
      g_autoptr(LensCacheEntry) entry_after = NULL;
      g_auto(Wait) w = { 0 };
      g_auto(Wait) stale = { 0 };
      const GError *warning;

      g_test_message ("fault %u", fc->fault);

      /* Nothing cached: the typed error, with a sentence and the detail. */
      lens_fake_portal_set_fault (f->portal, fc->fault, 0);
      run_query_on (client, uncached, LENS_QUERY_DEFAULT, &w);
      g_assert_error (w.error, LENS_PORTAL_ERROR, fc->code);
      g_assert_cmpuint (strlen (w.error->message), >, 20);
      if (fc->detail != NULL && strstr (w.error->message, fc->detail) == NULL)
        g_error ("“%s” does not mention “%s”", w.error->message, fc->detail);
      g_assert_null (cached_body (f, uncached));

      /* Something cached: that, marked stale, with the error as the warning. */
      run_query_on (client, query, LENS_QUERY_REFRESH, &stale);
      g_assert_no_error (stale.error);
      g_assert_true (lens_query_result_get_stale (stale.result));
      g_assert_true (lens_query_result_get_from_cache (stale.result));
      warning = lens_query_result_get_warning (stale.result);
      g_assert_nonnull (warning);
      g_assert_error ((GError *) warning, LENS_PORTAL_ERROR, fc->code);
      g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (stale.result)), ==, 8);

      /* ... and the cached entry is exactly what it was. */
      body_after = cached_body (f, query);
      g_assert_nonnull (body_after);
      g_assert_true (g_bytes_equal (body_after, good_body));
      entry_after = cached_entry (f, query);
      g_assert_true (g_date_time_equal (lens_cache_entry_get_fetched_at (entry_after), good_time));

      lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_NONE, 0);
    }
}

static void
test_client_offline (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query (NULL);
  g_autoptr(LensSoql) other = years_query ("007");
  g_auto(Wait) first = { 0 };
  g_auto(Wait) w = { 0 };
  g_auto(Wait) stale = { 0 };
  g_auto(Wait) miss = { 0 };
  guint n_requests;

  run_query (f, query, LENS_QUERY_DEFAULT, &first);
  g_assert_no_error (first.error);
  age_entry (f, query, 3 * 60 * 60);

  lens_portal_client_set_offline (f->client, TRUE);
  g_assert_true (lens_portal_client_get_offline (f->client));
  n_requests = lens_fake_portal_get_n_requests (f->portal);

  /* Served from the cache with its age (three hours; the default max-age is six). */
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);
  g_assert_true (lens_query_result_get_from_cache (w.result));
  g_assert_false (lens_query_result_get_stale (w.result));
  g_assert_cmpint (lens_query_result_get_age (w.result), >=, 3 * 60 * 60);
  {
    g_autoptr(LensCacheEntry) entry = cached_entry (f, query);

    g_assert_true (g_date_time_equal (lens_query_result_get_fetched_at (w.result),
                                      lens_cache_entry_get_fetched_at (entry)));
  }

  /* Past the max-age it is still served, marked stale. */
  lens_portal_client_set_max_age (f->client, 60 * 60);
  run_query (f, query, LENS_QUERY_REFRESH, &stale);
  g_assert_no_error (stale.error);
  g_assert_true (lens_query_result_get_stale (stale.result));

  /* Nothing cached: offline. */
  run_query (f, other, LENS_QUERY_DEFAULT, &miss);
  g_assert_error (miss.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
}

static void
test_client_cache_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("002");
  g_auto(Wait) first = { 0 };
  g_auto(Wait) w = { 0 };
  g_auto(Wait) fresh = { 0 };
  guint n_requests;

  run_query (f, query, LENS_QUERY_DEFAULT, &first);
  g_assert_no_error (first.error);
  age_entry (f, query, 24 * 60 * 60);
  n_requests = lens_fake_portal_get_n_requests (f->portal);

  /* However old: shown at once, without the network. */
  run_query (f, query, LENS_QUERY_CACHE_FIRST, &w);
  g_assert_no_error (w.error);
  g_assert_true (lens_query_result_get_from_cache (w.result));
  g_assert_true (lens_query_result_get_stale (w.result));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);

  /* Then the ordinary ask revalidates it. */
  run_query (f, query, LENS_QUERY_DEFAULT, &fresh);
  g_assert_no_error (fresh.error);
  g_assert_false (lens_query_result_get_stale (fresh.result));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests + 1);
}

static void
test_client_retry_success (Fixture       *f,
                           gconstpointer  data)
{
  struct { LensFakeFault fault; const char *name; } cases[] = {
    { LENS_FAKE_FAULT_THROTTLED, "429" },
    { LENS_FAKE_FAULT_UNAVAILABLE, "503" },
    { LENS_FAKE_FAULT_BAD_GATEWAY, "502" },
    { LENS_FAKE_FAULT_PROCESSING, "202" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensSoql) query = years_query (i % 2 ? "016" : "017");
      g_auto(Wait) w = { 0 };

      g_test_message ("%s twice, then success", cases[i].name);
      g_assert_true (lens_cache_clear (f->cache, NULL));
      lens_fake_portal_reset_counters (f->portal);
      g_array_set_size (f->waits, 0);
      lens_fake_portal_set_fault (f->portal, cases[i].fault, 2);

      run_query (f, query, LENS_QUERY_DEFAULT, &w);
      g_assert_no_error (w.error);
      g_assert_false (lens_query_result_get_stale (w.result));
      g_assert_null (lens_query_result_get_warning (w.result));
      g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (w.result)), ==, 8);
      g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 3);

      /* Exponential back-off from 10 ms, with up to a quarter of that as jitter. */
      g_assert_cmpuint (f->waits->len, ==, 2);
      g_assert_cmpuint (wait_delay (f, 0), >=, 10);
      g_assert_cmpuint (wait_delay (f, 0), <=, 12);
      g_assert_cmpuint (wait_delay (f, 1), >=, 20);
      g_assert_cmpuint (wait_delay (f, 1), <=, 22);
    }

  /* Never retried: a 400. */
  {
    g_autoptr(LensSoql) query = years_query ("018");
    g_auto(Wait) w = { 0 };

    lens_fake_portal_reset_counters (f->portal);
    g_array_set_size (f->waits, 0);
    lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_ERROR_MALFORMED, 0);
    run_query (f, query, LENS_QUERY_DEFAULT, &w);
    g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 1);
    g_assert_cmpuint (f->waits->len, ==, 0);
  }

  /* Nor a 500. */
  {
    g_autoptr(LensSoql) query = years_query ("019");
    g_auto(Wait) w = { 0 };

    lens_fake_portal_reset_counters (f->portal);
    lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_SERVER_ERROR, 0);
    run_query (f, query, LENS_QUERY_DEFAULT, &w);
    g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_SERVER);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 1);
  }

  /* Retries are bounded: 1 + 2 requests, then the error. */
  {
    g_autoptr(LensSoql) query = years_query ("020");
    g_auto(Wait) w = { 0 };

    lens_fake_portal_reset_counters (f->portal);
    g_array_set_size (f->waits, 0);
    lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_THROTTLED, 0);
    run_query (f, query, LENS_QUERY_DEFAULT, &w);
    g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_THROTTLED);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 3);
    g_assert_cmpuint (f->waits->len, ==, 2);
  }
}

/* One 429 with Retry-After: @value, then the answer; returns the one wait the client asked for. */
static guint
retry_after_wait (Fixture    *f,
                  const char *district,
                  const char *value)
{
  g_autoptr(LensSoql) query = years_query (district);
  g_auto(Wait) w = { 0 };

  g_array_set_size (f->waits, 0);
  lens_fake_portal_set_retry_after (f->portal, value);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_THROTTLED_RETRY_AFTER, 1);
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (f->waits->len, ==, 1);

  return wait_delay (f, 0);
}

static void
test_client_retry_after (Fixture       *f,
                         gconstpointer  data)
{
  /* Back-off alone would wait 10 to 12 ms; the portal's Retry-After wins. */
  lens_portal_client_set_retry_policy (f->client, 3, 10, 2 * 60 * 60 * 1000);

  g_assert_cmpuint (retry_after_wait (f, "001", "1"), ==, 1000);
  g_assert_cmpuint (retry_after_wait (f, "002", "0"), ==, 0);

  /* An HTTP date an hour ahead, in whole seconds: at most an hour from now, and far more than
   * the back-off (lens_retry_policy_parse_retry_after() is tested to the millisecond in
   * test-retry-policy). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 60 * 60);
    g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
    guint delay = retry_after_wait (f, "003", date);

    g_assert_cmpuint (delay, <=, 60 * 60 * 1000);
    g_assert_cmpuint (delay, >, 60 * 1000);
  }

  /* Not a number nor a date: the back-off. */
  {
    guint delay = retry_after_wait (f, "005", "soon");

    g_assert_cmpuint (delay, >=, 10);
    g_assert_cmpuint (delay, <=, 12);
  }

  /* A long Retry-After is capped by max_delay_ms. */
  lens_portal_client_set_retry_policy (f->client, 3, 10, 200);
  g_assert_cmpuint (retry_after_wait (f, "004", "3600"), ==, 200);
}

static gboolean
has_waited (gpointer data)
{
  Fixture *f = data;

  return f->waits->len > 0;
}

/* Starts @query with a cancellable, cancels it once @ready holds (the request is under way; the
 * fake portal wakes the main context on each request, so a wait for it needs no clock),
 * and checks that the cancel is what ends it. Not how quickly: without the cancel, the query
 * would end otherwise (a stall is answered, or times out) or not at all (a held wait). */
static void
cancel_when (Fixture           *f,
             LensSoql          *query,
             LensQueryFlags     flags,
             LensTestPredicate  ready,
             gpointer           ready_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Wait) w = { 0 };

  lens_portal_client_query_async (f->client, query, flags, cancellable, query_cb, &w);
  g_assert_true (lens_test_wait_until (ready, ready_data));
  g_assert_false (w.done);
  g_cancellable_cancel (cancellable);
  spin (&w);

  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED);
}

typedef struct
{
  LensFakePortal *portal;
  guint           n;
} Requests;

static gboolean
portal_has_requests (gpointer data)
{
  Requests *requests = data;

  return lens_fake_portal_get_n_requests (requests->portal) >= requests->n;
}

static void
test_client_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("008");
  Requests first = { f->portal, 1 };

  /* During a stall, once the portal has the request. */
  lens_fake_portal_reset_counters (f->portal);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_STALL, 0);
  cancel_when (f, query, LENS_QUERY_DEFAULT, portal_has_requests, &first);

  /* While waiting to retry: the wait never ends by itself. */
  f->hold_waits = TRUE;
  g_array_set_size (f->waits, 0);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_THROTTLED, 0);
  cancel_when (f, query, LENS_QUERY_DEFAULT, has_waited, f);
  f->hold_waits = FALSE;

  /* Even with a good answer in the cache, a cancel is a cancel. */
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_NONE, 0);
  {
    g_auto(Wait) w = { 0 };
    run_query (f, query, LENS_QUERY_DEFAULT, &w);
    g_assert_no_error (w.error);
  }
  lens_fake_portal_reset_counters (f->portal);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_STALL, 0);
  cancel_when (f, query, LENS_QUERY_REFRESH, portal_has_requests, &first);

  /* Cancelled before it starts. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_auto(Wait) w = { 0 };

    g_cancellable_cancel (cancellable);
    lens_portal_client_query_async (f->client, query, LENS_QUERY_REFRESH, cancellable, query_cb, &w);
    spin (&w);
    g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED);
  }
}

static void
test_client_not_modified (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("009");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) body_after = NULL;
  g_autoptr(LensCacheEntry) entry = NULL;
  g_autoptr(LensCacheEntry) entry_after = NULL;
  g_autofree char *if_none_match = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_auto(Wait) first = { 0 };
  g_auto(Wait) w = { 0 };
  g_auto(Wait) changed = { 0 };

  run_query (f, query, LENS_QUERY_DEFAULT, &first);
  g_assert_no_error (first.error);
  age_entry (f, query, 2 * 60 * 60);
  lens_portal_client_set_max_age (f->client, 60);
  body = cached_body (f, query);
  entry = cached_entry (f, query);
  g_assert_nonnull (lens_cache_entry_get_etag (entry));
  g_assert_nonnull (lens_cache_entry_get_last_modified (entry));

  /* Stale: a conditional GET, answered 304. */
  before = g_date_time_new_now_utc ();
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (lens_fake_portal_get_n_not_modified (f->portal), ==, 1);
  if_none_match = lens_fake_portal_dup_last_request_header (f->portal, "If-None-Match");
  g_assert_cmpstr (if_none_match, ==, lens_cache_entry_get_etag (entry));
  g_assert_true (lens_query_result_get_from_cache (w.result));
  g_assert_false (lens_query_result_get_stale (w.result));
  g_assert_null (lens_query_result_get_warning (w.result));
  assert_fetched_since (w.result, before);

  /* Same body, the new fetch time. */
  body_after = cached_body (f, query);
  g_assert_true (g_bytes_equal (body, body_after));
  entry_after = cached_entry (f, query);
  g_assert_true (g_date_time_equal (lens_cache_entry_get_fetched_at (entry_after),
                                    lens_query_result_get_fetched_at (w.result)));
  g_assert_cmpstr (lens_cache_entry_get_etag (entry_after), ==, lens_cache_entry_get_etag (entry));

  /* New data on the portal: a 200 replaces the entry. */
  lens_fake_portal_set_data_version (f->portal, 1);
  run_query (f, query, LENS_QUERY_REFRESH, &changed);
  g_assert_no_error (changed.error);
  g_assert_false (lens_query_result_get_from_cache (changed.result));
  g_assert_cmpuint (lens_fake_portal_get_n_not_modified (f->portal), ==, 1);
  g_clear_pointer (&body_after, g_bytes_unref);
  body_after = cached_body (f, query);
  g_assert_false (g_bytes_equal (body, body_after));
  g_assert_cmpint (g_date_time_to_unix (lens_query_result_get_rows_updated_at (changed.result)), ==, 1775473200 + 86400);
}

static void
test_client_paging (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LensSoql) query = lens_soql_new ("ijzp-q8t2");
  g_auto(GStrv) log = NULL;
  g_auto(Wait) w = { 0 };
  g_auto(Wait) cached = { 0 };
  LensTable *table;
  int id_column;

  lens_fake_portal_set_raw_rows (f->portal, 2500);
  lens_portal_client_set_page_size (f->client, 1000);
  lens_soql_set_select (query, "id, date, primary_type, district, arrest");

  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_no_error (w.error);
  table = lens_query_result_get_table (w.result);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 2500);

  /* Three pages, ordered by :id, each asking for the next offset. */
  log = lens_fake_portal_dup_request_log (f->portal);
  g_assert_cmpuint (g_strv_length (log), ==, 3);
  g_assert_nonnull (strstr (log[0], "$order=:id"));
  g_assert_nonnull (strstr (log[0], "$limit=1000"));
  g_assert_null (strstr (log[0], "$offset"));
  g_assert_nonnull (strstr (log[1], "$offset=1000"));
  g_assert_nonnull (strstr (log[2], "$offset=2000"));

  /* Every row once, in order. */
  id_column = lens_table_find_column (table, "id");
  for (guint i = 0; i < 2500; i++)
    g_assert_cmpfloat (lens_table_get_number (table, i, id_column), ==, 90000000 + i);
  g_assert_cmpuint (lens_table_get_column_type (table, lens_table_find_column (table, "arrest")), ==, LENS_COLUMN_BOOLEAN);

  /* The cache holds the whole answer as one. */
  run_query (f, query, LENS_QUERY_CACHE_FIRST, &cached);
  g_assert_no_error (cached.error);
  g_assert_true (lens_query_result_get_from_cache (cached.result));
  g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (cached.result)), ==, 2500);
  g_assert_cmpfloat (lens_table_get_number (lens_query_result_get_table (cached.result), 2499, id_column), ==, 90002499);

  /* An explicit limit over a page: 1000 + 500. */
  {
    g_autoptr(LensSoql) limited = lens_soql_copy (query);
    g_auto(Wait) lw = { 0 };

    lens_soql_set_limit (limited, 1500);
    lens_soql_set_order (limited, "id DESC");
    lens_fake_portal_reset_counters (f->portal);
    run_query (f, limited, LENS_QUERY_DEFAULT, &lw);
    g_assert_no_error (lw.error);
    g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (lw.result)), ==, 1500);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 2);
    g_assert_cmpfloat (lens_table_get_number (lens_query_result_get_table (lw.result), 0, id_column), ==, 90002499);
    g_assert_cmpfloat (lens_table_get_number (lens_query_result_get_table (lw.result), 1499, id_column), ==, 90001000);
  }

  /* A limit within a page: one request, sent as it is. */
  {
    g_autoptr(LensSoql) small = lens_soql_copy (query);
    g_auto(GStrv) small_log = NULL;
    g_auto(Wait) sw = { 0 };

    lens_soql_set_limit (small, 300);
    lens_fake_portal_reset_counters (f->portal);
    run_query (f, small, LENS_QUERY_DEFAULT, &sw);
    g_assert_no_error (sw.error);
    g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (sw.result)), ==, 300);
    small_log = lens_fake_portal_dup_request_log (f->portal);
    g_assert_cmpuint (g_strv_length (small_log), ==, 1);
    g_assert_null (strstr (small_log[0], "$order"));
  }

  /* Exactly a page's worth: the empty next page ends it. */
  {
    g_autoptr(LensSoql) exact = lens_soql_new ("ijzp-q8t2");
    g_auto(Wait) ew = { 0 };

    lens_soql_set_select (exact, "id, year");
    lens_fake_portal_set_raw_rows (f->portal, 2000);
    lens_fake_portal_reset_counters (f->portal);
    run_query (f, exact, LENS_QUERY_DEFAULT, &ew);
    g_assert_no_error (ew.error);
    g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (ew.result)), ==, 2000);
    g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 3);
  }
}

static void
test_client_refuse_http (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LensPortalClient) client = lens_portal_client_new ("http://data.example.org", f->cache);
  g_autoptr(LensSoql) query = years_query (NULL);
  g_autoptr(GError) error = NULL;
  struct { const char *url; gboolean ok; } urls[] = {
    { "https://data.cityofchicago.org", TRUE },
    { "https://data.cityofchicago.org/", TRUE },
    { "http://127.0.0.1:8080", TRUE },
    { "http://127.4.5.6", TRUE },
    { "http://localhost:8080", TRUE },
    { "http://[::1]:8080", TRUE },
    { "http://data.cityofchicago.org", FALSE },
    { "http://127.0.0.1.example.org", FALSE },
    { "http://10.0.0.1", FALSE },
    { "ftp://127.0.0.1", FALSE },
    { "not an address", FALSE },
    { "", FALSE },
    { "https://x.org/?$select=*", FALSE },
  };
  Wait w = { 0 };

  lens_portal_client_query_async (client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  wait_clear (&w);

  memset (&w, 0, sizeof w);
  lens_portal_client_fetch_dataset_info_async (client, "ijzp-q8t2", LENS_QUERY_DEFAULT, NULL, info_cb, &w);
  spin (&w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  wait_clear (&w);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      gboolean ok = lens_portal_client_set_base_url (client, urls[i].url, &error);

      if (ok != urls[i].ok)
        g_error ("%s: expected %s", urls[i].url, urls[i].ok ? "accepted" : "refused");
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (lens_portal_client_get_base_url (client), ==, urls[i].url);
        }
      else
        g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
      g_clear_error (&error);
    }

  /* The loopback fake was never asked. */
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 0);
}

static void
test_client_bad_query (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Wait) w = { 0 };
  g_auto(Wait) unbound = { 0 };
  g_autoptr(LensSoql) query = lens_soql_new ("ijzp-q8t2");
  g_autoptr(LensSoql) invalid = lens_soql_new ("ijzp-q8t2");

  /* The portal's own words for an unknown column. */
  lens_soql_set_select (query, "ncategory, count(*) AS n");
  lens_soql_set_group (query, "ncategory");
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_nonnull (strstr (w.error->message, "No such column: ncategory"));

  /* Never sent: a parameter without a value. */
  lens_fake_portal_reset_counters (f->portal);
  lens_soql_set_select (invalid, "count(*) AS n");
  lens_soql_add_where (invalid, "district = @district");
  run_query (f, invalid, LENS_QUERY_DEFAULT, &unbound);
  g_assert_error (unbound.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 0);
}

/* A query the portal refuses (HTTP 400 with a SoQL code) is reported as the app's fault, with
 * what a bug report needs; a cached answer is still served, and stays as it was. */
static void
test_client_refused_query (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("005");
  g_autoptr(LensSoql) headline = lens_soql_new ("ijzp-q8t2");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *report = NULL;
  g_auto(Wait) fresh = { 0 };
  g_auto(Wait) refused = { 0 };
  g_auto(Wait) nothing_cached = { 0 };
  g_auto(Wait) one_row = { 0 };
  g_auto(GStrv) log = NULL;
  const GError *warning;

  run_query (f, query, LENS_QUERY_DEFAULT, &fresh);
  g_assert_no_error (fresh.error);
  before = cached_body (f, query);
  g_assert_nonnull (before);

  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_ERROR_NO_SUCH_COLUMN, 0);
  run_query (f, query, LENS_QUERY_REFRESH, &refused);
  g_assert_no_error (refused.error);
  g_assert_true (lens_query_result_get_from_cache (refused.result));
  g_assert_true (lens_query_result_get_stale (refused.result));
  g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (refused.result)), ==,
                    lens_table_get_n_rows (lens_query_result_get_table (fresh.result)));

  warning = lens_query_result_get_warning (refused.result);
  g_assert_error (warning, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_true (lens_portal_error_is_refused_query (warning));
  g_assert_nonnull (strstr (warning->message, "This is a fault in Reform Lens"));
  g_assert_cmpstr (lens_portal_error_get_code (warning), ==, "query.soql.no-such-column");
  g_assert_cmpstr (lens_portal_error_get_portal_message (warning), ==,
                   "Query coordinator error: query.soql.no-such-column; No such column: ncategory");
  /* The request as it was sent: the page's $order and $limit too. */
  g_assert_true (g_str_has_prefix (lens_portal_error_get_url (warning), lens_fake_portal_get_base_url (f->portal)));
  g_assert_nonnull (strstr (lens_portal_error_get_url (warning), "$limit=50000"));
  g_assert_nonnull (strstr (lens_portal_error_get_answer (warning), "\"errorCode\":\"query.soql.no-such-column\""));

  report = lens_portal_error_dup_bug_report (warning, "crime-incidents-per-year");
  g_assert_true (g_str_has_prefix (report, "Reform Lens " PACKAGE_VERSION ": the portal refused a query\n"));
  g_assert_nonnull (strstr (report, "Chart: crime-incidents-per-year\n"));
  g_assert_nonnull (strstr (report, lens_portal_error_get_url (warning)));
  g_assert_nonnull (strstr (report, "Answer: HTTP 400, query.soql.no-such-column\n"));
  g_assert_nonnull (strstr (report, lens_portal_error_get_answer (warning)));

  /* The cache keeps the good answer. */
  after = cached_body (f, query);
  g_assert_true (g_bytes_equal (before, after));

  /* Nothing cached: the error itself, carrying the same. */
  lens_soql_set_select (headline, "count(*) AS value");
  run_query (f, headline, LENS_QUERY_DEFAULT, &nothing_cached);
  g_assert_true (lens_portal_error_is_refused_query (nothing_cached.error));
  g_assert_nonnull (lens_portal_error_get_url (nothing_cached.error));

  /* Other errors carry nothing of it. */
  {
    g_autoptr(GError) other = NULL;

    lens_portal_error_set (&other, LENS_PORTAL_ERROR_BAD_QUERY, "HTTP 404: Not found");
    g_assert_false (lens_portal_error_is_refused_query (other));
    g_assert_null (lens_portal_error_get_code (other));
    g_assert_null (lens_portal_error_dup_bug_report (other, "x"));
    g_assert_false (lens_portal_error_is_refused_query (NULL));
  }

  /* One number: one request as it is, with no $order or $limit of paging. */
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_NONE, 0);
  lens_fake_portal_reset_counters (f->portal);
  run_query (f, headline, LENS_QUERY_DEFAULT, &one_row);
  g_assert_no_error (one_row.error);
  g_assert_cmpuint (lens_table_get_n_rows (lens_query_result_get_table (one_row.result)), ==, 1);
  log = lens_fake_portal_dup_request_log (f->portal);
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_assert_cmpstr (log[0], ==, "/resource/ijzp-q8t2.json?$select=count(*) AS value");
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
}

static void
test_client_unreachable (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *closed_url = NULL;
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensSoql) query = years_query (NULL);
  Wait w = { 0 };

  /* A port that was just closed refuses connections. */
  {
    g_autoptr(LensFakePortal) gone = lens_fake_portal_new ();
    closed_url = g_strdup (lens_fake_portal_get_base_url (gone));
  }

  client = lens_portal_client_new (closed_url, f->cache);
  lens_portal_client_query_async (client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
  wait_clear (&w);
}

/* Linux: "5" resets the peak to the current size, so the next reading covers what follows. */
static void
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

static void
test_client_connect_timeout (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocketClient) filler = g_socket_client_new ();
  g_autoptr(GSocketConnection) queued = NULL;
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(LensSoql) query = years_query (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Wait w = { 0 };

  /* A loopback listener that never accepts, with its one-place queue already taken:
   * the kernel drops further handshakes, so connecting hangs. */
  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (listener, 0);
  g_assert_true (g_socket_bind (listener, any, TRUE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  queued = g_socket_client_connect (filler, G_SOCKET_CONNECTABLE (bound), NULL, &error);
  g_assert_no_error (error);

  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  client = lens_portal_client_new (url, f->cache);
  lens_portal_client_set_timeouts (client, 1, 10);

  lens_portal_client_query_async (client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &w);
  spin (&w);
  /* The connect timer, and not the read timeout, ended it. */
  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);
  g_assert_nonnull (strstr (w.error->message, "could not connect within 1 second"));
  wait_clear (&w);
}

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
test_client_huge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LensSoql) query = years_query ("010");
  g_auto(Wait) w = { 0 };
  gsize before, after;

  /* The portal streams 50 MB; the client stops at its cap without holding it all. */
  lens_portal_client_set_max_body_size (f->client, 4 * 1024 * 1024);
  lens_fake_portal_set_fault (f->portal, LENS_FAKE_FAULT_HUGE_BODY, 1);

  reset_peak_rss ();
  before = peak_rss_kb ();
  run_query (f, query, LENS_QUERY_DEFAULT, &w);
  after = peak_rss_kb ();

  g_assert_error (w.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (w.error->message, "too large"));
  g_test_message ("peak RSS %" G_GSIZE_FORMAT " kB -> %" G_GSIZE_FORMAT " kB", before, after);
  if (before > 0)
    g_assert_cmpuint (after - before, <, 40 * 1024);

  /* The portal answers normally afterwards. */
  {
    g_auto(Wait) again = { 0 };

    run_query (f, query, LENS_QUERY_DEFAULT, &again);
    g_assert_no_error (again.error);
  }
}

static void
test_client_dataset_info (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Wait) w = { 0 };
  Wait again = { 0 };
  const char * const *fields;
  const char * const *types;
  gboolean seen_type = FALSE, seen_date = FALSE;
  guint n_requests;

  lens_portal_client_fetch_dataset_info_async (f->client, "ijzp-q8t2", LENS_QUERY_DEFAULT, NULL, info_cb, &w);
  spin (&w);
  g_assert_no_error (w.error);
  g_assert_cmpstr (lens_dataset_info_get_id (w.info), ==, "ijzp-q8t2");
  g_assert_cmpstr (lens_dataset_info_get_name (w.info), ==, "Crimes - 2001 to Present");
  g_assert_cmpint (g_date_time_to_unix (lens_dataset_info_get_rows_updated_at (w.info)), ==, 1775473200);

  fields = lens_dataset_info_get_fields (w.info);
  types = lens_dataset_info_get_types (w.info);
  g_assert_cmpuint (g_strv_length ((GStrv) fields), ==, g_strv_length ((GStrv) types));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (g_str_equal (fields[i], "primary_type"))
        seen_type = g_str_equal (types[i], "text");
      if (g_str_equal (fields[i], "date"))
        seen_date = g_str_equal (types[i], "calendar_date");
    }
  g_assert_true (seen_type);
  g_assert_true (seen_date);

  /* Cached like any answer. */
  n_requests = lens_fake_portal_get_n_requests (f->portal);
  lens_portal_client_fetch_dataset_info_async (f->client, "ijzp-q8t2", LENS_QUERY_DEFAULT, NULL, info_cb, &again);
  spin (&again);
  g_assert_no_error (again.error);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
  wait_clear (&again);

  /* The other datasets the app uses. */
  for (guint i = 0; i < 3; i++)
    {
      const char *ids[] = { "mft5-nfa8", "dpt3-jri9", "z8bn-74gv" };

      memset (&again, 0, sizeof again);
      lens_portal_client_fetch_dataset_info_async (f->client, ids[i], LENS_QUERY_REFRESH, NULL, info_cb, &again);
      spin (&again);
      g_assert_no_error (again.error);
      g_assert_cmpstr (lens_dataset_info_get_id (again.info), ==, ids[i]);
      g_assert_cmpuint (g_strv_length ((GStrv) lens_dataset_info_get_fields (again.info)), >, 5);
      wait_clear (&again);
    }

  /* Unknown to the portal: its 404. Not an identifier: refused before asking. */
  memset (&again, 0, sizeof again);
  lens_portal_client_fetch_dataset_info_async (f->client, "zzzz-zzzz", LENS_QUERY_DEFAULT, NULL, info_cb, &again);
  spin (&again);
  g_assert_error (again.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_nonnull (strstr (again.error->message, "Not found"));
  wait_clear (&again);

  n_requests = lens_fake_portal_get_n_requests (f->portal);
  memset (&again, 0, sizeof again);
  lens_portal_client_fetch_dataset_info_async (f->client, "../etc", LENS_QUERY_DEFAULT, NULL, info_cb, &again);
  spin (&again);
  g_assert_error (again.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
  wait_clear (&again);
  /* The portal's ids are lower case: the same rule as a query's (lens_soql_is_dataset_id()). */
  memset (&again, 0, sizeof again);
  lens_portal_client_fetch_dataset_info_async (f->client, "IJZP-Q8T2", LENS_QUERY_DEFAULT, NULL, info_cb, &again);
  spin (&again);
  g_assert_error (again.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
  wait_clear (&again);

  /* Offline: from the cache. */
  lens_portal_client_set_offline (f->client, TRUE);
  memset (&again, 0, sizeof again);
  lens_portal_client_fetch_dataset_info_async (f->client, "ijzp-q8t2", LENS_QUERY_REFRESH, NULL, info_cb, &again);
  spin (&again);
  g_assert_no_error (again.error);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, n_requests);
  wait_clear (&again);
}

#define N_CONCURRENT 8

static gboolean
all_done (gpointer data)
{
  Wait *waits = data;

  for (guint i = 0; i < N_CONCURRENT; i++)
    if (!waits[i].done)
      return FALSE;
  return TRUE;
}

static void
test_client_concurrent (Fixture       *f,
                        gconstpointer  data)
{
  const char *districts[N_CONCURRENT] = { "001", "002", "003", "004", "005", "006", "007", "008" };
  Wait waits[N_CONCURRENT] = { 0 };

  /* Several charts at once, as a page does. */
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autoptr(LensSoql) query = years_query (districts[i]);

      lens_portal_client_query_async (f->client, query, LENS_QUERY_DEFAULT, NULL, query_cb, &waits[i]);
    }

  g_assert_true (lens_test_wait_until (all_done, waits));

  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      const char * const district[] = { NULL, NULL };
      g_autofree char *constraint = g_strdup_printf ("district=%s", districts[i]);
      LensTable *table;

      g_assert_no_error (waits[i].error);
      table = lens_query_result_get_table (waits[i].result);
      ((const char **) district)[0] = constraint;
      g_assert_cmpfloat (cell_number (table, 2, "n"), ==,
                         lens_fake_portal_expected_count (f->portal, "ijzp-q8t2", district, "2021-01-01", "2022-01-01"));
      wait_clear (&waits[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, \
              lens_test_portal_fixture_tear_down)

  ADD ("/portal-client/query", test_client_query);
  ADD ("/portal-client/app-token", test_client_app_token);
  ADD ("/portal-client/no-cache", test_client_no_cache);
  ADD ("/portal-client/faults", test_client_faults);
  ADD ("/portal-client/offline", test_client_offline);
  ADD ("/portal-client/cache-first", test_client_cache_first);
  ADD ("/portal-client/retry-success", test_client_retry_success);
  ADD ("/portal-client/retry-after", test_client_retry_after);
  ADD ("/portal-client/cancel", test_client_cancel);
  ADD ("/portal-client/not-modified", test_client_not_modified);
  ADD ("/portal-client/paging", test_client_paging);
  ADD ("/portal-client/refuse-http", test_client_refuse_http);
  ADD ("/portal-client/bad-query", test_client_bad_query);
  ADD ("/portal-client/refused-query", test_client_refused_query);
  ADD ("/portal-client/unreachable", test_client_unreachable);
  ADD ("/portal-client/connect-timeout", test_client_connect_timeout);
  ADD ("/portal-client/huge", test_client_huge);
  ADD ("/portal-client/dataset-info", test_client_dataset_info);
  ADD ("/portal-client/concurrent", test_client_concurrent);

#undef ADD

  return g_test_run ();
}
