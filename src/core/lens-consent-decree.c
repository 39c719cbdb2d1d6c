/* lens-consent-decree.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-consent-decree"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-consent-decree.h"
#include "lens-content-private.h"

/* Published percentages are rounded (and sometimes truncated) one by one, so three of them
 * may add up to a little over their total. */
#define PERCENT_SLACK 2.0

struct _LensConsentDecree
{
  GObject           parent_instance;

  GPtrArray        *reports;       /* LensMonitoringReport */
  GPtrArray        *key_facts;     /* LensKeyFact */
  GPtrArray        *topic_areas;   /* LensTopicArea */
  LensLevelMeaning *levels[LENS_N_COMPLIANCE_LEVELS];
  LensSourcedText   monitorable;
  guint             monitorable_count;
  LensSourcedText   denominator_change;
  guint             first_monitorable_report;
};

G_DEFINE_FINAL_TYPE (LensConsentDecree, lens_consent_decree, G_TYPE_OBJECT)

/* The fields the loader passes through gettext; the file's "translatable" must list them. */
static const char * const translatable_keys[] = {
  "name", "title", "about", "meaning", "note", "text", NULL
};

static const char * const level_keys[] = {
  "preliminary", "secondary", "full", "any", NULL
};

const char *
lens_compliance_level_to_key (LensComplianceLevel level)
{
  g_return_val_if_fail (level < LENS_N_COMPLIANCE_LEVELS, NULL);
  return level_keys[level];
}

static void
sourced_text_clear (LensSourcedText *item)
{
  g_clear_pointer (&item->text, g_free);
  lens_source_clear (&item->source);
}

static void
sourced_text_free (LensSourcedText *item)
{
  sourced_text_clear (item);
  g_free (item);
}

static void
figure_free (LensFigure *figure)
{
  lens_source_clear (&figure->source);
  g_free (figure);
}

static void
report_free (LensMonitoringReport *report)
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

static void
level_meaning_free (LensLevelMeaning *level)
{
  g_free (level->name);
  g_free (level->meaning);
  lens_source_clear (&level->source);
  g_free (level);
}

static void
key_fact_free (LensKeyFact *fact)
{
  g_free (fact->id);
  g_free (fact->title);
  g_free (fact->text);
  lens_source_clear (&fact->source);
  g_free (fact);
}

static void
topic_finding_free (LensTopicFinding *finding)
{
  g_clear_pointer (&finding->reports, g_array_unref);
  g_free (finding->text);
  lens_source_clear (&finding->source);
  g_free (finding);
}

static void
topic_area_free (LensTopicArea *area)
{
  g_free (area->id);
  g_free (area->name);
  g_free (area->about);
  g_free (area->note);
  lens_source_clear (&area->source);
  g_clear_pointer (&area->findings, g_ptr_array_unref);
  g_free (area);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensMonitoringReport, report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensLevelMeaning, level_meaning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensKeyFact, key_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensTopicFinding, topic_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensTopicArea, topic_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensFigure, figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensSourcedText, sourced_text_free)

static void
lens_consent_decree_finalize (GObject *object)
{
  LensConsentDecree *self = (LensConsentDecree *) object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->key_facts, g_ptr_array_unref);
  g_clear_pointer (&self->topic_areas, g_ptr_array_unref);
  for (guint i = 0; i < LENS_N_COMPLIANCE_LEVELS; i++)
    g_clear_pointer (&self->levels[i], level_meaning_free);
  sourced_text_clear (&self->monitorable);
  sourced_text_clear (&self->denominator_change);

  G_OBJECT_CLASS (lens_consent_decree_parent_class)->finalize (object);
}

static void
lens_consent_decree_class_init (LensConsentDecreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_consent_decree_finalize;
}

static void
lens_consent_decree_init (LensConsentDecree *self)
{
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) report_free);
  self->key_facts = g_ptr_array_new_with_free_func ((GDestroyNotify) key_fact_free);
  self->topic_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_area_free);
}

