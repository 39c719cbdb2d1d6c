/* lens-fake-data.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-fake-data"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "lens-fake-data.h"

/* A SYNTHETIC stand-in for the City's datasets. Every number below comes from a hash of the
 * seed (and of the filters and groups of the query), scaled to plausible magnitudes so the
 * charts look like charts; none of it is City data. The model:
 *
 *   count(filters, months) = Σ over months in range of
 *                              per_month(year, month) × overlap × noise(filters, month)
 *                            × Π share(filter)
 *
 * so a year is the sum of its months, and a grouped row equals the same query filtered on the
 * group's values. Shares come from fixed weights (offence types) or from the hash (districts,
 * beats, categories). Unaggregated queries page through a fixed list of synthetic rows. */

#define FIRST_YEAR   2019
#define N_MONTHS     87     /* January 2019 .. March 2026 */
#define SYNTHETIC_ID_BASE 90000000

typedef enum
{
  KIND_TEXT,
  KIND_NUMBER,
  KIND_DATE,
  KIND_BOOL,
  KIND_POINT,
} Kind;

typedef enum
{
  SPECIAL_NONE,
  SPECIAL_DISTRICT,
  SPECIAL_BEAT,
  SPECIAL_YEAR,
  SPECIAL_RANGE,     /* "1".."N" */
  SPECIAL_OPEN,      /* no known domain: "SYNTHETIC 1".."SYNTHETIC 6" */
  SPECIAL_MULTI_BEAT,/* COPA's beat: "332", "332 | 1114", or null (see multi_beats_get()) */
} Special;

typedef struct
{
  const char *value;
  double      weight;  /* 0: from the hash */
} Choice;

typedef struct
{
  const char   *name;
  Kind          kind;
  const char   *display;
  Special       special;
  const Choice *domain;     /* NULL-terminated */
  int           range_max;  /* SPECIAL_RANGE */
  double        p_true;     /* KIND_BOOL: base share of true */
} Column;

typedef struct
{
  const char   *id;
  const char   *name;
  const char   *date_column;  /* NULL: no time dimension */
  double        per_year;
  double        season;       /* amplitude of the summer peak */
  const Column *columns;
  guint         lag_days;     /* latest days an update leaves out, counting its own day */
  const LensFakeField *unfilled;  /* fields of the real schema the generator leaves empty */
} Dataset;

/* Domains. Values use the portal's spelling; weights are synthetic. */

static const Choice districts[] = {
  { "001", 0 }, { "002", 0 }, { "003", 0 }, { "004", 0 }, { "005", 0 }, { "006", 0 },
  { "007", 0 }, { "008", 0 }, { "009", 0 }, { "010", 0 }, { "011", 0 }, { "012", 0 },
  { "014", 0 }, { "015", 0 }, { "016", 0 }, { "017", 0 }, { "018", 0 }, { "019", 0 },
  { "020", 0 }, { "022", 0 }, { "024", 0 }, { "025", 0 }, { NULL, 0 }
};

/* Station names are the districts' public names; everything else about a station is left out. */
static const char *station_names[] = {
  "Central", "Wentworth", "Grand Crossing", "South Chicago", "Calumet", "Gresham",
  "Englewood", "Chicago Lawn", "Deering", "Ogden", "Harrison", "Near West",
  "Shakespeare", "Austin", "Jefferson Park", "Albany Park", "Near North", "Town Hall",
  "Lincoln", "Morgan Park", "Rogers Park", "Grand Central",
};

static const Choice primary_types[] = {
  { "THEFT", 22 }, { "BATTERY", 18 }, { "CRIMINAL DAMAGE", 11 }, { "ASSAULT", 9 },
  { "MOTOR VEHICLE THEFT", 8 }, { "DECEPTIVE PRACTICE", 7 }, { "OTHER OFFENSE", 6.5 },
  { "ROBBERY", 4 }, { "BURGLARY", 3.5 }, { "WEAPONS VIOLATION", 3.5 }, { "NARCOTICS", 2.5 },
  { "CRIMINAL TRESPASS", 2 }, { "OFFENSE INVOLVING CHILDREN", 0.9 },
  /* Synthetic: the portal spells this crime both ways (CRIM SEXUAL ASSAULT through about
   * 2018): neither spelling alone is in the top ten offences, the two together are. */
  { "CRIMINAL SEXUAL ASSAULT", 2.0 }, { "CRIM SEXUAL ASSAULT", 2.0 }, { "SEX OFFENSE", 0.6 }, { "PUBLIC PEACE VIOLATION", 0.5 },
  { "INTERFERENCE WITH PUBLIC OFFICER", 0.4 }, { "HOMICIDE", 0.3 }, { "STALKING", 0.2 },
  { "ARSON", 0.2 }, { "CONCEALED CARRY LICENSE VIOLATION", 0.1 }, { "PROSTITUTION", 0.05 },
  { "LIQUOR LAW VIOLATION", 0.05 }, { "INTIMIDATION", 0.05 }, { "KIDNAPPING", 0.05 },
  { "OBSCENITY", 0.02 }, { "GAMBLING", 0.01 }, { "HUMAN TRAFFICKING", 0.01 },
  { "PUBLIC INDECENCY", 0.01 }, { "NON-CRIMINAL", 0.01 }, { NULL, 0 }
};

static const Choice crime_descriptions[] = {
  { "SIMPLE", 0 }, { "$500 AND UNDER", 0 }, { "OVER $500", 0 }, { "DOMESTIC BATTERY SIMPLE", 0 },
  { "TO VEHICLE", 0 }, { "TO PROPERTY", 0 }, { "RETAIL THEFT", 0 }, { "AUTOMOBILE", 0 },
  { "ARMED - HANDGUN", 0 }, { "UNLAWFUL POSS OF HANDGUN", 0 }, { NULL, 0 }
};

static const Choice location_descriptions[] = {
  { "STREET", 0 }, { "RESIDENCE", 0 }, { "APARTMENT", 0 }, { "SIDEWALK", 0 },
  { "PARKING LOT / GARAGE (NON RESIDENTIAL)", 0 }, { "SMALL RETAIL STORE", 0 },
  { "RESTAURANT", 0 }, { "ALLEY", 0 }, { "VEHICLE NON-COMMERCIAL", 0 }, { "OTHER", 0 },
  { NULL, 0 }
};

static const Choice fbi_codes[] = {
  { "06", 0 }, { "08B", 0 }, { "14", 0 }, { "26", 0 }, { "08A", 0 }, { "07", 0 }, { "04B", 0 },
  { "11", 0 }, { "05", 0 }, { "03", 0 }, { "15", 0 }, { "18", 0 }, { "01A", 0 }, { "02", 0 },
  { "04A", 0 }, { "09", 0 }, { NULL, 0 }
};

static const Choice copa_categories[] = {
  { "Excessive Force", 0 }, { "Improper Search And Seizure", 0 }, { "Verbal Abuse", 0 },
  { "Unnecessary Display Of Weapon", 0 }, { "Illegal Arrest", 0 }, { "Domestic Violence", 0 },
  { "Operations/Personnel Violations", 0 }, { "Coercion", 0 }, { "Taser Discharge", 0 },
  { "Firearm Discharge", 0 }, { "First Amendment", 0 }, { "Bias-Based Verbal Abuse", 0 },
  { "Death Or Injury In Custody", 0 }, { "Miscellaneous", 0 }, { NULL, 0 }
};

static const Choice finding_codes[] = {
  { "Sustained", 10 }, { "Not Sustained", 30 }, { "Unfounded", 18 }, { "Exonerated", 12 },
  { "No Affidavit", 22 }, { "No Finding", 8 }, { NULL, 0 }
};

static const Choice copa_statuses[] = {
  { "Closed", 70 }, { "Pending Investigation", 22 }, { "Pending Review", 8 }, { NULL, 0 }
};

static const Choice copa_case_types[] = {
  { "Complaint", 80 }, { "Notification", 15 }, { "Miscellaneous", 5 }, { NULL, 0 }
};

static const Choice copa_assignments[] = {
  { "COPA", 55 }, { "BIA", 45 }, { NULL, 0 }
};

static const Choice yes_no[] = {
  { "Yes", 2 }, { "No", 98 }, { NULL, 0 }
};

static const Choice races[] = {
  { "African American / Black", 0 }, { "White", 0 }, { "Hispanic", 0 },
  { "Asian or Pacific Islander", 0 }, { "American Indian or Alaskan Native", 0 },
  { "Unknown", 0 }, { NULL, 0 }
};

static const Choice sexes[] = {
  { "Male", 0 }, { "Female", 0 }, { "Unknown", 0 }, { NULL, 0 }
};

static const Choice age_buckets[] = {
  { "Under 20", 0 }, { "20-29", 0 }, { "30-39", 0 }, { "40-49", 0 }, { "50-59", 0 },
  { "60+", 0 }, { "Unknown", 0 }, { NULL, 0 }
};

static const Choice years_on_force[] = {
  { "0-4", 0 }, { "5-9", 0 }, { "10-14", 0 }, { "15-19", 0 }, { "20-24", 0 }, { "25+", 0 },
  { NULL, 0 }
};

static const Choice arrest_races[] = {
  { "BLACK", 0 }, { "WHITE HISPANIC", 0 }, { "WHITE", 0 }, { "BLACK HISPANIC", 0 },
  { "ASIAN / PACIFIC ISLANDER", 0 }, { "AMERICAN INDIAN / ALASKAN NATIVE", 0 },
  { "UNKNOWN", 0 }, { NULL, 0 }
};

/* Illinois' classes (730 ILCS 5/5-4.5): felonies X and 1-4, misdemeanors A-C */
static const Choice charge_classes[] = {
  { "X", 0 }, { "1", 0 }, { "2", 0 }, { "3", 0 }, { "4", 0 },
  { "A", 0 }, { "B", 0 }, { "C", 0 }, { NULL, 0 }
};

static const Choice charge_types[] = {
  { "M", 0 }, { "F", 0 }, { "L", 0 }, { NULL, 0 }
};

/* Victims of Homicides and Non-Fatal Shootings (gumc-mgzr); codes as on the Violence Reduction
 * Dashboard, weights synthetic. */
static const Choice victimizations[] = {
  { "HOMICIDE", 12 }, { "BATTERY", 70 }, { "ROBBERY", 9 }, { "ASSAULT", 6 },
  { "CRIMINAL SEXUAL ASSAULT", 3 }, { NULL, 0 }
};

static const Choice gunshot_injuries[] = {
  { "YES", 90 }, { "NO", 8 }, { "UNKNOWN", 2 }, { NULL, 0 }
};

static const Choice victim_ages[] = {
  { "0-19", 0 }, { "20-29", 0 }, { "30-39", 0 }, { "40-49", 0 }, { "50-59", 0 },
  { "60-69", 0 }, { "70-79", 0 }, { "80+", 0 }, { "UNKNOWN", 0 }, { NULL, 0 }
};

static const Choice victim_sexes[] = {
  { "M", 86 }, { "F", 13 }, { "UNKNOWN", 1 }, { NULL, 0 }
};

static const Choice victim_races[] = {
  { "BLK", 0 }, { "WHI", 0 }, { "WWH", 0 }, { "WBH", 0 }, { "API", 0 }, { "I", 0 },
  { "UNKNOWN", 0 }, { NULL, 0 }
};

#define TEXT(n, d)          { n, KIND_TEXT, d, SPECIAL_OPEN, NULL, 0, 0 }
#define CHOICE(n, d, list)  { n, KIND_TEXT, d, SPECIAL_NONE, list, 0, 0 }
#define NUMBER(n, d)        { n, KIND_NUMBER, d, SPECIAL_OPEN, NULL, 0, 0 }
#define RANGE(n, k, d, max) { n, k, d, SPECIAL_RANGE, NULL, max, 0 }
#define DATE(n, d)          { n, KIND_DATE, d, SPECIAL_NONE, NULL, 0, 0 }
#define BOOL(n, d, p)       { n, KIND_BOOL, d, SPECIAL_NONE, NULL, 0, p }

