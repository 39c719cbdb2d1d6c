/* lens-schema-check.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-schema-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lens-compstat.h"
#include "lens-datasets.h"
#include "lens-format.h"
#include "lens-portal-error.h"
#include "lens-schema-check.h"

#define NO_SUCH_COLUMN "query.soql.no-such-column"

/* Something that queries the portal: a chart, a headline, the CompStat table. */
typedef struct
{
  const char *id;
  char       *label;       /* translated */
  const char *dataset_id;
  GStrv       fields;
} Subject;

static void
subject_free (Subject *subject)
{
  g_free (subject->label);
  g_strfreev (subject->fields);
  g_free (subject);
}

static Subject *
subject_new (const char  *id,
             char        *label,
             const char  *dataset_id,
             const char * const *fields)
{
  Subject *subject = g_new0 (Subject, 1);

  subject->id = id;
  subject->label = label;
  subject->dataset_id = dataset_id;
  subject->fields = g_strdupv ((char **) fields);

  return subject;
}

static GPtrArray *
collect_subjects (LensCatalog *catalog)
{
  GPtrArray *subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_free);
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autoptr(LensSoql) compstat = lens_compstat_build_query (day, 5);
  g_auto(GStrv) compstat_fields = lens_soql_dup_fields (compstat);

  for (guint i = 0; i < lens_catalog_get_n_charts (catalog); i++)
    {
      LensChartSpec *spec = lens_catalog_get_chart (catalog, i);

      g_ptr_array_add (subjects, subject_new (spec->id,
                                              /* Translators: %s is a chart's title */
                                              g_strdup_printf (_("Chart “%s”"), spec->title),
                                              spec->dataset_id,
                                              (const char * const *) spec->fields));
    }

  for (guint i = 0; i < lens_catalog_get_n_headlines (catalog); i++)
    {
      LensHeadlineSpec *spec = lens_catalog_get_headline (catalog, i);

      g_ptr_array_add (subjects, subject_new (spec->id,
                                              /* Translators: %s is the title of a card of the
                                               * Overview page */
                                              g_strdup_printf (_("Overview card “%s”"), spec->title),
                                              spec->dataset_id,
                                              (const char * const *) spec->fields));
    }

  g_ptr_array_add (subjects, subject_new ("compstat", g_strdup (_("The CompStat table")),
                                          g_intern_string (lens_soql_get_dataset_id (compstat)),
                                          (const char * const *) compstat_fields));

  return subjects;
}

static gboolean
dataset_is_used (GPtrArray  *subjects,
                 const char *dataset_id)
{
  for (guint i = 0; i < subjects->len; i++)
    if (g_str_equal (((Subject *) g_ptr_array_index (subjects, i))->dataset_id, dataset_id))
      return TRUE;
  return FALSE;
}

char **
lens_schema_check_dup_dataset_ids (LensCatalog *catalog)
{
  g_autoptr(GPtrArray) subjects = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  const char * const *declared;

  g_return_val_if_fail (LENS_IS_CATALOG (catalog), NULL);

  subjects = collect_subjects (catalog);
  declared = lens_catalog_get_dataset_ids (catalog);
  builder = g_strv_builder_new ();
  for (guint i = 0; declared[i] != NULL; i++)
    if (dataset_is_used (subjects, declared[i]))
      g_strv_builder_add (builder, declared[i]);

  return g_strv_builder_end (builder);
}

/* Reports */

static void
dataset_free (LensSchemaDataset *dataset)
{
  g_free (dataset->dataset_id);
  g_clear_pointer (&dataset->rows_updated_at, g_date_time_unref);
  g_free (dataset);
}

static void
problem_free (LensSchemaProblem *problem)
{
  g_free (problem->subject_id);
  g_free (problem->subject_label);
  g_free (problem->dataset_id);
  g_free (problem->field);
  g_free (problem->expected_type);
  g_free (problem->actual_type);
  g_free (problem);
}

