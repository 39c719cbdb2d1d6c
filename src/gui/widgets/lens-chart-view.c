/* lens-chart-view.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-chart-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-bug-report.h"
#include "lens-chart-view-private.h"
#include "lens-describe.h"
#include "lens-format.h"
#include "lens-loadable.h"

static void lens_chart_view_loadable_init (LensLoadableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LensChartView, lens_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LENS_TYPE_LOADABLE, lens_chart_view_loadable_init))

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_STATE,
  PROP_SHOW_TABLE,
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

/* Helpers */

static LensSeries *
get_series (LensChartView *self)
{
  return self->result != NULL ? lens_chart_data_get_series (self->result) : NULL;
}

static LensPlotKind
kind_of (LensChartView *self)
{
  return lens_chart_kind_to_plot_kind (self->entry->kind);
}

static const char *
state_to_page (LensChartState state,
               gboolean       show_table)
{
  switch (state)
    {
    case LENS_CHART_STATE_LOADING:
      return "loading";
    case LENS_CHART_STATE_CHART:
      return show_table ? "table" : "chart";
    case LENS_CHART_STATE_EMPTY:
      return "empty";
    case LENS_CHART_STATE_ERROR:
    case LENS_CHART_STATE_OFFLINE:
    default:
      return "error";
    }
}

static void
set_state (LensChartView  *self,
           LensChartState  state)
{
  gboolean has_data = state == LENS_CHART_STATE_CHART;

  gtk_stack_set_visible_child_name (self->stack, state_to_page (state, self->show_table));
  gtk_spinner_set_spinning (self->loading_spinner, state == LENS_CHART_STATE_LOADING);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.copy", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.show-table", has_data);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  _lens_chart_view_update_accessible (self);
}

/* The value line under the chart */

static void
update_value_label (LensChartView *self)
{
  LensSeries *series = get_series (self);
  int index = lens_plot_area_get_point (self->drawing_area);

  if (series == NULL)
    {
      gtk_label_set_label (self->value_label, NULL);
      return;
    }

  if (index >= 0 && (guint) index < lens_series_get_n_labels (series))
    {
      g_autofree char *text = lens_describe_point (series, index);

      gtk_label_set_label (self->value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "chart-hint");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "chart-value");
    }
  else
    {
      gtk_label_set_label (self->value_label,
                           _("Point at the chart, or focus it and use the arrow keys, to read "
                             "exact values."));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "chart-hint");
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "chart-value");
    }
  _lens_chart_view_update_accessible (self);
}

/* The table */

static void
table_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  int vector = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), vector < 0 ? 0.0 : 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
table_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  int vector = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GtkStringObject *row = gtk_list_item_get_item (item);
  LensChartView *self = g_object_get_data (G_OBJECT (factory), "lens-chart-view");
  LensSeries *series = get_series (self);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  g_autofree char *text = NULL;

  if (series == NULL || index >= lens_series_get_n_labels (series))
    return;

  if (vector < 0)
    {
      /* the row's sentence, as the focused plot says it ("2023: 262,914 incidents") */
      g_autofree char *sentence = lens_describe_point (series, index);

      lens_accessible_name_table_row (GTK_WIDGET (label), sentence);
      text = lens_describe_label (series, index);
    }
  else if ((guint) vector >= lens_series_get_n_vectors (series))
    {
      /* The counts an index or a share was computed from */
      LensSeries *counts = lens_series_get_counts (series);
      guint v = vector - lens_series_get_n_vectors (series);

      text = lens_describe_value (counts, lens_series_get_value (counts, v, index));
    }
  else
    text = lens_describe_cell (series, vector, index);

  gtk_label_set_label (label, text);
}

static GtkColumnViewColumn *
create_table_column (LensChartView *self,
                     const char    *title,
                     int            vector)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "lens-chart-view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (table_cell_setup_cb), GINT_TO_POINTER (vector));
  g_signal_connect (factory, "bind", G_CALLBACK (table_cell_bind_cb), GINT_TO_POINTER (vector));

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_column_set_resizable (column, TRUE);

  return column;
}

/* A long heading on two lines, broken at the space nearest its middle: a share or an index
 * comes with the counts it was computed from, five long headings ("District 12 – Near West,
 * share of the city's total (%)") that on one line each were wider than the card, and the last
 * column was cut at its edge. GTK 4.8's column view measures its header's height for no width,
 * so a heading that wrapped by itself would be clipped to its first line. */
