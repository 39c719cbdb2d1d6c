/* lens-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-brief-dialog.h"
#include "lens-brief-print.h"
#include "lens-cli.h"
#include "lens-consent-decree-page.h"
#include "lens-dashboard-page.h"
#include "lens-districts.h"
#include "lens-filter-box.h"
#include "lens-get-involved-page.h"
#include "lens-format.h"
#include "lens-overview-page.h"
#include "lens-page.h"
#include "lens-reports-page.h"
#include "lens-settings.h"
#include "lens-window.h"

struct _LensWindow
{
  AdwApplicationWindow  parent_instance;

  LensApplication      *application;
  GSettings            *settings;
  LensFilters          *filters;
  char                 *district;
  char                 *compare;
  char                 *date_range;
  char                 *page;

  /* Template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwSqueezer          *filter_squeezer;
  LensFilterBox        *wide_filters;
  LensFilterBox        *narrow_filters;
  AdwWindowTitle       *page_title;
  GtkMenuButton        *filters_button;
  GtkButton            *brief_button;
  GtkPopover           *filters_popover;
  GtkButton            *back_button;
  GtkLabel             *settings_banner;
  GtkStack             *page_stack;
};

G_DEFINE_FINAL_TYPE (LensWindow, lens_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LENS_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages, in sidebar order. A page appears here once it works; adding one is one line. */
typedef struct _LensPageInfo LensPageInfo;

struct _LensPageInfo
{
  const char *id;
  const char *title;
  const char *icon_name;
  const char *description;
  GtkWidget *(*create) (const LensPageInfo *info);
  /* FALSE for pages of shipped content, which the district and dates do not change. */
  gboolean filtered;
};

static const char *page_title_for_id (const char *page_id);
static void        update_filters_visible (LensWindow *self);

static GtkWidget *
create_overview_page (const LensPageInfo *info)
{
  return lens_overview_page_new (page_title_for_id);
}

static GtkWidget *
create_dashboard_page (const LensPageInfo *info)
{
  return lens_dashboard_page_new (info->id, _(info->title), _(info->description));
}

static GtkWidget *
create_consent_decree_page (const LensPageInfo *info)
{
  return lens_consent_decree_page_new ();
}

static GtkWidget *
create_reports_page (const LensPageInfo *info)
{
  return lens_reports_page_new ();
}

static GtkWidget *
create_get_involved_page (const LensPageInfo *info)
{
  return lens_get_involved_page_new ();
}

static const LensPageInfo page_infos[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", NULL, create_overview_page, TRUE },
  { "crime", N_("Crime"), "lens-crime-symbolic",
    N_("Incidents reported to the Chicago Police Department, from the City’s “Crimes – 2001 to "
       "Present” dataset. Hover over a chart or focus it for exact numbers."),
    create_dashboard_page, TRUE },
  { "complaints", N_("Complaints"), "document-edit-symbolic",
    N_("Cases of the Civilian Office of Police Accountability (COPA), from the City’s “COPA Cases – "
       "Summary” dataset: complaints about police conduct that COPA takes on."),
    create_dashboard_page, TRUE },
  { "consent-decree", N_("Consent Decree"), "x-office-document-symbolic", NULL, create_consent_decree_page, FALSE },
  { "reports", N_("Reports"), "accessories-dictionary-symbolic", NULL, create_reports_page, FALSE },
  { "get-involved", N_("Get Involved"), "system-users-symbolic", NULL, create_get_involved_page, FALSE },
};

static const LensPageInfo *
lookup_page_info (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_strcmp0 (page_infos[i].id, id) == 0)
      return &page_infos[i];

  return NULL;
}

/* g_set_str() is GLib 2.76 */
static void
replace_str (char       **str,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*str);
  *str = copy;
}

static const char *
page_title_for_id (const char *page_id)
{
  const LensPageInfo *info = lookup_page_info (page_id);

  return info != NULL ? _(info->title) : NULL;
}

static LensPortalClient *
get_client (LensWindow *self)
{
  return lens_application_get_client (self->application);
}

/* Filters */

