/* lens-filter-box.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-filter-box"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-data-period.h"
#include "lens-districts.h"
#include "lens-filter-box.h"
#include "lens-filters.h"
#include "lens-format.h"

/* The Crimes dataset starts in 2001. */
#define FIRST_YEAR 2001

struct _LensFilterBox
{
  GtkWidget       parent_instance;

  GtkOrientation  orientation;
  GtkWidget      *grid;
  GtkDropDown    *district_drop_down;
  GtkDropDown    *compare_drop_down;
  GtkDropDown    *compare_as_drop_down;
  GtkMenuButton  *dates_button;
  GtkLabel       *dates_label;
  GtkPopover     *dates_popover;
  GtkDropDown    *from_month;
  GtkSpinButton  *from_year;
  GtkDropDown    *to_month;
  GtkSpinButton  *to_year;
  GtkLabel       *dates_error;
  GtkButton      *apply_button;

  LensFilters    *filters;
  /* Set while the state is pushed in, so that it is not sent back as a change. */
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (LensFilterBox, lens_filter_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORIENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_range_label (const LensFilters *filters)
{
  const GDate *from = lens_filters_get_from (filters);
  const GDate *to = lens_filters_get_to (filters);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!g_date_valid (from) || !g_date_valid (to))
    return g_strdup (_("Dates"));

  first = lens_format_month (g_date_get_year (from), g_date_get_month (from));
  last = lens_format_month (g_date_get_year (to), g_date_get_month (to));

  if (g_str_equal (first, last))
    return g_steal_pointer (&first);

  /* Translators: a range of months, e.g. "Jan 2020 – Dec 2024". */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/* Drop-down contents */

static GListModel *
create_district_model (gboolean compare)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (compare)
    {
      /* Translators: the comparison drop-down: no second series. */
      gtk_string_list_append (list, _("No Comparison"));
      /* Translators: the comparison drop-down: compare with the whole city. */
      gtk_string_list_append (list, _("Compare with Citywide"));
    }
  else
    {
      /* Translators: the district drop-down: all of Chicago. */
      gtk_string_list_append (list, _("Citywide"));
    }

  for (guint i = 0; i < lens_districts_get_count (); i++)
    {
      g_autofree char *label = lens_district_dup_label (lens_districts_get_nth (i));

      if (compare)
        {
          g_autofree char *text = NULL;

          /* Translators: the comparison drop-down; %s is a district such as "5 – Calumet". */
          text = g_strdup_printf (_("Compare with %s"), label);
          gtk_string_list_append (list, text);
        }
      else
        {
          g_autofree char *text = NULL;

          /* Translators: the district drop-down; %s is a district such as "5 – Calumet". */
          text = g_strdup_printf (_("District %s"), label);
          gtk_string_list_append (list, text);
        }
    }

  return G_LIST_MODEL (list);
}

/* 0 for a district number that is not one (0, the whole city) */
static guint
district_to_position (guint district,
                      guint offset)
{
  for (guint i = 0; i < lens_districts_get_count (); i++)
    if (lens_districts_get_nth (i)->number == district)
      return i + offset;

  return 0;
}

static char *
position_to_district (guint position,
                      guint offset)
{
  if (position < offset || position - offset >= lens_districts_get_count ())
    return NULL;

  return g_strdup_printf ("%u", lens_districts_get_nth (position - offset)->number);
}

static void
button_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  const char *icon_name = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), lens_accessible_decorative_image_new (icon_name));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
button_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       gtk_string_object_get_string (string));
}

