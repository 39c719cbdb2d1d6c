/* lens-catalog.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lens-catalog.h"
#include "lens-catalog-private.h"
#include "lens-categories.h"
#include "lens-content-private.h"
#include "lens-data-period.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-portal-error.h"
#include "lens-unit.h"

struct _LensCatalog
{
  GObject    parent_instance;

  GPtrArray *charts;     /* LensChartSpec */
  GPtrArray *headlines;  /* LensHeadlineSpec */
  GPtrArray *caveat_ids;
  GHashTable *caveats;   /* id -> translated text */
  LensCatalogFields *fields; /* "fields" */
};

G_DEFINE_FINAL_TYPE (LensCatalog, lens_catalog, G_TYPE_OBJECT)

/* The fields passed through gettext; charts.json must list exactly these. */
static const char * const translatable_keys[] = {
  "title", "description", "x-title", "y-title", "note", "text", NULL
};

/* Chart specs */

static void
chart_spec_free (LensChartSpec *self)
{
  g_free (self->id);
  g_free (self->page);
  g_free (self->dataset_id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->x_title);
  g_free (self->y_title);
  g_free (self->unit);
  g_free (self->select);
  g_free (self->where);
  g_free (self->group);
  g_free (self->order);
  g_free (self->date_condition);
  g_free (self->district_condition);
  g_free (self->district_beat_field);
  g_free (self->value_alias);
  g_free (self->numerator);
  g_free (self->denominator);
  g_free (self->category_context);
  g_strfreev (self->caveats);
  g_strfreev (self->caveat_texts);
  g_strfreev (self->reports);
  g_strfreev (self->fields);
  g_free (self);
}