static const Column crime_columns[] = {
  NUMBER ("id", "ID"),
  TEXT ("case_number", "Case Number"),
  DATE ("date", "Date"),
  TEXT ("block", "Block"),
  TEXT ("iucr", "IUCR"),
  CHOICE ("primary_type", "Primary Type", primary_types),
  CHOICE ("description", "Description", crime_descriptions),
  CHOICE ("location_description", "Location Description", location_descriptions),
  BOOL ("arrest", "Arrest", 0.15),
  BOOL ("domestic", "Domestic", 0.17),
  { "beat", KIND_TEXT, "Beat", SPECIAL_BEAT, NULL, 0, 0 },
  { "district", KIND_TEXT, "District", SPECIAL_DISTRICT, districts, 0, 0 },
  RANGE ("ward", KIND_NUMBER, "Ward", 50),
  RANGE ("community_area", KIND_TEXT, "Community Area", 77),
  CHOICE ("fbi_code", "FBI Code", fbi_codes),
  NUMBER ("x_coordinate", "X Coordinate"),
  NUMBER ("y_coordinate", "Y Coordinate"),
  { "year", KIND_NUMBER, "Year", SPECIAL_YEAR, NULL, 0, 0 },
  DATE ("updated_on", "Updated On"),
  NUMBER ("latitude", "Latitude"),
  NUMBER ("longitude", "Longitude"),
  { "location", KIND_POINT, "Location", SPECIAL_OPEN, NULL, 0, 0 },
  { NULL }
};

static const Column copa_columns[] = {
  TEXT ("log_no", "LOG_NO"),
  DATE ("complaint_date", "COMPLAINT_DATE"),
  CHOICE ("assignment", "ASSIGNMENT", copa_assignments),
  CHOICE ("case_type", "CASE_TYPE", copa_case_types),
  CHOICE ("current_status", "CURRENT_STATUS", copa_statuses),
  CHOICE ("current_category", "CURRENT_CATEGORY", copa_categories),
  CHOICE ("finding_code", "FINDING_CODE", finding_codes),
  CHOICE ("police_shooting", "POLICE_SHOOTING", yes_no),
  { "beat", KIND_TEXT, "BEAT", SPECIAL_MULTI_BEAT, NULL, 0, 0 },
  CHOICE ("race_of_complainants", "RACE_OF_COMPLAINANTS", races),
  CHOICE ("sex_of_complainants", "SEX_OF_COMPLAINANTS", sexes),
  CHOICE ("age_of_complainants", "AGE_OF_COMPLAINANTS", age_buckets),
  CHOICE ("race_of_involved_officers", "RACE_OF_INVOLVED_OFFICERS", races),
  CHOICE ("sex_of_involved_officers", "SEX_OF_INVOLVED_OFFICERS", sexes),
  CHOICE ("age_of_involved_officers", "AGE_OF_INVOLVED_OFFICERS", age_buckets),
  CHOICE ("years_on_force_of_involved_officers", "YEARS_ON_FORCE_OF_INVOLVED_OFFICERS", years_on_force),
  RANGE ("complaint_hour", KIND_NUMBER, "COMPLAINT_HOUR", 24),
  RANGE ("complaint_day", KIND_NUMBER, "COMPLAINT_DAY", 7),
  RANGE ("complaint_month", KIND_NUMBER, "COMPLAINT_MONTH", 12),
  { NULL }
};

static const Column arrest_columns[] = {
  NUMBER ("cb_no", "CB_NO"),
  TEXT ("case_number", "CASE NUMBER"),
  DATE ("arrest_date", "ARREST DATE"),
  CHOICE ("race", "RACE", arrest_races),
  TEXT ("charge_1_statute", "CHARGE 1 STATUTE"),
  TEXT ("charge_1_description", "CHARGE 1 DESCRIPTION"),
  CHOICE ("charge_1_type", "CHARGE 1 TYPE", charge_types),
  CHOICE ("charge_1_class", "CHARGE 1 CLASS", charge_classes),
  TEXT ("charge_2_statute", "CHARGE 2 STATUTE"),
  TEXT ("charge_2_description", "CHARGE 2 DESCRIPTION"),
  CHOICE ("charge_2_type", "CHARGE 2 TYPE", charge_types),
  CHOICE ("charge_2_class", "CHARGE 2 CLASS", charge_classes),
  TEXT ("charge_3_statute", "CHARGE 3 STATUTE"),
  TEXT ("charge_3_description", "CHARGE 3 DESCRIPTION"),
  CHOICE ("charge_3_type", "CHARGE 3 TYPE", charge_types),
  CHOICE ("charge_3_class", "CHARGE 3 CLASS", charge_classes),
  TEXT ("charge_4_statute", "CHARGE 4 STATUTE"),
  TEXT ("charge_4_description", "CHARGE 4 DESCRIPTION"),
  CHOICE ("charge_4_type", "CHARGE 4 TYPE", charge_types),
  CHOICE ("charge_4_class", "CHARGE 4 CLASS", charge_classes),
  TEXT ("charges_statute", "CHARGES STATUTE"),
  TEXT ("charges_description", "CHARGES DESCRIPTION"),
  TEXT ("charges_type", "CHARGES TYPE"),
  TEXT ("charges_class", "CHARGES CLASS"),
  { NULL }
};

static const Column victim_columns[] = {
  TEXT ("case_number", "CASE_NUMBER"),
  DATE ("date", "DATE"),
  TEXT ("block", "BLOCK"),
  CHOICE ("victimization_primary", "VICTIMIZATION_PRIMARY", victimizations),
  CHOICE ("incident_primary", "INCIDENT_PRIMARY", victimizations),
  CHOICE ("gunshot_injury_i", "GUNSHOT_INJURY_I", gunshot_injuries),
  TEXT ("unique_id", "UNIQUE_ID"),
  TEXT ("zip_code", "ZIP_CODE"),
  RANGE ("ward", KIND_NUMBER, "WARD", 50),
  TEXT ("community_area", "COMMUNITY_AREA"),
  TEXT ("street_outreach_organization", "STREET_OUTREACH_ORGANIZATION"),
  TEXT ("area", "AREA"),
  { "district", KIND_TEXT, "DISTRICT", SPECIAL_DISTRICT, districts, 0, 0 },
  { "beat", KIND_TEXT, "BEAT", SPECIAL_BEAT, NULL, 0, 0 },
  CHOICE ("age", "AGE", victim_ages),
  CHOICE ("sex", "SEX", victim_sexes),
  CHOICE ("race", "RACE", victim_races),
  TEXT ("victimization_fbi_cd", "VICTIMIZATION_FBI_CD"),
  TEXT ("incident_fbi_cd", "INCIDENT_FBI_CD"),
  TEXT ("victimization_fbi_descr", "VICTIMIZATION_FBI_DESCR"),
  TEXT ("incident_fbi_descr", "INCIDENT_FBI_DESCR"),
  TEXT ("victimization_iucr_cd", "VICTIMIZATION_IUCR_CD"),
  TEXT ("incident_iucr_cd", "INCIDENT_IUCR_CD"),
  TEXT ("victimization_iucr_secondary", "VICTIMIZATION_IUCR_SECONDARY"),
  TEXT ("incident_iucr_secondary", "INCIDENT_IUCR_SECONDARY"),
  TEXT ("homicide_victim_first_name", "HOMICIDE_VICTIM_FIRST_NAME"),
  TEXT ("homicide_victim_mi", "HOMICIDE_VICTIM_MI"),
  TEXT ("homicide_victim_last_name", "HOMICIDE_VICTIM_LAST_NAME"),
  RANGE ("month", KIND_NUMBER, "MONTH", 12),
  RANGE ("day_of_week", KIND_NUMBER, "DAY_OF_WEEK", 7),
  RANGE ("hour", KIND_NUMBER, "HOUR", 24),
  TEXT ("location_description", "LOCATION_DESCRIPTION"),
  TEXT ("state_house_district", "STATE_HOUSE_DISTRICT"),
  TEXT ("state_senate_district", "STATE_SENATE_DISTRICT"),
  DATE ("updated", "UPDATED"),
  NUMBER ("latitude", "LATITUDE"),
  NUMBER ("longitude", "LONGITUDE"),
  { "location", KIND_POINT, "LOCATION", SPECIAL_OPEN, NULL, 0, 0 },
  { NULL }
};

static const Column station_columns[] = {
  TEXT ("district", "DISTRICT"),
  TEXT ("district_name", "DISTRICT NAME"),
  TEXT ("address", "ADDRESS"),
  TEXT ("city", "CITY"),
  TEXT ("state", "STATE"),
  TEXT ("zip", "ZIP"),
  TEXT ("website", "WEBSITE"),
  TEXT ("phone", "PHONE"),
  TEXT ("fax", "FAX"),
  TEXT ("tty", "TTY"),
  NUMBER ("x_coordinate", "X COORDINATE"),
  NUMBER ("y_coordinate", "Y COORDINATE"),
  NUMBER ("latitude", "LATITUDE"),
  NUMBER ("longitude", "LONGITUDE"),
  { "location", KIND_POINT, "LOCATION", SPECIAL_OPEN, NULL, 0, 0 },
  { NULL }
};

/* Fields of the real schema the generator leaves empty: the parts of Crimes' location and its
 * computed regions (socrata-cpd.md §2.1). */
static const LensFakeField crime_unfilled_fields[] = {
  { "location_address", "text" },
  { "location_city", "text" },
  { "location_state", "text" },
  { "location_zip", "text" },
  { ":@computed_region_d9mm_jgwp", "number" },
  { ":@computed_region_d3ds_rm58", "number" },
  { ":@computed_region_vrxf_vc4k", "number" },
  { ":@computed_region_43wa_7qmu", "number" },
  { ":@computed_region_8hcu_yrd4", "number" },
  { ":@computed_region_awaf_s7ux", "number" },
  { ":@computed_region_bdys_3d7i", "number" },
  { ":@computed_region_6mkv_f3dw", "number" },
  { ":@computed_region_rpca_8um6", "number" },
  { NULL, NULL }
};

static const LensFakeField no_fields[] = { { NULL, NULL } };

static const Dataset datasets[] = {
  /* Like the City's Crimes, the most recent seven days are left out. */
  { "ijzp-q8t2", "Crimes - 2001 to Present", "date", 235000, 0.12, crime_columns, 7,
    crime_unfilled_fields },
  { "mft5-nfa8", "COPA Cases - Summary", "complaint_date", 4800, 0.05, copa_columns, 1, no_fields },
  { "dpt3-jri9", "Arrests", "arrest_date", 42000, 0.08, arrest_columns, 1, no_fields },
  /* Like the City's, the day of an update and the most recent day before it are left out. */
  { "gumc-mgzr", "Violence Reduction - Victims of Homicides and Non-Fatal Shootings", "date", 3400,
    0.25, victim_columns, 2, no_fields },
  { "z8bn-74gv", "Police Stations", NULL, 23, 0, station_columns, 0, no_fields },
};

/* Pseudo-columns for date functions that are not month-based. */
static const Column dow_column = RANGE ("date_extract_dow", KIND_NUMBER, "Day of week", 7);
static const Column hour_column = RANGE ("date_extract_hh", KIND_NUMBER, "Hour", 24);

void
lens_fake_response_clear (LensFakeResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->fields, g_free);
  g_clear_pointer (&response->types, g_free);
  response->status = 0;
}

/* Hashing: FNV-1a over a formatted string, then SplitMix64 with the seed. */