void
lens_schema_report_free (LensSchemaReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->datasets);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

static LensDatasetInfo *
find_info (GPtrArray  *infos,
           const char *dataset_id)
{
  for (guint i = 0; i < infos->len; i++)
    if (g_strcmp0 (lens_dataset_info_get_id (g_ptr_array_index (infos, i)), dataset_id) == 0)
      return g_ptr_array_index (infos, i);
  return NULL;
}

/* The portal's type of @field, or NULL when it has no such field. */
static const char *
portal_type (LensDatasetInfo *info,
             const char      *field)
{
  const char * const *fields = info != NULL ? lens_dataset_info_get_fields (info) : NULL;
  const char * const *types = info != NULL ? lens_dataset_info_get_types (info) : NULL;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (g_ascii_strcasecmp (fields[i], field) == 0)
      return types != NULL && types[i] != NULL ? types[i] : "";
  return NULL;
}

LensSchemaReport *
lens_schema_check_compare (LensCatalog *catalog,
                           GPtrArray   *infos)
{
  g_autoptr(GPtrArray) subjects = NULL;
  g_auto(GStrv) dataset_ids = NULL;
  LensSchemaReport *report;

  g_return_val_if_fail (LENS_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (infos != NULL, NULL);

  subjects = collect_subjects (catalog);
  dataset_ids = lens_schema_check_dup_dataset_ids (catalog);

  report = g_new0 (LensSchemaReport, 1);
  report->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) dataset_free);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint d = 0; dataset_ids[d] != NULL; d++)
    {
      LensSchemaDataset *dataset = g_new0 (LensSchemaDataset, 1);
      LensDatasetInfo *info = find_info (infos, dataset_ids[d]);
      g_autoptr(GHashTable) needed = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) bad = g_hash_table_new (g_str_hash, g_str_equal);

      dataset->dataset_id = g_strdup (dataset_ids[d]);
      if (info != NULL && lens_dataset_info_get_rows_updated_at (info) != NULL)
        dataset->rows_updated_at = g_date_time_ref (lens_dataset_info_get_rows_updated_at (info));

      for (guint s = 0; s < subjects->len; s++)
        {
          Subject *subject = g_ptr_array_index (subjects, s);

          if (!g_str_equal (subject->dataset_id, dataset_ids[d]))
            continue;

          for (guint f = 0; subject->fields[f] != NULL; f++)
            {
              const char *field = subject->fields[f];
              const char *expected = lens_catalog_get_field_type (catalog, dataset_ids[d], field);
              const char *actual = portal_type (info, field);
              LensSchemaProblem *problem;

              g_hash_table_add (needed, (gpointer) field);
              if (actual != NULL && g_strcmp0 (actual, expected) == 0)
                continue;

              g_hash_table_add (bad, (gpointer) field);
              problem = g_new0 (LensSchemaProblem, 1);
              problem->subject_id = g_strdup (subject->id);
              problem->subject_label = g_strdup (subject->label);
              problem->dataset_id = g_strdup (dataset_ids[d]);
              problem->field = g_strdup (field);
              problem->expected_type = g_strdup (expected);
              problem->actual_type = g_strdup (actual);
              g_ptr_array_add (report->problems, problem);
            }
        }

      dataset->n_fields = g_hash_table_size (needed);
      dataset->n_problems = g_hash_table_size (bad);
      g_ptr_array_add (report->datasets, dataset);
    }

  /* Subject by subject in the catalogue's order, whatever the dataset. */
  if (report->problems->len > 1)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

      for (guint s = 0; s < subjects->len; s++)
        for (guint p = 0; p < report->problems->len; p++)
          {
            LensSchemaProblem *problem = g_ptr_array_index (report->problems, p);

            if (problem != NULL &&
                g_str_equal (problem->subject_id, ((Subject *) g_ptr_array_index (subjects, s))->id))
              {
                g_ptr_array_add (sorted, problem);
                report->problems->pdata[p] = NULL;
              }
          }
      g_ptr_array_set_free_func (report->problems, NULL);
      g_ptr_array_unref (report->problems);
      report->problems = g_steal_pointer (&sorted);
    }

  return report;
}

