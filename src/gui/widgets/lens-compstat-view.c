/* lens-compstat-view.c: the CompStat table of the Crime page
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compstat-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-compstat-view.h"
#include "lens-describe.h"
#include "lens-districts.h"
#include "lens-format.h"

struct _LensCompstatView
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkLabel         *status_label;
  GtkWidget        *retry_button;
  GtkWidget        *copy_button;
  GtkWidget        *switcher;  /* a toggle button per area */
  GtkWidget        *areas;     /* a GtkStack: one area's table at a time, so the charts stay in sight */
  guint             shown_area;

  LensPortalClient *client;
  LensFilters      *filters;
  GCancellable     *cancellable;
  GPtrArray        *tables;    /* LensCompstat, one per area, in the order of areas */
  guint             n_waiting;
  guint             generation;  /* of the load in progress: older answers are dropped */
  GError           *error;
};

static void lens_compstat_view_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensCompstatView, lens_compstat_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_compstat_view_loadable_init))

enum {
  PROP_0,
  PROP_SETTLED,
};

static const LensCompstatWindow shown[] = {
  LENS_COMPSTAT_LAST_7, LENS_COMPSTAT_LAST_28, LENS_COMPSTAT_YEAR_TO_DATE
};

static char *
dup_area_label (guint district)
{
  if (district == 0)
    return g_strdup (_("Citywide"));
  return lens_district_dup_label (lens_district_lookup_number (district));
}

static const char *
window_title (LensCompstatWindow window)
{
  switch (window)
    {
    case LENS_COMPSTAT_LAST_7: return _("Last 7 days");
    case LENS_COMPSTAT_LAST_28: return _("Last 28 days");
    default: return _("Year to date");
    }
}

static GtkWidget *
cell (const char *text,
      gboolean    header,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

/* Shooting victims come from another dataset, whose data end on their own day: say both. */
static char *
dup_victims_note (LensCompstat *table)
{
  g_autofree char *day = lens_describe_day (lens_compstat_get_victims_last_full_day (table));

  /* Translators: %s is a day. gumc-mgzr is the dataset's id on the portal. */
  return g_strdup_printf (_("Shooting victims: people shot, fatally or not, from the dataset “Violence Reduction – Victims of Homicides and Non-Fatal Shootings” (gumc-mgzr), one row per victim; its periods end on %s, where its data end."),
                          day);
}

static void
add_victims_row (GtkGrid      *grid,
                 LensCompstat *table,
                 int           row)
{
  g_autofree char *note = dup_victims_note (table);
  GtkWidget *name = cell (_("Shooting victims"), FALSE, FALSE);
  GtkWidget *note_label;

  gtk_widget_set_tooltip_text (name, note);
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *now = lens_format_count (lens_compstat_get_victims (table, shown[i]));
      g_autofree char *before = lens_format_count (lens_compstat_get_victims (table, shown[i] + 1));
      g_autofree char *change = lens_compstat_dup_victims_change (table, shown[i]);

      gtk_grid_attach (grid, cell (now, FALSE, TRUE), 1 + 3 * i, row, 1, 1);
      gtk_grid_attach (grid, cell (before, FALSE, TRUE), 2 + 3 * i, row, 1, 1);
      gtk_grid_attach (grid, cell (change, FALSE, TRUE), 3 + 3 * i, row, 1, 1);
    }

  note_label = gtk_label_new (note);
  gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note_label), 80);
  gtk_label_set_xalign (GTK_LABEL (note_label), 0.0);
  gtk_widget_add_css_class (note_label, "dim-label");
  gtk_widget_add_css_class (note_label, "caption");
  gtk_widget_set_margin_top (note_label, 6);
  gtk_grid_attach (grid, note_label, 0, row + 1, 10, 1);
}

