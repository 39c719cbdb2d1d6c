/* test-table.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-table"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lens-portal-error.h"
#include "lens-table.h"

/* Fixtures --------------------------------------------------------------------------------- */

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* A soda21_* recording: the body (re-serialised) and the two header values. */
static GBytes *
load_recording (const char  *name,
                char       **fields_header,
                char       **types_header)
{
  g_autoptr(GBytes) file = load_fixture (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *headers;
  char *body;

  json_parser_load_from_data (parser, g_bytes_get_data (file, NULL), g_bytes_get_size (file), &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  headers = json_object_get_object_member (root, "headers");
  *fields_header = g_strdup (json_object_get_string_member (headers, "X-SODA2-Fields"));
  *types_header = g_strdup (json_object_get_string_member (headers, "X-SODA2-Types"));
  body = json_to_string (json_object_get_member (root, "body_json"), FALSE);

  return g_bytes_new_take (body, strlen (body));
}

/* Field names and types from a /api/views/<id>.json metadata file */
static void
load_metadata_columns (const char   *name,
                       char       ***fields,
                       char       ***types)
{
  g_autoptr(GBytes) file = load_fixture (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) fb = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) tb = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *columns;

  json_parser_load_from_data (parser, g_bytes_get_data (file, NULL), g_bytes_get_size (file), &error);
  g_assert_no_error (error);

  columns = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "columns");
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonObject *column = json_array_get_object_element (columns, i);

      g_strv_builder_add (fb, json_object_get_string_member (column, "fieldName"));
      g_strv_builder_add (tb, json_object_get_string_member (column, "dataTypeName"));
    }

  *fields = g_strv_builder_end (fb);
  *types = g_strv_builder_end (tb);
}

static LensTable *
parse_string (const char  *json,
              const char  *fields_header,
              const char  *types_header,
              GError     **error)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return lens_table_new_from_response (body, fields_header, types_header, error);
}

/* Without the tz database the table falls back to UTC-6 all year. */
static gboolean
have_chicago_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("America/Chicago");

  if (tz == NULL)
    return FALSE;
  g_time_zone_unref (tz);
  return TRUE;
}

static int
column (LensTable  *table,
        const char *name)
{
  int i = lens_table_find_column (table, name);

  if (i < 0)
    g_error ("No column %s", name);

  return i;
}

/* Type mapping ----------------------------------------------------------------------------- */

static void
test_table_types (void)
{
  struct { const char *name; LensColumnType type; } cases[] = {
    { "text", LENS_COLUMN_TEXT },
    { "number", LENS_COLUMN_NUMBER },
    { "money", LENS_COLUMN_NUMBER },
    { "percent", LENS_COLUMN_NUMBER },
    { "double", LENS_COLUMN_NUMBER },
    { "checkbox", LENS_COLUMN_BOOLEAN },
    { "boolean", LENS_COLUMN_BOOLEAN },
    { "calendar_date", LENS_COLUMN_FLOATING_TIMESTAMP },
    { "floating_timestamp", LENS_COLUMN_FLOATING_TIMESTAMP },
    { "date", LENS_COLUMN_FIXED_TIMESTAMP },
    { "fixed_timestamp", LENS_COLUMN_FIXED_TIMESTAMP },
    { "point", LENS_COLUMN_POINT },
    { "location", LENS_COLUMN_POINT },
    { "url", LENS_COLUMN_JSON },
    { "document", LENS_COLUMN_JSON },
    { "photo", LENS_COLUMN_JSON },
    { "Number", LENS_COLUMN_NUMBER },
    { "meta_data", LENS_COLUMN_TEXT },
    { "email", LENS_COLUMN_TEXT },
    { "something_new", LENS_COLUMN_TEXT },
    { "", LENS_COLUMN_TEXT },
    { NULL, LENS_COLUMN_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (lens_column_type_from_socrata (cases[i].name), ==, cases[i].type);
}

/* Real samples ----------------------------------------------------------------------------- */

static void
check_crimes_first_row (LensTable *table)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) utc = NULL;
  double lon = 0, lat = 0;
  int c;

  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 15);

  c = column (table, "arrest");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_BOOLEAN);
  g_assert_false (lens_table_is_null (table, 0, c));
  g_assert_false (lens_table_get_boolean (table, 0, c));
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "false");
  g_assert_true (lens_table_get_boolean (table, 1, c));
  g_assert_cmpstr (lens_table_get_text (table, 1, c), ==, "true");

  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "beat")), ==, "0511");
  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "district")), ==, "005");
  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "case_number")), ==, "HH291477");
  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "description")), ==, "HARASSMENT BY TELEPHONE");
  g_assert_cmpstr (lens_table_get_text (table, 3, column (table, "iucr")), ==, "051A");

  c = column (table, "x_coordinate");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_NUMBER);
  g_assert_cmpfloat (lens_table_get_number (table, 0, c), ==, 1178292.0);
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "1178292");
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "latitude")), ==, 41.711840612);
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "longitude")), ==, -87.622651588);
  g_assert_cmpfloat (lens_table_get_number (table, 14, column (table, "year")), ==, 2001.0);

  /* Floating timestamp, Chicago time. 2002-04-07 is the day daylight saving time began:
   * 14:45 is CDT, UTC-5. */
  c = column (table, "date");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_FLOATING_TIMESTAMP);
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "2002-04-07T14:45:00.000");
  date = lens_table_get_datetime (table, 0, c);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2002);
  g_assert_cmpint (g_date_time_get_month (date), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 7);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 14);
  g_assert_cmpint (g_date_time_get_minute (date), ==, 45);
  utc = g_date_time_to_utc (date);
  if (have_chicago_zone ())
    {
      g_assert_cmpint (g_date_time_get_hour (utc), ==, 19);
      g_assert_cmpint (g_date_time_get_utc_offset (date), ==, -5 * G_TIME_SPAN_HOUR);
    }
  else
    g_assert_cmpint (g_date_time_get_hour (utc), ==, 20);
  {
    /* and 2002-02-08T15:31:21 is CST, UTC-6 */
    g_autoptr(GDateTime) winter = lens_table_get_datetime (table, 3, c);
    g_assert_cmpint (g_date_time_get_utc_offset (winter), ==, -6 * G_TIME_SPAN_HOUR);
    g_assert_cmpint (g_date_time_get_second (winter), ==, 21);
  }

  /* GeoJSON point, longitude first */
  c = column (table, "location");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_POINT);
  g_assert_true (lens_table_get_point (table, 0, c, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lon, -87.622652, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 41.711841, 1e-9);

  /* Omitted keys are nulls */
  c = column (table, "ward");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_NUMBER);
  g_assert_true (lens_table_is_null (table, 0, c));
  g_assert_null (lens_table_get_text (table, 0, c));
  g_assert_true (isnan (lens_table_get_number (table, 0, c)));
  g_assert_true (lens_table_is_null (table, 0, column (table, "community_area")));
  g_assert_false (lens_table_get_point (table, 0, column (table, "community_area"), &lon, &lat));
  g_assert_null (lens_table_get_datetime (table, 0, column (table, "ward")));
}

