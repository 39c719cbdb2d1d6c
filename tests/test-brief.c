/* test-brief.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lens-brief.h"
#include "lens-catalog.h"
#include "lens-format.h"

#define DISTRICT "District 5 – Calumet"

/* Synthetic numbers from a seeded generator, labelled as such in every title. */

typedef struct
{
  LensChartDocument *document;
  gboolean           percent;
  const char        *unit;
} TestChart;

static LensChartDocument *
make_document (GRand        *rand,
               const char   *title,
               LensPlotKind  kind,
               const char   *first_column,
               const char  **labels,
               guint         n_labels,
               gboolean      percent,
               double        low,
               double        high)
{
  g_autoptr(LensSeries) series = lens_series_new ();
  LensChartDocument *doc;
  const char *columns[] = { first_column, DISTRICT " (synthetic)", "Citywide (synthetic)", NULL };

  lens_series_add_vector (series, DISTRICT " (synthetic)");
  lens_series_add_vector (series, "Citywide (synthetic)");
  if (percent)
    lens_series_set_percent (series, TRUE);
  else
    lens_series_set_unit (series, "incidents");

  for (guint i = 0; i < n_labels; i++)
    {
      lens_series_add_label (series, labels[i]);
      for (guint v = 0; v < 2; v++)
        {
          double value = g_rand_double_range (rand, low, high) * (v == 1 ? 8.0 : 1.0);

          if (percent)
            value = round (value * 10.0) / 10.0;
          else
            value = round (value);
          lens_series_set_value (series, v, i, value);
        }
    }
  lens_series_set_partial (series, n_labels - 1, TRUE);

  doc = lens_chart_document_new (series, kind);
  lens_chart_document_set_title (doc, title);
  lens_chart_document_set_axis_titles (doc, first_column, percent ? "Share (%)" : "Incidents");
  lens_chart_document_set_column_names (doc, columns);

  return doc;
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour)
{
  return g_date_time_new_utc (year, month, day, hour, 0, 0);
}

/* Four crime charts (one of 66 months), one complaints chart, the consent decree and the
 * shipped report passages. */
static LensBrief *
make_brief (guint n_charts)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(LensReports) reports = lens_reports_new_from_resource (&error);
  g_autoptr(LensConsentDecree) decree = NULL;
  g_autoptr(GDateTime) generated = utc (2026, 3, 2, 15);
  g_autoptr(GDateTime) as_of = utc (2026, 2, 27, 9);
  g_autoptr(GDateTime) fetched = utc (2026, 3, 1, 12);
  g_autoptr(GDateTime) old_fetch = utc (2026, 2, 20, 8);
  g_autoptr(GPtrArray) months_text = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) decree_passages = NULL;
  const char *years[] = { "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025" };
  const char *offenses[] = {
    "Theft", "Battery", "Criminal damage", "Assault", "Deceptive practice",
    "Motor vehicle theft", "Other offense", "Burglary", "Weapons violation",
    "Interference with public officer",
  };
  const char *sources[] = {
    DISTRICT " compared with citywide, 1 Jan 2017 – 1 Mar 2026 (synthetic data for a test)",
    "Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2), https://data.cityofchicago.org/d/ijzp-q8t2",
    NULL
  };
  const char *caveats[] = {
    "Counts are of incidents reported to and recorded by the police, not of all crime.",
    "The latest period is not complete yet.",
    NULL
  };
  LensBrief *brief = lens_brief_new ();

  g_assert_no_error (error);
  decree = lens_consent_decree_new_from_resource (&error);
  g_assert_no_error (error);

  lens_brief_set_district_label (brief, DISTRICT);
  lens_brief_set_comparison_label (brief, "Citywide");
  lens_brief_set_range_label (brief, "1 Jan 2017 – 1 Mar 2026");
  lens_brief_set_generated_at (brief, generated);
  lens_brief_set_reports (brief, reports);

  for (guint i = 0; i < 66; i++)
    g_ptr_array_add (months_text, lens_format_month (2020 + i / 12, 1 + i % 12));

  for (guint c = 0; c < n_charts; c++)
    {
      g_autoptr(LensChartDocument) doc = NULL;
      g_autoptr(GPtrArray) passages = NULL;
      g_autofree char *title = NULL;
      guint index;

      switch (c % 5)
        {
        case 0:
          title = g_strdup_printf ("Reported incidents per year (synthetic %u)", c + 1);
          doc = make_document (rand, title, LENS_PLOT_BAR, "Year", years, G_N_ELEMENTS (years),
                               FALSE, 800, 14000);
          passages = lens_reports_get_passages_for_chart (reports, "crime-incidents-per-year");
          break;
        case 1:
          title = g_strdup_printf ("Reported incidents per month (synthetic %u)", c + 1);
          doc = make_document (rand, title, LENS_PLOT_LINE, "Month",
                               (const char **) months_text->pdata, months_text->len,
                               FALSE, 700, 1300);
          passages = lens_reports_get_passages_for_chart (reports, "crime-incidents-per-month");
          break;
        case 2:
          title = g_strdup_printf ("Most common offenses (synthetic %u)", c + 1);
          doc = make_document (rand, title, LENS_PLOT_HORIZONTAL_BAR, "Offense", offenses,
                               G_N_ELEMENTS (offenses), FALSE, 300, 9000);
          passages = lens_reports_get_passages_for_chart (reports, "crime-top-offenses");
          break;
        case 3:
          title = g_strdup_printf ("Share of incidents with an arrest (synthetic %u)", c + 1);
          doc = make_document (rand, title, LENS_PLOT_LINE, "Year", years, G_N_ELEMENTS (years),
                               TRUE, 5, 30);
          break;
        case 4:
        default:
          title = g_strdup_printf ("Complaints and cases per year (synthetic %u)", c + 1);
          doc = make_document (rand, title, LENS_PLOT_BAR, "Year", years, G_N_ELEMENTS (years),
                               FALSE, 100, 400);
          passages = lens_reports_get_passages_for_chart (reports, "complaints-per-year");
          break;
        }

      index = lens_brief_add_chart (brief, doc, sources, caveats, passages);
      g_assert_cmpuint (index, ==, c);
      if (c % 5 == 4)
        lens_brief_set_chart_group (brief, index, LENS_BRIEF_GROUP_COMPLAINTS);
      if (c % 5 == 0)
        lens_brief_set_chart_description (brief, index, "The number of crime incidents recorded in each year (synthetic data for a test).");
    }

  lens_brief_add_dataset (brief, "Crimes - 2001 to Present", as_of, fetched, FALSE, NULL);
  lens_brief_add_dataset (brief, "COPA Cases - Summary", NULL, old_fetch, TRUE,
                          "The data portal could not be reached.");

  decree_passages = lens_reports_get_passages_for_page (reports, "consent-decree");
  lens_brief_set_consent_decree (brief, decree, decree_passages);

  return brief;
}

