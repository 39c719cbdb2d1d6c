/* test-fake-soql.c: the fake portal refuses what the real one refuses, one rule at a time
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-fake-soql"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "lens-fake-data.h"
#include "lens-fake-soql.h"
#include "lens-portal-error.h"

#define CRIMES "ijzp-q8t2"
#define COPA   "mft5-nfa8"

/* "$select", "count(*) AS n", "$where", "...", ..., NULL */
static GHashTable *
params_new (const char *first_key,
            va_list     args)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (params, g_strdup (key), g_strdup (va_arg (args, const char *)));

  return params;
}

static LensFakeSoqlVerdict
judge_valist (const char       *dataset_id,
              LensFakeResponse *out,
              const char       *first_key,
              va_list           args)
{
  g_autoptr(GHashTable) params = params_new (first_key, args);

  memset (out, 0, sizeof *out);
  return lens_fake_soql_check (dataset_id, lens_fake_data_get_fields (dataset_id), params, out);
}

static LensFakeSoqlVerdict
judge (const char *dataset_id,
       const char *first_key,
       ...)
{
  g_auto(LensFakeResponse) out = { 0 };
  LensFakeSoqlVerdict verdict;
  va_list args;

  va_start (args, first_key);
  verdict = judge_valist (dataset_id, &out, first_key, args);
  va_end (args);

  return verdict;
}

/* The query is refused with @code, in the query coordinator's envelope; returns its "data". */
static JsonObject *
assert_refused (const char *code,
                const char *dataset_id,
                const char *first_key,
                ...)
{
  g_auto(LensFakeResponse) out = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_prefix = g_strdup_printf ("Query coordinator error: %s; ", code);
  g_autofree char *parsed_code = NULL;
  g_autofree char *message = NULL;
  LensFakeSoqlVerdict verdict;
  JsonObject *object, *data, *position;
  va_list args;

  va_start (args, first_key);
  verdict = judge_valist (dataset_id, &out, first_key, args);
  va_end (args);

  g_assert_cmpint (verdict, ==, LENS_FAKE_SOQL_REFUSED);
  g_assert_cmpuint (out.status, ==, 400);
  g_assert_nonnull (out.body);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (out.body, NULL),
                                             g_bytes_get_size (out.body), &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "errorCode"), ==, code);
  if (!g_str_has_prefix (json_object_get_string_member (object, "message"), expected_prefix))
    g_error ("“%s” does not start with “%s”", json_object_get_string_member (object, "message"),
             expected_prefix);

  data = json_object_get_object_member (object, "data");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (data, "dataset"), "alpha."));
  position = json_object_get_object_member (data, "position");
  g_assert_cmpint (json_object_get_int_member (position, "row"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (position, "column"), >=, 1);
  g_assert_true (json_object_has_member (position, "line"));

  /* The app reads it as a refused query. */
  message = lens_portal_error_parse_body (out.body, &parsed_code);
  g_assert_cmpstr (parsed_code, ==, code);
  g_assert_true (lens_portal_error_code_is_soql (parsed_code));
  g_assert_cmpstr (message, ==, json_object_get_string_member (object, "message"));

  return json_object_ref (data);
}

static void
assert_member (JsonObject *data,
               const char *member,
               const char *value)
{
  g_assert_cmpstr (json_object_get_string_member (data, member), ==, value);
  json_object_unref (data);
}

