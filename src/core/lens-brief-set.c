/* lens-brief-set.c: a saved brief and the period its rule gives
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lens-brief-set.h"

static const char *rule_ids[] = {
  [LENS_BRIEF_PERIOD_LAST_FULL_MONTH] = "last-full-month",
  [LENS_BRIEF_PERIOD_LAST_28_DAYS] = "last-28-days",
  [LENS_BRIEF_PERIOD_YEAR_TO_DATE] = "year-to-date",
  [LENS_BRIEF_PERIOD_SINCE_LAST_MEETING] = "since-last-meeting",
  [LENS_BRIEF_PERIOD_FIXED] = "fixed",
};

LensBriefSet *
lens_brief_set_new (const char *name)
{
  LensBriefSet *set = g_new0 (LensBriefSet, 1);

  set->name = g_strdup (name);
  set->rule = LENS_BRIEF_PERIOD_LAST_FULL_MONTH;
  g_date_clear (&set->fixed_from, 1);
  g_date_clear (&set->fixed_to, 1);
  return set;
}

LensBriefSet *
lens_brief_set_copy (const LensBriefSet *set)
{
  LensBriefSet *copy = lens_brief_set_new (set->name);

  copy->district = set->district;
  copy->comparison = g_strdup (set->comparison);
  copy->sections = g_strdupv (set->sections);
  copy->language = g_strdup (set->language);
  copy->rule = set->rule;
  copy->fixed_from = set->fixed_from;
  copy->fixed_to = set->fixed_to;
  copy->last_made = set->last_made;
  return copy;
}

void
lens_brief_set_free (LensBriefSet *set)
{
  if (set == NULL)
    return;
  g_free (set->name);
  g_free (set->comparison);
  g_strfreev (set->sections);
  g_free (set->language);
  g_free (set);
}

const char *
lens_brief_period_rule_to_id (LensBriefPeriodRule rule)
{
  g_return_val_if_fail (rule <= LENS_BRIEF_PERIOD_FIXED, NULL);
  return rule_ids[rule];
}

gboolean
lens_brief_period_rule_from_id (const char          *id,
                                LensBriefPeriodRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_ids); i++)
    if (g_strcmp0 (id, rule_ids[i]) == 0)
      {
        *rule = i;
        return TRUE;
      }
  return FALSE;
}

/* The last month that ends on or before @end. */
static void
last_full_month (const GDate *end,
                 LensPeriod  *period)
{
  GDate next = *end;

  g_date_add_days (&next, 1);
  if (g_date_get_day (&next) == 1)
    {
      period->to = *end;
    }
  else
    {
      g_date_set_dmy (&period->to, 1, g_date_get_month (end), g_date_get_year (end));
      g_date_subtract_days (&period->to, 1);
    }
  g_date_set_dmy (&period->from, 1, g_date_get_month (&period->to),
                  g_date_get_year (&period->to));
}

gboolean
lens_brief_set_resolve_period (const LensBriefSet *set,
                               const GDate        *data_end,
                               const GDate        *last_meeting,
                               LensPeriod         *period)
{
  g_return_val_if_fail (set != NULL && period != NULL, FALSE);
  g_return_val_if_fail (data_end != NULL && g_date_valid (data_end), FALSE);

  g_date_clear (&period->from, 1);
  g_date_clear (&period->to, 1);

  switch (set->rule)
    {
    case LENS_BRIEF_PERIOD_LAST_FULL_MONTH:
      last_full_month (data_end, period);
      return TRUE;

    case LENS_BRIEF_PERIOD_YEAR_TO_DATE:
      lens_period_year_to_date (data_end, period, NULL);
      return TRUE;

    case LENS_BRIEF_PERIOD_SINCE_LAST_MEETING:
      if (last_meeting != NULL && g_date_valid (last_meeting))
        {
          period->from = *last_meeting;
          g_date_add_days (&period->from, 1);
          period->to = *data_end;
          return g_date_compare (&period->from, &period->to) <= 0;
        }
      G_GNUC_FALLTHROUGH;
    case LENS_BRIEF_PERIOD_LAST_28_DAYS:
      lens_period_last_days (data_end, 28, period, NULL);
      return TRUE;

    case LENS_BRIEF_PERIOD_FIXED:
      if (!g_date_valid (&set->fixed_from) || !g_date_valid (&set->fixed_to))
        return FALSE;
      period->from = set->fixed_from;
      period->to = set->fixed_to;
      /* A fixed period still ends where the data ends. */
      lens_period_clamp (period, data_end);
      return g_date_compare (&period->from, data_end) <= 0
             && g_date_compare (&period->from, &period->to) <= 0;

    default:
      g_return_val_if_reached (FALSE);
    }
}
