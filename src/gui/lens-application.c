/* lens-application.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-application.h"
#include "lens-brief-cli.h"
#include "lens-brief-set-cli.h"
#include "lens-cli.h"
#include "lens-preferences-window.h"
#include "lens-settings.h"
#include "lens-window.h"

struct _LensApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  GError           *settings_error;  /* why there are no settings at all */
  LensCache        *cache;
  LensPortalClient *client;

  /* From the command line; they win over the settings for this run. */
  char             *portal_override;
  gboolean          offline;
  GVariantDict     *start_filters;
};

G_DEFINE_FINAL_TYPE (LensApplication, lens_application, ADW_TYPE_APPLICATION)

enum {
  DATA_SOURCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lens_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  LensApplication *self = user_data;
  GList *windows;

  /* Close the windows first so that each one saves its size and filters. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  g_application_quit (G_APPLICATION (self));
}

static void
lens_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  LensApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  LensPreferencesWindow *preferences;

  preferences = lens_preferences_window_new (self);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
lens_application_shortcuts_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LensApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
lens_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  static const char *developers[] = {
    "The Reform Lens authors",
    NULL
  };
  LensApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Reform Lens"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Reform Lens authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, PACKAGE_WEBSITE);
  adw_about_window_set_issue_url (about, PACKAGE_WEBSITE "/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Reform Lens authors");
  /* Translators: put your names here, one per line, to be credited in the About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_comments (about,
                                 _("Chicago’s public police data, district by district, beside "
                                   "what the reform process has promised."));

  adw_about_window_add_legal_section (about,
                                      _("City of Chicago Data Portal"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Crime, complaint and arrest figures come from the City of "
                                        "Chicago Data Portal (data.cityofchicago.org). Their use is "
                                        "governed by the City’s "
                                        "<a href=\"https://www.chicago.gov/city/en/narr/foia/data_disclaimer.html\">"
                                        "terms of use and disclaimer</a>. The City notes that crime "
                                        "data are preliminary and change as cases are reviewed."));
  adw_about_window_add_legal_section (about,
                                      _("Independent Monitoring Team"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Consent-decree compliance figures are taken from the "
                                        "reports of the Independent Monitoring Team for "
                                        "<i>State of Illinois v. City of Chicago</i>, published at "
                                        "<a href=\"https://cpdmonitoringteam.com/\">cpdmonitoringteam.com</a>."));
  adw_about_window_add_legal_section (about,
                                      _("Community-policing reports"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The 2025 community-policing reports published by the City "
                                        "of Chicago and the Chicago Police Department are summarised "
                                        "in Reform Lens’s own words, with links to the originals."));

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", lens_application_quit_action },
  { "preferences", lens_application_preferences_action },
  { "shortcuts", lens_application_shortcuts_action },
  { "about", lens_application_about_action },
};

static void
lens_application_apply_settings (LensApplication *self,
                                 const char      *key)
{
  g_autoptr(GError) error = NULL;

  if (self->client == NULL)
    return;

  /* A --portal given for this run wins until the person changes the preference. */
  if (g_strcmp0 (key, "portal-url") == 0)
    g_clear_pointer (&self->portal_override, g_free);

  if (!lens_settings_apply_to_client (self->settings, self->client, key, self->portal_override,
                                      &error))
    g_warning ("Ignoring the portal address: %s", error->message);

  if (key != NULL && !g_str_equal (key, "cache-size-mb"))
    g_signal_emit (self, signals[DATA_SOURCE_CHANGED], 0);
}

static void
lens_application_settings_changed_cb (LensApplication *self,
                                      const char      *key,
                                      GSettings       *settings)
{
  if (g_str_equal (key, "cache-size-mb") ||
      g_str_equal (key, "app-token") ||
      g_str_equal (key, "portal-url"))
    lens_application_apply_settings (self, key);
}

