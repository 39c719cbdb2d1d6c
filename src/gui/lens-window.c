/* lens-window.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-brief-dialog.h"
#include "lens-brief-print.h"
#include "lens-consent-decree-page.h"
#include "lens-dashboard-page.h"
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
  char                 *page;
  guint                 squeezer_idle_id;

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
  { "shootings", N_("Shootings"), "emblem-important-symbolic",
    N_("Victims of homicides and of non-fatal shootings, from the City’s “Violence Reduction – "
       "Victims of Homicides and Non-Fatal Shootings” dataset. Hover over a chart or focus it for "
       "exact numbers."),
    create_dashboard_page, TRUE },
  { "arrests", N_("Arrests"), "changes-prevent-symbolic",
    N_("Arrests by the Chicago Police Department, from the City’s “Arrests” dataset. The dataset "
       "records no district or beat, so this page always shows the whole city, whichever "
       "district is chosen."),
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

static const char *
page_title_for_id (const char *page_id)
{
  const LensPageInfo *info = lookup_page_info (page_id);

  return info != NULL ? _(info->title) : NULL;
}

/* Page @index of page_infos */
static LensPage *
get_page (LensWindow *self,
          guint       index)
{
  return LENS_PAGE (gtk_stack_get_child_by_name (self->page_stack, page_infos[index].id));
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
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const GDate *from, *to;

  if (self->filters == NULL)
    return NULL;

  place = lens_filters_dup_district_label (self->filters);

  from = lens_filters_get_from (self->filters);
  to = lens_filters_get_to (self->filters);
  first = lens_format_month (g_date_get_year (from), g_date_get_month (from));
  last = lens_format_month (g_date_get_year (to), g_date_get_month (to));
  /* Translators: a range of months, e.g. "Jan 2020 – Dec 2024". */
  dates = g_strdup_printf (_("%s – %s"), first, last);

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

/* The state of win.district, win.compare and win.date-range: the filters, field by field. */
static void
update_filter_actions (LensWindow *self)
{
  static const char *names[] = { "district", "compare", "compare-as", "date-range" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_take_string (lens_filters_dup_field (self->filters,
                                                                                    names[i])));
    }
}

/* Shows @filters, which nothing else holds yet, on every page. */
static void
apply_filters (LensWindow  *self,
               LensFilters *filters)
{
  g_autoptr(GError) error = NULL;

  if (!lens_filters_validate (filters, &error) &&
      g_error_matches (error, LENS_FILTERS_ERROR, LENS_FILTERS_ERROR_SAME_DISTRICT))
    {
      /* A district compared with itself says nothing: drop the comparison. */
      lens_filters_set_compare (filters, LENS_COMPARE_NONE, 0);
      g_settings_set_string (self->settings, "compare", "none");
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_clear_error (&error);
      lens_filters_validate (filters, &error);
    }

  if (error != NULL)
    {
      g_warning ("Invalid filters: %s", error->message);
      return;
    }

  g_clear_pointer (&self->filters, lens_filters_unref);
  self->filters = lens_filters_ref (filters);

  update_filter_actions (self);
  lens_filter_box_set_filters (self->wide_filters, self->filters);
  lens_filter_box_set_filters (self->narrow_filters, self->filters);
  update_titles (self);

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    lens_page_set_filters (get_page (self, i), self->filters);
}

/* win.district, win.compare and win.date-range: one field of the filters, in the forms of
 * lens_filters_set_field() ("5", "citywide", "last-5-years"...). */
static void
filter_change_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  LensWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(LensFilters) filters = lens_filters_copy (self->filters);
  g_autoptr(GError) error = NULL;

  if (!lens_filters_set_field (filters, name, g_variant_get_string (value, NULL), &error))
    {
      g_warning ("Ignoring win.%s: %s", name, error->message);
      return;
    }

  if (lens_filters_equal (filters, self->filters))
    return;

  /* The district and the comparison are kept for the next start; the dates are not. */
  if (!g_str_equal (name, "date-range"))
    {
      g_autofree char *saved = lens_filters_dup_field (filters, name);

      g_settings_set_string (self->settings, name, saved);
    }

  apply_filters (self, filters);
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

