/* lens-consent-decree.h: the consent-decree facts and compliance figures the app ships
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-content.h"

G_BEGIN_DECLS

/* The shipped file, compiled into the GResource. data/consent-decree-format.md documents
 * every field. */
#define LENS_CONSENT_DECREE_RESOURCE "/io/github/reformlens/ReformLens/consent-decree.json"

/* The monitor's levels. Each paragraph counts once, at the highest level it reached, so
 * PRELIMINARY + SECONDARY + FULL = ANY ("at least preliminary"). */
typedef enum
{
  LENS_COMPLIANCE_PRELIMINARY,
  LENS_COMPLIANCE_SECONDARY,
  LENS_COMPLIANCE_FULL,
  LENS_COMPLIANCE_ANY,
} LensComplianceLevel;

#define LENS_N_COMPLIANCE_LEVELS 4

/* "preliminary", "secondary", "full", "any": the keys used in the file */
const char *lens_compliance_level_to_key (LensComplianceLevel level);

typedef enum
{
  LENS_FIGURE_UNIT_COUNT,    /* paragraphs */
  LENS_FIGURE_UNIT_PERCENT,  /* of the report's own denominator */
} LensFigureUnit;

/* One published figure, exactly as published. */
typedef struct
{
  double          value;
  LensFigureUnit  unit;
  LensConfidence  confidence;
  LensSource      source;
} LensFigure;

typedef enum
{
  LENS_DENOMINATOR_NOT_PUBLISHED,  /* not found, or the sources conflict (see the note) */
  LENS_DENOMINATOR_ASSESSED,       /* the paragraphs assessed in that period */
  LENS_DENOMINATOR_MONITORABLE,    /* the monitorable paragraphs of the original decree */
} LensDenominatorKind;

typedef struct
{
  LensDenominatorKind kind;
  guint               count;       /* 0 when not published */
  LensConfidence      confidence;  /* of the count */
  LensSource          source;      /* for MONITORABLE, the file's "monitorable-paragraphs" source */
} LensDenominator;

typedef enum
{
  LENS_RELEASE_FILED,     /* the date it was filed with the court */
  LENS_RELEASE_RELEASED,  /* the date it was made public */
} LensReleaseKind;

/* A sentence in our own words, with where it comes from. */
typedef struct
{
  char           *text;
  LensConfidence  confidence;
  LensSource      source;
} LensSourcedText;

typedef struct
{
  guint            number;              /* IMR-<number> */
  LensContentDate  period_start;
  LensContentDate  period_end;
  LensContentDate  released;            /* unset when the date was not found */
  LensReleaseKind  release_kind;
  LensConfidence   release_confidence;
  LensSource       release_source;
  LensDenominator  denominator;
  LensFigure      *figures[LENS_N_COMPLIANCE_LEVELS];  /* NULL: "not published" */
  char            *note;                /* translated, or NULL */
  GStrv            sources;             /* further sources for the note; may be NULL */
  GPtrArray       *highlights;          /* of LensSourcedText; other headline findings */
} LensMonitoringReport;

typedef struct
{
  LensComplianceLevel  level;
  char                *name;
  char                *meaning;
  LensConfidence       confidence;
  LensSource           source;
} LensLevelMeaning;

typedef struct
{
  char            *id;
  char            *title;
  char            *text;
  LensContentDate  date;        /* may be unset, or known only to the month */
  LensConfidence   confidence;
  LensSource       source;
} LensKeyFact;

typedef struct
{
  GArray          *reports;     /* of guint report numbers; empty for a court finding */
  char            *text;
  LensConfidence   confidence;
  LensSource       source;
} LensTopicFinding;

typedef struct
{
  char            *id;
  guint            number;      /* 1–11 as the City lists them; 12 for the 2023 addition */
  char            *name;
  char            *about;       /* translated, or NULL */
  LensContentDate  added;       /* unset unless the area was added later */
  LensConfidence   confidence;
  LensSource       source;
  GPtrArray       *findings;    /* of LensTopicFinding; may be empty */
  char            *note;        /* says plainly when there is no finding */
} LensTopicArea;

