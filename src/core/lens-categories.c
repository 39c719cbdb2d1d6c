/* lens-categories.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-categories"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lens-categories.h"

typedef struct
{
  const char *value;  /* as the portal sends it */
  const char *label;  /* English label, marked with the vocabulary's context */
} Category;

/* The Crimes dataset's primary types (ijzp-q8t2, column primary_type). A value missing here is
 * shown as sent, so a new CPD category never disappears from a chart. */
static const Category crime_types[] = {
  { "ARSON", NC_("crime-type", "Arson") },
  { "ASSAULT", NC_("crime-type", "Assault") },
  { "BATTERY", NC_("crime-type", "Battery") },
  { "BURGLARY", NC_("crime-type", "Burglary") },
  { "CONCEALED CARRY LICENSE VIOLATION", NC_("crime-type", "Concealed carry license violation") },
  { "CRIM SEXUAL ASSAULT", NC_("crime-type", "Criminal sexual assault") },
  { "CRIMINAL SEXUAL ASSAULT", NC_("crime-type", "Criminal sexual assault") },
  { "CRIMINAL DAMAGE", NC_("crime-type", "Criminal damage") },
  { "CRIMINAL TRESPASS", NC_("crime-type", "Criminal trespass") },
  { "DECEPTIVE PRACTICE", NC_("crime-type", "Deceptive practice (fraud)") },
  { "DOMESTIC VIOLENCE", NC_("crime-type", "Domestic violence") },
  { "GAMBLING", NC_("crime-type", "Gambling") },
  { "HOMICIDE", NC_("crime-type", "Homicide") },
  { "HUMAN TRAFFICKING", NC_("crime-type", "Human trafficking") },
  { "INTERFERENCE WITH PUBLIC OFFICER", NC_("crime-type", "Interference with a public officer") },
  { "INTIMIDATION", NC_("crime-type", "Intimidation") },
  { "KIDNAPPING", NC_("crime-type", "Kidnapping") },
  { "LIQUOR LAW VIOLATION", NC_("crime-type", "Liquor law violation") },
  { "MOTOR VEHICLE THEFT", NC_("crime-type", "Motor vehicle theft") },
  { "NARCOTICS", NC_("crime-type", "Narcotics") },
  { "NON-CRIMINAL", NC_("crime-type", "Non-criminal") },
  { "NON - CRIMINAL", NC_("crime-type", "Non-criminal") },
  { "NON-CRIMINAL (SUBJECT SPECIFIED)", NC_("crime-type", "Non-criminal (subject specified)") },
  { "OBSCENITY", NC_("crime-type", "Obscenity") },
  { "OFFENSE INVOLVING CHILDREN", NC_("crime-type", "Offense involving children") },
  { "OTHER NARCOTIC VIOLATION", NC_("crime-type", "Other narcotic violation") },
  { "OTHER OFFENSE", NC_("crime-type", "Other offense") },
  { "PROSTITUTION", NC_("crime-type", "Prostitution") },
  { "PUBLIC INDECENCY", NC_("crime-type", "Public indecency") },
  { "PUBLIC PEACE VIOLATION", NC_("crime-type", "Public peace violation") },
  { "RITUALISM", NC_("crime-type", "Ritualism") },
  { "ROBBERY", NC_("crime-type", "Robbery") },
  { "SEX OFFENSE", NC_("crime-type", "Sex offense") },
  { "STALKING", NC_("crime-type", "Stalking") },
  { "THEFT", NC_("crime-type", "Theft") },
  { "WEAPONS VIOLATION", NC_("crime-type", "Weapons violation") },
};

/* COPA's finding codes (mft5-nfa8, column finding_code), as named in the dataset's
 * description: the findings of concluded cases. */
static const Category copa_findings[] = {
  { "Sustained", NC_("copa-finding", "Sustained") },
  { "Not Sustained", NC_("copa-finding", "Not sustained") },
  { "Unfounded", NC_("copa-finding", "Unfounded") },
  { "Exonerated", NC_("copa-finding", "Exonerated") },
  { "No Affidavit", NC_("copa-finding", "No affidavit") },
  { "No Finding", NC_("copa-finding", "No finding") },
};

/* COPA's current_status (mft5-nfa8). "Closed" is the value COPA's data names closed cases by
 * (socrata-cpd.md §2.2); the other statuses are grouped by lens_category_group(). */
static const Category copa_statuses[] = {
  { "Closed", NC_("copa-status", "Closed") },
  { LENS_COPA_STATUS_OPEN, NC_("copa-status", "Open or pending") },
};

/* COPA's current_category (mft5-nfa8): the areas of COPA's jurisdiction as COPA names them
 * (consent-decree.md §4.3, chicagocopa.org/investigations/jurisdiction). The portal's exact
 * spelling is matched without regard to case; any other category is shown as sent. */
static const Category copa_categories[] = {
  { "Excessive Force", NC_("copa-category", "Excessive force") },
  { "Bias-Based Verbal Abuse", NC_("copa-category", "Bias-based verbal abuse") },
  { "Coercion", NC_("copa-category", "Coercion") },
  { "Domestic Violence", NC_("copa-category", "Domestic violence") },
  { "Improper Search And Seizure", NC_("copa-category", "Improper search and seizure") },
  { "Firearm Discharge", NC_("copa-category", "Firearm discharge") },
  { "Death Or Injury In Custody", NC_("copa-category", "Death or injury in custody") },
  { "Sexual Misconduct", NC_("copa-category", "Sexual misconduct") },
  { "Taser Discharge", NC_("copa-category", "Taser discharge") },
  { "Denial Of Counsel", NC_("copa-category", "Denial of counsel") },
};

