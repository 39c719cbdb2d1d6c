/* test-compstat.c: the CompStat table against the fake portal
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "lens-compstat.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-test-util.h"

typedef LensTestPortal Fixture;

static void
test_rows (void)
{
  guint n_totals = 0;

  g_assert_cmpuint (lens_compstat_get_n_rows (), ==, 12);
  for (guint i = 0; i < lens_compstat_get_n_rows (); i++)
    {
      const LensCompstatRow *row = lens_compstat_get_row (i);

      g_assert_nonnull (row->label);
      /* Simple assaults and batteries are never index crimes. */
      g_assert_false (g_strv_contains (row->fbi_codes, "08A"));
      g_assert_false (g_strv_contains (row->fbi_codes, "08B"));
      if (row->is_total)
        n_totals++;
      else
        g_assert_cmpuint (g_strv_length ((GStrv) row->fbi_codes), ==, 1);
      if (g_str_equal (row->id, "violent"))
        g_assert_cmpuint (g_strv_length ((GStrv) row->fbi_codes), ==, 5);
      if (g_str_equal (row->id, "property"))
        g_assert_cmpuint (g_strv_length ((GStrv) row->fbi_codes), ==, 4);
      if (g_str_equal (row->id, "index"))
        g_assert_cmpuint (g_strv_length ((GStrv) row->fbi_codes), ==, 9);
    }
  g_assert_cmpuint (n_totals, ==, 3);
  g_assert_true (lens_compstat_get_row (lens_compstat_get_n_rows () - 1)->is_total);
}

static void
test_windows (void)
{
  LensPeriod w[LENS_COMPSTAT_N_WINDOWS];
  GDate end;

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 24, G_DATE_MARCH, 2026);
  lens_compstat_get_windows (&end, w);
  g_assert_cmpint (g_date_days_between (&w[LENS_COMPSTAT_LAST_7].from, &w[LENS_COMPSTAT_LAST_7].to), ==, 6);
  g_assert_cmpint (g_date_days_between (&w[LENS_COMPSTAT_LAST_28].from, &w[LENS_COMPSTAT_LAST_28].to), ==, 27);
  g_assert_cmpint (g_date_compare (&w[LENS_COMPSTAT_YEAR_TO_DATE].to, &end), ==, 0);
  g_assert_cmpint (g_date_get_day (&w[LENS_COMPSTAT_YEAR_TO_DATE].from), ==, 1);
  g_assert_cmpint (g_date_get_year (&w[LENS_COMPSTAT_YEAR_TO_DATE_BEFORE].to), ==, 2025);
  g_assert_cmpint (g_date_get_day (&w[LENS_COMPSTAT_YEAR_TO_DATE_BEFORE].to), ==, 24);
}

static void
test_query (void)
{
  g_autoptr(LensSoql) soql = NULL;
  g_autofree char *query = NULL;
  const char *p;
  guint n = 0;
  GDate end;

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 24, G_DATE_MARCH, 2026);
  soql = lens_compstat_build_query (&end, 5);
  g_assert_true (lens_soql_validate (soql, NULL));
  g_assert_cmpint (lens_soql_get_shape (soql), ==, LENS_SOQL_SHAPE_GROUPED);
  query = g_uri_unescape_string (lens_soql_to_query_string (soql), NULL);
  for (p = query; (p = strstr (p, "sum(case(")) != NULL; p++)
    n++;
  g_assert_cmpuint (n, ==, LENS_COMPSTAT_N_WINDOWS);
  g_assert_nonnull (strstr (query, "$group=fbi_code"));
  g_assert_nonnull (strstr (query, "district = '005'"));
  g_assert_nonnull (strstr (query, "'2026-03-18T00:00:00'"));
  g_assert_null (strstr (query, "08B"));
}

typedef struct
{
  gboolean      done;
  LensCompstat *table;
  GError       *error;
} Wait;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->table = lens_compstat_load_finish (result, &w->error);
  w->done = TRUE;
}