static void
list_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
list_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
setup_drop_down (GtkDropDown *drop_down,
                 const char  *icon_name)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (button_item_setup_cb), (gpointer) icon_name);
  g_signal_connect (factory, "bind", G_CALLBACK (button_item_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (list_item_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (list_item_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);

  /* Typing "calumet" or "5" finds the district. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (drop_down, expression);
  gtk_drop_down_set_enable_search (drop_down, TRUE);
}

/* Changes made by the person */

static void
district_selected_cb (LensFilterBox *self,
                      GParamSpec    *pspec,
                      GtkDropDown   *drop_down)
{
  g_autofree char *district = NULL;

  if (self->updating)
    return;

  district = position_to_district (gtk_drop_down_get_selected (drop_down), 1);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.district", "s",
                              district != NULL ? district : "");
}

static void
compare_selected_cb (LensFilterBox *self,
                     GParamSpec    *pspec,
                     GtkDropDown   *drop_down)
{
  g_autofree char *district = NULL;
  guint position;

  if (self->updating)
    return;

  position = gtk_drop_down_get_selected (drop_down);
  district = position_to_district (position, 2);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.compare", "s",
                              district != NULL ? district
                              : position == 1 ? "citywide" : "none");
}

/* The positions of the compare-as drop-down are the LensCompareAs values. */
static void
compare_as_selected_cb (LensFilterBox *self,
                        GParamSpec    *pspec,
                        GtkDropDown   *drop_down)
{
  guint position;

  if (self->updating)
    return;

  position = gtk_drop_down_get_selected (drop_down);
  if (position > LENS_COMPARE_AS_SHARE)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.compare-as", "s",
                              lens_compare_as_to_nick ((LensCompareAs) position));
}

static void
compare_as_button_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  const char *labels[] = {
    /* Translators: the compare-as drop-down's button, short: the numbers as counted */
    [LENS_COMPARE_AS_COUNTS] = C_("compare as", "Counts"),
    /* Translators: the compare-as drop-down's button, short: first period = 100 */
    [LENS_COMPARE_AS_INDEX] = C_("compare as", "Index"),
    /* Translators: the compare-as drop-down's button, short: percent of the city's total */
    [LENS_COMPARE_AS_SHARE] = C_("compare as", "Share of City"),
  };
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint position = gtk_list_item_get_position (item);

  gtk_label_set_label (GTK_LABEL (label), position < G_N_ELEMENTS (labels) ? labels[position] : "");
  /* In the header bar, the icon alone: a wide window keeps its sidebar only while the
   * filters' natural width is modest. The tooltip, the legend and the axis name the mode. */
  gtk_widget_set_visible (label, !GPOINTER_TO_INT (user_data));
}

static GtkWidget *
create_compare_as_drop_down (LensFilterBox *self,
                             gboolean       horizontal)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  GtkDropDown *drop_down;

  /* In the order of LensCompareAs */
  /* Translators: the compare-as drop-down: the numbers as the portal counts them */
  gtk_string_list_append (list, _("As Counts"));
  /* Translators: the compare-as drop-down: each area's first year or month is 100 */
  gtk_string_list_append (list, _("As Index (First Period = 100)"));
  /* Translators: the compare-as drop-down: each area's part of the whole city, in percent */
  gtk_string_list_append (list, _("As Share of the City’s Total"));

  drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL));
  /* The button says it short (in the header bar, with its icon only); the list in full. */
  g_signal_connect (button_factory, "setup", G_CALLBACK (button_item_setup_cb),
                    horizontal ? (gpointer) "zoom-fit-best-symbolic" : NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (compare_as_button_bind_cb),
                    GINT_TO_POINTER (horizontal));
  g_signal_connect (list_factory, "setup", G_CALLBACK (list_item_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (list_item_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, button_factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
  gtk_widget_set_name (GTK_WIDGET (drop_down), "compare-as");
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down),
                               _("Compare as: counts, an index or a share of the city’s total"));
  lens_accessible_name_drop_down (drop_down, _("Compare as"));
  g_signal_connect_swapped (drop_down, "notify::selected",
                            G_CALLBACK (compare_as_selected_cb), self);
  /* Nothing to show it as until there is a comparison */
  gtk_widget_set_sensitive (GTK_WIDGET (drop_down), FALSE);
  return GTK_WIDGET (drop_down);
}

static void
preset_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  LensFilterBox *self = user_data;
  const char *preset = g_object_get_data (G_OBJECT (button), "lens-preset");

  /* win.date-range takes the preset's name and works out its dates. */
  gtk_popover_popdown (self->dates_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.date-range", "s", preset);
}

static gboolean
read_custom_range (LensFilterBox *self,
                   GDate         *from,
                   GDate         *to)
{
  GDate today;
  guint to_month;
  int to_year;

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  lens_data_period_get_today (&today);

  g_date_set_dmy (from, 1,
                  gtk_drop_down_get_selected (self->from_month) + 1,
                  gtk_spin_button_get_value_as_int (self->from_year));

  to_month = gtk_drop_down_get_selected (self->to_month) + 1;
  to_year = gtk_spin_button_get_value_as_int (self->to_year);
  g_date_set_dmy (to, g_date_get_days_in_month (to_month, to_year), to_month, to_year);

  /* The end of the current month is in the future: stop at today. */
  if (g_date_compare (to, &today) > 0)
    *to = today;

  return g_date_compare (from, to) <= 0;
}

