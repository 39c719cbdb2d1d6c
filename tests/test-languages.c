/* test-languages.c: the window in each shipped language, and the language setting
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each language in po/LINGUAS (and Arabic, for the right-to-left layout, even before its
 * translation lands), a subprocess starts with LANGUAGE and LC_ALL set as a person's session
 * would, runs the app's start-up (lens_language_init(), reading the translations from the build
 * tree through $REFORM_LENS_LOCALEDIR) and builds the window against the fake portal. It checks
 * that the sidebar's page titles and a chart title are the catalogue's translations, that
 * the window's direction follows the language, writes
 * $G_TEST_BUILDDIR/screenshots/wide-light-crime-<lang>.png for a person to look at, and that
 * the chart's table in the window and the brief made from the same chart show the same text
 * (English too; not Arabic, which pdftotext cannot read back).
 */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "lens-application.h"
#include "lens-brief.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-language.h"
#include "lens-pdf-text.h"
#include "lens-preferences-window.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* Strings that every language must translate: the first chart of the Crime page. */
#define CHART_ID    "crime-incidents-per-year"
#define CHART_TITLE "Reported incidents per year"

static char **linguas;
static char *test_program;

static gboolean
in_linguas (const char *code)
{
  return linguas != NULL && g_strv_contains ((const char * const *) linguas, code);
}

/* TRUE when one of @labels shows @text. */
static gboolean
label_in_array (GPtrArray  *labels,
                const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* The page titles the sidebar must show, in English. */
static const char *page_titles[] = { "Overview", "Crime" };

static void
check_sidebar (LensWindow *window,
               const char *code)
{
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  LENS_TYPE_WINDOW,
                                                                  "sidebar_list"));
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_nonnull (sidebar);
  labels = lens_test_find_all (sidebar, GTK_TYPE_LABEL);

  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, page_titles[i]);

      /* The sidebar shows what the catalogue has: a translation, once it has one. */
      if (!label_in_array (labels, translated))
        g_error ("%s: the sidebar does not show “%s” for “%s”", code, translated, page_titles[i]);
      /* A listed language is complete (translations-complete checks it), so this is shown in
       * the language, not in English. */
      if (in_linguas (code))
        g_assert_cmpstr (translated, !=, page_titles[i]);
    }
}

static void
check_chart_title (LensWindow *window,
                   const char *code)
{
  GtkWidget *page = lens_window_get_page_widget (window, "crime");
  GPtrArray *charts;
  const char *expected = g_dpgettext2 (GETTEXT_PACKAGE, "chart title", CHART_TITLE);
  gboolean found = FALSE;

  g_assert_true (LENS_IS_DASHBOARD_PAGE (page));
  charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));

  /* Every listed language must have translated this one. */
  if (in_linguas (code))
    g_assert_cmpstr (expected, !=, CHART_TITLE);

  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (charts, i);
      GtkLabel *label;

      if (!g_str_equal (lens_chart_view_get_entry (LENS_CHART_VIEW (view))->id, CHART_ID))
        continue;

      label = GTK_LABEL (gtk_widget_get_template_child (view, LENS_TYPE_CHART_VIEW, "title_label"));
      g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
      found = TRUE;
    }

  g_assert_true (found);
}

/* Where the sidebar is, left or right of the pages. */
static void
check_mirroring (LensWindow *window,
                 gboolean    rtl)
{
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  LENS_TYPE_WINDOW,
                                                                  "sidebar_list"));
  GtkWidget *pages = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                LENS_TYPE_WINDOW,
                                                                "page_stack"));
  graphene_rect_t sidebar_bounds, page_bounds;

  g_assert_true (gtk_widget_compute_bounds (sidebar, GTK_WIDGET (window), &sidebar_bounds));
  g_assert_true (gtk_widget_compute_bounds (pages, GTK_WIDGET (window), &page_bounds));

  if (rtl)
    g_assert_cmpfloat (sidebar_bounds.origin.x, >, page_bounds.origin.x);
  else
    g_assert_cmpfloat (sidebar_bounds.origin.x, <, page_bounds.origin.x);
}

/* The table of a chart as the window shows it */

typedef struct
{
  double      x, y;
  const char *text;
} Cell;

static void
collect_cells (GtkWidget *widget,
               GtkWidget *column_view,
               GArray    *cells)
{
  /* the header row is read from the columns' titles */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle"))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      graphene_rect_t bounds;
      Cell cell;

      g_assert_true (gtk_widget_compute_bounds (widget, column_view, &bounds));
      cell.x = bounds.origin.x;
      cell.y = bounds.origin.y;
      cell.text = gtk_label_get_label (GTK_LABEL (widget));
      g_array_append_val (cells, cell);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, column_view, cells);
}

