/* test-chart-export.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lens-chart-export.h"
#include "lens-test-util.h"

/* Synthetic numbers (seeded), labelled as such. */
static LensChartDocument *
make_document_full (LensPlotKind kind,
                    gboolean     oddities)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(LensSeries) series = lens_series_new ();
  LensChartDocument *doc;
  const char *footer[] = {
    "Filters: District 5, 2001–2024, all offence types (synthetic data for a test)",
    "Source: City of Chicago data portal, “Crimes – 2001 to Present”. As of 1 March 2024.",
    "Caveat: the latest year is incomplete; counts are of reported incidents, not of crimes. "
    "This line is long so that it has to wrap onto a second line of the footer block under the plot.",
    NULL
  };
  const char *columns[] = { "Year", "District 5, \"Calumet\"", "Citywide", NULL };

  lens_series_add_vector (series, "District 5 (synthetic)");
  lens_series_add_vector (series, "Citywide (synthetic)");
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", 2001 + i);

      lens_series_add_label (series, label);
      lens_series_set_value (series, 0, i, round (g_rand_double_range (rand, 5000, 20000)));
      lens_series_set_value (series, 1, i, g_rand_double_range (rand, 5000, 20000));
    }
  if (oddities)
    {
      lens_series_set_value (series, 1, 3, NAN);
      lens_series_set_value (series, 0, 4, 0.1);
      lens_series_set_value (series, 0, 5, 1e12);
    }
  lens_series_set_partial (series, 23, TRUE);

  doc = lens_chart_document_new (series, kind);
  lens_chart_document_set_title (doc, "Reported incidents per year, District 5 and citywide (synthetic)");
  lens_chart_document_set_axis_titles (doc, "Year", "Incidents");
  lens_chart_document_set_footer (doc, footer);
  lens_chart_document_set_column_names (doc, columns);

  return doc;
}

