/* test-compliance-export.c: the consent-decree compliance chart as a file: the CSV holds every
 * figure the shipped data publishes, each with its source beside it; the picture is drawn
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lens-compliance-document.h"
#include "lens-consent-decree.h"
#include "lens-describe.h"
#include "lens-test-util.h"

static LensConsentDecree *
load_decree (void)
{
  g_autoptr(GError) error = NULL;
  LensConsentDecree *decree = lens_consent_decree_new_from_resource (&error);

  g_assert_no_error (error);
  return decree;
}

/* The file the app loads, read here with json-glib, not through the app's reader. */
static JsonNode *
load_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (LENS_CONSENT_DECREE_RESOURCE, 0, &error);
  JsonNode *root;

  g_assert_no_error (error);
  root = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);
  return root;
}

/* RFC 4180: rows of fields, quotes doubled, CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), name) == 0)
      return i;

  g_error ("no column “%s” in the CSV", name);
  return -1;
}

static const char *
cell (GPtrArray *row,
      int        column)
{
  g_assert_cmpint (column, <, row->len);
  return g_ptr_array_index (row, column);
}

static const char *
level_name (JsonObject *root,
            const char *id)
{
  JsonArray *levels = json_object_get_array_member (root, "levels");

  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      JsonObject *level = json_array_get_object_element (levels, i);

      if (g_strcmp0 (json_object_get_string_member (level, "id"), id) == 0)
        return json_object_get_string_member (level, "name");
    }

  g_error ("no level %s", id);
  return NULL;
}

static void
test_csv_has_every_figure (void)
{
  g_autoptr(LensConsentDecree) decree = load_decree ();
  g_autoptr(JsonNode) json = load_json ();
  g_autoptr(LensChartDocument) document = lens_compliance_document_new (decree);
  g_autofree char *csv = lens_chart_export_to_csv (document);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  JsonObject *root = json_node_get_object (json);
  JsonArray *reports = json_object_get_array_member (root, "reports");
  static const char *levels[] = { "preliminary", "secondary", "full", "any" };
  GPtrArray *header;
  guint n_figures = 0;

  g_assert_cmpuint (rows->len, ==, json_array_get_length (reports) + 1);
  header = g_ptr_array_index (rows, 0);

  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);
      guint number = json_object_get_int_member (report, "number");
      g_autofree char *name = g_strdup_printf ("IMR-%u", number);
      GPtrArray *row = NULL;

      for (guint i = 1; i < rows->len; i++)
        if (g_strcmp0 (cell (g_ptr_array_index (rows, i), 0), name) == 0)
          row = g_ptr_array_index (rows, i);
      g_assert_nonnull (row);
      g_assert_cmpuint (row->len, ==, header->len);

      for (guint k = 0; k < G_N_ELEMENTS (levels); k++)
        {
          JsonObject *figure;
          g_autofree char *value_column = NULL;
          g_autofree char *source_column = NULL;
          int column;

          value_column = g_strdup_printf ("%s, as published", level_name (root, levels[k]));
          column = find_column (header, value_column);

          if (!json_object_has_member (report, levels[k]) ||
              JSON_NODE_HOLDS_NULL (json_object_get_member (report, levels[k])))
            {
              /* not published: nothing made up */
              g_assert_cmpstr (cell (row, column), ==, "");
              g_assert_cmpstr (cell (row, column + 2), ==, "");
              continue;
            }

          figure = json_object_get_object_member (report, levels[k]);
          g_assert_cmpfloat (g_ascii_strtod (cell (row, column), NULL), ==,
                             json_object_get_double_member (figure, "value"));
          g_assert_cmpstr (cell (row, column + 1), ==,
                           g_str_equal (json_object_get_string_member (figure, "unit"), "percent")
                           ? "percent" : "paragraphs");
          /* the source right beside the figure, then who published it */
          source_column = g_strdup_printf ("%s, source", level_name (root, levels[k]));
          g_assert_cmpstr (cell (header, column + 2), ==, source_column);
          g_assert_cmpstr (cell (row, column + 2), ==, json_object_get_string_member (figure, "source"));
          if (json_object_has_member (figure, "outlet"))
            g_assert_cmpstr (cell (row, column + 3), ==, json_object_get_string_member (figure, "outlet"));

          /* a share published as a share is drawn as published */
          if (g_str_equal (json_object_get_string_member (figure, "unit"), "percent") &&
              !g_str_equal (levels[k], "any"))
            {
              g_autofree char *drawn = g_strdup_printf ("%s, share drawn (%%)", level_name (root, levels[k]));

              g_assert_cmpfloat (g_ascii_strtod (cell (row, find_column (header, drawn)), NULL), ==,
                                 json_object_get_double_member (figure, "value"));
            }
          n_figures++;
        }
    }

  /* the shipped file has figures for eight reports */
  g_assert_cmpuint (n_figures, >=, 20);
}

/* The copied table is the same table, tab-separated. */
static void
test_copy_matches_csv (void)
{
  g_autoptr(LensConsentDecree) decree = load_decree ();
  g_autoptr(LensChartDocument) document = lens_compliance_document_new (decree);
  g_autofree char *tsv = lens_chart_export_to_tsv (document);
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, lens_consent_decree_get_n_reports (decree) + 2);
  g_assert_true (g_str_has_prefix (lines[0], "Report\t"));
  g_assert_nonnull (strstr (tsv, "https://news.wttw.com/"));
}

static void
test_png_is_drawn (void)
{
  g_autoptr(LensConsentDecree) decree = load_decree ();
  g_autoptr(LensChartDocument) document = lens_compliance_document_new (decree);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "compliance.png", NULL);
  cairo_surface_t *surface;
  const guchar *data;
  int width, height, stride;
  guint64 marked = 0, coloured = 0;

  g_assert_true (lens_chart_export_to_file (document, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + (gsize) y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* the background is white */
        if (r != 0xff || g != 0xff || b != 0xff)
          marked++;
        /* text and grid are grey; the bars are coloured */
        if (MAX (MAX (r, g), b) - MIN (MIN (r, g), b) > 60)
          coloured++;
      }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (marked, >, (guint64) width * height / 50);
  g_assert_cmpuint (coloured, >, (guint64) width * height / 100);

  lens_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/compliance-export/csv-has-every-figure", test_csv_has_every_figure);
  g_test_add_func ("/compliance-export/copy-matches-csv", test_copy_matches_csv);
  g_test_add_func ("/compliance-export/png-is-drawn", test_png_is_drawn);
  return g_test_run ();
}
