/* test-brief-window.c: the window's brief actions, the Prepare Brief dialog and the printed
 * brief, against the fake portal (no real print or file dialog)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lens-application.h"
#include "lens-brief-builder.h"
#include "lens-brief-dialog.h"
#include "lens-brief-print.h"
#include "lens-fake-portal.h"
#include "lens-resources.h"
#include "lens-test-window.h"
#include "lens-window.h"

typedef struct
{
  LensFakePortal  *portal;
  LensWindow      *window;
  char            *directory;
} Fixture;

/* One application for the whole run: it is registered on the session bus. */
static LensApplication *app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  LensPortalClient *client;

  fixture->portal = lens_fake_portal_new ();
  fixture->directory = g_dir_make_tmp ("reform-lens-brief-window-XXXXXX", &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "portal-url", lens_fake_portal_get_base_url (fixture->portal));
  g_settings_set_string (settings, "district", "5");
  g_settings_set_string (settings, "compare", "citywide");

  client = lens_application_get_client (app);
  lens_portal_client_set_retry_policy (client, 0, 10, 10);
  lens_portal_client_set_timeouts (client, 30, 30);
  g_assert_true (lens_cache_clear (lens_application_get_cache (app), &error));
  g_assert_no_error (error);

  fixture->window = lens_window_new (app);
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);

  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;

  remove_tree (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_object (&fixture->portal);
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  pages += strlen ("Pages:");
  return (guint) g_ascii_strtoull (pages + strspn (pages, " "), NULL, 10);
}

static void
test_brief_window_actions (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const char *names[] = { "prepare-brief", "print" };
  static const char *accels[] = { "<Control>b", "<Control>p" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.%s", names[i]);
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (fixture->window), names[i]);

      g_assert_nonnull (action);
      g_assert_true (g_action_get_enabled (action));
      g_assert_true (g_strv_contains ((const char * const *) set, accels[i]));
    }
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* The window as shown, into the build directory, to look at. */
static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  graphene_rect_t bounds;
  int width, height;

  /* Laid out and drawn. */
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static LensBriefDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LENS_IS_BRIEF_DIALOG (window))
        return LENS_BRIEF_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !lens_brief_dialog_get_busy (LENS_BRIEF_DIALOG (data));
}

static void
save_and_check (LensBriefDialog *dialog,
                const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lens_brief_dialog_save_to_file (dialog, file);
  g_assert_true (lens_brief_dialog_get_busy (dialog));
  g_assert_true (lens_test_wait_until (dialog_idle, dialog));
  g_test_message ("dialog says: %s", lens_brief_dialog_get_last_message (dialog));
  g_assert_nonnull (lens_brief_dialog_get_last_message (dialog));
  g_assert_true (g_str_has_prefix (lens_brief_dialog_get_last_message (dialog), "Brief saved"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pdf_page_count (path), >, 1);
}

static void
test_brief_window_dialog (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "brief.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->directory, "nowhere", "brief.pdf", NULL);
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GError) error = NULL;
  LensBriefDialog *dialog;

  g_assert_null (find_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.prepare-brief", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (lens_test_wait_until (mapped, dialog));
  save_window (GTK_WINDOW (dialog), "brief-dialog.png");

  /* Prefilled from the window: district 5 compared with citywide. */
  filters = lens_brief_dialog_dup_filters (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_filters_get_district (filters), ==, 5);
  g_assert_cmpint (lens_filters_get_compare (filters), ==, LENS_COMPARE_CITYWIDE);

  save_and_check (dialog, path);
  save_window (GTK_WINDOW (dialog), "brief-dialog-saved.png");
  g_assert_cmpstr (lens_brief_dialog_get_last_message (dialog), ==, "Brief saved");

  /* A folder that does not exist: the reason, and no file. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    lens_brief_dialog_save_to_file (dialog, file);
    g_assert_true (lens_test_wait_until (dialog_idle, dialog));
    g_test_message ("dialog says: %s", lens_brief_dialog_get_last_message (dialog));
    g_assert_nonnull (strstr (lens_brief_dialog_get_last_message (dialog), "Could not save"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Another language: made by the command line in another process. */
  {
    g_autofree char *spanish = g_build_filename (fixture->directory, "informe.pdf", NULL);

    lens_brief_dialog_set_program (g_getenv ("REFORM_LENS_BIN"));
    lens_brief_dialog_set_language (dialog, "es");
    save_and_check (dialog, spanish);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_brief_window_cancel (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LensBriefDialog *dialog;

  /* The portal holds every request for 30 s: without the cancel, the brief would be written. */
  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_STALL, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.prepare-brief", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  lens_brief_dialog_save_to_file (dialog, file);
  g_assert_true (lens_brief_dialog_get_busy (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "brief.cancel", NULL);
  g_assert_true (lens_test_wait_until (dialog_idle, dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  lens_fake_portal_set_fault (fixture->portal, LENS_FAKE_FAULT_NONE, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "brief.cancel", NULL);
  g_assert_null (find_dialog ());
}

typedef struct
{
  LensBrief *brief;
  GError    *error;
  gboolean   done;
} BuildWait;

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BuildWait *wait = user_data;

  wait->brief = lens_brief_builder_build_finish (result, NULL, NULL, &wait->error);
  wait->done = TRUE;
}

static gboolean
build_done (gpointer data)
{
  return ((BuildWait *) data)->done;
}

/* The print operation's pages, exported to PDF without a dialog, are the brief's pages laid
 * out on the page setup's printable area. */
static void
test_brief_window_print_export (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(GError) error = NULL;
  BuildWait wait = { NULL, NULL, FALSE };
  GtkPrintOperationResult result;

  lens_filters_set_district (filters, 5);
  lens_brief_builder_build_async (lens_application_get_client (app), filters, NULL,
                                  LENS_BRIEF_PARTS_ALL, LENS_QUERY_DEFAULT, NULL, build_cb, &wait);
  g_assert_true (lens_test_wait_until (build_done, &wait));
  g_assert_no_error (wait.error);

  operation = lens_brief_print_operation_new (wait.brief);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpuint (lens_brief_get_n_pages (wait.brief), >, 1);
  g_assert_cmpuint (pdf_page_count (path), ==, lens_brief_get_n_pages (wait.brief));
  g_clear_object (&wait.brief);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("reform-lens-test-XXXXXX", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: that hides the system's icon themes (XDG_DATA_DIRS). */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  lens_resources_ensure_registered ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/brief-window/actions", test_brief_window_actions);
  ADD ("/brief-window/dialog", test_brief_window_dialog);
  ADD ("/brief-window/cancel", test_brief_window_cancel);
  ADD ("/brief-window/print-export", test_brief_window_print_export);
#undef ADD

  app = lens_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
  }
  lens_test_park_pointer (gdk_display_get_default ());

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