static gboolean column_rtl;

/* Rows top to bottom, the cells of a row in reading order. */
static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *p = a, *q = b;

  if (fabs (p->y - q->y) > 2.0)
    return p->y < q->y ? -1 : 1;
  if (p->x == q->x)
    return 0;
  return (p->x < q->x) == !column_rtl ? -1 : 1;
}

/* The header and the rows of @view's table: GStrv each, header first. */
static GPtrArray *
window_table (LensChartView *view)
{
  GtkWidget *column_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                      LENS_TYPE_CHART_VIEW,
                                                                      "column_view"));
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  guint n_columns = g_list_model_get_n_items (columns);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrvBuilder *header = g_strv_builder_new ();

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      g_strv_builder_add (header, gtk_column_view_column_get_title (column));
    }
  g_ptr_array_add (rows, g_strv_builder_end (header));
  g_strv_builder_unref (header);

  column_rtl = gtk_widget_get_direction (column_view) == GTK_TEXT_DIR_RTL;
  collect_cells (column_view, column_view, cells);
  g_array_sort (cells, compare_cells);
  g_assert_cmpuint (cells->len % n_columns, ==, 0);

  for (guint i = 0; i < cells->len; i += n_columns)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        row[c] = g_strdup (g_array_index (cells, Cell, i + c).text);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static gboolean
table_shown (gpointer data)
{
  LensChartView *view = data;
  LensSeries *series = lens_chart_data_get_series (lens_chart_view_get_data (view));
  g_autoptr(GPtrArray) rows = window_table (view);

  return rows->len == lens_series_get_n_labels (series) + 1;
}

/* TRUE when a line of @text is the cells of @row and nothing else. */
static gboolean
has_line (const char  *text,
          char       **row)
{
  g_autofree char *joined = g_strjoinv (" ", row);
  g_autofree char *wanted = lens_pdf_squeeze (joined);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    if (g_str_equal (g_strstrip (lines[l]), wanted))
      return TRUE;

  return FALSE;
}