static char *
describe_filters (LensWindow *self)
{
  g_autofree char *place = NULL;
  g_autofree char *dates = NULL;
  const LensDistrict *district = lens_district_lookup (self->district);
  GDate from, to;

  if (district != NULL)
    {
      g_autofree char *label = lens_district_dup_label (district);

      /* Translators: %s is a district such as "5 – Calumet". */
      place = g_strdup_printf (_("District %s"), label);
    }
  else
    place = g_strdup (_("Citywide"));

  if (lens_date_range_parse (self->date_range, &from, &to))
    {
      g_autofree char *first = lens_format_month (g_date_get_year (&from), g_date_get_month (&from));
      g_autofree char *last = lens_format_month (g_date_get_year (&to), g_date_get_month (&to));

      /* Translators: a range of months, e.g. "Jan 2020 – Dec 2024". */
      dates = g_strdup_printf (_("%s – %s"), first, last);
    }

  if (dates == NULL)
    return g_steal_pointer (&place);

  /* Translators: the filters in the narrow window's title: "District 5 – Calumet · Jan 2020 –
   * Dec 2024". */
  return g_strdup_printf (_("%s · %s"), place, dates);
}

static void
update_titles (LensWindow *self)
{
  const LensPageInfo *info = lookup_page_info (self->page);
  g_autofree char *subtitle = describe_filters (self);

  adw_window_title_set_title (self->page_title, info != NULL ? _(info->title) : "");
  adw_window_title_set_subtitle (self->page_title, subtitle);
}

static void
apply_filters (LensWindow *self)
{
  g_autoptr(LensFilters) filters = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  filters = lens_cli_build_filters (self->district, self->compare, self->date_range, &error);
  if (filters == NULL &&
      g_error_matches (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_SAME_DISTRICT))
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "compare");

      /* A district compared with itself says nothing: drop the comparison. */
      replace_str (&self->compare, "none");
      if (action != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string ("none"));
      g_settings_set_string (self->settings, "compare", "none");
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
      filters = lens_cli_build_filters (self->district, self->compare, self->date_range, &error);
    }

  if (filters == NULL)
    {
      g_warning ("Invalid filters: %s", error->message);
      return;
    }

  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = g_steal_pointer (&filters);

  lens_filter_box_set_district (self->wide_filters, self->district);
  lens_filter_box_set_district (self->narrow_filters, self->district);
  lens_filter_box_set_compare (self->wide_filters, self->compare);
  lens_filter_box_set_compare (self->narrow_filters, self->compare);
  lens_filter_box_set_date_range (self->wide_filters, self->date_range);
  lens_filter_box_set_date_range (self->narrow_filters, self->date_range);
  update_titles (self);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = gtk_stack_page_get_child (gtk_stack_get_page (self->page_stack, child));

      if (LENS_IS_PAGE (page))
        lens_page_set_filters (LENS_PAGE (page), self->filters);
    }
}

static void
district_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  LensWindow *self = user_data;
  const char *district = g_variant_get_string (value, NULL);
  const LensDistrict *found = NULL;
  g_autofree char *canonical = NULL;

  if (*district != '\0' && g_strcmp0 (district, "citywide") != 0)
    {
      found = lens_district_lookup (district);
      if (found == NULL)
        {
          g_warning ("Ignoring unknown district “%s”", district);
          return;
        }
      canonical = g_strdup_printf ("%u", found->number);
    }
  else
    canonical = g_strdup ("");

  if (g_strcmp0 (canonical, self->district) == 0)
    return;

  g_free (self->district);
  self->district = g_steal_pointer (&canonical);
  g_simple_action_set_state (action, g_variant_new_string (self->district));
  g_settings_set_string (self->settings, "district", self->district);
  apply_filters (self);
}

static void
compare_change_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  LensWindow *self = user_data;
  const char *compare = g_variant_get_string (value, NULL);
  g_autofree char *canonical = NULL;

  if (g_strcmp0 (compare, "none") == 0 || *compare == '\0')
    canonical = g_strdup ("none");
  else if (g_strcmp0 (compare, "citywide") == 0)
    canonical = g_strdup ("citywide");
  else
    {
      const LensDistrict *found = lens_district_lookup (compare);

      if (found == NULL)
        {
          g_warning ("Ignoring unknown comparison “%s”", compare);
          return;
        }
      canonical = g_strdup_printf ("%u", found->number);
    }

  if (g_strcmp0 (canonical, self->compare) == 0)
    return;

  g_free (self->compare);
  self->compare = g_steal_pointer (&canonical);
  g_simple_action_set_state (action, g_variant_new_string (self->compare));
  g_settings_set_string (self->settings, "compare", self->compare);
  apply_filters (self);
}

