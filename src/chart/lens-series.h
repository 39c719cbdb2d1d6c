/* lens-series.h: the numbers one chart shows
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lens-compare-as.h"

G_BEGIN_DECLS

/* A series: category labels (x) and one or more value vectors of the same length (the chosen
 * district, then the comparison). Values may be NAN (no data for that point). A point may be
 * marked partial (the current year, the latest month). Reference counted; build it, then treat
 * it as immutable. */
typedef struct _LensSeries LensSeries;

#define LENS_TYPE_SERIES (lens_series_get_type ())
GType        lens_series_get_type        (void) G_GNUC_CONST;

LensSeries  *lens_series_new             (void);
LensSeries  *lens_series_ref             (LensSeries *self);
void         lens_series_unref           (LensSeries *self);

/* Appends a category; returns its index. */
guint        lens_series_add_label       (LensSeries *self,
                                          const char *label);
/* Adds a value vector named @name (e.g. "District 5 – Calumet", "Citywide"); every value
 * starts as NAN. Returns its index. */
guint        lens_series_add_vector      (LensSeries *self,
                                          const char *name);
void         lens_series_set_value       (LensSeries *self,
                                          guint       vector,
                                          guint       label,
                                          double      value);
void         lens_series_set_partial     (LensSeries *self,
                                          guint       label,
                                          gboolean    partial);

/* What the values count, as a lens-unit.h key ("incidents", "cases", "percent"); lens-describe.h
 * words a value with it, in tables and accessible text. */
void         lens_series_set_unit        (LensSeries *self,
                                          const char *unit);
/* TRUE when values are percentages 0..100 (axis and labels get a % sign). */
void         lens_series_set_percent     (LensSeries *self,
                                          gboolean    percent);

/* TRUE when the values are figures as someone published them (16%, 4.4%): each is written with
 * the decimals it has, none for a whole number, rather than every value with one. */
void         lens_series_set_as_published (LensSeries *self,
                                           gboolean    as_published);

/* A vertical divider drawn before category @label (stacked bars), with a short text on each
 * side saying what changed there (e.g. how the values were measured); either text may be
 * NULL. @label 0 removes it. */
void         lens_series_set_divider     (LensSeries *self,
                                          guint       label,
                                          const char *before,
                                          const char *after);
/* 0 when there is no divider. */
guint        lens_series_get_divider     (LensSeries  *self,
                                          const char **before,
                                          const char **after);

/* A comparison drawn as an index or a share (lens-compare-as.h): @counts holds the numbers
 * they were computed from, the portal's counts, with the same labels: the same vectors in the
 * same order (a vector this series leaves out, such as citywide as a share of itself, may
 * follow), then possibly the citywide totals a share divides by. Tables and exports show both:
 * the counts are never dropped. */
void         lens_series_set_counts      (LensSeries    *self,
                                          LensSeries    *counts,
                                          LensCompareAs  compare_as);
/* NULL when the values are the counts themselves. */
LensSeries  *lens_series_get_counts      (LensSeries    *self);
/* LENS_COMPARE_AS_COUNTS unless lens_series_set_counts() said otherwise. */
LensCompareAs lens_series_get_compare_as (LensSeries    *self);

guint        lens_series_get_n_labels    (LensSeries *self);
guint        lens_series_get_n_vectors   (LensSeries *self);
const char  *lens_series_get_label       (LensSeries *self,
                                          guint       label);
const char  *lens_series_get_vector_name (LensSeries *self,
                                          guint       vector);
double       lens_series_get_value       (LensSeries *self,
                                          guint       vector,
                                          guint       label);
gboolean     lens_series_get_partial     (LensSeries *self,
                                          guint       label);
const char  *lens_series_get_unit        (LensSeries *self);
gboolean     lens_series_get_percent     (LensSeries *self);
gboolean     lens_series_get_as_published (LensSeries *self);
/* Largest finite value over all vectors; FALSE when there is none. */
gboolean     lens_series_get_max         (LensSeries *self,
                                          double     *max);
/* Smallest finite value over all vectors; FALSE when there is none. */
gboolean     lens_series_get_min         (LensSeries *self,
                                          double     *min);

/* One label drawn apart in a one-vector bar chart (the chosen district among all): solid,
 * outlined, the others lighter. G_MAXUINT: none. */
void         lens_series_set_highlight   (LensSeries *self,
                                          guint       label);
guint        lens_series_get_highlight   (LensSeries *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensSeries, lens_series_unref)

G_END_DECLS
