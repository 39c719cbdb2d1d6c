/* test-settings.c: the app's settings with and without an installed schema, and the window
 * and icon a run from the build tree shows
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lens-application.h"
#include "lens-compare-as.h"
#include "lens-districts.h"
#include "lens-language.h"
#include "lens-settings.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* The build tree's compiled schema (meson.build's GSETTINGS_SCHEMA_DIR), kept for the
 * subprocesses that run without it. */
#define BUILD_SCHEMA_DIR_VARIABLE "LENS_TEST_BUILD_SCHEMA_DIR"

static char *empty_schema_dir;

static GSettingsSchema *
lookup_build_schema (void)
{
  const char *dir = g_getenv (BUILD_SCHEMA_DIR_VARIABLE);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GSettingsSchema *schema;

  g_assert_nonnull (dir);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  return schema;
}

/* Runs the current test in a child whose environment has no Reform Lens schema at all: not the build
 * tree's, not a system one (XDG_DATA_DIRS keeps only the system's own folder), and no
 * GSettings backend chosen for it. */
static void
run_without_schema (void)
{
  g_autofree char *schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  g_autofree char *backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));

  g_setenv ("GSETTINGS_SCHEMA_DIR", empty_schema_dir, TRUE);
  g_setenv ("XDG_DATA_DIRS", "/usr/share", TRUE);
  g_unsetenv ("GSETTINGS_BACKEND");

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  if (data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  else
    g_unsetenv ("XDG_DATA_DIRS");
  if (backend != NULL)
    g_setenv ("GSETTINGS_BACKEND", backend, TRUE);

  g_test_trap_assert_passed ();
}

/* With the build tree's schema (what meson devenv and an installed app have). */
static void
test_settings_installed (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = lens_settings_new (&error);
  g_assert_no_error (error);
  g_assert_true (lens_settings_is_installed (settings));
}

static void
built_in_child (void)
{
  g_autoptr(GSettingsSchema) installed = lens_settings_lookup_installed_schema ();
  g_autoptr(GSettingsSchema) build_schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) again = NULL;
  g_autoptr(LensPortalClient) client = NULL;
  g_autoptr(GVariant) portal = NULL;
  g_autoptr(GVariant) cache_size = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *district = NULL;

  if (installed != NULL)
    {
      /* The schema is installed system-wide under /usr: nothing here can be missing. */
      g_test_skip ("io.github.reformlens.ReformLens is installed in /usr/share");
      return;
    }

  settings = lens_settings_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (settings);
  g_assert_false (lens_settings_is_installed (settings));

  /* Every key has the schema's own default: the copy is the build's schema, not a second
   * table of defaults. */
  build_schema = lookup_build_schema ();
  keys = g_settings_schema_list_keys (build_schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (build_schema, keys[i]);
      g_autoptr(GVariant) expected = g_settings_schema_key_get_default_value (key);
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);

      g_test_message ("%s = %s", keys[i], g_variant_print (value, FALSE));
      g_assert_true (g_variant_equal (value, expected));
    }

  /* The portal client the headless commands get: the schema's portal and cache size. */
  portal = g_settings_get_default_value (settings, "portal-url");
  cache_size = g_settings_get_default_value (settings, "cache-size-mb");
  client = lens_settings_new_client (settings, NULL);
  g_assert_cmpstr (lens_portal_client_get_base_url (client), ==,
                   g_variant_get_string (portal, NULL));
  g_assert_cmpuint (lens_cache_get_max_bytes (lens_portal_client_get_cache (client)), ==,
                    (guint64) g_variant_get_uint32 (cache_size) * 1024 * 1024);
  /* The client's own default (a client made without settings) is the same portal. */
  g_assert_cmpstr (DEFAULT_PORTAL_URL, ==, g_variant_get_string (portal, NULL));

  /* Changes work for this run and are not kept. */
  g_settings_set_string (settings, "district", "5");
  district = g_settings_get_string (settings, "district");
  g_assert_cmpstr (district, ==, "5");
  again = lens_settings_new (&error);
  g_assert_no_error (error);
  g_free (district);
  district = g_settings_get_string (again, "district");
  g_assert_cmpstr (district, ==, "");
}

static void
test_settings_built_in (void)
{
  if (g_test_subprocess ())
    built_in_child ();
  else
    run_without_schema ();
}

