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
#include "lens-pdf-text.h"
#include "lens-test-util.h"

#define DISTRICT "District 5 – Calumet"

/* The brief's own words, as the current translation (if any is installed) has them. */
#define tr(msgid) g_dgettext (GETTEXT_PACKAGE, msgid)

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
  if (kind != LENS_PLOT_HORIZONTAL_BAR)
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
make_brief (guint       n_charts,
            GPtrArray **documents)
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
  if (documents != NULL)
    *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_chart_document_unref);
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
      if (documents != NULL)
        g_ptr_array_add (*documents, lens_chart_document_ref (doc));
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
static void check_tables (GPtrArray  *documents,
                          const char *all_text);

static void
check_pdf (LensBrief  *brief,
           const char *path,
           GPtrArray  *documents)
{
  guint n_charts = documents->len;
  g_autofree char *info = lens_pdf_info (path);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *all = NULL;
  guint n_pages = lens_brief_get_n_pages (brief);
  gboolean saw_continued = FALSE;

  g_assert_cmpuint (n_pages, >, n_charts);
  g_assert_cmpuint (lens_pdf_n_pages (path), ==, n_pages);
  g_assert_true (g_regex_match_simple ("^Title: +Meeting brief: " DISTRICT "$", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +" PACKAGE_NAME " " PACKAGE_VERSION "$", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^CreationDate: +.*2026", info, G_REGEX_MULTILINE, 0));

  pages = lens_pdf_pages_text (path, n_pages);
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint p = 0; p < pages->len; p++)
      g_string_append (joined, g_ptr_array_index (pages, p));
    all = g_string_free (g_steal_pointer (&joined), FALSE);
  }

  /* the cover: the district, the as-of and fetched stamps, the stale note */
  {
    g_autofree char *title = g_strdup_printf (tr ("Meeting brief: %s"), DISTRICT);
    g_autofree char *compared = g_strdup_printf (tr ("Compared with: %s"), "Citywide");

    g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), title));
    g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), compared));
  }
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
    g_autofree char *as_of_squeezed = lens_pdf_squeeze (as_of_text);
    g_autofree char *fetched_squeezed = lens_pdf_squeeze (fetched_text);
    g_autofree char *old_squeezed = lens_pdf_squeeze (old_text);
    const char *cover = g_ptr_array_index (pages, 0);

    g_assert_nonnull (strstr (cover, as_of_squeezed));
    g_assert_nonnull (strstr (cover, fetched_squeezed));
    g_assert_nonnull (strstr (cover, old_squeezed));
    g_assert_nonnull (strstr (cover, tr ("These numbers come from a saved copy and may be out of date.")));
    g_assert_nonnull (strstr (cover, "could not be reached"));
  }

  /* every page: its number and the district in the footer */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf (tr ("Page %u of %u"), p + 1, n_pages);
      g_autofree char *footer = g_strdup_printf (tr ("%s · Generated %s"), DISTRICT, "");
      const char *text = g_ptr_array_index (pages, p);

      g_assert_nonnull (strstr (text, number));
      g_strchomp (footer);
      g_assert_nonnull (strstr (text, footer));
    }

  /* every figure of every table, on one line with its label, formatted as on screen */
  check_tables (documents, all);

  g_assert_nonnull (strstr (all, tr ("What the reports say")));
  g_assert_nonnull (strstr (all, tr ("Source and notes")));
  g_assert_nonnull (strstr (all, tr ("The numbers")));
  g_assert_nonnull (strstr (all, tr ("Compliance in each monitoring report")));
  g_assert_nonnull (strstr (all, tr ("Level of compliance")));

  for (guint p = 1; p < n_pages; p++)
    {
      const char *text = g_ptr_array_index (pages, p);
      const char *header[] = { "Month", DISTRICT, "Citywide" };

      g_autofree char *continued = g_strdup_printf (tr ("%s (continued)"),
                                                    "Reported incidents per month (synthetic 2)");

      if (strstr (text, continued) != NULL)
        {
          /* the header row is repeated under the marker */
          g_assert_true (lens_pdf_has_row (text, header, G_N_ELEMENTS (header)));
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

          if (!lens_pdf_has_row (all_text, cells, 3))
            g_error ("no row “%s | %s | %s” in the brief", label, v0, v1);
        }
    }
}