static guint64
mix64 (guint64 z)
{
  z += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double hashf (guint32 seed, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* A number in [0, 1) that depends only on the seed and the text. */
static double
hashf (guint32     seed,
       const char *format,
       ...)
{
  char buf[1024];
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  va_list args;

  va_start (args, format);
  g_vsnprintf (buf, sizeof buf, format, args);
  va_end (args);

  for (const char *p = buf; *p; p++)
    {
      h ^= (guchar) *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  h = mix64 (h ^ mix64 (seed));

  return (h >> 11) * (1.0 / 9007199254740992.0);
}

static const Dataset *
find_dataset (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    if (g_strcmp0 (datasets[i].id, id) == 0)
      return &datasets[i];
  return NULL;
}

static const Column *
find_column (const Dataset *ds,
             const char    *name)
{
  for (const Column *c = ds->columns; c->name != NULL; c++)
    if (g_ascii_strcasecmp (c->name, name) == 0)
      return c;
  return NULL;
}

/* COPA's beat column. The real field holds unpadded beats ("332", "1114"), several beats of
 * one case joined by " | " ("332 | 1114"), or nothing (socrata-cpd.md §2.2, §8). The synthetic
 * domain, fixed for a seed: every beat of every district alone (87% of the cases), pairs and
 * a few triples of beats (7%; a third of them within one district), a retired district's beat
 * alone or with a real one (1%), and no beat (5%, the key left out; "" in the domain). */

#define N_MULTI_BEATS 36

typedef struct
{
  GPtrArray  *values;  /* char *, in a fixed order; "" is the null */
  GHashTable *shares;  /* value -> double *, summing to 1 */
} MultiBeats;

G_LOCK_DEFINE_STATIC (multi_beats);

static void
multi_beats_add (MultiBeats *mb,
                 const char *value,
                 double      weight)
{
  double *share;

  if (g_hash_table_contains (mb->shares, value))
    return;
  share = g_new (double, 1);
  *share = weight;
  g_ptr_array_add (mb->values, g_strdup (value));
  g_hash_table_insert (mb->shares, g_strdup (value), share);
}

/* Scales the weights of values [@first, end) to sum to @total. */
static void
multi_beats_scale (MultiBeats *mb,
                   guint       first,
                   double      total)
{
  double sum = 0;

  for (guint i = first; i < mb->values->len; i++)
    sum += *(double *) g_hash_table_lookup (mb->shares, g_ptr_array_index (mb->values, i));
  for (guint i = first; i < mb->values->len; i++)
    *(double *) g_hash_table_lookup (mb->shares, g_ptr_array_index (mb->values, i)) *= total / sum;
}

static MultiBeats *
multi_beats_new (guint32 seed)
{
  MultiBeats *mb = g_new0 (MultiBeats, 1);
  g_autoptr(GPtrArray) singles = g_ptr_array_new_with_free_func (g_free);
  guint first;

  mb->values = g_ptr_array_new_with_free_func (g_free);
  mb->shares = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint d = 0; districts[d].value != NULL; d++)
    for (guint sector = 1; sector <= 3; sector++)
      for (guint b = 1; b <= 4; b++)
        g_ptr_array_add (singles, g_strdup_printf ("%d%u%u", atoi (districts[d].value), sector, b));

  for (guint i = 0; i < singles->len; i++)
    {
      const char *beat = g_ptr_array_index (singles, i);

      multi_beats_add (mb, beat, 0.6 + 0.8 * hashf (seed, "weight|copa-beat|%s", beat));
    }
  multi_beats_scale (mb, 0, 0.87);

  first = mb->values->len;
  for (guint k = 0; k < N_MULTI_BEATS; k++)
    {
      guint a = (guint) (hashf (seed, "multi-beat|a|%u", k) * singles->len);
      guint b = (guint) (hashf (seed, "multi-beat|b|%u", k) * singles->len);
      g_autofree char *value = NULL;

      /* A third within one district: the same district, another beat. */
      if (k % 3 == 0)
        b = a - a % 12 + (a % 12 + 1 + b % 11) % 12;
      if (a == b)
        b = (b + 12) % singles->len;

      if (k % 9 == 8)
        value = g_strdup_printf ("%s | %s | %s", (char *) g_ptr_array_index (singles, a),
                                 (char *) g_ptr_array_index (singles, b),
                                 (char *) g_ptr_array_index (singles, (a + 40) % singles->len));
      else
        value = g_strdup_printf ("%s | %s", (char *) g_ptr_array_index (singles, a),
                                 (char *) g_ptr_array_index (singles, b));
      multi_beats_add (mb, value, 0.6 + 0.8 * hashf (seed, "weight|copa-beat|%s", value));
    }
  multi_beats_scale (mb, first, 0.07);

  /* District 13 was merged into others in 2012: its beats belong to no district now. */
  first = mb->values->len;
  multi_beats_add (mb, "1311", 1);
  multi_beats_add (mb, "1312 | 1111", 1);
  multi_beats_scale (mb, first, 0.01);

  first = mb->values->len;
  multi_beats_add (mb, "", 1);
  multi_beats_scale (mb, first, 0.05);

  return mb;
}

/* The model of @seed, built once and kept for the process (the tests use a handful of seeds). */
static MultiBeats *
multi_beats_get (guint32 seed)
{
  static GHashTable *cache;
  MultiBeats *mb;

  G_LOCK (multi_beats);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  mb = g_hash_table_lookup (cache, GUINT_TO_POINTER (seed));
  if (mb == NULL)
    {
      mb = multi_beats_new (seed);
      g_hash_table_insert (cache, GUINT_TO_POINTER (seed), mb);
    }
  G_UNLOCK (multi_beats);

  return mb;
}

static double
multi_beat_share (guint32     seed,
                  const char *value)
{
  double *share = g_hash_table_lookup (multi_beats_get (seed)->shares, value);

  return share != NULL ? *share : 0;
}

/* TRUE when one of the beats of @value lies in district @district (1..25): the rule the
 * app's documentation states, computed here independently of the app's code. */
static gboolean
multi_beat_in_district (const char *value,
                        guint       district)
{
  g_auto(GStrv) beats = g_strsplit (value, "|", -1);

  for (guint i = 0; beats[i] != NULL; i++)
    {
      int beat = atoi (g_strstrip (beats[i]));

      if (beat <= 0 || beat % 100 == 0 || (guint) (beat / 100) != district)
        continue;
      for (guint d = 0; districts[d].value != NULL; d++)
        if ((guint) atoi (districts[d].value) == district)
          return TRUE;
    }

  return FALSE;
}

/* Domains as string arrays (built per call; small). */

static GPtrArray *
column_domain (guint32       seed,
               const Column *col)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  switch (col->special)
    {
    case SPECIAL_MULTI_BEAT:
      {
        MultiBeats *mb = multi_beats_get (seed);

        for (guint i = 0; i < mb->values->len; i++)
          g_ptr_array_add (values, g_strdup (g_ptr_array_index (mb->values, i)));
      }
      break;

    case SPECIAL_BEAT:
      /* Beats are DDSB: district, sector 1-3, beat 1-4. */
      for (guint d = 0; districts[d].value != NULL; d++)
        for (guint s = 1; s <= 3; s++)
          for (guint b = 1; b <= 4; b++)
            g_ptr_array_add (values, g_strdup_printf ("%02d%u%u", atoi (districts[d].value), s, b));
      break;

    case SPECIAL_RANGE:
      for (int i = 1; i <= col->range_max; i++)
        g_ptr_array_add (values, g_strdup_printf ("%d", col == &dow_column || col == &hour_column ? i - 1 : i));
      break;

    case SPECIAL_OPEN:
      for (guint i = 1; i <= 6; i++)
        g_ptr_array_add (values, g_strdup_printf ("SYNTHETIC %u", i));
      break;

    case SPECIAL_YEAR:
      for (guint y = 0; y <= (N_MONTHS - 1) / 12; y++)
        g_ptr_array_add (values, g_strdup_printf ("%u", FIRST_YEAR + y));
      break;

    case SPECIAL_DISTRICT:
    case SPECIAL_NONE:
    default:
      if (col->kind == KIND_BOOL)
        {
          g_ptr_array_add (values, g_strdup ("true"));
          g_ptr_array_add (values, g_strdup ("false"));
        }
      else if (col->domain != NULL)
        {
          for (const Choice *c = col->domain; c->value != NULL; c++)
            g_ptr_array_add (values, g_strdup (c->value));
        }
      break;
    }

  return values;
}

static double
choice_weight (guint32       seed,
               const Column *col,
               const char   *value)
{
  if (col->special == SPECIAL_MULTI_BEAT)
    return multi_beat_share (seed, value);

  if (col->domain != NULL)
    for (const Choice *c = col->domain; c->value != NULL; c++)
      if (g_strcmp0 (c->value, value) == 0 && c->weight > 0)
        return c->weight;

  return 0.6 + 0.8 * hashf (seed, "weight|%s|%s", col->name, value);
}

static gboolean
domain_contains (guint32       seed,
                 const Column *col,
                 const char   *value)
{
  g_autoptr(GPtrArray) domain = column_domain (seed, col);

  for (guint i = 0; i < domain->len; i++)
    if (g_strcmp0 (g_ptr_array_index (domain, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* Share of @value among all values of @col. */
static double
plain_share (guint32       seed,
             const Column *col,
             const char   *value)
{
  g_autoptr(GPtrArray) domain = NULL;
  double total = 0;

  if (col->kind == KIND_BOOL)
    {
      double p = col->p_true * (0.8 + 0.4 * hashf (seed, "bool|%s", col->name));
      return g_ascii_strcasecmp (value, "true") == 0 ? p : 1 - p;
    }

  if (!domain_contains (seed, col, value))
    return col->special == SPECIAL_OPEN ? 1.0 / 50000 : 0;

  domain = column_domain (seed, col);
  for (guint i = 0; i < domain->len; i++)
    total += choice_weight (seed, col, g_ptr_array_index (domain, i));

  return choice_weight (seed, col, value) / total;
}

static char *
beat_district (const char *beat)
{
  return g_strdup_printf ("%03d", atoi (beat) / 100);
}

/* Share of a beat within its district. */
static double
beat_within (guint32     seed,
             const char *beat)
{
  int district = atoi (beat) / 100;
  double total = 0;

  for (guint s = 1; s <= 3; s++)
    for (guint b = 1; b <= 4; b++)
      {
        g_autofree char *other = g_strdup_printf ("%02d%u%u", district, s, b);
        total += 0.6 + 0.8 * hashf (seed, "weight|beat|%s", other);
      }

  return (0.6 + 0.8 * hashf (seed, "weight|beat|%s", beat)) / total;
}

/* Filters and group values: one column, one or more values, possibly negated. */

typedef struct
{
  const Column *col;
  GPtrArray    *values;
  gboolean      negate;
} Constraint;

static void
constraint_free (gpointer data)
{
  Constraint *c = data;

  g_ptr_array_unref (c->values);
  g_free (c);
}

static Constraint *
constraint_new (const Column *col,
                const char   *value,
                gboolean      negate)
{
  Constraint *c = g_new0 (Constraint, 1);

  c->col = col;
  c->values = g_ptr_array_new_with_free_func (g_free);
  c->negate = negate;
  if (value != NULL)
    g_ptr_array_add (c->values, g_strdup (value));

  return c;
}

static const Constraint *
find_constraint (GPtrArray  *constraints,
                 const char *name)
{
  for (guint i = 0; i < constraints->len; i++)
    {
      const Constraint *c = g_ptr_array_index (constraints, i);

      if (!c->negate && strcmp (c->col->name, name) == 0)
        return c;
    }
  return NULL;
}

static double
value_share (guint32       seed,
             const Column *col,
             const char   *value,
             GPtrArray    *all)
{
  if (col->special == SPECIAL_MULTI_BEAT)
    return multi_beat_share (seed, value);

  if (col->special == SPECIAL_BEAT)
    {
      const Constraint *district = find_constraint (all, "district");
      g_autofree char *d = beat_district (value);
      const Column *district_col = find_column (&datasets[0], "district");

      if (strlen (value) != 4 || !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[1]) ||
          value[2] < '1' || value[2] > '3' || value[3] < '1' || value[3] > '4' ||
          !domain_contains (seed, district_col, d))
        return 0;

      /* With a district filter the beat's share is its share of that district. */
      if (district != NULL)
        {
          for (guint i = 0; i < district->values->len; i++)
            if (g_strcmp0 (g_ptr_array_index (district->values, i), d) == 0)
              return beat_within (seed, value);
          return 0;
        }

      return plain_share (seed, district_col, d) * beat_within (seed, value);
    }

  return plain_share (seed, col, value);
}

static double
constraints_share (guint32    seed,
                   GPtrArray *constraints)
{
  double product = 1;

  for (guint i = 0; i < constraints->len; i++)
    {
      const Constraint *c = g_ptr_array_index (constraints, i);
      double share = 0;

      for (guint j = 0; j < c->values->len; j++)
        share += value_share (seed, c->col, g_ptr_array_index (c->values, j), constraints);

      product *= c->negate ? MAX (0, 1 - share) : MIN (1, share);
    }

  return product;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The same filters in any order give the same key. */
static char *
constraints_key (GPtrArray *constraints)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < constraints->len; i++)
    {
      const Constraint *c = g_ptr_array_index (constraints, i);
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      GString *part = g_string_new (c->col->name);

      for (guint j = 0; j < c->values->len; j++)
        g_ptr_array_add (values, g_ptr_array_index (c->values, j));
      g_ptr_array_sort (values, compare_strings);

      g_string_append (part, c->negate ? "!=" : "=");
      for (guint j = 0; j < values->len; j++)
        g_string_append_printf (part, "%s%s", j ? "|" : "", (const char *) g_ptr_array_index (values, j));
      g_ptr_array_add (parts, g_string_free (part, FALSE));
    }

  g_ptr_array_sort (parts, compare_strings);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (key, "%s%s", i ? "&" : "", (const char *) g_ptr_array_index (parts, i));

  return g_string_free (key, FALSE);
}

/* Time: months 0 .. N_MONTHS-1 and a [from, to) range of Julian days. */

typedef struct
{
  guint32 from;   /* Julian day, inclusive */
  guint32 to;     /* Julian day, exclusive */
} Range;

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (month > 12)
    {
      year += (month - 1) / 12;
      month = (month - 1) % 12 + 1;
    }
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
month_of (guint  index,
          int   *year,
          int   *month)
{
  *year = FIRST_YEAR + index / 12;
  *month = index % 12 + 1;
}

static double
month_overlap (guint        index,
               const Range *range)
{
  int year, month;
  guint32 start, end, lo, hi;

  month_of (index, &year, &month);
  start = julian (year, month, 1);
  end = julian (year, month + 1, 1);
  lo = MAX (start, range->from);
  hi = MIN (end, range->to);

  return hi > lo ? (double) (hi - lo) / (end - start) : 0;
}

static double
month_base (guint32        seed,
            const Dataset *ds,
            guint          index)
{
  int year, month;
  double year_factor, season;

  month_of (index, &year, &month);
  year_factor = 0.88 + 0.24 * hashf (seed, "year|%s|%d", ds->id, year);
  season = 1 + ds->season * sin (2 * G_PI * (month - 4) / 12.0);

  return ds->per_year / 12.0 * year_factor * season;
}

/* The unrounded count for @constraints over the months in @months (NULL: all) within @range. */
static double
model_count (guint32        seed,
             guint          version,
             const Dataset *ds,
             GPtrArray     *constraints,
             GArray        *months,
             const Range   *range)
{
  g_autofree char *key = constraints_key (constraints);
  double share = constraints_share (seed, constraints);
  double total = 0;
  guint n;

  if (share <= 0)
    return 0;

  if (ds->date_column == NULL)
    return ds->per_year * share * (0.92 + 0.16 * hashf (seed, "noise|%u|%s|%s", LENS_FAKE_VERSION_BASE (version), ds->id, key));

  n = months != NULL ? months->len : N_MONTHS;
  for (guint i = 0; i < n; i++)
    {
      guint m = months != NULL ? g_array_index (months, guint, i) : i;
      double overlap = month_overlap (m, range);

      if (overlap <= 0)
        continue;

      /* A bump (lens_fake_portal_bump()) revises one month: its noise alone follows the
       * whole version, every other month keeps the base version's numbers. */
      guint noise_version = LENS_FAKE_VERSION_BUMPS (version) > 0 &&
                            (int) m == LENS_FAKE_VERSION_REVISED_MONTH (version)
                            ? version : LENS_FAKE_VERSION_BASE (version);

      total += month_base (seed, ds, m) * overlap *
               (0.92 + 0.16 * hashf (seed, "noise|%u|%s|%s|%u", noise_version, ds->id, key, m));
    }

  return total * share;
}

/* Query text helpers. */

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
word_at (const char *text,
         const char *p,
         const char *word)
{
  gsize len = strlen (word);

  return g_ascii_strncasecmp (p, word, len) == 0 &&
         (p == text || !is_ident_char (p[-1])) &&
         !is_ident_char (p[len]);
}

static gboolean
balanced (const char *text)
{
  int depth = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;  /* '' inside a literal toggles twice */
      else if (!quoted && *p == '(')
        depth++;
      else if (!quoted && *p == ')' && --depth < 0)
        return FALSE;
    }

  return depth == 0 && !quoted;
}

/* Splits at top level (outside parentheses and quotes) on @sep, or on the word @word. */
static GPtrArray *
split_top (const char *text,
           char        sep,
           const char *word)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  gboolean quoted = FALSE;
  gboolean in_between = FALSE;
  int depth = 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      if (quoted)
        continue;
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      if (depth != 0)
        continue;

      if (sep != 0 && *p == sep)
        {
          char *part = g_strstrip (g_strndup (start, p - start));

          /* Runs of spaces are one separator. */
          if (sep == ' ' && *part == '\0')
            g_free (part);
          else
            g_ptr_array_add (parts, part);
          start = p + 1;
        }
      else if (word != NULL && word_at (text, p, "between"))
        in_between = TRUE;
      else if (word != NULL && word_at (text, p, word))
        {
          /* The AND of "x BETWEEN a AND b" does not split. */
          if (in_between && g_ascii_strcasecmp (word, "and") == 0)
            in_between = FALSE;
          else
            {
              g_ptr_array_add (parts, g_strstrip (g_strndup (start, p - start)));
              start = p + strlen (word);
            }
        }
    }

  g_ptr_array_add (parts, g_strstrip (g_strdup (start)));
  return parts;
}