LensChartSpec *
lens_chart_spec_ref (LensChartSpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lens_chart_spec_unref (LensChartSpec *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    chart_spec_free (self);
}

G_DEFINE_BOXED_TYPE (LensChartSpec, lens_chart_spec, lens_chart_spec_ref, lens_chart_spec_unref)

static void
headline_spec_free (LensHeadlineSpec *self)
{
  g_free (self->id);
  g_free (self->page);
  g_free (self->chart);
  g_free (self->dataset_id);
  g_free (self->title);
  g_free (self->note);
  g_free (self->unit);
  g_free (self->select);
  g_free (self->where);
  g_free (self->date_condition);
  g_free (self->district_condition);
  g_free (self->value_alias);
  g_strfreev (self->caveats);
  g_strfreev (self->caveat_texts);
  g_strfreev (self->fields);
  g_free (self);
}

LensHeadlineSpec *
lens_headline_spec_ref (LensHeadlineSpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lens_headline_spec_unref (LensHeadlineSpec *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    headline_spec_free (self);
}

G_DEFINE_BOXED_TYPE (LensHeadlineSpec, lens_headline_spec, lens_headline_spec_ref, lens_headline_spec_unref)

const char *
lens_chart_kind_to_string (LensChartKind kind)
{
  switch (kind)
    {
    case LENS_CHART_KIND_BAR: return "bar";
    case LENS_CHART_KIND_HBAR: return "hbar";
    case LENS_CHART_KIND_LINE: return "line";
    default: return NULL;
    }
}

/* Periods */

void
lens_headline_spec_get_periods (const LensHeadlineSpec *self,
                                const GDate            *last_full_day,
                                GDate                  *current_from,
                                GDate                  *current_to,
                                GDate                  *previous_from,
                                GDate                  *previous_to)
{
  LensPeriod current, previous;

  g_return_if_fail (self != NULL);
  g_return_if_fail (last_full_day != NULL && g_date_valid (last_full_day));

  if (self->period == LENS_HEADLINE_PERIOD_YEAR_TO_DATE)
    lens_period_year_to_date (last_full_day, &current, &previous);
  else
    lens_period_latest_full_year (last_full_day, &current, &previous);

  *current_from = current.from;
  *current_to = current.to;
  *previous_from = previous.from;
  *previous_to = previous.to;
}

/* Queries */

static LensSoql *
build_query (const char   *dataset_id,
             const char   *select,
             const char   *where,
             const char   *group,
             const char   *order,
             guint         limit,
             const char   *date_condition,
             const char   *district_condition,
             const char   *district_beat_field,
             guint         district_number,
             const GDate  *from,
             const GDate  *to_inclusive,
             GError      **error)
{
  g_autoptr(LensSoql) soql = NULL;
  g_autofree char *beat_select = NULL;
  g_autofree char *beat_group = NULL;
  const LensDataset *dataset;
  GDate to_next;

  if (from == NULL || to_inclusive == NULL || !g_date_valid (from) || !g_date_valid (to_inclusive))
    {
      g_set_error_literal (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
                           _("The date range is not valid"));
      return NULL;
    }

  /* Attribution by beats: the beat joins the groups, the loader sums the district's rows. */
  if (district_number != 0 && district_condition == NULL && district_beat_field != NULL)
    {
      if (lens_district_lookup_number (district_number) == NULL || group == NULL)
        {
          g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
                       _("District %u cannot be chosen for this chart"), district_number);
          return NULL;
        }
      select = beat_select = g_strdup_printf ("%s, %s", district_beat_field, select);
      group = beat_group = g_strdup_printf ("%s, %s", district_beat_field, group);
      /* Thousands of groups may come in pages: they need a stable order. */
      order = beat_group;
    }

  soql = lens_soql_new (dataset_id);
  lens_soql_set_select (soql, select);
  if (where != NULL)
    lens_soql_add_where (soql, where);
  if (date_condition != NULL)
    {
      lens_soql_add_where (soql, date_condition);
      lens_soql_bind_date (soql, "from", (GDate *) from);
      /* The condition is "date < @to": the day after the inclusive end, at midnight. */
      to_next = *to_inclusive;
      g_date_add_days (&to_next, 1);
      lens_soql_bind_date (soql, "to", &to_next);
    }

  if (district_number != 0 && district_condition != NULL)
    {
      const LensDistrict *district = lens_district_lookup_number (district_number);
      g_autofree char *code = NULL;

      dataset = lens_dataset_lookup (dataset_id);
      if (district == NULL || dataset == NULL || dataset->district_code == LENS_DISTRICT_CODE_NONE)
        {
          g_set_error (error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_BAD_QUERY,
                       _("District %u cannot be chosen for this chart"), district_number);
          return NULL;
        }

      if (dataset->district_code == LENS_DISTRICT_CODE_PADDED)
        code = lens_district_dup_code (district);
      else
        code = g_strdup_printf ("%u", district->number);

      lens_soql_add_where (soql, district_condition);
      lens_soql_bind_text (soql, "district", code);
    }

  if (group != NULL)
    lens_soql_set_group (soql, group);
  if (order != NULL)
    lens_soql_set_order (soql, order);
  if (limit != 0)
    lens_soql_set_limit (soql, limit);

  if (!lens_soql_validate (soql, error))
    return NULL;

  return g_steal_pointer (&soql);
}

LensSoql *
lens_chart_spec_build_query (const LensChartSpec  *self,
                             guint                 district,
                             const GDate          *from,
                             const GDate          *to_inclusive,
                             GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return build_query (self->dataset_id, self->select, self->where, self->group, self->order,
                      self->limit, self->date_condition, self->district_condition,
                      self->district_beat_field, district, from, to_inclusive, error);
}

LensSoql *
lens_headline_spec_build_query (const LensHeadlineSpec  *self,
                                guint                    district,
                                const GDate             *from,
                                const GDate             *to_inclusive,
                                GError                 **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return build_query (self->dataset_id, self->select, self->where, NULL, NULL, 0,
                      self->date_condition, self->district_condition, NULL,
                      district, from, to_inclusive, error);
}

/* Loading */

static void
lens_catalog_finalize (GObject *object)
{
  LensCatalog *self = (LensCatalog *) object;

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->headlines, g_ptr_array_unref);
  g_clear_pointer (&self->caveat_ids, g_ptr_array_unref);
  g_clear_pointer (&self->caveats, g_hash_table_unref);
  g_clear_pointer (&self->fields, lens_catalog_fields_free);

  G_OBJECT_CLASS (lens_catalog_parent_class)->finalize (object);
}

static void
lens_catalog_class_init (LensCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lens_catalog_finalize;
}

static void
lens_catalog_init (LensCatalog *self)
{
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_chart_spec_unref);
  self->headlines = g_ptr_array_new_with_free_func ((GDestroyNotify) lens_headline_spec_unref);
  self->caveat_ids = g_ptr_array_new_with_free_func (g_free);
  self->caveats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->fields = lens_catalog_fields_new ();
}

