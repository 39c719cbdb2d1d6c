/* lens-reports-page.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-reports-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-accessible.h"
#include "lens-catalog.h"
#include "lens-content-widgets.h"
#include "lens-describe.h"
#include "lens-reports-page.h"

struct _LensReportsPage
{
  LensPage             parent_instance;

  GPtrArray           *chart_buttons;

  /* Template */
  GtkWidget           *scroller;
  GtkBox              *reports_box;
  AdwPreferencesGroup *engagement_group;
  AdwPreferencesGroup *organizations_group;
};

G_DEFINE_FINAL_TYPE (LensReportsPage, lens_reports_page, LENS_TYPE_PAGE)

#define CONSENT_DECREE_CHART "consent-decree-compliance"

gboolean
lens_chart_lookup_page (const char  *chart_id,
                        const char **page_id,
                        const char **title)
{
  LensChartSpec *spec;

  g_return_val_if_fail (chart_id != NULL, FALSE);

  /* the one chart that is not in the catalogue: it draws shipped figures */
  if (g_str_equal (chart_id, CONSENT_DECREE_CHART))
    {
      *page_id = "consent-decree";
      *title = _("Compliance by Monitoring Report");
      return TRUE;
    }

  spec = lens_catalog_lookup_chart (lens_catalog_get_default (), chart_id);
  if (spec == NULL)
    return FALSE;

  *page_id = spec->page;
  *title = spec->title;
  return TRUE;
}

static void
chart_clicked_cb (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.page", "s",
                              g_object_get_data (G_OBJECT (button), "page-id"));
}

/* The pages win.page can show: the state hint of the window's "page" action, a list of
 * page ids; NULL without such a window. */
static GVariant *
dup_window_pages (LensReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GVariant *hint = NULL;

  if (!G_IS_ACTION_GROUP (root) ||
      !g_action_group_query_action (G_ACTION_GROUP (root), "page", NULL, NULL, NULL, &hint, NULL))
    return NULL;

  if (hint != NULL && !g_variant_is_of_type (hint, G_VARIANT_TYPE_STRING_ARRAY))
    g_clear_pointer (&hint, g_variant_unref);

  return hint;
}

/* A chart button leads to its page: shown only when the window has that page. */
static void
update_chart_buttons (LensReportsPage *self)
{
  g_autoptr(GVariant) pages = dup_window_pages (self);
  g_autofree const char **page_ids = pages != NULL ? g_variant_get_strv (pages, NULL) : NULL;

  for (guint i = 0; i < self->chart_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->chart_buttons, i);
      const char *page_id = g_object_get_data (G_OBJECT (button), "page-id");

      gtk_widget_set_visible (button,
                              page_ids != NULL && g_strv_contains (page_ids, page_id));
    }
}

static GtkWidget *
add_field (GtkWidget  *box,
           const char *name,
           const char *value)
{
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (value == NULL)
    return NULL;

  gtk_box_append (GTK_BOX (field), lens_wrap_label_new (name, "caption-heading"));
  gtk_box_append (GTK_BOX (field), lens_wrap_label_new (value, NULL));
  gtk_box_append (GTK_BOX (box), field);

  return field;
}

/* The host; the host and path when another source of the report is on the same host, so
 * that two links never look the same. */
