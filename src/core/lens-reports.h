/* lens-reports.h: the 2025 community-policing reports, the passages tying them to charts,
 * the engagement facts and the "Get involved" links
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-content.h"

G_BEGIN_DECLS

#define LENS_REPORTS_RESOURCE "/io/github/reformlens/ReformLens/reports.json"

typedef enum
{
  LENS_PERSPECTIVE_COMMUNITY,
  LENS_PERSPECTIVE_CPD_MEMBERS,
  LENS_PERSPECTIVE_NATIONAL,
} LensPerspective;

/* "community", "cpd-members", "national": the values used in the file */
const char  *lens_perspective_to_id    (LensPerspective perspective);
/* A translated label: "Community", "CPD members", "National" */
const char  *lens_perspective_describe (LensPerspective perspective);

/* Text fields come back translated; URLs, ids and dates never are. */
typedef struct
{
  char            *id;
  char            *title;
  LensPerspective  perspective;
  char            *written_by;   /* who wrote it */
  char            *heard;        /* whose views it gathers */
  LensContentDate  date;         /* unset when no date was found; may be month-only */
  char            *summary;      /* 3–5 sentences in the project's own words */
  GStrv            points;       /* key points in the project's own words */
  char            *note;         /* what could not be confirmed, or NULL */
  GStrv            sources;      /* links, first one first */
  GStrv            charts;       /* chart catalogue ids it relates to; may be empty */
} LensReport;

/* A short item for the "What the reports say" panel. Exactly one of @from_report and
 * @from_monitoring_report is set. */
typedef struct
{
  char           *id;
  char           *page;                    /* "crime", "complaints", "consent-decree", "overview" */
  char           *text;
  char           *from_report;             /* a LensReport id, or NULL */
  guint           from_monitoring_report;  /* IMR number in consent-decree.json, or 0 */
  LensConfidence  confidence;
  LensSource      source;
  GStrv           charts;                  /* may be empty: the passage is about the page */
} LensPassage;

typedef struct
{
  char            *id;
  char            *title;
  char            *text;
  LensContentDate  date;       /* start, or unset */
  LensContentDate  end_date;   /* unset unless the event spans days */
  LensSource       source;
} LensEngagementEvent;

typedef struct
{
  char *id;
  char *title;
  char *text;
  char *url;      /* shown as a link, never fetched */
  char *contact;  /* address or phone, or NULL */
} LensGetInvolvedItem;

#define LENS_TYPE_REPORTS (lens_reports_get_type ())

G_DECLARE_FINAL_TYPE (LensReports, lens_reports, LENS, REPORTS, GObject)

LensReports               *lens_reports_new_from_resource        (GError      **error);
LensReports               *lens_reports_new_from_file            (const char   *path,
                                                                  GError      **error);
LensReports               *lens_reports_new_from_bytes           (GBytes       *bytes,
                                                                  const char   *name,
                                                                  GError      **error);

guint                      lens_reports_get_n_reports            (LensReports  *self);
const LensReport          *lens_reports_get_report               (LensReports  *self,
                                                                  guint         index);
const LensReport          *lens_reports_lookup_report            (LensReports  *self,
                                                                  const char   *id);

guint                      lens_reports_get_n_passages           (LensReports  *self);
const LensPassage         *lens_reports_get_passage              (LensReports  *self,
                                                                  guint         index);
/* Both return a new array of borrowed `const LensPassage *`, in file order; free with
 * g_ptr_array_unref(). Empty, never NULL, when nothing matches. */
GPtrArray                 *lens_reports_get_passages_for_page    (LensReports  *self,
                                                                  const char   *page_id);
GPtrArray                 *lens_reports_get_passages_for_chart   (LensReports  *self,
                                                                  const char   *chart_id);

const char                *lens_reports_get_engagement_summary   (LensReports  *self);
const char                *lens_reports_get_engagement_next_steps (LensReports *self);
const LensSource          *lens_reports_get_engagement_source    (LensReports  *self);
/* The eight community organizations that led the sessions (names, not translated). */
const char * const        *lens_reports_get_organizations        (LensReports  *self);
guint                      lens_reports_get_n_engagement_events  (LensReports  *self);
const LensEngagementEvent *lens_reports_get_engagement_event     (LensReports  *self,
                                                                  guint         index);

guint                      lens_reports_get_n_get_involved       (LensReports  *self);
const LensGetInvolvedItem *lens_reports_get_get_involved         (LensReports  *self,
                                                                  guint         index);

G_END_DECLS