static char *
dup_heading (const char *name)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  glong best = -1;

  chars = g_utf8_to_ucs4_fast (name, -1, &n_chars);
  if (n_chars <= 20)
    return g_strdup (name);
  for (glong i = 0; i < n_chars; i++)
    if (g_unichar_isspace (chars[i]) && (best < 0 || ABS (i - n_chars / 2) < ABS (best - n_chars / 2)))
      best = i;
  if (best < 0)
    return g_strdup (name);
  chars[best] = '\n';
  return g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);
}

static void
rebuild_table (LensChartView *self)
{
  LensSeries *series = get_series (self);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkStringList) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_auto(GStrv) names = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  if (series == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      return;
    }

  /* The headings of the exports and the brief; the cells carry the unit. */
  names = lens_chart_data_dup_column_names (self->result);
  /* then, for an index or a share, the counts beside it */
  for (guint c = 0; names[c] != NULL && c <= lens_series_get_n_vectors (series) +
         (lens_series_get_counts (series) != NULL ? lens_series_get_n_vectors (lens_series_get_counts (series)) : 0); c++)
    {
      g_autofree char *heading = dup_heading (names[c]);
      g_autoptr(GtkColumnViewColumn) column = create_table_column (self, heading, (int) c - 1);

      gtk_column_view_append_column (self->column_view, column);
    }

  rows = gtk_string_list_new (NULL);
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  lens_accessible_name_table_header (self->column_view, (const char * const *) names);
}

/* Footer and banner */

static void
update_footer (LensChartView *self)
{
  LensChartData *result = self->result;
  g_autoptr(GString) as_of = g_string_new (NULL);
  g_autofree char *markup = NULL;
  const char *dataset_name;
  const char *dataset_url;
  GDateTime *rows_updated_at;
  GDateTime *fetched_at;
  const char * const *caveats;
  g_autofree char *end_line = NULL;

  if (result == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->footer), FALSE);
      return;
    }

  dataset_name = lens_chart_data_get_dataset_name (result);
  dataset_url = lens_chart_data_get_dataset_url (result);
  if (dataset_url != NULL)
    {
      g_autofree char *escaped_url = g_markup_escape_text (dataset_url, -1);
      g_autofree char *isolated = lens_describe_isolate (_("Source: %s, City of Chicago Data Portal"),
                                                         dataset_name);
      g_autofree char *escaped_name = g_markup_escape_text (isolated, -1);

      /* Translators: %s is a dataset name linked to its page, e.g. "Crimes - 2001 to Present". */
      markup = g_strdup_printf (_("Source: %s, City of Chicago Data Portal"), "\x01");
      {
        g_autofree char *link = g_strdup_printf ("<a href=\"%s\">%s</a>", escaped_url, escaped_name);
        g_auto(GStrv) parts = g_strsplit (markup, "\x01", 2);
        g_autofree char *before = g_markup_escape_text (parts[0], -1);
        g_autofree char *after = g_markup_escape_text (parts[1] != NULL ? parts[1] : "", -1);

        g_free (markup);
        markup = g_strconcat (before, link, after, NULL);
      }
    }
  else
    {
      g_autofree char *isolated = lens_describe_isolate (_("Source: %s, City of Chicago Data Portal"),
                                                         dataset_name);
      g_autofree char *text = g_strdup_printf (_("Source: %s, City of Chicago Data Portal"),
                                               isolated);

      markup = g_markup_escape_text (text, -1);
    }
  gtk_label_set_markup (self->source_label, markup);

  rows_updated_at = lens_chart_data_get_rows_updated_at (result);
  if (rows_updated_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (rows_updated_at);
      g_autofree char *date = lens_format_datetime (local);

      /* Translators: %s is when the City last updated the dataset. */
      g_autofree char *isolated = lens_describe_isolate (_("Data as of %s"), date);

      g_string_append_printf (as_of, _("Data as of %s"), isolated);
    }

  fetched_at = lens_chart_data_get_fetched_at (result);
  if (fetched_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) local = g_date_time_to_local (fetched_at);
      g_autofree char *when = lens_format_datetime (local);
      g_autofree char *age = lens_format_age (MAX (0, g_date_time_difference (now, fetched_at)
                                                      / G_TIME_SPAN_SECOND));

      if (as_of->len > 0)
        /* Translators: separates "Data as of …" and "Fetched …". */
        g_string_append (as_of, _(" · "));
      /* Translators: when the app got the data: "Fetched 26 Nov 2026, 18:00 (3 hours ago)". */
      g_autofree char *isolated = lens_describe_isolate (_("Fetched %s (%s)"), when);

      g_string_append_printf (as_of, _("Fetched %s (%s)"), isolated, age);
    }
  /* The dates run past the data: say where the numbers end. */
  end_line = lens_chart_data_dup_numbers_end_line (result);
  if (end_line != NULL)
    {
      if (as_of->len > 0)
        g_string_append_c (as_of, '\n');
      g_string_append (as_of, end_line);
    }
  gtk_label_set_label (self->as_of_label, as_of->str);

  caveats = lens_chart_data_get_caveats (result);
  if (caveats != NULL && caveats[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) caveats);

      gtk_label_set_label (self->caveats_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->caveats_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->caveats_label), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->footer), TRUE);
}