static LensCompstat *
load (Fixture        *f,
      guint           district,
      LensQueryFlags  flags)
{
  Wait w = { 0 };

  lens_compstat_load_async (f->client, district, flags, NULL, load_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  g_assert_nonnull (w.table);
  return w.table;
}

static char *
day_string (const GDate *date,
            int          add)
{
  GDate d = *date;

  g_date_add_days (&d, add);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* Each figure equals the sum, over the row's codes, of what the portal's rows count. */
static void
check_against_portal (Fixture      *f,
                      LensCompstat *table)
{
  g_autofree char *district = NULL;

  if (lens_compstat_get_district (table) != 0)
    {
      g_autofree char *code = lens_district_dup_code (lens_district_lookup_number (lens_compstat_get_district (table)));

      district = g_strdup_printf ("district=%s", code);
    }

  for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
    {
      const LensCompstatRow *row = lens_compstat_get_row (r);

      for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
        {
          LensPeriod period;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          gint64 expected = 0;

          lens_compstat_get_window (table, w, &period);
          from = day_string (&period.from, 0);
          to = day_string (&period.to, 1);
          for (guint c = 0; row->fbi_codes[c] != NULL; c++)
            {
              g_autofree char *code = g_strdup_printf ("fbi_code=%s", row->fbi_codes[c]);
              const char *constraints[] = { code, district, NULL };

              expected += lens_fake_portal_expected_count (f->portal, LENS_DATASET_CRIMES,
                                                           constraints, from, to);
            }
          g_assert_cmpint (lens_compstat_get_count (table, r, w), ==, expected);
        }
    }
}

static guint
count_compstat_requests (Fixture *f)
{
  g_auto(GStrv) log = lens_fake_portal_dup_request_log (f->portal);
  guint n = 0;

  for (guint i = 0; log[i] != NULL; i++)
    if (strstr (log[i], "sum(case(") != NULL)
      n++;
  return n;
}

static void
test_fake_portal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(LensCompstat) district = NULL;
  g_autoptr(LensCompstat) city = NULL;
  g_autoptr(LensCompstat) offline = NULL;
  guint index = lens_compstat_get_n_rows () - 1;

  district = load (f, 5, LENS_QUERY_DEFAULT);
  g_assert_cmpuint (count_compstat_requests (f), ==, 1);
  city = load (f, 0, LENS_QUERY_DEFAULT);
  g_assert_cmpuint (count_compstat_requests (f), ==, 2);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);

  check_against_portal (f, district);
  check_against_portal (f, city);
  g_assert_cmpint (lens_compstat_get_count (city, index, LENS_COMPSTAT_YEAR_TO_DATE), >,
                   lens_compstat_get_count (district, index, LENS_COMPSTAT_YEAR_TO_DATE));
  g_assert_cmpint (lens_compstat_get_count (district, index, LENS_COMPSTAT_LAST_28), >, 0);

  /* The answers are cached like any other: offline gives the same table. */
  lens_portal_client_set_offline (f->client, TRUE);
  offline = load (f, 5, LENS_QUERY_DEFAULT);
  g_assert_cmpuint (count_compstat_requests (f), ==, 2);
  g_assert_true (lens_query_result_get_from_cache (lens_compstat_get_result (offline)));
  for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
    for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
      g_assert_cmpint (lens_compstat_get_count (offline, r, w), ==, lens_compstat_get_count (district, r, w));
}

typedef struct
{
  gboolean   done;
  GPtrArray *tables;
  GError    *error;
} AreasWait;

static void
areas_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AreasWait *w = user_data;

  w->tables = lens_compstat_load_areas_finish (result, &w->error);
  w->done = TRUE;
}

/* A district and the city share one coverage lookup per dataset; the victims row counts what
 * the victims dataset's rows count, over its own periods. */
static void
test_areas_and_victims (Fixture       *f,
                        gconstpointer  data)
{
  static const guint areas[] = { 5, 0 };
  AreasWait w = { 0 };

  lens_compstat_load_areas_async (f->client, areas, G_N_ELEMENTS (areas), TRUE, LENS_QUERY_DEFAULT,
                                  NULL, areas_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  g_assert_cmpuint (w.tables->len, ==, 2);
  /* Two coverage requests per dataset, one table and one victims request per area */
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 8);
  g_assert_cmpuint (count_compstat_requests (f), ==, 4);
  g_assert_cmpuint (lens_fake_portal_get_n_refused (f->portal), ==, 0);
  g_assert_cmpuint (lens_fake_portal_get_n_unjudged (f->portal), ==, 0);

  for (guint t = 0; t < w.tables->len; t++)
    {
      LensCompstat *table = g_ptr_array_index (w.tables, t);
      const GDate *victims_end = lens_compstat_get_victims_last_full_day (table);
      LensPeriod windows[LENS_COMPSTAT_N_WINDOWS];
      g_autofree char *district = NULL;

      g_assert_cmpuint (lens_compstat_get_district (table), ==, areas[t]);
      check_against_portal (f, table);
      g_assert_true (lens_compstat_has_victims (table));
      g_assert_nonnull (lens_compstat_get_victims_result (table));
      g_assert_true (g_date_valid (victims_end));

      if (areas[t] != 0)
        {
          g_autofree char *code = lens_district_dup_code (lens_district_lookup_number (areas[t]));

          district = g_strdup_printf ("district=%s", code);
        }
      lens_compstat_get_windows (victims_end, windows);
      for (guint i = 0; i < LENS_COMPSTAT_N_WINDOWS; i++)
        {
          const char *constraints[] = { "gunshot_injury_i=YES", district, NULL };
          g_autofree char *from = day_string (&windows[i].from, 0);
          g_autofree char *to = day_string (&windows[i].to, 1);

          g_assert_cmpint (lens_compstat_get_victims (table, i), ==,
                           lens_fake_portal_expected_count (f->portal, LENS_DATASET_VICTIMS,
                                                            constraints, from, to));
        }
      g_assert_cmpint (lens_compstat_get_victims (table, LENS_COMPSTAT_YEAR_TO_DATE), >, 0);
    }

  g_ptr_array_unref (w.tables);
}

