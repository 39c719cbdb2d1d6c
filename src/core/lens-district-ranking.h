/* lens-district-ranking.h: where each of the 22 districts stands on one measure
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-soql.h"
#include "lens-table.h"

G_BEGIN_DECLS

typedef struct
{
  guint  district;   /* its number, one of the 22 */
  double value;      /* a count from the portal; 0 when the portal returned no row */
  guint  rank;       /* 1 = the most; ties share the best rank ("1, 2, 2, 4") */
} LensDistrictStanding;

typedef struct _LensDistrictRanking LensDistrictRanking;

/* Every one of the 22 districts starts at 0: a `$group=district` answer has no row for a
 * district with nothing to count. */
LensDistrictRanking        *lens_district_ranking_new          (void);
void                        lens_district_ranking_free         (LensDistrictRanking *self);
/* One row of a `$group=district` answer: @code as the portal spells it ("005", "5").
 * District 31, codes of no current district and empty codes are not ranked: they are
 * added up in lens_district_ranking_get_unranked_total(). Adding the same district twice
 * adds the values. */
void                        lens_district_ranking_add          (LensDistrictRanking *self,
                                                                const char          *code,
                                                                double               value);
/* The 22 standings, highest value first; equal values in district number order */
guint                       lens_district_ranking_get_n_ranked (LensDistrictRanking *self);
const LensDistrictStanding *lens_district_ranking_get_nth      (LensDistrictRanking *self,
                                                                guint                n);
/* NULL when @district is not one of the 22 */
const LensDistrictStanding *lens_district_ranking_lookup       (LensDistrictRanking *self,
                                                                guint                district);
/* The number of districts sharing @standing's rank (1 when it is not tied) */
guint                       lens_district_ranking_count_tied   (LensDistrictRanking *self,
                                                                const LensDistrictStanding *standing);
/* The column names of the query's answer */
#define LENS_DISTRICT_RANKING_DISTRICT "district"
#define LENS_DISTRICT_RANKING_COUNT    "n"

/* All the districts in one request, counted on the portal: `$select=<column> AS district,
 * count(*) AS n`, `$group=<column>`. The caller adds the measure's and the period's $where. */
LensSoql                   *lens_district_ranking_build_query  (const char          *dataset_id,
                                                                const char          *district_column);
/* Adds every row of the query's answer; FALSE (and an error) when it has not the two
 * columns: the cache keeps its older copy. */
gboolean                    lens_district_ranking_add_table    (LensDistrictRanking *self,
                                                                LensTable           *table,
                                                                GError             **error);
double                      lens_district_ranking_get_ranked_total   (LensDistrictRanking *self);
double                      lens_district_ranking_get_unranked_total (LensDistrictRanking *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensDistrictRanking, lens_district_ranking_free)

G_END_DECLS
