/* lens-consent-decree-reports.c: reading the monitor's reports from the consent-decree file:
 * each report's dates, denominator and figures, checked against one another
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-consent-decree"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-consent-decree-private.h"

/* Published percentages are rounded (and sometimes truncated) one by one, so three of them
 * may add up to a little over their total. */
#define PERCENT_SLACK 2.0

static void
figure_free (LensFigure *figure)
{
  lens_source_clear (&figure->source);
  g_free (figure);
}

void
lens_monitoring_report_free (LensMonitoringReport *report)
{
  lens_source_clear (&report->release_source);
  lens_source_clear (&report->denominator.source);
  for (guint i = 0; i < LENS_N_COMPLIANCE_LEVELS; i++)
    g_clear_pointer (&report->figures[i], figure_free);
  g_free (report->note);
  g_strfreev (report->sources);
  g_clear_pointer (&report->highlights, g_ptr_array_unref);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensMonitoringReport, lens_monitoring_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensFigure, figure_free)

static char *
format_value (double         value,
              LensFigureUnit unit)
{
  if (unit == LENS_FIGURE_UNIT_PERCENT)
    return g_strdup_printf ("%g%%", value);
  return g_strdup_printf ("%g", value);
}

static gboolean
read_figure (LensContentReader     *reader,
             JsonObject            *object,
             LensComplianceLevel    level,
             const LensDenominator *denominator,
             LensFigure           **out,
             GError               **error)
{
  static const char * const allowed[] = { "value", "unit", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
  static const char * const required[] = { "value", "unit", "source", "confidence", NULL };
  const char *key = lens_compliance_level_to_key (level);
  g_autofree char *unit_field = lens_content_field (key, "unit");
  g_autoptr(LensFigure) figure = g_new0 (LensFigure, 1);
  g_autofree char *unit = NULL;
  JsonObject *figure_object;

  *out = NULL;
  if (!lens_content_reader_get_object (reader, NULL, object, key, FALSE, &figure_object, error))
    return FALSE;
  if (figure_object == NULL)
    return TRUE;  /* not published */

  if (!lens_content_reader_check_keys (reader, key, figure_object, allowed, required, error) ||
      !lens_content_reader_get_confidence (reader, key, figure_object, &figure->confidence, error) ||
      !lens_content_reader_get_source (reader, key, figure_object, &figure->source, error) ||
      !lens_content_reader_get_string (reader, key, figure_object, "unit", TRUE, &unit, error) ||
      !lens_content_reader_get_number (reader, key, figure_object, "value", TRUE, &figure->value, error))
    return FALSE;

  if (g_str_equal (unit, "count"))
    figure->unit = LENS_FIGURE_UNIT_COUNT;
  else if (g_str_equal (unit, "percent"))
    figure->unit = LENS_FIGURE_UNIT_PERCENT;
  else
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, key,
                                     _("unit \"%s\" is not one of count, percent"), unit);

  if (figure->value < 0)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, key,
                                     _("value %g is negative"), figure->value);

  if (figure->unit == LENS_FIGURE_UNIT_PERCENT && figure->value > 100)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, key,
                                     _("%g%% is more than 100%%"), figure->value);

  if (figure->unit == LENS_FIGURE_UNIT_COUNT)
    {
      if (figure->value != floor (figure->value))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, key,
                                         _("a count must be a whole number, not %g"), figure->value);
      if (denominator->count > 0 && figure->value > denominator->count)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, key,
                                         _("%g paragraphs is more than the denominator (%u)"),
                                         figure->value, denominator->count);
    }

  *out = g_steal_pointer (&figure);
  return TRUE;
}

double
lens_figure_get_percent (const LensFigure      *figure,
                         const LensDenominator *denominator)
{
  if (figure == NULL)
    return NAN;
  if (figure->unit == LENS_FIGURE_UNIT_PERCENT)
    return figure->value;
  if (denominator->count > 0)
    return 100.0 * figure->value / denominator->count;
  return NAN;
}