/* "(a)" -> "a", as long as the outer parentheses match each other. */
static char *
strip_parens (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text));

  while (s[0] == '(' && s[strlen (s) - 1] == ')')
    {
      g_autofree char *inner = g_strndup (s + 1, strlen (s) - 2);

      if (!balanced (inner))
        break;
      g_free (s);
      s = g_strstrip (g_steal_pointer (&inner));
    }

  return g_steal_pointer (&s);
}

/* Finds the last top-level " AS " of a select item. */
static const char *
find_as (const char *item)
{
  const char *found = NULL;
  gboolean quoted = FALSE;
  int depth = 0;

  for (const char *p = item; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      else if (!quoted && *p == '(')
        depth++;
      else if (!quoted && *p == ')')
        depth--;
      else if (!quoted && depth == 0 && p != item && word_at (item, p, "as"))
        found = p;
    }

  return found;
}

static char *
unquote (const char *literal)
{
  GString *out;
  gsize len = strlen (literal);

  if (len < 2 || literal[0] != '\'' || literal[len - 1] != '\'')
    return g_strdup (literal);

  out = g_string_new (NULL);
  for (gsize i = 1; i + 1 < len; i++)
    {
      g_string_append_c (out, literal[i]);
      if (literal[i] == '\'' && literal[i + 1] == '\'')
        i++;
    }
  return g_string_free (out, FALSE);
}

/* Error bodies (the query coordinator's, for the SoQL rules, are in lens-fake-soql.c). */

static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize len;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

static void
set_malformed (LensFakeResponse *out,
               const char       *query)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *message = g_strdup_printf ("Could not parse SoQL query \"%s\"", query);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, "query.compiler.malformed");
  json_builder_set_member_name (b, "error");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "query");
  json_builder_add_string_value (b, query);
  json_builder_end_object (b);
  json_builder_end_object (b);

  out->status = 400;
  out->body = builder_to_bytes (b);
}

static void
set_not_found (LensFakeResponse *out,
               const char       *dataset_id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, "dataset.missing");
  json_builder_set_member_name (b, "error");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, "Not found");
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, dataset_id);
  json_builder_end_object (b);
  json_builder_end_object (b);

  out->status = 404;
  out->body = builder_to_bytes (b);
}

/* The select list. */

typedef enum
{
  ITEM_AGGREGATE,
  ITEM_YEAR,        /* date_extract_y(d), year */
  ITEM_YEAR_START,  /* date_trunc_y(d) */
  ITEM_MONTH,       /* date_trunc_ym(d) */
  ITEM_MONTH_NUM,   /* date_extract_m(d) */
  ITEM_CATEGORY,    /* a column (or pseudo-column) with a domain */
  ITEM_RAW,         /* a plain column in an unaggregated query */
  ITEM_STAR,
} ItemKind;

typedef enum
{
  AGG_COUNT,
  AGG_COUNT_COLUMN,
  AGG_SUM,
  AGG_AVG,
  AGG_MIN,
  AGG_MAX,
} AggKind;

typedef struct
{
  char         *expr;
  char         *alias;
  ItemKind      kind;
  AggKind       agg;
  const Column *col;
  const char   *type;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->expr);
  g_free (item->alias);
  g_free (item);
}

static const char *
soda2_type (const Column *col)
{
  switch (col->kind)
    {
    case KIND_NUMBER: return "number";
    case KIND_DATE: return "floating_timestamp";
    case KIND_BOOL: return "boolean";
    case KIND_POINT: return "point";
    case KIND_TEXT:
    default: return "text";
    }
}

/* "fn(arg)" -> fn and arg, or FALSE. */
static gboolean
split_call (const char  *expr,
            char       **fn,
            char       **arg)
{
  const char *open = strchr (expr, '(');
  gsize len = strlen (expr);

  if (open == NULL || expr[len - 1] != ')')
    return FALSE;

  *fn = g_ascii_strdown (expr, open - expr);
  g_strstrip (*fn);
  *arg = g_strstrip (g_strndup (open + 1, expr + len - 1 - (open + 1)));
  return TRUE;
}

static char *
default_alias (const char *expr)
{
  GString *alias = g_string_new (NULL);

  for (const char *p = expr; *p; p++)
    if (is_ident_char (*p))
      g_string_append_c (alias, g_ascii_tolower (*p));
    else if (alias->len > 0 && alias->str[alias->len - 1] != '_')
      g_string_append_c (alias, '_');
  while (alias->len > 0 && alias->str[alias->len - 1] == '_')
    g_string_truncate (alias, alias->len - 1);

  return g_string_free (alias, FALSE);
}