static void
date_range_change_state (GSimpleAction *action,
                         GVariant      *value,
                         gpointer       user_data)
{
  LensWindow *self = user_data;
  const char *text = g_variant_get_string (value, NULL);
  g_autofree char *canonical = NULL;
  GDate from, to;

  /* A preset name ("last-12-months") is accepted too, for menus and the command line. */
  canonical = lens_date_range_dup_preset (text);
  if (canonical == NULL)
    {
      if (!lens_date_range_parse (text, &from, &to))
        {
          g_warning ("Ignoring invalid date range “%s”", text);
          return;
        }
      canonical = lens_date_range_format (&from, &to);
    }

  if (g_strcmp0 (canonical, self->date_range) == 0)
    return;

  g_free (self->date_range);
  self->date_range = g_steal_pointer (&canonical);
  g_simple_action_set_state (action, g_variant_new_string (self->date_range));
  apply_filters (self);
}

/* Pages */

static void
select_sidebar_row (LensWindow *self,
                    const char *page_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    if (g_str_equal (page_infos[i].id, page_id))
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

        if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
          gtk_list_box_select_row (self->sidebar_list, row);
        return;
      }
}

static void
show_page (LensWindow *self,
           const char *page_id)
{
  GAction *action;

  if (lookup_page_info (page_id) == NULL)
    {
      g_warning ("No page “%s”", page_id);
      return;
    }

  if (g_strcmp0 (self->page, page_id) != 0)
    {
      g_free (self->page);
      self->page = g_strdup (page_id);
      gtk_stack_set_visible_child_name (self->page_stack, page_id);
      select_sidebar_row (self, page_id);
      update_titles (self);
      update_filters_visible (self);

      action = g_action_map_lookup_action (G_ACTION_MAP (self), "page");
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (page_id));
    }

  /* On a narrow window, choosing a page shows it. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
page_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  show_page (LENS_WINDOW (user_data), g_variant_get_string (value, NULL));
}

static void
sidebar_row_activated_cb (LensWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < G_N_ELEMENTS (page_infos))
    show_page (self, page_infos[index].id);
}

static void
page_stack_visible_child_cb (LensWindow *self,
                             GParamSpec *pspec,
                             GtkStack   *stack)
{
  update_titles (self);
}

static void
back_button_clicked_cb (LensWindow *self,
                        GtkButton  *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (LensWindow *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row != NULL)
        gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "lens-chevron"), folded);
    }

  /* Folded, the sidebar is a page of its own: nothing is "selected" while it is shown. */
  if (folded)
    gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
  else
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_BROWSE);
      select_sidebar_row (self, self->page);
    }
}

/* The filters show only on the pages they change. */
static void
update_filters_visible (LensWindow *self)
{
  const LensPageInfo *info = lookup_page_info (self->page);
  gboolean filtered = info == NULL || info->filtered;
  gboolean narrow = adw_squeezer_get_visible_child (self->filter_squeezer) !=
                    GTK_WIDGET (self->wide_filters);

  gtk_widget_set_visible (GTK_WIDGET (self->filter_squeezer), filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_button), narrow && filtered);
}

static void
squeezer_visible_child_cb (LensWindow  *self,
                           GParamSpec  *pspec,
                           AdwSqueezer *squeezer)
{
  gboolean narrow = adw_squeezer_get_visible_child (squeezer) != GTK_WIDGET (self->wide_filters);

  update_filters_visible (self);
  /* Narrow, the title needs the room; Prepare Brief stays in the main menu. */
  gtk_widget_set_visible (GTK_WIDGET (self->brief_button), !narrow);
  if (!narrow)
    gtk_popover_popdown (self->filters_popover);
}

/* Other actions */

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LensWindow *self = user_data;
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = gtk_stack_page_get_child (gtk_stack_get_page (self->page_stack, child));

      if (LENS_IS_PAGE (page))
        lens_page_reload (LENS_PAGE (page), LENS_QUERY_REFRESH);
    }
}

