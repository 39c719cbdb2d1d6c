/* lens-headline-card.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-headline-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "lens-bug-report.h"
#include "lens-format.h"
#include "lens-accessible.h"
#include "lens-headline-card.h"
#include "lens-loadable.h"

struct _LensHeadlineCard
{
  GtkWidget         parent_instance;

  LensHeadlineSpec *spec;
  char             *page_title;
  LensHeadline     *headline;
  LensPortalClient *client;
  LensFilters      *filters;
  GCancellable     *cancellable;
  LensQueryFlags    last_flags;

  GtkWidget        *box;
  GtkLabel         *title_label;
  GtkLabel         *area_label;
  GtkStack         *stack;
  GtkLabel         *number_label;
  GtkLabel         *change_label;
  GtkLabel         *period_label;
  GtkLabel         *warning_label;
  LensBugReport    *warning_report;
  GtkLabel         *error_label;
  LensBugReport    *error_report;
  GtkLabel         *note_label;
  GtkLabel         *source_label;
  GtkWidget        *open_button;
};

static void lens_headline_card_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensHeadlineCard, lens_headline_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_headline_card_loadable_init))

enum {
  PROP_0,
  PROP_SPEC,
  PROP_PAGE_TITLE,
  N_PROPS,
  /* LensLoadable */
  PROP_SETTLED = N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_load (LensHeadlineCard *self,
                        LensQueryFlags    flags);

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static char *
age_of (GDateTime *datetime)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return lens_format_age (MAX (0, g_date_time_difference (now, datetime) / G_TIME_SPAN_SECOND));
}

static void
show_headline (LensHeadlineCard *self,
               LensHeadline     *headline)
{
  g_autofree char *previous = NULL;
  g_autofree char *change = NULL;
  g_autofree char *period = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) source = g_string_new (NULL);
  const GError *warning = lens_headline_get_warning (headline);
  GDateTime *rows_updated_at = lens_headline_get_rows_updated_at (headline);
  GDateTime *fetched_at = lens_headline_get_fetched_at (headline);

  g_set_object (&self->headline, headline);

  gtk_label_set_label (self->area_label, lens_headline_get_area_label (headline));
  gtk_label_set_label (self->number_label, lens_headline_get_current_text (headline));

  previous = lens_format_count (lens_headline_get_previous_value (headline));
  /* Translators: "−3.0% compared with 1 Jan 2025 – 19 Nov 2025 (188,012)"; the change is
   * "n/a" when the earlier period had nothing to compare with. */
  change = g_strdup_printf (_("%s compared with %s (%s)"),
                            lens_headline_get_change_text (headline),
                            lens_headline_get_previous_period (headline),
                            previous);
  gtk_label_set_label (self->change_label, change);

  period = g_strdup (lens_headline_get_current_period (headline));
  gtk_label_set_label (self->period_label, period);

  if (warning != NULL && fetched_at != NULL)
    {
      g_autofree char *age = age_of (fetched_at);
      g_autofree char *sentence = lens_portal_error_is_refused_query (warning)
                                  ? lens_bug_report_dup_error_sentence (warning, self->spec->title) : NULL;
      g_autofree char *text = g_strdup_printf (_("Showing data from %s: %s"), age,
                                               sentence != NULL ? sentence : warning->message);

      gtk_label_set_label (self->warning_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
  /* A refused query is the app's fault: the details and a bug report under the numbers. */
  lens_bug_report_set_error (self->warning_report, warning, self->spec->id);

  /* Translators: %s is a dataset name, e.g. "Crimes - 2001 to Present". */
  g_string_append_printf (source, _("Source: %s"), lens_headline_get_dataset_name (headline));
  if (rows_updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (rows_updated_at);
      g_autofree char *date = lens_format_date (local);

      g_string_append (source, _(" · "));
      g_string_append_printf (source, _("Data as of %s"), date);
    }
  if (fetched_at != NULL)
    {
      g_autofree char *age = age_of (fetched_at);

      g_string_append (source, _(" · "));
      /* Translators: %s is "3 hours ago" or "just now". */
      g_string_append_printf (source, _("Fetched %s"), age);
    }
  gtk_label_set_label (self->source_label, source->str);

  /* Translators: what a screen reader says for a headline card: the title, the place, the
   * number and its change. */
  accessible = g_strdup_printf (_("%s, %s: %s. %s"),
                                lens_headline_get_title (headline),
                                lens_headline_get_area_label (headline),
                                lens_headline_get_current_text (headline),
                                change);
  /* The days the number is for, which say where the data end when they stop short. */
  {
    g_autofree char *with_period = g_strconcat (accessible, " ", period, NULL);

    g_free (accessible);
    accessible = g_steal_pointer (&with_period);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);

  gtk_stack_set_visible_child_name (self->stack, "numbers");
}

static void
show_error (LensHeadlineCard *self,
            const GError     *error)
{
  g_clear_object (&self->headline);
  lens_bug_report_set_error (self->error_report, error, self->spec->id);

  if (g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE))
    gtk_label_set_label (self->error_label,
                         _("There is no saved data for this number yet. Connect to the internet "
                           "and try again."));
  else if (lens_portal_error_is_refused_query (error))
    {
      g_autofree char *sentence = lens_bug_report_dup_error_sentence (error, self->spec->title);

      gtk_label_set_label (self->error_label, sentence);
    }
  else
    gtk_label_set_label (self->error_label, error->message);

  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LensHeadlineCard) self = user_data;
  g_autoptr(LensHeadline) headline = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_cache_first = (self->last_flags & LENS_QUERY_CACHE_FIRST) != 0;

  headline = lens_headline_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (error != NULL)
    {
      /* A failed background refresh keeps the saved numbers. */
      if (self->headline == NULL || was_cache_first)
        show_error (self, error);
    }
  else
    {
      show_headline (self, headline);

      if (was_cache_first && lens_headline_get_stale (headline))
        {
          start_load (self, LENS_QUERY_DEFAULT);
          return;
        }
    }

  g_object_notify (G_OBJECT (self), "settled");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