/* Reading */

#define SOURCED_KEYS "source", "outlet", "mirror", "confidence"

/* "text" + a source and confidence tag, at @field. */
static gboolean
read_sourced_text (LensContentReader  *reader,
                   const char         *field,
                   JsonObject         *object,
                   LensSourcedText    *out,
                   GError            **error)
{
  return lens_content_reader_get_string (reader, field, object, "text", TRUE, &out->text, error) &&
         lens_content_reader_get_confidence (reader, field, object, &out->confidence, error) &&
         lens_content_reader_get_source (reader, field, object, &out->source, error);
}

static gboolean
read_monitorable (LensConsentDecree  *self,
                  LensContentReader  *reader,
                  GError            **error)
{
  static const char * const allowed[] = { "count", "text", SOURCED_KEYS, NULL };
  static const char * const required[] = { "count", "text", "source", "confidence", NULL };
  const char *field = "monitorable-paragraphs";
  JsonObject *object;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_object (reader, NULL, reader->root, field, TRUE, &object, error))
    return FALSE;
  if (object == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("must be an object"));

  if (!lens_content_reader_check_keys (reader, field, object, allowed, required, error) ||
      !lens_content_reader_get_uint (reader, field, object, "count", TRUE, &self->monitorable_count, error) ||
      !read_sourced_text (reader, field, object, &self->monitorable, error))
    return FALSE;

  if (self->monitorable_count == 0)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "monitorable-paragraphs.count",
                                     _("must be more than 0"));

  return TRUE;
}

static gboolean
read_denominator_change (LensConsentDecree  *self,
                         LensContentReader  *reader,
                         GError            **error)
{
  static const char * const allowed[] = { "first-report", "text", SOURCED_KEYS, NULL };
  static const char * const required[] = { "first-report", "text", "source", "confidence", NULL };
  const char *field = "denominator-change";
  JsonObject *object;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_object (reader, NULL, reader->root, field, TRUE, &object, error))
    return FALSE;
  if (object == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, field,
                                     _("must be an object"));

  return lens_content_reader_check_keys (reader, field, object, allowed, required, error) &&
         lens_content_reader_get_uint (reader, field, object, "first-report",
                                       TRUE, &self->first_monitorable_report, error) &&
         read_sourced_text (reader, field, object, &self->denominator_change, error);
}

static int
level_from_key (const char *key)
{
  for (guint i = 0; level_keys[i] != NULL; i++)
    if (g_str_equal (key, level_keys[i]))
      return i;
  return -1;
}

static gboolean
read_levels (LensConsentDecree  *self,
             LensContentReader  *reader,
             GError            **error)
{
  static const char * const allowed[] = { "id", "name", "meaning", SOURCED_KEYS, NULL };
  static const char * const required[] = { "id", "name", "meaning", "source", "confidence", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "levels", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensLevelMeaning) level = g_new0 (LensLevelMeaning, 1);
      g_autofree char *id = NULL;
      JsonObject *object;
      int index;

      lens_content_reader_set_where (reader, _("item %u of \"%s\""), i + 1, "levels");
      if (!(object = lens_content_reader_get_element (reader, array, i, error)) ||
          !lens_content_reader_get_string (reader, NULL, object, "id", TRUE, &id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("level \"%s\""), id);
      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error))
        return FALSE;

      index = level_from_key (id);
      if (index < 0)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "id",
                                         _("\"%s\" is not one of preliminary, secondary, full, any"), id);
      if (self->levels[index] != NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                         _("level \"%s\" is listed more than once"), id);

      level->level = index;
      if (!lens_content_reader_get_string (reader, NULL, object, "name", TRUE, &level->name, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "meaning", TRUE, &level->meaning, error) ||
          !lens_content_reader_get_confidence (reader, NULL, object, &level->confidence, error) ||
          !lens_content_reader_get_source (reader, NULL, object, &level->source, error))
        return FALSE;

      self->levels[index] = g_steal_pointer (&level);
    }

  lens_content_reader_set_where (reader, NULL);
  for (guint i = 0; i < LENS_N_COMPLIANCE_LEVELS; i++)
    if (self->levels[i] == NULL)
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "levels",
                                       _("level \"%s\" is missing"), level_keys[i]);

  return TRUE;
}

