/* lens-reports.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-reports"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-content-private.h"
#include "lens-reports.h"

struct _LensReports
{
  GObject     parent_instance;

  GPtrArray  *reports;        /* LensReport */
  GPtrArray  *passages;       /* LensPassage */
  GPtrArray  *events;         /* LensEngagementEvent */
  GPtrArray  *get_involved;   /* LensGetInvolvedItem */
  char       *engagement_summary;
  char       *engagement_next_steps;
  LensSource  engagement_source;
  GStrv       organizations;
};

G_DEFINE_FINAL_TYPE (LensReports, lens_reports, G_TYPE_OBJECT)

static const char * const translatable_keys[] = {
  "title", "written-by", "heard", "summary", "points", "note", "text", "next-steps", NULL
};

static const char * const perspective_ids[] = { "community", "cpd-members", "national", NULL };

static const char * const page_ids[] = { "crime", "complaints", "consent-decree", "overview", NULL };

const char *
lens_perspective_to_id (LensPerspective perspective)
{
  g_return_val_if_fail (perspective <= LENS_PERSPECTIVE_NATIONAL, NULL);
  return perspective_ids[perspective];
}

const char *
lens_perspective_describe (LensPerspective perspective)
{
  switch (perspective)
    {
    case LENS_PERSPECTIVE_COMMUNITY:
      /* Translators: whose perspective a report gives */
      return C_("perspective", "Community");
    case LENS_PERSPECTIVE_CPD_MEMBERS:
      /* Translators: whose perspective a report gives; CPD is the Chicago Police Department */
      return C_("perspective", "CPD members");
    case LENS_PERSPECTIVE_NATIONAL:
      /* Translators: whose perspective a report gives: practice in police departments across the USA */
      return C_("perspective", "National");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
report_free (LensReport *report)
{
  g_free (report->id);
  g_free (report->title);
  g_free (report->written_by);
  g_free (report->heard);
  g_free (report->summary);
  g_strfreev (report->points);
  g_free (report->note);
  g_strfreev (report->sources);
  g_strfreev (report->charts);
  g_free (report);
}

static void
passage_free (LensPassage *passage)
{
  g_free (passage->id);
  g_free (passage->page);
  g_free (passage->text);
  g_free (passage->from_report);
  lens_source_clear (&passage->source);
  g_strfreev (passage->charts);
  g_free (passage);
}

static void
event_free (LensEngagementEvent *event)
{
  g_free (event->id);
  g_free (event->title);
  g_free (event->text);
  lens_source_clear (&event->source);
  g_free (event);
}

static void
get_involved_free (LensGetInvolvedItem *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->text);
  g_free (item->url);
  g_free (item->contact);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensReport, report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensPassage, passage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensEngagementEvent, event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensGetInvolvedItem, get_involved_free)

static void
lens_reports_finalize (GObject *object)
{
  LensReports *self = (LensReports *) object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->passages, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->get_involved, g_ptr_array_unref);
  g_clear_pointer (&self->engagement_summary, g_free);
  g_clear_pointer (&self->engagement_next_steps, g_free);
  lens_source_clear (&self->engagement_source);
  g_clear_pointer (&self->organizations, g_strfreev);

  G_OBJECT_CLASS (lens_reports_parent_class)->finalize (object);
}

static void
lens_reports_class_init (LensReportsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_reports_finalize;
}

static void
lens_reports_init (LensReports *self)
{
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) report_free);
  self->passages = g_ptr_array_new_with_free_func ((GDestroyNotify) passage_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  self->get_involved = g_ptr_array_new_with_free_func ((GDestroyNotify) get_involved_free);
}

/* Reading */

