/* lens-content.h: types shared by the curated data files (consent decree, reports)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-content-error.h"

G_BEGIN_DECLS

/* How sure we are of a fact: the tags of reference/consent-decree.md. "U" (unconfirmed) is
 * not a value: the loaders reject it, so nothing unconfirmed is ever shown. */
typedef enum
{
  LENS_CONFIDENCE_CONFIRMED,  /* "C": an official document, or two independent reports */
  LENS_CONFIDENCE_SECONDARY,  /* "S": one news or advocacy source */
  LENS_CONFIDENCE_DERIVED,    /* "D": worked out from published numbers */
} LensConfidence;

/* "C", "S" or "D" */
const char  *lens_confidence_to_tag       (LensConfidence  confidence);
/* A short translated explanation for people, e.g. "From one news or advocacy source" */
const char  *lens_confidence_describe     (LensConfidence  confidence);

/* A calendar date from a data file; some facts are only known to the month. */
typedef struct
{
  guint16 year;
  guint8  month;  /* 1–12; 0 when there is no date */
  guint8  day;    /* 1–31; 0 when only the month is known */
} LensContentDate;

gboolean     lens_content_date_is_set     (const LensContentDate *date);
/* Month-only dates compare as the first day of the month. Unset dates sort first. */
int          lens_content_date_compare    (const LensContentDate *a,
                                           const LensContentDate *b);
/* "2024-11-19", or "2023-12" for a month; NULL when unset. */
char        *lens_content_date_to_iso     (const LensContentDate *date);
/* Midnight UTC on the date (the first of the month for month-only dates); NULL when unset.
 * Pass the result to lens_format_date() or lens_format_month() to show it. */
GDateTime   *lens_content_date_to_date_time (const LensContentDate *date);

/* Where a fact comes from. */
typedef struct
{
  char     *url;     /* http:// or https:// */
  char     *outlet;  /* the publication's name, or NULL when the URL says it */
  gboolean  mirror;  /* the URL is a syndicated or mirrored copy of @outlet's story */
} LensSource;

G_END_DECLS