/* @string without spaces */
static char *
strip_spaces (const char *string)
{
  GString *out = g_string_new (NULL);

  for (const char *p = string; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* TRUE when each cell of the header @row is in @text in at most four pieces: a long heading
 * (a district's share of the city, its counts) wraps over lines the columns share, so that
 * pdftotext interleaves them, and Chinese wraps between any two characters. Spaces are
 * left out: a line may end where the heading had one. */
static gboolean
has_header_pieces (const char  *text,
                   char       **row)
{
  g_autofree char *haystack = strip_spaces (text);

  for (guint c = 0; row[c] != NULL; c++)
    {
      g_autofree char *squeezed = lens_pdf_squeeze (row[c]);
      g_autofree char *cell = strip_spaces (squeezed);
      const char *p = cell;
      guint pieces = 0;

      while (*p != '\0')
        {
          const char *longest = NULL;

          /* the longest piece from @p that the brief has */
          for (const char *end = g_utf8_next_char (p); ; end = g_utf8_next_char (end))
            {
              g_autofree char *piece = g_strndup (p, end - p);

              if (strstr (haystack, piece) == NULL)
                break;
              longest = end;
              if (*end == '\0')
                break;
            }
          if (longest == NULL || ++pieces > 4)
            return FALSE;
          p = longest;
        }
    }

  return TRUE;
}

/* The same chart says the same thing in the window's table and in the brief: every row of
 * the table, the header too, is a row of the brief's table. */
static void
check_table_matches_brief (LensWindow         *window,
                           const LensLanguage *language)
{
  GtkWidget *page = lens_window_get_page_widget (window, "crime");
  GPtrArray *charts = lens_dashboard_page_get_charts (LENS_DASHBOARD_PAGE (page));
  LensChartView *view = NULL;
  g_autoptr(LensBrief) brief = lens_brief_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-layout", NULL, "-", NULL };

  if (!lens_pdf_have_poppler ())
    return;
  /* pdftotext reads Arabic back a letter at a time, out of order: nothing to compare with */
  if (language->rtl)
    {
      g_test_message ("%s: pdftotext cannot read right-to-left text back; not compared", language->code);
      return;
    }

  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (lens_chart_view_get_entry (g_ptr_array_index (charts, i))->id, CHART_ID))
      view = g_ptr_array_index (charts, i);
  g_assert_nonnull (view);
  g_assert_cmpint (lens_chart_view_get_state (view), ==, LENS_CHART_STATE_CHART);

  g_object_set (view, "show-table", TRUE, NULL);
  g_assert_true (lens_test_wait_until (table_shown, view));
  rows = window_table (view);

  lens_brief_set_parts (brief, LENS_BRIEF_PART_CRIME);
  lens_brief_add_chart_data (brief, lens_chart_view_get_data (view), NULL);
  directory = g_dir_make_tmp ("reform-lens-same-words-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (directory, "brief.pdf", NULL);
  g_assert_true (lens_brief_write_pdf (brief, path, &error));
  g_assert_no_error (error);
  argv[2] = path;
  {
    g_autofree char *out = lens_pdf_run (argv);

    text = lens_pdf_squeeze (out);
  }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      /* a heading may wrap in the brief; a row of numbers is a line of its own */
      if (r == 0 ? !lens_pdf_has_row (text, (const char **) row, g_strv_length (row)) &&
                   !has_header_pieces (text, row)
                 : !has_line (text, row))
        {
          g_autofree char *joined = g_strjoinv (" | ", row);

          g_error ("%s: the window's table has “%s”, the brief does not:\n%s",
                   language->code, joined, text);
        }
    }
  g_test_message ("%s: the %u rows of the window's table are in the brief", language->code, rows->len);

  g_object_set (view, "show-table", FALSE, NULL);
  g_unlink (path);
  g_rmdir (directory);
}

/* The Crime page fits a phone in every language: each of its sections (the CompStat table, the
 * ranking, the map, the charts) shrinks to a 360 px window, and so does the window. */
static void
check_narrow (LensWindow *window)
{
  GtkWidget *page = lens_window_get_page_widget (window, "crime");
  int min_width = 0;
  int window_min_width = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 3));
  g_assert_true (lens_test_wait_settled (window));
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("The Crime page's minimum width: %d", min_width);
  g_assert_cmpint (min_width, <=, 360);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &window_min_width,
                      NULL, NULL, NULL);
  g_assert_cmpint (window_min_width, <=, 360);
}

/* Runs in the subprocess, with LANGUAGE and LC_ALL set by the parent. */
static void
run_window (const LensLanguage *language)
{
  LensTestWindow fixture = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  LensWindow *window;

  /* What main() does. */
  lens_language_init (NULL);
  gtk_disable_setlocale ();

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language->code);
  g_assert_true (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), language->locale) ||
                 g_str_has_prefix (setlocale (LC_MESSAGES, NULL), g_getenv ("LC_ALL")));

  lens_test_window_set_up (&fixture, "5", "citywide");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = lens_test_window_open (&fixture, "crime", 1400, 900);

  /* GTK takes the direction from the language, and nothing in the app forces it. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpint (lens_language_is_rtl (), ==, language->rtl);

  check_sidebar (window, language->code);
  check_chart_title (window, language->code);

  g_assert_true (lens_test_wait_settled (window));
  /* Laid out and drawn. */
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));

  check_mirroring (window, language->rtl);

  name = g_strdup_printf ("wide-light-crime-%s", language->code);
  path = lens_test_screenshot_path (name);
  texture = lens_test_save_window (GTK_WINDOW (window), path);

  check_table_matches_brief (window, language);
  check_narrow (window);

  lens_test_window_tear_down (&fixture);
}

/* The child: a test of its own, run by test_language() in a fresh process with the
 * language's environment from the start, as a session would start the app. */
static void
test_window_child (void)
{
  const LensLanguage *language = lens_language_lookup (g_getenv ("LENS_TEST_LANGUAGE"));

  g_assert_nonnull (language);
  run_window (language);
}

