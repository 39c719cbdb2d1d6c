/* lens-standing.c: where the districts stand on one crime measure over one period
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-standing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-data-coverage.h"
#include "lens-datasets.h"
#include "lens-districts.h"
#include "lens-standing.h"

guint
lens_standing_get_n_measures (void)
{
  return 1 + lens_compstat_get_n_rows ();
}

const char *
lens_standing_get_measure_id (guint measure)
{
  g_return_val_if_fail (measure < lens_standing_get_n_measures (), NULL);

  if (measure == LENS_STANDING_ALL_INCIDENTS)
    return "incidents";
  return lens_compstat_get_row (measure - 1)->id;
}

const char *
lens_standing_get_measure_label (guint measure)
{
  g_return_val_if_fail (measure < lens_standing_get_n_measures (), NULL);

  if (measure == LENS_STANDING_ALL_INCIDENTS)
    return C_("district standing measure", "All incidents");
  return lens_compstat_get_row (measure - 1)->label;
}

char *
lens_standing_dup_rank_text (guint rank,
                             guint n)
{
  guint last = rank % 10, last_two = rank % 100;

  /* The English endings pick the message; every language translates all four its way. */
  if (last == 1 && last_two != 11)
    /* Translators: a district's rank among all: "1st of 22", "21st of 22". Use your
     * language's ordinal (es "%u.º de %u", pl "%u. z %u"); the message is the same in the four
     * "rank" contexts unless your language also changes with the number. */
    return g_strdup_printf (C_("rank ending in 1", "%ust of %u"), rank, n);
  if (last == 2 && last_two != 12)
    /* Translators: "2nd of 22", "22nd of 22" */
    return g_strdup_printf (C_("rank ending in 2", "%und of %u"), rank, n);
  if (last == 3 && last_two != 13)
    /* Translators: "3rd of 22" */
    return g_strdup_printf (C_("rank ending in 3", "%urd of %u"), rank, n);
  /* Translators: "4th of 22", "11th of 22", "12th of 22" */
  return g_strdup_printf (C_("rank other", "%uth of %u"), rank, n);
}

char *
lens_standing_dup_standing_text (LensDistrictRanking *ranking,
                                 guint                district)
{
  const LensDistrictStanding *standing;
  g_autofree char *rank = NULL;
  guint tied;

  g_return_val_if_fail (ranking != NULL, NULL);

  standing = lens_district_ranking_lookup (ranking, district);
  if (standing == NULL)
    return NULL;

  rank = lens_standing_dup_rank_text (standing->rank, lens_district_ranking_get_n_ranked (ranking));
  tied = lens_district_ranking_count_tied (ranking, standing);
  if (tied <= 1)
    return g_steal_pointer (&rank);

  /* Translators: "2nd of 22, tied with 1 other district" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, tied with %u other district",
                                       "%s, tied with %u other districts", tied - 1),
                          rank, tied - 1);
}

LensSoql *
lens_standing_build_query (guint             measure,
                           const LensPeriod *period)
{
  g_autoptr(LensSoql) soql = NULL;
  GDate from, next;

  g_return_val_if_fail (measure < lens_standing_get_n_measures (), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  soql = lens_district_ranking_build_query (LENS_DATASET_CRIMES, LENS_CRIMES_FIELD_DISTRICT);
  next = period->to;
  /* "date < @to": the day after the inclusive end, at midnight. */
  g_date_add_days (&next, 1);
  lens_soql_add_where (soql, "date >= @from AND date < @to");
  from = period->from;
  lens_soql_bind_date (soql, "from", &from);
  lens_soql_bind_date (soql, "to", &next);

  if (measure != LENS_STANDING_ALL_INCIDENTS)
    {
      const char * const *codes = lens_compstat_get_row (measure - 1)->fbi_codes;
      g_autoptr(GString) in = g_string_new (LENS_CRIMES_FIELD_FBI_CODE " IN (");

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autofree char *name = g_strdup_printf ("code%u", i);

          g_string_append_printf (in, "%s@%s", i ? ", " : "", name);
          lens_soql_bind_text (soql, name, codes[i]);
        }
      g_string_append_c (in, ')');
      lens_soql_add_where (soql, in->str);
    }

  return g_steal_pointer (&soql);
}

struct _LensStanding
{
  GObject              parent_instance;

  guint                measure;
  LensPeriod           period;
  LensDistrictRanking *ranking;
  LensQueryResult     *result;
};

G_DEFINE_FINAL_TYPE (LensStanding, lens_standing, G_TYPE_OBJECT)

