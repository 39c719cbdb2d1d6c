/* lens-format.h: numbers, percentages and dates in the user's locale
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 262914 -> "262,914" (en), "262.914" (es), "262 914" (pl); digits and separators follow
 * LC_NUMERIC. NAN -> "—". */
char        *lens_format_count          (double      value);
/* @decimals places, grouped: 1234.5 -> "1,234.5" */
char        *lens_format_number         (double      value,
                                         int         decimals);
/* 12.34 -> "12.3%" in the locale's form (e.g. "12,3 %" in es) */
char        *lens_format_percent        (double      percent,
                                         int         decimals);
/* Change from @before to @after as a signed percentage ("+4.2%", "−3.0%"); a zero or missing
 * base gives the translated "n/a", never "0%". Under a right-to-left language the change is
 * wrapped in a left-to-right isolate (U+2066 … U+2069) so its sign stays in front. */
char        *lens_format_change         (double      before,
                                         double      after);
/* A date in the locale's own short format ("%x"); a date and time to the minute in the
 * translation's format ("26 Nov 2026, 2:05 PM"), never with seconds. Both in local time. */
char        *lens_format_date           (GDateTime  *datetime);
char        *lens_format_datetime       (GDateTime  *datetime);
/* "3 hours ago", "2 days ago", "just now": translated, plural forms via ngettext. */
char        *lens_format_age            (gint64      seconds);
/* A month label: "Jan 2024" in the locale */
char        *lens_format_month          (int         year,
                                         int         month);

G_END_DECLS
