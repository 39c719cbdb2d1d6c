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
 * the window's direction follows the language, and writes
 * $G_TEST_BUILDDIR/screenshots/wide-light-crime-<lang>.png for a person to look at.
 */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "lens-application.h"
#include "lens-chart-view.h"
#include "lens-dashboard-page.h"
#include "lens-fake-portal.h"
#include "lens-language.h"
#include "lens-preferences-window.h"
#include "lens-resources.h"
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

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
str_in_array (GPtrArray  *array,
              const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
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
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_nonnull (sidebar);
  collect_labels (sidebar, labels);

  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, page_titles[i]);

      /* The sidebar shows what the catalogue has: a translation, once it has one. */
      if (!str_in_array (labels, translated))
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

/* Runs in the subprocess, with LANGUAGE and LC_ALL set by the parent. */
static void
run_window (const LensLanguage *language)
{
  g_autoptr(LensFakePortal) portal = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LensApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  LensWindow *window;

  /* What main() does. */
  lens_language_init (NULL);
  gtk_disable_setlocale ();

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language->code);
  g_assert_true (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), language->locale) ||
                 g_str_has_prefix (setlocale (LC_MESSAGES, NULL), g_getenv ("LC_ALL")));

  portal = lens_fake_portal_new ();
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "portal-url", lens_fake_portal_get_base_url (portal));
  g_settings_set_string (settings, "district", "5");
  g_settings_set_string (settings, "compare", "citywide");
  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);

  app = lens_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  lens_test_park_pointer (gdk_display_get_default ());
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* No transitions: the frame after a change shows all of it. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  lens_portal_client_set_retry_policy (lens_application_get_client (app), 0, 10, 10);

  window = lens_window_new (app);
  g_object_ref_sink (window);

  /* GTK takes the direction from the language, and nothing in the app forces it. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpint (lens_language_is_rtl (), ==, language->rtl);

  check_sidebar (window, language->code);
  check_chart_title (window, language->code);

  g_action_group_activate_action (G_ACTION_GROUP (window), "page", g_variant_new_string ("crime"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lens_test_wait_settled (window));
  /* Laid out and drawn. */
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));

  check_mirroring (window, language->rtl);

  directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  file = g_strdup_printf ("wide-light-crime-%s.png", language->code);
  path = g_build_filename (directory, file, NULL);
  save_window (GTK_WINDOW (window), path);
  g_printerr ("# wrote %s\n", path);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
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
  g_autoptr(LensApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  LensPreferencesWindow *preferences;
  AdwComboRow *row;
  GListModel *model;
  guint n;
  const LensLanguage *languages = lens_language_get_available (&n);

  g_settings_set_string (settings, "language", "");

  app = lens_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

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
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("reform-lens-languages-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: that hides the MIME data GTK needs to load its icons
   * (XDG_DATA_DIRS). A cache and configuration of the test's own instead. */
  g_assert_nonnull (home);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  lens_resources_ensure_registered ();

  linguas = read_linguas ();
  test_program = g_canonicalize_filename (argv[0], NULL);

  if (g_getenv ("LENS_TEST_LANGUAGE") != NULL)
    {
      g_test_add_func ("/languages/window-child", test_window_child);
      ret = g_test_run ();
      remove_tree (home);
      return ret;
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

  /* Right to left, even before the Arabic translation lands (GTK's own says so). */
  if (!in_linguas ("ar"))
    g_test_add_data_func ("/languages/window/ar", "ar", test_language);

  ret = g_test_run ();
  remove_tree (home);
  g_strfreev (linguas);
  g_free (test_program);
  return ret;
}
