/* lens-brief-dialog.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-builder.h"
#include "lens-brief-cli.h"
#include "lens-brief-dialog.h"
#include "lens-catalog.h"
#include "lens-date.h"
#include "lens-districts.h"
#include "lens-language.h"

struct _LensBriefDialog
{
  AdwWindow          parent_instance;

  LensApplication   *application;
  LensFilters       *initial_filters;
  GPtrArray         *crime_checks;   /* GtkCheckButton, with "lens-chart-id" data */
  GCancellable      *cancellable;
  GSubprocess       *process;
  GFile             *file;
  char              *last_message;
  gboolean           busy;

  /* Template */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwComboRow       *district_row;
  AdwComboRow       *compare_row;
  AdwEntryRow       *from_row;
  AdwEntryRow       *to_row;
  AdwComboRow       *language_row;
  GtkLabel          *form_error_label;
  AdwPreferencesGroup *crime_group;
  GtkCheckButton    *complaints_check;
  GtkCheckButton    *shootings_check;
  GtkCheckButton    *arrests_check;
  GtkCheckButton    *decree_check;
  GtkCheckButton    *passages_check;
  LensBriefSetsList *sets_list;
};

G_DEFINE_FINAL_TYPE (LensBriefDialog, lens_brief_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_FILTERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The program run for a brief in another language; NULL: this one. */
static char *program;

void
lens_brief_dialog_set_program (const char *path)
{
  g_free (program);
  program = g_strdup (path);
}

/* The language row: row 0 is the app's own language (""), then lens_language_get_available(). */
static const char *
get_language (LensBriefDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  guint n_languages;
  const LensLanguage *languages = lens_language_get_available (&n_languages);

  return selected > 0 && selected <= n_languages ? languages[selected - 1].code : "";
}

LensFilters *
lens_brief_dialog_dup_filters (LensBriefDialog  *self,
                               GError          **error)
{
  g_autoptr(LensFilters) filters = lens_filters_new ();
  guint district = adw_combo_row_get_selected (self->district_row);
  guint compare = adw_combo_row_get_selected (self->compare_row);

  g_return_val_if_fail (LENS_IS_BRIEF_DIALOG (self), NULL);

  /* Row 0 is citywide; then the districts in order. */
  if (district != GTK_INVALID_LIST_POSITION && district > 0)
    lens_filters_set_district (filters, lens_districts_get_nth (district - 1)->number);

  /* None, citywide, then the districts. */
  if (compare == 1)
    lens_filters_set_compare (filters, LENS_COMPARE_CITYWIDE, 0);
  else if (compare != GTK_INVALID_LIST_POSITION && compare > 1)
    lens_filters_set_compare (filters, LENS_COMPARE_DISTRICT,
                              lens_districts_get_nth (compare - 2)->number);
  else
    lens_filters_set_compare (filters, LENS_COMPARE_NONE, 0);

  if (!lens_filters_set_option (filters, "from",
                                gtk_editable_get_text (GTK_EDITABLE (self->from_row)), error) ||
      !lens_filters_set_option (filters, "to",
                                gtk_editable_get_text (GTK_EDITABLE (self->to_row)), error) ||
      !lens_filters_validate (filters, error))
    return NULL;

  return g_steal_pointer (&filters);
}

/* The chart ids and parts the checkboxes ask for. */
static void
add_group_ids (GPtrArray      *ids,
               LensBriefParts  part)
{
  g_auto(GStrv) group = lens_brief_builder_dup_chart_ids (part);

  for (guint i = 0; group[i] != NULL; i++)
    g_ptr_array_add (ids, g_strdup (group[i]));
}

static GStrv
dup_sections (LensBriefDialog *self,
              LensBriefParts  *parts)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  *parts = LENS_BRIEF_PART_COVER;
  for (guint i = 0; i < self->crime_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->crime_checks, i);

      if (gtk_check_button_get_active (check))
        {
          g_ptr_array_add (ids, g_strdup (g_object_get_data (G_OBJECT (check), "lens-chart-id")));
          /* The district map belongs to the Crime page: it comes with its charts */
          *parts |= LENS_BRIEF_PART_MAP;
        }
    }
  /* The district statistics (CompStat, where the district stands) go with the crime charts. */
  if (ids->len > 0)
    *parts |= LENS_BRIEF_PART_COMPSTAT | LENS_BRIEF_PART_STANDING;

  if (gtk_check_button_get_active (self->complaints_check))
    {
      g_auto(GStrv) complaints = lens_brief_builder_dup_chart_ids (LENS_BRIEF_PART_COMPLAINTS);

      for (guint i = 0; complaints[i] != NULL; i++)
        g_ptr_array_add (ids, g_strdup (complaints[i]));
    }

  if (gtk_check_button_get_active (self->shootings_check))
    add_group_ids (ids, LENS_BRIEF_PART_SHOOTINGS);
  if (gtk_check_button_get_active (self->arrests_check))
    add_group_ids (ids, LENS_BRIEF_PART_ARRESTS);

  if (gtk_check_button_get_active (self->decree_check))
    *parts |= LENS_BRIEF_PART_CONSENT_DECREE;
  if (gtk_check_button_get_active (self->passages_check))
    *parts |= LENS_BRIEF_PART_PASSAGES;

  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_steal (ids, NULL);
}

