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
#include "lens-pdf-text.h"
#include "lens-brief-print.h"
#include "lens-test-window.h"
#include "lens-window.h"

/* The run's application and a window against the fake portal (lens-test-window.h). */
typedef LensTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "5", "citywide");
  lens_portal_client_set_timeouts (lens_application_get_client (fixture->app), 30, 30);
  lens_test_window_open (fixture, NULL, 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
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
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                 detailed);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (fixture->window), names[i]);

      g_assert_nonnull (action);
      g_assert_true (g_action_get_enabled (action));
      g_assert_true (g_strv_contains ((const char * const *) set, accels[i]));
    }
}

/* The window as shown, laid out and drawn, into the build directory's screenshots, to look
 * at. */
static void
save_window (GtkWindow  *window,
             const char *name)
{
  g_autofree char *path = lens_test_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (lens_test_wait_frames (GTK_WIDGET (window), 2));
  texture = lens_test_save_window (window, path);
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
  g_assert_true (lens_test_wait_mapped (GTK_WIDGET (dialog)));
  g_assert_true (lens_test_wait_allocated (GTK_WIDGET (dialog)));
  save_window (GTK_WINDOW (dialog), "brief-dialog");

  /* Prefilled from the window: district 5 compared with citywide. */
  filters = lens_brief_dialog_dup_filters (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lens_filters_get_district (filters), ==, 5);
  g_assert_cmpint (lens_filters_get_compare (filters), ==, LENS_COMPARE_CITYWIDE);

  save_and_check (dialog, path);
  save_window (GTK_WINDOW (dialog), "brief-dialog-saved");
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
  lens_brief_builder_build_async (lens_application_get_client (fixture->app), filters, NULL,
                                  LENS_BRIEF_PARTS_ALL, LENS_QUERY_DEFAULT, NULL, build_cb, &wait);
  g_assert_true (lens_test_wait_flag (&wait.done));
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

static gboolean
list_idle (gpointer data)
{
  return !lens_brief_sets_list_get_busy (LENS_BRIEF_SETS_LIST (data));
}

static void
assert_names (LensBriefSetsList  *list,
              const char * const *expected)
{
  g_auto(GStrv) names = NULL;

  g_assert_true (lens_test_wait_until (list_idle, list));
  names = lens_brief_sets_list_dup_names (list);
  g_assert_cmpstrv (names, expected);
}

static void
make_again (LensBriefDialog *dialog,
            const char      *name,
            const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lens_brief_dialog_make_set_to_file (dialog, name, file);
  g_assert_true (lens_brief_dialog_get_busy (dialog));
  g_assert_true (lens_test_wait_until (dialog_idle, dialog));
  g_test_message ("dialog says: %s", lens_brief_dialog_get_last_message (dialog));
  g_assert_true (g_str_has_prefix (lens_brief_dialog_get_last_message (dialog), "Brief saved"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The Saved Briefs list: save what the form was given, make it again (twice, the City's
 * numbers revised between), rename, duplicate, delete. */
static void
test_brief_window_saved (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *first = g_build_filename (fixture->directory, "first.pdf", NULL);
  g_autofree char *second = g_build_filename (fixture->directory, "second.pdf", NULL);
  g_autoptr(LensBriefSet) set = NULL;
  g_autoptr(GError) error = NULL;
  LensBriefSetsList *list;
  LensBriefDialog *dialog;
  GtkWidget *row;

  /* a folder of the test's own, also for the program the dialog runs */
  {
    g_autofree char *briefs = g_build_filename (fixture->directory, "briefs", NULL);

    g_setenv ("REFORM_LENS_BRIEFS_DIR", briefs, TRUE);
  }

  /* data as of 8 March 2026, so a bump moves them on */
  lens_fake_portal_set_as_of (fixture->portal, "ijzp-q8t2", 1772967600, NULL);
  lens_fake_portal_set_as_of (fixture->portal, "mft5-nfa8", 1772967600, NULL);
  lens_brief_dialog_set_program (g_getenv ("REFORM_LENS_BIN"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.prepare-brief", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (lens_test_wait_mapped (GTK_WIDGET (dialog)));
  list = lens_brief_dialog_get_sets_list (dialog);
  assert_names (list, (const char * const []) { NULL });

  set = lens_brief_dialog_dup_brief_set (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (set->district, ==, 5);
  g_assert_cmpstr (set->comparison, ==, "citywide");
  g_free (set->name);
  set->name = g_strdup ("Council 5");
  lens_brief_sets_list_save (list, set);
  assert_names (list, (const char * const []) { "Council 5", NULL });
  row = lens_brief_sets_list_get_row (list, "Council 5");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Never made");

  make_again (dialog, "Council 5", first);
  assert_names (list, (const char * const []) { "Council 5", NULL });
  row = lens_brief_sets_list_get_row (list, "Council 5");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Last made "));

  /* the City revises February and adds two weeks: the second brief says so */
  g_assert_true (lens_fake_portal_bump (fixture->portal, "2026-02"));
  make_again (dialog, "Council 5", second);
  {
    g_autofree char *text = lens_pdf_run ((const char * const []) { "pdftotext", second, "-", NULL });

    g_assert_nonnull (strstr (text, "Revised figures"));
    g_assert_nonnull (strstr (text, "in the brief of"));
  }

  lens_brief_sets_list_rename (list, "Council 5", "Council 7", TRUE);
  assert_names (list, (const char * const []) { "Council 5", "Council 7", NULL });
  save_window (GTK_WINDOW (dialog), "brief-dialog-saved-briefs");
  lens_brief_sets_list_rename (list, "Council 7", "District 7", FALSE);
  assert_names (list, (const char * const []) { "Council 5", "District 7", NULL });
  lens_brief_sets_list_delete (list, "District 7");
  assert_names (list, (const char * const []) { "Council 5", NULL });

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unsetenv ("REFORM_LENS_BRIEFS_DIR");
}

int
main (int   argc,
      char *argv[])
{
  lens_test_window_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/brief-window/actions", test_brief_window_actions);
  ADD ("/brief-window/dialog", test_brief_window_dialog);
  ADD ("/brief-window/cancel", test_brief_window_cancel);
  ADD ("/brief-window/print-export", test_brief_window_print_export);
  ADD ("/brief-window/saved", test_brief_window_saved);
#undef ADD

  return lens_test_window_run ();
}