static gboolean
check_report_levels (LensContentReader           *reader,
                     const LensMonitoringReport  *report,
                     GError                     **error)
{
  const LensDenominator *denominator = &report->denominator;
  const LensFigure *any = report->figures[LENS_COMPLIANCE_ANY];
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean all_counts = TRUE;
  gboolean all_percents = TRUE;
  gboolean all_convertible = TRUE;
  double sum = 0;
  double sum_percent = 0;
  guint n = 0;

  for (guint i = LENS_COMPLIANCE_PRELIMINARY; i <= LENS_COMPLIANCE_FULL; i++)
    {
      const LensFigure *figure = report->figures[i];

      if (figure == NULL)
        continue;

      n++;
      if (names->len > 0)
        g_string_append (names, " + ");
      g_string_append (names, lens_compliance_level_to_key (i));
      sum += figure->value;
      sum_percent += lens_figure_get_percent (figure, denominator);
      all_counts &= figure->unit == LENS_FIGURE_UNIT_COUNT;
      all_percents &= figure->unit == LENS_FIGURE_UNIT_PERCENT;
      all_convertible &= !isnan (lens_figure_get_percent (figure, denominator));
    }

  if (n > 0)
    {
      if (all_counts && denominator->count > 0 && sum > denominator->count)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                         _("%s = %g paragraphs, more than the denominator (%u)"),
                                         names->str, sum, denominator->count);
      if (all_percents && sum > 100 + PERCENT_SLACK)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                         _("%s = %g%%, more than 100%%"), names->str, sum);
      if (!all_counts && !all_percents && all_convertible && sum_percent > 100 + PERCENT_SLACK)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                         _("%s = %.1f%% of the denominator, more than 100%%"),
                                         names->str, sum_percent);
    }

  if (any == NULL)
    return TRUE;

  for (guint i = LENS_COMPLIANCE_PRELIMINARY; i <= LENS_COMPLIANCE_FULL; i++)
    {
      const LensFigure *figure = report->figures[i];
      gboolean too_big;

      if (figure == NULL)
        continue;

      if (figure->unit == any->unit)
        too_big = figure->value > any->value + (any->unit == LENS_FIGURE_UNIT_PERCENT ? PERCENT_SLACK : 0);
      else
        too_big = lens_figure_get_percent (figure, denominator) > lens_figure_get_percent (any, denominator) + PERCENT_SLACK;

      if (too_big)
        {
          g_autofree char *value = format_value (figure->value, figure->unit);
          g_autofree char *any_value = format_value (any->value, any->unit);

          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                           _("\"%s\" (%s) is more than \"any\" (%s)"),
                                           lens_compliance_level_to_key (i), value, any_value);
        }
    }

  if (n == 3)
    {
      g_autofree char *any_value = format_value (any->value, any->unit);
      gboolean mismatch = FALSE;
      g_autofree char *sum_value = NULL;

      if (all_counts && any->unit == LENS_FIGURE_UNIT_COUNT)
        {
          mismatch = sum != any->value;
          sum_value = format_value (sum, LENS_FIGURE_UNIT_COUNT);
        }
      else if (all_percents && any->unit == LENS_FIGURE_UNIT_PERCENT)
        {
          mismatch = fabs (sum - any->value) > PERCENT_SLACK;
          sum_value = format_value (sum, LENS_FIGURE_UNIT_PERCENT);
        }
      else if (all_convertible && !isnan (lens_figure_get_percent (any, denominator)))
        {
          mismatch = fabs (sum_percent - lens_figure_get_percent (any, denominator)) > PERCENT_SLACK;
          sum_value = g_strdup_printf ("%.1f%%", sum_percent);
        }

      if (mismatch)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                         _("\"any\" is %s, but %s = %s"),
                                         any_value, names->str, sum_value);
    }

  return TRUE;
}