static gboolean
check_unique_id (LensCatalog        *self,
                 LensContentReader  *reader,
                 GHashTable         *seen,
                 const char         *id,
                 GError            **error)
{
  if (g_hash_table_contains (seen, id))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                     _("\"%s\" is used twice (charts and headlines share one set of ids)"),
                                     id);
  g_hash_table_add (seen, g_strdup (id));
  return TRUE;
}

static gboolean
read_caveats (LensCatalog        *self,
              LensContentReader  *reader,
              GError            **error)
{
  static const char * const allowed[] = { "id", "text", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "caveats", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;

      if (!lens_content_reader_read_item (reader, array, i, "caveats", &object, &id, error))
        return FALSE;
      lens_content_reader_set_where (reader, _("caveat \"%s\""), id);
      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, allowed, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "text", TRUE, &text, error))
        return FALSE;
      if (g_hash_table_contains (self->caveats, id))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "id",
                                         _("\"%s\" is used twice"), id);

      g_ptr_array_add (self->caveat_ids, g_strdup (id));
      g_hash_table_insert (self->caveats, g_steal_pointer (&id), g_steal_pointer (&text));
    }

  return TRUE;
}

/* "caveats": known ids; fills the parallel texts. */
static gboolean
read_caveat_list (LensCatalog        *self,
                  LensContentReader  *reader,
                  JsonObject         *object,
                  GStrv              *ids,
                  GStrv              *texts,
                  GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!lens_content_reader_get_strv (reader, NULL, object, "caveats", TRUE, ids, error))
    return FALSE;

  for (guint i = 0; (*ids)[i] != NULL; i++)
    {
      const char *text = g_hash_table_lookup (self->caveats, (*ids)[i]);

      if (text == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "caveats",
                                         _("\"%s\" is not the id of a caveat in \"caveats\""),
                                         (*ids)[i]);
      g_strv_builder_add (builder, text);
    }

  *texts = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_dataset (LensContentReader  *reader,
              JsonObject         *object,
              char              **dataset_id,
              GError            **error)
{
  if (!lens_content_reader_get_string (reader, NULL, object, "dataset", TRUE, dataset_id, error))
    return FALSE;
  if (lens_dataset_lookup (*dataset_id) == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "dataset",
                                     _("\"%s\" is not a dataset Reform Lens knows"), *dataset_id);
  return TRUE;
}

/* The date and district condition templates name their parameters; a district condition
 * needs a district column. */
static gboolean
check_conditions (LensContentReader  *reader,
                  const char         *dataset_id,
                  const char         *date_condition,
                  const char         *district_condition,
                  GError            **error)
{
  const LensDataset *dataset = lens_dataset_lookup (dataset_id);

  if (strstr (date_condition, "@from") == NULL || strstr (date_condition, "@to") == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "date-condition",
                                     _("must use both @from and @to"));

  if (district_condition != NULL)
    {
      if (dataset->district_code == LENS_DISTRICT_CODE_NONE)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "district-condition",
                                         _("the dataset \"%s\" has no district column"), dataset_id);
      if (strstr (district_condition, "@district") == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "district-condition",
                                         _("must use @district"));
    }

  return TRUE;
}

/* "district-attribution": the dataset's beat field, instead of a district condition, on a
 * grouped query. */
static gboolean
check_attribution (LensContentReader    *reader,
                   const LensChartSpec  *spec,
                   GError              **error)
{
  const LensDataset *dataset = lens_dataset_lookup (spec->dataset_id);

  if (spec->district_beat_field == NULL)
    return TRUE;

  if (dataset->beat_field == NULL || !g_str_equal (dataset->beat_field, spec->district_beat_field))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "district-attribution",
                                     _("the dataset \"%s\" has no beat field \"%s\""),
                                     spec->dataset_id, spec->district_beat_field);
  if (spec->district_condition != NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "district-attribution",
                                     _("a chart has either a district condition or a district attribution"));
  if (spec->group == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "district-attribution",
                                     _("only a grouped query can be attributed to districts"));

  return TRUE;
}

/* Every field the query names must be declared in "fields": the schema check (and nothing
 * else) compares those declarations with the portal. */