static void
update_form (LensBriefDialog *self)
{
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  LensBriefParts parts;
  const char *language = get_language (self);
  const char *message = NULL;

  filters = lens_brief_dialog_dup_filters (self, &error);
  ids = dup_sections (self, &parts);

  if (filters == NULL)
    message = error->message;
  else if (ids[0] == NULL && (parts & LENS_BRIEF_PART_CONSENT_DECREE) == 0)
    message = _("Choose at least one chart or the consent-decree status.");

  gtk_label_set_label (self->form_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "brief.save", message == NULL && !self->busy);

  if (*language == '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                                 _("The language Reform Lens is shown in"));
  else
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the brief in another language is made by the command line, which is
       * shown so that it can be run by hand too; %s is a language code such as "es". */
      subtitle = g_strdup_printf (_("Prepared in the background by the command "
                                    "“reform-lens --brief=FILE.pdf --language=%s”"), language);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), subtitle);
    }
}

static void
form_changed_cb (LensBriefDialog *self)
{
  update_form (self);
}

static void
set_busy (LensBriefDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "form");
  gtk_spinner_set_spinning (self->spinner, busy);
  update_form (self);
}

static void
toast_open_cb (AdwToast *toast,
               gpointer  user_data)
{
  GFile *file = user_data;
  GtkWindow *parent = GTK_WINDOW (g_object_get_data (G_OBJECT (toast), "lens-parent"));
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
show_result (LensBriefDialog *self,
             const char      *error_message,
             gboolean         stale,
             gboolean         incomplete)
{
  AdwToast *toast;

  set_busy (self, FALSE);
  g_clear_pointer (&self->last_message, g_free);

  if (error_message != NULL)
    {
      self->last_message = g_strdup (error_message);
      toast = adw_toast_new (error_message);
      adw_toast_set_timeout (toast, 0);
      /* The whole reason, also where it does not fit a toast. */
      gtk_label_set_label (self->form_error_label, error_message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
    }
  else
    {
      if (incomplete)
        self->last_message = g_strdup (_("Brief saved without the charts that could not be loaded"));
      else if (stale)
        self->last_message = g_strdup (_("Brief saved, with saved data for some charts"));
      else
        self->last_message = g_strdup (_("Brief saved"));

      toast = adw_toast_new (self->last_message);
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data (G_OBJECT (toast), "lens-parent", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_cb),
                             g_object_ref (self->file), (GClosureNotify) (void (*) (void)) g_object_unref,
                             0);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* In the app's language: the builder, here */

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LensBriefDialog) self = user_data;
  g_autoptr(LensBrief) brief = NULL;
  g_auto(GStrv) stale = NULL;
  g_auto(GStrv) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  brief = lens_brief_builder_build_finish (result, &stale, &failed, &error);
  g_clear_object (&self->cancellable);

  if (brief == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          return;
        }
      show_result (self, error->message, FALSE, FALSE);
      return;
    }

  for (guint i = 0; stale[i] != NULL; i++)
    g_message ("%s", stale[i]);
  for (guint i = 0; failed[i] != NULL; i++)
    g_message ("%s", failed[i]);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      show_result (self, _("The brief can only be saved to a file on this computer"), FALSE, FALSE);
      return;
    }

  if (!lens_brief_check (brief, &error) || !lens_brief_write_pdf (brief, path, &error))
    {
      show_result (self, error->message, FALSE, FALSE);
      return;
    }

  show_result (self, NULL, stale[0] != NULL, failed[0] != NULL);
}

/* In another language: the command line, in another process, so that nothing in this one
 * changes language while the windows are up. */