static void
custom_range_changed_cb (LensFilterBox *self)
{
  GDate from, to;
  gboolean valid = read_custom_range (self, &from, &to);

  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), !valid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), valid);
}

static void
apply_clicked_cb (LensFilterBox *self,
                  GtkButton     *button)
{
  g_autoptr(LensFilters) filters = NULL;
  g_autofree char *range = NULL;
  GDate from, to;

  if (self->filters == NULL || !read_custom_range (self, &from, &to))
    return;

  filters = lens_filters_copy (self->filters);
  lens_filters_set_range (filters, &from, &to);
  range = lens_filters_dup_field (filters, "date-range");
  gtk_popover_popdown (self->dates_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.date-range", "s", range);
}

static void
dates_popover_show_cb (LensFilterBox *self,
                       GtkPopover    *popover)
{
  const GDate *from, *to;

  if (self->filters == NULL)
    return;

  from = lens_filters_get_from (self->filters);
  to = lens_filters_get_to (self->filters);
  gtk_drop_down_set_selected (self->from_month, g_date_get_month (from) - 1);
  gtk_spin_button_set_value (self->from_year, g_date_get_year (from));
  gtk_drop_down_set_selected (self->to_month, g_date_get_month (to) - 1);
  gtk_spin_button_set_value (self->to_year, g_date_get_year (to));
  custom_range_changed_cb (self);
}

/* Construction */

static GtkWidget *
create_month_drop_down (void)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (guint month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) datetime = g_date_time_new_local (2001, month, 1, 0, 0, 0);
      /* %OB: the month's name as it stands alone, not inside a date. */
      g_autofree char *name = g_date_time_format (datetime, "%OB");

      gtk_string_list_append (months, name);
    }

  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&months)), NULL);
}

static GtkWidget *
create_year_spin (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *spin;

  spin = gtk_spin_button_new_with_range (FIRST_YEAR, g_date_time_get_year (now), 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  return spin;
}

static GtkWidget *
create_dates_popover (LensFilterBox *self)
{
  static const struct {
    const char *id;
    const char *label;
  } presets[] = {
    { "last-12-months", N_("Last 12 Months") },
    { "this-year", N_("This Year") },
    { "last-5-years", N_("Last 5 Years") },
  };
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  gtk_widget_add_css_class (box, "lens-dates-popover");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(presets[i].label));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0.0);
      g_object_set_data (G_OBJECT (button), "lens-preset", (gpointer) presets[i].id);
      g_signal_connect (button, "clicked", G_CALLBACK (preset_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  label = gtk_label_new (_("Custom Range"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);

  self->from_month = GTK_DROP_DOWN (create_month_drop_down ());
  self->from_year = GTK_SPIN_BUTTON (create_year_spin ());
  self->to_month = GTK_DROP_DOWN (create_month_drop_down ());
  self->to_year = GTK_SPIN_BUTTON (create_year_spin ());

  label = gtk_label_new_with_mnemonic (_("_From"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->from_month));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->from_month), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->from_year), 2, 0, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_year),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("From year"), -1);

  label = gtk_label_new_with_mnemonic (_("_To"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->to_month));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->to_month), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->to_year), 2, 1, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_year),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("To year"), -1);

  gtk_widget_set_hexpand (GTK_WIDGET (self->from_month), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->to_month), TRUE);
  gtk_box_append (GTK_BOX (box), grid);

  self->dates_error = GTK_LABEL (gtk_label_new (_("The start must come before the end.")));
  gtk_label_set_wrap (self->dates_error, TRUE);
  gtk_label_set_xalign (self->dates_error, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->dates_error), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->dates_error), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dates_error));

  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Show These Dates")));
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_widget_set_margin_top (GTK_WIDGET (self->apply_button), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->apply_button), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->apply_button), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->apply_button), 6);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->apply_button));

  g_signal_connect_swapped (self->from_month, "notify::selected",
                            G_CALLBACK (custom_range_changed_cb), self);
  g_signal_connect_swapped (self->to_month, "notify::selected",
                            G_CALLBACK (custom_range_changed_cb), self);
  g_signal_connect_swapped (self->from_year, "value-changed",
                            G_CALLBACK (custom_range_changed_cb), self);
  g_signal_connect_swapped (self->to_year, "value-changed",
                            G_CALLBACK (custom_range_changed_cb), self);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), GTK_WIDGET (self->apply_button));
  g_signal_connect_swapped (popover, "show", G_CALLBACK (dates_popover_show_cb), self);

  return popover;
}

