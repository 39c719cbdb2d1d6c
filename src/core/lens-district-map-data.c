/* lens-district-map-data.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-district-map-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-compstat.h"
#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-district-map-data.h"

static const char * const period_ids[LENS_MAP_N_PERIODS] = { "last-28", "year-to-date", "last-365" };

const char *
lens_map_period_get_label (LensMapPeriod period)
{
  switch (period)
    {
    case LENS_MAP_PERIOD_LAST_28: return _("Last 28 days");
    case LENS_MAP_PERIOD_YEAR_TO_DATE: return _("Year to date");
    case LENS_MAP_PERIOD_LAST_365:
    case LENS_MAP_N_PERIODS:
    default: return _("Last 365 days");
    }
}

const char *
lens_map_period_get_id (LensMapPeriod period)
{
  g_return_val_if_fail (period < LENS_MAP_N_PERIODS, NULL);
  return period_ids[period];
}

int
lens_map_period_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < LENS_MAP_N_PERIODS; i++)
    if (g_str_equal (id, period_ids[i]))
      return i;
  return -1;
}

void
lens_map_period_compute (LensMapPeriod  period,
                         const GDate   *last_full_day,
                         LensPeriod    *days)
{
  g_return_if_fail (last_full_day != NULL && g_date_valid (last_full_day));

  switch (period)
    {
    case LENS_MAP_PERIOD_YEAR_TO_DATE:
      lens_period_year_to_date (last_full_day, days, NULL);
      break;
    case LENS_MAP_PERIOD_LAST_365:
      lens_period_last_days (last_full_day, 365, days, NULL);
      break;
    case LENS_MAP_PERIOD_LAST_28:
    case LENS_MAP_N_PERIODS:
    default:
      lens_period_last_days (last_full_day, 28, days, NULL);
      break;
    }
}

int
lens_map_measure_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < lens_compstat_get_n_rows (); i++)
    if (g_str_equal (lens_compstat_get_row (i)->id, id))
      return i;
  return -1;
}

LensSoql *
lens_district_map_build_query (guint             measure,
                               const LensPeriod *days)
{
  const LensCompstatRow *row;
  g_autoptr(LensSoql) query = NULL;
  g_autoptr(GString) codes = g_string_new (LENS_CRIMES_FIELD_FBI_CODE " IN (");
  GDate from, next;

  g_return_val_if_fail (measure < lens_compstat_get_n_rows (), NULL);
  g_return_val_if_fail (days != NULL, NULL);

  row = lens_compstat_get_row (measure);
  query = lens_district_ranking_build_query (LENS_DATASET_CRIMES, LENS_CRIMES_FIELD_DISTRICT);

  /* "date < @to": the day after the inclusive end, at midnight. */
  from = days->from;
  next = days->to;
  g_date_add_days (&next, 1);
  lens_soql_add_where (query, LENS_CRIMES_FIELD_DATE " >= @from AND " LENS_CRIMES_FIELD_DATE " < @to");
  lens_soql_bind_date (query, "from", &from);
  lens_soql_bind_date (query, "to", &next);

  for (guint i = 0; row->fbi_codes[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("code%u", i);

      g_string_append_printf (codes, "%s@%s", i ? ", " : "", name);
      lens_soql_bind_text (query, name, row->fbi_codes[i]);
    }
  g_string_append_c (codes, ')');
  lens_soql_add_where (query, codes->str);

  return g_steal_pointer (&query);
}

struct _LensDistrictMapData
{
  GObject               parent_instance;

  LensBoundariesResult *boundaries;
  LensDistrictRanking  *ranking;
  LensQueryResult      *counts;
  guint                 measure;
  LensMapPeriod         period;
  LensPeriod            days;
};

G_DEFINE_FINAL_TYPE (LensDistrictMapData, lens_district_map_data, G_TYPE_OBJECT)

static void
lens_district_map_data_finalize (GObject *object)
{
  LensDistrictMapData *self = LENS_DISTRICT_MAP_DATA (object);

  g_clear_object (&self->boundaries);
  g_clear_pointer (&self->ranking, lens_district_ranking_free);
  g_clear_object (&self->counts);

  G_OBJECT_CLASS (lens_district_map_data_parent_class)->finalize (object);
}

static void
lens_district_map_data_class_init (LensDistrictMapDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lens_district_map_data_finalize;
}

static void
lens_district_map_data_init (LensDistrictMapData *self)
{
}

LensDistrictMapData *
lens_district_map_data_new (LensBoundariesResult *boundaries,
                            LensDistrictRanking  *ranking,
                            LensQueryResult      *counts,
                            guint                 measure,
                            LensMapPeriod         period,
                            const LensPeriod     *days)
{
  LensDistrictMapData *self;

  g_return_val_if_fail (LENS_IS_BOUNDARIES_RESULT (boundaries), NULL);
  g_return_val_if_fail (ranking != NULL, NULL);
  g_return_val_if_fail (measure < lens_compstat_get_n_rows (), NULL);
  g_return_val_if_fail (days != NULL, NULL);

  self = g_object_new (LENS_TYPE_DISTRICT_MAP_DATA, NULL);
  self->boundaries = g_object_ref (boundaries);
  self->ranking = ranking;
  self->counts = counts != NULL ? g_object_ref (counts) : NULL;
  self->measure = measure;
  self->period = period;
  self->days = *days;

  return self;
}