static void
test_language (gconstpointer data)
{
  const LensLanguage *language = lens_language_lookup (data);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { test_program, "-p", "/languages/window-child", NULL };

  g_assert_nonnull (language);

  if (!lens_test_require_locale (language->locale))
    return;

  /* As a session in that language would start the app. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "LENS_TEST_LANGUAGE", language->code, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language->code, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", language->locale, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", out);

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("The window in %s failed (see above)", language->code);
}

/* The Preferences setting, under a C session: the saved language wins, and the whole locale
 * follows it so that numbers do too. */
static void
test_setting (gconstpointer data)
{
  const LensLanguage *language = lens_language_lookup (data);

  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *saved = NULL;

      g_settings_set_string (settings, "language", language->code);
      saved = lens_language_get_saved ();
      g_assert_cmpstr (saved, ==, language->code);

      lens_language_init (NULL);
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language->code);
      g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, language->locale);
      g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, language->locale);
      g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "chart title", CHART_TITLE), !=,
                       CHART_TITLE);

      /* Back to the system language: nothing is forced. */
      g_settings_set_string (settings, "language", "");
      g_clear_pointer (&saved, g_free);
      saved = lens_language_get_saved ();
      g_assert_null (saved);
      return;
    }

  if (!lens_test_require_locale (language->locale))
    return;

  g_unsetenv ("LANGUAGE");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A session already in the language keeps its own locale (es_MX stays es_MX); one in another
 * language or in C moves to the language's. An unknown code changes nothing. */
static void
test_apply (void)
{
  static const char * const apply_locales[] = {
    "es_ES.UTF-8", "pl_PL.UTF-8", "en_US.UTF-8", "ar_EG.UTF-8",
  };

  if (g_test_subprocess ())
    {
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      g_unsetenv ("LANGUAGE");

      g_assert_false (lens_language_apply ("xx"));
      g_assert_null (g_getenv ("LANGUAGE"));
      g_assert_true (lens_language_apply (NULL));
      g_assert_true (lens_language_apply (""));
      g_assert_null (g_getenv ("LANGUAGE"));

      g_assert_true (lens_language_apply ("es"));
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "es");
      g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "es_ES.UTF-8");

      /* Another language: the locale moves. */
      g_assert_true (lens_language_apply ("pl"));
      g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "pl_PL.UTF-8");

      g_assert_true (lens_language_apply ("en"));
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
      g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "en_US.UTF-8");
      g_assert_false (lens_language_is_rtl ());
      /* Already English: stays en_US (it would stay en_GB too). */
      g_assert_true (lens_language_apply ("en"));
      g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "en_US.UTF-8");

      g_assert_true (lens_language_apply ("ar"));
      g_assert_true (lens_language_is_rtl ());
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (apply_locales); i++)
    if (!lens_test_require_locale (apply_locales[i]))
      return;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_available (void)
{
  static const char *codes[] = { "en", "es", "zh_CN", "pl", "ar", "hi" };
  g_autoptr(GSettingsSchema) schema = NULL;
  guint n;
  const LensLanguage *languages = lens_language_get_available (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (languages[i].code, ==, codes[i]);
      g_assert_true (lens_language_lookup (codes[i]) == &languages[i]);
      g_assert_true (g_utf8_validate (languages[i].native_name, -1, NULL));
      g_assert_true (g_str_has_suffix (languages[i].locale, ".UTF-8"));
    }
  g_assert_cmpstr (lens_language_lookup ("ar")->native_name, ==, "العربية");
  g_assert_true (lens_language_lookup ("ar")->rtl);
  g_assert_null (lens_language_lookup ("fr"));
  g_assert_null (lens_language_lookup (NULL));

  /* Whether numbers and dates can follow a language: its locale installed or not */
  {
    const LensLanguage missing = { "xx", "Xx", "xx_XX.UTF-8", FALSE };

    g_assert_false (lens_language_has_locale (&missing));
    if (lens_test_require_locale ("es_ES.UTF-8"))
      g_assert_true (lens_language_has_locale (lens_language_lookup ("es")));
  }

  /* Every language listed for translation is one the setting offers. */
  for (guint i = 0; linguas != NULL && linguas[i] != NULL; i++)
    g_assert_nonnull (lens_language_lookup (linguas[i]));

  /* The schema documents the same codes. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_assert_nonnull (schema);
  g_assert_true (g_settings_schema_has_key (schema, "language"));
}

static void
test_scan_argv (void)
{
  char *a[] = { "reform-lens", "--district=5", "--language=es", NULL };
  char *b[] = { "reform-lens", "--language", "zh_CN", NULL };
  char *c[] = { "reform-lens", "--", "--language=es", NULL };
  char *d[] = { "reform-lens", "--language", NULL };
  char *e[] = { "reform-lens", NULL };

  g_assert_cmpstr (lens_language_scan_argv (3, a), ==, "es");
  g_assert_cmpstr (lens_language_scan_argv (3, b), ==, "zh_CN");
  g_assert_null (lens_language_scan_argv (3, c));
  g_assert_null (lens_language_scan_argv (2, d));
  g_assert_null (lens_language_scan_argv (1, e));
}

/* The translations come from the build tree, where meson compiles them. */
static void
test_localedir (void)
{
  const char *dir = g_getenv ("REFORM_LENS_LOCALEDIR");

  g_assert_nonnull (dir);
  g_assert_cmpstr (lens_language_get_localedir (), ==, dir);
  for (guint i = 0; linguas != NULL && linguas[i] != NULL; i++)
    {
      g_autofree char *mo = g_build_filename (dir, linguas[i], "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        g_error ("%s was not built", mo);
    }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The Preferences row: "System", then each language in its own name, bound to the setting. */
static void
test_preferences_row (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LensApplication *app;
  LensPreferencesWindow *preferences;
  AdwComboRow *row;
  GListModel *model;
  guint n;
  const LensLanguage *languages = lens_language_get_available (&n);

  g_settings_set_string (settings, "language", "");

  app = lens_test_get_application ();
  preferences = lens_preferences_window_new (app);
  g_object_ref_sink (preferences);
  row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                      LENS_TYPE_PREFERENCES_WINDOW,
                                                      "language_row"));
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==,
                     languages[i].native_name);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* Choosing a language saves its code; choosing System saves "". */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *saved = NULL;

      adw_combo_row_set_selected (row, i + 1);
      saved = g_settings_get_string (settings, "language");
      g_assert_cmpstr (saved, ==, languages[i].code);
    }
  adw_combo_row_set_selected (row, 0);
  {
    g_autofree char *saved = g_settings_get_string (settings, "language");

    g_assert_cmpstr (saved, ==, "");
  }

  /* A saved language is shown selected when the window opens, and opening writes nothing. */
  g_settings_set_string (settings, "language", "ar");
  {
    LensPreferencesWindow *again;
    AdwComboRow *again_row;
    guint changes = 0;
    gulong id = g_signal_connect_swapped (settings, "changed::language",
                                          G_CALLBACK (count_cb), &changes);

    again = lens_preferences_window_new (app);
    g_object_ref_sink (again);
    g_signal_handler_disconnect (settings, id);
    g_assert_cmpuint (changes, ==, 0);
    again_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (again),
                                                              LENS_TYPE_PREFERENCES_WINDOW,
                                                              "language_row"));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (again_row)),
                                                 adw_combo_row_get_selected (again_row)),
                     ==, "العربية");
    gtk_window_destroy (GTK_WINDOW (again));
    g_object_unref (again);
  }
  {
    g_autofree char *saved = g_settings_get_string (settings, "language");

    g_assert_cmpstr (saved, ==, "ar");
  }
  g_settings_set_string (settings, "language", "");

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_object_unref (preferences);
  lens_test_drain (50);
}

