/* test-compliance-window.c: the consent-decree compliance chart's menu in the window: the
 * same exports as every chart, named for screen readers, and Copy puts the table on the
 * clipboard
 *
 * LANGUAGE=ar LC_ALL=ar_EG.UTF-8 runs it in another language (the screenshot then shows it).
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-compliance-document.h"
#include "lens-consent-decree-page.h"
#include "lens-content-widgets.h"
#include "lens-language.h"
#include "lens-test-window.h"

typedef LensTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  lens_test_window_set_up (fixture, "", "none");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  lens_test_window_open (fixture, NULL, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  lens_test_window_tear_down (fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
model_has_action (GMenuModel *model,
                  const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      gboolean found = FALSE;

      if (section != NULL)
        {
          found = model_has_action (section, action);
          g_object_unref (section);
        }
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name))
        found = g_strcmp0 (name, action) == 0;
      if (found)
        return TRUE;
    }

  return FALSE;
}

/* "chart.export::png"... for every item, with its label, in @items and @labels. */
static void
collect_items (GMenuModel *model,
               GPtrArray  *items,
               GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      GMenuModel *section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;
      g_autofree char *target = NULL;

      if (section != NULL)
        {
          collect_items (section, items, labels);
          g_object_unref (section);
          continue;
        }

      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &target);
      g_ptr_array_add (items, target != NULL ? g_strconcat (action, "::", target, NULL) : g_strdup (action));
      g_ptr_array_add (labels, g_steal_pointer (&label));
    }
}

static GtkMenuButton *
find_chart_menu_button (GtkWidget *page)
{
  g_autoptr(GPtrArray) buttons = lens_test_find_all (page, GTK_TYPE_MENU_BUTTON);
  GtkMenuButton *found = NULL;

  for (guint i = 0; i < buttons->len; i++)
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));

      if (model != NULL && model_has_action (model, "chart.export"))
        {
          g_assert_null (found);
          found = g_ptr_array_index (buttons, i);
        }
    }
  g_assert_nonnull (found);

  return found;
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Runs in a process of its own: see test-screenshots.c's test_popover_shot (GTK 4.8's
 * popover leaves a tooltip timer behind). */
static void
check_menu (void)
{
  Fixture fixture = { 0 };
  GtkWidget *page;
  GtkMenuButton *button;
  GtkWidget *popover;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) model_buttons = NULL;
  g_autofree char *error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  static const char *expected[] = {
    "chart.export::png", "chart.export::svg", "chart.export::pdf", "chart.export::csv", "chart.copy",
  };
  guint n_named = 0;

  fixture_set_up (&fixture, NULL);
  page = lens_test_show_page (fixture.window, "consent-decree");
  g_assert_true (LENS_IS_CONSENT_DECREE_PAGE (page));
  button = find_chart_menu_button (page);

  /* named for screen readers, as every chart's menu button */
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              g_dgettext (GETTEXT_PACKAGE, "Chart menu: export and copy"));
  g_assert_null (error);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Export and Copy"));

  /* the same items as every chart's menu, with their labels */
  collect_items (gtk_menu_button_get_menu_model (button), items, labels);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (items, i), ==, expected[i]);
      g_assert_cmpstr (g_ptr_array_index (labels, i), !=, "");
    }
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, g_dgettext (GETTEXT_PACKAGE, "Export as _PNG Image…"));

  /* open: every item can be used, and says its name */
  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (lens_test_wait_until (popover_mapped, popover));
  g_assert_true (lens_test_wait_frames (GTK_WIDGET (fixture.window), 2));
  model_buttons = lens_test_find_all (popover, g_type_from_name ("GtkModelButton"));
  g_assert_cmpuint (model_buttons->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < model_buttons->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (model_buttons, i);
      g_autofree char *name = lens_accessible_strip_mnemonic (g_ptr_array_index (labels, i));
      g_autoptr(GPtrArray) texts = lens_test_find_all (item, GTK_TYPE_LABEL);
      gboolean shown = FALSE;

      g_assert_true (gtk_widget_is_sensitive (item));
      /* a menu item, named by the label inside it (GTK reads it without the underscore) */
      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_ROLE_MENU_ITEM));
      for (guint t = 0; t < texts->len; t++)
        shown |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (texts, t)), name) == 0;
      g_assert_true (shown);
      n_named++;
    }
  g_assert_cmpuint (n_named, ==, G_N_ELEMENTS (expected));

  path = lens_test_screenshot_path ("consent-decree-chart-menu");
  texture = lens_test_save_window (GTK_WINDOW (fixture.window), path);
  g_assert_nonnull (texture);

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  g_clear_object (&fixture.window);
  fixture_tear_down (&fixture, NULL);
}

static void
test_menu (void)
{
  if (g_test_subprocess ())
    {
      check_menu ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

/* Copy: the table of every figure with its source, as the CSV has it. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  user_data)
{
  GtkWidget *page = lens_test_show_page (fixture->window, "consent-decree");
  g_autoptr(LensChartDocument) document = lens_compliance_document_new (lens_shipped_consent_decree ());
  g_autofree char *expected = lens_chart_export_to_tsv (document);
  g_autofree char *text = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (page);

  g_assert_true (gtk_widget_activate_action (page, "chart.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  g_assert_true (lens_test_wait_until (text_read, &text));
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  /* the test AT context keeps the accessible properties (the suite's GTK_A11Y=none would not) */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("LANGUAGE") != NULL)
    {
      /* what main() does, for a look in another language */
      lens_language_init (NULL);
      gtk_disable_setlocale ();
    }
  lens_test_window_init (&argc, &argv);

  g_test_add_func ("/compliance-window/menu", test_menu);
  g_test_add ("/compliance-window/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);

  return lens_test_window_run ();
}