/* Parses one select item; on an unknown column fills @out with the 400 and returns NULL. */
static Item *
parse_item (const Dataset    *ds,
            const char       *text,
            const char       *select,
            LensFakeResponse *out)
{
  g_autofree char *fn = NULL;
  g_autofree char *arg = NULL;
  const char *as = find_as (text);
  Item *item = g_new0 (Item, 1);

  if (as != NULL)
    {
      item->expr = g_strstrip (g_strndup (text, as - text));
      item->alias = g_strstrip (g_strdup (as + 2));
    }
  else
    item->expr = g_strdup (text);

  if (strcmp (item->expr, "*") == 0)
    {
      item->kind = ITEM_STAR;
      return item;
    }

  if (item->alias == NULL)
    item->alias = default_alias (item->expr);

  if (split_call (item->expr, &fn, &arg))
    {
      const Column *col = find_column (ds, arg);

      item->type = "number";
      if (g_str_equal (fn, "count"))
        {
          item->kind = ITEM_AGGREGATE;
          item->agg = g_str_equal (arg, "*") ? AGG_COUNT : AGG_COUNT_COLUMN;
        }
      else if (g_str_equal (fn, "sum") || g_str_equal (fn, "avg") ||
               g_str_equal (fn, "min") || g_str_equal (fn, "max"))
        {
          item->kind = ITEM_AGGREGATE;
          item->agg = g_str_equal (fn, "sum") ? AGG_SUM :
                      g_str_equal (fn, "avg") ? AGG_AVG :
                      g_str_equal (fn, "min") ? AGG_MIN : AGG_MAX;
          item->col = col;
          if (col != NULL && col->kind == KIND_DATE && item->agg != AGG_SUM && item->agg != AGG_AVG)
            item->type = "floating_timestamp";
        }
      else if (g_str_equal (fn, "date_extract_y"))
        item->kind = ITEM_YEAR;
      else if (g_str_equal (fn, "date_trunc_y"))
        {
          item->kind = ITEM_YEAR_START;
          item->type = "floating_timestamp";
        }
      else if (g_str_equal (fn, "date_trunc_ym"))
        {
          item->kind = ITEM_MONTH;
          item->type = "floating_timestamp";
        }
      else if (g_str_equal (fn, "date_extract_m"))
        item->kind = ITEM_MONTH_NUM;
      else if (g_str_equal (fn, "date_extract_dow"))
        {
          item->kind = ITEM_CATEGORY;
          item->col = &dow_column;
        }
      else if (g_str_equal (fn, "date_extract_hh"))
        {
          item->kind = ITEM_CATEGORY;
          item->col = &hour_column;
        }
      else
        {
          /* Anything else (upper(), date_trunc_ymd()...) is beyond this fake. */
          set_malformed (out, select);
          item_free (item);
          return NULL;
        }

      return item;
    }

  item->col = find_column (ds, item->expr);
  if (item->col == NULL)
    {
      set_malformed (out, select);
      item_free (item);
      return NULL;
    }

  item->type = soda2_type (item->col);
  if (item->col->special == SPECIAL_YEAR)
    item->kind = ITEM_YEAR;
  else if (item->col->kind == KIND_DATE)
    {
      item->kind = ITEM_MONTH;
      item->type = "floating_timestamp";
    }
  else
    item->kind = ITEM_CATEGORY;

  return item;
}

/* Rows: one value per item; NULL text is a null (the key is left out). */

typedef struct
{
  char     *text;
  double    number;
  gboolean  is_number;
  gboolean  is_bool;
  gboolean  is_json;
} Value;

typedef struct
{
  Value  *values;
  guint   n_values;
  guint64 id;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_values; i++)
    g_free (row->values[i].text);
  g_free (row->values);
  g_free (row);
}

static Row *
row_new (guint n)
{
  Row *row = g_new0 (Row, 1);

  row->values = g_new0 (Value, n);
  row->n_values = n;
  return row;
}

static void
value_set_text (Value      *v,
                const char *text)
{
  g_free (v->text);
  v->text = g_strdup (text);
  v->is_number = FALSE;
}

static void
value_set_number (Value  *v,
                  double  number,
                  int     decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_free (v->text);
  if (decimals == 0)
    v->text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) llround (number));
  else
    v->text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", number));
  v->number = number;
  v->is_number = TRUE;
}

/* Ordering. */

typedef struct
{
  int      index;      /* item index, -1 for :id */
  gboolean descending;
} SortKey;

static int
compare_values (const Value *a,
                const Value *b)
{
  if (a->text == NULL || b->text == NULL)
    return (a->text == NULL) - (b->text == NULL);  /* nulls last */
  if (a->is_number && b->is_number)
    return (a->number > b->number) - (a->number < b->number);
  return strcmp (a->text, b->text);
}

static int
compare_rows (gconstpointer pa,
              gconstpointer pb,
              gpointer      user_data)
{
  const Row *a = *(const Row * const *) pa;
  const Row *b = *(const Row * const *) pb;
  GArray *keys = user_data;

  for (guint i = 0; i < keys->len; i++)
    {
      const SortKey *key = &g_array_index (keys, SortKey, i);
      int cmp;

      if (key->index < 0)
        cmp = (a->id > b->id) - (a->id < b->id);
      else
        cmp = compare_values (&a->values[key->index], &b->values[key->index]);

      if (cmp != 0)
        return key->descending ? -cmp : cmp;
    }

  /* Stable: fall back to the generation order. */
  return (a->id > b->id) - (a->id < b->id);
}

static int
find_item (GPtrArray  *items,
           const char *term)
{
  g_autofree char *wanted = g_ascii_strdown (term, -1);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = g_ptr_array_index (items, i);
      g_autofree char *expr = g_ascii_strdown (item->expr, -1);

      if ((item->alias != NULL && g_ascii_strcasecmp (item->alias, term) == 0) ||
          g_strcmp0 (expr, wanted) == 0)
        return i;
    }
  return -1;
}

/* The body: SODA 2.1 layout, numbers as strings. */

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static GBytes *
rows_to_body (GPtrArray *items,
              GPtrArray *rows,
              guint      first,
              guint      count)
{
  GString *out = g_string_new ("[");

  for (guint r = first; r < first + count && r < rows->len; r++)
    {
      const Row *row = g_ptr_array_index (rows, r);
      gboolean first_field = TRUE;

      if (r > first)
        g_string_append (out, "\n,");
      g_string_append_c (out, '{');
      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = g_ptr_array_index (items, i);
          const Value *v = &row->values[i];

          if (v->text == NULL)
            continue;
          if (!first_field)
            g_string_append_c (out, ',');
          first_field = FALSE;
          append_json_string (out, item->alias);
          g_string_append_c (out, ':');
          if (v->is_bool || v->is_json)
            g_string_append (out, v->text);
          else
            append_json_string (out, v->text);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");

  return g_string_free_to_bytes (out);
}

static char *
header_array (GPtrArray *items,
              gboolean   types)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, types ? item->type : item->alias);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

/* Filters ($where and plain field=value parameters). */

typedef struct
{
  GPtrArray *constraints;  /* Constraint */
  Range      range;
} Filter;

static guint32
parse_date_literal (const char *literal)
{
  g_autofree char *text = unquote (literal);
  int y, m, d;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return 0;
  return julian (y, m, d);
}

static void
narrow_range (Range      *range,
              const char *op,
              guint32     day,
              guint32     next)  /* the first day after the unit (day or year) of @day */
{
  if (day == 0)
    return;

  if (g_str_equal (op, ">="))
    range->from = MAX (range->from, day);
  else if (g_str_equal (op, ">"))
    range->from = MAX (range->from, next);
  else if (g_str_equal (op, "<"))
    range->to = MIN (range->to, day);
  else if (g_str_equal (op, "<="))
    range->to = MIN (range->to, next);
  else if (g_str_equal (op, "="))
    {
      range->from = MAX (range->from, day);
      range->to = MIN (range->to, next);
    }
}

/* What the left side of a condition refers to. */
typedef enum { LHS_OTHER, LHS_DATE, LHS_YEAR, LHS_COLUMN } LhsKind;

static LhsKind
classify_lhs (const Dataset  *ds,
              const char     *lhs,
              const Column  **col)
{
  g_autofree char *fn = NULL;
  g_autofree char *arg = NULL;

  *col = NULL;
  if (split_call (lhs, &fn, &arg))
    {
      if (ds->date_column == NULL || g_ascii_strcasecmp (arg, ds->date_column) != 0)
        return LHS_OTHER;
      if (g_str_equal (fn, "date_extract_y"))
        return LHS_YEAR;
      if (g_str_has_prefix (fn, "date_trunc"))
        return LHS_DATE;
      return LHS_OTHER;
    }

  *col = find_column (ds, lhs);
  if (*col == NULL)
    return LHS_OTHER;
  if ((*col)->special == SPECIAL_YEAR)
    return LHS_YEAR;
  if (ds->date_column != NULL && g_ascii_strcasecmp (lhs, ds->date_column) == 0)
    return LHS_DATE;
  if ((*col)->kind == KIND_DATE)
    return LHS_OTHER;
  return LHS_COLUMN;
}

static void
add_condition (const Dataset *ds,
               const char    *text,
               Filter        *filter)
{
  static const char *ops[] = { ">=", "<=", "!=", "<>", "=", ">", "<" };
  g_autofree char *cond = strip_parens (text);
  g_autoptr(GPtrArray) ands = split_top (cond, 0, "and");
  g_autoptr(GPtrArray) ors = NULL;
  g_autoptr(GPtrArray) words = NULL;
  const Column *col = NULL;
  const char *p;

  if (ands->len > 1)
    {
      for (guint i = 0; i < ands->len; i++)
        add_condition (ds, g_ptr_array_index (ands, i), filter);
      return;
    }

  /* A disjunction is beyond this fake: it does not narrow anything. */
  ors = split_top (cond, 0, "or");
  if (ors->len > 1)
    return;

  /* x BETWEEN 'a' AND 'b' */
  words = split_top (cond, ' ', NULL);
  if (words->len == 5 && g_ascii_strcasecmp (g_ptr_array_index (words, 1), "between") == 0)
    {
      LhsKind kind = classify_lhs (ds, g_ptr_array_index (words, 0), &col);
      guint32 a = parse_date_literal (g_ptr_array_index (words, 2));
      guint32 b = parse_date_literal (g_ptr_array_index (words, 4));

      if (kind == LHS_DATE)
        {
          narrow_range (&filter->range, ">=", a, a + 1);
          narrow_range (&filter->range, "<=", b, b + 1);
        }
      return;
    }

  /* x [NOT] IN ('a', 'b') */
  for (p = cond; *p && *p != '\''; p++)
    {
      if (word_at (cond, p, "in") && strchr (p, '(') != NULL)
        {
          g_autofree char *lhs = g_strstrip (g_strndup (cond, p - cond));
          g_autofree char *list = strip_parens (p + 2);
          g_autoptr(GPtrArray) values = split_top (list, ',', NULL);
          gboolean negate = FALSE;
          Constraint *c;

          if (g_str_has_suffix (lhs, " not") || g_str_has_suffix (lhs, " NOT"))
            {
              negate = TRUE;
              lhs[strlen (lhs) - 4] = '\0';
              g_strstrip (lhs);
            }

          if (classify_lhs (ds, lhs, &col) != LHS_COLUMN)
            return;

          c = constraint_new (col, NULL, negate);
          for (guint i = 0; i < values->len; i++)
            g_ptr_array_add (c->values, unquote (g_ptr_array_index (values, i)));
          g_ptr_array_add (filter->constraints, c);
          return;
        }
    }

  /* x OP literal */
  for (p = cond; *p; p++)
    {
      if (*p == '\'')
        break;
      for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
        {
          if (strncmp (p, ops[i], strlen (ops[i])) == 0)
            {
              g_autofree char *lhs = g_strstrip (g_strndup (cond, p - cond));
              g_autofree char *rhs = g_strstrip (g_strdup (p + strlen (ops[i])));
              g_autofree char *value = unquote (rhs);
              LhsKind kind = classify_lhs (ds, lhs, &col);

              if (kind == LHS_DATE)
                {
                  guint32 day = parse_date_literal (rhs);
                  narrow_range (&filter->range, ops[i], day, day + 1);
                }
              else if (kind == LHS_YEAR)
                {
                  int year = atoi (value);
                  narrow_range (&filter->range, ops[i], julian (year, 1, 1), julian (year + 1, 1, 1));
                }
              else if (kind == LHS_COLUMN &&
                       (g_str_equal (ops[i], "=") || g_str_equal (ops[i], "!=") || g_str_equal (ops[i], "<>")))
                {
                  if (col->kind == KIND_BOOL)
                    value = g_ascii_strdown (value, -1);
                  g_ptr_array_add (filter->constraints,
                                   constraint_new (col, value, !g_str_equal (ops[i], "=")));
                }
              return;
            }
        }
    }
}