static LensChartDocument *
make_document (LensPlotKind kind)
{
  return make_document_full (kind, TRUE);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lens-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_format_from_path (void)
{
  g_assert_cmpint (lens_export_format_from_path ("chart.png"), ==, LENS_EXPORT_FORMAT_PNG);
  g_assert_cmpint (lens_export_format_from_path ("/tmp/a.b/Chart.PNG"), ==, LENS_EXPORT_FORMAT_PNG);
  g_assert_cmpint (lens_export_format_from_path ("x.svg"), ==, LENS_EXPORT_FORMAT_SVG);
  g_assert_cmpint (lens_export_format_from_path ("x.pdf"), ==, LENS_EXPORT_FORMAT_PDF);
  g_assert_cmpint (lens_export_format_from_path ("x.csv"), ==, LENS_EXPORT_FORMAT_CSV);
  g_assert_cmpint (lens_export_format_from_path ("x.txt"), ==, LENS_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (lens_export_format_from_path ("/tmp/a.png/chart"), ==, LENS_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (lens_export_format_from_path ("png"), ==, LENS_EXPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (lens_export_format_from_path (NULL), ==, LENS_EXPORT_FORMAT_UNKNOWN);
}

static void
test_export_png (void)
{
  const LensPlotKind kinds[] = { LENS_PLOT_BAR, LENS_PLOT_HORIZONTAL_BAR, LENS_PLOT_LINE };
  g_autofree char *dir = make_tmpdir ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(LensChartDocument) doc = make_document (kinds[k]);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("export-%u.png", k);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, name, NULL);
      cairo_surface_t *surface;

      g_assert_true (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);
      cairo_surface_destroy (surface);

      /* a copy to look at, without the odd values */
      {
        g_autoptr(LensChartDocument) plain = make_document_full (kinds[k], FALSE);
        g_assert_true (lens_chart_export_to_file (plain, keep, LENS_EXPORT_FORMAT_PNG, NULL));
      }
    }

  g_assert_cmpuint (count_files (dir), ==, 3);
  remove_dir (dir);
}

typedef struct
{
  guint n_elements;
  gboolean saw_svg;
} SvgState;

static void
svg_start (GMarkupParseContext *context,
           const char          *element_name,
           const char         **attribute_names,
           const char         **attribute_values,
           gpointer             user_data,
           GError             **error)
{
  SvgState *state = user_data;

  state->n_elements++;
  if (g_strcmp0 (element_name, "svg") == 0)
    state->saw_svg = TRUE;
}

static void
test_export_svg (void)
{
  g_autoptr(LensChartDocument) doc = make_document (LENS_PLOT_LINE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  SvgState state = { 0 };
  gsize length;

  g_assert_true (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));

  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (state.saw_svg);
  g_assert_cmpuint (state.n_elements, >, 50);
  g_assert_nonnull (strstr (contents, "width=\"800"));

  remove_dir (dir);
}

static void
test_export_pdf (void)
{
  g_autoptr(LensChartDocument) doc = make_document (LENS_PLOT_HORIZONTAL_BAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, "export.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_true (lens_chart_export_to_file (doc, keep, LENS_EXPORT_FORMAT_PDF, NULL));

  remove_dir (dir);
}

/* A small RFC 4180 reader for the round trip. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (p[0] == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }

  g_assert_cmpuint (row->len, ==, 0);
  return rows;
}

static void
test_export_csv (void)
{
  g_autoptr(LensChartDocument) doc = make_document (LENS_PLOT_BAR);
  LensSeries *series = lens_chart_document_get_series (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  locale_t loc;

  /* numbers stay plain even in a locale with "," decimals */
  if (!lens_test_require_locale ("es_ES.UTF-8"))
    return;
  loc = newlocale (LC_ALL_MASK, "es_ES.UTF-8", (locale_t) 0);
  uselocale (loc);

  g_assert_true (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
  g_assert_no_error (error);

  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  g_assert_true (g_str_has_prefix (contents, "Year,\"District 5, \"\"Calumet\"\"\",Citywide\r\n"));

  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 1 + lens_series_get_n_labels (series));
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Year");
  g_assert_cmpstr (((char **) rows->pdata[0])[1], ==, "District 5, \"Calumet\"");
  g_assert_cmpstr (((char **) rows->pdata[0])[2], ==, "Citywide");

  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      char **row = rows->pdata[i + 1];

      g_assert_cmpuint (g_strv_length (row), ==, 3);
      g_assert_cmpstr (row[0], ==, lens_series_get_label (series, i));
      for (guint v = 0; v < 2; v++)
        {
          double expected = lens_series_get_value (series, v, i);

          if (isnan (expected))
            g_assert_cmpstr (row[v + 1], ==, "");
          else
            {
              g_assert_null (strchr (row[v + 1], ','));
              g_assert_cmpfloat (g_ascii_strtod (row[v + 1], NULL), ==, expected);
            }
        }
    }

  /* integers are written as integers */
  g_assert_cmpstr (((char **) rows->pdata[6])[1], ==, "1000000000000");
  g_assert_cmpstr (((char **) rows->pdata[5])[1], ==, "0.1");

  remove_dir (dir);
}

static void
test_export_tsv (void)
{
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(LensChartDocument) doc = NULL;
  g_autofree char *tsv = NULL;

  lens_series_add_vector (series, "Count");
  lens_series_add_label (series, "THEFT");
  lens_series_add_label (series, "with\ttab\nand newline");
  lens_series_set_value (series, 0, 0, 1234);
  lens_series_set_value (series, 0, 1, 5.5);

  doc = lens_chart_document_new (series, LENS_PLOT_HORIZONTAL_BAR);
  tsv = lens_chart_export_to_tsv (doc);
  g_assert_cmpstr (tsv, ==, "Category\tCount\nTHEFT\t1234\nwith tab and newline\t5.5\n");
}

static void
test_export_errors (void)
{
  g_autoptr(LensChartDocument) doc = make_document (LENS_PLOT_BAR);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *readonly = g_build_filename (dir, "readonly", NULL);
  g_autofree char *probe = g_build_filename (readonly, "probe", NULL);
  const char *formats[] = { "chart.png", "chart.svg", "chart.pdf", "chart.csv" };
  gboolean can_write_anyway;

  /* unknown format */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "chart.xyz", NULL);

    g_assert_false (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_nonnull (strstr (error->message, "chart.xyz"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* a directory that does not exist */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lens_chart_export_to_file (doc, missing, LENS_EXPORT_FORMAT_UNKNOWN, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "chart.png"));
  }

  /* a read-only directory: fails and leaves nothing behind (root can write anyway) */
  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  can_write_anyway = g_file_set_contents (probe, "x", 1, NULL);
  g_unlink (probe);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (readonly, formats[i], NULL);

      if (can_write_anyway)
        break;

      g_assert_false (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, formats[i]));
      g_assert_cmpuint (count_files (readonly), ==, 0);
    }
  g_chmod (readonly, 0755);

  /* the path is a directory: the write fails, the directory and its contents stay */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *as_dir = g_build_filename (dir, "taken.png", NULL);
    guint before;

    g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
    before = count_files (dir);
    g_assert_false (lens_chart_export_to_file (doc, as_dir, LENS_EXPORT_FORMAT_UNKNOWN, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));
    g_assert_cmpuint (count_files (dir), ==, before);
    g_rmdir (as_dir);
  }

  /* a full disk, for any user: a file size limit makes the writes fail part way */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, formats[i], NULL);
      struct rlimit saved, limit;
      guint before = count_files (dir);
      gboolean ok;

      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limit = saved;
      limit.rlim_cur = 200;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_UNKNOWN, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, formats[i]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (dir), ==, before);
    }

  if (can_write_anyway)
    g_test_message ("running as a user who can write to read-only directories: skipped that part");

  g_rmdir (readonly);
  remove_dir (dir);
}

