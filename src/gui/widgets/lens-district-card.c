/* lens-district-card.c: the Overview's cards from the district statistics
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-district-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-compstat.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-district-card.h"
#include "lens-format.h"
#include "lens-standing.h"
#include "lens-standing-document.h"

struct _LensDistrictCard
{
  GtkWidget            parent_instance;

  LensDistrictCardKind kind;
  GtkWidget           *box;
  GtkLabel            *number_label;
  GtkLabel            *detail_label;
  GtkLabel            *extra_label;
  GtkLabel            *source_label;
  GtkWidget           *retry_button;

  LensPortalClient    *client;
  guint                district;
  GCancellable        *cancellable;
  guint                generation;
  gboolean             loading;
  char                *text;
  char                *detail;
};

static void lens_district_card_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensDistrictCard, lens_district_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_district_card_loadable_init))

enum {
  PROP_0,
  PROP_SETTLED,
};

static const char *
card_title (LensDistrictCardKind kind)
{
  return kind == LENS_DISTRICT_CARD_STANDING ? _("Where the District Stands")
                                              : _("Index Crimes, Last 28 Days");
}

/* "Source: … · Data as of … · Fetched …" as on the other cards */
static char *
dup_source (LensQueryResult *result)
{
  g_autofree char *dataset = lens_standing_dup_dataset_name ();
  GString *source = g_string_new (NULL);
  GDateTime *rows_updated_at = lens_query_result_get_rows_updated_at (result);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *age = lens_format_age (MAX (0, g_date_time_difference (now, lens_query_result_get_fetched_at (result)) / G_TIME_SPAN_SECOND));

  g_string_append_printf (source, _("Source: %s"), dataset);
  if (rows_updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (rows_updated_at);
      g_autofree char *date = lens_format_date (local);

      g_string_append (source, _(" · "));
      g_string_append_printf (source, _("Data as of %s"), date);
    }
  g_string_append (source, _(" · "));
  g_string_append_printf (source, _("Fetched %s"), age);
  return g_string_free (source, FALSE);
}