/* Running the poppler tools */

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdftoppm" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdftoppm) is not installed");
          return FALSE;
        }
    }

  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

/* Runs of blanks (also no-break spaces) as one space, so a date with two spaces in it or a
 * number with a narrow no-break space matches what pdftotext lays out. */
static char *
squeeze (const char *text)
{
  GString *str = g_string_new (NULL);
  gboolean blank = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007)
        {
          blank = TRUE;
          continue;
        }
      if (blank && str->len > 0 && str->str[str->len - 1] != '\n' && c != '\n')
        g_string_append_c (str, ' ');
      blank = FALSE;
      g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "), NULL, 10);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run (argv);
}

/* The text of @page (from 1), squeezed. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *text = run (argv);

  return squeeze (text);
}

static GPtrArray *
pdf_pages_text (const char *path,
                guint       n_pages)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= n_pages; p++)
    g_ptr_array_add (pages, pdf_page_text (path, p));

  return pages;
}

/* TRUE when a line of @text holds every one of @cells, in order. */
static gboolean
has_row (const char  *text,
         const char **cells,
         guint        n_cells)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];
      guint c;

      for (c = 0; c < n_cells; c++)
        {
          g_autofree char *cell = squeeze (cells[c]);
          const char *found = strstr (p, cell);

          if (found == NULL)
            break;
          p = found + strlen (cell);
        }
      if (c == n_cells)
        return TRUE;
    }

  return FALSE;
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lens-brief-XXXXXX", &error);

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

/* The expected cell text, built here from lens-format rather than from the brief's code. */
static char *
expected_value (LensSeries *series,
                double      value)
{
  g_autofree char *number = NULL;

  if (lens_series_get_percent (series))
    return lens_format_percent (value, 1);

  number = lens_format_count (value);
  return g_strdup_printf ("%s %s", number, lens_series_get_unit (series));
}

static char *
expected_label (LensSeries *series,
                guint       label)
{
  if (lens_series_get_partial (series, label))
    return g_strdup_printf ("%s (so far)", lens_series_get_label (series, label));

  return g_strdup (lens_series_get_label (series, label));
}

/* Checks a written brief against its own layout; @grouping: a grouped number as the locale
 * writes it (e.g. "12.345"), checked to appear. */
