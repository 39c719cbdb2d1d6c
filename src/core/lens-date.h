/* lens-date.h: calendar days as the app reads and writes them: ISO 8601 "YYYY-MM-DD" exactly,
 * and the floating timestamps Socrata sends
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2024-03-01": ten characters, digits where digits go, a day that exists, year 1 or later.
 * Anything else ("2024-3-1", " 2024-03-01", "2024-02-30", "2024-03-01T00:00") is FALSE and
 * leaves @date cleared (g_date_valid() FALSE). */
gboolean  lens_date_parse_iso       (const char  *text,
                                     GDate       *date);
/* "2024-03": the same for a month known without its day. */
gboolean  lens_date_parse_iso_month (const char  *text,
                                     guint       *year,
                                     guint       *month);
/* The day of a floating timestamp, as written (it has no time zone): what Socrata sends for a
 * calendar_date / floating_timestamp, "2024-03-01T00:00:00.000" (SODA 2.1),
 * "2024-03-01T13:45:00" (SODA 2.0), or the day alone ("2024-03-01", as some aggregates give
 * it). A zone ("Z", "+01:00") or anything else is FALSE, with @date cleared. */
gboolean  lens_date_parse_floating  (const char  *text,
                                     GDate       *date);

/* "2024-03-01"; NULL when @date is not valid. */
char     *lens_date_format_iso      (const GDate *date);

/* A range of days as the settings and the window keep it: "2020-01-01/2024-12-31", each day
 * as lens_date_parse_iso() reads it. FALSE when either is not a day (both cleared) or when
 * @from is after @to (both set). */
gboolean  lens_date_range_parse     (const char  *text,
                                     GDate       *from,
                                     GDate       *to);
/* "2020-01-01/2024-12-31"; NULL when either day is not valid. */
char     *lens_date_range_format    (const GDate *from,
                                     const GDate *to);

G_END_DECLS