static void
set_shown (LensDistrictCard *self,
           const char       *text,
           const char       *detail,
           const char       *extra,
           const char       *source)
{
  g_autofree char *accessible = NULL;

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->detail);
  self->detail = g_strdup (detail);
  gtk_label_set_label (self->number_label, text);
  gtk_label_set_label (self->detail_label, detail);
  gtk_label_set_label (self->extra_label, extra);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_label), extra != NULL);
  gtk_label_set_label (self->source_label, source);
  gtk_widget_set_visible (self->retry_button, FALSE);

  /* Translators: what a screen reader says for a card: its title, the number, the line under it */
  accessible = g_strdup_printf (_("%s: %s. %s"), card_title (self->kind), text != NULL ? text : "",
                                detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_error (LensDistrictCard *self,
            const GError     *error)
{
  set_shown (self, NULL, error->message, NULL, NULL);
  g_clear_pointer (&self->detail, g_free);
  gtk_widget_set_visible (self->retry_button, TRUE);
}

static void
show_standing (LensDistrictCard *self,
               LensStanding     *standing)
{
  LensDistrictRanking *ranking = lens_standing_get_ranking (standing);
  g_autofree char *day = lens_describe_day (&lens_standing_get_period (standing)->to);
  g_autofree char *source = dup_source (lens_standing_get_result (standing));
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;

  if (self->district == 0)
    {
      const LensDistrictStanding *first = lens_district_ranking_get_nth (ranking, 0);
      g_autofree char *area = lens_district_dup_label (lens_district_lookup_number (first->district));
      g_autofree char *count = lens_format_count (first->value);

      text = g_strdup (_("Choose a district"));
      /* Translators: "The most incidents this year, to 24 March 2026: District 1 – Central (12,345).
       * Counts, not rates." */
      detail = g_strdup_printf (_("The most incidents this year, to %s: %s (%s). Counts, not rates."),
                                day, area, count);
    }
  else
    {
      const LensDistrictStanding *s = lens_district_ranking_lookup (ranking, self->district);
      g_autofree char *count = lens_format_count (s->value);

      text = lens_standing_dup_standing_text (ranking, self->district);
      /* Translators: under "3rd of 22": "in incidents this year, to 24 March 2026 (12,345);
       * counts, not rates: the districts' populations differ" */
      detail = g_strdup_printf (_("in incidents this year, to %s (%s); counts, not rates: the districts’ populations differ"),
                                day, count);
    }
  set_shown (self, text, detail, NULL, source);
}

static void
show_last_28 (LensDistrictCard *self,
              LensCompstat     *table)
{
  guint index = lens_compstat_get_n_rows () - 1;  /* all index crimes */
  g_autofree char *day = lens_describe_day (lens_compstat_get_last_full_day (table));
  g_autofree char *text = lens_format_count (lens_compstat_get_count (table, index, LENS_COMPSTAT_LAST_28));
  g_autofree char *before = lens_format_count (lens_compstat_get_count (table, index, LENS_COMPSTAT_LAST_28_BEFORE));
  g_autofree char *change = lens_compstat_dup_change (table, index, LENS_COMPSTAT_LAST_28);
  g_autofree char *source = dup_source (lens_compstat_get_result (table));
  g_autofree char *detail = NULL;
  g_autofree char *extra = NULL;

  /* Translators: "the 28 days to 24 March 2026: +3.0% compared with the same days a year
   * earlier (1,234)"; the change is "n/a" when there were none a year earlier */
  detail = g_strdup_printf (_("the 28 days to %s: %s compared with the same days a year earlier (%s)"),
                            day, change, before);
  if (lens_compstat_has_victims (table))
    {
      g_autofree char *victims = lens_format_count (lens_compstat_get_victims (table, LENS_COMPSTAT_LAST_28));
      g_autofree char *victims_change = lens_compstat_dup_victims_change (table, LENS_COMPSTAT_LAST_28);
      g_autofree char *victims_day = lens_describe_day (lens_compstat_get_victims_last_full_day (table));

      /* Translators: "Shooting victims, the 28 days to 23 March 2026: 12 (+5.0%); source:
       * Violence Reduction victims (gumc-mgzr)" */
      extra = g_strdup_printf (_("Shooting victims, the 28 days to %s: %s (%s); source: Violence Reduction victims (gumc-mgzr)"),
                               victims_day, victims, victims_change);
    }
  set_shown (self, text, detail, extra, source);
}

typedef struct
{
  LensDistrictCard *self;
  guint             generation;
} Slot;

static gboolean
slot_done (Slot *slot)
{
  LensDistrictCard *self = slot->self;
  gboolean current = slot->generation == self->generation;

  if (current)
    self->loading = FALSE;
  return current;
}

static void
standing_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autofree Slot *slot = user_data;
  g_autoptr(LensDistrictCard) self = slot->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LensStanding) standing = lens_standing_load_finish (res, &error);

  if (!slot_done (slot))
    return;
  if (standing != NULL)
    show_standing (self, standing);
  else
    show_error (self, error);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
compstat_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autofree Slot *slot = user_data;
  g_autoptr(LensDistrictCard) self = slot->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = lens_compstat_load_areas_finish (res, &error);

  if (!slot_done (slot))
    return;
  if (tables != NULL)
    show_last_28 (self, g_ptr_array_index (tables, 0));
  else
    show_error (self, error);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