/* Checking */

typedef struct
{
  LensCatalog *catalog;
  GPtrArray   *infos;     /* LensDatasetInfo */
  GError      *error;     /* the first failure */
  guint        pending;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->catalog);
  g_clear_pointer (&data->infos, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CheckData *data = task_data;

  g_task_return_pointer (task, lens_schema_check_compare (data->catalog, data->infos),
                         (GDestroyNotify) lens_schema_report_free);
}

typedef struct
{
  GTask *task;
  char  *dataset_id;
} FetchData;

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FetchData *fetch = user_data;
  g_autoptr(GTask) task = fetch->task;
  g_autofree char *dataset_id = fetch->dataset_id;
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LensDatasetInfo *info;

  g_free (fetch);
  info = lens_portal_client_fetch_dataset_info_finish (LENS_PORTAL_CLIENT (object), result, &error);
  if (info != NULL)
    g_ptr_array_add (data->infos, info);
  else if (data->error == NULL)
    {
      const LensDataset *dataset = lens_dataset_lookup (dataset_id);

      data->error = g_error_new (error->domain, error->code,
                                 /* Translators: a dataset's name and id, then why */
                                 _("The description of the dataset “%s” (%s) could not be read from the portal: %s"),
                                 dataset != NULL ? lens_dataset_get_display_name (dataset) : dataset_id,
                                 dataset_id, error->message);
    }

  if (--data->pending > 0)
    return;

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_run_in_thread (task, compare_thread);
}

void
lens_schema_check_async (LensPortalClient    *client,
                         LensCatalog         *catalog,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) dataset_ids = NULL;
  CheckData *data;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (LENS_IS_CATALOG (catalog));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_schema_check_async);
  data = g_new0 (CheckData, 1);
  data->catalog = g_object_ref (catalog);
  data->infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);

  dataset_ids = lens_schema_check_dup_dataset_ids (catalog);
  data->pending = g_strv_length (dataset_ids);
  if (data->pending == 0)
    {
      g_task_run_in_thread (task, compare_thread);
      return;
    }

  for (guint i = 0; dataset_ids[i] != NULL; i++)
    {
      FetchData *fetch = g_new0 (FetchData, 1);

      fetch->task = g_object_ref (task);
      fetch->dataset_id = g_strdup (dataset_ids[i]);
      /* REFRESH: what the portal says now, not what a cache kept */
      lens_portal_client_fetch_dataset_info_async (client, dataset_ids[i], LENS_QUERY_REFRESH,
                                                   cancellable, fetch_cb, fetch);
    }
}

LensSchemaReport *
lens_schema_check_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Words */