static GtkWidget *
build_area (LensCompstat *table)
{
  g_autofree char *area = dup_area_label (lens_compstat_get_district (table));
  g_autofree char *day = lens_describe_day (lens_compstat_get_last_full_day (table));
  g_autofree char *caption = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title;
  guint n_rows = lens_compstat_get_n_rows ();

  /* isolated, and a right-to-left mark first: Pango takes a paragraph's direction from its
   * first strong letter, isolated or not, and "5 – Calumet" first in the Arabic sentence
   * made the whole heading read left to right */
  {
    const char *sentence = _("%s: the 7 days, the 28 days and the year to %s, each against the same days a year earlier");
    g_autofree char *isolated_area = lens_describe_isolate (sentence, area);
    g_autofree char *isolated_day = lens_describe_isolate (sentence, day);

    /* Translators: "District 5 (Calumet): the 7 days, the 28 days and the year to 24 March 2026" */
    caption = g_strdup_printf (_("%s: the 7 days, the 28 days and the year to %s, each against the same days a year earlier"),
                               isolated_area, isolated_day);
    if (g_strcmp0 (isolated_area, area) != 0)
      {
        char *marked = g_strconcat ("\u200f", caption, NULL);

        g_free (caption);
        caption = marked;
      }
  }
  title = gtk_label_new (caption);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Category"), TRUE, FALSE), 0, 0, 1, 2);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      gtk_grid_attach (GTK_GRID (grid), cell (window_title (shown[i]), TRUE, FALSE), 1 + 3 * i, 0, 3, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (_("Now"), TRUE, TRUE), 1 + 3 * i, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (_("A year earlier"), TRUE, TRUE), 2 + 3 * i, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (_("Change"), TRUE, TRUE), 3 + 3 * i, 1, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const LensCompstatRow *row = lens_compstat_get_row (r);
      GtkWidget *name = cell (row->label, row->is_total, FALSE);

      gtk_grid_attach (GTK_GRID (grid), name, 0, 2 + r, 1, 1);
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        {
          g_autofree char *now = lens_format_count (lens_compstat_get_count (table, r, shown[i]));
          g_autofree char *before = lens_format_count (lens_compstat_get_count (table, r, shown[i] + 1));
          g_autofree char *change = lens_compstat_dup_change (table, r, shown[i]);

          gtk_grid_attach (GTK_GRID (grid), cell (now, FALSE, TRUE), 1 + 3 * i, 2 + r, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell (before, FALSE, TRUE), 2 + 3 * i, 2 + r, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell (change, FALSE, TRUE), 3 + 3 * i, 2 + r, 1, 1);
        }
    }

  if (lens_compstat_has_victims (table))
    add_victims_row (GTK_GRID (grid), table, 2 + n_rows);

  /* Ten columns do not fit a phone: the table scrolls sideways there. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

static void
area_toggled (GtkToggleButton  *button,
              LensCompstatView *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->shown_area = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "area-index"));
  gtk_stack_set_visible_child_name (GTK_STACK (self->areas),
                                    g_object_get_data (G_OBJECT (button), "area-name"));
}

static void
show_state (LensCompstatView *self)
{
  GtkWidget *child;
  GtkToggleButton *first = NULL;
  guint n_tables = self->tables != NULL ? self->tables->len : 0;

  while ((child = gtk_widget_get_first_child (self->areas)) != NULL)
    gtk_stack_remove (GTK_STACK (self->areas), child);
  while ((child = gtk_widget_get_first_child (self->switcher)) != NULL)
    gtk_box_remove (GTK_BOX (self->switcher), child);

  gtk_widget_set_visible (self->retry_button, self->error != NULL);
  gtk_widget_set_visible (self->copy_button, self->tables != NULL);
  gtk_widget_set_visible (self->switcher, n_tables > 1);

  if (self->n_waiting > 0 && self->tables == NULL)
    gtk_label_set_label (self->status_label, _("Loading…"));
  else if (self->error != NULL)
    gtk_label_set_label (self->status_label, self->error->message);
  else if (n_tables > 0)
    {
      LensQueryResult *result = lens_compstat_get_result (g_ptr_array_index (self->tables, 0));
      g_autofree char *when = lens_format_datetime (lens_query_result_get_fetched_at (result));
      g_autofree char *age = lens_format_age (lens_query_result_get_age (result));
      g_autofree char *text = g_strdup_printf (_("Fetched %s (%s)"), when, age);

      gtk_label_set_label (self->status_label, text);
    }

  if (self->shown_area >= n_tables)
    self->shown_area = 0;
  for (guint i = 0; i < n_tables; i++)
    {
      LensCompstat *table = g_ptr_array_index (self->tables, i);
      g_autofree char *label = dup_area_label (lens_compstat_get_district (table));
      g_autofree char *name = g_strdup_printf ("area-%u", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      /* a long district name wraps on a narrow window */
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_CENTER);

      gtk_stack_add_named (GTK_STACK (self->areas), build_area (table), name);
      /* GTK 4.8 does not name a button from its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "area-index", GUINT_TO_POINTER (i));
      g_object_set_data_full (G_OBJECT (button), "area-name", g_strdup (name), g_free);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (area_toggled), self);
      gtk_box_append (GTK_BOX (self->switcher), button);
      if (i == self->shown_area)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  if (n_tables > 0)
    {
      g_autofree char *name = g_strdup_printf ("area-%u", self->shown_area);

      gtk_stack_set_visible_child_name (GTK_STACK (self->areas), name);
    }
}

typedef struct
{
  LensCompstatView *self;
  guint             generation;
} Slot;

static void
slot_free (Slot *slot)
{
  g_object_unref (slot->self);
  g_free (slot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Slot, slot_free)

static void
load_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(Slot) slot = user_data;
  LensCompstatView *self = slot->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = lens_compstat_load_areas_finish (res, &error);

  if (slot->generation != self->generation)
    return;

  self->n_waiting = 0;
  if (tables != NULL)
    {
      g_clear_pointer (&self->tables, g_ptr_array_unref);
      self->tables = g_steal_pointer (&tables);
    }
  else
    self->error = g_steal_pointer (&error);
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
start_load (LensCompstatView *self,
            LensQueryFlags    flags)
{
  guint areas[3];
  guint n_areas = 0;
  guint district = lens_filters_get_district (self->filters);
  Slot *slot;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  g_clear_error (&self->error);
  if (!(flags & LENS_QUERY_REFRESH))
    g_clear_pointer (&self->tables, g_ptr_array_unref);

  areas[n_areas++] = district;
  if (district != 0)
    areas[n_areas++] = 0;
  if (lens_filters_get_compare (self->filters) == LENS_COMPARE_DISTRICT)
    areas[n_areas++] = lens_filters_get_compare_district (self->filters);

  /* One coverage lookup for all the areas; the victims row when its dataset answers. */
  slot = g_new0 (Slot, 1);
  slot->self = g_object_ref (self);
  slot->generation = self->generation;
  self->n_waiting = 1;
  lens_compstat_load_areas_async (self->client, areas, n_areas, TRUE, flags, self->cancellable,
                                  load_cb, slot);
  show_state (self);
  g_object_notify (G_OBJECT (self), "settled");
}

