/* lens-describe.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-describe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "lens-data-period.h"
#include "lens-describe.h"
#include "lens-format.h"

/* Numbers */

char *
lens_describe_number (double value)
{
  if (value == floor (value))
    return lens_format_count (value);

  return lens_format_number (value, 1);
}

char *
lens_describe_share (double percent)
{
  return lens_format_percent (percent, percent == floor (percent) ? 0 : 1);
}

/* The n that picks the plural form. gettext's forms are for whole numbers: a fraction takes
 * the form of the next whole number ("1.5 incidents"). Past a million only the last two digits
 * still matter to any language's rule, so large numbers keep those. */
static gulong
plural_n (double value)
{
  double magnitude = ceil (fabs (value));

  if (!isfinite (magnitude))
    return 0;
  if (magnitude >= 1e6)
    return 1000000 + (gulong) fmod (magnitude, 100.0);

  return (gulong) magnitude;
}

/* The one table of the units' words: each form names the number, so that every language
 * can put the number and the noun in its own order and agreement. */
static char *
with_unit (LensUnit    unit,
           const char *number,
           gulong      n)
{
  switch (unit)
    {
    case LENS_UNIT_INCIDENTS:
      /* Translators: a number of crime incidents, "262,914 incidents"; %s is the number as
       * the locale writes it */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident", "%s incidents", n), number);

    case LENS_UNIT_CASES:
      /* Translators: a number of COPA cases (complaint investigations), "1,234 cases" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case", "%s cases", n), number);

    case LENS_UNIT_ARRESTS:
      /* Translators: a number of arrests, "9,876 arrests" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s arrest", "%s arrests", n), number);

    case LENS_UNIT_VICTIMS:
      /* Translators: a number of victims (for example of shootings), "2,345 victims" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s victim", "%s victims", n), number);

    case LENS_UNIT_PARAGRAPHS:
      /* Translators: a number of consent-decree paragraphs, "182 paragraphs" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s paragraph", "%s paragraphs", n), number);

    case LENS_UNIT_NONE:
    case LENS_UNIT_PERCENT:
    default:
      return g_strdup (number);
    }
}

char *
lens_describe_amount (LensUnit unit,
                      double   value)
{
  g_autofree char *number = NULL;

  if (unit == LENS_UNIT_PERCENT)
    return lens_format_percent (value, 1);

  number = lens_describe_number (value);
  if (!isfinite (value))
    return g_steal_pointer (&number);

  return with_unit (unit, number, plural_n (value));
}

/* A chart's numbers */

static LensUnit
series_unit (LensSeries *series)
{
  LensUnit unit;

  /* the catalogue checks its units; a series built in code with another key is a bug */
  if (!lens_unit_from_key (lens_series_get_unit (series), &unit))
    g_critical ("“%s” is not a unit of lens-unit.h", lens_series_get_unit (series));

  return unit;
}

char *
lens_describe_value (LensSeries *series,
                     double      value)
{
  g_return_val_if_fail (series != NULL, NULL);

  if (isnan (value))
    /* Translators: a chart point without a value. */
    return g_strdup (_("no data"));

  if (lens_series_get_percent (series))
    return lens_series_get_as_published (series) ? lens_describe_share (value)
                                                 : lens_format_percent (value, 1);

  return lens_describe_amount (series_unit (series), value);
}

char *
lens_describe_label (LensSeries *series,
                     guint       label)
{
  const char *text;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (label < lens_series_get_n_labels (series), NULL);

  text = lens_series_get_label (series, label);
  if (lens_series_get_partial (series, label))
    /* Translators: a chart category whose data are not complete yet, e.g. "2026 (so far)". */
    return g_strdup_printf (_("%s (so far)"), text);

  return g_strdup (text);
}

char *
lens_describe_cell (LensSeries *series,
                    guint       vector,
                    guint       label)
{
  LensSeries *counts;
  double value;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (vector < lens_series_get_n_vectors (series), NULL);
  g_return_val_if_fail (label < lens_series_get_n_labels (series), NULL);

  value = lens_series_get_value (series, vector, label);
  counts = lens_series_get_counts (series);
  if (isnan (value) && counts != NULL && vector < lens_series_get_n_vectors (counts) &&
      isfinite (lens_series_get_value (counts, vector, label)))
    /* Translators: an index or a share whose base (the first period, or the whole city)
     * counts 0: it has no value */
    return g_strdup (_("n/a"));

  return lens_describe_value (series, value);
}

char *
lens_describe_compare_as (LensSeries *series)
{
  g_return_val_if_fail (series != NULL, NULL);

  switch (lens_series_get_compare_as (series))
    {
    case LENS_COMPARE_AS_SHARE:
      return g_strdup (_("Shown as shares of the city’s total, in percent; the table has the counts."));
    case LENS_COMPARE_AS_INDEX:
      return g_strdup (_("Shown as an index: each line’s first period is 100; the table has the counts."));
    case LENS_COMPARE_AS_COUNTS:
    default:
      return NULL;
    }
}

/* "5.2% (12,345 incidents)": a share or an index, and the count it was computed from */
static char *
describe_cell_with_count (LensSeries *series,
                          guint       vector,
                          guint       label)
{
  LensSeries *counts = lens_series_get_counts (series);
  g_autofree char *value = lens_describe_cell (series, vector, label);
  g_autofree char *count = NULL;

  if (counts == NULL || vector >= lens_series_get_n_vectors (counts))
    return g_steal_pointer (&value);

  count = lens_describe_value (counts, lens_series_get_value (counts, vector, label));
  /* Translators: a share or an index, then the count it comes from: "5.2% (12,345 incidents)" */
  return g_strdup_printf (_("%s (%s)"), value, count);
}

char *
lens_describe_point (LensSeries *series,
                     guint       label)
{
  g_autofree char *category = NULL;
  g_autoptr(GString) text = NULL;
  guint n_vectors;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (label < lens_series_get_n_labels (series), NULL);

  category = lens_describe_label (series, label);
  n_vectors = lens_series_get_n_vectors (series);

  if (n_vectors == 1 && lens_series_get_counts (series) == NULL)
    {
      g_autofree char *value = lens_describe_value (series, lens_series_get_value (series, 0, label));

      /* Translators: a chart point: the category, then its value ("2023: 262,914 incidents"). */
      return g_strdup_printf (_("%s: %s"), category, value);
    }

  text = g_string_new (NULL);
  for (guint v = 0; v < n_vectors; v++)
    {
      g_autofree char *value = describe_cell_with_count (series, v, label);

      if (v > 0)
        /* Translators: separates the values of the district and its comparison. */
        g_string_append (text, _("; "));
      /* Translators: a series name and its value ("Citywide 262,914 incidents"). */
      g_string_append_printf (text, _("%s %s"), lens_series_get_vector_name (series, v), value);
    }

  return g_strdup_printf (_("%s: %s"), category, text->str);
}

GStrv
lens_describe_row (LensSeries *series,
                   guint       label)
{
  guint n_vectors, n_counts;
  LensSeries *counts;
  GStrv cells;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (label < lens_series_get_n_labels (series), NULL);

  n_vectors = lens_series_get_n_vectors (series);
  counts = lens_series_get_counts (series);
  n_counts = counts != NULL ? lens_series_get_n_vectors (counts) : 0;
  cells = g_new0 (char *, n_vectors + n_counts + 2);
  cells[0] = lens_describe_label (series, label);
  for (guint v = 0; v < n_vectors; v++)
    cells[v + 1] = lens_describe_cell (series, v, label);
  for (guint v = 0; v < n_counts; v++)
    cells[n_vectors + v + 1] = lens_describe_value (counts, lens_series_get_value (counts, v, label));

  return cells;
}

/* Mixed directions */

static gboolean
has_right_to_left (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (g_unichar_get_script (g_utf8_get_char (p)))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

char *
lens_describe_isolate (const char *sentence,
                       const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* Only right-to-left sentences need it: English text stays byte for byte what it was. */
  if (!has_right_to_left (sentence))
    return g_strdup (text);
  /* U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE */
  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

/* Days, periods and dates */

char *
lens_describe_day (const GDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("?");

  datetime = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 0, 0, 0);
  if (datetime == NULL)
    return g_strdup ("?");

  /* The same msgid and context as in lens-filters.c: one translation for both. */
  return g_date_time_format (datetime, C_("day in a range", "%-d %b %Y"));
}

char *
lens_describe_period (const GDate *from,
                      const GDate *to,
                      const GDate *data_end)
{
  LensPeriod period;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  period.from = *from;
  period.to = *to;

  if (lens_period_is_calendar_year (&period))
    {
      g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (from));

      if (data_end == NULL)
        return g_steal_pointer (&year);

      b = lens_describe_day (data_end);
      /* Translators: a headline's period when the data stop short: "2025; the latest day the
       * data covers is 30 Mar 2026" */
      return g_strdup_printf (C_("headline period", "%s; the latest day the data covers is %s"),
                              year, b);
    }

  a = lens_describe_day (from);
  b = lens_describe_day (to);
  if (data_end != NULL && g_date_compare (to, data_end) == 0)
    /* Translators: a headline's period when the data stop short: "1 Jan 2026 to 30 Mar 2026,
     * the latest day the data covers" */
    return g_strdup_printf (C_("headline period", "%s to %s, the latest day the data covers"), a, b);

  /* The same msgid as the filters' range: "1 Jan 2021 – 26 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

char *
lens_describe_content_date (const LensContentDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !lens_content_date_is_set (date))
    return NULL;

  datetime = lens_content_date_to_date_time (date);
  if (datetime == NULL)
    return NULL;

  if (date->day == 0)
    /* Translators: a month known without its day, as a strftime format: "December 2023" */
    return g_date_time_format (datetime, C_("month only", "%B %Y"));

  /* Translators: a date in running text, as a strftime format: "April 11, 2025" */
  return g_date_time_format (datetime, C_("full date", "%B %-d, %Y"));
}

/* The consent decree */

const char *
lens_describe_level (LensConsentDecree   *decree,
                     LensComplianceLevel  level)
{
  const LensLevelMeaning *meaning = lens_consent_decree_get_level_meaning (decree, level);

  return meaning != NULL ? meaning->name : lens_compliance_level_to_key (level);
}

char *
lens_describe_report_name (guint number)
{
  /* Translators: the short name of the consent-decree monitor's Nth report, "IMR-11"
   * (Independent Monitoring Report) */
  return g_strdup_printf (_("IMR-%u"), number);
}

char *
lens_describe_report_period (const LensMonitoringReport *report)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (!lens_content_date_is_set (&report->period_start) ||
      !lens_content_date_is_set (&report->period_end))
    return g_strdup ("");

  first = lens_format_month (report->period_start.year, report->period_start.month);
  last = lens_format_month (report->period_end.year, report->period_end.month);

  /* Translators: a range of months, e.g. "Jan 2020 – Dec 2024". */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
lens_describe_figure (const LensFigure *figure)
{
  if (figure == NULL)
    /* Translators: a consent-decree figure the monitor did not publish */
    return g_strdup (_("not published"));

  if (figure->unit == LENS_FIGURE_UNIT_PERCENT)
    return lens_describe_share (figure->value);

  return lens_describe_amount (LENS_UNIT_PARAGRAPHS, figure->value);
}

char *
lens_describe_figure_with_share (const LensFigure *figure,
                                 double            percent)
{
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;

  if (figure == NULL || figure->unit == LENS_FIGURE_UNIT_PERCENT || !isfinite (percent))
    return lens_describe_figure (figure);

  count = lens_describe_number (figure->value);
  share = lens_describe_share (percent);
  /* Translators: a published count and the share Reform Lens worked out from it:
   * "23 paragraphs (4.4%)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s paragraph (%s)", "%s paragraphs (%s)",
                                       plural_n (figure->value)),
                          count, share);
}

/* Bottom to top: what is done first, then what is on its way. */
static const LensComplianceLevel stack_order[] = {
  LENS_COMPLIANCE_FULL,
  LENS_COMPLIANCE_SECONDARY,
  LENS_COMPLIANCE_PRELIMINARY,
};

LensSeries *
lens_describe_compliance_series (LensConsentDecree *decree)
{
  g_autoptr(GArray) bars = NULL;
  LensSeries *series;
  guint first_monitorable = 0;
  guint monitorable = 0;
  guint divider = 0;

  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (decree), NULL);

  series = lens_series_new ();
  lens_series_set_percent (series, TRUE);
  lens_series_set_unit (series, lens_unit_to_key (LENS_UNIT_PERCENT));
  lens_series_set_as_published (series, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
    lens_series_add_vector (series, lens_describe_level (decree, stack_order[k]));

  bars = lens_consent_decree_get_compliance_bars (decree);
  lens_consent_decree_get_denominator_change (decree, &first_monitorable);
  lens_consent_decree_get_monitorable_paragraphs (decree, &monitorable);

  for (guint i = 0; i < lens_consent_decree_get_n_reports (decree); i++)
    {
      const LensMonitoringReport *report = lens_consent_decree_get_report (decree, i);
      g_autofree char *name = lens_describe_report_name (report->number);
      guint label = lens_series_add_label (series, name);

      if (report->number == first_monitorable && label > 0)
        divider = label;

      for (guint b = 0; b < bars->len; b++)
        {
          const LensComplianceBar *bar = &g_array_index (bars, LensComplianceBar, b);

          if (bar->report != report->number)
            continue;

          for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
            lens_series_set_value (series, k, label, bar->percent[stack_order[k]]);
        }
    }

  if (divider > 0)
    {
      g_autofree char *after = NULL;

      /* Translators: above the compliance chart, right of the line where the monitor started
       * counting against all monitorable paragraphs; %u is their number (552) */
      after = g_strdup_printf (_("Of all %u monitorable paragraphs"), monitorable);
      lens_series_set_divider (series, divider,
                               /* Translators: above the compliance chart, left of that line */
                               _("Of the paragraphs assessed"), after);
    }

  return series;
}

char *
lens_describe_compliance (LensSeries *series)
{
  GString *text;

  g_return_val_if_fail (series != NULL, NULL);

  text = g_string_new (_("Compliance by monitoring report."));
  for (guint i = 0; i < lens_series_get_n_labels (series); i++)
    {
      gboolean any = FALSE;

      g_string_append_c (text, ' ');
      g_string_append (text, lens_series_get_label (series, i));
      g_string_append (text, ": ");
      for (guint v = 0; v < lens_series_get_n_vectors (series); v++)
        {
          double value = lens_series_get_value (series, v, i);
          g_autofree char *share = NULL;

          if (!isfinite (value))
            continue;
          share = lens_describe_value (series, value);
          if (any)
            g_string_append (text, ", ");
          /* Translators: a level and its share, "Full 16%" */
          g_string_append_printf (text, C_("level share", "%s %s"),
                                  lens_series_get_vector_name (series, v), share);
          any = TRUE;
        }
      if (!any)
        g_string_append (text, _("not published"));
      g_string_append_c (text, '.');
    }

  return g_string_free (text, FALSE);
}