start_load (LensHeadlineCard *self,
            LensQueryFlags    flags)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->last_flags = flags;
  g_object_notify (G_OBJECT (self), "settled");

  if (self->headline == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  lens_headline_load_async (self->client, self->spec, self->filters, flags, self->cancellable,
                            load_cb, g_object_ref (self));
}

static void
retry_clicked_cb (LensHeadlineCard *self)
{
  start_load (self, LENS_QUERY_REFRESH);
}

static void
open_clicked_cb (LensHeadlineCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", self->spec->page);
}

static void
lens_headline_card_constructed (GObject *object)
{
  LensHeadlineCard *self = LENS_HEADLINE_CARD (object);
  GtkWidget *numbers, *loading, *error, *spinner, *retry, *label;
  g_autofree char *open_text = NULL;

  G_OBJECT_CLASS (lens_headline_card_parent_class)->constructed (object);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title_label = add_label (self->box, "headline-label", FALSE);
  gtk_label_set_label (self->title_label, self->spec->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  /* The page says which district; the card repeats it only for screen readers. */
  self->area_label = add_label (self->box, NULL, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->area_label), FALSE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  loading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (loading, 12);
  gtk_widget_set_margin_bottom (loading, 12);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_box_append (GTK_BOX (loading), spinner);
  label = gtk_label_new (_("Loading…"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (loading), label);
  gtk_stack_add_named (self->stack, loading, "loading");

  numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->number_label = add_label (numbers, "headline-number", FALSE);
  gtk_label_set_wrap (self->number_label, FALSE);
  self->period_label = add_label (numbers, "headline-period", TRUE);
  self->change_label = add_label (numbers, "headline-change", FALSE);
  self->warning_label = add_label (numbers, "stale-banner", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
  self->warning_report = LENS_BUG_REPORT (lens_bug_report_new ());
  gtk_box_append (GTK_BOX (numbers), GTK_WIDGET (self->warning_report));
  gtk_stack_add_named (self->stack, numbers, "numbers");

  error = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (error, 6);
  self->error_label = add_label (error, NULL, FALSE);
  self->error_report = LENS_BUG_REPORT (lens_bug_report_new ());
  gtk_box_append (GTK_BOX (error), GTK_WIDGET (self->error_report));
  retry = gtk_button_new_with_mnemonic (_("_Retry"));
  lens_accessible_set_name (retry, _("_Retry"));
  gtk_widget_set_halign (retry, GTK_ALIGN_START);
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (retry_clicked_cb), self);
  gtk_box_append (GTK_BOX (error), retry);
  gtk_stack_add_named (self->stack, error, "error");

  self->note_label = add_label (self->box, "caveat", TRUE);
  gtk_label_set_label (self->note_label, self->spec->note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), self->spec->note != NULL);
  self->source_label = add_label (self->box, "caveat", TRUE);

  /* Translators: the button at the bottom of a headline card; %s is a page, e.g. "Crime". */
  open_text = g_strdup_printf (_("Open %s Charts"), self->page_title);
  self->open_button = gtk_button_new ();
  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *text = gtk_label_new (open_text);

    gtk_box_append (GTK_BOX (content), text);
    /* the arrow is decoration: the button's name is its text */
    gtk_box_append (GTK_BOX (content), g_object_new (GTK_TYPE_IMAGE,
                                                     "icon-name", "go-next-symbolic",
                                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                     NULL));
    gtk_button_set_child (GTK_BUTTON (self->open_button), content);
    lens_accessible_set_name (self->open_button, open_text);
  }
  gtk_widget_set_halign (self->open_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->open_button, 6);
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->open_button);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
lens_headline_card_dispose (GObject *object)
{
  LensHeadlineCard *self = LENS_HEADLINE_CARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lens_headline_card_parent_class)->dispose (object);
}