static gboolean
check_fields (LensCatalog        *self,
              LensContentReader  *reader,
              const char         *dataset_id,
              LensSoql           *soql,
              GStrv              *out,
              GError            **error)
{
  g_auto(GStrv) fields = lens_soql_dup_fields (soql);

  for (guint i = 0; fields[i] != NULL; i++)
    if (lens_catalog_get_field_type (self, dataset_id, fields[i]) == NULL)
      return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "select",
                                       /* Translators: a field of the query, a dataset id */
                                       _("the query names \"%s\", which \"fields\" does not declare for \"%s\""),
                                       fields[i], dataset_id);

  *out = g_steal_pointer (&fields);
  return TRUE;
}

/* A trial build of the query for a district, so broken SoQL fails at load, not in the UI. Its
 * shape too: a chart's rows are groups the portal counts (the app never downloads rows to
 * count them), a headline's answer is one row. */
static gboolean
check_query (LensContentReader  *reader,
             LensSoql           *soql,
             const GError       *soql_error,
             LensSoqlShape       shape,
             GError            **error)
{
  g_autoptr(LensSoql) query = soql;

  if (query == NULL)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "select",
                                     /* Translators: the SoQL checker's own message follows */
                                     _("the query is not valid: %s"), soql_error->message);

  if (lens_soql_get_shape (query) == shape)
    return TRUE;

  if (shape == LENS_SOQL_SHAPE_GROUPED)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "group",
                                     _("a chart's query must be grouped, so that the portal counts the rows"));
  return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "select",
                                   _("a headline's query must give one number: an aggregate such as count(*), without \"group\""));
}

static gboolean
parse_enum (LensContentReader   *reader,
            JsonObject          *object,
            const char          *key,
            const char * const  *names,
            int                 *out,
            GError             **error)
{
  g_autofree char *value = NULL;
  g_autofree char *list = NULL;

  if (!lens_content_reader_get_string (reader, NULL, object, key, TRUE, &value, error))
    return FALSE;

  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], value))
      {
        *out = i;
        return TRUE;
      }

  list = g_strjoinv (", ", (char **) names);
  return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, key,
                                   /* Translators: "“pie” is not one of bar, hbar, line" */
                                   _("\"%s\" is not one of %s"), value, list);
}

/* A unit is a key of lens-unit.h, not words: lens-describe.c has the words for each, with
 * their plural forms. */
static gboolean
read_unit (LensContentReader  *reader,
           JsonObject         *object,
           char              **out,
           GError            **error)
{
  g_autofree char *value = NULL;
  g_autofree char *list = NULL;
  LensUnit unit;

  if (!lens_content_reader_get_string (reader, NULL, object, "unit", TRUE, &value, error))
    return FALSE;

  if (lens_unit_from_key (value, &unit) && unit != LENS_UNIT_NONE)
    {
      *out = g_steal_pointer (&value);
      return TRUE;
    }

  list = g_strjoinv (", ", (char **) lens_unit_get_keys ());
  return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "unit",
                                   _("\"%s\" is not one of %s"), value, list);
}

static gboolean
read_value (LensContentReader  *reader,
            JsonObject         *object,
            LensChartSpec      *spec,
            GError            **error)
{
  static const char * const allowed[] = { "numerator", "denominator", NULL };
  JsonNode *node = json_object_get_member (object, "value");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, NULL,
                                     _("missing \"%s\""), "value");

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *ratio = json_node_get_object (node);

      spec->value_kind = LENS_VALUE_KIND_RATIO;
      return lens_content_reader_check_keys (reader, "value", ratio, allowed, allowed, error) &&
             lens_content_reader_get_string (reader, "value", ratio, "numerator", TRUE, &spec->numerator, error) &&
             lens_content_reader_get_string (reader, "value", ratio, "denominator", TRUE, &spec->denominator, error);
    }

  spec->value_kind = LENS_VALUE_KIND_ALIAS;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_SCHEMA, "value",
                                     _("must be a column name or an object with \"numerator\" and \"denominator\""));
  return lens_content_reader_get_string (reader, NULL, object, "value", TRUE, &spec->value_alias, error);
}

