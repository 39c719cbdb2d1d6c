/* lens-datasets.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-datasets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lens-datasets.h"

#define PORTAL_PAGE(id) "https://data.cityofchicago.org/d/" id

/* Facts from socrata-cpd.md §1 and §2: the portal names, the fields each dataset is dated
 * and placed by, and how many days its data lag behind an update. */
static const LensDataset datasets[] = {
  {
    .id = LENS_DATASET_CRIMES,
    /* Translators: the name of a dataset on the City of Chicago data portal */
    .name = N_("Crimes - 2001 to Present"),
    .page_url = PORTAL_PAGE (LENS_DATASET_CRIMES),
    .date_field = LENS_CRIMES_FIELD_DATE,
    .district_field = LENS_CRIMES_FIELD_DISTRICT,
    .district_code = LENS_DISTRICT_CODE_PADDED,
    .beat_field = LENS_CRIMES_FIELD_BEAT,
    /* "Coverage 2001-01-01 -> present minus 7 days" (socrata-cpd.md §1, §8) */
    .publication_lag_days = 7,
  },
  {
    .id = LENS_DATASET_COPA,
    /* Translators: the name of a dataset on the City of Chicago data portal */
    .name = N_("COPA Cases - Summary"),
    .page_url = PORTAL_PAGE (LENS_DATASET_COPA),
    .date_field = LENS_COPA_FIELD_COMPLAINT_DATE,
    /* COPA has no district: it is derived from the beat (lens_district_from_beat()) */
    .district_field = NULL,
    .district_code = LENS_DISTRICT_CODE_NONE,
    .beat_field = LENS_COPA_FIELD_BEAT,
    /* No lag is published: only the day of an update is incomplete. */
    .publication_lag_days = 1,
  },
  {
    .id = LENS_DATASET_ARRESTS,
    /* Translators: the name of a dataset on the City of Chicago data portal */
    .name = N_("Arrests"),
    .page_url = PORTAL_PAGE (LENS_DATASET_ARRESTS),
    .date_field = LENS_ARRESTS_FIELD_ARREST_DATE,
    .district_field = NULL,
    .district_code = LENS_DISTRICT_CODE_NONE,
    .beat_field = NULL,
    /* Updated daily; no lag is published: only the day of an update is incomplete. */
    .publication_lag_days = 1,
  },
  {
    .id = LENS_DATASET_VICTIMS,
    /* Translators: the name of a dataset on the City of Chicago data portal */
    .name = N_("Violence Reduction - Victims of Homicides and Non-Fatal Shootings"),
    .page_url = PORTAL_PAGE (LENS_DATASET_VICTIMS),
    .date_field = LENS_VICTIMS_FIELD_DATE,
    .district_field = LENS_VICTIMS_FIELD_DISTRICT,
    /* As in Crimes, which it is drawn from; not captured offline (socrata-cpd.md §2.6 lists
     * the field, not its values). */
    .district_code = LENS_DISTRICT_CODE_PADDED,
    .beat_field = LENS_VICTIMS_FIELD_BEAT,
    /* "Excludes the most recent day" (socrata-cpd.md §1): the day of an update and the day
     * before it are missing. */
    .publication_lag_days = 2,
  },
  {
    .id = LENS_DATASET_STATIONS,
    /* Translators: the name of a dataset on the City of Chicago data portal */
    .name = N_("Police Stations"),
    .page_url = PORTAL_PAGE (LENS_DATASET_STATIONS),
    .date_field = NULL,
    .district_field = LENS_STATIONS_FIELD_DISTRICT,
    .district_code = LENS_DISTRICT_CODE_PLAIN,
    .beat_field = NULL,
    /* No dates: no periods. */
    .publication_lag_days = 0,
  },
};

guint
lens_datasets_get_count (void)
{
  return G_N_ELEMENTS (datasets);
}

const LensDataset *
lens_datasets_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (datasets), NULL);

  return &datasets[n];
}

const LensDataset *
lens_dataset_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    if (g_str_equal (datasets[i].id, id))
      return &datasets[i];

  return NULL;
}

const char *
lens_dataset_get_display_name (const LensDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  return _(dataset->name);
}