static char *
describe_report_source (const char * const *sources,
                        guint               index)
{
  g_autofree char *host = lens_url_dup_host (sources[index]);
  g_autoptr(GUri) uri = NULL;
  const char *path, *query;

  gboolean shared = FALSE;

  for (guint i = 0; sources[i] != NULL && !shared; i++)
    {
      g_autofree char *other = lens_url_dup_host (sources[i]);

      shared = i != index && g_str_equal (other, host);
    }
  if (!shared)
    return g_steal_pointer (&host);

  uri = g_uri_parse (sources[index], G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return g_steal_pointer (&host);

  path = g_uri_get_path (uri);
  query = g_uri_get_query (uri);
  return g_strconcat (host, path != NULL && g_strcmp0 (path, "/") != 0 ? path : "",
                      query != NULL ? "?" : "", query != NULL ? query : "", NULL);
}

static char *
describe_perspective (const LensReport *report)
{
  g_autofree char *date = lens_describe_content_date (&report->date);

  if (date == NULL)
    /* Translators: whose perspective a report gives, "Community perspective" */
    return g_strdup_printf (_("%s perspective"), lens_perspective_describe (report->perspective));

  /* Translators: whose perspective a report gives, then its date: "Community perspective ·
   * April 2025" */
  return g_strdup_printf (_("%s perspective · %s"), lens_perspective_describe (report->perspective), date);
}

static GtkWidget *
create_report_card (LensReportsPage  *self,
                    const LensReport *report)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *perspective = describe_perspective (report);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "report-card");
  gtk_widget_set_name (card, report->id);

  label = lens_wrap_label_new (report->title, "report-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), label);
  label = lens_wrap_label_new (perspective, "dim-label");
  gtk_widget_add_css_class (label, "report-perspective");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (card), header);

  add_field (card, _("Written by"), report->written_by);
  add_field (card, _("Who was heard"), report->heard);
  add_field (card, _("In short"), report->summary);

  if (report->points != NULL && report->points[0] != NULL)
    {
      GtkWidget *points = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (points), lens_wrap_label_new (_("Key points"), "caption-heading"));
      for (guint i = 0; report->points[i] != NULL; i++)
        {
          GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *bullet = gtk_label_new ("•");

          /* the bullet hangs: wrapped lines start under the text, not under it */
          gtk_widget_set_valign (bullet, GTK_ALIGN_START);
          gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_box_append (GTK_BOX (item), bullet);
          label = lens_wrap_label_new (report->points[i], "report-point");
          gtk_widget_set_hexpand (label, TRUE);
          gtk_box_append (GTK_BOX (item), label);
          gtk_box_append (GTK_BOX (points), item);
        }
      gtk_box_append (GTK_BOX (card), points);
    }

  if (report->note != NULL)
    {
      label = lens_wrap_label_new (report->note, "caveat");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  if (report->sources != NULL && report->sources[0] != NULL)
    {
      /* A plain column, not a flow box: GTK 4.8's flow box gives wrapping children less
       * height than it lays them out in, and the links ran over what follows. */
      GtkWidget *links = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_halign (links, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (card), lens_wrap_label_new (_("Sources"), "caption-heading"));
      for (guint i = 0; report->sources[i] != NULL; i++)
        {
          g_autofree char *text = describe_report_source ((const char * const *) report->sources, i);
          GtkWidget *link = lens_link_button_new (report->sources[i], text);

          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (links), link);
        }
      gtk_box_append (GTK_BOX (card), links);
    }

  if (report->charts != NULL && report->charts[0] != NULL)
    {
      GtkWidget *charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_set_halign (charts, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (card), lens_wrap_label_new (_("Related charts"), "caption-heading"));

      for (guint i = 0; report->charts[i] != NULL; i++)
        {
          const char *page_id = NULL;
          const char *title = NULL;
          GtkWidget *button, *button_label;

          if (!lens_chart_lookup_page (report->charts[i], &page_id, &title))
            continue;

          button = gtk_button_new ();
          button_label = lens_wrap_label_new (title, NULL);
          gtk_label_set_justify (GTK_LABEL (button_label), GTK_JUSTIFY_LEFT);
          gtk_button_set_child (GTK_BUTTON (button), button_label);
          /* GTK 4.8 does not name a button from a label inside it */
          lens_accessible_set_name (button, title);
          gtk_widget_add_css_class (button, "chart-button");
          gtk_widget_set_name (button, report->charts[i]);
          g_object_set_data_full (G_OBJECT (button), "page-id", g_strdup (page_id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (chart_clicked_cb), NULL);

          gtk_widget_set_halign (button, GTK_ALIGN_FILL);
          gtk_box_append (GTK_BOX (charts), button);
          g_ptr_array_add (self->chart_buttons, button);
        }
      gtk_box_append (GTK_BOX (card), charts);
    }

  return card;
}