static void
test_table_crimes_metadata (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) types = NULL;
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;

  load_metadata_columns ("crimes_6zsd-86xi_view-metadata_socrata-frontend-fixture.json", &fields, &types);
  g_assert_cmpuint (g_strv_length (fields), ==, 31);

  table = lens_table_new_from_json (body, (const char * const *) fields, (const char * const *) types, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);

  /* Every metadata column, in metadata order; no body-only column */
  g_assert_cmpuint (lens_table_get_n_columns (table), ==, 31);
  for (guint i = 0; fields[i]; i++)
    g_assert_cmpstr (lens_table_get_column_name (table, i), ==, fields[i]);
  g_assert_cmpint (lens_table_find_column (table, ":@computed_region_awaf_s7ux"), ==, 26);
  g_assert_cmpint (lens_table_find_column (table, "no_such_column"), ==, -1);

  check_crimes_first_row (table);
}

/* The same body with no types at all: every column is text, in body order, yet numbers,
 * booleans and points can still be read from the text. */
static void
test_table_crimes_untyped (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  double lon, lat;

  table = lens_table_new_from_response (body, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 15);
  g_assert_cmpuint (lens_table_get_n_columns (table), ==, 20);
  g_assert_cmpstr (lens_table_get_column_name (table, 0), ==, "arrest");
  for (guint i = 0; i < lens_table_get_n_columns (table); i++)
    g_assert_cmpint (lens_table_get_column_type (table, i), ==, LENS_COLUMN_TEXT);

  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "arrest")), ==, "false");
  g_assert_true (lens_table_get_boolean (table, 1, column (table, "arrest")));
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "year")), ==, 2002.0);
  g_assert_true (isnan (lens_table_get_number (table, 0, column (table, "block"))));
  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "location")), ==,
                   "{\"type\":\"Point\",\"coordinates\":[-87.622652,41.711841]}");
  g_assert_true (lens_table_get_point (table, 0, column (table, "location"), &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lat, 41.711841, 1e-9);
  g_assert_false (lens_table_get_point (table, 0, column (table, "block"), &lon, &lat));
}

/* Differential check against json-glib: every value of every row, as text. */
/* Every cell of @table says what json-glib's tree @rows says: the same rows, every member a
 * column, strings as they are, booleans, nulls and omitted keys as null, other values as the
 * same JSON. */
static void
assert_table_matches_json_glib (LensTable *table,
                                JsonArray *rows)
{
  g_assert_cmpuint (json_array_get_length (rows), ==, lens_table_get_n_rows (table));

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      JsonObjectIter iter;
      const char *member;

      json_object_iter_init (&iter, row);
      while (json_object_iter_next (&iter, &member, NULL))
        g_assert_cmpint (lens_table_find_column (table, member), >=, 0);

      for (guint c = 0; c < lens_table_get_n_columns (table); c++)
        {
          const char *name = lens_table_get_column_name (table, c);
          JsonNode *node = json_object_get_member (row, name);

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            {
              g_assert_true (lens_table_is_null (table, r, c));
              continue;
            }

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_assert_cmpstr (lens_table_get_text (table, r, c), ==, json_node_get_string (node));
          else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            g_assert_cmpint (lens_table_get_boolean (table, r, c), ==, json_node_get_boolean (node));
          else
            {
              g_autoptr(GError) error = NULL;
              g_autofree char *ours = NULL;
              g_autofree char *theirs = json_to_string (node, FALSE);
              g_autoptr(JsonNode) reparsed = json_from_string (lens_table_get_text (table, r, c), &error);

              g_assert_no_error (error);
              ours = json_to_string (reparsed, FALSE);
              g_assert_cmpstr (ours, ==, theirs);
            }
        }
    }
}

/* json-glib's reading of @body as rows: NULL unless it is an array of objects. */
static JsonArray *
json_glib_rows (JsonParser *parser,
                GBytes     *body)
{
  JsonNode *root;
  JsonArray *rows;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  rows = json_node_get_array (root);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, r)))
      return NULL;

  return rows;
}

