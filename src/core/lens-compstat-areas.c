/* lens-compstat-areas.c: the CompStat tables of several areas from one coverage lookup, and
 * the shooting victims row from the victims dataset
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-compstat"

#include "config.h"

#include <math.h>

#include "lens-compstat.h"
#include "lens-compstat-private.h"
#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-districts.h"

LensSoql *
lens_compstat_build_victims_query (const GDate *last_full_day,
                                   guint        district)
{
  g_autoptr(GString) any = g_string_new (NULL);
  g_autofree char *sums = NULL;
  LensSoql *soql;

  g_return_val_if_fail (last_full_day != NULL && g_date_valid (last_full_day), NULL);
  g_return_val_if_fail (district == 0 || lens_district_lookup_number (district) != NULL, NULL);

  soql = lens_soql_new (LENS_DATASET_VICTIMS);
  sums = _lens_compstat_bind_windows (soql, last_full_day, any);
  lens_soql_set_select (soql, sums);
  lens_soql_add_where (soql, any->str);
  /* Shot, fatally or not: the Shootings page's homicides and non-fatal shootings together */
  lens_soql_add_where (soql, LENS_VICTIMS_FIELD_GUNSHOT_INJURY " = 'YES'");
  if (district != 0)
    {
      g_autofree char *code = lens_district_dup_code (lens_district_lookup_number (district));

      lens_soql_add_where (soql, LENS_VICTIMS_FIELD_DISTRICT " = @district");
      lens_soql_bind_text (soql, "district", code);
    }

  return soql;
}

typedef struct
{
  LensPortalClient *client;
  GArray           *districts;   /* guint */
  gboolean          with_victims;
  LensQueryFlags    flags;
  LensDataCoverage *crimes;
  LensDataCoverage *victims;
  GPtrArray        *results;     /* LensQueryResult per area, NULL while waiting */
  GPtrArray        *victim_results;
  GError           *error;       /* the first failure of a table request or a cancellation */
  guint             pending;
} Areas;

static void
areas_free (gpointer data)
{
  Areas *areas = data;

  g_clear_object (&areas->client);
  g_array_unref (areas->districts);
  g_clear_object (&areas->crimes);
  g_clear_object (&areas->victims);
  g_ptr_array_unref (areas->results);
  g_ptr_array_unref (areas->victim_results);
  g_clear_error (&areas->error);
  g_free (areas);
}

static void
object_unref_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Reads the six sums of the victims answer: one row, or none when nothing matched. */
static gboolean
read_victims (LensQueryResult *result,
              gint64           counts[LENS_COMPSTAT_N_WINDOWS])
{
  LensTable *table = lens_query_result_get_table (result);

  for (guint w = 0; w < LENS_COMPSTAT_N_WINDOWS; w++)
    {
      g_autofree char *name = g_strdup_printf ("w%u", w);
      int column = lens_table_find_column (table, name);
      double v;

      counts[w] = 0;
      if (lens_table_get_n_rows (table) == 0)
        continue;
      if (column < 0)
        return FALSE;
      v = lens_table_get_number (table, 0, column);
      if (isfinite (v))
        counts[w] = (gint64) llround (v);
    }

  return TRUE;
}

static void
finish (GTask *task)
{
  Areas *areas = g_task_get_task_data (task);
  g_autoptr(GPtrArray) tables = NULL;
  const GDate *last_full_day;

  if (areas->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&areas->error));
      return;
    }

  last_full_day = lens_data_coverage_get_last_full_day (areas->crimes);
  tables = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < areas->districts->len; i++)
    {
      LensQueryResult *victims = g_ptr_array_index (areas->victim_results, i);
      gint64 counts[LENS_COMPSTAT_N_WINDOWS];
      GError *error = NULL;
      LensCompstat *table;

      table = lens_compstat_new_from_result (g_ptr_array_index (areas->results, i), last_full_day,
                                             g_array_index (areas->districts, guint, i), &error);
      if (table == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (victims != NULL && read_victims (victims, counts))
        _lens_compstat_set_victims (table, counts,
                                    lens_data_coverage_get_last_full_day (areas->victims), victims);
      g_ptr_array_add (tables, table);
    }

  g_task_return_pointer (task, g_steal_pointer (&tables), (GDestroyNotify) g_ptr_array_unref);
}