/* Every query sees the rows up to the last day of @as_of only. */
static void
filter_init (Filter             *filter,
             const LensFakeAsOf *as_of)
{
  filter->constraints = g_ptr_array_new_with_free_func (constraint_free);
  filter->range.from = julian (FIRST_YEAR, 1, 1);
  filter->range.to = julian (FIRST_YEAR, N_MONTHS + 1, 1);
  if (g_date_valid (&as_of->last_day))
    filter->range.to = MIN (filter->range.to, g_date_get_julian (&as_of->last_day) + 1);
  filter->range.to = MAX (filter->range.to, filter->range.from);
}

static void
filter_clear (Filter *filter)
{
  g_clear_pointer (&filter->constraints, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

/* Aggregated answers. */

static double
aggregate_value (guint32        seed,
                 const Dataset *ds,
                 const Item    *item,
                 double         count,
                 const Range   *range,
                 const char    *group_key,
                 char         **text)
{
  *text = NULL;

  switch (item->agg)
    {
    case AGG_COUNT:
      return count;

    case AGG_COUNT_COLUMN:
      return count * (0.95 + 0.05 * hashf (seed, "nonnull|%s|%s", ds->id, item->expr));

    case AGG_SUM:
      /* sum(case(arrest = true, 1, true, 0)) and the like: a part of the count. */
      return count * (0.10 + 0.10 * hashf (seed, "sum|%s|%s|%s", ds->id, item->expr, group_key));

    case AGG_AVG:
      return 1 + 99 * hashf (seed, "avg|%s|%s", ds->id, item->expr);

    case AGG_MIN:
    case AGG_MAX:
      if (item->col != NULL && item->col->kind == KIND_DATE)
        {
          g_autoptr(GDate) date = g_date_new_julian (item->agg == AGG_MIN ? range->from : range->to - 1);

          /* The latest row of a day comes late in it; the earliest early. */
          *text = g_strdup_printf ("%04d-%02d-%02dT%s",
                                   g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                   item->agg == AGG_MIN ? "00:01:00.000" : "23:55:00.000");
          return 0;
        }
      return (item->agg == AGG_MIN ? 1 : 50) + 50 * hashf (seed, "minmax|%s|%s", ds->id, item->expr);

    default:
      return 0;
    }
}

typedef struct
{
  char   *label;    /* the time values of this bucket, joined */
  guint   first;    /* first month, for the time columns */
  GArray *months;
} Bucket;

static void
bucket_free (gpointer data)
{
  Bucket *b = data;

  g_free (b->label);
  g_array_unref (b->months);
  g_free (b);
}

/* Groups the months of the range by the values the time items give them. */
static GPtrArray *
time_buckets (GPtrArray   *items,
              const Range *range)
{
  GPtrArray *buckets = g_ptr_array_new_with_free_func (bucket_free);
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint m = 0; m < N_MONTHS; m++)
    {
      GString *label = g_string_new (NULL);
      Bucket *bucket;
      int year, month;

      if (month_overlap (m, range) <= 0)
        {
          g_string_free (label, TRUE);
          continue;
        }

      month_of (m, &year, &month);
      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = g_ptr_array_index (items, i);

          if (item->kind == ITEM_YEAR || item->kind == ITEM_YEAR_START)
            g_string_append_printf (label, "y%d|", year);
          else if (item->kind == ITEM_MONTH)
            g_string_append_printf (label, "m%d-%d|", year, month);
          else if (item->kind == ITEM_MONTH_NUM)
            g_string_append_printf (label, "n%d|", month);
        }

      bucket = g_hash_table_lookup (by_label, label->str);
      if (bucket == NULL)
        {
          bucket = g_new0 (Bucket, 1);
          bucket->label = g_string_free (label, FALSE);
          bucket->first = m;
          bucket->months = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_label, bucket->label, bucket);
          g_ptr_array_add (buckets, bucket);
        }
      else
        g_string_free (label, TRUE);

      g_array_append_val (bucket->months, m);
    }

  return buckets;
}

static void
fill_time_value (Value      *v,
                 ItemKind    kind,
                 guint       first_month)
{
  int year, month;

  month_of (first_month, &year, &month);
  switch (kind)
    {
    case ITEM_YEAR:
      value_set_number (v, year, 0);
      break;
    case ITEM_YEAR_START:
      g_free (v->text);
      v->text = g_strdup_printf ("%04d-01-01T00:00:00.000", year);
      break;
    case ITEM_MONTH:
      g_free (v->text);
      v->text = g_strdup_printf ("%04d-%02d-01T00:00:00.000", year, month);
      break;
    case ITEM_MONTH_NUM:
      value_set_number (v, month, 0);
      break;
    default:
      break;
    }
}

/* A simple "$having" of the form "alias OP number". */
static gboolean
having_keeps (GPtrArray  *items,
              const char *having,
              const Row  *row)
{
  static const char *ops[] = { ">=", "<=", "!=", "=", ">", "<" };

  if (having == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      const char *op = strstr (having, ops[i]);

      if (op != NULL)
        {
          g_autofree char *lhs = g_strstrip (g_strndup (having, op - having));
          double rhs = g_ascii_strtod (op + strlen (ops[i]), NULL);
          int index = find_item (items, lhs);
          double v;

          if (index < 0 || !row->values[index].is_number)
            return TRUE;
          v = row->values[index].number;
          switch (i)
            {
            case 0: return v >= rhs;
            case 1: return v <= rhs;
            case 2: return v != rhs;
            case 3: return v == rhs;
            case 4: return v > rhs;
            default: return v < rhs;
            }
        }
    }

  return TRUE;
}

/* "sum(case(date >= 'a' AND date < 'b', 1, true, 0))": the count of the days in [a, b) within
 * @range, as the portal sums it. FALSE for any other sum. */
static gboolean
case_window (const Dataset *ds,
             const Item    *item,
             const Range   *range,
             Range         *window)
{
  g_autofree char *fn = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *inner_fn = NULL;
  g_autofree char *inner = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_auto(Filter) filter = { 0 };

  if (item->agg != AGG_SUM || ds->date_column == NULL ||
      !split_call (item->expr, &fn, &arg) || !split_call (arg, &inner_fn, &inner) ||
      !g_str_equal (inner_fn, "case"))
    return FALSE;

  parts = split_top (inner, ',', NULL);
  if (parts->len != 4 ||
      !g_str_equal (g_strstrip (g_ptr_array_index (parts, 1)), "1") ||
      g_ascii_strcasecmp (g_strstrip (g_ptr_array_index (parts, 2)), "true") != 0 ||
      !g_str_equal (g_strstrip (g_ptr_array_index (parts, 3)), "0"))
    return FALSE;

  filter.constraints = g_ptr_array_new_with_free_func (constraint_free);
  filter.range = *range;
  add_condition (ds, g_ptr_array_index (parts, 0), &filter);
  if (filter.constraints->len > 0 ||
      (filter.range.from == range->from && filter.range.to == range->to))
    return FALSE;

  *window = filter.range;
  window->to = MAX (window->to, window->from);
  return TRUE;
}

static GPtrArray *
aggregated_rows (guint32        seed,
                 guint          version,
                 const Dataset *ds,
                 GPtrArray     *items,
                 Filter        *filter,
                 const char    *having)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) buckets = NULL;
  g_autoptr(GPtrArray) cat_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) domains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gboolean has_time = FALSE;
  guint n_combos = 1;
  guint64 next_id = 1;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->kind == ITEM_CATEGORY)
        {
          GPtrArray *domain = column_domain (seed, item->col);

          /* A filter on the same column narrows the domain. */
          for (guint c = 0; c < filter->constraints->len; c++)
            {
              const Constraint *con = g_ptr_array_index (filter->constraints, c);

              if (con->col != item->col)
                continue;
              for (guint d = domain->len; d > 0; d--)
                {
                  gboolean listed = FALSE;

                  for (guint k = 0; k < con->values->len; k++)
                    if (g_strcmp0 (g_ptr_array_index (con->values, k), g_ptr_array_index (domain, d - 1)) == 0)
                      listed = TRUE;
                  if (listed == con->negate)
                    g_ptr_array_remove_index (domain, d - 1);
                }
            }

          g_ptr_array_add (cat_items, GUINT_TO_POINTER (i));
          g_ptr_array_add (domains, domain);
          n_combos *= MAX (domain->len, 1);
          if (domain->len == 0)
            n_combos = 0;
        }
      else if (item->kind != ITEM_AGGREGATE)
        has_time = TRUE;
    }

  if (ds->date_column == NULL || !has_time)
    {
      Bucket *all = g_new0 (Bucket, 1);

      buckets = g_ptr_array_new_with_free_func (bucket_free);
      all->label = g_strdup ("");
      all->months = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint m = 0; m < N_MONTHS; m++)
        g_array_append_val (all->months, m);
      g_ptr_array_add (buckets, all);
    }
  else
    buckets = time_buckets (items, &filter->range);

  for (guint b = 0; b < buckets->len; b++)
    {
      const Bucket *bucket = g_ptr_array_index (buckets, b);

      for (guint combo = 0; combo < n_combos; combo++)
        {
          g_autoptr(GPtrArray) constraints = g_ptr_array_new_with_free_func (constraint_free);
          g_autofree char *group_key = NULL;
          Row *row = row_new (items->len);
          gboolean any_count = FALSE;
          double count;
          guint rest = combo;

          row->id = next_id++;

          for (guint c = 0; c < filter->constraints->len; c++)
            {
              const Constraint *con = g_ptr_array_index (filter->constraints, c);
              Constraint *copy = constraint_new (con->col, NULL, con->negate);

              for (guint k = 0; k < con->values->len; k++)
                g_ptr_array_add (copy->values, g_strdup (g_ptr_array_index (con->values, k)));
              g_ptr_array_add (constraints, copy);
            }

          /* This combination's value for each category item. */
          for (guint c = 0; c < cat_items->len; c++)
            {
              guint index = GPOINTER_TO_UINT (g_ptr_array_index (cat_items, c));
              const Item *item = g_ptr_array_index (items, index);
              GPtrArray *domain = g_ptr_array_index (domains, c);
              const char *value = g_ptr_array_index (domain, rest % domain->len);
              gboolean replaced = FALSE;

              rest /= domain->len;

              if (item->col->kind == KIND_BOOL)
                {
                  g_free (row->values[index].text);
                  row->values[index].text = g_strdup (value);
                  row->values[index].is_bool = TRUE;
                }
              else if (item->col->kind == KIND_NUMBER)
                value_set_number (&row->values[index], g_ascii_strtod (value, NULL), 0);
              else if (item->col->special == SPECIAL_MULTI_BEAT && *value == '\0')
                ;  /* a case with no beat: the key is left out */
              else
                value_set_text (&row->values[index], value);

              /* The group value replaces a filter on the same column. */
              for (guint k = 0; k < constraints->len; k++)
                {
                  Constraint *con = g_ptr_array_index (constraints, k);

                  if (con->col == item->col && !con->negate)
                    {
                      g_ptr_array_set_size (con->values, 0);
                      g_ptr_array_add (con->values, g_strdup (value));
                      replaced = TRUE;
                    }
                }
              if (!replaced)
                g_ptr_array_add (constraints, constraint_new (item->col, value, FALSE));
            }

          count = model_count (seed, version, ds, constraints, bucket->months, &filter->range);
          group_key = constraints_key (constraints);

          for (guint i = 0; i < items->len; i++)
            {
              const Item *item = g_ptr_array_index (items, i);

              if (item->kind == ITEM_AGGREGATE)
                {
                  g_autofree char *text = NULL;
                  Range window;
                  double v = case_window (ds, item, &filter->range, &window) ?
                             model_count (seed, version, ds, constraints, bucket->months, &window) :
                             aggregate_value (seed, ds, item, count, &filter->range,
                                              group_key, &text);

                  if (text != NULL)
                    value_set_text (&row->values[i], text);
                  else
                    value_set_number (&row->values[i], item->agg == AGG_AVG ? v : round (v),
                                      item->agg == AGG_AVG ? 2 : 0);
                  if (item->agg == AGG_COUNT || item->agg == AGG_COUNT_COLUMN)
                    any_count = TRUE;
                }
              else if (item->kind != ITEM_CATEGORY)
                fill_time_value (&row->values[i], item->kind, bucket->first);
            }

          /* Groups with no rows do not exist on the portal either. */
          if ((any_count || items->len == cat_items->len) && round (count) < 1)
            {
              row_free (row);
              continue;
            }
          if (!having_keeps (items, having, row))
            {
              row_free (row);
              continue;
            }

          g_ptr_array_add (rows, row);
        }
    }

  return rows;
}