static void
test_table_crimes_matches_json_glib (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  table = lens_table_new_from_response (body, NULL, NULL, &error);
  g_assert_no_error (error);

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  assert_table_matches_json_glib (table, rows);
}

static void
test_table_group_count (void)
{
  g_autofree char *fields = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GBytes) body = load_recording ("soda21_get_resource_4tka-6guv_demo_group-count-having.json", &fields, &types);
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const double magnitude[] = { 0.9, 1.4, 1.3, 1, 1.2, 1.1 };
  const double count[] = { 405, 422, 467, 485, 492, 537 };

  table = lens_table_new_from_response (body, fields, types, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 6);
  g_assert_cmpuint (lens_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (lens_table_get_column_name (table, 0), ==, "magnitude");
  g_assert_cmpstr (lens_table_get_column_name (table, 1), ==, "count");
  g_assert_cmpint (lens_table_get_column_type (table, 0), ==, LENS_COLUMN_NUMBER);
  g_assert_cmpint (lens_table_get_column_type (table, 1), ==, LENS_COLUMN_NUMBER);

  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpfloat (lens_table_get_number (table, i, 0), ==, magnitude[i]);
      g_assert_cmpfloat (lens_table_get_number (table, i, 1), ==, count[i]);
    }
  g_assert_cmpstr (lens_table_get_text (table, 0, 1), ==, "405");
  g_assert_cmpstr (lens_table_get_text (table, 3, 0), ==, "1");
}

static void
test_table_all_datatypes (void)
{
  g_autofree char *fields = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GBytes) body = load_recording ("soda21_get_resource_2asz-g9qq_demo_all-datatypes.json", &fields, &types);
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) floating = NULL;
  g_autoptr(GDateTime) fixed = NULL;
  g_autoptr(JsonNode) address = NULL;
  double lon, lat;
  int c;

  table = lens_table_new_from_response (body, fields, types, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (lens_table_get_n_columns (table), ==, 18);

  c = column (table, "plain_text_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_TEXT);
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "Sample Text");
  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "formatted_text_column")), ==,
                   "<p>Sample <strong>Rich Text</strong></p>");

  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "number_column")), ==, 42);
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "money_column")), ==, 1000000);
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "percent_column")), ==, 66);
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, "star_column")), ==, 3);
  g_assert_cmpfloat (lens_table_get_number (table, 0, column (table, ":@computed_region_k83t_ady5")), ==, 18379);

  c = column (table, "date_time_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_FLOATING_TIMESTAMP);
  floating = lens_table_get_datetime (table, 0, c);
  g_assert_cmpint (g_date_time_get_day_of_month (floating), ==, 13);
  g_assert_cmpint (g_date_time_get_hour (floating), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (floating), ==,
                   (have_chicago_zone () ? -5 : -6) * G_TIME_SPAN_HOUR);

  c = column (table, "date_time_with_timezone_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_FIXED_TIMESTAMP);
  fixed = lens_table_get_datetime (table, 0, c);
  g_assert_cmpint (g_date_time_get_utc_offset (fixed), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (fixed), ==, 14);
  g_assert_cmpint (g_date_time_get_hour (fixed), ==, 7);

  /* Legacy location object (strings, human_address as JSON text) */
  c = column (table, "location_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_POINT);
  g_assert_true (lens_table_get_point (table, 0, c, &lon, &lat));
  g_assert_cmpfloat (lat, ==, 47.5982815480005);
  g_assert_cmpfloat (lon, ==, -122.33477954499972);
  {
    g_autoptr(JsonNode) location = json_from_string (lens_table_get_text (table, 0, c), &error);
    g_assert_no_error (error);
    address = json_from_string (json_object_get_string_member (json_node_get_object (location), "human_address"), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (address), "city"), ==, "Seattle");
  }

  c = column (table, "website_url_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_JSON);
  {
    g_autoptr(JsonNode) url = json_from_string (lens_table_get_text (table, 0, c), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (url), "url"), ==, "http://www.socrata.com");
  }
  g_assert_false (lens_table_get_point (table, 0, c, &lon, &lat));

  c = column (table, "checkbox_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_BOOLEAN);
  g_assert_true (lens_table_get_boolean (table, 0, c));
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "true");

  c = column (table, "photo_column");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_JSON);
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "ZXF6YilAOjRH26G2TH05mvHMTlDnLCwn6CysLQP18hc");

  c = column (table, "document");
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_JSON);
  g_assert_nonnull (strstr (lens_table_get_text (table, 0, c), "ping-pong.gif"));

  g_assert_cmpstr (lens_table_get_text (table, 0, column (table, "phone_column")), ==, "206-555-1212");
}

static void
test_table_fixed_timestamps (void)
{
  g_autofree char *fields = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GBytes) body = load_recording ("soda21_get_resource_zidz-sdfj_chicago.json", &fields, &types);
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) expected = NULL;

  table = lens_table_new_from_response (body, fields, types, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 10);
  g_assert_cmpint (lens_table_get_column_type (table, 1), ==, LENS_COLUMN_FIXED_TIMESTAMP);
  g_assert_cmpstr (lens_table_get_text (table, 0, 0), ==, "Old Town Triangle");
  g_assert_cmpstr (lens_table_get_text (table, 9, 0), ==, "Hutchinson Street");

  first = lens_table_get_datetime (table, 0, 1);
  expected = g_date_time_new_utc (1977, 9, 28, 7, 0, 0);
  g_assert_true (g_date_time_equal (first, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (first), ==, 0);
}

