/* lens-preferences-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-language.h"
#include "lens-preferences-window.h"

struct _LensPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LensApplication      *application;
  GCancellable         *cancellable;

  AdwComboRow          *language_row;
  AdwEntryRow          *portal_row;
  AdwPasswordEntryRow  *token_row;
  GtkLabel             *portal_error_label;
  AdwActionRow         *cache_size_row;
  GtkSpinButton        *cache_size_spin;
  GtkButton            *clear_button;
};

G_DEFINE_FINAL_TYPE (LensPreferencesWindow, lens_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measure_cache_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LensCache *cache = task_data;

  g_task_return_int (task, (gssize) MIN (lens_cache_get_size (cache), (guint64) G_MAXSSIZE));
}

static void
clear_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LensCache *cache = task_data;
  g_autoptr(GError) error = NULL;

  if (!lens_cache_clear (cache, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, (gssize) MIN (lens_cache_get_size (cache), (guint64) G_MAXSSIZE));
}

static void
show_cache_usage (LensPreferencesWindow *self,
                  guint64                size)
{
  g_autofree char *formatted = g_format_size (size);
  g_autofree char *subtitle = NULL;

  /* Translators: %s is a size such as "12.4 MB". */
  subtitle = g_strdup_printf (_("Currently using %s"), formatted);
  adw_action_row_set_subtitle (self->cache_size_row, subtitle);
}

static void
measure_cache_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LensPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize size;

  size = g_task_propagate_int (G_TASK (result), &error);
  if (error == NULL)
    show_cache_usage (self, (guint64) size);
}

static void
measure_cache (LensPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, self->cancellable, measure_cache_cb, g_object_ref (self));
  g_task_set_source_tag (task, measure_cache);
  g_task_set_task_data (task, g_object_ref (lens_application_get_cache (self->application)),
                        g_object_unref);
  g_task_run_in_thread (task, measure_cache_thread);
}

static void
clear_cache_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LensPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize size;

  size = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), TRUE);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      message = g_strdup_printf (_("The saved data could not be cleared: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  show_cache_usage (self, (guint64) size);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Saved data cleared")));
}

static void
clear_dialog_response_cb (LensPreferencesWindow *self,
                          const char            *response,
                          AdwMessageDialog      *dialog)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "clear") != 0)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), FALSE);

  /* Removing many files is slow on some disks: never on the main thread. */
  task = g_task_new (NULL, self->cancellable, clear_cache_cb, g_object_ref (self));
  g_task_set_source_tag (task, clear_dialog_response_cb);
  g_task_set_task_data (task, g_object_ref (lens_application_get_cache (self->application)),
                        g_object_unref);
  g_task_run_in_thread (task, clear_cache_thread);
}

static void
clear_button_clicked_cb (LensPreferencesWindow *self,
                         GtkButton             *button)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Clear Saved Data?"),
                                   _("Charts that are not saved need an internet connection to "
                                     "show again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (clear_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Row 0 is the system's language, then lens_language_get_available() in order, each named in
 * its own language (a person who cannot read the current one must still find theirs). */
static const char *
language_code_at (guint position)
{
  guint n_languages;
  const LensLanguage *languages = lens_language_get_available (&n_languages);

  if (position == 0 || position > n_languages)
    return "";

  return languages[position - 1].code;
}

/* The setting's code, as the row's position */
static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);
  guint n_languages;
  const LensLanguage *languages = lens_language_get_available (&n_languages);
  guint position = 0;

  for (guint i = 0; i < n_languages; i++)
    if (g_str_equal (code, languages[i].code))
      position = i + 1;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_string (language_code_at (g_value_get_uint (value)));
}