static void
focus_filter (LensWindow        *self,
              LensFilterControl  control)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->filters_button)))
    {
      gtk_menu_button_popup (self->filters_button);
      lens_filter_box_focus (self->narrow_filters, control);
    }
  else
    lens_filter_box_focus (self->wide_filters, control);
}

static void
focus_district_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  focus_filter (LENS_WINDOW (user_data), LENS_FILTER_DISTRICT);
}

static void
focus_compare_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  focus_filter (LENS_WINDOW (user_data), LENS_FILTER_COMPARE);
}

static void
focus_dates_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  focus_filter (LENS_WINDOW (user_data), LENS_FILTER_DATES);
}

static void
prepare_brief_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  LensWindow *self = user_data;
  LensBriefDialog *dialog;

  dialog = lens_brief_dialog_new (self->application, self->filters);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LensWindow *self = user_data;

  if (self->filters != NULL)
    lens_brief_print_run (GTK_WINDOW (self), self->toast_overlay, get_client (self), self->filters);
}

static const GActionEntry win_actions[] = {
  { "district", NULL, "s", "''", district_change_state },
  { "compare", NULL, "s", "'none'", compare_change_state },
  { "date-range", NULL, "s", "''", date_range_change_state },
  { "page", NULL, "s", "'overview'", page_change_state },
  { "refresh", refresh_activated },
  { "focus-district", focus_district_activated },
  { "focus-compare", focus_compare_activated },
  { "focus-dates", focus_dates_activated },
  { "prepare-brief", prepare_brief_activated },
  { "print", print_activated },
};

static void
data_source_changed_cb (LensWindow      *self,
                        LensApplication *application)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = gtk_stack_page_get_child (gtk_stack_get_page (self->page_stack, child));

      if (LENS_IS_PAGE (page))
        lens_page_reload (LENS_PAGE (page), LENS_QUERY_DEFAULT);
    }
}

/* Construction */

static GtkWidget *
create_sidebar_row (const LensPageInfo *info,
                    guint               position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));
  GtkWidget *chevron;

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  /* Shown when the sidebar is a page of its own: the row leads somewhere. */
  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (chevron, "dim-label");
  gtk_widget_set_visible (chevron, FALSE);
  gtk_box_append (GTK_BOX (box), chevron);
  g_object_set_data (G_OBJECT (row), "lens-chevron", chevron);

  if (position < 9)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the keyboard shortcut of a page in the sidebar, e.g. "Alt+2". */
      tooltip = g_strdup_printf (_("Alt+%u"), position + 1);
      gtk_widget_set_tooltip_text (row, tooltip);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