static gboolean
read_charts (LensCatalog        *self,
             LensContentReader  *reader,
             GHashTable         *seen,
             GError            **error)
{
  static const char * const allowed[] = {
    "id", "page", "dataset", "title", "description", "kind", "x-title", "y-title", "unit",
    "percent", "select", "where", "group", "order", "limit", "date-condition",
    "district-condition", "district-attribution", "label", "value", "top-n", "category-context",
    "caveats", "reports", NULL
  };
  static const char * const required[] = {
    "id", "page", "dataset", "title", "description", "kind", "unit", "select",
    "date-condition", "label", "value", "caveats", "reports", NULL
  };
  static const char * const kinds[] = { "bar", "hbar", "line", NULL };
  static const char * const labels[] = { "year", "month", "category", NULL };
  static const char * const contexts[] = {
    LENS_CATEGORY_CRIME_TYPE, LENS_CATEGORY_COPA_FINDING, LENS_CATEGORY_COPA_STATUS,
    LENS_CATEGORY_COPA_CATEGORY, LENS_CATEGORY_VICTIM_AGE, LENS_CATEGORY_VICTIM_SEX,
    LENS_CATEGORY_VICTIM_RACE, LENS_CATEGORY_CHARGE_TYPE, LENS_CATEGORY_CHARGE_CLASS,
    LENS_CATEGORY_ARREST_RACE, NULL
  };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "charts", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensChartSpec) spec = g_new0 (LensChartSpec, 1);
      g_autoptr(GError) soql_error = NULL;
      LensSoql *soql;
      JsonObject *object;
      int kind = 0, label = 0;
      GDate from, to;

      g_atomic_ref_count_init (&spec->ref_count);

      if (!lens_content_reader_read_item (reader, array, i, "charts", &object, &spec->id, error))
        return FALSE;
      lens_content_reader_set_where (reader, _("chart \"%s\""), spec->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !check_unique_id (self, reader, seen, spec->id, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "page", TRUE, &spec->page, error) ||
          !lens_content_reader_check_id (reader, "page", spec->page, error) ||
          !read_dataset (reader, object, &spec->dataset_id, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "title", TRUE, &spec->title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "description", TRUE, &spec->description, error) ||
          !parse_enum (reader, object, "kind", kinds, &kind, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "x-title", FALSE, &spec->x_title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "y-title", FALSE, &spec->y_title, error) ||
          !read_unit (reader, object, &spec->unit, error) ||
          !lens_content_reader_get_boolean (reader, NULL, object, "percent", FALSE, &spec->percent, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "select", TRUE, &spec->select, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "where", FALSE, &spec->where, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "group", FALSE, &spec->group, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "order", FALSE, &spec->order, error) ||
          !lens_content_reader_get_uint (reader, NULL, object, "limit", FALSE, &spec->limit, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "date-condition", TRUE, &spec->date_condition, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "district-condition", FALSE, &spec->district_condition, error) ||
          !check_conditions (reader, spec->dataset_id, spec->date_condition, spec->district_condition, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "district-attribution", FALSE, &spec->district_beat_field, error) ||
          !check_attribution (reader, spec, error) ||
          !parse_enum (reader, object, "label", labels, &label, error) ||
          !read_value (reader, object, spec, error) ||
          !lens_content_reader_get_uint (reader, NULL, object, "top-n", FALSE, &spec->top_n, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "category-context", FALSE, &spec->category_context, error) ||
          !read_caveat_list (self, reader, object, &spec->caveats, &spec->caveat_texts, error) ||
          !lens_content_reader_get_strv (reader, NULL, object, "reports", TRUE, &spec->reports, error))
        return FALSE;

      spec->kind = kind;
      spec->label_kind = label;

      for (guint r = 0; spec->reports[r] != NULL; r++)
        if (!lens_content_reader_check_id (reader, "reports", spec->reports[r], error))
          return FALSE;

      if (spec->category_context != NULL && !g_strv_contains (contexts, spec->category_context))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) contexts);

          return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_VALUE, "category-context",
                                           _("\"%s\" is not one of %s"), spec->category_context, list);
        }

      if (spec->label_kind != LENS_LABEL_KIND_CATEGORY && (spec->top_n != 0 || spec->category_context != NULL))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT,
                                         spec->top_n != 0 ? "top-n" : "category-context",
                                         _("only a chart of categories can have it"));

      /* The loader refuses an answer that fills the limit: top n of fewer rows is never all. */
      if (spec->limit != 0 && spec->top_n >= spec->limit)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "limit",
                                         _("must be more than \"top-n\""));

      if (spec->percent != (spec->value_kind == LENS_VALUE_KIND_RATIO))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "percent",
                                         _("a ratio is shown as a percentage, and only a ratio is"));

      if (spec->percent != g_str_equal (spec->unit, "percent"))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "unit",
                                         _("a percentage has the unit \"percent\", and only a percentage has it"));

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2020);
      g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2020);
      soql = lens_chart_spec_build_query (spec,
                                          spec->district_condition || spec->district_beat_field ? 5 : 0,
                                          &from, &to, &soql_error);
      if (soql != NULL && !check_fields (self, reader, spec->dataset_id, soql, &spec->fields, error))
        {
          lens_soql_unref (soql);
          return FALSE;
        }
      if (!check_query (reader, soql, soql_error, LENS_SOQL_SHAPE_GROUPED, error))
        return FALSE;

      g_ptr_array_add (self->charts, g_steal_pointer (&spec));
    }

  return TRUE;
}