start_load (LensDistrictCard *self,
            LensQueryFlags    flags)
{
  Slot *slot;

  if (self->client == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->loading = TRUE;
  if (!(flags & LENS_QUERY_REFRESH))
    set_shown (self, NULL, _("Loading…"), NULL, NULL);

  slot = g_new0 (Slot, 1);
  slot->self = g_object_ref (self);
  slot->generation = self->generation;
  if (self->kind == LENS_DISTRICT_CARD_STANDING)
    lens_standing_load_async (self->client, LENS_STANDING_ALL_INCIDENTS, LENS_COMPSTAT_YEAR_TO_DATE,
                              flags, self->cancellable, standing_cb, slot);
  else
    lens_compstat_load_areas_async (self->client, &self->district, 1, TRUE, flags,
                                    self->cancellable, compstat_cb, slot);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
lens_district_card_load (LensLoadable     *loadable,
                         LensPortalClient *client,
                         LensFilters      *filters,
                         LensQueryFlags    flags)
{
  LensDistrictCard *self = LENS_DISTRICT_CARD (loadable);

  g_set_object (&self->client, client);
  self->district = lens_filters_get_district (filters);
  start_load (self, flags);
}

static gboolean
lens_district_card_is_settled (LensLoadable *loadable)
{
  return !LENS_DISTRICT_CARD (loadable)->loading;
}

static void
lens_district_card_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_district_card_load;
  iface->is_settled = lens_district_card_is_settled;
}

static void
retry_clicked (LensDistrictCard *self)
{
  start_load (self, LENS_QUERY_REFRESH);
}

static void
open_clicked (LensDistrictCard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "crime");
}

const char *
lens_district_card_get_text (LensDistrictCard *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_CARD (self), NULL);
  return self->loading ? NULL : self->text;
}

const char *
lens_district_card_get_detail (LensDistrictCard *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_CARD (self), NULL);
  return self->loading ? NULL : self->detail;
}

static void
lens_district_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTLED:
      g_value_set_boolean (value, lens_district_card_is_settled (LENS_LOADABLE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_district_card_dispose (GObject *object)
{
  LensDistrictCard *self = LENS_DISTRICT_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (lens_district_card_parent_class)->dispose (object);
}

static void
lens_district_card_class_init (LensDistrictCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lens_district_card_get_property;
  object_class->dispose = lens_district_card_dispose;
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensdistrictcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class,
           gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
lens_district_card_init (LensDistrictCard *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "headline-card");
}

GtkWidget *
lens_district_card_new (LensDistrictCardKind kind,
                        const char          *page_title)
{
  LensDistrictCard *self = g_object_new (LENS_TYPE_DISTRICT_CARD, NULL);
  g_autofree char *open_text = NULL;
  GtkLabel *title;
  GtkWidget *open, *content, *spacer;

  self->kind = kind;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = add_label (self->box, "headline-label", FALSE);
  gtk_label_set_label (title, card_title (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  self->number_label = add_label (self->box, "headline-number", FALSE);
  self->detail_label = add_label (self->box, "headline-period", FALSE);
  self->extra_label = add_label (self->box, "headline-period", TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_label), FALSE);

  self->retry_button = gtk_button_new_with_mnemonic (_("_Retry"));
  lens_accessible_set_name (self->retry_button, _("_Retry"));
  gtk_widget_set_halign (self->retry_button, GTK_ALIGN_START);
  gtk_widget_set_visible (self->retry_button, FALSE);
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked), self);
  gtk_box_append (GTK_BOX (self->box), self->retry_button);

  spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (self->box), spacer);
  self->source_label = add_label (self->box, "caveat", TRUE);

  /* Translators: the button at the bottom of a headline card; %s is a page, e.g. "Crime". */
  open_text = g_strdup_printf (_("Open %s Charts"), page_title);
  open = gtk_button_new ();
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (content), gtk_label_new (open_text));
  /* the arrow is decoration: the button's name is its text */
  gtk_box_append (GTK_BOX (content), g_object_new (GTK_TYPE_IMAGE,
                                                   "icon-name", "go-next-symbolic",
                                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                   NULL));
  gtk_button_set_child (GTK_BUTTON (open), content);
  lens_accessible_set_name (open, open_text);
  gtk_widget_set_halign (open, GTK_ALIGN_START);
  gtk_widget_set_margin_top (open, 6);
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (open_clicked), self);
  gtk_box_append (GTK_BOX (self->box), open);

  set_shown (self, NULL, _("Loading…"), NULL, NULL);
  return GTK_WIDGET (self);
}