static void
update_banner (LensChartView *self)
{
  const GError *warning = self->refresh_error;
  GDateTime *fetched_at;
  g_autofree char *age = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *text = NULL;

  if (warning == NULL && self->result != NULL)
    warning = lens_chart_data_get_warning (self->result);

  /* A refused query is the app's fault: say so, with the details and a bug report. */
  lens_bug_report_set_error (self->banner_report, warning, self->entry->id);

  if (warning == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->stale_banner), FALSE);
      return;
    }

  fetched_at = lens_chart_data_get_fetched_at (self->result);
  if (fetched_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      age = lens_format_age (MAX (0, g_date_time_difference (now, fetched_at) / G_TIME_SPAN_SECOND));
    }

  if (lens_portal_error_is_refused_query (warning))
    sentence = lens_bug_report_dup_error_sentence (warning, self->entry->title);

  /* Translators: shown above a chart drawn from saved data: "Showing data from 3 hours ago:
   * The City’s data portal could not be reached…". */
  text = g_strdup_printf (_("Showing data from %s: %s"),
                          age != NULL ? age : _("earlier"),
                          sentence != NULL ? sentence : warning->message);
  gtk_label_set_label (self->stale_banner, text);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_banner), TRUE);
  _lens_chart_view_update_accessible (self);
}

static gboolean
update_age_cb (gpointer user_data)
{
  LensChartView *self = user_data;

  update_footer (self);
  update_banner (self);

  return G_SOURCE_CONTINUE;
}

/* Loading */

static gboolean
series_is_empty (LensSeries *series)
{
  double max;

  return series == NULL || lens_series_get_n_labels (series) == 0 || !lens_series_get_max (series, &max);
}

static void
show_result (LensChartView   *self,
             LensChartData   *result)
{
  LensSeries *series;

  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  self->result = g_object_ref (result);
  series = get_series (self);

  update_footer (self);
  update_banner (self);

  if (series_is_empty (series))
    {
      gtk_label_set_label (self->empty_label,
                           _("The portal has no records for these filters. Try another district "
                             "or a longer date range."));
      set_state (self, LENS_CHART_STATE_EMPTY);
    }
  else
    {
      rebuild_table (self);
      set_state (self, LENS_CHART_STATE_CHART);
    }

  /* An index or a share has its own unit */
  lens_plot_area_set_axis_titles (self->drawing_area, self->entry->x_title,
                                  lens_chart_data_get_y_title (result));
  lens_plot_area_set_series (self->drawing_area, series, kind_of (self));
  update_value_label (self);
}

static void
show_error (LensChartView *self,
            const GError  *error)
{
  gboolean offline = g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_OFFLINE);

  /* Nothing saved to fall back on (the loader returns cached data with a warning instead of
   * an error when it has some). */
  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  update_footer (self);
  update_banner (self);
  lens_bug_report_set_error (self->error_report, NULL, NULL);

  if (offline)
    {
      gtk_image_set_from_icon_name (self->error_icon, "network-offline-symbolic");
      gtk_label_set_label (self->error_title, _("No Saved Data Yet"));
      if (self->client != NULL && lens_portal_client_get_offline (self->client))
        gtk_label_set_label (self->error_label,
                             _("There is no saved data for this chart yet, and Reform Lens is "
                               "working offline. Start it without --offline while connected to "
                               "the internet to load the chart; after that it also shows "
                               "offline."));
      else
        gtk_label_set_label (self->error_label,
                             _("There is no saved data for this chart yet. Connect to the "
                               "internet and try again; once loaded, the chart also shows "
                               "offline."));
      set_state (self, LENS_CHART_STATE_OFFLINE);
    }
  else if (lens_portal_error_is_refused_query (error))
    {
      g_autofree char *sentence = lens_bug_report_dup_error_sentence (error, self->entry->title);

      /* Not the network, not the filters: the query Reform Lens sent. */
      gtk_image_set_from_icon_name (self->error_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->error_title, _("This Chart Could Not Be Loaded"));
      gtk_label_set_label (self->error_label, sentence);
      lens_bug_report_set_error (self->error_report, error, self->entry->id);
      set_state (self, LENS_CHART_STATE_ERROR);
    }
  else
    {
      gtk_image_set_from_icon_name (self->error_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->error_title, _("This Chart Could Not Be Loaded"));
      gtk_label_set_label (self->error_label, error->message);
      set_state (self, LENS_CHART_STATE_ERROR);
    }
}