static gboolean
check_urls (LensContentReader  *reader,
            const char         *field,
            GStrv               urls,
            GError            **error)
{
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    if (!lens_content_reader_check_url (reader, field, urls[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_chart_ids (LensContentReader  *reader,
                 GStrv               charts,
                 GError            **error)
{
  for (guint i = 0; charts != NULL && charts[i] != NULL; i++)
    if (!lens_content_reader_check_id (reader, "charts", charts[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
read_reports (LensReports        *self,
              LensContentReader  *reader,
              GError            **error)
{
  static const char * const allowed[] = {
    "id", "title", "perspective", "written-by", "heard", "date", "summary", "points", "note",
    "sources", "charts", NULL
  };
  static const char * const required[] = {
    "id", "title", "perspective", "written-by", "heard", "summary", "points", "sources",
    "charts", NULL
  };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "reports", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensReport) report = g_new0 (LensReport, 1);
      g_autofree char *perspective = NULL;
      JsonObject *object;
      int index = -1;

      if (!lens_content_reader_read_item (reader, array, i, "reports", &object, &report->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("report \"%s\""), report->id);
      if (lens_reports_lookup_report (self, report->id) != NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                         _("report \"%s\" is listed more than once"), report->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "title", TRUE, &report->title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "perspective", TRUE, &perspective, error))
        return FALSE;

      for (guint j = 0; perspective_ids[j] != NULL; j++)
        if (g_str_equal (perspective, perspective_ids[j]))
          index = j;
      if (index < 0)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "perspective",
                                         _("\"%s\" is not one of community, cpd-members, national"),
                                         perspective);
      report->perspective = index;

      if (!lens_content_reader_get_string (reader, NULL, object, "written-by", TRUE, &report->written_by, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "heard", TRUE, &report->heard, error) ||
          !lens_content_reader_get_date (reader, NULL, object, "date", FALSE, TRUE, &report->date, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "summary", TRUE, &report->summary, error) ||
          !lens_content_reader_get_strv (reader, NULL, object, "points", TRUE, &report->points, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "note", FALSE, &report->note, error) ||
          !lens_content_reader_get_strv (reader, NULL, object, "sources", TRUE, &report->sources, error) ||
          !check_urls (reader, "sources", report->sources, error) ||
          !lens_content_reader_get_strv (reader, NULL, object, "charts", TRUE, &report->charts, error) ||
          !check_chart_ids (reader, report->charts, error))
        return FALSE;

      if (report->points[0] == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "points",
                                         _("must list at least one point"));
      if (report->sources[0] == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "sources",
                                         _("must list at least one link"));

      g_ptr_array_add (self->reports, g_steal_pointer (&report));
    }

  return TRUE;
}

static gboolean
read_engagement (LensReports        *self,
                 LensContentReader  *reader,
                 GError            **error)
{
  static const char * const allowed[] = {
    "summary", "next-steps", "source", "outlet", "mirror", "organizations", "events", NULL
  };
  static const char * const required[] = {
    "summary", "next-steps", "source", "organizations", "events", NULL
  };
  static const char * const event_allowed[] = {
    "id", "title", "date", "end-date", "text", "source", "outlet", "mirror", NULL
  };
  static const char * const event_required[] = { "id", "title", "text", "source", NULL };
  const char *field = "engagement";
  JsonObject *object;
  JsonArray *events;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_object (reader, NULL, reader->root, field, TRUE, &object, error))
    return FALSE;
  if (object == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("must be an object"));

  if (!lens_content_reader_check_keys (reader, field, object, allowed, required, error) ||
      !lens_content_reader_get_string (reader, field, object, "summary", TRUE, &self->engagement_summary, error) ||
      !lens_content_reader_get_string (reader, field, object, "next-steps", TRUE, &self->engagement_next_steps, error) ||
      !lens_content_reader_get_source (reader, field, object, &self->engagement_source, error) ||
      !lens_content_reader_get_strv (reader, field, object, "organizations", TRUE, &self->organizations, error) ||
      !lens_content_reader_get_array (reader, field, object, "events", TRUE, &events, error))
    return FALSE;

  if (events == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "engagement.events",
                                     _("must be a list"));

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autoptr(LensEngagementEvent) event = g_new0 (LensEngagementEvent, 1);
      JsonObject *event_object;

      if (!lens_content_reader_read_item (reader, events, i, "engagement.events", &event_object, &event->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("event \"%s\""), event->id);
      for (guint j = 0; j < self->events->len; j++)
        if (g_str_equal (((LensEngagementEvent *) g_ptr_array_index (self->events, j))->id, event->id))
          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                           _("event \"%s\" is listed more than once"), event->id);

      if (!lens_content_reader_check_keys (reader, NULL, event_object, event_allowed, event_required, error) ||
          !lens_content_reader_get_string (reader, NULL, event_object, "title", TRUE, &event->title, error) ||
          !lens_content_reader_get_string (reader, NULL, event_object, "text", TRUE, &event->text, error) ||
          !lens_content_reader_get_date (reader, NULL, event_object, "date", FALSE, TRUE, &event->date, error) ||
          !lens_content_reader_get_date (reader, NULL, event_object, "end-date", FALSE, TRUE, &event->end_date, error) ||
          !lens_content_reader_get_source (reader, NULL, event_object, &event->source, error))
        return FALSE;

      if (lens_content_date_is_set (&event->date) && lens_content_date_is_set (&event->end_date) &&
          lens_content_date_compare (&event->end_date, &event->date) < 0)
        {
          g_autofree char *start = lens_content_date_to_iso (&event->date);
          g_autofree char *end = lens_content_date_to_iso (&event->end_date);

          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "end-date",
                                           _("ends on %s, before it starts on %s"), end, start);
        }

      g_ptr_array_add (self->events, g_steal_pointer (&event));
    }

  return TRUE;
}

static gboolean
read_passages (LensReports        *self,
               LensContentReader  *reader,
               GError            **error)
{
  static const char * const allowed[] = {
    "id", "page", "from-report", "from-monitoring-report", "text", "source", "outlet", "mirror",
    "confidence", "charts", NULL
  };
  static const char * const required[] = { "id", "page", "text", "source", "confidence", "charts", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "passages", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensPassage) passage = g_new0 (LensPassage, 1);
      gboolean has_report, has_monitor;
      JsonObject *object;

      if (!lens_content_reader_read_item (reader, array, i, "passages", &object, &passage->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("passage \"%s\""), passage->id);
      for (guint j = 0; j < self->passages->len; j++)
        if (g_str_equal (((LensPassage *) g_ptr_array_index (self->passages, j))->id, passage->id))
          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                           _("passage \"%s\" is listed more than once"), passage->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "page", TRUE, &passage->page, error))
        return FALSE;

      if (!g_strv_contains (page_ids, passage->page))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "page",
                                         _("\"%s\" is not one of crime, complaints, consent-decree, overview"),
                                         passage->page);

      has_report = json_object_has_member (object, "from-report");
      has_monitor = json_object_has_member (object, "from-monitoring-report");
      if (has_report == has_monitor)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                         _("needs exactly one of \"from-report\" and \"from-monitoring-report\""));

      if (!lens_content_reader_get_string (reader, NULL, object, "from-report", FALSE, &passage->from_report, error) ||
          !lens_content_reader_get_uint (reader, NULL, object, "from-monitoring-report", FALSE,
                                         &passage->from_monitoring_report, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "text", TRUE, &passage->text, error) ||
          !lens_content_reader_get_confidence (reader, NULL, object, &passage->confidence, error) ||
          !lens_content_reader_get_source (reader, NULL, object, &passage->source, error) ||
          !lens_content_reader_get_strv (reader, NULL, object, "charts", TRUE, &passage->charts, error) ||
          !check_chart_ids (reader, passage->charts, error))
        return FALSE;

      if (has_report && lens_reports_lookup_report (self, passage->from_report) == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "from-report",
                                         _("there is no report \"%s\" in \"reports\""), passage->from_report);
      if (has_monitor && passage->from_monitoring_report == 0)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "from-monitoring-report",
                                         _("must be more than 0"));

      g_ptr_array_add (self->passages, g_steal_pointer (&passage));
    }

  return TRUE;
}