static GtkWidget *
add_caption (LensFilterBox *self,
             const char    *mnemonic,
             GtkWidget     *control,
             int            row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, row * 2, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), control, 0, row * 2 + 1, 1, 1);
  gtk_widget_set_hexpand (control, TRUE);

  return label;
}

static void
lens_filter_box_constructed (GObject *object)
{
  LensFilterBox *self = LENS_FILTER_BOX (object);
  gboolean horizontal = self->orientation == GTK_ORIENTATION_HORIZONTAL;
  GtkWidget *box;

  G_OBJECT_CLASS (lens_filter_box_parent_class)->constructed (object);

  self->grid = gtk_grid_new ();
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->district_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (create_district_model (FALSE), NULL));
  setup_drop_down (self->district_drop_down, horizontal ? "mark-location-symbolic" : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->district_drop_down), _("District (Ctrl+D)"));
  lens_accessible_name_drop_down (self->district_drop_down, _("District"));
  g_signal_connect_swapped (self->district_drop_down, "notify::selected",
                            G_CALLBACK (district_selected_cb), self);

  self->compare_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (create_district_model (TRUE), NULL));
  setup_drop_down (self->compare_drop_down, horizontal ? "view-dual-symbolic" : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_drop_down),
                               _("Compare with (Ctrl+K)"));
  lens_accessible_name_drop_down (self->compare_drop_down, _("Compare with"));
  g_signal_connect_swapped (self->compare_drop_down, "notify::selected",
                            G_CALLBACK (compare_selected_cb), self);

  self->dates_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (horizontal)
    gtk_box_append (GTK_BOX (box), lens_accessible_decorative_image_new ("x-office-calendar-symbolic"));
  self->dates_label = GTK_LABEL (gtk_label_new (_("Dates")));
  gtk_label_set_ellipsize (self->dates_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->dates_label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->dates_label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dates_label));
  gtk_box_append (GTK_BOX (box), lens_accessible_decorative_image_new ("pan-down-symbolic"));
  /* In the vertical panel the button is as wide as the drop-downs above it: so is its text. */
  gtk_widget_set_hexpand (box, TRUE);
  gtk_menu_button_set_child (self->dates_button, box);
  gtk_menu_button_set_always_show_arrow (self->dates_button, FALSE);
  self->dates_popover = GTK_POPOVER (create_dates_popover (self));
  gtk_menu_button_set_popover (self->dates_button, GTK_WIDGET (self->dates_popover));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dates_button), _("Dates (Ctrl+E)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dates_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dates"), -1);

  if (horizontal)
    {
      gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
      gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->district_drop_down), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->compare_drop_down), 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->dates_button), 2, 0, 1, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self), "lens-filter-bar");
    }
  else
    {
      gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
      add_caption (self, _("_District"), GTK_WIDGET (self->district_drop_down), 0);
      add_caption (self, _("Compare _With"), GTK_WIDGET (self->compare_drop_down), 1);
      add_caption (self, _("D_ates"), GTK_WIDGET (self->dates_button), 2);
      gtk_widget_set_margin_start (self->grid, 6);
      gtk_widget_set_margin_end (self->grid, 6);
      gtk_widget_set_margin_top (self->grid, 6);
      gtk_widget_set_margin_bottom (self->grid, 6);
      gtk_widget_add_css_class (GTK_WIDGET (self), "lens-filter-panel");
    }

  /* Compare as, right after the comparison */
  self->compare_as_drop_down = GTK_DROP_DOWN (create_compare_as_drop_down (self, horizontal));
  if (horizontal)
    {
      gtk_grid_insert_next_to (GTK_GRID (self->grid), GTK_WIDGET (self->compare_drop_down),
                               GTK_POS_RIGHT);
      gtk_grid_attach_next_to (GTK_GRID (self->grid), GTK_WIDGET (self->compare_as_drop_down),
                               GTK_WIDGET (self->compare_drop_down), GTK_POS_RIGHT, 1, 1);
    }
  else
    {
      gtk_grid_insert_row (GTK_GRID (self->grid), 4);
      gtk_grid_insert_row (GTK_GRID (self->grid), 4);
      add_caption (self, _("Compare A_s"), GTK_WIDGET (self->compare_as_drop_down), 2);
    }
}