static gboolean
read_key_facts (LensConsentDecree  *self,
                LensContentReader  *reader,
                GError            **error)
{
  static const char * const allowed[] = { "id", "title", "text", "date", SOURCED_KEYS, NULL };
  static const char * const required[] = { "id", "title", "text", "source", "confidence", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "key-facts", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensKeyFact) fact = g_new0 (LensKeyFact, 1);
      JsonObject *object;

      lens_content_reader_set_where (reader, _("item %u of \"%s\""), i + 1, "key-facts");
      if (!(object = lens_content_reader_get_element (reader, array, i, error)) ||
          !lens_content_reader_get_string (reader, NULL, object, "id", TRUE, &fact->id, error) ||
          !lens_content_reader_check_id (reader, "id", fact->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("key fact \"%s\""), fact->id);
      if (lens_consent_decree_lookup_key_fact (self, fact->id) != NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                         _("key fact \"%s\" is listed more than once"), fact->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "title", TRUE, &fact->title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "text", TRUE, &fact->text, error) ||
          !lens_content_reader_get_date (reader, NULL, object, "date", FALSE, TRUE, &fact->date, error) ||
          !lens_content_reader_get_confidence (reader, NULL, object, &fact->confidence, error) ||
          !lens_content_reader_get_source (reader, NULL, object, &fact->source, error))
        return FALSE;

      g_ptr_array_add (self->key_facts, g_steal_pointer (&fact));
    }

  return TRUE;
}

static gboolean
read_finding (LensContentReader  *reader,
              JsonObject         *object,
              LensTopicFinding   *finding,
              GError            **error)
{
  static const char * const allowed[] = { "reports", "text", SOURCED_KEYS, NULL };
  static const char * const required[] = { "reports", "text", "source", "confidence", NULL };
  JsonArray *reports;

  if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
      !lens_content_reader_get_array (reader, NULL, object, "reports", TRUE, &reports, error) ||
      !lens_content_reader_get_string (reader, NULL, object, "text", TRUE, &finding->text, error) ||
      !lens_content_reader_get_confidence (reader, NULL, object, &finding->confidence, error) ||
      !lens_content_reader_get_source (reader, NULL, object, &finding->source, error))
    return FALSE;

  finding->reports = g_array_new (FALSE, FALSE, sizeof (guint));
  if (reports == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "reports",
                                     _("must be a list of report numbers (empty for a court finding)"));

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonNode *node = json_array_get_element (reports, i);
      guint number;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 1 || json_node_get_int (node) > G_MAXUINT)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "reports",
                                         _("must be a list of report numbers (empty for a court finding)"));

      number = (guint) json_node_get_int (node);
      g_array_append_val (finding->reports, number);
    }

  return TRUE;
}