static void
write_and_check (const char *keep_name,
                 gboolean    pictures)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(LensBrief) brief = make_brief (5, &documents);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, keep_name, NULL);
  guint n_pages;

  n_pages = lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  g_assert_true (lens_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lens_brief_get_n_pages (brief), ==, n_pages);
  g_assert_cmpuint (lens_test_count_files (dir, NULL), ==, 1);

  check_pdf (brief, path, documents);

  /* a copy, and pictures of the pages to look at */
  g_assert_true (lens_brief_write_pdf (brief, keep, NULL));
  if (pictures)
    {
      g_autofree char *prefix = g_test_build_filename (G_TEST_BUILT, "brief-page", NULL);
      const char *argv[] = { "pdftoppm", "-r", "60", "-png", keep, prefix, NULL };
      g_autofree char *out = lens_pdf_run (argv);
    }

  lens_test_remove_tree (dir);
}

static void
test_brief_pdf (void)
{
  if (!lens_pdf_have_poppler ())
    return;

  /* grouped numbers where the locale has them: "10,919 incidents" */
  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_test_message ("en_US.UTF-8 is not installed: checking the brief in %s", setlocale (LC_ALL, NULL));

  write_and_check ("brief.pdf", TRUE);

  setlocale (LC_ALL, "");
}

static void
test_brief_spanish (void)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(LensBrief) brief = NULL;
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "informe.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  if (!lens_pdf_have_poppler ())
    return;

  if (!lens_test_require_locale ("es_ES.UTF-8"))
    return;
  g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));
  g_setenv ("LANGUAGE", "es", TRUE);

  /* the strings stay English until a translation exists; the numbers are Spanish */
  write_and_check ("brief-es.pdf", FALSE);

  brief = make_brief (5, &documents);
  n_pages = lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  g_assert_true (lens_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lens_pdf_n_pages (path), ==, n_pages);

  {
    g_autoptr(GPtrArray) pages = lens_pdf_pages_text (path, n_pages);
    g_autoptr(GString) all = g_string_new (NULL);
    LensSeries *series = lens_chart_document_get_series (g_ptr_array_index (documents, 0));
    char grouped[32];
    double value = lens_series_get_value (series, 0, 0);

    for (guint p = 0; p < pages->len; p++)
      g_string_append (all, g_ptr_array_index (pages, p));
    text = g_string_free (g_steal_pointer (&all), FALSE);

    /* "10.919 incidents": a dot groups the thousands, written out here by hand */
    g_assert_cmpfloat (value, >=, 1000);
    g_assert_cmpfloat (value, <, 1000000);
    g_snprintf (grouped, sizeof grouped, "%u.%03u incidents", (guint) value / 1000, (guint) value % 1000);
    g_assert_nonnull (strstr (text, grouped));
    g_snprintf (grouped, sizeof grouped, "%u,%03u incidents", (guint) value / 1000, (guint) value % 1000);
    g_assert_null (strstr (text, grouped));

    /* percentages in the Spanish form, "12,3 %" */
    {
      LensSeries *share = lens_chart_document_get_series (g_ptr_array_index (documents, 3));
      g_autofree char *percent = lens_format_percent (lens_series_get_value (share, 0, 0), 1);
      g_autofree char *squeezed = lens_pdf_squeeze (percent);

      g_assert_nonnull (strchr (percent, ','));
      g_assert_nonnull (strstr (text, squeezed));
    }
  }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  lens_test_remove_tree (dir);
}

static void
test_brief_errors (void)
{
  g_autoptr(LensBrief) brief = make_brief (2, NULL);
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "brief.pdf", NULL);
  g_autofree char *readonly = g_build_filename (dir, "readonly", NULL);
  g_autofree char *probe = g_build_filename (readonly, "probe", NULL);
  gboolean can_write_anyway;

  /* a directory that does not exist */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lens_brief_write_pdf (brief, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "brief.pdf"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* a read-only directory: fails and leaves nothing behind (root can write anyway) */
  g_assert_cmpint (g_mkdir (readonly, 0555), ==, 0);
  can_write_anyway = g_file_set_contents (probe, "x", 1, NULL);
  g_unlink (probe);
  if (!can_write_anyway)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (readonly, "brief.pdf", NULL);

      g_assert_false (lens_brief_write_pdf (brief, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "brief.pdf"));
      g_assert_cmpuint (lens_test_count_files (readonly, NULL), ==, 0);
    }
  else
    g_test_message ("running as a user who can write to read-only directories: skipped that part");
  g_chmod (readonly, 0755);
  g_rmdir (readonly);

  /* the path is a directory: it stays as it was */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *as_dir = g_build_filename (dir, "taken.pdf", NULL);
    guint before;

    g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
    before = lens_test_count_files (dir, NULL);
    g_assert_false (lens_brief_write_pdf (brief, as_dir, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    g_assert_nonnull (strstr (error->message, "taken.pdf"));
    g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));
    g_assert_cmpuint (lens_test_count_files (dir, NULL), ==, before);
    g_rmdir (as_dir);
  }

  /* a full disk, for any user: a file size limit makes the write fail part way */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "full.pdf", NULL);
    struct rlimit saved, limit;
    gboolean ok;

    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    limit = saved;
    limit.rlim_cur = 4096;
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    ok = lens_brief_write_pdf (brief, path, &error);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

    g_assert_false (ok);
    g_assert_nonnull (error);
    g_assert_true (error->domain == G_IO_ERROR);
    g_assert_nonnull (strstr (error->message, "full.pdf"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (lens_test_count_files (dir, NULL), ==, 0);
  }

  /* an existing brief is replaced whole */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "old.pdf", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (path, "old", -1, NULL));
    g_assert_true (lens_brief_write_pdf (brief, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_cmpuint (lens_test_count_files (dir, NULL), ==, 1);
  }

  lens_test_remove_tree (dir);
}

