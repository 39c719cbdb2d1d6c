/* test-check-portal.c: `reform-lens --check-portal` and the schema check behind it, against
 * the fake portal (whose metadata are SYNTHETIC, with the real field names and types)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lens-catalog.h"
#include "lens-datasets.h"
#include "lens-format.h"
#include "lens-schema-check.h"
#include "lens-test-util.h"

/* The program's tests */

static void
run_check (LensTestProgram *fixture,
           const char      *portal_url,
           LensTestRun     *run)
{
  g_autofree char *portal = portal_url != NULL ? g_strdup_printf ("--portal=%s", portal_url)
                                               : lens_test_program_portal_option (fixture);
  const char *args[] = { "--check-portal", portal, NULL };

  lens_test_run_program (run, NULL, fixture->cache_home, NULL, args);
  g_test_message ("exit %d\n%s%s", run->status, run->out, run->err);
}

/* "<id>: <n> fields, all present, rows updated <the fake's update day, in the locale>" */
static char *
expected_line (const char *dataset_id,
               const char *verdict)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (lens_fake_data_rows_updated_at (0));
  g_autofree char *date = lens_format_date (updated);
  GHashTable *fields = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      LensChartSpec *spec = lens_catalog_get_chart (catalog, i);

      for (guint f = 0; g_str_equal (spec->dataset_id, dataset_id) && spec->fields[f] != NULL; f++)
        g_hash_table_add (fields, spec->fields[f]);
    }
  /* The CompStat table also needs fbi_code. */
  if (g_str_equal (dataset_id, LENS_DATASET_CRIMES))
    g_hash_table_add (fields, (gpointer) LENS_CRIMES_FIELD_FBI_CODE);
  n = g_hash_table_size (fields);
  g_hash_table_unref (fields);

  return g_strdup_printf ("%s: %u fields, %s, rows updated %s", dataset_id, n, verdict, date);
}

static void
test_all_present (LensTestProgram *fixture,
                  gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char * const datasets[] = {
    LENS_DATASET_CRIMES, LENS_DATASET_COPA, LENS_DATASET_VICTIMS, LENS_DATASET_ARRESTS, NULL
  };

  run_check (fixture, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* One line per dataset, nothing else. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (datasets));
  g_assert_cmpstr (lines[G_N_ELEMENTS (datasets) - 1], ==, "");
  for (guint i = 0; datasets[i] != NULL; i++)
    {
      g_autofree char *expected = expected_line (datasets[i], "all present");

      g_assert_cmpstr (lines[i], ==, expected);
    }

  /* It asked the portal for each dataset's metadata. */
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 4);
}

static void
test_renamed (LensTestProgram *fixture,
              gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };
  g_autofree char *crimes = expected_line (LENS_DATASET_CRIMES, "all present");

  /* As the City did with COPA's years_on_force_of_officers */
  lens_fake_portal_rename_column (fixture->portal, LENS_DATASET_COPA, "finding_code", "finding");

  run_check (fixture, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, crimes));
  g_assert_nonnull (strstr (run.out, "mft5-nfa8: 5 fields, 1 missing or changed, rows updated "));
  g_assert_nonnull (strstr (run.out, "Chart “Findings of closed cases” (complaints-findings), dataset mft5-nfa8:\n"
                                     "  the portal has no field “finding_code”\n"));
  /* Only the chart that needs it */
  g_assert_null (strstr (run.out, "(complaints-status)"));
  g_assert_nonnull (strstr (run.out, "Please tell the Reform Lens developers."));
}

static void
test_retyped (LensTestProgram *fixture,
              gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };

  lens_fake_portal_retype_column (fixture->portal, LENS_DATASET_CRIMES, "arrest", "text");

  run_check (fixture, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "ijzp-q8t2: 5 fields, 1 missing or changed, rows updated "));
  g_assert_nonnull (strstr (run.out, "Chart “Share of incidents with an arrest” (crime-arrest-share), dataset ijzp-q8t2:\n"
                                     "  the field “arrest” is text on the portal, not checkbox\n"));
  g_assert_null (strstr (run.out, "(crime-incidents-per-year)"));
}

/* A field of the CompStat table, which is not in charts.json's charts */
static void
test_compstat_field (LensTestProgram *fixture,
                     gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };

  lens_fake_portal_rename_column (fixture->portal, LENS_DATASET_CRIMES, "fbi_code", "fbi_cd");

  run_check (fixture, NULL, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "The CompStat table (compstat), dataset ijzp-q8t2:\n"
                                     "  the portal has no field “fbi_code”\n"));
}

static void
test_unreachable (LensTestProgram *fixture,
                  gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };

  /* Nothing listens on port 1 (as in test-cli) */
  run_check (fixture, "http://127.0.0.1:1", &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "could not be read from the portal"));
  g_assert_nonnull (strstr (run.err, "could not be reached"));
}

static void
test_offline_option (LensTestProgram *fixture,
                     gconstpointer    user_data)
{
  g_auto(LensTestRun) run = { 0 };
  const char *args[] = { "--check-portal", "--offline", NULL };

  lens_test_run_program (&run, NULL, fixture->cache_home, NULL, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--offline"));
  g_assert_cmpuint (lens_fake_portal_get_n_requests (fixture->portal), ==, 0);
}

/* The core: the check itself, and a chart's query that hits a renamed column */

typedef struct
{
  gboolean          done;
  LensSchemaReport *report;
  GError           *error;
} CheckWait;

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CheckWait *w = user_data;

  w->report = lens_schema_check_finish (result, &w->error);
  w->done = TRUE;
}