static gboolean
read_topic_areas (LensConsentDecree  *self,
                  LensContentReader  *reader,
                  GError            **error)
{
  static const char * const allowed[] = {
    "id", "number", "name", "about", "added", "findings", "note", SOURCED_KEYS, NULL
  };
  static const char * const required[] = {
    "id", "number", "name", "findings", "source", "confidence", NULL
  };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "topic-areas", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensTopicArea) area = g_new0 (LensTopicArea, 1);
      JsonArray *findings;
      JsonObject *object;

      lens_content_reader_set_where (reader, _("item %u of \"%s\""), i + 1, "topic-areas");
      if (!(object = lens_content_reader_get_element (reader, array, i, error)) ||
          !lens_content_reader_get_string (reader, NULL, object, "id", TRUE, &area->id, error) ||
          !lens_content_reader_check_id (reader, "id", area->id, error))
        return FALSE;

      lens_content_reader_set_where (reader, _("topic area \"%s\""), area->id);
      if (lens_consent_decree_lookup_topic_area (self, area->id) != NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                         _("topic area \"%s\" is listed more than once"), area->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !lens_content_reader_get_uint (reader, NULL, object, "number", TRUE, &area->number, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "name", TRUE, &area->name, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "about", FALSE, &area->about, error) ||
          !lens_content_reader_get_date (reader, NULL, object, "added", FALSE, FALSE, &area->added, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "note", FALSE, &area->note, error) ||
          !lens_content_reader_get_confidence (reader, NULL, object, &area->confidence, error) ||
          !lens_content_reader_get_source (reader, NULL, object, &area->source, error) ||
          !lens_content_reader_get_array (reader, NULL, object, "findings", TRUE, &findings, error))
        return FALSE;

      for (guint j = 0; j < self->topic_areas->len; j++)
        {
          const LensTopicArea *other = g_ptr_array_index (self->topic_areas, j);

          if (other->number == area->number)
            return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "number",
                                             _("topic area %u is listed more than once"), area->number);
        }

      if (findings == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "findings",
                                         _("must be a list"));

      area->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_finding_free);
      for (guint j = 0; j < json_array_get_length (findings); j++)
        {
          g_autoptr(LensTopicFinding) finding = g_new0 (LensTopicFinding, 1);
          JsonObject *finding_object;

          lens_content_reader_set_where (reader, _("topic area \"%s\": finding %u"), area->id, j + 1);
          if (!(finding_object = lens_content_reader_get_element (reader, findings, j, error)) ||
              !read_finding (reader, finding_object, finding, error))
            return FALSE;

          g_ptr_array_add (area->findings, g_steal_pointer (&finding));
        }

      lens_content_reader_set_where (reader, _("topic area \"%s\""), area->id);
      if (area->findings->len == 0 && area->note == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                         _("an area with no findings needs a \"note\" that says so"));

      g_ptr_array_add (self->topic_areas, g_steal_pointer (&area));
    }

  return TRUE;
}

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
  static const char * const allowed[] = { "value", "unit", SOURCED_KEYS, NULL };
  static const char * const required[] = { "value", "unit", "source", "confidence", NULL };
  const char *key = level_keys[level];
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

/* The figure as a percentage of the report's own denominator; NAN when that cannot be said. */
static double
figure_percent (const LensFigure      *figure,
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
      g_string_append (names, level_keys[i]);
      sum += figure->value;
      sum_percent += figure_percent (figure, denominator);
      all_counts &= figure->unit == LENS_FIGURE_UNIT_COUNT;
      all_percents &= figure->unit == LENS_FIGURE_UNIT_PERCENT;
      all_convertible &= !isnan (figure_percent (figure, denominator));
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
        too_big = figure_percent (figure, denominator) > figure_percent (any, denominator) + PERCENT_SLACK;

      if (too_big)
        {
          g_autofree char *value = format_value (figure->value, figure->unit);
          g_autofree char *any_value = format_value (any->value, any->unit);

          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, NULL,
                                           _("\"%s\" (%s) is more than \"any\" (%s)"),
                                           level_keys[i], value, any_value);
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
      else if (all_convertible && !isnan (figure_percent (any, denominator)))
        {
          mismatch = fabs (sum_percent - figure_percent (any, denominator)) > PERCENT_SLACK;
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
  static const char * const allowed[] = { "date", "kind", SOURCED_KEYS, NULL };
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
  static const char * const allowed[] = { "kind", "count", SOURCED_KEYS, NULL };
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
  static const char * const highlight_allowed[] = { "text", SOURCED_KEYS, NULL };
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

  report->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sourced_text_free);
  for (guint i = 0; highlights != NULL && i < json_array_get_length (highlights); i++)
    {
      g_autoptr(LensSourcedText) highlight = g_new0 (LensSourcedText, 1);
      JsonObject *highlight_object;

      lens_content_reader_set_where (reader, _("report %u: highlight %u"), report->number, i + 1);
      if (!(highlight_object = lens_content_reader_get_element (reader, highlights, i, error)) ||
          !lens_content_reader_check_keys (reader, NULL, highlight_object,
                                           highlight_allowed, highlight_required, error) ||
          !read_sourced_text (reader, NULL, highlight_object, highlight, error))
        return FALSE;

      g_ptr_array_add (report->highlights, g_steal_pointer (&highlight));
    }

  return TRUE;
}