static char **
read_linguas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit_set (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (lines[i][0] == '#')
        continue;
      words = g_strsplit_set (lines[i], " \t", -1);
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_strv_builder_add (builder, words[j]);
    }

  return g_strv_builder_end (builder);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  lens_test_window_init (&argc, &argv);

  linguas = read_linguas ();
  test_program = g_canonicalize_filename (argv[0], NULL);

  if (g_getenv ("LENS_TEST_LANGUAGE") != NULL)
    {
      g_test_add_func ("/languages/window-child", test_window_child);
      return lens_test_window_run ();
    }

  g_test_add_func ("/languages/available", test_available);
  g_test_add_func ("/languages/scan-argv", test_scan_argv);
  g_test_add_func ("/languages/localedir", test_localedir);
  g_test_add_func ("/languages/apply", test_apply);
  g_test_add_func ("/languages/preferences-row", test_preferences_row);

  for (guint i = 0; linguas[i] != NULL; i++)
    {
      g_autofree char *window_path = g_strdup_printf ("/languages/window/%s", linguas[i]);
      g_autofree char *setting_path = g_strdup_printf ("/languages/setting/%s", linguas[i]);

      g_test_add_data_func (window_path, linguas[i], test_language);
      g_test_add_data_func (setting_path, linguas[i], test_setting);
    }

  /* English: the window's table and the brief in the source language too. */
  g_test_add_data_func ("/languages/window/en", "en", test_language);

  /* Right to left, even before the Arabic translation lands (GTK's own says so). */
  if (!in_linguas ("ar"))
    g_test_add_data_func ("/languages/window/ar", "ar", test_language);

  ret = lens_test_window_run ();
  g_strfreev (linguas);
  g_free (test_program);
  return ret;
}