/* Victims of Homicides and Non-Fatal Shootings (gumc-mgzr): the codes of age, sex and race.
 * The reference (socrata-cpd.md §2.6) names the fields only; these codes are those of the
 * Violence Reduction Dashboard. A code missing here is shown as sent. */
static const Category victim_ages[] = {
  { "UNKNOWN", NC_("victim-age", "Unknown") },
};

static const Category victim_sexes[] = {
  { "M", NC_("victim-sex", "Male") },
  { "F", NC_("victim-sex", "Female") },
  { "UNKNOWN", NC_("victim-sex", "Unknown") },
};

static const Category victim_races[] = {
  { "BLK", NC_("victim-race", "Black") },
  { "WHI", NC_("victim-race", "White") },
  { "WWH", NC_("victim-race", "White Hispanic") },
  { "WBH", NC_("victim-race", "Black Hispanic") },
  { "API", NC_("victim-race", "Asian or Pacific Islander") },
  { "I", NC_("victim-race", "American Indian or Alaska Native") },
  { "UNKNOWN", NC_("victim-race", "Unknown") },
};

/* Arrests (dpt3-jri9): the type and class of the most serious charge. Classes are those of
 * the Illinois Unified Code of Corrections (730 ILCS 5/5-4.5): X and 1-4 for felonies, A-C for
 * misdemeanors. */
static const Category charge_types[] = {
  { "F", NC_("charge-type", "Felony") },
  { "M", NC_("charge-type", "Misdemeanor") },
  { "L", NC_("charge-type", "Local ordinance") },
};

static const Category charge_classes[] = {
  { "X", NC_("charge-class", "Class X felony") },
  { "1", NC_("charge-class", "Class 1 felony") },
  { "2", NC_("charge-class", "Class 2 felony") },
  { "3", NC_("charge-class", "Class 3 felony") },
  { "4", NC_("charge-class", "Class 4 felony") },
  { "A", NC_("charge-class", "Class A misdemeanor") },
  { "B", NC_("charge-class", "Class B misdemeanor") },
  { "C", NC_("charge-class", "Class C misdemeanor") },
};

static const Category arrest_races[] = {
  { "BLACK", NC_("arrest-race", "Black") },
  { "WHITE HISPANIC", NC_("arrest-race", "White Hispanic") },
  { "WHITE", NC_("arrest-race", "White") },
  { "BLACK HISPANIC", NC_("arrest-race", "Black Hispanic") },
  { "ASIAN / PACIFIC ISLANDER", NC_("arrest-race", "Asian or Pacific Islander") },
  { "AMERICAN INDIAN / ALASKAN NATIVE", NC_("arrest-race", "American Indian or Alaska Native") },
  { "UNKNOWN", NC_("arrest-race", "Unknown") },
};

static const char *
find_label (const Category *table,
            gsize           n_entries,
            const char     *context,
            const char     *value)
{
  for (gsize i = 0; i < n_entries; i++)
    {
      /* The portal's case varies between dataset versions ("NOT SUSTAINED"). */
      if (g_ascii_strcasecmp (table[i].value, value) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, context, table[i].label);
    }
  return NULL;
}

const char *
lens_category_label (const char *context,
                     const char *value)
{
  const char *label = NULL;

  if (value == NULL)
    return NULL;

  if (g_strcmp0 (context, LENS_CATEGORY_CRIME_TYPE) == 0)
    label = find_label (crime_types, G_N_ELEMENTS (crime_types), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_COPA_FINDING) == 0)
    label = find_label (copa_findings, G_N_ELEMENTS (copa_findings), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_COPA_STATUS) == 0)
    label = find_label (copa_statuses, G_N_ELEMENTS (copa_statuses), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_COPA_CATEGORY) == 0)
    label = find_label (copa_categories, G_N_ELEMENTS (copa_categories), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_VICTIM_AGE) == 0)
    label = find_label (victim_ages, G_N_ELEMENTS (victim_ages), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_VICTIM_SEX) == 0)
    label = find_label (victim_sexes, G_N_ELEMENTS (victim_sexes), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_VICTIM_RACE) == 0)
    label = find_label (victim_races, G_N_ELEMENTS (victim_races), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_CHARGE_TYPE) == 0)
    label = find_label (charge_types, G_N_ELEMENTS (charge_types), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_CHARGE_CLASS) == 0)
    label = find_label (charge_classes, G_N_ELEMENTS (charge_classes), context, value);
  else if (g_strcmp0 (context, LENS_CATEGORY_ARREST_RACE) == 0)
    label = find_label (arrest_races, G_N_ELEMENTS (arrest_races), context, value);

  return label != NULL ? label : value;
}

const char *
lens_category_group (const char *context,
                     const char *value)
{
  /* The Crimes dataset renamed some primary types over the years: the old spelling counts
   * with the new one, as one row. */
  static const struct { const char *old_name, *new_name; } renamed[] = {
    { "CRIM SEXUAL ASSAULT", "CRIMINAL SEXUAL ASSAULT" },
    { "NON - CRIMINAL", "NON-CRIMINAL" },
  };

  if (value != NULL && g_strcmp0 (context, LENS_CATEGORY_CRIME_TYPE) == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
        if (g_ascii_strcasecmp (value, renamed[i].old_name) == 0)
          return renamed[i].new_name;
      return value;
    }

  if (value == NULL || g_strcmp0 (context, LENS_CATEGORY_COPA_STATUS) != 0)
    return value;

  if (g_ascii_strcasecmp (value, "Closed") == 0)
    return "Closed";
  /* A status that says it is open or pending is, whatever stage it names. */
  if (g_ascii_strcasecmp (value, "Open") == 0 ||
      g_ascii_strncasecmp (value, "Pending", strlen ("Pending")) == 0)
    return LENS_COPA_STATUS_OPEN;

  return value;
}