static int
lens_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  LensApplication *self = LENS_APPLICATION (application);
  const char *portal = NULL;
  int status;

  /* No GTK here: this runs before GTK is initialised, also without a display. */
  if (self->settings == NULL)
    {
      /* Translators: an error on the command line: "reform-lens: <what went wrong>". */
      g_printerr (_("%s: %s\n"), g_get_prgname () != NULL ? g_get_prgname () : "reform-lens",
                  self->settings_error->message);
      return 1;
    }

  status = lens_brief_cli_handle_options (options, self->settings);
  if (status >= 0)
    return status;

  status = lens_cli_handle_options (options, self->settings);
  if (status >= 0)
    return status;

  if (g_variant_dict_lookup (options, "portal", "&s", &portal))
    {
      g_free (self->portal_override);
      self->portal_override = g_strdup (portal);
    }
  if (g_variant_dict_contains (options, "offline"))
    self->offline = TRUE;

  g_clear_pointer (&self->start_filters, g_variant_dict_unref);
  if (lens_cli_has_filter_options (options))
    self->start_filters = g_variant_dict_ref (options);

  return G_APPLICATION_CLASS (lens_application_parent_class)->handle_local_options (application,
                                                                                    options);
}

static void
lens_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "F5", "<Control>r", NULL };
  static const char *district_accels[] = { "<Control>d", NULL };
  static const char *dates_accels[] = { "<Control>e", NULL };
  static const char *compare_accels[] = { "<Control>k", NULL };
  static const char *brief_accels[] = { "<Control>b", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  LensApplication *self = LENS_APPLICATION (application);

  G_APPLICATION_CLASS (lens_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-district",
                                         district_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-dates",
                                         dates_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-compare",
                                         compare_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.prepare-brief",
                                         brief_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);
  lens_window_set_page_accels (GTK_APPLICATION (self));
}

static void
lens_application_activate (GApplication *application)
{
  LensApplication *self = LENS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (lens_window_new (self));
      /* The command-line filters are for the first window only. */
      g_clear_pointer (&self->start_filters, g_variant_dict_unref);
    }

  gtk_window_present (window);
}

static void
lens_application_dispose (GObject *object)
{
  LensApplication *self = LENS_APPLICATION (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (lens_application_parent_class)->dispose (object);
}

static void
lens_application_finalize (GObject *object)
{
  LensApplication *self = LENS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_error (&self->settings_error);
  g_clear_pointer (&self->portal_override, g_free);
  g_clear_pointer (&self->start_filters, g_variant_dict_unref);

  G_OBJECT_CLASS (lens_application_parent_class)->finalize (object);
}

static void
lens_application_class_init (LensApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lens_application_dispose;
  object_class->finalize = lens_application_finalize;

  app_class->handle_local_options = lens_application_handle_local_options;
  app_class->startup = lens_application_startup;
  app_class->activate = lens_application_activate;

  /**
   * LensApplication::data-source-changed:
   *
   * The portal address, the app token or the offline mode changed: what is shown should be
   * loaded again.
   */
  signals[DATA_SOURCE_CHANGED] =
    g_signal_new ("data-source-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lens_application_init (LensApplication *self)
{
  g_autofree char *description = NULL;

  /* Never g_settings_new(): it aborts where the schema is not installed. */
  self->settings = lens_settings_new (&self->settings_error);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed",
                             G_CALLBACK (lens_application_settings_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_application_add_main_option_entries (G_APPLICATION (self), lens_cli_get_option_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         lens_brief_cli_get_option_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self),
                                         lens_brief_set_cli_get_option_entries ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Chicago’s public police data, district by district."));
  description = g_strconcat (_("Without --list-charts or --export-chart the "
                                "window opens, showing the district, comparison "
                                "and dates given.\n\n"
                                "Exit status: 0 on success, 1 when the data "
                                "could not be had or the file not written, 2 "
                                "for a wrong option."),
                             "\n",
                             _("With --check-portal: 0 when the portal has every field the "
                               "charts need, 1 when one is missing or has another type (each "
                               "is listed), 2 when the portal could not be read."),
                             NULL);
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

LensApplication *
lens_application_new (void)
{
  return g_object_new (LENS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", APP_RESOURCE_PATH,
                       NULL);
}

GSettings *
lens_application_get_settings (LensApplication *self)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (self), NULL);

  return self->settings;
}

LensPortalClient *
lens_application_get_client (LensApplication *self)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (self), NULL);

  if (self->client == NULL)
    {
      self->client = lens_settings_new_client (self->settings, self->portal_override);
      self->cache = g_object_ref (lens_portal_client_get_cache (self->client));
      lens_portal_client_set_offline (self->client, self->offline);
    }

  return self->client;
}

LensCache *
lens_application_get_cache (LensApplication *self)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (self), NULL);

  lens_application_get_client (self);

  return self->cache;
}

GVariantDict *
lens_application_get_start_filters (LensApplication *self)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (self), NULL);

  return self->start_filters;
}
