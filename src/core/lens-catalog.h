/* lens-catalog.h: the charts and headline cards the app offers, from data/charts.json
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lens-content-error.h"
#include "lens-filters.h"
#include "lens-soql.h"

G_BEGIN_DECLS

#define LENS_CATALOG_RESOURCE "/io/github/reformlens/ReformLens/charts.json"

/* Chart ids other parts of the app refer to. */
#define LENS_CHART_CRIME_INCIDENTS_PER_YEAR  "crime-incidents-per-year"
#define LENS_CHART_CRIME_INCIDENTS_PER_MONTH "crime-incidents-per-month"
#define LENS_CHART_CRIME_TOP_OFFENSES        "crime-top-offenses"
#define LENS_CHART_CRIME_ARREST_SHARE        "crime-arrest-share"
#define LENS_CHART_COMPLAINTS_PER_YEAR       "complaints-per-year"
#define LENS_CHART_COMPLAINTS_CATEGORIES     "complaints-categories"
#define LENS_CHART_COMPLAINTS_FINDINGS       "complaints-findings"
#define LENS_CHART_COMPLAINTS_STATUS         "complaints-status"
#define LENS_HEADLINE_CRIME_YEAR_TO_DATE     "crime-year-to-date"
#define LENS_HEADLINE_CRIME_LATEST_FULL_YEAR "crime-latest-full-year"

/* How a chart is drawn; src/chart maps it to LensPlotKind (core does not know PLplot). */
typedef enum
{
  LENS_CHART_KIND_BAR,   /* "bar" */
  LENS_CHART_KIND_HBAR,  /* "hbar": long category names */
  LENS_CHART_KIND_LINE,  /* "line" */
} LensChartKind;

/* What the "label" column of a result holds. */
typedef enum
{
  LENS_LABEL_KIND_YEAR,      /* "year": a number (date_extract_y); every year of the range */
  LENS_LABEL_KIND_MONTH,     /* "month": a floating timestamp (date_trunc_ym); every month */
  LENS_LABEL_KIND_CATEGORY,  /* "category": text the portal sends, labelled via lens-categories */
} LensLabelKind;

typedef enum
{
  LENS_VALUE_KIND_ALIAS,  /* the column @value_alias as it is */
  LENS_VALUE_KIND_RATIO,  /* @numerator / @denominator * 100; NAN when the denominator is 0 */
} LensValueKind;

/* One chart. Text fields are translated; ids, SoQL and field names never are. Immutable,
 * reference counted so a loaded chart can keep its spec after the catalogue is gone. */
typedef struct
{
  /*< public, read-only >*/
  char          *id;                  /* "crime-incidents-per-year" */
  char          *page;                /* "crime", "complaints", ... */
  char          *dataset_id;          /* a lens-datasets.h id: "ijzp-q8t2" */
  char          *title;
  char          *description;         /* one or two sentences: what is counted, how */
  LensChartKind  kind;
  char          *x_title;             /* axis titles, may be NULL */
  char          *y_title;
  char          *unit;                /* a lens-unit.h key: "incidents", "cases", "percent"
                                       * (exactly when @percent); lens-describe.h words it */
  gboolean       percent;             /* values are 0..100 */

  /* SoQL: written by the project, never containing user values; parameters are bound. */
  char          *select;              /* "date_extract_y(date) AS label, count(*) AS value" */
  char          *where;               /* a fixed condition, or NULL */
  char          *group;               /* "label"; may be NULL */
  char          *order;               /* "label" or "value DESC"; may be NULL */
  guint          limit;               /* $limit: the most rows an answer may have; 0 leaves
                                       * Socrata's default (1000). The loader needs every
                                       * group, so it refuses an answer that fills the limit. */
  char          *date_condition;      /* "date >= @from AND date < @to"; @to bound to the
                                       * day after the inclusive end */
  char          *district_condition;  /* "district = @district" (bound to "005"), or NULL
                                       * when the dataset has no district column */
  char          *district_beat_field; /* "district-attribution": for a dataset without a
                                       * district column (COPA), the beat field ("beat", text
                                       * that may hold "332 | 1114") the district comes from,
                                       * or NULL. A district's query then also groups by this
                                       * field and the loader attributes each group: a row
                                       * counts for a district when any of its beats lies in
                                       * it, so a row spanning two districts counts for both
                                       * and one without a known beat only citywide. */

  LensLabelKind  label_kind;          /* of the column named "label" */
  LensValueKind  value_kind;
  char          *value_alias;         /* ALIAS: the value column ("value") */
  char          *numerator;           /* RATIO: column names ("arrests", "incidents") */
  char          *denominator;
  guint          top_n;               /* CATEGORY: keep the primary's top n; 0 = all */
  char          *category_context;    /* LENS_CATEGORY_CRIME_TYPE or NULL (shown as sent) */

  GStrv          caveats;             /* caveat ids, each known to the catalogue */
  GStrv          caveat_texts;        /* their texts, translated, parallel to @caveats */
  GStrv          reports;             /* related report ids (reports.json); may be empty */
  GStrv          fields;              /* the dataset fields its query names
                                       * (lens_soql_dup_fields()), each declared with its
                                       * type in the catalogue's "fields" */

  /*< private >*/
  gatomicrefcount ref_count;
} LensChartSpec;