/* Hand-written edge cases ----------------------------------------------------------------- */

static void
test_table_edge_values (void)
{
  /* Shapes seen in other Socrata datasets and in older clients (see socrata-cpd.md §2.1,
   * §8): legacy location, Y/N booleans, multi-value fields, escapes. Not real records. */
  const char *json =
    "[{\"loc\":{\"latitude\":\"41.88\",\"longitude\":\"-87.63\","
    "\"human_address\":\"{\\\"address\\\": \\\"\\\", \\\"city\\\": \\\"\\\"}\"},"
    "\"flag\":\"Y\",\"beat\":\"332 | 1114\",\"sex\":\"Male | Male\","
    "\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\t\\r\\b\\f\","
    "\"n\":\"12.5\",\"extra\":\"kept\"}\n"
    ",{\"loc\":{\"human_address\":\"{}\"},\"flag\":\"N\",\"beat\":\" | 0511 ||\","
    "\"text\":\"lone \\ud800 and \\udc00 and \\u0000 end\",\"n\":7,\"when\":\"2024-01-01\"}\n"
    ",{\"flag\":true,\"n\":null,\"text\":\"\\u00C9T\\u00c9\",\"loc\":\"POINT (-87.6 41.7)\"}\n"
    ",{\"flag\":\"maybe\",\"n\":\"-0.25e1\",\"loc\":{\"type\":\"Point\",\"coordinates\":[\"-87.5\",\"41.5\"]}}\n"
    ",{\"flag\":\"true\",\"n\":\"abc\",\"beat\":\"\"}\n"
    ",{\"flag\":\"false\",\"n\":\" 5\",\"loc\":{\"latitude\":\"\",\"longitude\":\"\"}}]\n";
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = NULL;
  double lon = 0, lat = 0;
  int c;

  table = parse_string (json,
                        "[\"loc\",\"flag\",\"beat\",\"sex\",\"text\",\"n\",\"when\"]",
                        "[\"location\",\"checkbox\",\"text\",\"text\",\"text\",\"number\",\"floating_timestamp\"]",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_table_get_n_rows (table), ==, 6);
  g_assert_cmpuint (lens_table_get_n_columns (table), ==, 8);

  /* Legacy location */
  c = column (table, "loc");
  g_assert_true (lens_table_get_point (table, 0, c, &lon, &lat));
  g_assert_cmpfloat (lon, ==, -87.63);
  g_assert_cmpfloat (lat, ==, 41.88);
  g_assert_false (lens_table_get_point (table, 1, c, &lon, &lat));   /* address only */
  g_assert_false (lens_table_is_null (table, 1, c));
  g_assert_true (lens_table_get_point (table, 2, c, &lon, &lat));    /* WKT */
  g_assert_cmpfloat (lon, ==, -87.6);
  g_assert_cmpfloat (lat, ==, 41.7);
  g_assert_true (lens_table_get_point (table, 3, c, &lon, &lat));    /* GeoJSON, strings */
  g_assert_cmpfloat (lon, ==, -87.5);
  g_assert_true (lens_table_is_null (table, 4, c));
  g_assert_false (lens_table_get_point (table, 4, c, &lon, &lat));
  g_assert_false (lens_table_get_point (table, 5, c, &lon, &lat));   /* empty strings */

  /* Booleans in every spelling */
  c = column (table, "flag");
  g_assert_true (lens_table_get_boolean (table, 0, c));
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "true");
  g_assert_false (lens_table_get_boolean (table, 1, c));
  g_assert_cmpstr (lens_table_get_text (table, 1, c), ==, "false");
  g_assert_true (lens_table_get_boolean (table, 2, c));
  g_assert_false (lens_table_get_boolean (table, 3, c));             /* not a boolean */
  g_assert_false (lens_table_is_null (table, 3, c));
  g_assert_cmpstr (lens_table_get_text (table, 3, c), ==, "maybe");
  g_assert_true (lens_table_get_boolean (table, 4, c));
  g_assert_false (lens_table_get_boolean (table, 5, c));
  g_assert_cmpstr (lens_table_get_text (table, 5, c), ==, "false");

  /* Multi-value fields */
  c = column (table, "beat");
  values = lens_table_dup_multi_values (table, 0, c);
  g_assert_cmpstrv (values, ((const char *[]) { "332", "1114", NULL }));
  g_clear_pointer (&values, g_strfreev);
  values = lens_table_dup_multi_values (table, 1, c);
  g_assert_cmpstrv (values, ((const char *[]) { "0511", NULL }));
  g_clear_pointer (&values, g_strfreev);
  g_assert_null (lens_table_dup_multi_values (table, 2, c));
  values = lens_table_dup_multi_values (table, 4, c);
  g_assert_cmpstrv (values, ((const char *[]) { NULL }));
  g_clear_pointer (&values, g_strfreev);
  values = lens_table_dup_multi_values (table, 0, column (table, "sex"));
  g_assert_cmpstrv (values, ((const char *[]) { "Male", "Male", NULL }));
  g_clear_pointer (&values, g_strfreev);

  /* Escapes: surrogate pairs decode; lone surrogates and NUL become U+FFFD */
  c = column (table, "text");
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "café 😀 \"q\" \\ / \n\t\r\b\f");
  g_assert_cmpstr (lens_table_get_text (table, 1, c), ==, "lone \xef\xbf\xbd and \xef\xbf\xbd and \xef\xbf\xbd end");
  g_assert_cmpstr (lens_table_get_text (table, 2, c), ==, "ÉTÉ");
  for (guint r = 0; r < 3; r++)
    g_assert_true (g_utf8_validate (lens_table_get_text (table, r, c), -1, NULL));

  /* Numbers: strings, JSON numbers, null, junk */
  c = column (table, "n");
  g_assert_cmpfloat (lens_table_get_number (table, 0, c), ==, 12.5);
  g_assert_cmpfloat (lens_table_get_number (table, 1, c), ==, 7);
  g_assert_cmpstr (lens_table_get_text (table, 1, c), ==, "7");
  g_assert_true (lens_table_is_null (table, 2, c));
  g_assert_cmpfloat (lens_table_get_number (table, 3, c), ==, -2.5);
  g_assert_true (isnan (lens_table_get_number (table, 4, c)));
  g_assert_false (lens_table_is_null (table, 4, c));
  g_assert_true (isnan (lens_table_get_number (table, 5, c)));

  /* A date-only floating value is midnight */
  {
    g_autoptr(GDateTime) when = lens_table_get_datetime (table, 1, column (table, "when"));
    g_assert_nonnull (when);
    g_assert_cmpint (g_date_time_get_year (when), ==, 2024);
    g_assert_cmpint (g_date_time_get_hour (when), ==, 0);
    g_assert_null (lens_table_get_datetime (table, 0, column (table, "when")));
  }

  /* A body-only column is kept as text, after the declared ones */
  c = column (table, "extra");
  g_assert_cmpint (c, ==, 7);
  g_assert_cmpint (lens_table_get_column_type (table, c), ==, LENS_COLUMN_TEXT);
  g_assert_cmpstr (lens_table_get_text (table, 0, c), ==, "kept");
  g_assert_true (lens_table_is_null (table, 5, c));
}

