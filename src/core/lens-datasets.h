/* lens-datasets.h: the City of Chicago portal datasets Reform Lens reads
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Field names are the API names (socrata-cpd.md §2). Schemas drift: the client still reads
 * the real names and types from X-SODA2-Fields/Types or the metadata at run time; these are
 * the names the app's queries use. */

/* Crimes - 2001 to Present (one row per incident) */
#define LENS_DATASET_CRIMES                       "ijzp-q8t2"
#define LENS_CRIMES_FIELD_ID                      "id"
#define LENS_CRIMES_FIELD_CASE_NUMBER             "case_number"
#define LENS_CRIMES_FIELD_DATE                    "date"                  /* floating timestamp */
#define LENS_CRIMES_FIELD_BLOCK                   "block"
#define LENS_CRIMES_FIELD_IUCR                    "iucr"
#define LENS_CRIMES_FIELD_PRIMARY_TYPE            "primary_type"
#define LENS_CRIMES_FIELD_DESCRIPTION             "description"
#define LENS_CRIMES_FIELD_LOCATION_DESCRIPTION    "location_description"
#define LENS_CRIMES_FIELD_ARREST                  "arrest"                /* checkbox */
#define LENS_CRIMES_FIELD_DOMESTIC                "domestic"              /* checkbox */
#define LENS_CRIMES_FIELD_BEAT                    "beat"                  /* "0511" */
#define LENS_CRIMES_FIELD_DISTRICT                "district"              /* "005" */
#define LENS_CRIMES_FIELD_WARD                    "ward"
#define LENS_CRIMES_FIELD_COMMUNITY_AREA          "community_area"
#define LENS_CRIMES_FIELD_FBI_CODE                "fbi_code"
#define LENS_CRIMES_FIELD_X_COORDINATE            "x_coordinate"
#define LENS_CRIMES_FIELD_Y_COORDINATE            "y_coordinate"
#define LENS_CRIMES_FIELD_YEAR                    "year"
#define LENS_CRIMES_FIELD_UPDATED_ON              "updated_on"
#define LENS_CRIMES_FIELD_LATITUDE                "latitude"
#define LENS_CRIMES_FIELD_LONGITUDE               "longitude"
#define LENS_CRIMES_FIELD_LOCATION                "location"              /* point */

/* COPA Cases - Summary (one row per case; multi-person fields joined with " | ") */
#define LENS_DATASET_COPA                         "mft5-nfa8"
#define LENS_COPA_FIELD_LOG_NO                    "log_no"
#define LENS_COPA_FIELD_COMPLAINT_DATE            "complaint_date"        /* floating timestamp */
#define LENS_COPA_FIELD_ASSIGNMENT                "assignment"            /* COPA, BIA, ... */
#define LENS_COPA_FIELD_CASE_TYPE                 "case_type"
#define LENS_COPA_FIELD_CURRENT_STATUS            "current_status"
#define LENS_COPA_FIELD_CURRENT_CATEGORY          "current_category"
#define LENS_COPA_FIELD_FINDING_CODE              "finding_code"
#define LENS_COPA_FIELD_POLICE_SHOOTING           "police_shooting"       /* "Yes"/"No" text */
#define LENS_COPA_FIELD_BEAT                      "beat"                  /* may be "332 | 1114" */
#define LENS_COPA_FIELD_RACE_OF_COMPLAINANTS      "race_of_complainants"
#define LENS_COPA_FIELD_SEX_OF_COMPLAINANTS       "sex_of_complainants"
#define LENS_COPA_FIELD_AGE_OF_COMPLAINANTS       "age_of_complainants"   /* bucketed text */
#define LENS_COPA_FIELD_RACE_OF_INVOLVED_OFFICERS "race_of_involved_officers"
#define LENS_COPA_FIELD_SEX_OF_INVOLVED_OFFICERS  "sex_of_involved_officers"
#define LENS_COPA_FIELD_AGE_OF_INVOLVED_OFFICERS  "age_of_involved_officers"
#define LENS_COPA_FIELD_YEARS_ON_FORCE_OF_INVOLVED_OFFICERS "years_on_force_of_involved_officers"
#define LENS_COPA_FIELD_COMPLAINT_HOUR            "complaint_hour"
#define LENS_COPA_FIELD_COMPLAINT_DAY             "complaint_day"         /* Sunday = 1 */
#define LENS_COPA_FIELD_COMPLAINT_MONTH           "complaint_month"

/* Arrests (adults only; one row per arrest) */
#define LENS_DATASET_ARRESTS                      "dpt3-jri9"
#define LENS_ARRESTS_FIELD_CB_NO                  "cb_no"
#define LENS_ARRESTS_FIELD_CASE_NUMBER            "case_number"
#define LENS_ARRESTS_FIELD_ARREST_DATE            "arrest_date"           /* floating timestamp */
#define LENS_ARRESTS_FIELD_RACE                   "race"
/* Charge @n (1..4, 1 the most severe), @part one of "statute", "description", "type", "class":
 * LENS_ARRESTS_FIELD_CHARGE (1, "type") is "charge_1_type". */