#define LENS_TYPE_CHART_SPEC (lens_chart_spec_get_type ())
GType          lens_chart_spec_get_type   (void) G_GNUC_CONST;
LensChartSpec *lens_chart_spec_ref        (LensChartSpec *self);
void           lens_chart_spec_unref      (LensChartSpec *self);

/* Which two periods a headline compares. */
typedef enum
{
  /* 1 Jan up to the data's last full day, against the same days a year earlier. */
  LENS_HEADLINE_PERIOD_YEAR_TO_DATE,   /* "year-to-date" */
  /* The last calendar year the data have completed, against the one before. */
  LENS_HEADLINE_PERIOD_LATEST_FULL_YEAR, /* "latest-full-year" */
} LensHeadlinePeriod;

/* A headline card on the Overview page: one number, the same number a year earlier. */
typedef struct
{
  /*< public, read-only >*/
  char               *id;                  /* "crime-year-to-date" */
  char               *page;                /* the page the card opens: "crime" */
  char               *chart;               /* the chart id it leads to, or NULL */
  char               *dataset_id;
  char               *title;               /* "Incidents so far this year" */
  char               *note;                /* why the windows are what they are */
  char               *unit;                /* a lens-unit.h key, never "percent" */
  LensHeadlinePeriod  period;              /* the dataset's lag is in lens-datasets.h */
  char               *select;              /* "count(*) AS value" */
  char               *where;               /* may be NULL */
  char               *date_condition;      /* as in LensChartSpec */
  char               *district_condition;  /* as in LensChartSpec, or NULL */
  char               *value_alias;         /* "value" */
  GStrv               caveats;
  GStrv               caveat_texts;        /* translated, parallel to @caveats */
  GStrv               fields;              /* as in LensChartSpec */

  /*< private >*/
  gatomicrefcount ref_count;
} LensHeadlineSpec;

#define LENS_TYPE_HEADLINE_SPEC (lens_headline_spec_get_type ())
GType             lens_headline_spec_get_type (void) G_GNUC_CONST;
LensHeadlineSpec *lens_headline_spec_ref      (LensHeadlineSpec *self);
void              lens_headline_spec_unref    (LensHeadlineSpec *self);

/* The two periods of @self when the data's last full day is @last_full_day (see
 * lens-data-period.h), both ends inclusive. With data up to 19 Nov 2026, YEAR_TO_DATE is
 * 2026-01-01..2026-11-19 against 2025-01-01..2025-11-19; LATEST_FULL_YEAR is 2025 against
 * 2024. 29 Feb maps to 28 Feb in a year without it. */
void              lens_headline_spec_get_periods (const LensHeadlineSpec *self,
                                                  const GDate            *last_full_day,
                                                  GDate                  *current_from,
                                                  GDate                  *current_to,
                                                  GDate                  *previous_from,
                                                  GDate                  *previous_to);