/* One stacked bar of the compliance chart. */
typedef struct
{
  guint               report;
  LensContentDate     period_start;
  LensContentDate     period_end;
  LensDenominatorKind denominator_kind;
  guint               denominator;                  /* 0 when not published */
  gboolean            after_denominator_change;     /* draw the change marker before the first such bar */
  double              percent[LENS_N_COMPLIANCE_LEVELS];     /* NAN: not published, or no denominator to convert a count with */
  gboolean            derived[LENS_N_COMPLIANCE_LEVELS];     /* TRUE: Reform Lens computed it from a published count */
  LensConfidence      confidence[LENS_N_COMPLIANCE_LEVELS];  /* DERIVED when derived[] is TRUE */
} LensComplianceBar;

#define LENS_TYPE_CONSENT_DECREE (lens_consent_decree_get_type ())

G_DECLARE_FINAL_TYPE (LensConsentDecree, lens_consent_decree, LENS, CONSENT_DECREE, GObject)

/* Loading validates everything; errors are LENS_CONTENT_ERROR with messages such as
 * consent-decree.json: report 10: "full": confidence "X" is not one of C, S, D
 * Text comes back translated (call after setlocale() and bindtextdomain()). */
LensConsentDecree          *lens_consent_decree_new_from_resource   (GError             **error);
LensConsentDecree          *lens_consent_decree_new_from_file       (const char          *path,
                                                                     GError             **error);
/* @name is the file name used in error messages. */
LensConsentDecree          *lens_consent_decree_new_from_bytes      (GBytes              *bytes,
                                                                     const char          *name,
                                                                     GError             **error);

/* Reports in ascending order of number. */
guint                       lens_consent_decree_get_n_reports        (LensConsentDecree   *self);
const LensMonitoringReport *lens_consent_decree_get_report           (LensConsentDecree   *self,
                                                                     guint                index);
const LensMonitoringReport *lens_consent_decree_lookup_report        (LensConsentDecree   *self,
                                                                     guint                number);
/* NULL when @level was not published for @report. */
const LensFigure           *lens_monitoring_report_get_figure        (const LensMonitoringReport *report,
                                                                     LensComplianceLevel  level);
gboolean                    lens_monitoring_report_has_figures       (const LensMonitoringReport *report);

/* The 552 monitorable paragraphs, and the report from which figures use them. */
const LensSourcedText      *lens_consent_decree_get_monitorable_paragraphs (LensConsentDecree *self,
                                                                           guint             *count);
const LensSourcedText      *lens_consent_decree_get_denominator_change     (LensConsentDecree *self,
                                                                           guint             *first_report);

const LensLevelMeaning     *lens_consent_decree_get_level_meaning    (LensConsentDecree   *self,
                                                                     LensComplianceLevel  level);

guint                       lens_consent_decree_get_n_key_facts      (LensConsentDecree   *self);
const LensKeyFact          *lens_consent_decree_get_key_fact         (LensConsentDecree   *self,
                                                                     guint                index);
const LensKeyFact          *lens_consent_decree_lookup_key_fact      (LensConsentDecree   *self,
                                                                     const char          *id);

guint                       lens_consent_decree_get_n_topic_areas    (LensConsentDecree   *self);
const LensTopicArea        *lens_consent_decree_get_topic_area       (LensConsentDecree   *self,
                                                                     guint                index);
const LensTopicArea        *lens_consent_decree_lookup_topic_area    (LensConsentDecree   *self,
                                                                     const char          *id);

/* One LensComplianceBar per report that has at least one published figure, in report order:
 * each level as a percentage of that report's own denominator. Free with g_array_unref(). */
GArray                     *lens_consent_decree_get_compliance_bars  (LensConsentDecree   *self);
/* The bar of report @report in @bars, or NULL when that report published no figure. */
const LensComplianceBar    *lens_compliance_bars_find                (GArray              *bars,
                                                                     guint                report);

G_END_DECLS
