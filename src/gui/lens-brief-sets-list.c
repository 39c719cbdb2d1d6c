/* lens-brief-sets-list.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-brief-sets-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-brief-set-store.h"
#include "lens-brief-sets-list.h"
#include "lens-format.h"

struct _LensBriefSetsList
{
  AdwPreferencesGroup  parent_instance;

  char                *dir;
  GtkListBox          *list;
  GtkLabel            *message;
  GPtrArray           *names;
  GHashTable          *rows;      /* name -> AdwActionRow (borrowed) */
  guint                busy;
};

G_DEFINE_FINAL_TYPE (LensBriefSetsList, lens_brief_sets_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_MAKE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DIR,
  N_PROPS
};

/* File work, in a worker thread: the folder may be slow (a network home). */

typedef enum
{
  OP_LIST,
  OP_SAVE,
  OP_RENAME,
  OP_DUPLICATE,
  OP_DELETE,
} OpKind;

typedef struct
{
  OpKind        kind;
  char         *dir;
  char         *name;
  char         *new_name;
  LensBriefSet *set;
  GPtrArray    *sets;
  GPtrArray    *problems;
  GError       *error;
} Op;

static void
op_free (Op *op)
{
  g_free (op->dir);
  g_free (op->name);
  g_free (op->new_name);
  g_clear_pointer (&op->set, lens_brief_set_free);
  g_clear_pointer (&op->sets, g_ptr_array_unref);
  g_clear_pointer (&op->problems, g_ptr_array_unref);
  g_clear_error (&op->error);
  g_free (op);
}

static void
op_thread (GTask        *task,
           gpointer      source,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Op *op = task_data;

  switch (op->kind)
    {
    case OP_SAVE:
      lens_brief_set_store_save (op->dir, op->set, &op->error);
      break;
    case OP_RENAME:
      lens_brief_set_store_rename (op->dir, op->name, op->new_name, &op->error);
      break;
    case OP_DUPLICATE:
      lens_brief_set_store_duplicate (op->dir, op->name, op->new_name, &op->error);
      break;
    case OP_DELETE:
      lens_brief_set_store_delete (op->dir, op->name, &op->error);
      break;
    case OP_LIST:
    default:
      break;
    }

  /* every operation ends with the list as it is now */
  op->problems = g_ptr_array_new_with_free_func (g_free);
  op->sets = lens_brief_set_store_list (op->dir, op->problems);
  g_task_return_boolean (task, TRUE);
}

static void make_clicked_cb (GtkButton *button, LensBriefSetsList *self);

static char *
dup_last_made (const LensBriefSet *set)
{
  g_autoptr(GDateTime) made = NULL;
  g_autofree char *date = NULL;

  if (set->last_made <= 0)
    /* Translators: under a saved brief's name in the Saved Briefs list */
    return g_strdup (_("Never made"));
  made = g_date_time_new_from_unix_local (set->last_made);
  date = lens_format_datetime (made);
  /* Translators: under a saved brief's name: when it was last made */
  return g_strdup_printf (_("Last made %s"), date);
}

static void
add_row (LensBriefSetsList  *self,
         const LensBriefSet *set)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *subtitle = dup_last_made (set);
  g_autofree char *more_name = NULL;
  g_autofree char *make_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *make = gtk_button_new_with_mnemonic (_("_Make Again"));
  GtkWidget *more = gtk_menu_button_new ();
  GSimpleActionGroup *group = g_simple_action_group_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), set->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (make, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (make), "lens-name", g_strdup (set->name), g_free);
  g_signal_connect (make, "clicked", G_CALLBACK (make_clicked_cb), self);
  /* Translators: the accessible name of a saved brief's Make Again button */
  make_name = g_strdup_printf (_("Make “%s” again with the newest data"), set->name);
  lens_accessible_set_name (make, make_name);
  gtk_widget_set_tooltip_text (make, make_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make);

  g_menu_append (menu, _("_Rename…"), "set.rename");
  g_menu_append (menu, _("_Duplicate…"), "set.duplicate");
  g_menu_append (menu, _("D_elete…"), "set.delete");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  /* Translators: the accessible name of a saved brief's menu button */
  more_name = g_strdup_printf (_("More actions for “%s”"), set->name);
  lens_accessible_set_name (more, more_name);
  gtk_widget_set_tooltip_text (more, more_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  g_object_set_data_full (G_OBJECT (row), "lens-name", g_strdup (set->name), g_free);
  gtk_widget_insert_action_group (row, "set", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (row), "lens-actions", group, g_object_unref);

  gtk_list_box_append (self->list, row);
  g_hash_table_replace (self->rows, g_strdup (set->name), row);
  g_ptr_array_add (self->names, g_strdup (set->name));
}

static void
clear_rows (LensBriefSetsList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->rows);
  g_ptr_array_set_size (self->names, 0);
}

static void install_row_actions (LensBriefSetsList *self, GtkWidget *row);