static gboolean
read_reports (LensConsentDecree  *self,
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

/* References between the sections, checked once everything is read. */
static gboolean
check_references (LensConsentDecree  *self,
                  LensContentReader  *reader,
                  GError            **error)
{
  lens_content_reader_set_where (reader, NULL);
  if (lens_consent_decree_lookup_report (self, self->first_monitorable_report) == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT,
                                     "denominator-change.first-report",
                                     _("there is no report %u in \"reports\""),
                                     self->first_monitorable_report);

  for (guint i = 0; i < self->topic_areas->len; i++)
    {
      const LensTopicArea *area = g_ptr_array_index (self->topic_areas, i);

      for (guint j = 0; j < area->findings->len; j++)
        {
          const LensTopicFinding *finding = g_ptr_array_index (area->findings, j);

          for (guint k = 0; k < finding->reports->len; k++)
            {
              guint number = g_array_index (finding->reports, guint, k);

              if (lens_consent_decree_lookup_report (self, number) == NULL)
                {
                  lens_content_reader_set_where (reader, _("topic area \"%s\": finding %u"), area->id, j + 1);
                  return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "reports",
                                                   _("there is no report %u in \"reports\""), number);
                }
            }
        }
    }

  return TRUE;
}

LensConsentDecree *
lens_consent_decree_new_from_bytes (GBytes      *bytes,
                                    const char  *name,
                                    GError     **error)
{
  static const char * const allowed[] = {
    "format", "translatable", "monitorable-paragraphs", "denominator-change", "levels",
    "key-facts", "topic-areas", "reports", NULL
  };
  g_autoptr(LensConsentDecree) self = NULL;
  g_auto(LensContentReader) reader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LENS_TYPE_CONSENT_DECREE, NULL);

  if (!lens_content_reader_load (&reader, name, bytes, translatable_keys, error) ||
      !lens_content_reader_check_keys (&reader, NULL, reader.root, allowed, allowed, error) ||
      !read_monitorable (self, &reader, error) ||
      !read_denominator_change (self, &reader, error) ||
      !read_levels (self, &reader, error) ||
      !read_key_facts (self, &reader, error) ||
      !read_topic_areas (self, &reader, error) ||
      !read_reports (self, &reader, error) ||
      !check_references (self, &reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

LensConsentDecree *
lens_consent_decree_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(bytes = lens_content_read_file (path, error)))
    return NULL;

  name = g_path_get_basename (path);
  return lens_consent_decree_new_from_bytes (bytes, name, error);
}

LensConsentDecree *
lens_consent_decree_new_from_resource (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = lens_content_read_resource (LENS_CONSENT_DECREE_RESOURCE, error)))
    return NULL;

  return lens_consent_decree_new_from_bytes (bytes, "consent-decree.json", error);
}

/* Accessors */

guint
lens_consent_decree_get_n_reports (LensConsentDecree *self)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), 0);
  return self->reports->len;
}

const LensMonitoringReport *
lens_consent_decree_get_report (LensConsentDecree *self,
                                guint              index)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);
  return g_ptr_array_index (self->reports, index);
}

const LensMonitoringReport *
lens_consent_decree_lookup_report (LensConsentDecree *self,
                                   guint              number)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);

  for (guint i = 0; i < self->reports->len; i++)
    {
      const LensMonitoringReport *report = g_ptr_array_index (self->reports, i);

      if (report->number == number)
        return report;
    }

  return NULL;
}

const LensFigure *
lens_monitoring_report_get_figure (const LensMonitoringReport *report,
                                   LensComplianceLevel         level)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (level < LENS_N_COMPLIANCE_LEVELS, NULL);
  return report->figures[level];
}