static void
lens_compstat_view_load (LensLoadable     *loadable,
                         LensPortalClient *client,
                         LensFilters      *filters,
                         LensQueryFlags    flags)
{
  LensCompstatView *self = LENS_COMPSTAT_VIEW (loadable);

  g_set_object (&self->client, client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = lens_filters_copy (filters);
  start_load (self, flags);
}

static gboolean
lens_compstat_view_is_settled (LensLoadable *loadable)
{
  return LENS_COMPSTAT_VIEW (loadable)->n_waiting == 0;
}

static void
lens_compstat_view_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_compstat_view_load;
  iface->is_settled = lens_compstat_view_is_settled;
}

static void
retry_clicked (LensCompstatView *self)
{
  if (self->client != NULL && self->filters != NULL)
    start_load (self, LENS_QUERY_REFRESH);
}

static void
csv_field (GString    *csv,
           const char *text)
{
  g_string_append_c (csv, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

char *
lens_compstat_view_dup_csv (LensCompstatView *self)
{
  GString *csv;

  g_return_val_if_fail (LENS_IS_COMPSTAT_VIEW (self), NULL);
  if (self->tables == NULL)
    return NULL;

  csv = g_string_new (NULL);
  csv_field (csv, _("Area"));
  g_string_append_c (csv, ',');
  csv_field (csv, _("Category"));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *parts[] = { _("Now"), _("A year earlier"), _("Change") };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          g_autofree char *name = g_strdup_printf ("%s: %s", window_title (shown[i]), parts[k]);

          g_string_append_c (csv, ',');
          csv_field (csv, name);
        }
    }
  g_string_append (csv, "\r\n");

  for (guint t = 0; t < self->tables->len; t++)
    {
      LensCompstat *table = g_ptr_array_index (self->tables, t);
      g_autofree char *area = dup_area_label (lens_compstat_get_district (table));

      for (guint r = 0; r < lens_compstat_get_n_rows (); r++)
        {
          csv_field (csv, area);
          g_string_append_c (csv, ',');
          csv_field (csv, lens_compstat_get_row (r)->label);
          for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
            {
              g_autofree char *change = lens_compstat_dup_change (table, r, shown[i]);

              g_string_append_printf (csv, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                                      lens_compstat_get_count (table, r, shown[i]),
                                      lens_compstat_get_count (table, r, shown[i] + 1));
              csv_field (csv, change);
            }
          g_string_append (csv, "\r\n");
        }
      if (lens_compstat_has_victims (table))
        {
          csv_field (csv, area);
          g_string_append_c (csv, ',');
          csv_field (csv, _("Shooting victims"));
          for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
            {
              g_autofree char *change = lens_compstat_dup_victims_change (table, shown[i]);

              g_string_append_printf (csv, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                                      lens_compstat_get_victims (table, shown[i]),
                                      lens_compstat_get_victims (table, shown[i] + 1));
              csv_field (csv, change);
            }
          g_string_append (csv, "\r\n");
        }
    }

  return g_string_free (csv, FALSE);
}

