/* lens-compare-as.h: how two areas are compared: counts, an index, or a share of the city
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LENS_COMPARE_AS_COUNTS,  /* the portal's counts as they are */
  LENS_COMPARE_AS_INDEX,   /* change from the first period: first period = 100 */
  LENS_COMPARE_AS_SHARE,   /* percent of the city’s total in the same period */
} LensCompareAs;

/* "counts", "index", "share": the settings key's <choices> and `--compare-as=` */
const char    *lens_compare_as_to_nick      (LensCompareAs  compare_as);
/* FALSE for anything else */
gboolean       lens_compare_as_from_nick    (const char    *nick,
                                             LensCompareAs *out);
/* What a reader can read when the comparison is the whole city */
LensCompareAs  lens_compare_as_default_for_citywide (void);

/* @out[i] = 100 × @values[i] / @values[0]; every value is NaN (no base) when the first
 * period counts 0: an index of a zero base is not 0 or infinity. @out may be @values. */
void           lens_compare_as_index        (const double  *values,
                                             guint          n_values,
                                             double        *out);
/* 100 × @value / @total; NaN when @total is 0 */
double         lens_compare_as_share        (double         value,
                                             double         total);

G_END_DECLS