static char *
last_stderr_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = n; i > 0; i--)
    {
      const char *line = g_strstrip (lines[i - 1]);
      const char *colon;

      if (*line == '\0')
        continue;
      /* "reform-lens: <message>" */
      colon = strstr (line, ": ");
      if (colon != NULL && g_str_has_prefix (line, g_get_prgname () != NULL ? g_get_prgname () : "reform-lens"))
        line = colon + 2;
      return g_strdup (line);
    }

  return NULL;
}

static void
process_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LensBriefDialog) self = user_data;
  GSubprocess *process = G_SUBPROCESS (object);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error);
  g_clear_object (&self->process);
  g_clear_object (&self->cancellable);
  /* a saved brief made again: when it was last made changed */
  lens_brief_sets_list_reload (self->sets_list);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message, FALSE, FALSE);
      else
        set_busy (self, FALSE);
      return;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *message = last_stderr_line (err);

      show_result (self, message != NULL ? message : _("The brief could not be prepared"),
                   FALSE, FALSE);
      return;
    }

  /* On success the command writes to stderr only which data was old or left out. */
  show_result (self, NULL, err != NULL && *g_strstrip (err) != '\0', FALSE);
}

static gboolean
start_process (LensBriefDialog *self,
               LensFilters     *filters,
               const char      *path,
               const char      *language,
               GError         **error)
{
  LensPortalClient *client = lens_application_get_client (self->application);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sections = g_string_new (NULL);
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) filter_args = NULL;
  g_autofree char *exe = NULL;
  LensBriefParts parts;

  exe = program != NULL ? g_strdup (program) : g_file_read_link ("/proc/self/exe", error);
  if (exe == NULL)
    return FALSE;

  ids = dup_sections (self, &parts);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (sections, "%s,", ids[i]);
  if (parts & LENS_BRIEF_PART_CONSENT_DECREE)
    g_string_append (sections, "consent-decree,");
  if (parts & LENS_BRIEF_PART_PASSAGES)
    g_string_append (sections, "passages,");
  if (parts & LENS_BRIEF_PART_COMPSTAT)
    g_string_append (sections, "compstat,");
  if (parts & LENS_BRIEF_PART_STANDING)
    g_string_append (sections, "standing,");
  if (parts & LENS_BRIEF_PART_MAP)
    g_string_append (sections, "map,");

  g_ptr_array_add (argv, g_steal_pointer (&exe));
  g_ptr_array_add (argv, g_strdup_printf ("--brief=%s", path));
  g_ptr_array_add (argv, g_strdup_printf ("--language=%s", language));
  g_ptr_array_add (argv, g_strdup_printf ("--brief-sections=%s", sections->str));
  filter_args = lens_filters_dup_args (filters);
  for (guint i = 0; filter_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (filter_args[i]));
  g_ptr_array_add (argv, g_strdup_printf ("--portal=%s", lens_portal_client_get_base_url (client)));
  if (lens_portal_client_get_offline (client))
    g_ptr_array_add (argv, g_strdup ("--offline"));
  g_ptr_array_add (argv, NULL);

  self->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                     error);
  if (self->process == NULL)
    return FALSE;

  g_subprocess_communicate_utf8_async (self->process, NULL, self->cancellable,
                                       process_cb, g_object_ref (self));
  return TRUE;
}