/* Builds the query of a chart or a headline for a district (0: citywide) and an inclusive
 * range: binds @from, @to (the day after @to_inclusive) and @district (the dataset's code,
 * "005" for Crimes; the district condition is left out for 0 or when the spec has none) and
 * validates. With a district_beat_field and a district other than 0, the query has no district
 * condition: the beat field is added in front of $select and $group, and $order is the
 * $group, so every group (and every page) comes in a stable order:
 *   $select=beat, date_extract_y(complaint_date) AS label, count(*) AS value
 *   &$group=beat, label&$order=beat, label
 * Errors are LENS_PORTAL_ERROR_BAD_QUERY. */
LensSoql         *lens_chart_spec_build_query    (const LensChartSpec    *self,
                                                  guint                   district,
                                                  const GDate            *from,
                                                  const GDate            *to_inclusive,
                                                  GError                **error);
LensSoql         *lens_headline_spec_build_query (const LensHeadlineSpec *self,
                                                  guint                   district,
                                                  const GDate            *from,
                                                  const GDate            *to_inclusive,
                                                  GError                **error);

#define LENS_TYPE_CATALOG (lens_catalog_get_type ())
G_DECLARE_FINAL_TYPE (LensCatalog, lens_catalog, LENS, CATALOG, GObject)

/* Loading errors are LENS_CONTENT_ERROR and start with the file name and the place:
 * charts.json: chart "crime-top-offenses": "kind": "pie" is not one of bar, hbar, line
 * Checked: unknown or missing fields, unknown kind / label / value kind / period, duplicate
 * ids (charts and headlines share one id space), unknown dataset, unknown caveat id, a
 * district condition on a dataset without a district column, a district attribution on a
 * dataset without that beat field, with a district condition or without "group", a ratio
 * without both columns. */
LensCatalog            *lens_catalog_new_from_resource (GError     **error);
LensCatalog            *lens_catalog_new_from_bytes    (GBytes      *bytes,
                                                        const char  *name,
                                                        GError     **error);
/* The shipped catalogue, loaded once; aborts (a programming error) if it does not load. */
LensCatalog            *lens_catalog_get_default       (void);

guint                   lens_catalog_get_n_charts      (LensCatalog *self);
LensChartSpec          *lens_catalog_get_chart         (LensCatalog *self,
                                                        guint        index);
/* NULL for an unknown id */
LensChartSpec          *lens_catalog_lookup_chart      (LensCatalog *self,
                                                        const char  *id);
/* A new array of borrowed specs in file order; empty, never NULL. */
GPtrArray              *lens_catalog_get_charts_for_page (LensCatalog *self,
                                                          const char  *page);

guint                   lens_catalog_get_n_headlines   (LensCatalog *self);
LensHeadlineSpec       *lens_catalog_get_headline      (LensCatalog *self,
                                                        guint        index);
LensHeadlineSpec       *lens_catalog_lookup_headline   (LensCatalog *self,
                                                        const char  *id);

/* Caveats: plain-words notes shown under charts. Text translated; NULL for an unknown id. */
guint                   lens_catalog_get_n_caveats     (LensCatalog *self);
const char             *lens_catalog_get_caveat_id     (LensCatalog *self,
                                                        guint        index);
const char             *lens_catalog_get_caveat_text   (LensCatalog *self,
                                                        const char  *id);
/* The texts of @ids in order, as a new NULL-terminated array (borrowed strings). */
const char            **lens_catalog_dup_caveat_texts  (LensCatalog        *self,
                                                        const char * const *ids);

/* "fields": the one declaration of every field a query of the catalogue names, with the
 * Socrata type the portal's metadata gives it ("text", "number", "calendar_date",
 * "checkbox", ...). Queries built elsewhere on these datasets (the CompStat table) name only
 * declared fields too (test-catalog). The datasets in file order, NULL-terminated: */
const char * const     *lens_catalog_get_dataset_ids   (LensCatalog *self);
/* NULL when @field is not declared for @dataset_id */
const char             *lens_catalog_get_field_type    (LensCatalog *self,
                                                        const char  *dataset_id,
                                                        const char  *field);

const char             *lens_chart_kind_to_string      (LensChartKind kind);  /* "bar" */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensChartSpec, lens_chart_spec_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensHeadlineSpec, lens_headline_spec_unref)

G_END_DECLS