static gboolean
read_get_involved (LensReports        *self,
                   LensContentReader  *reader,
                   GError            **error)
{
  static const char * const allowed[] = { "id", "title", "text", "url", "contact", NULL };
  static const char * const required[] = { "id", "title", "text", "url", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "get-involved", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensGetInvolvedItem) item = g_new0 (LensGetInvolvedItem, 1);
      JsonObject *object;

      if (!lens_content_reader_read_item (reader, array, i, "get-involved", &object, &item->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("get-involved item \"%s\""), item->id);
      for (guint j = 0; j < self->get_involved->len; j++)
        if (g_str_equal (((LensGetInvolvedItem *) g_ptr_array_index (self->get_involved, j))->id, item->id))
          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                           _("get-involved item \"%s\" is listed more than once"), item->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "title", TRUE, &item->title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "text", TRUE, &item->text, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "url", TRUE, &item->url, error) ||
          !lens_content_reader_check_url (reader, "url", item->url, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "contact", FALSE, &item->contact, error))
        return FALSE;

      g_ptr_array_add (self->get_involved, g_steal_pointer (&item));
    }

  return TRUE;
}

LensReports *
lens_reports_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  static const char * const allowed[] = {
    "format", "translatable", "reports", "engagement", "passages", "get-involved", NULL
  };
  g_autoptr(LensReports) self = NULL;
  g_auto(LensContentReader) reader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LENS_TYPE_REPORTS, NULL);

  if (!lens_content_reader_load (&reader, name, bytes, translatable_keys, error) ||
      !lens_content_reader_check_keys (&reader, NULL, reader.root, allowed, allowed, error) ||
      !read_reports (self, &reader, error) ||
      !read_engagement (self, &reader, error) ||
      !read_passages (self, &reader, error) ||
      !read_get_involved (self, &reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

LensReports *
lens_reports_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(bytes = lens_content_read_file (path, error)))
    return NULL;

  name = g_path_get_basename (path);
  return lens_reports_new_from_bytes (bytes, name, error);
}

