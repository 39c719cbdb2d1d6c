/* lens-filters.h: what a chart is about: a district, a comparison and a date range
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lens-compare-as.h"

G_BEGIN_DECLS

#define LENS_FILTERS_ERROR (lens_filters_error_quark ())

/* Messages are translated and name the option and the value, e.g.
 * "--district: “13” is not a Chicago police district" */
typedef enum
{
  LENS_FILTERS_ERROR_UNKNOWN_OPTION,  /* not one of district, compare, from, to */
  LENS_FILTERS_ERROR_BAD_DISTRICT,    /* not a number of one of the 22 districts */
  LENS_FILTERS_ERROR_BAD_COMPARE,     /* not "none", "citywide" or a district number */
  LENS_FILTERS_ERROR_BAD_DATE,        /* not a real date written YYYY-MM-DD */
  LENS_FILTERS_ERROR_BAD_RANGE,       /* from after to */
  LENS_FILTERS_ERROR_SAME_DISTRICT,   /* the district compared with itself */
  LENS_FILTERS_ERROR_BAD_COMPARE_AS,  /* not "counts", "index" or "share" */
} LensFiltersError;

GQuark lens_filters_error_quark (void);

typedef enum
{
  LENS_COMPARE_NONE,      /* one vector */
  LENS_COMPARE_CITYWIDE,  /* a second vector for the whole city */
  LENS_COMPARE_DISTRICT,  /* a second vector for another district */
} LensCompare;

/* A small reference-counted value. Setters do not validate (so a dialog can hold a half-edited
 * state); call lens_filters_validate() before use. Treat a filters object you share (a chart's,
 * an action's) as immutable: copy it, change the copy. */
typedef struct _LensFilters LensFilters;

#define LENS_TYPE_FILTERS (lens_filters_get_type ())
GType        lens_filters_get_type             (void) G_GNUC_CONST;

/* Citywide, no comparison, 1 January five years before this year (local time) up to today:
 * on 26 Nov 2026 that is 2021-01-01 .. 2026-11-26. */
LensFilters *lens_filters_new                  (void);
/* The same defaults computed from @today (for tests). */
LensFilters *lens_filters_new_for_date         (const GDate       *today);
LensFilters *lens_filters_ref                  (LensFilters       *self);
void         lens_filters_unref                (LensFilters       *self);
LensFilters *lens_filters_copy                 (const LensFilters *self);

/* 0: citywide; otherwise a district number (lens-districts.h). */
guint        lens_filters_get_district         (const LensFilters *self);
void         lens_filters_set_district         (LensFilters       *self,
                                                guint              district);
LensCompare  lens_filters_get_compare          (const LensFilters *self);
/* The compared district for LENS_COMPARE_DISTRICT, else 0. */
guint        lens_filters_get_compare_district (const LensFilters *self);
/* @district is used only with LENS_COMPARE_DISTRICT. */
void         lens_filters_set_compare          (LensFilters       *self,
                                                LensCompare        compare,
                                                guint              district);
/* How a comparison is drawn (lens-compare-as.h). Until one is chosen it follows the
 * comparison: the share of the city’s total for citywide (what a reader can read), counts for
 * another district. Without a comparison: counts, whatever was chosen. */
LensCompareAs lens_filters_get_compare_as      (const LensFilters *self);
/* TRUE when lens_filters_set_compare_as() chose it; it is then kept when the comparison
 * changes. */
gboolean     lens_filters_get_compare_as_chosen (const LensFilters *self);
void         lens_filters_set_compare_as       (LensFilters       *self,
                                                LensCompareAs      compare_as);
/* Back to following the comparison. */
void         lens_filters_unset_compare_as     (LensFilters       *self);
/* Both ends inclusive. */
const GDate *lens_filters_get_from             (const LensFilters *self);
const GDate *lens_filters_get_to               (const LensFilters *self);
void         lens_filters_set_range            (LensFilters       *self,
                                                const GDate       *from,
                                                const GDate       *to);

/* from <= to, the district known (or 0), the compared district known and different from the
 * district. A comparison with citywide when the district is citywide is also refused. */