/* Unaggregated answers: a fixed list of synthetic rows. */

/* Draws values of one column by weight; built once per query, not per row. */
typedef struct
{
  GPtrArray *domain;
  double    *cumulative;
  double     p_true;
} Picker;

static void
picker_init (Picker       *picker,
             guint32       seed,
             const Column *col)
{
  double total = 0, acc = 0;

  picker->domain = column_domain (seed, col);
  picker->cumulative = g_new0 (double, MAX (picker->domain->len, 1));
  for (guint i = 0; i < picker->domain->len; i++)
    total += choice_weight (seed, col, g_ptr_array_index (picker->domain, i));
  for (guint i = 0; i < picker->domain->len; i++)
    {
      acc += choice_weight (seed, col, g_ptr_array_index (picker->domain, i)) / total;
      picker->cumulative[i] = acc;
    }
  picker->p_true = col->kind == KIND_BOOL ? plain_share (seed, col, "true") : 0;
}

static void
picker_clear (Picker *picker)
{
  g_clear_pointer (&picker->domain, g_ptr_array_unref);
  g_clear_pointer (&picker->cumulative, g_free);
}

static const char *
picker_pick (const Picker *picker,
             double        u)
{
  for (guint i = 0; i < picker->domain->len; i++)
    if (u < picker->cumulative[i])
      return g_ptr_array_index (picker->domain, i);
  return picker->domain->len > 0 ? g_ptr_array_index (picker->domain, picker->domain->len - 1) : NULL;
}

/* One synthetic row: a value for every column (NULL for the ones left out). */
static char **
raw_row (guint32        seed,
         const Dataset *ds,
         const Picker  *pickers,
         guint          index)
{
  guint n = 0;
  char **values;
  char *district = NULL;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;

  for (const Column *c = ds->columns; c->name != NULL; c++)
    n++;
  values = g_new0 (char *, n + 1);

  if (ds->date_column == NULL)
    {
      /* The stations: one per district and the headquarters, nothing but names. */
      if (index < G_N_ELEMENTS (station_names))
        {
          values[0] = g_strdup_printf ("%d", atoi (districts[index].value));
          values[1] = g_strdup (station_names[index]);
        }
      else
        {
          values[0] = g_strdup ("Headquarters");
          values[1] = g_strdup ("Headquarters");
        }
      values[3] = g_strdup ("Chicago");
      values[4] = g_strdup ("IL");
      return values;
    }

  {
    guint m = (guint) (hashf (seed, "raw-month|%s|%u", ds->id, index) * N_MONTHS);
    month_of (m, &year, &month);
    day = 1 + (int) (hashf (seed, "raw-day|%s|%u", ds->id, index) * 28);
    hour = (int) (hashf (seed, "raw-hour|%s|%u", ds->id, index) * 24);
    minute = (int) (hashf (seed, "raw-minute|%s|%u", ds->id, index) * 60);
  }

  for (guint i = 0; i < n; i++)
    {
      const Column *c = &ds->columns[i];
      double u = hashf (seed, "raw|%s|%s|%u", ds->id, c->name, index);

      if (g_ascii_strcasecmp (c->name, ds->date_column) == 0)
        values[i] = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00.000", year, month, day, hour, minute);
      else if (c->special == SPECIAL_YEAR)
        values[i] = g_strdup_printf ("%d", year);
      else if (c->special == SPECIAL_DISTRICT)
        {
          values[i] = g_strdup (picker_pick (&pickers[i], u));
          district = values[i];
        }
      else if (c->special == SPECIAL_BEAT)
        continue;  /* after the district */
      else if (c->special == SPECIAL_MULTI_BEAT)
        {
          const char *beat = picker_pick (&pickers[i], u);

          values[i] = beat != NULL && *beat != '\0' ? g_strdup (beat) : NULL;
        }
      else if (c->kind == KIND_BOOL)
        values[i] = g_strdup (u < pickers[i].p_true ? "true" : "false");
      else if (c->special == SPECIAL_NONE || c->special == SPECIAL_RANGE)
        values[i] = g_strdup (picker_pick (&pickers[i], u));
      else if (g_str_equal (c->name, "id") || g_str_equal (c->name, "cb_no"))
        values[i] = g_strdup_printf ("%u", SYNTHETIC_ID_BASE + index);
      else if (g_str_equal (c->name, "case_number") || g_str_equal (c->name, "log_no"))
        values[i] = g_strdup_printf ("SYN%07u", index);
    }

  for (guint i = 0; i < n; i++)
    if (ds->columns[i].special == SPECIAL_BEAT)
      {
        double u = hashf (seed, "raw|%s|beat|%u", ds->id, index);
        int d = district != NULL ? atoi (district) : 1 + (int) (u * 25);
        values[i] = g_strdup_printf ("%02d%d%d", d, 1 + (int) (u * 3), 1 + (int) (fmod (u * 12, 4)));
      }

  return values;
}

static gboolean
raw_row_matches (const Dataset *ds,
                 char         **values,
                 Filter        *filter)
{
  guint i = 0;

  for (const Column *c = ds->columns; c->name != NULL; c++, i++)
    {
      if (ds->date_column != NULL && g_ascii_strcasecmp (c->name, ds->date_column) == 0)
        {
          guint32 day = parse_date_literal (values[i]);

          if (day < filter->range.from || day >= filter->range.to)
            return FALSE;
        }

      for (guint k = 0; k < filter->constraints->len; k++)
        {
          const Constraint *con = g_ptr_array_index (filter->constraints, k);
          gboolean listed = FALSE;

          if (con->col != c)
            continue;
          for (guint v = 0; v < con->values->len; v++)
            if (g_strcmp0 (values[i], g_ptr_array_index (con->values, v)) == 0)
              listed = TRUE;
          if (listed == con->negate)
            return FALSE;
        }
    }

  return TRUE;
}

static GPtrArray *
raw_rows_for (guint32        seed,
              const Dataset *ds,
              guint          n_raw,
              GPtrArray     *items,
              Filter        *filter)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  guint n = ds->date_column == NULL ? G_N_ELEMENTS (station_names) + 1 : n_raw;
  guint n_columns = 0;
  Picker *pickers;

  for (const Column *c = ds->columns; c->name != NULL; c++)
    n_columns++;
  pickers = g_new0 (Picker, n_columns);
  for (guint i = 0; i < n_columns; i++)
    picker_init (&pickers[i], seed, &ds->columns[i]);

  for (guint r = 0; r < n; r++)
    {
      /* Not a GStrv: the NULLs (left-out columns) are holes, not the end. */
      g_autofree char **values = raw_row (seed, ds, pickers, r);
      g_autoptr(GPtrArray) owner = g_ptr_array_new_with_free_func (g_free);
      Row *row;

      for (guint i = 0; i < n_columns; i++)
        g_ptr_array_add (owner, values[i]);

      if (!raw_row_matches (ds, values, filter))
        continue;

      row = row_new (items->len);
      row->id = r + 1;
      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = g_ptr_array_index (items, i);
          guint col = item->col - ds->columns;
          const char *text = values[col];

          if (text == NULL)
            continue;
          if (item->col->kind == KIND_BOOL)
            {
              row->values[i].text = g_strdup (text);
              row->values[i].is_bool = TRUE;
            }
          else if (item->col->kind == KIND_NUMBER)
            {
              row->values[i].text = g_strdup (text);
              row->values[i].number = g_ascii_strtod (text, NULL);
              row->values[i].is_number = TRUE;
            }
          else
            row->values[i].text = g_strdup (text);
        }
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < n_columns; i++)
    picker_clear (&pickers[i]);
  g_free (pickers);

  return rows;
}

static char *
describe_query (GHashTable *params)
{
  GString *q = g_string_new (NULL);
  static const struct { const char *param; const char *word; } parts[] = {
    { "$select", "SELECT" }, { "$where", "WHERE" }, { "$group", "GROUP BY" },
    { "$having", "HAVING" }, { "$order", "ORDER BY" }, { "$limit", "LIMIT" }, { "$offset", "OFFSET" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *value = g_hash_table_lookup (params, parts[i].param);

      if (value != NULL)
        g_string_append_printf (q, "%s%s %s", q->len ? " " : "", parts[i].word, value);
    }

  return g_string_free (q, FALSE);
}

void
lens_fake_data_query (guint32             seed,
                      guint               version,
                      const LensFakeAsOf *as_of,
                      guint               raw_rows,
                      const char       *dataset_id,
                      GHashTable       *params,
                      LensFakeResponse *out)
{
  const Dataset *ds = find_dataset (dataset_id);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  g_autofree char *query = describe_query (params);
  const char *select = g_hash_table_lookup (params, "$select");
  const char *where = g_hash_table_lookup (params, "$where");
  const char *group = g_hash_table_lookup (params, "$group");
  const char *order = g_hash_table_lookup (params, "$order");
  const char *having = g_hash_table_lookup (params, "$having");
  const char *limit_text = g_hash_table_lookup (params, "$limit");
  const char *offset_text = g_hash_table_lookup (params, "$offset");
  g_auto(Filter) filter = { 0 };
  LensFakeAsOf default_as_of;
  gboolean aggregated = FALSE;
  gint64 limit = 1000;   /* Socrata's default */
  gint64 offset = 0;
  GHashTableIter iter;
  gpointer key, value;

  memset (out, 0, sizeof *out);

  if (ds == NULL)
    {
      set_not_found (out, dataset_id);
      return;
    }

  if (select == NULL)
    select = "*";

  {
    const char *clauses[] = { select, where, group, order, having };

    for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
      if (clauses[i] != NULL && !balanced (clauses[i]))
        {
          set_malformed (out, query);
          return;
        }
  }

  if (limit_text != NULL)
    {
      char *end = NULL;

      limit = g_ascii_strtoll (limit_text, &end, 10);
      if (end == limit_text || *end != '\0' || limit < 0)
        {
          set_malformed (out, query);
          return;
        }
    }
  if (offset_text != NULL)
    {
      char *end = NULL;

      offset = g_ascii_strtoll (offset_text, &end, 10);
      if (end == offset_text || *end != '\0' || offset < 0)
        {
          set_malformed (out, query);
          return;
        }
    }

  /* $select */
  parts = split_top (select, ',', NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      Item *item = parse_item (ds, g_ptr_array_index (parts, i), select, out);

      if (item == NULL)
        return;

      if (item->kind == ITEM_STAR)
        {
          /* "*" is every column, in the dataset's order. */
          for (const Column *c = ds->columns; c->name != NULL; c++)
            {
              Item *col_item = g_new0 (Item, 1);

              col_item->expr = g_strdup (c->name);
              col_item->alias = g_strdup (c->name);
              col_item->kind = ITEM_RAW;
              col_item->col = c;
              col_item->type = soda2_type (c);
              g_ptr_array_add (items, col_item);
            }
          item_free (item);
          continue;
        }

      if (item->kind == ITEM_AGGREGATE)
        aggregated = TRUE;
      g_ptr_array_add (items, item);
    }

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (aliases, ((Item *) g_ptr_array_index (items, i))->alias);

  /* $where and plain field=value filters. */
  if (as_of == NULL)
    {
      lens_fake_data_get_as_of (version, dataset_id, &default_as_of);
      as_of = &default_as_of;
    }
  filter_init (&filter, as_of);
  if (where != NULL)
    add_condition (ds, where, &filter);
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Column *col;

      if (((const char *) key)[0] == '$')
        continue;
      /* lens-fake-soql.c has refused the unknown ones. */
      col = find_column (ds, key);
      if (col == NULL)
        continue;
      g_ptr_array_add (filter.constraints, constraint_new (col, value, FALSE));
    }

  if (aggregated || group != NULL)
    {
      /* Plain items are groups (lens-fake-soql.c has refused those not grouped on). */
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = g_ptr_array_index (items, i);

          if (item->kind == ITEM_RAW)
            item->kind = ITEM_CATEGORY;
        }

      rows = aggregated_rows (seed, version, ds, items, &filter, having);
    }
  else
    {
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = g_ptr_array_index (items, i);

          if (item->col == NULL || item->col == &dow_column || item->col == &hour_column ||
              (item->kind != ITEM_CATEGORY && item->kind != ITEM_RAW &&
               item->kind != ITEM_YEAR && item->kind != ITEM_MONTH))
            {
              set_malformed (out, query);
              return;
            }
          item->kind = ITEM_RAW;
        }
      rows = raw_rows_for (seed, ds, raw_rows, items, &filter);
    }

  /* $order */
  if (order != NULL)
    {
      g_autoptr(GPtrArray) terms = split_top (order, ',', NULL);

      for (guint i = 0; i < terms->len; i++)
        {
          g_autoptr(GPtrArray) words = split_top (g_ptr_array_index (terms, i), ' ', NULL);
          const char *name = g_ptr_array_index (words, 0);
          SortKey sort_key = { -1, FALSE };

          if (words->len > 1)
            sort_key.descending = g_ascii_strcasecmp (g_ptr_array_index (words, words->len - 1), "desc") == 0;

          if (g_ascii_strcasecmp (name, ":id") != 0)
            {
              sort_key.index = find_item (items, name);
              if (sort_key.index < 0)
                continue;   /* a column not selected: leave the order as it is */
            }
          g_array_append_val (keys, sort_key);
        }

      g_ptr_array_sort_with_data (rows, compare_rows, keys);
    }

  out->status = 200;
  out->body = rows_to_body (items, rows, MIN ((guint64) offset, rows->len),
                            (guint) MIN (limit, (gint64) G_MAXUINT));
  out->fields = header_array (items, FALSE);
  out->types = header_array (items, TRUE);
}