static gboolean
read_released (LensContentReader     *reader,
               JsonObject            *object,
               LensMonitoringReport  *report,
               GError               **error)
{
  static const char * const allowed[] = { "date", "kind", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
  static const char * const required[] = { "date", "kind", "source", "confidence", NULL };
  g_autofree char *kind = NULL;
  JsonObject *released;

  if (!lens_content_reader_get_object (reader, NULL, object, "released", TRUE, &released, error))
    return FALSE;
  if (released == NULL)
    return TRUE;  /* not found */

  if (!lens_content_reader_check_keys (reader, "released", released, allowed, required, error) ||
      !lens_content_reader_get_date (reader, "released", released, "date", TRUE, FALSE, &report->released, error) ||
      !lens_content_reader_get_string (reader, "released", released, "kind", TRUE, &kind, error) ||
      !lens_content_reader_get_confidence (reader, "released", released, &report->release_confidence, error) ||
      !lens_content_reader_get_source (reader, "released", released, &report->release_source, error))
    return FALSE;

  if (g_str_equal (kind, "filed"))
    report->release_kind = LENS_RELEASE_FILED;
  else if (g_str_equal (kind, "released"))
    report->release_kind = LENS_RELEASE_RELEASED;
  else
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "released.kind",
                                     _("\"%s\" is not one of filed, released"), kind);

  if (lens_content_date_compare (&report->released, &report->period_end) <= 0)
    {
      g_autofree char *released_iso = lens_content_date_to_iso (&report->released);
      g_autofree char *end_iso = lens_content_date_to_iso (&report->period_end);

      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "released.date",
                                       _("%s is not after the end of the reporting period (%s)"),
                                       released_iso, end_iso);
    }

  return TRUE;
}

static gboolean
read_denominator (LensConsentDecree     *self,
                  LensContentReader     *reader,
                  JsonObject            *object,
                  LensMonitoringReport  *report,
                  GError               **error)
{
  static const char * const allowed[] = { "kind", "count", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
  static const char * const required[] = { "kind", NULL };
  LensDenominator *denominator = &report->denominator;
  g_autofree char *kind = NULL;
  JsonObject *den;

  if (!lens_content_reader_get_object (reader, NULL, object, "denominator", TRUE, &den, error))
    return FALSE;
  if (den == NULL)
    return TRUE;  /* not published, or conflicting sources */

  if (!lens_content_reader_check_keys (reader, "denominator", den, allowed, required, error) ||
      !lens_content_reader_get_string (reader, "denominator", den, "kind", TRUE, &kind, error))
    return FALSE;

  if (g_str_equal (kind, "assessed"))
    {
      static const char * const assessed_required[] = { "count", "source", "confidence", NULL };

      denominator->kind = LENS_DENOMINATOR_ASSESSED;
      if (!lens_content_reader_check_keys (reader, "denominator", den, allowed, assessed_required, error) ||
          !lens_content_reader_get_uint (reader, "denominator", den, "count", TRUE, &denominator->count, error) ||
          !lens_content_reader_get_confidence (reader, "denominator", den, &denominator->confidence, error) ||
          !lens_content_reader_get_source (reader, "denominator", den, &denominator->source, error))
        return FALSE;
      if (denominator->count == 0)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "denominator.count",
                                         _("must be more than 0"));
      if (report->number >= self->first_monitorable_report)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "denominator.kind",
                                         _("reports from number %u on use \"monitorable\" (see \"denominator-change\")"),
                                         self->first_monitorable_report);
    }
  else if (g_str_equal (kind, "monitorable"))
    {
      guint count = 0;

      denominator->kind = LENS_DENOMINATOR_MONITORABLE;
      if (!lens_content_reader_get_uint (reader, "denominator", den, "count", FALSE, &count, error))
        return FALSE;
      if (json_object_has_member (den, "count") && count != self->monitorable_count)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "denominator.count",
                                         _("%u does not match the %u monitorable paragraphs; leave \"count\" out for \"monitorable\""),
                                         count, self->monitorable_count);
      if (report->number < self->first_monitorable_report)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "denominator.kind",
                                         _("reports before number %u use \"assessed\" (see \"denominator-change\")"),
                                         self->first_monitorable_report);

      denominator->count = self->monitorable_count;
      if (json_object_has_member (den, "source"))
        {
          if (!lens_content_reader_get_confidence (reader, "denominator", den, &denominator->confidence, error) ||
              !lens_content_reader_get_source (reader, "denominator", den, &denominator->source, error))
            return FALSE;
        }
      else
        {
          denominator->confidence = self->monitorable.confidence;
          denominator->source.url = g_strdup (self->monitorable.source.url);
          denominator->source.outlet = g_strdup (self->monitorable.source.outlet);
          denominator->source.mirror = self->monitorable.source.mirror;
        }
    }
  else
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "denominator.kind",
                                     _("\"%s\" is not one of assessed, monitorable"), kind);

  return TRUE;
}