gboolean     lens_filters_validate             (const LensFilters *self,
                                                GError           **error);

gboolean     lens_filters_equal                (const LensFilters *a,
                                                const LensFilters *b);
guint        lens_filters_hash                 (const LensFilters *self);

/* A stable, locale-independent form for a GAction state or a cache of loaded charts:
 * "district=5;compare=citywide;from=2021-01-01;to=2026-11-26" ("district=0" is citywide,
 * "compare=7", "compare=none"), then ";compare-as=share" when one was chosen.
 * lens_filters_new_from_string() reads it back and validates. */
char        *lens_filters_to_string            (const LensFilters *self);
LensFilters *lens_filters_new_from_string      (const char        *string,
                                                GError           **error);

/* Applies one command-line option: @name is "district", "compare", "from" or "to" (a leading
 * "--" is accepted), @value as typed: --district=5 (also "05", "005"; 0 or "citywide" for
 * the whole city), --compare=citywide|none|7, --compare-as=counts|index|share,
 * --from=2020-01-01, --to=2024-12-31.
 * Checks the value alone; call lens_filters_validate() once all options are applied. */
gboolean     lens_filters_set_option           (LensFilters       *self,
                                                const char        *name,
                                                const char        *value,
                                                GError           **error);
/* Applies every "--name=value" string of @args (NULL-terminated), then validates. */
gboolean     lens_filters_parse_args           (LensFilters       *self,
                                                const char * const *args,
                                                GError           **error);
/* Applies whichever of --district, --compare, --compare-as, --from and --to @options holds
 * (as GApplication parsed them: strings), then validates. A --district without --compare drops the
 * comparison, so that one kept from before cannot make it fail ("compared with itself"). */
gboolean     lens_filters_apply_options        (LensFilters       *self,
                                                GVariantDict      *options,
                                                GError           **error);
/* The options that give these filters, for another process: { "--district=5",
 * "--compare=citywide", "--from=2021-01-01", "--to=2026-11-26", NULL } ("--district=citywide"
 * for the whole city), and "--compare-as=index" at the end when one was chosen. */
GStrv        lens_filters_dup_args             (const LensFilters *self);

/* One field as the window's actions (win.district, win.compare, win.date-range) and the
 * settings hold it. @name is "district" ("" for the whole city, or "5"), "compare" ("none",
 * "citywide" or "7"), "compare-as" ("" until one is chosen, then "counts", "index" or
 * "share"), "from" or "to" ("2021-01-01"), or "date-range" ("2021-01-01/2026-11-26"). */
char        *lens_filters_dup_field            (const LensFilters *self,
                                                const char        *name);
/* Reads a field back. It also takes what lens_filters_set_option() takes for the same name,
 * "" for no comparison, and for "date-range" a preset that ends today: "last-12-months",
 * "this-year" or "last-5-years" (the default range). Checks the value alone. */
gboolean     lens_filters_set_field            (LensFilters       *self,
                                                const char        *name,
                                                const char        *value,
                                                GError           **error);

/* Translated descriptions for people. */
/* "District 5 – Calumet" or "Citywide" */
char        *lens_filters_dup_district_label   (const LensFilters *self);
/* The comparison's name ("Citywide", "District 7 – Chicago Lawn"), NULL without one. */
char        *lens_filters_dup_compare_label    (const LensFilters *self);
/* How the comparison is shown, NULL without one: "counts", "share of the city’s total",
 * "index, first period = 100". */
char        *lens_filters_dup_compare_as_label (const LensFilters *self);
/* "1 Jan 2021 – 26 Nov 2026" (dates in the locale's format) */
char        *lens_filters_dup_range_label      (const LensFilters *self);
/* "District 5 – Calumet compared with citywide, 1 Jan 2021 – 26 Nov 2026"; with the share or
 * the index: "District 5 – Calumet compared with citywide as a share of the city’s total,
 * 1 Jan 2021 – 26 Nov 2026" */
char        *lens_filters_describe             (const LensFilters *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensFilters, lens_filters_unref)

G_END_DECLS
