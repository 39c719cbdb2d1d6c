/* lens-brief-set.h: a saved brief (district, comparison, sections, language, period rule)
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-data-period.h"

G_BEGIN_DECLS

/* How a saved brief's period is found each time it is made: a rule, so the brief made again
 * next month covers next month, always ending where the data ends. */
typedef enum
{
  LENS_BRIEF_PERIOD_LAST_FULL_MONTH,
  LENS_BRIEF_PERIOD_LAST_28_DAYS,
  LENS_BRIEF_PERIOD_YEAR_TO_DATE,
  LENS_BRIEF_PERIOD_SINCE_LAST_MEETING,
  LENS_BRIEF_PERIOD_FIXED,
} LensBriefPeriodRule;

typedef struct
{
  char                *name;
  guint                district;      /* 0: the whole city */
  char                *comparison;   /* as the brief's --compare option takes it */
  GStrv                sections;     /* section ids, in order */
  char                *language;     /* NULL or "": the app's language */
  LensBriefPeriodRule  rule;
  GDate                fixed_from;   /* LENS_BRIEF_PERIOD_FIXED only */
  GDate                fixed_to;
  gint64               last_made;    /* Unix time in seconds, 0 when never made */
} LensBriefSet;

LensBriefSet *lens_brief_set_new            (const char          *name);
LensBriefSet *lens_brief_set_copy           (const LensBriefSet  *set);
void          lens_brief_set_free           (LensBriefSet        *set);

const char   *lens_brief_period_rule_to_id  (LensBriefPeriodRule  rule);
gboolean      lens_brief_period_rule_from_id (const char         *id,
                                             LensBriefPeriodRule *rule);

/* The period @set covers when made with data whose last full day is @data_end. @last_meeting
 * (invalid or NULL when none) starts LENS_BRIEF_PERIOD_SINCE_LAST_MEETING: the day after it;
 * with none, the rule falls back to the last 28 days. FALSE when the period would be empty. */
gboolean      lens_brief_set_resolve_period (const LensBriefSet  *set,
                                             const GDate         *data_end,
                                             const GDate         *last_meeting,
                                             LensPeriod          *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensBriefSet, lens_brief_set_free)

G_END_DECLS