#define LENS_ARRESTS_FIELD_CHARGE(n, part)        "charge_" #n "_" part
/* The four charges joined with " | " */
#define LENS_ARRESTS_FIELD_CHARGES_STATUTE        "charges_statute"
#define LENS_ARRESTS_FIELD_CHARGES_DESCRIPTION    "charges_description"
#define LENS_ARRESTS_FIELD_CHARGES_TYPE           "charges_type"
#define LENS_ARRESTS_FIELD_CHARGES_CLASS          "charges_class"

/* Violence Reduction - Victims of Homicides and Non-Fatal Shootings (one row per
 * victimization; socrata-cpd.md §2.6) */
#define LENS_DATASET_VICTIMS                      "gumc-mgzr"
#define LENS_VICTIMS_FIELD_UNIQUE_ID              "unique_id"             /* row key */
#define LENS_VICTIMS_FIELD_CASE_NUMBER            "case_number"
#define LENS_VICTIMS_FIELD_DATE                   "date"                  /* floating timestamp */
#define LENS_VICTIMS_FIELD_VICTIMIZATION_PRIMARY  "victimization_primary" /* "HOMICIDE", ... */
#define LENS_VICTIMS_FIELD_INCIDENT_PRIMARY       "incident_primary"
#define LENS_VICTIMS_FIELD_GUNSHOT_INJURY         "gunshot_injury_i"      /* "YES"/"NO"/"UNKNOWN" */
#define LENS_VICTIMS_FIELD_DISTRICT               "district"
#define LENS_VICTIMS_FIELD_BEAT                   "beat"
#define LENS_VICTIMS_FIELD_AGE                    "age"                   /* bucketed text */
#define LENS_VICTIMS_FIELD_SEX                    "sex"
#define LENS_VICTIMS_FIELD_RACE                   "race"
#define LENS_VICTIMS_FIELD_UPDATED                "updated"

/* Police Stations (one row per district station, plus "Headquarters") */
#define LENS_DATASET_STATIONS                     "z8bn-74gv"
#define LENS_STATIONS_FIELD_DISTRICT              "district"              /* "5", not "005" */
#define LENS_STATIONS_FIELD_DISTRICT_NAME         "district_name"
#define LENS_STATIONS_FIELD_ADDRESS               "address"
#define LENS_STATIONS_FIELD_CITY                  "city"
#define LENS_STATIONS_FIELD_STATE                 "state"
#define LENS_STATIONS_FIELD_ZIP                   "zip"
#define LENS_STATIONS_FIELD_WEBSITE               "website"
#define LENS_STATIONS_FIELD_PHONE                 "phone"
#define LENS_STATIONS_FIELD_FAX                   "fax"
#define LENS_STATIONS_FIELD_TTY                   "tty"
#define LENS_STATIONS_FIELD_X_COORDINATE          "x_coordinate"
#define LENS_STATIONS_FIELD_Y_COORDINATE          "y_coordinate"
#define LENS_STATIONS_FIELD_LATITUDE              "latitude"
#define LENS_STATIONS_FIELD_LONGITUDE             "longitude"
#define LENS_STATIONS_FIELD_LOCATION              "location"

typedef enum
{
  LENS_DISTRICT_CODE_NONE,        /* the dataset has no district field */
  LENS_DISTRICT_CODE_PADDED,      /* zero-padded text: "005" (Crimes) */
  LENS_DISTRICT_CODE_PLAIN,       /* unpadded text: "5" (Police Stations) */
} LensDistrictCode;

typedef struct
{
  const char       *id;              /* "ijzp-q8t2" */
  const char       *name;            /* untranslated; show lens_dataset_get_display_name() */
  const char       *page_url;        /* the portal's page for people */
  const char       *date_field;      /* the main date field, NULL when there is none */
  const char       *district_field;  /* NULL when there is none */
  LensDistrictCode  district_code;   /* how @district_field writes a district */
  const char       *beat_field;      /* NULL when there is none */
  /* The latest days, counting the day of an update, that the data leave out: the last full
   * day is the update's day less this (lens-data-period.h). 7 for Crimes, which omits the
   * most recent seven days; 1 for a dataset whose day of update is not over yet. */
  guint             publication_lag_days;
} LensDataset;

guint              lens_datasets_get_count          (void);
const LensDataset *lens_datasets_get_nth            (guint              n);
/* NULL for an unknown id */
const LensDataset *lens_dataset_lookup              (const char        *id);
/* The dataset's name in the user's language */
const char        *lens_dataset_get_display_name    (const LensDataset *dataset);

G_END_DECLS