typedef struct
{
  GTask   *task;
  guint    index;
  gboolean victims;
} Request;

static void
query_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GTask) task = request->task;
  Areas *areas = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LensQueryResult *result;

  result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (result != NULL)
    g_ptr_array_index (request->victims ? areas->victim_results : areas->results, request->index) = result;
  else if (request->victims)
    g_debug ("No shooting victims row: %s", error->message);  /* the row is left out */
  else if (areas->error == NULL)
    areas->error = g_steal_pointer (&error);
  g_free (request);

  if (--areas->pending == 0)
    finish (task);
}

static void
send (GTask    *task,
      LensSoql *query,
      guint     index,
      gboolean  victims)
{
  Areas *areas = g_task_get_task_data (task);
  Request *request = g_new0 (Request, 1);

  request->task = g_object_ref (task);
  request->index = index;
  request->victims = victims;
  areas->pending++;
  lens_portal_client_query_async (areas->client, query, areas->flags,
                                  g_task_get_cancellable (task), query_cb, request);
}

static void
coverages_done (GTask *task)
{
  Areas *areas = g_task_get_task_data (task);

  if (areas->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&areas->error));
      return;
    }

  for (guint i = 0; i < areas->districts->len; i++)
    {
      guint district = g_array_index (areas->districts, guint, i);
      g_autoptr(LensSoql) query = NULL;

      query = lens_compstat_build_query (lens_data_coverage_get_last_full_day (areas->crimes), district);
      send (task, query, i, FALSE);
      if (areas->victims != NULL)
        {
          g_autoptr(LensSoql) victims = NULL;

          victims = lens_compstat_build_victims_query (lens_data_coverage_get_last_full_day (areas->victims),
                                                       district);
          send (task, victims, i, TRUE);
        }
    }
}

static void
coverage_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Areas *areas = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LensDataCoverage *coverage = lens_data_coverage_load_finish (res, &error);

  /* A coverage load fails only when cancelled. */
  if (coverage == NULL && areas->error == NULL)
    areas->error = g_steal_pointer (&error);
  else if (coverage != NULL &&
           g_str_equal (lens_data_coverage_get_dataset_id (coverage), LENS_DATASET_VICTIMS))
    areas->victims = coverage;
  else if (coverage != NULL)
    areas->crimes = coverage;

  if (--areas->pending == 0)
    coverages_done (task);
}

void
lens_compstat_load_areas_async (LensPortalClient    *client,
                                const guint         *districts,
                                guint                n_districts,
                                gboolean             with_victims,
                                LensQueryFlags       flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Areas *areas;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (districts != NULL && n_districts > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_compstat_load_areas_async);
  /* The client reports cancellation as LENS_PORTAL_ERROR_CANCELLED: keep that. */
  g_task_set_check_cancellable (task, FALSE);

  areas = g_new0 (Areas, 1);
  areas->client = g_object_ref (client);
  areas->districts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_districts; i++)
    {
      g_return_if_fail (districts[i] == 0 || lens_district_lookup_number (districts[i]) != NULL);
      g_array_append_val (areas->districts, districts[i]);
    }
  areas->with_victims = with_victims;
  areas->flags = flags;
  areas->results = g_ptr_array_new_with_free_func (object_unref_null);
  g_ptr_array_set_size (areas->results, n_districts);
  areas->victim_results = g_ptr_array_new_with_free_func (object_unref_null);
  g_ptr_array_set_size (areas->victim_results, n_districts);
  g_task_set_task_data (task, areas, areas_free);

  /* The windows end where the data end: one lookup for all the areas. */
  areas->pending = with_victims ? 2 : 1;
  lens_data_coverage_load_async (client, LENS_DATASET_CRIMES, flags, cancellable,
                                 coverage_cb, g_object_ref (task));
  if (with_victims)
    lens_data_coverage_load_async (client, LENS_DATASET_VICTIMS, flags, cancellable,
                                   coverage_cb, g_object_ref (task));
}

GPtrArray *
lens_compstat_load_areas_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_compstat_load_areas_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
