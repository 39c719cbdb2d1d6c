/* lens-district-ranking.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-district-ranking"

#include "config.h"

#include <math.h>

#include "lens-district-ranking.h"
#include "lens-districts.h"
#include "lens-portal-error.h"

struct _LensDistrictRanking
{
  GArray  *standings;       /* LensDistrictStanding, one per district */
  double   unranked_total;  /* district 31, unknown and empty codes */
  gboolean sorted;
};

LensDistrictRanking *
lens_district_ranking_new (void)
{
  LensDistrictRanking *self = g_new0 (LensDistrictRanking, 1);
  guint n = lens_districts_get_count ();

  self->standings = g_array_sized_new (FALSE, TRUE, sizeof (LensDistrictStanding), n);
  for (guint i = 0; i < n; i++)
    {
      LensDistrictStanding standing = { lens_districts_get_nth (i)->number, 0, 0 };

      g_array_append_val (self->standings, standing);
    }

  return self;
}

void
lens_district_ranking_free (LensDistrictRanking *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->standings);
  g_free (self);
}

static LensDistrictStanding *
find (LensDistrictRanking *self,
      guint                district)
{
  for (guint i = 0; i < self->standings->len; i++)
    {
      LensDistrictStanding *standing = &g_array_index (self->standings, LensDistrictStanding, i);

      if (standing->district == district)
        return standing;
    }

  return NULL;
}

void
lens_district_ranking_add (LensDistrictRanking *self,
                           const char          *code,
                           double               value)
{
  const LensDistrict *district;
  LensDistrictStanding *standing;

  g_return_if_fail (self != NULL);

  district = lens_district_lookup (code);
  standing = district != NULL ? find (self, district->number) : NULL;
  if (standing == NULL)
    {
      self->unranked_total += value;
      return;
    }

  standing->value += value;
  self->sorted = FALSE;
}

static int
compare_standings (gconstpointer a,
                   gconstpointer b)
{
  const LensDistrictStanding *sa = a;
  const LensDistrictStanding *sb = b;

  if (sa->value != sb->value)
    return sa->value > sb->value ? -1 : 1;

  return (int) sa->district - (int) sb->district;
}

/* Standard competition ranking: tied values share the best rank and the next rank skips,
 * so a rank always says how many districts counted more, plus one. */
static void
ensure_sorted (LensDistrictRanking *self)
{
  if (self->sorted)
    return;

  g_array_sort (self->standings, compare_standings);
  for (guint i = 0; i < self->standings->len; i++)
    {
      LensDistrictStanding *standing = &g_array_index (self->standings, LensDistrictStanding, i);
      LensDistrictStanding *previous = i > 0 ? standing - 1 : NULL;

      if (previous != NULL && previous->value == standing->value)
        standing->rank = previous->rank;
      else
        standing->rank = i + 1;
    }
  self->sorted = TRUE;
}

guint
lens_district_ranking_get_n_ranked (LensDistrictRanking *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->standings->len;
}

const LensDistrictStanding *
lens_district_ranking_get_nth (LensDistrictRanking *self,
                               guint                n)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n < self->standings->len, NULL);

  ensure_sorted (self);
  return &g_array_index (self->standings, LensDistrictStanding, n);
}

const LensDistrictStanding *
lens_district_ranking_lookup (LensDistrictRanking *self,
                              guint                district)
{
  g_return_val_if_fail (self != NULL, NULL);

  ensure_sorted (self);
  return find (self, district);
}

guint
lens_district_ranking_count_tied (LensDistrictRanking        *self,
                                  const LensDistrictStanding *standing)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (standing != NULL, 0);

  ensure_sorted (self);
  for (guint i = 0; i < self->standings->len; i++)
    if (g_array_index (self->standings, LensDistrictStanding, i).rank == standing->rank)
      count++;

  return count;
}

double
lens_district_ranking_get_ranked_total (LensDistrictRanking *self)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->standings->len; i++)
    total += g_array_index (self->standings, LensDistrictStanding, i).value;

  return total;
}

double
lens_district_ranking_get_unranked_total (LensDistrictRanking *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->unranked_total;
}

LensSoql *
lens_district_ranking_build_query (const char *dataset_id,
                                   const char *district_column)
{
  g_autoptr(LensSoql) query = NULL;
  g_autofree char *select = NULL;

  g_return_val_if_fail (lens_soql_is_dataset_id (dataset_id), NULL);
  g_return_val_if_fail (district_column != NULL, NULL);

  query = lens_soql_new (dataset_id);
  select = g_strdup_printf ("%s AS " LENS_DISTRICT_RANKING_DISTRICT ", count(*) AS "
                            LENS_DISTRICT_RANKING_COUNT, district_column);
  lens_soql_set_select (query, select);
  lens_soql_set_group (query, district_column);
  /* A stable order, so the answer pages the same way and caches under one key */
  lens_soql_set_order (query, district_column);

  return g_steal_pointer (&query);
}

gboolean
lens_district_ranking_add_table (LensDistrictRanking *self,
                                 LensTable           *table,
                                 GError             **error)
{
  int district_column, count_column;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  district_column = lens_table_find_column (table, LENS_DISTRICT_RANKING_DISTRICT);
  count_column = lens_table_find_column (table, LENS_DISTRICT_RANKING_COUNT);
  if (district_column < 0 || count_column < 0)
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, LENS_DISTRICT_RANKING_COUNT);
      return FALSE;
    }

  for (guint row = 0; row < lens_table_get_n_rows (table); row++)
    {
      double value = lens_table_get_number (table, row, count_column);

      if (isnan (value))
        {
          lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, LENS_DISTRICT_RANKING_COUNT);
          return FALSE;
        }
      lens_district_ranking_add (self, lens_table_get_text (table, row, district_column), value);
    }

  return TRUE;
}