static gboolean
read_headlines (LensCatalog        *self,
                LensContentReader  *reader,
                GHashTable         *seen,
                GError            **error)
{
  static const char * const allowed[] = {
    "id", "page", "chart", "dataset", "title", "note", "unit", "period", "select",
    "where", "date-condition", "district-condition", "value", "caveats", NULL
  };
  static const char * const required[] = {
    "id", "page", "dataset", "title", "note", "unit", "period", "select", "date-condition",
    "value", "caveats", NULL
  };
  static const char * const periods[] = { "year-to-date", "latest-full-year", NULL };
  JsonArray *array;

  lens_content_reader_set_where (reader, NULL);
  if (!lens_content_reader_get_array (reader, NULL, reader->root, "headlines", TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(LensHeadlineSpec) spec = g_new0 (LensHeadlineSpec, 1);
      g_autoptr(GError) soql_error = NULL;
      LensSoql *soql;
      JsonObject *object;
      int period = 0;
      GDate from, to;

      g_atomic_ref_count_init (&spec->ref_count);

      if (!lens_content_reader_read_item (reader, array, i, "headlines", &object, &spec->id, error))
        return FALSE;
      lens_content_reader_set_where (reader, _("headline \"%s\""), spec->id);

      if (!lens_content_reader_check_keys (reader, NULL, object, allowed, required, error) ||
          !check_unique_id (self, reader, seen, spec->id, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "page", TRUE, &spec->page, error) ||
          !lens_content_reader_check_id (reader, "page", spec->page, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "chart", FALSE, &spec->chart, error) ||
          !read_dataset (reader, object, &spec->dataset_id, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "title", TRUE, &spec->title, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "note", TRUE, &spec->note, error) ||
          !read_unit (reader, object, &spec->unit, error) ||
          !parse_enum (reader, object, "period", periods, &period, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "select", TRUE, &spec->select, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "where", FALSE, &spec->where, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "date-condition", TRUE, &spec->date_condition, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "district-condition", FALSE, &spec->district_condition, error) ||
          !check_conditions (reader, spec->dataset_id, spec->date_condition, spec->district_condition, error) ||
          !lens_content_reader_get_string (reader, NULL, object, "value", TRUE, &spec->value_alias, error) ||
          !read_caveat_list (self, reader, object, &spec->caveats, &spec->caveat_texts, error))
        return FALSE;

      spec->period = period;

      /* a headline is a count, compared as a change in percent */
      if (g_str_equal (spec->unit, "percent"))
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "unit",
                                         _("a percentage has the unit \"percent\", and only a percentage has it"));

      if (spec->chart != NULL && lens_catalog_lookup_chart (self, spec->chart) == NULL)
        return lens_content_reader_fail (reader, error, LENS_CONTENT_ERROR_INCONSISTENT, "chart",
                                         _("\"%s\" is not the id of a chart in \"charts\""), spec->chart);

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2020);
      g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2020);
      soql = lens_headline_spec_build_query (spec, spec->district_condition ? 5 : 0,
                                             &from, &to, &soql_error);
      if (soql != NULL && !check_fields (self, reader, spec->dataset_id, soql, &spec->fields, error))
        {
          lens_soql_unref (soql);
          return FALSE;
        }
      if (!check_query (reader, soql, soql_error, LENS_SOQL_SHAPE_AGGREGATE, error))
        return FALSE;

      g_ptr_array_add (self->headlines, g_steal_pointer (&spec));
    }

  return TRUE;
}