static void
test_export_replaces_atomically (void)
{
  g_autoptr(LensChartDocument) doc = make_document (LENS_PLOT_BAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (lens_chart_export_to_file (doc, path, LENS_EXPORT_FORMAT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "Year,"));
  g_assert_cmpuint (count_files (dir), ==, 1);

  remove_dir (dir);
}

static void
test_export_cairo_page (void)
{
  g_autoptr(LensChartDocument) doc = make_document_full (LENS_PLOT_LINE, FALSE);
  g_autoptr(LensSeries) empty = lens_series_new ();
  g_autoptr(LensChartDocument) empty_doc = lens_chart_document_new (empty, LENS_PLOT_BAR);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 800);
  cairo_t *cr = cairo_create (surface);

  /* the lower half of a portrait page, as a brief would place it */
  cairo_translate (cr, 0, 400);
  g_assert_true (lens_chart_export_to_cairo_page (doc, cr, 600, 400));
  cairo_identity_matrix (cr);
  g_assert_true (lens_chart_export_to_cairo_page (empty_doc, cr, 600, 400));
  g_assert_true (lens_chart_export_to_cairo_page (doc, cr, 10, 10));
  g_assert_true (lens_chart_export_to_cairo_page (doc, cr, 0, 0));
  cairo_destroy (cr);

  {
    g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, "export-page.png", NULL);
    g_assert_cmpint (cairo_surface_write_to_png (surface, keep), ==, CAIRO_STATUS_SUCCESS);
  }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/format-from-path", test_export_format_from_path);
  g_test_add_func ("/export/png", test_export_png);
  g_test_add_func ("/export/svg", test_export_svg);
  g_test_add_func ("/export/pdf", test_export_pdf);
  g_test_add_func ("/export/csv", test_export_csv);
  g_test_add_func ("/export/tsv", test_export_tsv);
  g_test_add_func ("/export/errors", test_export_errors);
  g_test_add_func ("/export/replace", test_export_replaces_atomically);
  g_test_add_func ("/export/cairo-page", test_export_cairo_page);

  return g_test_run ();
}