static void
lens_standing_finalize (GObject *object)
{
  LensStanding *self = LENS_STANDING (object);

  g_clear_pointer (&self->ranking, lens_district_ranking_free);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (lens_standing_parent_class)->finalize (object);
}

static void
lens_standing_class_init (LensStandingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lens_standing_finalize;
}

static void
lens_standing_init (LensStanding *self)
{
}

LensStanding *
lens_standing_new_from_result (LensQueryResult  *result,
                               guint             measure,
                               const LensPeriod *period,
                               GError          **error)
{
  g_autoptr(LensDistrictRanking) ranking = lens_district_ranking_new ();
  LensStanding *self;

  g_return_val_if_fail (LENS_IS_QUERY_RESULT (result), NULL);

  if (!lens_district_ranking_add_table (ranking, lens_query_result_get_table (result), error))
    return NULL;

  self = g_object_new (LENS_TYPE_STANDING, NULL);
  self->measure = measure;
  self->period = *period;
  self->ranking = g_steal_pointer (&ranking);
  self->result = g_object_ref (result);
  return self;
}

typedef struct
{
  LensPortalClient  *client;
  guint              measure;
  LensCompstatWindow window;
  LensQueryFlags     flags;
  LensPeriod         period;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->client);
  g_free (load);
}

static void
query_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensQueryResult) result = NULL;
  LensStanding *self;
  GError *error = NULL;

  result = lens_portal_client_query_finish (LENS_PORTAL_CLIENT (source), res, &error);
  if (result == NULL ||
      (self = lens_standing_new_from_result (result, load->measure, &load->period, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, self, g_object_unref);
}

static void
coverage_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  g_autoptr(LensDataCoverage) coverage = NULL;
  g_autoptr(LensSoql) query = NULL;
  LensPeriod windows[LENS_COMPSTAT_N_WINDOWS];
  GCancellable *cancellable;
  GError *error = NULL;

  coverage = lens_data_coverage_load_finish (res, &error);
  if (coverage == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  lens_compstat_get_windows (lens_data_coverage_get_last_full_day (coverage), windows);
  load->period = windows[load->window];
  query = lens_standing_build_query (load->measure, &load->period);
  cancellable = g_task_get_cancellable (task);
  lens_portal_client_query_async (load->client, query, load->flags, cancellable,
                                  query_cb, g_steal_pointer (&task));
}

void
lens_standing_load_async (LensPortalClient    *client,
                          guint                measure,
                          LensCompstatWindow   window,
                          LensQueryFlags       flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));
  g_return_if_fail (measure < lens_standing_get_n_measures ());
  g_return_if_fail (window < LENS_COMPSTAT_N_WINDOWS);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, lens_standing_load_async);
  g_task_set_check_cancellable (task, FALSE);

  load = g_new0 (Load, 1);
  load->client = g_object_ref (client);
  load->measure = measure;
  load->window = window;
  load->flags = flags;
  g_task_set_task_data (task, load, load_free);

  lens_data_coverage_load_async (client, LENS_DATASET_CRIMES, flags, cancellable, coverage_cb, task);
}

LensStanding *
lens_standing_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lens_standing_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
lens_standing_get_measure (LensStanding *self)
{
  g_return_val_if_fail (LENS_IS_STANDING (self), 0);
  return self->measure;
}

const LensPeriod *
lens_standing_get_period (LensStanding *self)
{
  g_return_val_if_fail (LENS_IS_STANDING (self), NULL);
  return &self->period;
}

LensDistrictRanking *
lens_standing_get_ranking (LensStanding *self)
{
  g_return_val_if_fail (LENS_IS_STANDING (self), NULL);
  return self->ranking;
}

LensQueryResult *
lens_standing_get_result (LensStanding *self)
{
  g_return_val_if_fail (LENS_IS_STANDING (self), NULL);
  return self->result;
}

char *
lens_standing_dup_csv (LensStanding *self)
{
  GString *csv;

  g_return_val_if_fail (LENS_IS_STANDING (self), NULL);

  csv = g_string_new ("district,count,rank\r\n");
  for (guint i = 0; i < lens_district_ranking_get_n_ranked (self->ranking); i++)
    {
      const LensDistrictStanding *s = lens_district_ranking_get_nth (self->ranking, i);

      g_string_append_printf (csv, "%u,%.0f,%u\r\n", s->district, s->value, s->rank);
    }
  return g_string_free (csv, FALSE);
}