static void
language_changed_cb (LensPreferencesWindow *self)
{
  /* Everything is translated at start (lens_language_init()), so it cannot change now. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The language changes the next time Reform "
                                                     "Lens starts")));
}

/* Bound to the setting: showing the saved choice writes nothing and shows no toast. */
static void
setup_language_row (LensPreferencesWindow *self)
{
  GSettings *settings = lens_application_get_settings (self->application);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_languages;
  const LensLanguage *languages = lens_language_get_available (&n_languages);

  gtk_string_list_append (names, _("System Default"));
  for (guint i = 0; i < n_languages; i++)
    gtk_string_list_append (names, languages[i].native_name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));

  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);
  g_signal_connect_object (settings, "changed::language", G_CALLBACK (language_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
set_portal_error (LensPreferencesWindow *self,
                  const char            *message)
{
  gtk_label_set_label (self->portal_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->portal_error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->portal_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->portal_row), "error");
}

static void
portal_row_changed_cb (LensPreferencesWindow *self,
                       AdwEntryRow           *row)
{
  set_portal_error (self, NULL);
}

static void
portal_row_apply_cb (LensPreferencesWindow *self,
                     AdwEntryRow           *row)
{
  g_autoptr(LensPortalClient) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSettings *settings = lens_application_get_settings (self->application);

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*url == '\0')
    {
      g_autoptr(GVariant) default_url = g_settings_get_default_value (settings, "portal-url");

      /* Empty: back to the schema's default (the City's portal). */
      g_free (url);
      url = g_variant_dup_string (default_url, NULL);
      gtk_editable_set_text (GTK_EDITABLE (row), url);
    }

  /* The client owns the rule (https, or http on this computer only); ask a throwaway one so
   * that an invalid address never reaches the settings. */
  probe = lens_portal_client_new (NULL, NULL);
  if (!lens_portal_client_set_base_url (probe, url, &error))
    {
      set_portal_error (self, error->message);
      return;
    }

  set_portal_error (self, NULL);
  g_settings_set_string (settings, "portal-url", url);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Portal address saved")));
}

static void
token_row_apply_cb (LensPreferencesWindow *self,
                    AdwPasswordEntryRow   *row)
{
  g_autofree char *token = NULL;
  GSettings *settings = lens_application_get_settings (self->application);

  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_settings_set_string (settings, "app-token", token);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (*token != '\0' ? _("App token saved")
                                                                  : _("App token removed")));
}

static void
lens_preferences_window_constructed (GObject *object)
{
  LensPreferencesWindow *self = LENS_PREFERENCES_WINDOW (object);
  GSettings *settings = lens_application_get_settings (self->application);
  g_autofree char *url = g_settings_get_string (settings, "portal-url");
  g_autofree char *token = g_settings_get_string (settings, "app-token");

  G_OBJECT_CLASS (lens_preferences_window_parent_class)->constructed (object);

  setup_language_row (self);
  gtk_editable_set_text (GTK_EDITABLE (self->portal_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
  set_portal_error (self, NULL);

  g_settings_bind (settings, "cache-size-mb",
                   gtk_spin_button_get_adjustment (self->cache_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  measure_cache (self);
}

static void
lens_preferences_window_dispose (GObject *object)
{
  LensPreferencesWindow *self = LENS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (lens_preferences_window_parent_class)->dispose (object);
}

static void
lens_preferences_window_finalize (GObject *object)
{
  LensPreferencesWindow *self = LENS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (lens_preferences_window_parent_class)->finalize (object);
}

static void
lens_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LensPreferencesWindow *self = LENS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_preferences_window_class_init (LensPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_preferences_window_constructed;
  object_class->dispose = lens_preferences_window_dispose;
  object_class->finalize = lens_preferences_window_finalize;
  object_class->set_property = lens_preferences_window_set_property;

  /* Not GtkWindow:application: that one is unset again when the window closes. */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("lens-application", NULL, NULL,
                         LENS_TYPE_APPLICATION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, portal_row);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, portal_error_label);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, cache_size_row);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, cache_size_spin);
  gtk_widget_class_bind_template_child (widget_class, LensPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, portal_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, portal_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_button_clicked_cb);
}

static void
lens_preferences_window_init (LensPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LensPreferencesWindow *
lens_preferences_window_new (LensApplication *application)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (application), NULL);

  return g_object_new (LENS_TYPE_PREFERENCES_WINDOW,
                       "lens-application", application,
                       "application", application,
                       NULL);
}