static void
test_core_report (LensTestPortal *fixture,
                  gconstpointer   user_data)
{
  CheckWait w = { 0 };
  LensSchemaProblem *problem;
  LensSchemaDataset *copa;

  lens_fake_portal_rename_column (fixture->portal, LENS_DATASET_COPA, "current_status", "status");
  lens_schema_check_async (fixture->client, lens_catalog_get_default (), NULL, check_cb, &w);
  g_assert_true (lens_test_wait_flag (&w.done));
  g_assert_no_error (w.error);

  g_assert_cmpuint (w.report->datasets->len, ==, 4);
  copa = g_ptr_array_index (w.report->datasets, 1);
  g_assert_cmpstr (copa->dataset_id, ==, LENS_DATASET_COPA);
  g_assert_cmpuint (copa->n_fields, ==, 5);
  g_assert_cmpuint (copa->n_problems, ==, 1);
  g_assert_nonnull (copa->rows_updated_at);
  g_assert_cmpint (g_date_time_to_unix (copa->rows_updated_at), ==, lens_fake_data_rows_updated_at (0));

  /* Findings (its $where) and status (its label) need it, in the catalogue's order */
  g_assert_cmpuint (w.report->problems->len, ==, 2);
  problem = g_ptr_array_index (w.report->problems, 0);
  g_assert_cmpstr (problem->subject_id, ==, LENS_CHART_COMPLAINTS_FINDINGS);
  g_assert_cmpstr (problem->field, ==, "current_status");
  g_assert_cmpstr (problem->expected_type, ==, "text");
  g_assert_null (problem->actual_type);
  problem = g_ptr_array_index (w.report->problems, 1);
  g_assert_cmpstr (problem->subject_id, ==, LENS_CHART_COMPLAINTS_STATUS);

  lens_schema_report_free (w.report);
}

static void
test_core_chart_message (LensTestPortal *fixture,
                         gconstpointer   user_data)
{
  g_auto(LensTestLoad) load = { 0 };
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autofree char *field = NULL;
  g_autofree char *hint = NULL;

  lens_fake_portal_rename_column (fixture->portal, LENS_DATASET_CRIMES, "primary_type", "offense_type");
  lens_test_load_chart (fixture->client,
                        lens_catalog_lookup_chart (lens_catalog_get_default (), LENS_CHART_CRIME_TOP_OFFENSES),
                        filters, LENS_QUERY_DEFAULT, NULL, &load);

  /* The strict checker answers as the portal would: 400, query.soql.no-such-column */
  g_assert_error (load.error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY);
  g_assert_true (lens_portal_error_is_refused_query (load.error));
  g_assert_cmpstr (lens_portal_error_get_code (load.error), ==, "query.soql.no-such-column");

  field = lens_schema_dup_missing_field (load.error);
  g_assert_cmpstr (field, ==, "primary_type");
  hint = lens_schema_dup_missing_field_hint (load.error);
  g_assert_cmpstr (hint, ==, "The portal no longer has the field “primary_type” that this needs: the "
                             "City may have renamed or removed it. To see which charts are "
                             "affected, run “reform-lens --check-portal” in a terminal.");

  /* Another chart of the dataset, whose fields are all there, loads as ever. */
  lens_test_load_chart (fixture->client,
                        lens_catalog_lookup_chart (lens_catalog_get_default (), LENS_CHART_CRIME_INCIDENTS_PER_YEAR),
                        filters, LENS_QUERY_DEFAULT, NULL, &load);
  g_assert_no_error (load.error);
  g_assert_null (lens_schema_dup_missing_field_hint (load.error));
}

/* Another refused query names no field. */
static void
test_core_other_errors (void)
{
  g_autoptr(GError) malformed = lens_portal_error_new_refused_query (400, "query.compiler.malformed",
                                                                     "Could not parse", "http://x", NULL);
  g_autoptr(GError) offline = lens_portal_error_new (LENS_PORTAL_ERROR_OFFLINE, NULL);
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"message\":\"x\"}", 15);
  /* Without data.column, the field comes from the message */
  g_autoptr(GError) bare = lens_portal_error_new_refused_query (400, "query.soql.no-such-column",
                                                                "Query coordinator error: query.soql.no-such-column; No such column: beat",
                                                                "http://x", body);
  g_autofree char *field = lens_schema_dup_missing_field (bare);

  g_assert_null (lens_schema_dup_missing_field_hint (malformed));
  g_assert_null (lens_schema_dup_missing_field_hint (offline));
  g_assert_null (lens_schema_dup_missing_field_hint (NULL));
  g_assert_cmpstr (field, ==, "beat");
}

static void
portal_set_up (LensTestPortal *fixture,
               gconstpointer   user_data)
{
  lens_test_portal_set_up (fixture, 1, LENS_TEST_PORTAL_NO_CACHE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, LensTestProgram, NULL, lens_test_program_fixture_set_up, func, \
              lens_test_program_fixture_tear_down)
  ADD ("/check-portal/all-present", test_all_present);
  ADD ("/check-portal/renamed", test_renamed);
  ADD ("/check-portal/retyped", test_retyped);
  ADD ("/check-portal/compstat-field", test_compstat_field);
  ADD ("/check-portal/unreachable", test_unreachable);
  ADD ("/check-portal/offline-option", test_offline_option);
#undef ADD
  g_test_add ("/check-portal/core/report", LensTestPortal, NULL, portal_set_up,
              test_core_report, lens_test_portal_fixture_tear_down);
  g_test_add ("/check-portal/core/chart-message", LensTestPortal, NULL, portal_set_up,
              test_core_chart_message, lens_test_portal_fixture_tear_down);
  g_test_add_func ("/check-portal/core/other-errors", test_core_other_errors);

  return g_test_run ();
}