/* The pages win.page shows, for the widgets that lead to one (a page never asks the window). */
static void
set_page_state_hint (LensWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "page");
  const char *ids[G_N_ELEMENTS (page_infos)];

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    ids[i] = page_infos[i].id;

  g_simple_action_set_state_hint (G_SIMPLE_ACTION (action),
                                  g_variant_new_strv (ids, G_N_ELEMENTS (page_infos)));
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

/* The squeezer picks its child while the header bar is being allocated: showing or hiding a
 * header button then would queue a resize in the middle of that allocation, and the header bar's
 * boxes would be drawn without one (a fatal "without a current allocation" warning). So the
 * buttons change right after. Prepare Brief and District and Dates are icon buttons of one size
 * that swap places, so the header's width, and the squeezer's choice, stay the same. */
static gboolean
squeezer_idle_cb (gpointer user_data)
{
  LensWindow *self = user_data;
  gboolean narrow = adw_squeezer_get_visible_child (self->filter_squeezer) !=
                    GTK_WIDGET (self->wide_filters);

  self->squeezer_idle_id = 0;
  update_filters_visible (self);
  /* Narrow, the title needs the room; Prepare Brief stays in the main menu. */
  gtk_widget_set_visible (GTK_WIDGET (self->brief_button), !narrow);
  if (!narrow)
    gtk_popover_popdown (self->filters_popover);

  return G_SOURCE_REMOVE;
}

static void
squeezer_visible_child_cb (LensWindow  *self,
                           GParamSpec  *pspec,
                           AdwSqueezer *squeezer)
{
  if (self->squeezer_idle_id == 0)
    self->squeezer_idle_id = g_idle_add (squeezer_idle_cb, self);
}

/* Other actions */

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LensWindow *self = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    lens_page_reload (get_page (self, i), LENS_QUERY_REFRESH);
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
  { "district", NULL, "s", "''", filter_change_state },
  { "compare", NULL, "s", "'none'", filter_change_state },
  { "compare-as", NULL, "s", "''", filter_change_state },
  { "date-range", NULL, "s", "''", filter_change_state },
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
  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    lens_page_reload (get_page (self, i), LENS_QUERY_DEFAULT);
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

  gtk_box_append (GTK_BOX (box), lens_accessible_decorative_image_new (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  /* Shown when the sidebar is a page of its own: the row leads somewhere. */
  chevron = lens_accessible_decorative_image_new ("go-next-symbolic");
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

/* The saved district and comparison (the schema's choices keep them valid), the last five
 * years, then what the command line gave for the first window. */
static LensFilters *
create_start_filters (LensWindow *self)
{
  static const char *saved[] = { "district", "compare", "compare-as" };
  GVariantDict *options = lens_application_get_start_filters (self->application);
  g_autoptr(LensFilters) filters = lens_filters_new ();
  g_autoptr(LensFilters) given = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autofree char *value = g_settings_get_string (self->settings, saved[i]);

      if (!lens_filters_set_field (filters, saved[i], value, &error))
        {
          g_warning ("Ignoring the saved %s: %s", saved[i], error->message);
          g_clear_error (&error);
        }
    }

  if (options == NULL)
    return g_steal_pointer (&filters);

  /* Already checked by the application; what is not given keeps its saved value. */
  given = lens_filters_copy (filters);
  if (!lens_filters_apply_options (given, options, &error))
    {
      g_warning ("%s", error->message);
      return g_steal_pointer (&filters);
    }

  return g_steal_pointer (&given);
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
  g_autoptr(LensFilters) filters = NULL;

  G_OBJECT_CLASS (lens_window_parent_class)->constructed (object);

  self->settings = g_object_ref (lens_application_get_settings (application));
  show_settings_banner (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  set_page_state_hint (self);

  for (guint i = 0; i < G_N_ELEMENTS (page_infos); i++)
    {
      GtkWidget *page = page_infos[i].create (&page_infos[i]);
      GtkStackPage *stack_page;

      lens_page_set_client (LENS_PAGE (page), client);
      stack_page = gtk_stack_add_named (self->page_stack, page, page_infos[i].id);
      gtk_stack_page_set_title (stack_page, _(page_infos[i].title));
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&page_infos[i], i));
    }

  filters = create_start_filters (self);
  apply_filters (self, filters);
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

  g_clear_handle_id (&self->squeezer_idle_id, g_source_remove);
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