/* The shapes the app sends, and the paging it adds. */
static void
test_accepts_valid (void)
{
  const char *where = "(date >= '2025-01-01T00:00:00' AND date < '2026-01-01T00:00:00') AND (district = '005')";

  g_assert_cmpint (judge (CRIMES, "$select", "count(*) AS value", "$where", where, NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "date_extract_y(date) AS label, count(*) AS value",
                          "$where", where, "$group", "label", "$order", "label",
                          "$limit", "50000", "$offset", "100", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "date_trunc_ym(date) AS label, count(*) AS value",
                          "$group", "label", "$order", "label", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "primary_type AS label, count(*) AS value",
                          "$group", "label", "$order", "value DESC, label", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "date_extract_y(date) AS label, count(*) AS incidents, "
                          "sum(case(arrest = true, 1, true, 0)) AS arrests",
                          "$group", "label", "$order", "label", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  /* Grouped by the expression itself, and ordered by a group expression. */
  g_assert_cmpint (judge (CRIMES, "$select", "date_extract_y(date), count(*)",
                          "$group", "date_extract_y(date)", "$order", "date_extract_y(date) DESC",
                          NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (COPA, "$select", "beat, current_category AS label, count(*) AS value",
                          "$where", "(current_status = 'Closed') AND (complaint_date >= '2025-01-01T00:00:00')",
                          "$group", "beat, label", "$order", "beat, label", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "district, count(*) AS n", "$group", "district",
                          "$having", "count(*) > 100", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  /* Rows, paged by :id; a text literal for a number; a plain filter; every column. */
  g_assert_cmpint (judge (CRIMES, "$select", "id, date, primary_type", "$order", "date DESC, :id",
                          "$where", "year = '2024' AND arrest", "$limit", "1000", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "district", "005", "$order", ":id", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$where", "primary_type IN ('THEFT', 'BATTERY') AND beat IS NOT NULL "
                          "AND date BETWEEN '2024-01-01' AND '2024-12-31T23:59:59' AND NOT domestic "
                          "AND upper(description) LIKE '%RETAIL%'", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
}

/* The Overview's bug: an aggregate without $group is grouped by nothing, so :id may not be in
 * $order (AggregateChecker.checkGrouped). */
static void
test_column_not_in_group_bys (void)
{
  const char *code = "query.soql.column-not-in-group-bys";

  assert_member (assert_refused (code, CRIMES, "$select", "count(*) AS value",
                                 "$where", "(date >= '2026-01-01T00:00:00' AND date < '2026-03-25T00:00:00')",
                                 "$order", ":id", "$limit", "50000", NULL),
                 "column", ":id");
  /* A plain column beside an aggregate, without $group. */
  assert_member (assert_refused (code, CRIMES, "$select", "district, count(*) AS n", NULL),
                 "column", "district");
  /* Selected but grouped on something else. */
  assert_member (assert_refused (code, CRIMES, "$select", "district, primary_type, count(*) AS n",
                                 "$group", "district", NULL),
                 "column", "primary_type");
  /* In $order and in $having. */
  assert_member (assert_refused (code, CRIMES, "$select", "district AS label, count(*) AS n",
                                 "$group", "label", "$order", "beat", NULL),
                 "column", "beat");
  assert_member (assert_refused (code, CRIMES, "$select", "district AS label, count(*) AS n",
                                 "$group", "label", "$having", "year > 2020", NULL),
                 "column", "year");
  /* The column itself is not the expression grouped on. */
  assert_member (assert_refused (code, CRIMES, "$select", "date, count(*) AS n",
                                 "$group", "date_trunc_ym(date)", NULL),
                 "column", "date");
  /* $having alone groups the query. */
  assert_member (assert_refused (code, CRIMES, "$select", "id", "$having", "count(*) > 1", NULL),
                 "column", "id");
}

static void
test_aggregate_in_ungrouped_context (void)
{
  const char *code = "query.soql.aggregate-in-ungrouped-context";
  JsonObject *data;

  data = assert_refused (code, CRIMES, "$select", "district, count(*) AS n", "$group", "district",
                         "$where", "count(*) > 10", NULL);
  g_assert_cmpstr (json_object_get_string_member (data, "clause"), ==, "WHERE");
  assert_member (data, "function", "count");

  data = assert_refused (code, CRIMES, "$select", "count(*) AS n", "$group", "count(*)", NULL);
  g_assert_cmpstr (json_object_get_string_member (data, "clause"), ==, "GROUP BY");
  json_object_unref (data);

  /* An aggregate of an aggregate. */
  assert_member (assert_refused (code, CRIMES, "$select", "district, sum(count(*)) AS n",
                                 "$group", "district", NULL),
                 "function", "count");

  /* An alias wins over the column of the same name: here "arrest" is an aggregate. */
  assert_member (assert_refused (code, CRIMES, "$select", "count(*) AS arrest", "$where", "arrest > 5", NULL),
                 "function", "count");
}

static void
test_no_such_column (void)
{
  const char *code = "query.soql.no-such-column";

  assert_member (assert_refused (code, CRIMES, "$select", "ncategory, count(*) AS n",
                                 "$group", "ncategory", NULL),
                 "column", "ncategory");
  /* COPA has no district: its district comes from beats. */
  assert_member (assert_refused (code, COPA, "$select", "count(*) AS n", "$where", "district = '005'", NULL),
                 "column", "district");
  assert_member (assert_refused (code, CRIMES, "$select", "id", "$order", "identifier", NULL),
                 "column", "identifier");
  assert_member (assert_refused (code, CRIMES, "$select", "id", "$order", ":identifier", NULL),
                 "column", ":identifier");
  assert_member (assert_refused (code, CRIMES, "primary_typ", "THEFT", NULL),
                 "column", "primary_typ");
  /* An alias is not a column inside $select itself... but the real name is. */
  g_assert_cmpint (judge (CRIMES, "$select", "primary_type AS t", "$where", "t = 'THEFT'", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
}

static void
test_no_such_function (void)
{
  const char *code = "query.soql.no-such-function";
  JsonObject *data;

  data = assert_refused (code, CRIMES, "$select", "date_extract_year(date) AS y, count(*) AS n",
                         "$group", "y", NULL);
  g_assert_cmpint (json_object_get_int_member (data, "arity"), ==, 1);
  assert_member (data, "function", "date_extract_year");

  /* A real function with the wrong number of arguments. */
  data = assert_refused (code, CRIMES, "$select", "date_extract_y(date, date) AS y", NULL);
  g_assert_cmpint (json_object_get_int_member (data, "arity"), ==, 2);
  assert_member (data, "function", "date_extract_y");
  assert_member (assert_refused (code, CRIMES, "$select", "case(arrest, 1, true) AS x", NULL),
                 "function", "case");
}

static void
test_type_mismatch (void)
{
  const char *code = "query.soql.type-mismatch";
  JsonObject *data;

  /* District is text ("005"): a number is not one. */
  data = assert_refused (code, CRIMES, "$select", "count(*) AS n", "$where", "district = 5", NULL);
  g_assert_cmpstr (json_object_get_string_member (data, "type"), ==, "number");
  assert_member (data, "function", "=");

  assert_member (assert_refused (code, CRIMES, "$where", "date >= 2024", NULL), "function", ">=");
  assert_member (assert_refused (code, CRIMES, "$where", "date >= 'last year'", NULL), "function", ">=");
  assert_member (assert_refused (code, CRIMES, "$select", "sum(primary_type) AS n", NULL), "function", "sum");
  assert_member (assert_refused (code, CRIMES, "$select", "date_extract_y(year) AS y", NULL),
                 "function", "date_extract_y");
  assert_member (assert_refused (code, CRIMES, "$where", "arrest AND district", NULL), "function", "and");
  assert_member (assert_refused (code, CRIMES, "$select", "max(arrest) AS m", NULL), "function", "max");
  assert_member (assert_refused (code, CRIMES, "$select", "sum(case(arrest, 1, true, 'none')) AS n", NULL),
                 "function", "case");
  assert_member (assert_refused (code, CRIMES, "$where", "location < location", NULL), "function", "<");
}

static void
test_non_boolean_where (void)
{
  json_object_unref (assert_refused ("query.soql.non-boolean-where", CRIMES,
                                     "$select", "count(*) AS n", "$where", "district", NULL));
  json_object_unref (assert_refused ("query.soql.non-boolean-having", CRIMES,
                                     "$select", "district, count(*) AS n", "$group", "district",
                                     "$having", "count(*)", NULL));
}

static void
test_duplicate_alias (void)
{
  assert_member (assert_refused ("query.soql.duplicate-alias", CRIMES,
                                 "$select", "district AS label, primary_type AS label", NULL),
                 "name", "label");
}

/* :id, :created_at and :updated_at exist on every dataset (fixed timestamps for the dates). */
static void
test_system_fields (void)
{
  g_assert_cmpint (judge (CRIMES, "$select", ":id, :created_at, :updated_at, id",
                          "$where", ":updated_at > '2026-01-01T00:00:00.000Z'",
                          "$order", ":id", "$limit", "10", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (COPA, "$select", "log_no", "$order", ":created_at DESC, :id", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  g_assert_cmpint (judge (CRIMES, "$select", "max(:updated_at) AS latest", NULL), ==,
                   LENS_FAKE_SOQL_ACCEPTED);
  /* A computed region is a field (a number). */
  g_assert_cmpint (judge (CRIMES, "$select", ":@computed_region_d9mm_jgwp AS region, count(*) AS n",
                          "$group", "region", NULL), ==, LENS_FAKE_SOQL_ACCEPTED);
  /* They follow the rules like any column. */
  assert_member (assert_refused ("query.soql.column-not-in-group-bys", COPA,
                                 "$select", "current_status, count(*) AS n", "$group", "current_status",
                                 "$order", ":updated_at", NULL),
                 "column", ":updated_at");
  assert_member (assert_refused ("query.soql.type-mismatch", CRIMES, "$where", ":created_at > 5", NULL),
                 "function", ">");
}

/* What the model cannot judge is passed on, and its log says so. */
static void
test_unjudged (void)
{
  static const char * const queries[][2] = {
    { "$select", "id, count(*) OVER (PARTITION BY district) AS n" },
    { "$select", "id::text AS t" },
    { "$select", "within_circle(location, 41.88, -87.63, 500) AS near" },
    { "$where", "date >= '2026-01-01T00:00:00+05:00'" },
    { "$query", "SELECT count(*)" },
    { "$select", "count(DISTINCT primary_type) AS n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_test_expect_message ("lens-fake-soql", G_LOG_LEVEL_MESSAGE, "*cannot judge*");
      g_assert_cmpint (judge (CRIMES, queries[i][0], queries[i][1], NULL), ==, LENS_FAKE_SOQL_UNJUDGED);
      g_test_assert_expected_messages ();
    }

  /* A rule it can judge still refuses, whatever else in the query it cannot. */
  assert_member (assert_refused ("query.soql.no-such-column", CRIMES,
                                 "$select", "within_circle(location, 41.88, -87.63, 500) AS near, nothing",
                                 NULL),
                 "column", "nothing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fake-soql/accepts-valid", test_accepts_valid);
  g_test_add_func ("/fake-soql/column-not-in-group-bys", test_column_not_in_group_bys);
  g_test_add_func ("/fake-soql/aggregate-in-ungrouped-context", test_aggregate_in_ungrouped_context);
  g_test_add_func ("/fake-soql/no-such-column", test_no_such_column);
  g_test_add_func ("/fake-soql/no-such-function", test_no_such_function);
  g_test_add_func ("/fake-soql/type-mismatch", test_type_mismatch);
  g_test_add_func ("/fake-soql/non-boolean-where", test_non_boolean_where);
  g_test_add_func ("/fake-soql/duplicate-alias", test_duplicate_alias);
  g_test_add_func ("/fake-soql/system-fields", test_system_fields);
  g_test_add_func ("/fake-soql/unjudged", test_unjudged);

  return g_test_run ();
}
