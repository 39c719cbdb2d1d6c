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

#include "lens-consent-decree-private.h"

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

void
lens_sourced_text_free (LensSourcedText *item)
{
  sourced_text_clear (item);
  g_free (item);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensLevelMeaning, level_meaning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensKeyFact, key_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensTopicFinding, topic_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensTopicArea, topic_area_free)

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
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_monitoring_report_free);
  self->key_facts = g_ptr_array_new_with_free_func ((GDestroyNotify) key_fact_free);
  self->topic_areas = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_area_free);
}

/* Reading */

gboolean
lens_consent_decree_read_sourced_text (LensContentReader  *reader,
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
  static const char * const allowed[] = { "count", "text", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
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
      !lens_consent_decree_read_sourced_text (reader, field, object, &self->monitorable, error))
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
  static const char * const allowed[] = { "first-report", "text", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
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
         lens_consent_decree_read_sourced_text (reader, field, object, &self->denominator_change, error);
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
  static const char * const allowed[] = { "id", "name", "meaning", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
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
  static const char * const allowed[] = { "id", "title", "text", "date", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
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
  static const char * const allowed[] = { "reports", "text", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL };
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
    "id", "number", "name", "about", "added", "findings", "note", LENS_CONSENT_DECREE_SOURCED_KEYS, NULL
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
      !lens_consent_decree_read_reports (self, &reader, error) ||
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

          bar.percent[level] = lens_figure_get_percent (figure, &report->denominator);
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

const LensComplianceBar *
lens_compliance_bars_find (GArray *bars,
                           guint   report)
{
  g_return_val_if_fail (bars != NULL, NULL);

  for (guint i = 0; i < bars->len; i++)
    if (g_array_index (bars, LensComplianceBar, i).report == report)
      return &g_array_index (bars, LensComplianceBar, i);

  return NULL;
}