static void
test_table_numbers (void)
{
  struct { const char *text; double value; } cases[] = {
    { "0", 0 }, { "-0", -0.0 }, { "405", 405 }, { "1178292", 1178292 },
    { "0.9", 0.9 }, { "1.1", 1.1 }, { "41.711840612", 41.711840612 },
    { "-87.622651588", -87.622651588 }, { ".5", 0.5 }, { "5.", 5 },
    { "123456789012345", 123456789012345.0 },
    { "1234567890123456789", 1234567890123456789.0 },
    { "0.1234567890123456789", 0.1234567890123456789 },
    { "1e3", 1000 }, { "2.5E-3", 0.0025 }, { "+7", 7 },
    { "0.30000000000000004", 0.30000000000000004 },
  };
  const char *junk[] = { "", " ", "abc", "nan", "inf", "0x10", "1 2", "1e", "-", "1,5", "--1", "5 " };
  GString *json = g_string_new ("[");
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (json, "%s{\"n\":\"%s\"}", row++ ? "," : "", cases[i].text);
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    g_string_append_printf (json, ",{\"n\":\"%s\"}", junk[i]);
  g_string_append (json, "]");
  body = g_string_free (json, FALSE);

  table = parse_string (body, "[\"n\"]", "[\"number\"]", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat (lens_table_get_number (table, i, 0), ==, cases[i].value);
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_assert_true (isnan (lens_table_get_number (table, G_N_ELEMENTS (cases) + i, 0)));
      g_assert_cmpstr (lens_table_get_text (table, G_N_ELEMENTS (cases) + i, 0), ==, junk[i]);
    }
}

static void
test_table_shapes (void)
{
  struct { const char *json; guint rows; guint columns; } cases[] = {
    { "[]", 0, 2 },
    { "[]\n", 0, 2 },
    { " \r\n\t[ ] ", 0, 2 },
    { "[{}]", 1, 2 },
    { "[{},{}]", 2, 2 },
    { "[{\"a\":\"1\"}\n,{\"b\":\"2\"}]\n", 2, 2 },
    { "[ { \"a\" : \"1\" , \"c\" : \"x\" } ]", 1, 3 },
    /* duplicate keys: the last one wins */
    { "[{\"a\":\"1\",\"a\":\"2\"}]", 1, 2 },
    /* keys with escapes */
    { "[{\"\\u0061\":\"1\",\"b\\\"c\":\"2\"}]", 1, 3 },
    /* nested values of every kind, deeply */
    { "[{\"a\":[1,[2,{\"x\":[true,false,null,-1.5e+3,\"s\\u0041\"]}],{}],\"b\":{}}]", 1, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LensTable) table = NULL;
      g_autoptr(GError) error = NULL;

      table = parse_string (cases[i].json, "[\"a\",\"b\"]", "[\"number\",\"text\"]", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lens_table_get_n_rows (table), ==, cases[i].rows);
      g_assert_cmpuint (lens_table_get_n_columns (table), ==, cases[i].columns);
    }

  {
    g_autoptr(LensTable) table = parse_string ("[{\"a\":\"1\",\"a\":\"2\"},{\"a\":\"3\",\"a\":null}]", NULL, NULL, NULL);
    g_assert_cmpuint (lens_table_get_n_rows (table), ==, 2);
    g_assert_cmpstr (lens_table_get_text (table, 0, 0), ==, "2");
    g_assert_true (lens_table_is_null (table, 1, 0));
  }
  {
    g_autoptr(LensTable) table = parse_string ("[{\"\\u0061\":\"1\",\"b\\\"c\":\"2\"}]", NULL, NULL, NULL);
    g_assert_cmpstr (lens_table_get_column_name (table, 0), ==, "a");
    g_assert_cmpstr (lens_table_get_column_name (table, 1), ==, "b\"c");
    g_assert_cmpstr (lens_table_get_text (table, 0, 1), ==, "2");
  }
  {
    /* keys in a different order in every row */
    g_autoptr(LensTable) table = parse_string ("[{\"a\":\"1\",\"b\":\"2\"},{\"b\":\"3\",\"a\":\"4\"},{\"c\":\"5\"},{\"a\":\"6\"}]", NULL, NULL, NULL);
    g_assert_cmpuint (lens_table_get_n_rows (table), ==, 4);
    g_assert_cmpstr (lens_table_get_text (table, 1, 0), ==, "4");
    g_assert_cmpstr (lens_table_get_text (table, 1, 1), ==, "3");
    g_assert_true (lens_table_is_null (table, 2, 0));
    g_assert_cmpstr (lens_table_get_text (table, 2, 2), ==, "5");
    g_assert_cmpstr (lens_table_get_text (table, 3, 0), ==, "6");
    g_assert_true (lens_table_is_null (table, 3, 1));
    g_assert_true (lens_table_is_null (table, 3, 2));
  }
}