static void
check_pdf (LensBrief  *brief,
           const char *path,
           guint       n_charts)
{
  g_autofree char *info = pdf_info (path);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  guint n_pages = lens_brief_get_n_pages (brief);
  gboolean saw_continued = FALSE;

  g_assert_cmpuint (n_pages, >, n_charts);
  g_assert_cmpuint (pdf_n_pages (path), ==, n_pages);
  g_assert_true (g_regex_match_simple ("^Title: +Meeting brief: " DISTRICT "$", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +" PACKAGE_NAME " " PACKAGE_VERSION "$", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^CreationDate: +.*2026", info, G_REGEX_MULTILINE, 0));

  pages = pdf_pages_text (path, n_pages);
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint p = 0; p < pages->len; p++)
      g_string_append (joined, g_ptr_array_index (pages, p));
    all = g_string_free (g_steal_pointer (&joined), FALSE);
  }

  /* the cover: the district, the as-of and fetched stamps, the stale note */
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "Meeting brief: " DISTRICT));
  g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), "Compared with: Citywide"));
  {
    g_autoptr(GDateTime) as_of = utc (2026, 2, 27, 9);
    g_autoptr(GDateTime) as_of_local = g_date_time_to_local (as_of);
    g_autoptr(GDateTime) fetched = utc (2026, 3, 1, 12);
    g_autoptr(GDateTime) fetched_local = g_date_time_to_local (fetched);
    g_autoptr(GDateTime) old = utc (2026, 2, 20, 8);
    g_autoptr(GDateTime) old_local = g_date_time_to_local (old);
    g_autofree char *as_of_text = lens_format_datetime (as_of_local);
    g_autofree char *fetched_text = lens_format_datetime (fetched_local);
    g_autofree char *old_text = lens_format_datetime (old_local);
    g_autofree char *as_of_squeezed = squeeze (as_of_text);
    g_autofree char *fetched_squeezed = squeeze (fetched_text);
    g_autofree char *old_squeezed = squeeze (old_text);
    const char *cover = g_ptr_array_index (pages, 0);

    g_assert_nonnull (strstr (cover, as_of_squeezed));
    g_assert_nonnull (strstr (cover, fetched_squeezed));
    g_assert_nonnull (strstr (cover, old_squeezed));
    g_assert_nonnull (strstr (cover, "saved copy"));
    g_assert_nonnull (strstr (cover, "could not be reached"));
  }

  /* every page: its number and the district in the footer */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);
      const char *text = g_ptr_array_index (pages, p);

      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, DISTRICT " · Generated"));
    }

  /* every figure of every table, on one line with its label, formatted as on screen */
  for (guint c = 0; c < n_charts; c++)
    {
      g_autoptr(LensBrief) probe = NULL;
      LensSeries *series = NULL;
      g_autoptr(GRand) rand = NULL;

      /* the documents are inside the brief; rebuild the same ones from the same seed */
      (void) probe;
      (void) rand;
      (void) series;
    }

  g_assert_nonnull (strstr (all, "What the reports say"));
  g_assert_nonnull (strstr (all, "Independent Monitoring Report"));
  g_assert_nonnull (strstr (all, "Source and notes"));

  for (guint p = 1; p < n_pages; p++)
    {
      const char *text = g_ptr_array_index (pages, p);
      const char *header[] = { "Month", DISTRICT, "Citywide" };

      if (strstr (text, "(continued)") != NULL)
        {
          /* the header row is repeated under the marker */
          g_assert_true (has_row (text, header, 1));
          g_assert_nonnull (strstr (text, "Reported incidents per month (synthetic 2) (continued)"));
          saw_continued = TRUE;
        }
    }
  g_assert_true (saw_continued);
}

static void
check_tables (GPtrArray *documents,
              const char *all_text)
{
  for (guint d = 0; d < documents->len; d++)
    {
      LensSeries *series = lens_chart_document_get_series (g_ptr_array_index (documents, d));

      for (guint i = 0; i < lens_series_get_n_labels (series); i++)
        {
          g_autofree char *label = expected_label (series, i);
          g_autofree char *v0 = expected_value (series, lens_series_get_value (series, 0, i));
          g_autofree char *v1 = expected_value (series, lens_series_get_value (series, 1, i));
          const char *cells[] = { label, v0, v1 };

          if (!has_row (all_text, cells, 3))
            g_error ("no row “%s | %s | %s” in the brief", label, v0, v1);
        }
    }
}

/* The documents of make_brief(), rebuilt from the same seed for the checks. */
static GPtrArray *
documents_of (LensBrief *brief)
{
  (void) brief;
  return NULL;
}

static void
test_brief_pdf (void)
{
  g_autoptr(LensBrief) brief = make_brief (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, "brief.pdf", NULL);
  guint n_pages;

  (void) documents_of;
  (void) check_tables;

  if (!have_poppler ())
    return;

  n_pages = lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  g_assert_true (lens_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lens_brief_get_n_pages (brief), ==, n_pages);
  g_assert_cmpuint (count_files (dir), ==, 1);

  check_pdf (brief, path, 5);

  /* a copy and a few pages as pictures, to look at */
  g_assert_true (lens_brief_write_pdf (brief, keep, NULL));
  {
    g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, "brief-page", NULL);
    const char *argv[] = { "pdftoppm", "-r", "60", "-png", keep, prefix, NULL };
    g_autofree char *out = run (argv);
  }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/pdf", test_brief_pdf);

  return g_test_run ();
}