static void
read_start_filters (LensWindow   *self,
                    GVariantDict *options)
{
  g_autofree char *district = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *date_range = NULL;
  g_autoptr(GError) error = NULL;

  if (options == NULL)
    return;

  /* Already checked by the application; what is missing keeps its current value. */
  if (!lens_cli_parse_filter_options (options, self->district, self->compare, self->date_range,
                                      &district, &compare, &date_range, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  replace_str (&self->district, district);
  replace_str (&self->compare, compare);
  replace_str (&self->date_range, date_range);
}

/* A run without the settings schema works on its defaults, and says so. */
static void
show_settings_banner (LensWindow *self)
{
  g_autofree char *message = NULL;

  if (lens_settings_is_installed (self->settings))
    return;

  /* Translators: %s is the settings schema's name, io.github.reformlens.ReformLens. */
  message = g_strdup_printf (_("Changes to the preferences will not be kept: the settings "
                               "schema %s is not installed. Install Reform Lens, or start it "
                               "from its build folder with build-aux/run."), APP_ID);
  gtk_label_set_text (self->settings_banner, message);
  gtk_widget_set_visible (GTK_WIDGET (self->settings_banner), TRUE);
}

static void
lens_window_constructed (GObject *object)
{
  LensWindow *self = LENS_WINDOW (object);
  LensApplication *application = self->application;
  LensPortalClient *client = get_client (self);
  GAction *action;

  G_OBJECT_CLASS (lens_window_parent_class)->constructed (object);

  self->settings = g_object_ref (lens_application_get_settings (application));
  show_settings_banner (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Filters: saved district and comparison, the last five years, then the command line. */
  self->district = g_settings_get_string (self->settings, "district");
  self->compare = g_settings_get_string (self->settings, "compare");
  self->date_range = lens_date_range_dup_preset ("last-5-years");
  if (lens_district_lookup (self->district) == NULL)
    replace_str (&self->district, "");
  if (!g_str_equal (self->compare, "none") && !g_str_equal (self->compare, "citywide") &&
      lens_district_lookup (self->compare) == NULL)
    replace_str (&self->compare, "none");
  read_start_filters (self, lens_application_get_start_filters (application));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "district");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->district));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "compare");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->compare));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "date-range");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->date_range));

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      GtkWidget *page = page_infos[i].create (&page_infos[i]);
      GtkStackPage *stack_page;

      g_object_set (page, "client", client, NULL);
      stack_page = gtk_stack_add_named (self->page_stack, page, page_infos[i].id);
      gtk_stack_page_set_title (stack_page, _(page_infos[i].title));
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&page_infos[i], i));
    }

  apply_filters (self);
  show_page (self, page_infos[0].id);
  leaflet_folded_cb (self, NULL, self->leaflet);

  g_signal_connect_object (application, "data-source-changed",
                           G_CALLBACK (data_source_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
lens_window_unmap (GtkWidget *widget)
{
  LensWindow *self = LENS_WINDOW (widget);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  GTK_WIDGET_CLASS (lens_window_parent_class)->unmap (widget);
}

static void
lens_window_dispose (GObject *object)
{
  LensWindow *self = LENS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_WINDOW);

  G_OBJECT_CLASS (lens_window_parent_class)->dispose (object);
}

static void
lens_window_finalize (GObject *object)
{
  LensWindow *self = LENS_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->compare, g_free);
  g_clear_pointer (&self->date_range, g_free);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (lens_window_parent_class)->finalize (object);
}

static void
lens_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LensWindow *self = LENS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LENS_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_window_class_init (LensWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_window_constructed;
  object_class->dispose = lens_window_dispose;
  object_class->finalize = lens_window_finalize;
  object_class->set_property = lens_window_set_property;

  /* GtkWindow:application is only set after construction; the pages need the app's client
   * while they are built. */
  properties[PROP_LENS_APPLICATION] =
    g_param_spec_object ("lens-application", NULL, NULL,
                         LENS_TYPE_APPLICATION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->unmap = lens_window_unmap;

  g_type_ensure (LENS_TYPE_FILTER_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LensWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, filter_squeezer);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, wide_filters);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, narrow_filters);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, filters_button);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, brief_button);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, filters_popover);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, settings_banner);
  gtk_widget_class_bind_template_child (widget_class, LensWindow, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, squeezer_visible_child_cb);
}

static void
lens_window_init (LensWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LensWindow *
lens_window_new (LensApplication *application)
{
  g_return_val_if_fail (LENS_IS_APPLICATION (application), NULL);

  return g_object_new (LENS_TYPE_WINDOW,
                       "lens-application", application,
                       "application", application,
                       NULL);
}

void
lens_window_set_page_accels (GtkApplication *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_infos) && i < 9; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.page('%s')", page_infos[i].id);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, detailed, accels);
    }
}

const char *
lens_window_get_page (LensWindow *self)
{
  g_return_val_if_fail (LENS_IS_WINDOW (self), NULL);

  return self->page;
}

GtkWidget *
lens_window_get_page_widget (LensWindow *self,
                             const char *page_id)
{
  g_return_val_if_fail (LENS_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->page_stack, page_id);
}

const char *
lens_window_get_settings_message (LensWindow *self)
{
  g_return_val_if_fail (LENS_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->settings_banner)))
    return NULL;

  return gtk_label_get_text (self->settings_banner);
}

gboolean
lens_window_is_settled (LensWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (LENS_IS_WINDOW (self), FALSE);

  page = gtk_stack_get_visible_child (self->page_stack);
  return page == NULL || !LENS_IS_PAGE (page) || lens_page_is_settled (LENS_PAGE (page));
}