static void
test_table_headers (void)
{
  /* Headers that are not arrays of strings are ignored: the body still parses as text. */
  const char *bad_headers[][2] = {
    { "not json", "[\"number\"]" },
    { "{\"a\":1}", "[\"number\"]" },
    { "[1]", "[\"number\"]" },
    { "", "[\"number\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_headers); i++)
    {
      g_autoptr(LensTable) table = NULL;
      g_autoptr(GError) error = NULL;

      table = parse_string ("[{\"a\":\"1\"}]", bad_headers[i][0], bad_headers[i][1], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lens_table_get_n_columns (table), ==, 1);
      g_assert_cmpint (lens_table_get_column_type (table, 0), ==, LENS_COLUMN_TEXT);
      g_assert_cmpfloat (lens_table_get_number (table, 0, 0), ==, 1);
    }

  /* Fields without (usable) types: declared order, text */
  {
    g_autoptr(LensTable) table = parse_string ("[{\"b\":\"1\"}]", "[\"a\",\"b\"]", "[\"number\"]", NULL);
    g_assert_cmpuint (lens_table_get_n_columns (table), ==, 2);
    g_assert_cmpstr (lens_table_get_column_name (table, 0), ==, "a");
    g_assert_cmpint (lens_table_get_column_type (table, 1), ==, LENS_COLUMN_TEXT);
    g_assert_true (lens_table_is_null (table, 0, 0));
  }
  {
    g_autoptr(LensTable) table = parse_string ("[{\"b\":\"1\"}]", "[\"a\",\"b\"]", NULL, NULL);
    g_assert_cmpuint (lens_table_get_n_columns (table), ==, 2);
  }
  /* Types without fields mean nothing */
  {
    g_autoptr(LensTable) table = parse_string ("[{\"b\":\"1\"}]", NULL, "[\"number\"]", NULL);
    g_assert_cmpint (lens_table_get_column_type (table, 0), ==, LENS_COLUMN_TEXT);
  }
  /* A field named twice is one column */
  {
    g_autoptr(LensTable) table = parse_string ("[{\"a\":\"1\"}]", "[\"a\",\"a\"]", "[\"number\",\"number\"]", NULL);
    g_assert_cmpuint (lens_table_get_n_columns (table), ==, 1);
    g_assert_cmpfloat (lens_table_get_number (table, 0, 0), ==, 1);
  }
}

/* Everything that is not an array of objects */
static void
test_table_bad_bodies (void)
{
  const char *bodies[] = {
    "",
    "   ",
    "{\"a\":\"1\"}",
    "{\"code\":\"query.compiler.malformed\",\"error\":true,\"message\":\"x\"}",
    "42",
    "\"text\"",
    "null",
    "true",
    "[",
    "[{",
    "[{\"a\"",
    "[{\"a\":",
    "[{\"a\":\"1",
    "[{\"a\":\"1\"",
    "[{\"a\":\"1\"}",
    "[{\"a\":\"1\"},",
    "[{\"a\":\"1\"},]",
    "[{\"a\":\"1\",}]",
    "[{\"a\":\"1\"}]x",
    "[{\"a\":\"1\"}][]",
    "[{\"a\":\"1\"}] {}",
    "[{\"a\":\"1\"}]\n\n,",
    "[1]",
    "[{\"a\":\"1\"},2]",
    "[{\"a\":\"1\"},[]]",
    "[{\"a\":\"1\"},\"x\"]",
    "[null]",
    "[{\"a\":\"1\"}{\"a\":\"2\"}]",
    "[{\"a\" \"1\"}]",
    "[{a:\"1\"}]",
    "[{'a':'1'}]",
    "[{\"a\":'1'}]",
    "[{\"a\":tru}]",
    "[{\"a\":nul}]",
    "[{\"a\":01}]",
    "[{\"a\":1.}]",
    "[{\"a\":-}]",
    "[{\"a\":1e}]",
    "[{\"a\":NaN}]",
    "[{\"a\":\"\\x\"}]",
    "[{\"a\":\"\\u12\"}]",
    "[{\"a\":\"\\u12G4\"}]",
    "[{\"a\":\"tab\there\"}]",
    "[{\"a\":\"line\nbreak\"}]",
    "[{\"a\":{\"b\":}}]",
    "[{\"a\":{\"b\":1]}]",
    "[{\"a\":[1,}]",
    "[{\"a\":[1 2]}]",
    "[{\"a\":\"\xff\"}]",
    "[{\"a\":\"\xc3\"}]",
    "\xef\xbb\xbf[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(LensTable) table = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("body %u: %s", i, bodies[i]);
      table = parse_string (bodies[i], "[\"a\"]", "[\"number\"]", &error);
      g_assert_null (table);
      g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (error->message, "("));  /* carries a detail */
    }

  /* NUL inside the body */
  {
    g_autoptr(GBytes) body = g_bytes_new ("[{\"a\":\"1\0\"}]", 12);
    g_autoptr(GError) error = NULL;
    g_autoptr(LensTable) table = lens_table_new_from_response (body, NULL, NULL, &error);

    g_assert_null (table);
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
  }

  /* Nesting bombs stop at a fixed depth instead of blowing the stack */
  {
    GString *deep = g_string_new ("[{\"a\":");
    g_autoptr(GError) error = NULL;
    g_autoptr(LensTable) table = NULL;
    g_autofree char *json = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, ']');
    g_string_append (deep, "}]");
    json = g_string_free (deep, FALSE);
    table = parse_string (json, NULL, NULL, &error);
    g_assert_null (table);
    g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
  }
}