static void
assert_refused (LensBrief  *brief,
                const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);

  g_assert_false (lens_brief_check (brief, &check_error));
  g_assert_error (check_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (check_error->message, "There is no data for this brief"));

  g_assert_false (lens_brief_write_pdf (brief, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "empty.pdf"));
  g_assert_nonnull (strstr (error->message, "There is no data for this brief"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lens_test_count_files (dir, NULL), ==, 0);
}

static void
test_brief_no_data (void)
{
  g_autofree char *dir = lens_test_make_dir ();
  g_autoptr(GError) error = NULL;

  /* nothing at all, not even with the consent decree */
  {
    g_autoptr(LensBrief) brief = lens_brief_new ();
    g_autoptr(LensConsentDecree) decree = lens_consent_decree_new_from_resource (&error);

    g_assert_no_error (error);
    lens_brief_set_district_label (brief, DISTRICT);
    assert_refused (brief, dir);
    lens_brief_set_consent_decree (brief, decree, NULL);
    assert_refused (brief, dir);
    /* it still lays out, for a preview */
    g_assert_cmpuint (lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT), >=, 1);
  }

  /* charts whose series have no number */
  {
    g_autoptr(LensBrief) brief = lens_brief_new ();
    g_autoptr(LensSeries) empty = lens_series_new ();
    g_autoptr(LensSeries) gaps = lens_series_new ();
    g_autoptr(LensChartDocument) empty_doc = lens_chart_document_new (empty, LENS_PLOT_BAR);
    g_autoptr(LensChartDocument) gaps_doc = NULL;

    lens_series_add_vector (gaps, "District 5 (synthetic)");
    lens_series_add_label (gaps, "2024");
    lens_series_add_label (gaps, "2025");
    gaps_doc = lens_chart_document_new (gaps, LENS_PLOT_LINE);
    lens_brief_add_chart (brief, empty_doc, NULL, NULL, NULL);
    lens_brief_add_chart (brief, gaps_doc, NULL, NULL, NULL);
    assert_refused (brief, dir);
  }

  /* charts with numbers, none of them included */
  {
    g_autoptr(LensBrief) brief = make_brief (3, NULL);

    g_assert_true (lens_brief_check (brief, NULL));
    for (guint i = 0; i < lens_brief_get_n_charts (brief); i++)
      lens_brief_set_chart_included (brief, i, FALSE);
    assert_refused (brief, dir);

    lens_brief_set_chart_included (brief, 1, TRUE);
    g_assert_true (lens_brief_check (brief, NULL));
    lens_brief_set_parts (brief, LENS_BRIEF_PARTS_ALL & ~LENS_BRIEF_PART_CRIME);
    assert_refused (brief, dir);
  }

  lens_test_remove_tree (dir);
}