LensCatalog *
lens_catalog_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  static const char * const allowed[] = {
    "format", "translatable", "caveats", "fields", "charts", "headlines", NULL
  };
  g_autoptr(LensCatalog) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(LensContentReader) reader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LENS_TYPE_CATALOG, NULL);

  if (!lens_content_reader_load (&reader, name, bytes, translatable_keys, error) ||
      !lens_content_reader_check_keys (&reader, NULL, reader.root, allowed, allowed, error) ||
      !read_caveats (self, &reader, error) ||
      !lens_catalog_fields_read (self->fields, &reader, error) ||
      !read_charts (self, &reader, seen, error) ||
      !read_headlines (self, &reader, seen, error))
    return NULL;

  return g_steal_pointer (&self);
}

LensCatalog *
lens_catalog_new_from_resource (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = lens_content_read_resource (LENS_CATALOG_RESOURCE, error)))
    return NULL;

  return lens_catalog_new_from_bytes (bytes, "charts.json", error);
}

LensCatalog *
lens_catalog_get_default (void)
{
  static LensCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GError) error = NULL;
      LensCatalog *loaded = lens_catalog_new_from_resource (&error);

      if (loaded == NULL)
        g_error ("The shipped chart catalogue does not load: %s", error->message);
      g_once_init_leave (&catalog, loaded);
    }

  return catalog;
}

/* Accessors */

guint
lens_catalog_get_n_charts (LensCatalog *self)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), 0);
  return self->charts->len;
}

LensChartSpec *
lens_catalog_get_chart (LensCatalog *self,
                        guint        index)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return g_ptr_array_index (self->charts, index);
}

LensChartSpec *
lens_catalog_lookup_chart (LensCatalog *self,
                           const char  *id)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->charts->len; i++)
    {
      LensChartSpec *spec = g_ptr_array_index (self->charts, i);

      if (g_str_equal (spec->id, id))
        return spec;
    }

  return NULL;
}

GPtrArray *
lens_catalog_get_charts_for_page (LensCatalog *self,
                                  const char  *page)
{
  GPtrArray *result;

  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->charts->len; i++)
    {
      LensChartSpec *spec = g_ptr_array_index (self->charts, i);

      if (g_str_equal (spec->page, page))
        g_ptr_array_add (result, spec);
    }

  return result;
}

guint
lens_catalog_get_n_headlines (LensCatalog *self)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), 0);
  return self->headlines->len;
}

LensHeadlineSpec *
lens_catalog_get_headline (LensCatalog *self,
                           guint        index)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->headlines->len, NULL);
  return g_ptr_array_index (self->headlines, index);
}

LensHeadlineSpec *
lens_catalog_lookup_headline (LensCatalog *self,
                              const char  *id)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->headlines->len; i++)
    {
      LensHeadlineSpec *spec = g_ptr_array_index (self->headlines, i);

      if (g_str_equal (spec->id, id))
        return spec;
    }

  return NULL;
}

guint
lens_catalog_get_n_caveats (LensCatalog *self)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), 0);
  return self->caveat_ids->len;
}

const char *
lens_catalog_get_caveat_id (LensCatalog *self,
                            guint        index)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->caveat_ids->len, NULL);
  return g_ptr_array_index (self->caveat_ids, index);
}

const char *
lens_catalog_get_caveat_text (LensCatalog *self,
                              const char  *id)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->caveats, id);
}

const char **
lens_catalog_dup_caveat_texts (LensCatalog        *self,
                               const char * const *ids)
{
  GPtrArray *texts;

  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);

  texts = g_ptr_array_new ();
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *text = g_hash_table_lookup (self->caveats, ids[i]);

      if (text != NULL)
        g_ptr_array_add (texts, (gpointer) text);
    }
  g_ptr_array_add (texts, NULL);

  return (const char **) g_ptr_array_free (texts, FALSE);
}

const char * const *
lens_catalog_get_dataset_ids (LensCatalog *self)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  return lens_catalog_fields_get_dataset_ids (self->fields);
}

const char *
lens_catalog_get_field_type (LensCatalog *self,
                             const char  *dataset_id,
                             const char  *field)
{
  g_return_val_if_fail (LENS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (dataset_id != NULL && field != NULL, NULL);
  return lens_catalog_fields_lookup (self->fields, dataset_id, field);
}
