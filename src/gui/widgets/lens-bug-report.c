/* lens-bug-report.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-bug-report"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-bug-report.h"
#include "lens-portal-error.h"
#include "lens-schema-check.h"

struct _LensBugReport
{
  GtkWidget  parent_instance;

  GtkWidget *expander;
  GtkLabel  *details_label;
  GtkWidget *copy_button;

  char      *text;
};

G_DEFINE_FINAL_TYPE (LensBugReport, lens_bug_report, GTK_TYPE_WIDGET)

char *
lens_bug_report_dup_sentence (const char *title)
{
  /* Translators: %s is the title of a chart or of an Overview card. Shown when the City's
   * portal refused the query Reform Lens sent: the fault is the app's, and the person can
   * help by sending the bug report. */
  return g_strdup_printf (_("Reform Lens asked the City’s data portal for “%s” in a way the portal "
                            "cannot answer. This is a fault in Reform Lens, not in your connection "
                            "or your choices. Please copy the bug report and send it to the Reform "
                            "Lens developers."),
                          title);
}

char *
lens_bug_report_dup_error_sentence (const GError *error,
                                    const char   *title)
{
  g_autofree char *sentence = lens_bug_report_dup_sentence (title);
  g_autofree char *hint = lens_schema_dup_missing_field_hint (error);

  if (hint == NULL)
    return g_steal_pointer (&sentence);
  /* Translators: the sentence of a refused query, then the one saying which field the
   * portal lacks: two sentences in a row (no space between them in Chinese) */
  return g_strdup_printf (C_("two sentences", "%s %s"), sentence, hint);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LensBugReport *self = LENS_BUG_REPORT (widget);
  GtkWidget *overlay;

  if (self->text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Bug report copied")));
}

static void
lens_bug_report_dispose (GObject *object)
{
  LensBugReport *self = LENS_BUG_REPORT (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lens_bug_report_parent_class)->dispose (object);
}

static void
lens_bug_report_finalize (GObject *object)
{
  LensBugReport *self = LENS_BUG_REPORT (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (lens_bug_report_parent_class)->finalize (object);
}

static void
lens_bug_report_class_init (LensBugReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_bug_report_dispose;
  object_class->finalize = lens_bug_report_finalize;

  gtk_widget_class_install_action (widget_class, "bug-report.copy", NULL, copy_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensbugreport");
}

static void
lens_bug_report_init (LensBugReport *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *details = gtk_label_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  /* The portal's own words, for whoever looks into it. */
  self->details_label = GTK_LABEL (details);
  gtk_label_set_xalign (self->details_label, 0.0);
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_label_set_wrap_mode (self->details_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->details_label, TRUE);
  gtk_widget_add_css_class (details, "monospace");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (details, 6);

  self->expander = gtk_expander_new (_("Details"));
  gtk_expander_set_child (GTK_EXPANDER (self->expander), details);
  gtk_widget_set_parent (self->expander, GTK_WIDGET (self));

  self->copy_button = gtk_button_new_with_label (_("Copy Bug Report"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "bug-report.copy");
  gtk_widget_set_halign (self->copy_button, GTK_ALIGN_START);
  /* GTK 4.8 does not name a button from its label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy bug report"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Copies the request and the portal’s answer, for the Reform Lens developers"),
                                  -1);
  gtk_widget_set_parent (self->copy_button, GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lens_bug_report_new (void)
{
  return g_object_new (LENS_TYPE_BUG_REPORT, NULL);
}

void
lens_bug_report_set_error (LensBugReport *self,
                           const GError  *error,
                           const char    *subject)
{
  g_return_if_fail (LENS_IS_BUG_REPORT (self));

  g_clear_pointer (&self->text, g_free);

  if (!lens_portal_error_is_refused_query (error))
    {
      gtk_label_set_label (self->details_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  self->text = lens_portal_error_dup_bug_report (error, subject);
  gtk_label_set_label (self->details_label, lens_portal_error_get_portal_message (error));
  gtk_expander_set_expanded (GTK_EXPANDER (self->expander), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

const char *
lens_bug_report_get_text (LensBugReport *self)
{
  g_return_val_if_fail (LENS_IS_BUG_REPORT (self), NULL);

  return self->text;
}

const char *
lens_bug_report_get_details (LensBugReport *self)
{
  g_return_val_if_fail (LENS_IS_BUG_REPORT (self), NULL);

  return self->text != NULL ? gtk_label_get_label (self->details_label) : NULL;
}
