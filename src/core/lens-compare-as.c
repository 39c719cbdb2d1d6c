/* lens-compare-as.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compare-as"

#include "config.h"

#include <math.h>

#include "lens-compare-as.h"

static const char * const nicks[] = {
  [LENS_COMPARE_AS_COUNTS] = "counts",
  [LENS_COMPARE_AS_INDEX] = "index",
  [LENS_COMPARE_AS_SHARE] = "share",
};

const char *
lens_compare_as_to_nick (LensCompareAs compare_as)
{
  g_return_val_if_fail (compare_as < G_N_ELEMENTS (nicks), NULL);

  return nicks[compare_as];
}

gboolean
lens_compare_as_from_nick (const char    *nick,
                           LensCompareAs *out)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        if (out != NULL)
          *out = (LensCompareAs) i;
        return TRUE;
      }

  return FALSE;
}

/* A district next to the whole city is a thin strip on one count axis (District 5 is about
 * 5% of it). The share answers the question a council asks ("how much of the city's crime is
 * ours, and is that growing?") in one number a reader knows, the percent; an index also
 * rescales, but hides that the two lines differ twentyfold in size. */
LensCompareAs
lens_compare_as_default_for_citywide (void)
{
  return LENS_COMPARE_AS_SHARE;
}

void
lens_compare_as_index (const double *values,
                       guint         n_values,
                       double       *out)
{
  double base;

  g_return_if_fail (n_values == 0 || (values != NULL && out != NULL));

  if (n_values == 0)
    return;

  base = values[0];
  for (guint i = 0; i < n_values; i++)
    out[i] = base != 0 ? 100.0 * values[i] / base : NAN;
}

double
lens_compare_as_share (double value,
                       double total)
{
  return total != 0 ? 100.0 * value / total : NAN;
}
