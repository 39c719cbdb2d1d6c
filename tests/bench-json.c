/* bench-json.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The measurement behind the choice of JSON parser (lens-table-scanner.c): the table's own
 * scanner against json-glib's parser plus a thin copy of its tree into the same LensTable, on
 * the bodies the app reads now:
 *   - chart answers: grouped aggregates of tens to hundreds of rows. The real recorded one
 *     (tests/fixtures/soda21_..._4tka-6guv_demo_group-count-having.json, 6 rows) and
 *     SYNTHETIC ones from the fake portal's seeded generator (tests/lens-fake-data.c, crimes by
 *     month and primary type, the shape of the catalogue's charts) cut at 100, 300 and 1,000
 *     rows, Socrata's default $limit;
 *   - the police-district boundaries, the largest body the app plans to read (real, 1 MB
 *     GeoJSON, tests/fixtures/boundaries-police-districts_24zt-jpfn.geojson): json-glib's
 *     parse alone, since it is not a SODA table.
 * Each figure is the median (and the slowest) of many runs after a warm-up, in microseconds,
 * with the share of a 16.7 ms frame. Prints numbers; asserts nothing about time. */

#define G_LOG_DOMAIN "bench-json"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lens-fake-data.h"
#include "lens-portal-error.h"
#include "lens-table-private.h"

#define SEED 20260101
#define FRAME_US (1e6 / 60)

/* json-glib + a thin copy ------------------------------------------------------------------ */

static guint32
arena_append (GString    *arena,
              const char *text)
{
  guint32 offset = (guint32) arena->len;

  g_string_append_len (arena, text, strlen (text) + 1);
  return offset;
}

/* What replacing the scanner would mean: json-glib builds its tree, then each row's members
 * are copied into the table's columns (strings as they are, other values as JSON text, as the
 * scanner keeps them). */
static LensTable *
table_from_json_glib (GBytes             *body,
                      const char * const *fields,
                      const char * const *types,
                      GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(LensTable) table = NULL;
  g_autoptr(GBytes) arena_bytes = NULL;
  GString *arena;
  JsonArray *rows;
  JsonNode *root;
  guint first_row;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, "not a list of rows");
      return NULL;
    }

  table = lens_table_new_declared (fields, types);
  first_row = lens_table_get_n_rows (table);
  rows = json_node_get_array (root);
  arena = g_string_sized_new (g_bytes_get_size (body));

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        {
          g_string_free (arena, TRUE);
          lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, "a row is not an object");
          return NULL;
        }

      json_object_iter_init_ordered (&iter, json_node_get_object (row));
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          LensTableColumn *column = lens_table_lookup_column (table, name);
          guint32 offset;

          if (column == NULL)
            column = lens_table_add_body_column (table, name, strlen (name));

          if (JSON_NODE_HOLDS_NULL (node))
            {
              lens_table_column_set (column, first_row + r, LENS_TABLE_NULL_CELL, NULL);
              continue;
            }

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            offset = arena_append (arena, json_node_get_string (node));
          else
            {
              g_autofree char *text = json_to_string (node, FALSE);
              offset = arena_append (arena, text);
            }
          lens_table_column_set (column, first_row + r, offset, arena->str + offset);
        }
    }

  arena_bytes = g_string_free_to_bytes (arena);
  lens_table_add_page (table, arena_bytes, json_array_get_length (rows));

  return g_steal_pointer (&table);
}

/* Bodies ----------------------------------------------------------------------------------- */

typedef struct
{
  char   *name;
  GBytes *body;
  GStrv   fields;
  GStrv   types;
} Body;

static void
body_clear (Body *body)
{
  g_free (body->name);
  g_bytes_unref (body->body);
  g_strfreev (body->fields);
  g_strfreev (body->types);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  g_assert_true (node != NULL && JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, len);
}

/* The real recorded aggregate: its body (re-serialised as the tests do) and its headers. */
static void
recorded_aggregate (Body *out)
{
  g_autoptr(GBytes) file = load_fixture ("soda21_get_resource_4tka-6guv_demo_group-count-having.json");
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (file, NULL), NULL);
  JsonObject *object = json_node_get_object (root);
  JsonObject *headers = json_object_get_object_member (object, "headers");
  char *body = json_to_string (json_object_get_member (object, "body_json"), FALSE);

  out->name = g_strdup ("real: demo group-count (4tka-6guv)");
  out->body = g_bytes_new_take (body, strlen (body));
  out->fields = strv_from_json (json_object_get_string_member (headers, "X-SODA2-Fields"));
  out->types = strv_from_json (json_object_get_string_member (headers, "X-SODA2-Types"));
}