static void
set_refreshing (LensChartView *self,
                gboolean       refreshing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
}

static void
load_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  g_autoptr(LensChartView) self = user_data;
  g_autoptr(LensChartData) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_cache_first = (self->last_flags & LENS_QUERY_CACHE_FIRST) != 0;

  result = lens_chart_loader_load_finish (async_result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_refreshing (self, FALSE);

  if (error != NULL)
    {
      /* A failed background refresh keeps what is shown, with the reason above it. */
      if (self->result != NULL && self->state == LENS_CHART_STATE_CHART && !was_cache_first)
        {
          g_clear_error (&self->refresh_error);
          self->refresh_error = g_error_copy (error);
          update_banner (self);
        }
      else
        show_error (self, error);
    }
  else
    {
      show_result (self, result);

      /* The first paint used whatever was saved: now ask for fresh numbers. */
      if (was_cache_first && lens_chart_data_get_stale (result))
        {
          lens_chart_view_start_load (self, LENS_QUERY_DEFAULT, TRUE);
          return;
        }
    }

  g_object_notify (G_OBJECT (self), "settled");
  g_signal_emit (self, signals[LOADED], 0);
}

void
lens_chart_view_start_load (LensChartView  *self,
                            LensQueryFlags  flags,
                            gboolean        keep_shown)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->client == NULL || self->filters == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->last_flags = flags;
  g_object_notify (G_OBJECT (self), "settled");

  if (keep_shown && self->state == LENS_CHART_STATE_CHART)
    set_refreshing (self, TRUE);
  else
    {
      set_refreshing (self, FALSE);
      set_state (self, LENS_CHART_STATE_LOADING);
    }

  lens_chart_loader_load_async (self->client,
                                self->entry,
                                self->filters,
                                flags,
                                self->cancellable,
                                load_cb,
                                g_object_ref (self));
}

/* GObject */

static void
lens_chart_view_map (GtkWidget *widget)
{
  LensChartView *self = LENS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (lens_chart_view_parent_class)->map (widget);

  /* "3 minutes ago" keeps up while the chart is on screen. */
  update_age_cb (self);
  self->age_source = g_timeout_add_seconds (60, update_age_cb, self);
}

static void
lens_chart_view_unmap (GtkWidget *widget)
{
  LensChartView *self = LENS_CHART_VIEW (widget);

  g_clear_handle_id (&self->age_source, g_source_remove);

  GTK_WIDGET_CLASS (lens_chart_view_parent_class)->unmap (widget);
}

static void
lens_chart_view_constructed (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);
  const char *subtitle;

  G_OBJECT_CLASS (lens_chart_view_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, self->entry->title);
  subtitle = self->entry->description;
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');

  lens_plot_area_set_title (self->drawing_area, self->entry->title);
  lens_plot_area_set_axis_titles (self->drawing_area, self->entry->x_title, self->entry->y_title);
  _lens_chart_view_init_accessible (self);
}

