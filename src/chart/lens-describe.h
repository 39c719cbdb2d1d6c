/* lens-describe.h: the words people read about data, in one place, so that the window, the
 * exports and the brief say the same thing the same way: a value with its unit (in the plural
 * the number takes), a chart's labels and points, days, periods and content dates, and the
 * consent-decree figures and their chart
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-consent-decree.h"
#include "lens-series.h"
#include "lens-unit.h"

G_BEGIN_DECLS

/* Every result is translated and follows LC_NUMERIC / LC_TIME (lens-format.h); free it. */

/* Numbers */

/* 262914 -> "262,914"; a value with a fraction keeps one decimal: "12.5". NAN -> "—". */
char        *lens_describe_number            (double                      value);
/* A share as published: "16%", "4.4%" (no decimal for a whole number, else one). */
char        *lens_describe_share             (double                      percent);
/* "262,914 incidents", "1 incident": the unit's words in the plural form the number takes in
 * the language; "12.3%" for LENS_UNIT_PERCENT; the number alone for LENS_UNIT_NONE. */
char        *lens_describe_amount            (LensUnit                    unit,
                                              double                      value);

/* A chart's numbers (the window's value line and table, the brief's tables) */

/* A cell of @series: "262,914 incidents" (with the series' unit), "12.3%" for a percent
 * series (one decimal, or as published), "no data" for NAN. */
char        *lens_describe_value             (LensSeries                 *series,
                                              double                      value);
/* The label of category @label: "2023", or "2026 (so far)" for a partial period. */
char        *lens_describe_label             (LensSeries                 *series,
                                              guint                       label);
/* Vector @vector at @label: lens_describe_value(), but an index or a share with no base
 * (the first period, or the city, counts 0) is "n/a", never 0 or infinity. */
char        *lens_describe_cell              (LensSeries                 *series,
                                              guint                       vector,
                                              guint                       label);
/* How a compared series is shown, for a chart's accessible description: "Shown as shares of
 * the city’s total, in percent." / "Shown as an index: the first year is 100."; NULL for
 * counts. */
char        *lens_describe_compare_as        (LensSeries                 *series);
/* One category read out: "2023: 262,914 incidents", or with a comparison
 * "2023: District 5 – Calumet 12,345 incidents; Citywide 262,914 incidents". An index or a
 * share names its count: "2023: District 5 – Calumet, share of the city’s total (%) 5.2%
 * (12,345 incidents)". */
char        *lens_describe_point             (LensSeries                 *series,
                                              guint                       label);
/* The table row of category @label: its label, then one value per vector (NULL-terminated),
 * then for an index or a share one per vector of its counts. */
GStrv        lens_describe_row               (LensSeries                 *series,
                                              guint                       label);

/* Mixed directions */

/* @text (a date, a dataset name, an id, a URL) to put into the translated @sentence: wrapped
 * in directional isolates (U+2068 … U+2069) when @sentence is right-to-left, so a left-to-right
 * name or number inside Arabic reads in order; else a copy of @text. */
char        *lens_describe_isolate           (const char                 *sentence,
                                              const char                 *text);

/* Days, periods and dates */

/* "1 Jan 2026", the form of a range of dates; "?" when @date is not valid. */
char        *lens_describe_day               (const GDate                *date);
/* A period of whole days: "2025" for a calendar year, else "1 Jan 2026 – 19 Nov 2026". When the
 * data end before the period should (@data_end non-NULL), it says where: "1 Jan 2026 to
 * 30 Mar 2026, the latest day the data covers", "2025; the latest day the data covers is
 * 30 Mar 2026". */
char        *lens_describe_period            (const GDate                *from,
                                              const GDate                *to,
                                              const GDate                *data_end);
/* A date from a data file in running text: "April 11, 2025", or "December 2023" for one known
 * only to the month (the forms are the translators'); NULL when unset. */
char        *lens_describe_content_date      (const LensContentDate      *date);

/* The consent decree */

/* "Full", "Any level": a level's name as the shipped file has it (translated); its key when the
 * file has none. Borrowed. */
const char  *lens_describe_level             (LensConsentDecree          *decree,
                                              LensComplianceLevel         level);
/* "IMR-11": the short name of the monitor's report @number. */
char        *lens_describe_report_name       (guint                       number);
/* "Jan 2020 – Dec 2024": the months a report covers; "" when not known. */
char        *lens_describe_report_period     (const LensMonitoringReport *report);
/* A figure as the monitor published it: "16%", "23 paragraphs"; "not published" for NULL. */
char        *lens_describe_figure            (const LensFigure           *figure);
/* The same, with the share Reform Lens worked out from a count: "23 paragraphs (4.4%)";
 * @percent NAN (or a published share) gives lens_describe_figure(). */
char        *lens_describe_figure_with_share (const LensFigure           *figure,
                                              double                      percent);
/* The compliance history as a chart: one category per report ("IMR-n", in order), vectors
 * full / secondary / preliminary in percent as published, NAN where nothing was published,
 * and the change of denominator as the series' divider. */
LensSeries  *lens_describe_compliance_series (LensConsentDecree          *decree);
/* That chart in words, a sentence per report: "Compliance by monitoring report. IMR-1: not
 * published. … IMR-11: Full 16%, Secondary 42%, Preliminary 34%." */
char        *lens_describe_compliance        (LensSeries                 *series);

G_END_DECLS