LensReports *
lens_reports_new_from_resource (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = lens_content_read_resource (LENS_REPORTS_RESOURCE, error)))
    return NULL;

  return lens_reports_new_from_bytes (bytes, "reports.json", error);
}

/* Accessors */

guint
lens_reports_get_n_reports (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), 0);
  return self->reports->len;
}

const LensReport *
lens_reports_get_report (LensReports *self,
                         guint        index)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);
  return g_ptr_array_index (self->reports, index);
}

const LensReport *
lens_reports_lookup_report (LensReports *self,
                            const char  *id)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->reports->len; i++)
    {
      const LensReport *report = g_ptr_array_index (self->reports, i);

      if (g_str_equal (report->id, id))
        return report;
    }

  return NULL;
}

guint
lens_reports_get_n_passages (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), 0);
  return self->passages->len;
}

const LensPassage *
lens_reports_get_passage (LensReports *self,
                          guint        index)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);
  return g_ptr_array_index (self->passages, index);
}

GPtrArray *
lens_reports_get_passages_for_page (LensReports *self,
                                    const char  *page_id)
{
  GPtrArray *result;

  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (page_id != NULL, NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->passages->len; i++)
    {
      LensPassage *passage = g_ptr_array_index (self->passages, i);

      if (g_str_equal (passage->page, page_id))
        g_ptr_array_add (result, passage);
    }

  return result;
}

GPtrArray *
lens_reports_get_passages_for_chart (LensReports *self,
                                     const char  *chart_id)
{
  GPtrArray *result;

  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (chart_id != NULL, NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->passages->len; i++)
    {
      LensPassage *passage = g_ptr_array_index (self->passages, i);

      if (g_strv_contains ((const char * const *) passage->charts, chart_id))
        g_ptr_array_add (result, passage);
    }

  return result;
}

const char *
lens_reports_get_engagement_summary (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  return self->engagement_summary;
}

const char *
lens_reports_get_engagement_next_steps (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  return self->engagement_next_steps;
}

const LensSource *
lens_reports_get_engagement_source (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  return &self->engagement_source;
}

const char * const *
lens_reports_get_organizations (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  return (const char * const *) self->organizations;
}

guint
lens_reports_get_n_engagement_events (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), 0);
  return self->events->len;
}

const LensEngagementEvent *
lens_reports_get_engagement_event (LensReports *self,
                                   guint        index)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return g_ptr_array_index (self->events, index);
}

guint
lens_reports_get_n_get_involved (LensReports *self)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), 0);
  return self->get_involved->len;
}

const LensGetInvolvedItem *
lens_reports_get_get_involved (LensReports *self,
                               guint        index)
{
  g_return_val_if_fail (LENS_IS_REPORTS (self), NULL);
  g_return_val_if_fail (index < self->get_involved->len, NULL);
  return g_ptr_array_index (self->get_involved, index);
}