/* The window opens on the defaults and says what is missing; the app's icon is found without
 * an installed copy (the About window shows it). */
static void
check_window (gboolean schema_installed)
{
  g_autoptr(GSettingsSchema) installed = lens_settings_lookup_installed_schema ();
  LensApplication *app;
  GtkIconTheme *theme;
  LensWindow *window;
  const char *message;

  if (!schema_installed && installed != NULL)
    {
      g_test_skip ("io.github.reformlens.ReformLens is installed in /usr/share");
      return;
    }

  app = lens_test_get_application ();
  /* Only what is saved on this computer: the test never reaches the City's portal. */
  lens_portal_client_set_offline (lens_application_get_client (app), TRUE);

  window = lens_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (lens_test_wait_mapped (GTK_WIDGET (window)));

  message = lens_window_get_settings_message (window);
  if (schema_installed)
    g_assert_null (message);
  else
    {
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, APP_ID));
      g_assert_nonnull (strstr (message, "not installed"));
    }

  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  gtk_window_destroy (GTK_WINDOW (window));
  lens_test_drain (G_MAXUINT);
}

static void
test_settings_window_without_schema (void)
{
  if (g_test_subprocess ())
    check_window (FALSE);
  else
    run_without_schema ();
}

static void
test_settings_window_installed (void)
{
  /* In a child too: one application per process. */
  if (g_test_subprocess ())
    {
      check_window (TRUE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The schema's choices for the district, the comparison and the language: the app's own lists. */
static void
assert_choices (GSettingsSchema    *schema,
                const char         *name,
                const char * const *extra,
                GPtrArray          *expected)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GVariant) values = NULL;
  const char *type;
  g_autofree const char **choices = NULL;
  gsize n_choices;
  guint n_extra = g_strv_length ((char **) extra);

  g_variant_get (range, "(&sv)", &type, &values);
  g_assert_cmpstr (type, ==, "enum");
  choices = g_variant_get_strv (values, &n_choices);

  g_assert_cmpuint (n_choices, ==, n_extra + expected->len);
  for (guint i = 0; i < n_extra; i++)
    g_assert_cmpstr (choices[i], ==, extra[i]);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (choices[n_extra + i], ==, g_ptr_array_index (expected, i));
}

static void
test_settings_choices (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_build_schema ();
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  const char * const citywide[] = { "", NULL };
  const char * const comparisons[] = { "none", "citywide", NULL };
  const char * const system_language[] = { "", NULL };
  const LensLanguage *available;
  guint n;

  for (guint i = 0; i < lens_districts_get_count (); i++)
    g_ptr_array_add (districts, g_strdup_printf ("%u", lens_districts_get_nth (i)->number));
  available = lens_language_get_available (&n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (languages, (gpointer) available[i].code);

  assert_choices (schema, "district", citywide, districts);
  assert_choices (schema, "compare", comparisons, districts);
  assert_choices (schema, "language", system_language, languages);

  /* Compare as: "" (follow the comparison), then every nick of lens-compare-as.h */
  {
    const char * const follow[] = { "", NULL };
    g_autoptr(GPtrArray) nicks = g_ptr_array_new ();

    for (guint i = LENS_COMPARE_AS_COUNTS; i <= LENS_COMPARE_AS_SHARE; i++)
      g_ptr_array_add (nicks, (gpointer) lens_compare_as_to_nick (i));
    assert_choices (schema, "compare-as", follow, nicks);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The subprocesses inherit it, and the home (lens_test_home_set_up ()). */
  if (g_getenv (BUILD_SCHEMA_DIR_VARIABLE) == NULL)
    g_setenv (BUILD_SCHEMA_DIR_VARIABLE, g_getenv ("GSETTINGS_SCHEMA_DIR"), TRUE);
  lens_test_window_init (&argc, &argv);
  empty_schema_dir = g_build_filename (lens_test_home_get_path (), "no-schemas", NULL);
  g_mkdir_with_parents (empty_schema_dir, 0700);

  g_test_add_func ("/settings/installed", test_settings_installed);
  g_test_add_func ("/settings/choices", test_settings_choices);
  g_test_add_func ("/settings/built-in", test_settings_built_in);
  g_test_add_func ("/settings/window-installed", test_settings_window_installed);
  g_test_add_func ("/settings/window-without-schema", test_settings_window_without_schema);

  ret = lens_test_window_run ();
  g_free (empty_schema_dir);

  return ret;
}