GPtrArray *
lens_compstat_view_get_tables (LensCompstatView *self)
{
  g_return_val_if_fail (LENS_IS_COMPSTAT_VIEW (self), NULL);
  return self->tables;
}

static void
copy_clicked (LensCompstatView *self)
{
  g_autofree char *csv = lens_compstat_view_dup_csv (self);

  if (csv != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);
}

static void
lens_compstat_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTLED:
      g_value_set_boolean (value, lens_compstat_view_is_settled (LENS_LOADABLE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_compstat_view_dispose (GObject *object)
{
  LensCompstatView *self = LENS_COMPSTAT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->client);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lens_compstat_view_parent_class)->dispose (object);
}

static void
lens_compstat_view_class_init (LensCompstatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lens_compstat_view_get_property;
  object_class->dispose = lens_compstat_view_dispose;
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compstat");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lens_compstat_view_init (LensCompstatView *self)
{
  GtkWidget *title, *note, *actions;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_margin_bottom (self->box, 18);
  g_object_set (self->box, "margin-start", 0, NULL);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = gtk_label_new (_("Index Crimes Against a Year Earlier"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_box_append (GTK_BOX (self->box), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Index Crimes Against a Year Earlier"), -1);

  note = gtk_label_new (_("The categories are the FBI’s index crimes, by the FBI code the Crimes dataset gives each incident; violent and property crimes add up their categories, and simple assaults and batteries are left out. The classifications are preliminary and the dataset has one row per incident, except homicides, which have one per victim, so CPD’s own CompStat reports may give other numbers."));
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_margin_start (note, 12);
  gtk_widget_set_margin_end (note, 12);
  gtk_box_append (GTK_BOX (self->box), note);


  /* The areas on a line of their own, above the date and the buttons: side by side they were
   * wider than a phone. */
  self->switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->switcher, "linked");
  gtk_widget_set_halign (self->switcher, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->switcher, 12);
  gtk_widget_set_margin_end (self->switcher, 12);
  gtk_box_append (GTK_BOX (self->box), self->switcher);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (actions, 12);
  gtk_widget_set_margin_end (actions, 12);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status_label, 0.0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->status_label));

  self->retry_button = gtk_button_new_with_label (_("Retry"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Retry"), -1);
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked), self);
  gtk_box_append (GTK_BOX (actions), self->retry_button);

  self->copy_button = gtk_button_new_with_label (_("Copy as CSV"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the table as CSV"), -1);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked), self);
  /* as tall as a button beside a date that wraps on a narrow window */
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (actions), self->copy_button);
  gtk_box_append (GTK_BOX (self->box), actions);
  self->areas = gtk_stack_new ();
  /* Only the area shown is measured: GtkStack measures a hidden page's width for its smallest
   * height, one line of its heading, and that made the page as wide as the longest heading. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->areas), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->areas), FALSE);
  gtk_widget_set_margin_start (self->areas, 12);
  gtk_widget_set_margin_end (self->areas, 12);
  gtk_widget_set_margin_bottom (self->areas, 12);
  gtk_box_append (GTK_BOX (self->box), self->areas);


  show_state (self);
}

GtkWidget *
lens_compstat_view_new (void)
{
  return g_object_new (LENS_TYPE_COMPSTAT_VIEW, NULL);
}