LensBoundaries *
lens_district_map_data_get_boundaries (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return lens_boundaries_result_get_boundaries (self->boundaries);
}

LensBoundariesResult *
lens_district_map_data_get_boundaries_result (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return self->boundaries;
}

LensDistrictRanking *
lens_district_map_data_get_ranking (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return self->ranking;
}

LensQueryResult *
lens_district_map_data_get_counts (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return self->counts;
}

guint
lens_district_map_data_get_measure (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), 0);
  return self->measure;
}

const char *
lens_district_map_data_get_measure_label (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return lens_compstat_get_row (self->measure)->label;
}

LensMapPeriod
lens_district_map_data_get_period (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), 0);
  return self->period;
}

const LensPeriod *
lens_district_map_data_get_days (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);
  return &self->days;
}

gint64
lens_district_map_data_get_age (LensDistrictMapData *self)
{
  gint64 age;

  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), 0);

  age = lens_boundaries_result_get_age (self->boundaries);
  if (self->counts != NULL)
    age = MAX (age, lens_query_result_get_age (self->counts));
  return age;
}

const GError *
lens_district_map_data_get_warning (LensDistrictMapData *self)
{
  g_return_val_if_fail (LENS_IS_DISTRICT_MAP_DATA (self), NULL);

  if (self->counts != NULL && lens_query_result_get_warning (self->counts) != NULL)
    return lens_query_result_get_warning (self->counts);
  return lens_boundaries_result_get_warning (self->boundaries);
}

/* Loading: the boundaries and (the coverage, then the counts) side by side. */

typedef struct
{
  LensPortalClient     *client;
  guint                 measure;
  LensMapPeriod         period;
  LensQueryFlags        flags;
  LensPeriod            days;
  guint                 n_waiting;
  LensBoundariesResult *boundaries;
  LensQueryResult      *counts;
  GError               *error;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->client);
  g_clear_object (&load->boundaries);
  g_clear_object (&load->counts);
  g_clear_error (&load->error);
  g_free (load);
}

static void
part_done (GTask *task)
{
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensDistrictRanking) ranking = NULL;
  GError *error = NULL;

  if (--load->n_waiting > 0)
    {
      g_object_unref (task);
      return;
    }

  if (load->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&load->error));
      g_object_unref (task);
      return;
    }

  ranking = lens_district_ranking_new ();
  if (!lens_district_ranking_add_table (ranking, lens_query_result_get_table (load->counts), &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task,
                           lens_district_map_data_new (load->boundaries, g_steal_pointer (&ranking),
                                                       load->counts, load->measure, load->period,
                                                       &load->days),
                           g_object_unref);
  g_object_unref (task);
}

static void
keep_error (Load   *load,
            GError *error)
{
  if (load->error == NULL)
    load->error = error;
  else
    g_error_free (error);
}

static void
boundaries_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->boundaries = lens_portal_client_fetch_boundaries_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (load->boundaries == NULL)
    keep_error (load, error);
  part_done (task);
}

static void
counts_cb (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->counts = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (load->counts == NULL)
    keep_error (load, error);
  part_done (task);
}

static void
coverage_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  GTask *task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensDataCoverage) coverage = NULL;
  g_autoptr(LensSoql) query = NULL;
  GError *error = NULL;

  coverage = lens_data_coverage_load_finish (res, &error);
  if (coverage == NULL)
    {
      keep_error (load, error);
      part_done (task);
      return;
    }

  lens_map_period_compute (load->period, lens_data_coverage_get_last_full_day (coverage), &load->days);
  query = lens_district_map_build_query (load->measure, &load->days);
  lens_portal_client_query_async (load->client, query, load->flags, g_task_get_cancellable (task),
                                  counts_cb, task);
}

void
lens_district_map_data_load_async (LensPortalClient    *client,
                                   guint                measure,
                                   LensMapPeriod        period,
                                   LensQueryFlags       flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (measure < lens_compstat_get_n_rows ());
  g_return_if_fail (period < LENS_MAP_N_PERIODS);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_district_map_data_load_async);
  /* The client reports cancellation as LENS_PORTAL_ERROR_CANCELLED: keep that. */
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (Load, 1);
  load->client = g_object_ref (client);
  load->measure = measure;
  load->period = period;
  load->flags = flags;
  load->n_waiting = 2;
  g_task_set_task_data (task, load, load_free);

  /* Each part holds a reference of the task until it is done. */
  lens_portal_client_fetch_boundaries_async (client, LENS_DATASET_POLICE_DISTRICTS, flags, cancellable,
                                             boundaries_cb, g_object_ref (task));
  lens_data_coverage_load_async (client, LENS_DATASET_CRIMES, flags, cancellable, coverage_cb, task);
}

LensDistrictMapData *
lens_district_map_data_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_district_map_data_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