void
lens_brief_dialog_save_to_file (LensBriefDialog *self,
                                GFile           *file)
{
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *language;

  g_return_if_fail (LENS_IS_BRIEF_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  filters = lens_brief_dialog_dup_filters (self, &error);
  if (filters == NULL)
    {
      show_result (self, error->message, FALSE, FALSE);
      return;
    }

  g_set_object (&self->file, file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_result (self, _("The brief can only be saved to a file on this computer"), FALSE, FALSE);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  language = get_language (self);
  if (*language != '\0')
    {
      if (!start_process (self, filters, path, language, &error))
        show_result (self, error->message, FALSE, FALSE);
      return;
    }

  {
    g_auto(GStrv) ids = NULL;
    LensBriefParts parts;

    ids = dup_sections (self, &parts);
    lens_brief_builder_build_async (lens_application_get_client (self->application), filters,
                                    (const char * const *) ids, parts, LENS_QUERY_DEFAULT,
                                    self->cancellable, build_cb, g_object_ref (self));
  }
}

/* Saved briefs: made by the command line, which keeps the figures for the next one. */
void
lens_brief_dialog_make_set_to_file (LensBriefDialog *self,
                                    const char      *name,
                                    GFile           *file)
{
  LensPortalClient *client = lens_application_get_client (self->application);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *exe = NULL;

  g_return_if_fail (LENS_IS_BRIEF_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  g_set_object (&self->file, file);
  path = g_file_get_path (file);
  exe = program != NULL ? g_strdup (program) : g_file_read_link ("/proc/self/exe", &error);
  if (path == NULL || exe == NULL)
    {
      show_result (self, exe == NULL ? error->message
                                     : _("The brief can only be saved to a file on this computer"),
                   FALSE, FALSE);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  g_ptr_array_add (argv, g_steal_pointer (&exe));
  g_ptr_array_add (argv, g_strdup_printf ("--brief-set=%s", name));
  g_ptr_array_add (argv, g_strdup_printf ("--output=%s", path));
  g_ptr_array_add (argv, g_strdup_printf ("--portal=%s", lens_portal_client_get_base_url (client)));
  if (lens_portal_client_get_offline (client))
    g_ptr_array_add (argv, g_strdup ("--offline"));
  g_ptr_array_add (argv, NULL);

  self->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                     &error);
  if (self->process == NULL)
    {
      show_result (self, error->message, FALSE, FALSE);
      return;
    }
  g_subprocess_communicate_utf8_async (self->process, NULL, self->cancellable,
                                       process_cb, g_object_ref (self));
}

static void
make_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(LensBriefDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lens_brief_dialog_make_set_to_file (self, g_object_get_data (G_OBJECT (chooser), "lens-name"),
                                            file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
make_set_cb (LensBriefDialog *self,
             const char      *name)
{
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  if (self->busy)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Brief"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* not translated: a file name that works on every system */
  file_name = g_strdup_printf ("brief-%s-%s.pdf", name, day);
  g_strdelimit (file_name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "lens-name", g_strdup (name), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (make_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

LensBriefSet *
lens_brief_dialog_dup_brief_set (LensBriefDialog  *self,
                                 GError          **error)
{
  g_autoptr(LensFilters) filters = lens_brief_dialog_dup_filters (self, error);
  g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *label = NULL;
  LensBriefParts parts;
  LensBriefSet *set;

  if (filters == NULL)
    return NULL;

  label = lens_filters_dup_district_label (filters);
  set = lens_brief_set_new (label);
  set->district = lens_filters_get_district (filters);
  set->comparison = lens_filters_dup_field (filters, "compare");
  set->language = g_strdup (get_language (self));
  set->fixed_from = *lens_filters_get_from (filters);
  set->fixed_to = *lens_filters_get_to (filters);
  ids = dup_sections (self, &parts);
  g_strv_builder_addv (sections, (const char **) ids);
  if (parts & LENS_BRIEF_PART_CONSENT_DECREE)
    g_strv_builder_add (sections, "consent-decree");
  if (parts & LENS_BRIEF_PART_PASSAGES)
    g_strv_builder_add (sections, "passages");
  set->sections = g_strv_builder_end (sections);
  return set;
}

LensBriefSetsList *
lens_brief_dialog_get_sets_list (LensBriefDialog *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF_DIALOG (self), NULL);
  return self->sets_list;
}

static void
save_set_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (widget);
  g_autoptr(LensBriefSet) set = lens_brief_dialog_dup_brief_set (self, NULL);

  if (set != NULL)
    lens_brief_sets_list_ask_save (self->sets_list, set);
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(LensBriefDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lens_brief_dialog_save_to_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (widget);
  g_autoptr(LensFilters) filters = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  filters = lens_brief_dialog_dup_filters (self, NULL);
  if (filters == NULL || self->busy)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Brief"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Document"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  name = lens_brief_builder_dup_file_name (filters, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (widget);

  if (!self->busy)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* The command line writes atomically: a brief stopped half-way leaves no file. */
  if (self->process != NULL)
    g_subprocess_force_exit (self->process);
  g_cancellable_cancel (self->cancellable);
}

static void
setup_rows (LensBriefDialog *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) comparisons = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  LensFilters *filters = self->initial_filters;
  g_autoptr(LensFilters) defaults = NULL;
  const LensLanguage *languages;
  guint district_index = 0, compare_index = 0;
  guint n_languages;

  if (filters == NULL)
    filters = defaults = lens_filters_new ();

  gtk_string_list_append (districts, _("Citywide"));
  gtk_string_list_append (comparisons, _("Nothing"));
  gtk_string_list_append (comparisons, _("Citywide"));
  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      const LensDistrict *district = lens_districts_get_nth (i);
      g_autofree char *label = lens_district_dup_label (district);
      g_autofree char *text = NULL;

      /* Translators: %s is a district such as "5 – Calumet". */
      text = g_strdup_printf (_("District %s"), label);
      gtk_string_list_append (districts, text);
      gtk_string_list_append (comparisons, text);

      if (district->number == lens_filters_get_district (filters))
        district_index = i + 1;
      if (lens_filters_get_compare (filters) == LENS_COMPARE_DISTRICT &&
          district->number == lens_filters_get_compare_district (filters))
        compare_index = i + 2;
    }
  if (lens_filters_get_compare (filters) == LENS_COMPARE_CITYWIDE)
    compare_index = 1;

  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (districts));
  adw_combo_row_set_selected (self->district_row, district_index);
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (comparisons));
  adw_combo_row_set_selected (self->compare_row, compare_index);

  from = lens_filters_dup_field (filters, "from");
  to = lens_filters_dup_field (filters, "to");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);

  gtk_string_list_append (names, _("Same as Reform Lens"));
  languages = lens_language_get_available (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    gtk_string_list_append (names, languages[i].native_name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, 0);

  specs = lens_catalog_get_charts_for_page (lens_catalog_get_default (), "crime");
  for (guint i = 0; i < specs->len; i++)
    {
      LensChartSpec *spec = g_ptr_array_index (specs, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "lens-chart-id", g_strdup (spec->id), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (form_changed_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spec->title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->crime_group, row);
      g_ptr_array_add (self->crime_checks, check);
    }

  update_form (self);
}

void
lens_brief_dialog_set_language (LensBriefDialog *self,
                                const char      *code)
{
  const LensLanguage *languages;
  guint n_languages;

  g_return_if_fail (LENS_IS_BRIEF_DIALOG (self));

  languages = lens_language_get_available (&n_languages);
  if (code == NULL || *code == '\0')
    adw_combo_row_set_selected (self->language_row, 0);
  for (guint i = 0; code != NULL && i < n_languages; i++)
    if (g_str_equal (languages[i].code, code))
      adw_combo_row_set_selected (self->language_row, i + 1);
}

static void
lens_brief_dialog_constructed (GObject *object)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (object);

  G_OBJECT_CLASS (lens_brief_dialog_parent_class)->constructed (object);

  setup_rows (self);
}

static void
lens_brief_dialog_dispose (GObject *object)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (object);

  if (self->process != NULL)
    g_subprocess_force_exit (self->process);
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_BRIEF_DIALOG);

  G_OBJECT_CLASS (lens_brief_dialog_parent_class)->dispose (object);
}

static void
lens_brief_dialog_finalize (GObject *object)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (object);

  g_clear_object (&self->application);
  g_clear_pointer (&self->initial_filters, lens_filters_unref);
  g_clear_pointer (&self->crime_checks, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->process);
  g_clear_object (&self->file);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (lens_brief_dialog_parent_class)->finalize (object);
}

static void
lens_brief_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LensBriefDialog *self = LENS_BRIEF_DIALOG (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    case PROP_FILTERS:
      self->initial_filters = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_brief_dialog_class_init (LensBriefDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_brief_dialog_constructed;
  object_class->dispose = lens_brief_dialog_dispose;
  object_class->finalize = lens_brief_dialog_finalize;
  object_class->set_property = lens_brief_dialog_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("lens-application", NULL, NULL,
                         LENS_TYPE_APPLICATION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTERS] =
    g_param_spec_boxed ("filters", NULL, NULL,
                        LENS_TYPE_FILTERS,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LENS_TYPE_BRIEF_SETS_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-brief-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, compare_row);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, crime_group);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, complaints_check);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, shootings_check);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, arrests_check);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, decree_check);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, passages_check);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, LensBriefDialog, sets_list);
  gtk_widget_class_bind_template_callback (widget_class, make_set_cb);
  gtk_widget_class_install_action (widget_class, "brief.save-set", NULL, save_set_action);

  gtk_widget_class_install_action (widget_class, "brief.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "brief.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "brief.cancel", NULL);
}

static void
lens_brief_dialog_init (LensBriefDialog *self)
{
  self->crime_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LensBriefDialog *
lens_brief_dialog_new (LensApplication *application,
                       LensFilters     *filters)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (application), NULL);

  return g_object_new (LENS_TYPE_BRIEF_DIALOG,
                       "lens-application", application,
                       "filters", filters,
                       NULL);
}

gboolean
lens_brief_dialog_get_busy (LensBriefDialog *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF_DIALOG (self), FALSE);

  return self->busy;
}

const char *
lens_brief_dialog_get_last_message (LensBriefDialog *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF_DIALOG (self), NULL);

  return self->last_message;
}