/* A chart's answer from the fake portal's generator, as it sends it. */
static void
synthetic_aggregate (guint  rows,
                     Body  *out)
{
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *limit = g_strdup_printf ("%u", rows);
  g_auto(LensFakeResponse) response = { 0 };

  g_hash_table_insert (params, (char *) "$select",
                       (char *) "date_trunc_ym(date) AS label, primary_type, count(*) AS value");
  g_hash_table_insert (params, (char *) "$group", (char *) "label, primary_type");
  g_hash_table_insert (params, (char *) "$order", (char *) "label, primary_type");
  g_hash_table_insert (params, (char *) "$limit", limit);
  lens_fake_data_query (SEED, 0, NULL, 0, "ijzp-q8t2", params, &response);
  g_assert_cmpuint (response.status, ==, 200);

  out->name = g_strdup_printf ("SYNTHETIC: crimes by month and type, $limit=%u", rows);
  out->body = g_bytes_ref (response.body);
  out->fields = strv_from_json (response.fields);
  out->types = strv_from_json (response.types);
}

/* Timing ----------------------------------------------------------------------------------- */

typedef enum
{
  PARSE_SCANNER,
  PARSE_JSON_GLIB_COPY,
  PARSE_JSON_GLIB_TREE,
} ParseKind;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static guint
parse_once (ParseKind   kind,
            const Body *body)
{
  g_autoptr(GError) error = NULL;

  if (kind == PARSE_JSON_GLIB_TREE)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_data (parser, g_bytes_get_data (body->body, NULL),
                                       g_bytes_get_size (body->body), &error))
        g_error ("json-glib: %s", error->message);
      return 1;
    }

  {
    g_autoptr(LensTable) table =
      kind == PARSE_SCANNER
        ? lens_table_new_from_json (body->body, (const char * const *) body->fields,
                                    (const char * const *) body->types, &error)
        : table_from_json_glib (body->body, (const char * const *) body->fields,
                                (const char * const *) body->types, &error);

    if (table == NULL)
      g_error ("parse: %s", error->message);
    return lens_table_get_n_rows (table);
  }
}

/* Median and slowest of @runs parses, in microseconds. */
static void
time_parse (ParseKind   kind,
            const Body *body,
            guint       runs,
            double     *median,
            double     *slowest)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 5; i++)
    parse_once (kind, body);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double us;

      parse_once (kind, body);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (times, us);
    }

  g_array_sort (times, compare_doubles);
  *median = g_array_index (times, double, times->len / 2);
  *slowest = g_array_index (times, double, times->len - 1);
}

static void
print_row (const char *what,
           gsize       bytes,
           double      median,
           double      slowest)
{
  printf ("  %-28s median %8.1f us (%5.2f%% of a frame, %6.0f MB/s), slowest %8.1f us\n",
          what, median, 100.0 * median / FRAME_US, bytes / median, slowest);
}

static void
bench_table (const Body *body,
             guint       runs)
{
  gsize bytes = g_bytes_get_size (body->body);
  double scan_med, scan_max, copy_med, copy_max, tree_med, tree_max;
  guint rows = parse_once (PARSE_SCANNER, body);

  /* Both readers see the same rows */
  g_assert_cmpuint (parse_once (PARSE_JSON_GLIB_COPY, body), ==, rows);

  time_parse (PARSE_SCANNER, body, runs, &scan_med, &scan_max);
  time_parse (PARSE_JSON_GLIB_COPY, body, runs, &copy_med, &copy_max);
  time_parse (PARSE_JSON_GLIB_TREE, body, runs, &tree_med, &tree_max);

  printf ("%s: %u rows, %zu bytes, %u runs\n", body->name, rows, bytes, runs);
  print_row ("scanner", bytes, scan_med, scan_max);
  print_row ("json-glib + copy", bytes, copy_med, copy_max);
  print_row ("(json-glib tree alone)", bytes, tree_med, tree_max);
  printf ("  json-glib + copy / scanner: %.1fx\n", copy_med / scan_med);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 100, 300, 1000 };

  g_test_init (&argc, &argv, NULL);

  printf ("bench-json: median of N runs after 5 warm-up runs; a frame is %.1f ms\n", FRAME_US / 1000);

  {
    Body body = { 0 };

    recorded_aggregate (&body);
    bench_table (&body, 2001);
    body_clear (&body);
  }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Body body = { 0 };

      synthetic_aggregate (sizes[i], &body);
      bench_table (&body, sizes[i] < 1000 ? 1001 : 301);
      body_clear (&body);
    }

  {
    Body body = { 0 };
    double median, slowest;

    body.name = g_strdup ("real: police district boundaries (24zt-jpfn GeoJSON)");
    body.body = load_fixture ("boundaries-police-districts_24zt-jpfn.geojson");
    time_parse (PARSE_JSON_GLIB_TREE, &body, 31, &median, &slowest);
    printf ("%s: %zu bytes, 31 runs\n", body.name, g_bytes_get_size (body.body));
    print_row ("json-glib tree", g_bytes_get_size (body.body), median, slowest);
    body_clear (&body);
  }

  return 0;
}