/* Without the victims row: one coverage lookup (two requests) and one request per area. */
static void
test_areas_shared_coverage (Fixture       *f,
                            gconstpointer  data)
{
  static const guint areas[] = { 5, 0 };
  AreasWait w = { 0 };

  lens_compstat_load_areas_async (f->client, areas, G_N_ELEMENTS (areas), FALSE, LENS_QUERY_DEFAULT,
                                  NULL, areas_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);
  g_assert_cmpuint (lens_fake_portal_get_n_requests (f->portal), ==, 4);
  g_assert_cmpuint (count_compstat_requests (f), ==, 2);
  g_assert_false (lens_compstat_has_victims (g_ptr_array_index (w.tables, 0)));
  g_ptr_array_unref (w.tables);
}

/* No incidents a year earlier: the change is "n/a", never 0% or infinity. */
static void
test_zero_base (void)
{
  static const char body[] =
    "[{\"fbi_code\":\"01A\",\"w0\":\"2\",\"w1\":\"0\",\"w2\":\"3\",\"w3\":\"0\",\"w4\":\"9\",\"w5\":\"4\"}\n"
    ",{\"fbi_code\":\"03\",\"w0\":\"0\",\"w1\":\"0\",\"w2\":\"5\",\"w3\":\"10\",\"w4\":\"20\",\"w5\":\"10\"}]\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, sizeof body - 1);
  g_autoptr(LensTable) table = NULL;
  g_autoptr(LensQueryResult) result = NULL;
  g_autoptr(LensCompstat) compstat = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *murder_7 = NULL;
  g_autofree char *robbery_7 = NULL;
  g_autofree char *robbery_28 = NULL;
  g_autofree char *violent_ytd = NULL;
  guint violent = 0;
  GDate end;

  static const char * const fields[] = { "fbi_code", "w0", "w1", "w2", "w3", "w4", "w5", NULL };
  static const char * const types[] = { "text", "number", "number", "number", "number", "number", "number", NULL };

  table = lens_table_new_from_json (bytes, fields, types, &error);
  g_assert_no_error (error);
  result = lens_query_result_new (table, "http://127.0.0.1/x", now, NULL, FALSE, FALSE, NULL);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 24, G_DATE_MARCH, 2026);
  compstat = lens_compstat_new_from_result (result, &end, 0, &error);
  g_assert_no_error (error);

  for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
    if (g_str_equal (lens_compstat_get_row (r)->id, "violent"))
      violent = r;
  murder_7 = lens_compstat_dup_change (compstat, 0, LENS_COMPSTAT_LAST_7);
  robbery_7 = lens_compstat_dup_change (compstat, 2, LENS_COMPSTAT_LAST_7);
  robbery_28 = lens_compstat_dup_change (compstat, 2, LENS_COMPSTAT_LAST_28);
  violent_ytd = lens_compstat_dup_change (compstat, violent, LENS_COMPSTAT_YEAR_TO_DATE);
  g_assert_cmpstr (murder_7, ==, "n/a");
  g_assert_cmpstr (robbery_7, ==, "n/a");
  g_assert_cmpstr (robbery_28, ==, "−50.0%");
  g_assert_cmpstr (violent_ytd, ==, "+107.1%");
  g_assert_cmpint (lens_compstat_get_count (compstat, violent, LENS_COMPSTAT_YEAR_TO_DATE), ==, 29);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/compstat/rows", test_rows);
  g_test_add_func ("/compstat/windows", test_windows);
  g_test_add_func ("/compstat/query", test_query);
  g_test_add_func ("/compstat/zero-base", test_zero_base);
  g_test_add ("/compstat/fake-portal", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_fake_portal, lens_test_portal_fixture_tear_down);
  g_test_add ("/compstat/areas-and-victims", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_areas_and_victims, lens_test_portal_fixture_tear_down);
  g_test_add ("/compstat/areas-shared-coverage", Fixture, NULL, lens_test_portal_fixture_set_up,
              test_areas_shared_coverage, lens_test_portal_fixture_tear_down);

  return g_test_run ();
}
