/* lens-data-coverage.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-data-coverage"

#include "config.h"

#include "lens-data-coverage.h"
#include "lens-date.h"

#define LAST_DAY_ALIAS "last_date"

struct _LensDataCoverage
{
  GObject      parent_instance;

  char        *dataset_id;
  GDateTime   *rows_updated_at;
  GDate        last_day;
  LensDataEnd  end;
};

G_DEFINE_FINAL_TYPE (LensDataCoverage, lens_data_coverage, G_TYPE_OBJECT)

static void
lens_data_coverage_finalize (GObject *object)
{
  LensDataCoverage *self = (LensDataCoverage *) object;

  g_clear_pointer (&self->dataset_id, g_free);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);

  G_OBJECT_CLASS (lens_data_coverage_parent_class)->finalize (object);
}

static void
lens_data_coverage_class_init (LensDataCoverageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lens_data_coverage_finalize;
}

static void
lens_data_coverage_init (LensDataCoverage *self)
{
  g_date_clear (&self->last_day, 1);
  g_date_clear (&self->end.last_full_day, 1);
}

LensDataCoverage *
lens_data_coverage_new (const char  *dataset_id,
                        const GDate *today,
                        GDateTime   *rows_updated_at,
                        const GDate *last_day)
{
  const LensDataset *dataset;
  LensDataCoverage *self;

  g_return_val_if_fail (dataset_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  dataset = lens_dataset_lookup (dataset_id);

  self = g_object_new (LENS_TYPE_DATA_COVERAGE, NULL);
  self->dataset_id = g_strdup (dataset_id);
  self->rows_updated_at = rows_updated_at != NULL ? g_date_time_ref (rows_updated_at) : NULL;
  if (last_day != NULL && g_date_valid (last_day))
    self->last_day = *last_day;

  lens_data_end_compute (today, dataset != NULL ? dataset->publication_lag_days : 0,
                         self->rows_updated_at, &self->last_day, &self->end);

  return self;
}

LensSoql *
lens_data_coverage_build_query (const LensDataset *dataset)
{
  g_autofree char *select = NULL;
  LensSoql *soql;

  g_return_val_if_fail (dataset != NULL, NULL);

  if (dataset->date_field == NULL)
    return NULL;

  soql = lens_soql_new (dataset->id);
  select = g_strdup_printf ("max(%s) AS " LAST_DAY_ALIAS, dataset->date_field);
  lens_soql_set_select (soql, select);
  /* An aggregate without $group is one row: no $limit, $order or paging (lens_soql_get_shape). */

  return soql;
}

gboolean
lens_data_coverage_parse_last_day (LensTable *table,
                                   GDate     *day)
{
  int column;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);

  column = lens_table_find_column (table, LAST_DAY_ALIAS);
  if (column < 0 || lens_table_get_n_rows (table) == 0 || lens_table_is_null (table, 0, column))
    return FALSE;

  /* A floating timestamp has no time zone: its day is the day written. */
  return lens_date_parse_floating (lens_table_get_text (table, 0, column), day);
}

/* Loading */

typedef struct
{
  char            *dataset_id;
  LensDatasetInfo *info;
  LensQueryResult *last;
  GError          *cancelled;  /* the first operation's cancellation, or NULL */
  guint            pending;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->dataset_id);
  g_clear_object (&load->info);
  g_clear_object (&load->last);
  g_clear_error (&load->cancelled);
  g_free (load);
}

/* Keeps @error when it is a cancellation: the load then reports it. */
static void
note_error (Load         *load,
            const char   *what,
            GError      **error)
{
  if (g_error_matches (*error, LENS_PORTAL_ERROR, LENS_PORTAL_ERROR_CANCELLED) ||
      g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (load->cancelled == NULL)
        load->cancelled = g_steal_pointer (error);
      return;
    }

  g_debug ("No %s for %s: %s", what, load->dataset_id, (*error)->message);
}

static void
load_op_done (GTask *task)
{
  Load *load = g_task_get_task_data (task);
  GDateTime *rows_updated_at = NULL;
  GDate last_day, today;

  if (--load->pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (load->cancelled != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&load->cancelled));
      g_object_unref (task);
      return;
    }

  if (load->info != NULL)
    rows_updated_at = lens_dataset_info_get_rows_updated_at (load->info);
  /* Without the metadata, the answer's Last-Modified says when the rows last changed. */
  if (rows_updated_at == NULL && load->last != NULL)
    rows_updated_at = lens_query_result_get_rows_updated_at (load->last);

  g_date_clear (&last_day, 1);
  if (load->last != NULL)
    lens_data_coverage_parse_last_day (lens_query_result_get_table (load->last), &last_day);

  lens_data_period_get_today (&today);
  g_task_return_pointer (task,
                         lens_data_coverage_new (load->dataset_id, &today, rows_updated_at, &last_day),
                         g_object_unref);
  g_object_unref (task);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  load->info = lens_portal_client_fetch_dataset_info_finish (LENS_PORTAL_CLIENT (object), result, &error);
  if (error != NULL)
    note_error (load, "metadata", &error);

  load_op_done (task);
}

static void
last_day_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  load->last = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (object), result, &error);
  if (error != NULL)
    note_error (load, "last day", &error);

  load_op_done (task);
}

void
lens_data_coverage_load_async (LensPortalClient    *client,
                               const char          *dataset_id,
                               LensQueryFlags       flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(LensSoql) query = NULL;
  const LensDataset *dataset;
  GTask *task;
  Load *load;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (dataset_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_data_coverage_load_async);
  /* The client reports cancellation as LENS_PORTAL_ERROR_CANCELLED: keep that. */
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (Load, 1);
  load->dataset_id = g_strdup (dataset_id);
  g_task_set_task_data (task, load, load_free);

  dataset = lens_dataset_lookup (dataset_id);
  if (dataset != NULL)
    query = lens_data_coverage_build_query (dataset);

  /* One reference of the task per operation. */
  load->pending = query != NULL ? 2 : 1;
  lens_portal_client_fetch_dataset_info_async (client, dataset_id, flags, cancellable,
                                               info_cb, task);
  if (query != NULL)
    lens_portal_client_query_async (client, query, flags, cancellable,
                                    last_day_cb, g_object_ref (task));
}

LensDataCoverage *
lens_data_coverage_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_data_coverage_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
lens_data_coverage_get_dataset_id (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), NULL);
  return self->dataset_id;
}

GDateTime *
lens_data_coverage_get_rows_updated_at (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), NULL);
  return self->rows_updated_at;
}

const GDate *
lens_data_coverage_get_last_day (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), NULL);
  return &self->last_day;
}

const GDate *
lens_data_coverage_get_last_full_day (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), NULL);
  return &self->end.last_full_day;
}

LensDataEndSource
lens_data_coverage_get_source (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), LENS_DATA_END_CALENDAR);
  return self->end.source;
}

gboolean
lens_data_coverage_get_ends_early (LensDataCoverage *self)
{
  g_return_val_if_fail (LENS_IS_DATA_COVERAGE (self), FALSE);
  return self->end.early;
}