static void
op_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LensBriefSetsList) self = user_data;
  Op *op = g_task_get_task_data (G_TASK (result));
  g_autoptr(GString) message = g_string_new (NULL);

  self->busy--;
  clear_rows (self);
  for (guint i = 0; i < op->sets->len; i++)
    {
      add_row (self, g_ptr_array_index (op->sets, i));
      install_row_actions (self, g_hash_table_lookup (self->rows,
                                                      ((LensBriefSet *) g_ptr_array_index (op->sets, i))->name));
    }

  if (op->error != NULL)
    g_string_append (message, op->error->message);
  for (guint i = 0; i < op->problems->len; i++)
    {
      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (op->problems, i));
    }
  if (op->sets->len == 0 && message->len == 0)
    g_string_append (message, _("No saved briefs yet. Fill in the form below and choose Save as Saved Brief to keep it for the next meeting."));

  gtk_label_set_text (self->message, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message), message->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), op->sets->len > 0);
}

static void
run_op (LensBriefSetsList *self,
        Op                *op)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, op_done_cb, g_object_ref (self));

  op->dir = g_strdup (self->dir);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  self->busy++;
  g_task_run_in_thread (task, op_thread);
}

void
lens_brief_sets_list_reload (LensBriefSetsList *self)
{
  g_return_if_fail (LENS_IS_BRIEF_SETS_LIST (self));
  run_op (self, g_new0 (Op, 1));
}

void
lens_brief_sets_list_save (LensBriefSetsList  *self,
                           const LensBriefSet *set)
{
  Op *op = g_new0 (Op, 1);

  g_return_if_fail (LENS_IS_BRIEF_SETS_LIST (self));
  op->kind = OP_SAVE;
  op->set = lens_brief_set_copy (set);
  run_op (self, op);
}

void
lens_brief_sets_list_rename (LensBriefSetsList *self,
                             const char        *name,
                             const char        *new_name,
                             gboolean           keep_old)
{
  Op *op = g_new0 (Op, 1);

  op->kind = keep_old ? OP_DUPLICATE : OP_RENAME;
  op->name = g_strdup (name);
  op->new_name = g_strdup (new_name);
  run_op (self, op);
}

void
lens_brief_sets_list_delete (LensBriefSetsList *self,
                             const char        *name)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_DELETE;
  op->name = g_strdup (name);
  run_op (self, op);
}

/* The row's actions */

static void
make_clicked_cb (GtkButton         *button,
                 LensBriefSetsList *self)
{
  g_signal_emit (self, signals[SIGNAL_MAKE], 0, g_object_get_data (G_OBJECT (button), "lens-name"));
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  LensBriefSetsList *self = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lens-entry");
  const char *name = g_object_get_data (G_OBJECT (dialog), "lens-name");
  gboolean keep_old = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lens-keep"));
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "ok") && *new_name != '\0')
    lens_brief_sets_list_rename (self, name, new_name, keep_old);
}

static void
ask_name (LensBriefSetsList *self,
          const char        *name,
          gboolean           keep_old)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *suggestion = keep_old
                                /* Translators: the name suggested for a copy of a saved brief */
                                ? g_strdup_printf (_("%s (copy)"), name) : g_strdup (name);
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       keep_old ? _("Duplicate Saved Brief") : _("Rename Saved Brief"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, keep_old ? _("A name for the copy of “%s”") : _("A new name for “%s”"), name);
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  lens_accessible_set_name (entry, _("Name"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "ok", keep_old ? _("_Duplicate") : _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "lens-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "lens-name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (dialog), "lens-keep", GINT_TO_POINTER (keep_old));
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  if (g_str_equal (response, "delete"))
    lens_brief_sets_list_delete (LENS_BRIEF_SETS_LIST (user_data),
                                 g_object_get_data (G_OBJECT (dialog), "lens-name"));
}

static void
ask_delete (LensBriefSetsList *self,
            const char        *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Saved Brief?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” and the figures of its last brief will be deleted. Briefs already written as PDF files are kept."), name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lens-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWidget *row = user_data;
  LensBriefSetsList *self = LENS_BRIEF_SETS_LIST (gtk_widget_get_ancestor (row, LENS_TYPE_BRIEF_SETS_LIST));
  const char *name = g_object_get_data (G_OBJECT (row), "lens-name");
  const char *action_name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (action_name, "rename"))
    ask_name (self, name, FALSE);
  else if (g_str_equal (action_name, "duplicate"))
    ask_name (self, name, TRUE);
  else
    ask_delete (self, name);
}

static void
install_row_actions (LensBriefSetsList *self,
                     GtkWidget         *row)
{
  GActionMap *group = g_object_get_data (G_OBJECT (row), "lens-actions");
  const char *names[] = { "rename", "duplicate", "delete" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_signal_connect (action, "activate", G_CALLBACK (row_action_cb), row);
      g_action_map_add_action (group, G_ACTION (action));
    }
}