/* Every proper prefix of a real body is a truncated body. */
static void
test_table_truncated (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  const char *data = g_bytes_get_data (body, NULL);
  gsize len = g_bytes_get_size (body);

  /* the file ends in "]\n": drop the newline to make every prefix invalid */
  g_assert_cmpint (data[len - 1], ==, '\n');
  len--;

  for (gsize n = 0; n < len; n++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new_from_bytes (body, 0, n);
      g_autoptr(GError) error = NULL;
      g_autoptr(LensTable) table = lens_table_new_from_response (prefix, NULL, NULL, &error);

      g_assert_null (table);
      g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
    }
}

/* Random damage to a real body: never a crash, never a half-built table, and the same reading
 * as json-glib's. Whatever the scanner takes, json-glib takes too, cell for cell the same.
 * What json-glib 1.6 alone takes is counted, by the scanner's reason: json-glib is not a strict
 * JSON parser (it takes raw control characters and unknown escapes in strings, 01, 1., 0x10,
 * single quotes, comments and data after the array), so the scanner is the stricter of the
 * two, by design. */
static void
test_table_mutations (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GHashTable) stricter = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *data = g_bytes_get_data (body, NULL);
  gsize len = g_bytes_get_size (body);
  const char interesting[] = "\"\\{}[],:0-eu\n \xff\xc3";
  guint ok = 0, failed = 0, both_refuse = 0, only_json_glib = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *copy = g_memdup2 (data, len);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LensTable) table = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonArray *rows;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n; j++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) len);

          if (g_rand_boolean (rand))
            copy[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          else
            copy[at] = (char) g_rand_int_range (rand, 1, 256);
        }

      mutated = g_bytes_new_take (g_steal_pointer (&copy), len);
      table = lens_table_new_from_response (mutated, NULL, NULL, &error);
      rows = json_glib_rows (parser, mutated);
      if (table == NULL)
        {
          g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
          failed++;
          if (rows == NULL)
            both_refuse++;
          else
            {
              /* "… (unexpected character at byte 123)" -> "unexpected character at byte" */
              const char *detail = strrchr (error->message, '(');
              g_autofree char *reason = g_strdup (detail != NULL ? detail + 1 : error->message);
              char *digits = strpbrk (reason, "0123456789)");

              if (digits != NULL)
                *digits = '\0';
              g_strchomp (reason);
              g_hash_table_insert (stricter, g_steal_pointer (&reason),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (stricter, reason)) + 1));
              only_json_glib++;
            }
          continue;
        }

      g_assert_no_error (error);
      ok++;
      /* Whatever parsed must be readable and valid UTF-8 */
      for (guint r = 0; r < lens_table_get_n_rows (table); r++)
        for (guint c = 0; c < lens_table_get_n_columns (table); c++)
          {
            const char *text = lens_table_get_text (table, r, c);
            double lon, lat;

            g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
            lens_table_get_number (table, r, c);
            lens_table_get_point (table, r, c, &lon, &lat);
          }

      /* ... and reads as json-glib reads it */
      g_assert_nonnull (rows);
      assert_table_matches_json_glib (table, rows);
    }

  g_test_message ("%u mutated bodies parsed (as json-glib reads them), %u rejected: %u by json-glib too, "
                  "%u that json-glib 1.6 takes", ok, failed, both_refuse, only_json_glib);
  {
    GHashTableIter iter;
    gpointer reason, count;

    g_hash_table_iter_init (&iter, stricter);
    while (g_hash_table_iter_next (&iter, &reason, &count))
      g_test_message ("  only the scanner refuses: %u with \"%s\"", GPOINTER_TO_UINT (count), (char *) reason);
  }
  g_assert_cmpuint (failed, >, 0);
}