static void
lens_chart_view_dispose (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->age_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_CHART_VIEW);
  /* Children of the template that are not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lens_chart_view_parent_class)->dispose (object);
}

static void
lens_chart_view_finalize (GObject *object)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  g_clear_object (&self->result);
  g_clear_error (&self->refresh_error);
  g_clear_pointer (&self->filters, lens_filters_unref);
  g_clear_pointer (&self->entry, lens_chart_spec_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lens_chart_view_parent_class)->finalize (object);
}

static void
lens_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_boxed (value, self->entry);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;

    case PROP_SETTLED:
      g_value_set_boolean (value, lens_chart_view_is_settled (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LensChartView *self = LENS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      self->entry = g_value_dup_boxed (value);
      break;

    case PROP_SHOW_TABLE:
      if (self->show_table != g_value_get_boolean (value))
        {
          self->show_table = g_value_get_boolean (value);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button),
                                       self->show_table ? _("Show as Chart") : _("Show as Table"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          self->show_table ? _("Show as chart") : _("Show as table"),
                                          -1);
          if (self->state == LENS_CHART_STATE_CHART)
            gtk_stack_set_visible_child_name (self->stack, state_to_page (self->state, self->show_table));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_chart_view_class_init (LensChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lens_chart_view_constructed;
  object_class->dispose = lens_chart_view_dispose;
  object_class->finalize = lens_chart_view_finalize;
  object_class->get_property = lens_chart_view_get_property;
  object_class->set_property = lens_chart_view_set_property;

  widget_class->map = lens_chart_view_map;
  widget_class->unmap = lens_chart_view_unmap;

  properties[PROP_ENTRY] =
    g_param_spec_boxed ("entry", NULL, NULL,
                        LENS_TYPE_CHART_SPEC,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      LENS_CHART_STATE_LOADING, LENS_CHART_STATE_OFFLINE, LENS_CHART_STATE_LOADING,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_SETTLED, "settled");

  /**
   * LensChartView::loaded:
   *
   * A load finished: the chart shows data, a message or an error.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LENS_TYPE_BUG_REPORT);
  g_type_ensure (LENS_TYPE_PLOT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LensChartView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, table_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, stale_banner);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, banner_report);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, drawing_area);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, value_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_icon);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_title);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, error_report);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, footer);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, source_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, LensChartView, caveats_label);

  _lens_chart_view_class_actions_init (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lenschartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lens_chart_view_init (LensChartView *self)
{
  GtkLayoutManager *layout;

  self->state = LENS_CHART_STATE_LOADING;

  gtk_widget_init_template (GTK_WIDGET (self));
  lens_accessible_set_name (GTK_WIDGET (self->retry_button),
                            gtk_button_get_label (GTK_BUTTON (self->retry_button)));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  lens_plot_area_set_empty_message (self->drawing_area, _("No data for these filters."));
  g_signal_connect_object (self->drawing_area, "notify::point",
                           G_CALLBACK (update_value_label), self, G_CONNECT_SWAPPED);

  set_state (self, LENS_CHART_STATE_LOADING);
}

GtkWidget *
lens_chart_view_new (LensChartSpec *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_object_new (LENS_TYPE_CHART_VIEW,
                       "entry", entry,
                       NULL);
}

LensChartSpec *
lens_chart_view_get_entry (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  return self->entry;
}

LensChartState
lens_chart_view_get_state (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), LENS_CHART_STATE_LOADING);

  return self->state;
}

LensChartData *
lens_chart_view_get_data (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  return self->result;
}

const char *
lens_chart_view_get_message (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  if (self->state == LENS_CHART_STATE_ERROR || self->state == LENS_CHART_STATE_OFFLINE)
    return gtk_label_get_label (self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->stale_banner)))
    return gtk_label_get_label (self->stale_banner);
  if (self->state == LENS_CHART_STATE_EMPTY)
    return gtk_label_get_label (self->empty_label);

  return NULL;
}

LensBugReport *
lens_chart_view_get_bug_report (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), NULL);

  if (self->state == LENS_CHART_STATE_ERROR &&
      gtk_widget_get_visible (GTK_WIDGET (self->error_report)))
    return self->error_report;
  if (gtk_widget_get_visible (GTK_WIDGET (self->banner_report)))
    return self->banner_report;
  return NULL;
}

void
lens_chart_view_load (LensChartView    *self,
                      LensPortalClient *client,
                      LensFilters      *filters,
                      LensQueryFlags    flags)
{
  g_return_if_fail (LENS_IS_CHART_VIEW (self));
  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (filters != NULL);

  g_set_object (&self->client, client);
  if (self->filters != filters)
    {
      g_clear_pointer (&self->filters, lens_filters_unref);
      self->filters = lens_filters_ref (filters);
    }

  /* New filters mean other numbers: do not leave the old ones on screen. */
  lens_chart_view_start_load (self, flags, (flags & LENS_QUERY_REFRESH) != 0);
}

void
lens_chart_view_reload (LensChartView  *self,
                        LensQueryFlags  flags)
{
  g_return_if_fail (LENS_IS_CHART_VIEW (self));

  lens_chart_view_start_load (self, flags, TRUE);
}

gboolean
lens_chart_view_is_settled (LensChartView *self)
{
  g_return_val_if_fail (LENS_IS_CHART_VIEW (self), TRUE);

  return self->cancellable == NULL;
}

static void
lens_chart_view_loadable_load (LensLoadable     *loadable,
                               LensPortalClient *client,
                               LensFilters      *filters,
                               LensQueryFlags    flags)
{
  lens_chart_view_load (LENS_CHART_VIEW (loadable), client, filters, flags);
}

static gboolean
lens_chart_view_loadable_is_settled (LensLoadable *loadable)
{
  return lens_chart_view_is_settled (LENS_CHART_VIEW (loadable));
}

static void
lens_chart_view_loadable_init (LensLoadableInterface *iface)
{
  iface->load = lens_chart_view_loadable_load;
  iface->is_settled = lens_chart_view_loadable_is_settled;
}