/* The print path: page after page on any cairo context, at another page size. */
static void
test_brief_pages (void)
{
  g_autoptr(LensBrief) brief = make_brief (5, NULL);
  g_autoptr(GDateTime) generated = NULL;
  guint letter, a4, again, without;
  cairo_surface_t *surface;
  cairo_t *cr;

  letter = lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  again = lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT);
  g_assert_cmpuint (letter, ==, again);
  g_assert_cmpuint (letter, >=, 7);

  /* A4, as a print dialog might ask for */
  a4 = lens_brief_paginate (brief, 595.0, 842.0);
  g_assert_cmpuint (a4, >=, 7);
  g_assert_cmpuint (lens_brief_get_n_pages (brief), ==, a4);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  for (guint p = 0; p < a4; p++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      lens_brief_draw_page (brief, cr, p);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  {
    g_autofree char *keep = g_test_build_filename (G_TEST_BUILT, "brief-a4-last.png", NULL);
    g_assert_cmpint (cairo_surface_write_to_png (surface, keep), ==, CAIRO_STATUS_SUCCESS);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* a change lays the brief out again at the same size when a page is drawn */
  lens_brief_set_parts (brief, LENS_BRIEF_PARTS_ALL & ~LENS_BRIEF_PART_CONSENT_DECREE);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  lens_brief_draw_page (brief, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  without = lens_brief_get_n_pages (brief);
  g_assert_cmpuint (without, <, a4);

  /* properties */
  generated = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_object_set (brief,
                "district-label", "District 7 – Chicago Lawn",
                "comparison-label", NULL,
                "generated-at", generated,
                "parts", LENS_BRIEF_PART_CRIME,
                NULL);
  g_assert_cmpstr (lens_brief_get_district_label (brief), ==, "District 7 – Chicago Lawn");
  g_assert_null (lens_brief_get_comparison_label (brief));
  g_assert_true (g_date_time_equal (lens_brief_get_generated_at (brief), generated));
  g_assert_cmpint (lens_brief_get_parts (brief), ==, LENS_BRIEF_PART_CRIME);
  /* no cover: the first page is the first chart */
  g_assert_cmpuint (lens_brief_paginate (brief, LENS_BRIEF_PAGE_WIDTH, LENS_BRIEF_PAGE_HEIGHT), <, without);
}

/* Shared with the screen: the cells of the chart view's table. */
static void
test_brief_format (void)
{
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(LensSeries) share = lens_series_new ();
  char *text;

  lens_series_add_vector (series, "Count");
  lens_series_add_label (series, "2025");
  lens_series_set_partial (series, 0, TRUE);
  lens_series_set_unit (series, "incidents");
  lens_series_set_percent (share, TRUE);

  text = lens_brief_format_value (series, 262914);
  g_assert_cmpstr (text, ==, "262914 incidents");  /* C.UTF-8: no grouping */
  g_free (text);
  text = lens_brief_format_value (series, 2.5);
  g_assert_cmpstr (text, ==, "2.5 incidents");
  g_free (text);
  text = lens_brief_format_value (series, NAN);
  g_assert_cmpstr (text, ==, "no data");
  g_free (text);
  text = lens_brief_format_value (share, 12.34);
  g_assert_cmpstr (text, ==, "12.3%");
  g_free (text);
  text = lens_brief_format_label (series, 0);
  g_assert_cmpstr (text, ==, "2025 (so far)");
  g_free (text);
}

/* The convenience builder for a loaded chart: document, sources, caveats, group, note. */
static void
test_brief_chart_data (void)
{
  LensCatalog *catalog = lens_catalog_get_default ();
  LensChartSpec *months = lens_catalog_lookup_chart (catalog, LENS_CHART_CRIME_INCIDENTS_PER_MONTH);
  LensChartSpec *status = lens_catalog_lookup_chart (catalog, LENS_CHART_COMPLAINTS_STATUS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(LensSeries) series = lens_series_new ();
  g_autoptr(LensSeries) cases = lens_series_new ();
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 2, 1, 8, 0, 0);
  g_autoptr(GDateTime) as_of = g_date_time_new_utc (2026, 1, 30, 6, 0, 0);
  g_autoptr(LensDataCoverage) coverage = NULL;
  g_autoptr(LensChartData) month_data = NULL;
  g_autoptr(LensChartData) status_data = NULL;
  g_autoptr(LensBrief) brief = lens_brief_new ();
  g_autoptr(GError) warning = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                                                   "The data portal could not be reached (synthetic).");
  g_autofree char *dir = lens_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *statuses[] = { "Closed", "Open - Investigation", "Pending review" };
  GDate today;

  g_assert_nonnull (months);
  g_assert_nonnull (status);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_FEBRUARY, 2026);
  filters = lens_filters_new_for_date (&today);
  lens_filters_set_district (filters, 5);
  lens_filters_set_compare (filters, LENS_COMPARE_CITYWIDE, 0);

  lens_series_add_vector (series, DISTRICT " (synthetic)");
  lens_series_add_vector (series, "Citywide (synthetic)");
  lens_series_set_unit (series, "incidents");
  for (guint i = 0; i < 61; i++)
    {
      g_autofree char *label = lens_format_month (2021 + i / 12, 1 + i % 12);

      lens_series_add_label (series, label);
      lens_series_set_value (series, 0, i, round (g_rand_double_range (rand, 500, 1500)));
      lens_series_set_value (series, 1, i, round (g_rand_double_range (rand, 15000, 25000)));
    }
  lens_series_set_partial (series, 60, TRUE);
  /* The brief's dates run to 1 Feb 2026, the data only to 20 Dec 2025 */
  {
    GDate last_day;

    g_date_clear (&last_day, 1);
    g_date_set_dmy (&last_day, 20, G_DATE_DECEMBER, 2025);
    coverage = lens_data_coverage_new (months->dataset_id, &today, NULL, &last_day);
  }
  month_data = lens_chart_data_new (months, filters, series, NULL, fetched, as_of, TRUE, TRUE, warning, coverage);

  lens_series_add_vector (cases, "Citywide (synthetic)");
  lens_series_set_unit (cases, "cases");
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      lens_series_add_label (cases, statuses[i]);
      lens_series_set_value (cases, 0, i, round (g_rand_double_range (rand, 100, 3000)));
    }
  status_data = lens_chart_data_new (status, filters, cases, NULL, fetched, NULL, FALSE, FALSE, NULL, NULL);

  lens_brief_set_filters (brief, filters);
  g_assert_cmpstr (lens_brief_get_district_label (brief), ==, DISTRICT);
  /* A citywide comparison is shown as shares unless another way was chosen */
  g_assert_cmpstr (lens_brief_get_comparison_label (brief), ==, "Citywide, shown as share of the city’s total");
  g_assert_nonnull (lens_brief_get_range_label (brief));

  /* complaints first: the brief still prints crime before complaints */
  g_assert_cmpuint (lens_brief_add_chart_data (brief, status_data, NULL), ==, 0);
  g_assert_cmpuint (lens_brief_add_chart_data (brief, month_data, NULL), ==, 1);
  g_assert_cmpuint (lens_brief_get_n_charts (brief), ==, 2);

  g_assert_true (lens_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);

  if (lens_pdf_have_poppler ())
    {
      guint n_pages = lens_brief_get_n_pages (brief);
      g_autoptr(GPtrArray) pages = lens_pdf_pages_text (path, n_pages);
      g_autoptr(GString) joined = g_string_new (NULL);
      const char *cover = g_ptr_array_index (pages, 0);
      const char *crime_title = NULL;
      const char *complaints_title = NULL;

      g_assert_cmpuint (lens_pdf_n_pages (path), ==, n_pages);
      for (guint p = 0; p < pages->len; p++)
        g_string_append (joined, g_ptr_array_index (pages, p));

      /* the cover names both datasets, and the stale one says why */
      g_assert_nonnull (strstr (cover, "Crimes - 2001 to Present"));
      /* and where the numbers end, before the brief's dates do */
      g_assert_nonnull (strstr (cover, "The numbers end on 20 Dec 2025"));
      g_assert_nonnull (strstr (joined->str, "1 Jan 2021 – 20 Dec 2025"));
      g_assert_nonnull (strstr (cover, "COPA Cases - Summary"));
      g_assert_nonnull (strstr (cover, "could not be reached (synthetic)"));

      /* the spec's text, the source line, the caveats, the note beside the chart */
      g_assert_nonnull (strstr (joined->str, months->title));
      g_assert_nonnull (strstr (joined->str, "Source: City of Chicago Data Portal, Crimes - 2001 to Present (ijzp-q8t2)"));
      g_assert_nonnull (strstr (joined->str, "These numbers come from a saved copy fetched"));
      for (guint i = 0; months->caveat_texts[i] != NULL; i++)
        {
          g_autofree char *start = g_strndup (months->caveat_texts[i], 40);
          g_autofree char *squeezed = lens_pdf_squeeze (start);

          g_assert_nonnull (strstr (joined->str, squeezed));
        }

      /* the groups in order: crime, then complaints */
      crime_title = strstr (joined->str, months->title);
      complaints_title = strstr (joined->str, status->title);
      g_assert_nonnull (complaints_title);
      g_assert_true (crime_title < strstr (complaints_title, status->title));
      g_assert_nonnull (strstr (joined->str, "Complaints"));
    }

  lens_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/brief/format", test_brief_format);
  g_test_add_func ("/brief/pdf", test_brief_pdf);
  g_test_add_func ("/brief/spanish", test_brief_spanish);
  g_test_add_func ("/brief/errors", test_brief_errors);
  g_test_add_func ("/brief/no-data", test_brief_no_data);
  g_test_add_func ("/brief/pages", test_brief_pages);
  g_test_add_func ("/brief/chart-data", test_brief_chart_data);

  return g_test_run ();
}