static void
lens_headline_card_finalize (GObject *object)
{
  LensHeadlineCard *self = LENS_HEADLINE_CARD (object);

  g_clear_pointer (&self->spec, lens_headline_spec_unref);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->page_title, g_free);
  g_clear_object (&self->headline);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lens_headline_card_parent_class)->finalize (object);
}

static void
lens_headline_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LensHeadlineCard *self = LENS_HEADLINE_CARD (object);

  switch (prop_id)
    {
    case PROP_SETTLED:
      g_value_set_boolean (value, lens_headline_card_is_settled (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_headline_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LensHeadlineCard *self = LENS_HEADLINE_CARD (object);

  switch (prop_id)
    {
    case PROP_SPEC:
      self->spec = g_value_dup_boxed (value);
      break;

    case PROP_PAGE_TITLE:
      self->page_title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_headline_card_class_init (LensHeadlineCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_headline_card_constructed;
  object_class->dispose = lens_headline_card_dispose;
  object_class->finalize = lens_headline_card_finalize;
  object_class->get_property = lens_headline_card_get_property;
  object_class->set_property = lens_headline_card_set_property;

  properties[PROP_SPEC] =
    g_param_spec_boxed ("spec", NULL, NULL,
                        LENS_TYPE_HEADLINE_SPEC,
                        (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE_TITLE] =
    g_param_spec_string ("page-title", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  /**
   * LensHeadlineCard::loaded:
   *
   * A load finished, with numbers or an error.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensheadlinecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lens_headline_card_init (LensHeadlineCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "headline-card");
}

GtkWidget *
lens_headline_card_new (LensHeadlineSpec *spec,
                        const char       *page_title)
{
  g_return_val_if_fail (spec != NULL, NULL);

  return g_object_new (LENS_TYPE_HEADLINE_CARD,
                       "spec", spec,
                       "page-title", page_title,
                       NULL);
}

LensHeadlineSpec *
lens_headline_card_get_spec (LensHeadlineCard *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE_CARD (self), NULL);

  return self->spec;
}

void
lens_headline_card_load (LensHeadlineCard *self,
                         LensPortalClient *client,
                         LensFilters      *filters,
                         LensQueryFlags    flags)
{
  g_return_if_fail (LENS_IS_HEADLINE_CARD (self));
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));

  g_set_object (&self->client, client);
  if (self->filters != filters)
    {
      g_clear_pointer (&self->filters, lens_filters_unref);
      self->filters = filters != NULL ? lens_filters_ref (filters) : NULL;
      /* Another district: the old number must not stay on screen. */
      if ((flags & LENS_QUERY_REFRESH) == 0)
        g_clear_object (&self->headline);
    }

  start_load (self, flags);
}

gboolean
lens_headline_card_is_settled (LensHeadlineCard *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE_CARD (self), TRUE);

  return self->cancellable == NULL;
}

gboolean
lens_headline_card_has_numbers (LensHeadlineCard *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE_CARD (self), FALSE);

  return self->headline != NULL;
}

LensBugReport *
lens_headline_card_get_bug_report (LensHeadlineCard *self)
{
  LensBugReport *report;

  g_return_val_if_fail (LENS_IS_HEADLINE_CARD (self), NULL);

  report = self->headline != NULL ? self->warning_report : self->error_report;
  return gtk_widget_get_visible (GTK_WIDGET (report)) ? report : NULL;
}

const char *
lens_headline_card_get_text (LensHeadlineCard *self)
{
  g_return_val_if_fail (LENS_IS_HEADLINE_CARD (self), NULL);

  if (self->headline != NULL)
    return gtk_label_get_label (self->number_label);

  return gtk_label_get_label (self->error_label);
}

static void
lens_headline_card_loadable_load (LensLoadable     *loadable,
                                  LensPortalClient *client,
                                  LensFilters      *filters,
                                  LensQueryFlags    flags)
{
  lens_headline_card_load (LENS_HEADLINE_CARD (loadable), client, filters, flags);
}

static gboolean
lens_headline_card_loadable_is_settled (LensLoadable *loadable)
{
  return lens_headline_card_is_settled (LENS_HEADLINE_CARD (loadable));
}

static void
lens_headline_card_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_headline_card_loadable_load;
  iface->is_settled = lens_headline_card_loadable_is_settled;
}
