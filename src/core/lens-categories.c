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

  return label != NULL ? label : value;
}