static const char *
view_type (const Column *col)
{
  switch (col->kind)
    {
    case KIND_NUMBER: return "number";
    case KIND_DATE: return "calendar_date";
    case KIND_BOOL: return "checkbox";
    case KIND_POINT: return "point";
    case KIND_TEXT:
    default: return "text";
    }
}

int
lens_fake_data_month_index (const char *month)
{
  int year = 0, m = 0;

  if (month == NULL || sscanf (month, "%4d-%2d", &year, &m) != 2 || m < 1 || m > 12)
    return -1;
  if (year < FIRST_YEAR || (year - FIRST_YEAR) * 12 + m - 1 >= N_MONTHS)
    return -1;
  return (year - FIRST_YEAR) * 12 + m - 1;
}

gint64
lens_fake_data_rows_updated_at (guint version)
{
  /* 2026-04-06 11:00:00 UTC, a day later for each new version of the data, and
   * LENS_FAKE_BUMP_DAYS later for each bump. */
  return G_GINT64_CONSTANT (1775473200) + (gint64) LENS_FAKE_VERSION_BASE (version) * 86400 +
         (gint64) LENS_FAKE_VERSION_BUMPS (version) * LENS_FAKE_BUMP_DAYS * 86400;
}

void
lens_fake_data_get_as_of_update (gint64        rows_updated_at,
                                 const char   *dataset_id,
                                 LensFakeAsOf *as_of)
{
  const Dataset *ds = find_dataset (dataset_id);
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) chicago = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Chicago");
  guint32 day, series_end = julian (FIRST_YEAR, N_MONTHS + 1, 1) - 1;

  as_of->rows_updated_at = rows_updated_at;
  g_date_clear (&as_of->last_day, 1);
  if (ds == NULL || ds->date_column == NULL)
    return;

  /* The update's day where the portal is: 11:00 UTC is the morning in Chicago. */
  updated = g_date_time_new_from_unix_utc (rows_updated_at);
  chicago = zone != NULL ? g_date_time_to_timezone (updated, zone) : g_date_time_ref (updated);
  day = julian (g_date_time_get_year (chicago), g_date_time_get_month (chicago),
                g_date_time_get_day_of_month (chicago)) - ds->lag_days;
  g_date_set_julian (&as_of->last_day, MIN (day, series_end));
}

void
lens_fake_data_get_as_of (guint         version,
                          const char   *dataset_id,
                          LensFakeAsOf *as_of)
{
  lens_fake_data_get_as_of_update (lens_fake_data_rows_updated_at (version), dataset_id, as_of);
}

void
lens_fake_data_view (guint32             seed,
                     guint               version,
                     const LensFakeAsOf *as_of,
                     const char         *dataset_id,
                     LensFakeResponse   *out)
{
  const Dataset *ds = find_dataset (dataset_id);
  g_autoptr(JsonBuilder) b = NULL;
  LensFakeAsOf default_as_of;
  guint position = 1;

  memset (out, 0, sizeof *out);

  if (ds == NULL)
    {
      set_not_found (out, dataset_id);
      return;
    }

  if (as_of == NULL)
    {
      lens_fake_data_get_as_of (version, dataset_id, &default_as_of);
      as_of = &default_as_of;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, ds->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, ds->name);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Synthetic metadata served by the Reform Lens test portal; not City data.");
  json_builder_set_member_name (b, "attribution");
  json_builder_add_string_value (b, "Reform Lens fake portal (seeded generator)");
  json_builder_set_member_name (b, "rowsUpdatedAt");
  json_builder_add_int_value (b, as_of->rows_updated_at);
  json_builder_set_member_name (b, "viewLastModified");
  json_builder_add_int_value (b, as_of->rows_updated_at);
  json_builder_set_member_name (b, "newBackend");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (const Column *c = ds->columns; c->name != NULL; c++, position++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, 100000 + position);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->display);
      json_builder_set_member_name (b, "dataTypeName");
      json_builder_add_string_value (b, view_type (c));
      json_builder_set_member_name (b, "fieldName");
      json_builder_add_string_value (b, c->name);
      json_builder_set_member_name (b, "position");
      json_builder_add_int_value (b, position);
      json_builder_set_member_name (b, "renderTypeName");
      json_builder_add_string_value (b, view_type (c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  out->status = 200;
  out->body = builder_to_bytes (b);
}

/* The filter of an expected count: @constraints ("column=value") in [@from, @to). */
static gboolean
expected_filter (const Dataset      *ds,
                 guint               version,
                 const LensFakeAsOf *as_of,
                 const char * const *constraints,
                 const char         *from,
                 const char         *to,
                 Filter             *filter)
{
  LensFakeAsOf default_as_of;

  if (as_of == NULL)
    {
      lens_fake_data_get_as_of (version, ds->id, &default_as_of);
      as_of = &default_as_of;
    }
  filter_init (filter, as_of);
  if (from != NULL)
    narrow_range (&filter->range, ">=", parse_date_literal (from), 0);
  if (to != NULL)
    narrow_range (&filter->range, "<", parse_date_literal (to), 0);

  for (guint i = 0; constraints != NULL && constraints[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (constraints[i], "=", 2);
      gsize len = strlen (pair[0]);
      /* "field!=value": every row but those */
      gboolean negate = len > 0 && pair[0][len - 1] == '!';
      const Column *col;

      if (negate)
        pair[0][len - 1] = '\0';
      col = find_column (ds, pair[0]);
      g_return_val_if_fail (col != NULL && pair[1] != NULL, FALSE);
      g_ptr_array_add (filter->constraints, constraint_new (col, pair[1], negate));
    }

  return TRUE;
}

gint64
lens_fake_data_expected_district_count (guint32             seed,
                                        guint               version,
                                        const LensFakeAsOf *as_of,
                                        const char         *dataset_id,
                                        const char         *beat_field,
                                        guint               district,
                                        const char * const *constraints,
                                        const char         *from,
                                        const char         *to)
{
  const Dataset *ds = find_dataset (dataset_id);
  const Column *beat_col;
  g_autoptr(GPtrArray) domain = NULL;
  g_auto(Filter) filter = { 0 };
  gint64 total = 0;

  g_return_val_if_fail (ds != NULL, -1);
  beat_col = find_column (ds, beat_field);
  g_return_val_if_fail (beat_col != NULL, -1);
  g_return_val_if_fail (beat_col->special == SPECIAL_BEAT || beat_col->special == SPECIAL_MULTI_BEAT, -1);

  if (!expected_filter (ds, version, as_of, constraints, from, to, &filter))
    return -1;

  /* One grouped row per beat value, rounded as the portal rounds it, then summed. */
  domain = column_domain (seed, beat_col);
  for (guint i = 0; i < domain->len; i++)
    {
      const char *value = g_ptr_array_index (domain, i);

      if (!multi_beat_in_district (value, district))
        continue;

      g_ptr_array_add (filter.constraints, constraint_new (beat_col, value, FALSE));
      total += llround (model_count (seed, version, ds, filter.constraints, NULL, &filter.range));
      g_ptr_array_remove_index (filter.constraints, filter.constraints->len - 1);
    }

  return total;
}

char **
lens_fake_data_dup_beat_values (guint32     seed,
                                const char *dataset_id,
                                const char *beat_field)
{
  const Dataset *ds = find_dataset (dataset_id);
  const Column *beat_col;
  g_autoptr(GPtrArray) domain = NULL;

  g_return_val_if_fail (ds != NULL, NULL);
  beat_col = find_column (ds, beat_field);
  g_return_val_if_fail (beat_col != NULL, NULL);

  domain = column_domain (seed, beat_col);
  g_ptr_array_set_free_func (domain, NULL);
  g_ptr_array_add (domain, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&domain), FALSE);
}

gint64
lens_fake_data_expected_count (guint32             seed,
                               guint               version,
                               const LensFakeAsOf *as_of,
                               const char         *dataset_id,
                               const char * const *constraints,
                               const char         *from,
                               const char         *to)
{
  const Dataset *ds = find_dataset (dataset_id);
  g_auto(Filter) filter = { 0 };

  g_return_val_if_fail (ds != NULL, -1);

  if (!expected_filter (ds, version, as_of, constraints, from, to, &filter))
    return -1;

  return llround (model_count (seed, version, ds, filter.constraints, NULL, &filter.range));
}

/* Built once per dataset and kept for the process, like the COPA beat model. */
static LensFakeField *
fields_new (const Dataset *ds)
{
  GArray *fields = g_array_new (TRUE, TRUE, sizeof (LensFakeField));

  for (const Column *c = ds->columns; c->name != NULL; c++)
    {
      LensFakeField field = { c->name, soda2_type (c) };

      g_array_append_val (fields, field);
    }
  for (const LensFakeField *f = ds->unfilled; f->name != NULL; f++)
    g_array_append_val (fields, *f);

  return (LensFakeField *) g_array_free (fields, FALSE);
}

const LensFakeField *
lens_fake_data_get_fields (const char *dataset_id)
{
  static gsize initialized[G_N_ELEMENTS (datasets)];
  static LensFakeField *fields[G_N_ELEMENTS (datasets)];

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      if (g_strcmp0 (datasets[i].id, dataset_id) != 0)
        continue;

      if (g_once_init_enter (&initialized[i]))
        {
          fields[i] = fields_new (&datasets[i]);
          g_once_init_leave (&initialized[i], 1);
        }
      return fields[i];
    }

  return NULL;
}