static void
test_table_append (void)
{
  g_autoptr(LensTable) first = NULL;
  g_autoptr(LensTable) second = NULL;
  g_autoptr(LensTable) third = NULL;
  g_autoptr(LensTable) bad = NULL;
  g_autoptr(GError) error = NULL;

  first = parse_string ("[{\"month\":\"2024-01-01T00:00:00.000\",\"n\":\"10\"},"
                        "{\"month\":\"2024-02-01T00:00:00.000\",\"n\":\"20\"}]",
                        "[\"month\",\"n\"]", "[\"floating_timestamp\",\"number\"]", &error);
  g_assert_no_error (error);
  /* a later page without headers (as cached before the types were known), with a new column */
  second = parse_string ("[{\"month\":\"2024-03-01T00:00:00.000\",\"n\":\"30\",\"note\":\"x\"}]",
                         NULL, NULL, &error);
  g_assert_no_error (error);
  third = parse_string ("[{\"n\":\"40\",\"arrest\":true}]", "[\"n\",\"arrest\"]", "[\"number\",\"checkbox\"]", &error);
  g_assert_no_error (error);

  g_assert_true (lens_table_append (first, second, &error));
  g_assert_no_error (error);
  g_assert_true (lens_table_append (first, third, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (lens_table_get_n_rows (first), ==, 4);
  g_assert_cmpuint (lens_table_get_n_columns (first), ==, 4);
  g_assert_cmpint (lens_table_get_column_type (first, column (first, "n")), ==, LENS_COLUMN_NUMBER);
  for (guint r = 0; r < 4; r++)
    g_assert_cmpfloat (lens_table_get_number (first, r, column (first, "n")), ==, 10.0 * (r + 1));
  g_assert_cmpstr (lens_table_get_text (first, 2, column (first, "month")), ==, "2024-03-01T00:00:00.000");
  g_assert_true (lens_table_is_null (first, 3, column (first, "month")));
  g_assert_cmpstr (lens_table_get_text (first, 2, column (first, "note")), ==, "x");
  g_assert_true (lens_table_is_null (first, 0, column (first, "note")));
  g_assert_true (lens_table_is_null (first, 3, column (first, "note")));
  g_assert_cmpint (lens_table_get_column_type (first, column (first, "arrest")), ==, LENS_COLUMN_BOOLEAN);
  g_assert_true (lens_table_get_boolean (first, 3, column (first, "arrest")));
  g_assert_true (lens_table_is_null (first, 0, column (first, "arrest")));

  /* The appended tables are still whole on their own */
  g_assert_cmpstr (lens_table_get_text (second, 0, 2), ==, "x");

  /* An untyped first page takes the types of a typed later page */
  {
    g_autoptr(LensTable) untyped = parse_string ("[{\"n\":\"5\"}]", NULL, NULL, NULL);
    g_autoptr(LensTable) typed = parse_string ("[{\"n\":\"6\"}]", "[\"n\"]", "[\"number\"]", NULL);

    g_assert_true (lens_table_append (untyped, typed, NULL));
    g_assert_cmpint (lens_table_get_column_type (untyped, 0), ==, LENS_COLUMN_NUMBER);
    g_assert_cmpfloat (lens_table_get_number (untyped, 0, 0), ==, 5);
    g_assert_cmpfloat (lens_table_get_number (untyped, 1, 0), ==, 6);
  }

  /* Conflicting declared types are a bad response, and change nothing */
  bad = parse_string ("[{\"n\":\"true\"}]", "[\"n\"]", "[\"checkbox\"]", NULL);
  g_assert_false (lens_table_append (first, bad, &error));
  g_assert_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (lens_table_get_n_rows (first), ==, 4);

  /* Appending an empty page */
  {
    g_autoptr(LensTable) empty = parse_string ("[]", NULL, NULL, NULL);
    g_assert_true (lens_table_append (first, empty, NULL));
    g_assert_cmpuint (lens_table_get_n_rows (first), ==, 4);
  }
}

static gpointer
parse_in_thread (gpointer data)
{
  GBytes *body = data;
  GError *error = NULL;
  LensTable *table = lens_table_new_from_response (body, NULL, NULL, &error);
  int date_column;

  g_assert_no_error (error);
  date_column = lens_table_find_column (table, "date");
  for (guint i = 0; i < lens_table_get_n_rows (table); i++)
    {
      g_autoptr(GDateTime) date = lens_table_get_datetime (table, i, date_column);
      g_assert_nonnull (date);
    }

  return table;
}

static void
test_table_threads (void)
{
  g_autoptr(GBytes) body = load_fixture ("crimes_6zsd-86xi_rows_socrata-frontend-fixture.json");
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, body);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(LensTable) table = g_thread_join (threads[i]);
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_cmpuint (lens_table_get_n_rows (table), ==, 15);
      g_assert_cmpstr (lens_table_get_column_name (table, 1), ==, "beat");

      /* Boxed */
      g_value_init (&value, LENS_TYPE_TABLE);
      g_value_set_boxed (&value, table);
      g_assert_true (g_value_get_boxed (&value) == table);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/types", test_table_types);
  g_test_add_func ("/table/crimes-metadata", test_table_crimes_metadata);
  g_test_add_func ("/table/crimes-untyped", test_table_crimes_untyped);
  g_test_add_func ("/table/crimes-matches-json-glib", test_table_crimes_matches_json_glib);
  g_test_add_func ("/table/group-count", test_table_group_count);
  g_test_add_func ("/table/all-datatypes", test_table_all_datatypes);
  g_test_add_func ("/table/fixed-timestamps", test_table_fixed_timestamps);
  g_test_add_func ("/table/edge-values", test_table_edge_values);
  g_test_add_func ("/table/numbers", test_table_numbers);
  g_test_add_func ("/table/shapes", test_table_shapes);
  g_test_add_func ("/table/headers", test_table_headers);
  g_test_add_func ("/table/bad-bodies", test_table_bad_bodies);
  g_test_add_func ("/table/truncated", test_table_truncated);
  g_test_add_func ("/table/mutations", test_table_mutations);
  g_test_add_func ("/table/append", test_table_append);
  g_test_add_func ("/table/threads", test_table_threads);

  return g_test_run ();
}