static gboolean
read_report (LensConsentDecree     *self,
             LensContentReader     *reader,
             JsonObject            *object,
             LensMonitoringReport  *report,
             GError               **error)
{
  static const char * const allowed[] = {
    "number", "period", "released", "denominator", "preliminary", "secondary", "full", "any",
    "note", "sources", "highlights", NULL
  };
  static const char * const required[] = { "number", "period", "released", "denominator", NULL };
  static const char * const period_keys[] = { "start", "end", NULL };
  static const char * const highlight_allowed[] = { "text", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
  static const char * const highlight_required[] = { "text", "source", "confidence", NULL };
  JsonObject *period;
  JsonArray *highlights;

  if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
      !lens_content_reader_get_object (reader, NULL, object, "period", TRUE, &period, error))
    return FALSE;

  if (period == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "period",
                                     _("must be an object"));
  if (!lens_content_reader_check_keys (reader, "period", period, period_keys, period_keys, error) ||
      !lens_content_reader_get_date (reader, "period", period, "start", TRUE, FALSE, &report->period_start, error) ||
      !lens_content_reader_get_date (reader, "period", period, "end", TRUE, FALSE, &report->period_end, error))
    return FALSE;

  if (lens_content_date_compare (&report->period_end, &report->period_start) < 0)
    {
      g_autofree char *start = lens_content_date_to_iso (&report->period_start);
      g_autofree char *end = lens_content_date_to_iso (&report->period_end);

      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "period",
                                       _("ends on %s, before it starts on %s"), end, start);
    }

  if (!read_released (reader, object, report, error) ||
      !read_denominator (self, reader, object, report, error))
    return FALSE;

  for (guint i = 0; i < LENS_N_COMPLIANCE_LEVELS; i++)
    if (!read_figure (reader, object, i, &report->denominator, &report->figures[i], error))
      return FALSE;

  if (!check_report_levels (reader, report, error) ||
      !lens_content_reader_get_string (reader, NULL, object, "note", FALSE, &report->note, error) ||
      !lens_content_reader_get_strv (reader, NULL, object, "sources", FALSE, &report->sources, error))
    return FALSE;

  for (guint i = 0; report->sources != NULL && report->sources[i] != NULL; i++)
    if (!lens_content_reader_check_url (reader, "sources", report->sources[i], error))
      return FALSE;

  if (!lens_content_reader_get_array (reader, NULL, object, "highlights", FALSE, &highlights, error))
    return FALSE;

  report->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_sourced_text_free);
  for (guint i = 0; highlights != NULL && i < json_array_get_length (highlights); i++)
    {
      g_autoptr(LensSourcedText) highlight = g_new0 (LensSourcedText, 1);
      JsonObject *highlight_object;

      lens_content_reader_set_where (reader, _("report %u: highlight %u"), report->number, i + 1);
      if (!(highlight_object = lens_content_reader_get_element (reader, highlights, i, error)) ||
          !lens_content_reader_check_keys (reader, NULL, highlight_object,
                                           highlight_allowed, highlight_required, error) ||
          !lens_consent_decree_read_sourced_text (reader, NULL, highlight_object, highlight, error))
        return FALSE;

      g_ptr_array_add (report->highlights, g_steal_pointer (&highlight));
    }

  return TRUE;
}

gboolean
lens_consent_decree_read_reports (LensConsentDecree  *self,
                                  LensContentReader  *reader,
                                  GError            **error)
{
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "reports", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensMonitoringReport) report = g_new0 (LensMonitoringReport, 1);
      JsonObject *object;

      lens_content_reader_set_where (reader, _("item %u of \"%s\""), i + 1, "reports");
      if (!(object = lens_content_reader_get_element (reader, array, i, error)) ||
          !lens_content_reader_get_uint (reader, NULL, object, "number", TRUE, &report->number, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("report %u"), report->number);
      if (report->number == 0)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "number",
                                         _("must be more than 0"));
      if (lens_consent_decree_lookup_report (self, report->number) != NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "number",
                                         _("report %u is listed more than once"), report->number);
      if (self->reports->len > 0)
        {
          const LensMonitoringReport *last = g_ptr_array_index (self->reports, self->reports->len - 1);

          if (last->number > report->number)
            return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "number",
                                             _("reports must be listed in ascending order, but %u comes after %u"),
                                             report->number, last->number);
        }

      if (!read_report (self, reader, object, report, error))
        return FALSE;

      g_ptr_array_add (self->reports, g_steal_pointer (&report));
    }

  return TRUE;
}