static void
fill (LensReportsPage *self)
{
  LensReports *reports = lens_shipped_reports ();
  const char * const *organizations;
  const LensSource *source;

  if (reports == NULL)
    return;

  for (guint i = 0; i < lens_reports_get_n_reports (reports); i++)
    gtk_box_append (self->reports_box,
                    create_report_card (self, lens_reports_get_report (reports, i)));

  source = lens_reports_get_engagement_source (reports);
  adw_preferences_group_set_description (self->engagement_group,
                                         lens_reports_get_engagement_summary (reports));

  for (guint i = 0; i < lens_reports_get_n_engagement_events (reports); i++)
    {
      const LensEngagementEvent *event = lens_reports_get_engagement_event (reports, i);
      g_autofree char *start = lens_describe_content_date (&event->date);
      g_autofree char *end = lens_describe_content_date (&event->end_date);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (start != NULL && end != NULL)
        /* Translators: a span of dates, then what happened: "May 10, 2025 – June 25, 2025:
         * Sixteen public sessions" */
        title = g_strdup_printf (_("%s – %s: %s"), start, end, event->title);
      else if (end != NULL)
        /* Translators: an event that ran until a date: "Until June 27, 2025: Online survey" */
        title = g_strdup_printf (_("Until %s: %s"), end, event->title);
      else if (start != NULL)
        /* Translators: a date, then what happened: "May 8, 2025: Public webinar" */
        title = g_strdup_printf (_("%s: %s"), start, event->title);
      else
        title = g_strdup (event->title);

      row = lens_source_row_new (title, event->text, &event->source);
      adw_preferences_group_add (self->engagement_group, row);
    }

  if (lens_reports_get_engagement_next_steps (reports) != NULL)
    adw_preferences_group_add (self->engagement_group,
                               lens_text_row_new (_("What comes next"),
                                                  lens_reports_get_engagement_next_steps (reports)));

  organizations = lens_reports_get_organizations (reports);
  for (guint i = 0; organizations != NULL && organizations[i] != NULL; i++)
    adw_preferences_group_add (self->organizations_group, lens_text_row_new (organizations[i], NULL));

  if (source != NULL && source->url != NULL)
    {
      g_autofree char *outlet = lens_source_describe (source);

      adw_preferences_group_set_header_suffix (self->organizations_group,
                                               lens_link_icon_new (source->url, outlet));
    }
}

/* In its window, whose actions say which pages there are: before the page is first laid
 * out, so that the buttons are measured with it. */
static void
lens_reports_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lens_reports_page_parent_class)->root (widget);

  update_chart_buttons (LENS_REPORTS_PAGE (widget));
}

static void
lens_reports_page_dispose (GObject *object)
{
  LensReportsPage *self = LENS_REPORTS_PAGE (object);

  g_ptr_array_set_size (self->chart_buttons, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENS_TYPE_REPORTS_PAGE);

  G_OBJECT_CLASS (lens_reports_page_parent_class)->dispose (object);
}

static void
lens_reports_page_finalize (GObject *object)
{
  LensReportsPage *self = LENS_REPORTS_PAGE (object);

  g_clear_pointer (&self->chart_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lens_reports_page_parent_class)->finalize (object);
}

static void
lens_reports_page_class_init (LensReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lens_reports_page_dispose;
  object_class->finalize = lens_reports_page_finalize;

  widget_class->root = lens_reports_page_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "/ui/lens-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LensReportsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LensReportsPage, reports_box);
  gtk_widget_class_bind_template_child (widget_class, LensReportsPage, engagement_group);
  gtk_widget_class_bind_template_child (widget_class, LensReportsPage, organizations_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lensreportspage");
}

static void
lens_reports_page_init (LensReportsPage *self)
{
  self->chart_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  fill (self);
}

GtkWidget *
lens_reports_page_new (void)
{
  return g_object_new (LENS_TYPE_REPORTS_PAGE, NULL);
}