gboolean
lens_monitoring_report_has_figures (const LensMonitoringReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; i < LENS_N_COMPLIANCE_LEVELS; i++)
    if (report->figures[i] != NULL)
      return TRUE;
  return FALSE;
}

const LensSourcedText *
lens_consent_decree_get_monitorable_paragraphs (LensConsentDecree *self,
                                                guint             *count)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);

  if (count != NULL)
    *count = self->monitorable_count;
  return &self->monitorable;
}

const LensSourcedText *
lens_consent_decree_get_denominator_change (LensConsentDecree *self,
                                            guint             *first_report)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);

  if (first_report != NULL)
    *first_report = self->first_monitorable_report;
  return &self->denominator_change;
}

const LensLevelMeaning *
lens_consent_decree_get_level_meaning (LensConsentDecree   *self,
                                       LensComplianceLevel  level)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (level < LENS_N_COMPLIANCE_LEVELS, NULL);
  return self->levels[level];
}

guint
lens_consent_decree_get_n_key_facts (LensConsentDecree *self)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), 0);
  return self->key_facts->len;
}

const LensKeyFact *
lens_consent_decree_get_key_fact (LensConsentDecree *self,
                                  guint              index)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (index < self->key_facts->len, NULL);
  return g_ptr_array_index (self->key_facts, index);
}

const LensKeyFact *
lens_consent_decree_lookup_key_fact (LensConsentDecree *self,
                                     const char        *id)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->key_facts->len; i++)
    {
      const LensKeyFact *fact = g_ptr_array_index (self->key_facts, i);

      if (g_str_equal (fact->id, id))
        return fact;
    }

  return NULL;
}

guint
lens_consent_decree_get_n_topic_areas (LensConsentDecree *self)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), 0);
  return self->topic_areas->len;
}

const LensTopicArea *
lens_consent_decree_get_topic_area (LensConsentDecree *self,
                                    guint              index)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (index < self->topic_areas->len, NULL);
  return g_ptr_array_index (self->topic_areas, index);
}

const LensTopicArea *
lens_consent_decree_lookup_topic_area (LensConsentDecree *self,
                                       const char        *id)
{
  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->topic_areas->len; i++)
    {
      const LensTopicArea *area = g_ptr_array_index (self->topic_areas, i);

      if (g_str_equal (area->id, id))
        return area;
    }

  return NULL;
}

GArray *
lens_consent_decree_get_compliance_bars (LensConsentDecree *self)
{
  GArray *bars;

  g_return_val_if_fail (LENS_IS_CONSENT_DECREE (self), NULL);

  bars = g_array_new (FALSE, TRUE, sizeof (LensComplianceBar));

  for (guint i = 0; i < self->reports->len; i++)
    {
      const LensMonitoringReport *report = g_ptr_array_index (self->reports, i);
      LensComplianceBar bar = { 0 };

      if (!lens_monitoring_report_has_figures (report))
        continue;

      bar.report = report->number;
      bar.period_start = report->period_start;
      bar.period_end = report->period_end;
      bar.denominator_kind = report->denominator.kind;
      bar.denominator = report->denominator.count;
      bar.after_denominator_change = report->number >= self->first_monitorable_report;

      for (guint level = 0; level < LENS_N_COMPLIANCE_LEVELS; level++)
        {
          const LensFigure *figure = report->figures[level];

          bar.percent[level] = figure_percent (figure, &report->denominator);
          bar.derived[level] = figure != NULL && figure->unit == LENS_FIGURE_UNIT_COUNT &&
                               !isnan (bar.percent[level]);
          if (figure == NULL)
            bar.confidence[level] = LENS_CONFIDENCE_DERIVED;
          else if (bar.derived[level])
            bar.confidence[level] = LENS_CONFIDENCE_DERIVED;
          else
            bar.confidence[level] = figure->confidence;
        }

      g_array_append_val (bars, bar);
    }

  return bars;
}