char *
lens_schema_report_format (LensSchemaReport *report)
{
  GString *text = g_string_new (NULL);
  const char *subject = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->datasets->len; i++)
    {
      LensSchemaDataset *dataset = g_ptr_array_index (report->datasets, i);
      g_autofree char *date = NULL;
      g_autoptr(GDateTime) local = NULL;

      if (dataset->rows_updated_at != NULL)
        {
          local = g_date_time_to_local (dataset->rows_updated_at);
          date = lens_format_date (local);
        }
      else
        /* Translators: in "rows updated <date>", when the portal gives no date */
        date = g_strdup (C_("date", "unknown"));

      if (dataset->n_problems == 0)
        g_string_append_printf (text,
                                /* Translators: "ijzp-q8t2: 5 fields, all present, rows updated
                                 * <date>": the fields Reform Lens needs of a dataset are all on
                                 * the portal, with the expected types */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u field, all present, rows updated %s",
                                             "%s: %u fields, all present, rows updated %s",
                                             dataset->n_fields),
                                dataset->dataset_id, dataset->n_fields, date);
      else
        g_string_append_printf (text,
                                /* Translators: "mft5-nfa8: 5 fields, 1 missing or changed, rows
                                 * updated <date>"; the plural is for the second number, the
                                 * fields missing or changed */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u fields, %u missing or changed, rows updated %s",
                                             "%s: %u fields, %u missing or changed, rows updated %s",
                                             dataset->n_problems),
                                dataset->dataset_id, dataset->n_fields, dataset->n_problems, date);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < report->problems->len; i++)
    {
      LensSchemaProblem *problem = g_ptr_array_index (report->problems, i);

      if (g_strcmp0 (subject, problem->subject_id) != 0)
        {
          subject = problem->subject_id;
          /* Translators: "Chart “Findings of closed cases” (complaints-findings), dataset
           * mft5-nfa8:" then its fields, one a line */
          g_string_append_printf (text, _("%s (%s), dataset %s:"),
                                  problem->subject_label, problem->subject_id, problem->dataset_id);
          g_string_append_c (text, '\n');
        }

      g_string_append (text, "  ");
      if (problem->actual_type == NULL)
        /* Translators: a field name; the portal no longer has it (renamed or removed) */
        g_string_append_printf (text, _("the portal has no field “%s”"), problem->field);
      else
        /* Translators: "the field “arrest” is text on the portal, not checkbox": Socrata type
         * names, as the portal writes them */
        g_string_append_printf (text, _("the field “%s” is %s on the portal, not %s"),
                                problem->field, problem->actual_type, problem->expected_type);
      g_string_append_c (text, '\n');
    }

  if (report->problems->len > 0)
    {
      g_string_append (text, _("The City has changed these datasets: the charts above cannot be "
                               "loaded until Reform Lens is updated. Please tell the Reform Lens "
                               "developers."));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* The portal's no-such-column */

char *
lens_schema_dup_missing_field (const GError *error)
{
  const char *answer;
  const char *message;
  const char *found;

  if (!lens_portal_error_is_refused_query (error) ||
      g_strcmp0 (lens_portal_error_get_code (error), NO_SUCH_COLUMN) != 0)
    return NULL;

  /* {"errorCode":"query.soql.no-such-column","data":{"column":"ncategory",...}} */
  answer = lens_portal_error_get_answer (error);
  if (answer != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (json_parser_load_from_data (parser, answer, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *object = json_node_get_object (root);
          JsonNode *data = json_object_get_member (object, "data");
          JsonNode *column = data != NULL && JSON_NODE_HOLDS_OBJECT (data)
                             ? json_object_get_member (json_node_get_object (data), "column") : NULL;

          if (column != NULL && JSON_NODE_HOLDS_VALUE (column) &&
              json_node_get_value_type (column) == G_TYPE_STRING &&
              *json_node_get_string (column) != '\0')
            return g_strdup (json_node_get_string (column));
        }
    }

  /* "... No such column: ncategory" */
  message = lens_portal_error_get_portal_message (error);
  found = message != NULL ? strstr (message, "No such column: ") : NULL;
  if (found != NULL)
    {
      g_autofree char *name = g_strdup (found + strlen ("No such column: "));

      g_strstrip (name);
      if (*name != '\0')
        return g_steal_pointer (&name);
    }

  return NULL;
}

char *
lens_schema_dup_missing_field_hint (const GError *error)
{
  g_autofree char *field = lens_schema_dup_missing_field (error);

  if (field == NULL)
    return NULL;

  /* Translators: %s is a field name of the City's data. Shown when the portal answers that
   * the field does not exist. “reform-lens --check-portal” is a command: do not translate it. */
  return g_strdup_printf (_("The portal no longer has the field “%s” that this needs: the City "
                            "may have renamed or removed it. To see which charts are affected, "
                            "run “reform-lens --check-portal” in a terminal."),
                          field);
}