static void
lens_filter_box_dispose (GObject *object)
{
  LensFilterBox *self = LENS_FILTER_BOX (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (lens_filter_box_parent_class)->dispose (object);
}

static void
lens_filter_box_finalize (GObject *object)
{
  LensFilterBox *self = LENS_FILTER_BOX (object);

  g_clear_pointer (&self->filters, lens_filters_unref);

  G_OBJECT_CLASS (lens_filter_box_parent_class)->finalize (object);
}

static void
lens_filter_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LensFilterBox *self = LENS_FILTER_BOX (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_filter_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LensFilterBox *self = LENS_FILTER_BOX (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      self->orientation = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_filter_box_class_init (LensFilterBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_filter_box_constructed;
  object_class->dispose = lens_filter_box_dispose;
  object_class->finalize = lens_filter_box_finalize;
  object_class->get_property = lens_filter_box_get_property;
  object_class->set_property = lens_filter_box_set_property;

  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION,
                       GTK_ORIENTATION_HORIZONTAL,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensfilterbox");
}

static void
lens_filter_box_init (LensFilterBox *self)
{
}

GtkWidget *
lens_filter_box_new (GtkOrientation orientation)
{
  return g_object_new (LENS_TYPE_FILTER_BOX,
                       "orientation", orientation,
                       NULL);
}

void
lens_filter_box_set_filters (LensFilterBox *self,
                             LensFilters   *filters)
{
  g_autofree char *label = NULL;
  guint compare;

  g_return_if_fail (LENS_IS_FILTER_BOX (self));
  g_return_if_fail (filters != NULL);

  lens_filters_ref (filters);
  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = filters;

  switch (lens_filters_get_compare (filters))
    {
    case LENS_COMPARE_CITYWIDE:
      compare = 1;
      break;
    case LENS_COMPARE_DISTRICT:
      compare = district_to_position (lens_filters_get_compare_district (filters), 2);
      break;
    case LENS_COMPARE_NONE:
    default:
      compare = 0;
      break;
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->district_drop_down,
                              district_to_position (lens_filters_get_district (filters), 1));
  gtk_drop_down_set_selected (self->compare_drop_down, compare);
  gtk_drop_down_set_selected (self->compare_as_drop_down, lens_filters_get_compare_as (filters));
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_as_drop_down),
                            lens_filters_get_compare (filters) != LENS_COMPARE_NONE);
  {
    /* The header bar's button is an icon: its tooltip and description say which is shown */
    g_autofree char *shown = lens_filters_dup_compare_as_label (filters);
    g_autofree char *tooltip = NULL;

    if (shown != NULL)
      /* Translators: the compare-as drop-down's tooltip; %s is "share of the city’s total",
       * "index, first period = 100" or "counts" */
      tooltip = g_strdup_printf (_("Compare as: %s"), shown);
    else
      tooltip = g_strdup (_("Compare as: counts, an index or a share of the city’s total"));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_as_drop_down), tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_as_drop_down),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  }
  self->updating = FALSE;

  label = format_range_label (filters);
  gtk_label_set_label (self->dates_label, label);
}

void
lens_filter_box_focus (LensFilterBox     *self,
                       LensFilterControl  control)
{
  g_return_if_fail (LENS_IS_FILTER_BOX (self));

  switch (control)
    {
    case LENS_FILTER_DISTRICT:
      gtk_widget_grab_focus (GTK_WIDGET (self->district_drop_down));
      break;

    case LENS_FILTER_COMPARE:
      gtk_widget_grab_focus (GTK_WIDGET (self->compare_drop_down));
      break;

    case LENS_FILTER_DATES:
      gtk_widget_grab_focus (GTK_WIDGET (self->dates_button));
      gtk_menu_button_popup (self->dates_button);
      break;

    default:
      g_assert_not_reached ();
    }
}