/* Save as… */

static void
save_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  LensBriefSetsList *self = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lens-entry");
  GtkDropDown *rule = g_object_get_data (G_OBJECT (dialog), "lens-rule");
  LensBriefSet *set = g_object_get_data (G_OBJECT (dialog), "lens-set");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "save") || *name == '\0')
    return;
  g_free (set->name);
  set->name = g_steal_pointer (&name);
  set->rule = gtk_drop_down_get_selected (rule);
  lens_brief_sets_list_save (self, set);
}

void
lens_brief_sets_list_ask_save (LensBriefSetsList  *self,
                               const LensBriefSet *set)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *rules[] = {
    [LENS_BRIEF_PERIOD_LAST_FULL_MONTH] = _("The last full month"),
    [LENS_BRIEF_PERIOD_LAST_28_DAYS] = _("The last 28 days"),
    [LENS_BRIEF_PERIOD_YEAR_TO_DATE] = _("The year to date"),
    [LENS_BRIEF_PERIOD_SINCE_LAST_MEETING] = _("Since the last brief"),
    [LENS_BRIEF_PERIOD_FIXED] = _("The dates in the form"),
    NULL
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *rule_label = gtk_label_new (_("Each brief covers"));
  GtkWidget *rule = gtk_drop_down_new_from_strings (rules);
  AdwMessageDialog *dialog;

  g_return_if_fail (LENS_IS_BRIEF_SETS_LIST (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save as Saved Brief"),
                                                       _("Keep the district, comparison, sections and language of this brief under a name, to make it again for each meeting with the newest data.")));
  gtk_editable_set_text (GTK_EDITABLE (entry), set->name != NULL ? set->name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name, e.g. District 5 council"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  lens_accessible_set_name (entry, _("Name"));
  gtk_label_set_xalign (GTK_LABEL (rule_label), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rule), set->rule);
  lens_accessible_set_name (rule, _("Each brief covers"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), rule_label);
  gtk_box_append (GTK_BOX (box), rule);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "lens-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "lens-rule", rule);
  g_object_set_data_full (G_OBJECT (dialog), "lens-set", lens_brief_set_copy (set),
                          (GDestroyNotify) lens_brief_set_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object */

static void
lens_brief_sets_list_finalize (GObject *object)
{
  LensBriefSetsList *self = LENS_BRIEF_SETS_LIST (object);

  g_free (self->dir);
  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (lens_brief_sets_list_parent_class)->finalize (object);
}

static void
lens_brief_sets_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LensBriefSetsList *self = LENS_BRIEF_SETS_LIST (object);

  if (prop_id == PROP_DIR)
    self->dir = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lens_brief_sets_list_constructed (GObject *object)
{
  LensBriefSetsList *self = LENS_BRIEF_SETS_LIST (object);

  G_OBJECT_CLASS (lens_brief_sets_list_parent_class)->constructed (object);
  if (self->dir == NULL)
    self->dir = lens_brief_set_store_default_dir ();
  lens_brief_sets_list_reload (self);
}

static void
lens_brief_sets_list_class_init (LensBriefSetsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_brief_sets_list_finalize;
  object_class->set_property = lens_brief_sets_list_set_property;
  object_class->constructed = lens_brief_sets_list_constructed;

  g_object_class_install_property (object_class, PROP_DIR,
                                   g_param_spec_string ("dir", NULL, NULL, NULL,
                                                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));

  signals[SIGNAL_MAKE] = g_signal_new ("make", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lens_brief_sets_list_init (LensBriefSetsList *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Saved Briefs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Briefs kept for each meeting: made again, they use the newest data and open with what changed since the last one."));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  lens_accessible_set_name (GTK_WIDGET (self->list), _("Saved Briefs"));
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));
}

LensBriefSetsList *
lens_brief_sets_list_new (const char *dir)
{
  return g_object_new (LENS_TYPE_BRIEF_SETS_LIST, "dir", dir, NULL);
}

const char *
lens_brief_sets_list_get_dir (LensBriefSetsList *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF_SETS_LIST (self), NULL);
  return self->dir;
}

gboolean
lens_brief_sets_list_get_busy (LensBriefSetsList *self)
{
  g_return_val_if_fail (LENS_IS_BRIEF_SETS_LIST (self), FALSE);
  return self->busy > 0;
}

GStrv
lens_brief_sets_list_dup_names (LensBriefSetsList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LENS_IS_BRIEF_SETS_LIST (self), NULL);
  for (guint i = 0; i < self->names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->names, i));
  return g_strv_builder_end (builder);
}

GtkWidget *
lens_brief_sets_list_get_row (LensBriefSetsList *self,
                              const char        *name)
{
  g_return_val_if_fail (LENS_IS_BRIEF_SETS_LIST (self), NULL);
  return g_hash_table_lookup (self->rows, name);
}
