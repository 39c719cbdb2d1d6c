/* lens-categories.h: translated labels for the portal's category values
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Contexts of the category vocabularies the portal sends in English. */
#define LENS_CATEGORY_CRIME_TYPE    "crime-type"     /* Crimes primary_type: THEFT, BATTERY */
#define LENS_CATEGORY_COPA_FINDING  "copa-finding"   /* COPA finding_code: Sustained ... */
#define LENS_CATEGORY_COPA_STATUS   "copa-status"    /* COPA current_status: Closed, Pending ... */
#define LENS_CATEGORY_COPA_CATEGORY "copa-category"  /* COPA current_category: Excessive Force */
#define LENS_CATEGORY_VICTIM_AGE    "victim-age"     /* Victims age: 20-29, UNKNOWN */
#define LENS_CATEGORY_VICTIM_SEX    "victim-sex"     /* Victims sex: M, F */
#define LENS_CATEGORY_VICTIM_RACE   "victim-race"    /* Victims race: BLK, WHI */
#define LENS_CATEGORY_CHARGE_TYPE   "charge-type"    /* Arrests charge_1_type: F, M */
#define LENS_CATEGORY_CHARGE_CLASS  "charge-class"   /* Arrests charge_1_class: X, 1, A */
#define LENS_CATEGORY_ARREST_RACE   "arrest-race"    /* Arrests race: BLACK, WHITE HISPANIC */

/* The group key of the COPA statuses that are not closed ("Pending Investigation", ...). */
#define LENS_COPA_STATUS_OPEN       "Open or pending"

/* The label to show for @value, a category the portal sent in the vocabulary @context (or a
 * group key of lens_category_group()):
 * translated when the value is known ("THEFT" -> "Theft", "Robo" in Spanish), otherwise the
 * value exactly as the portal sent it. Never NULL for a non-NULL @value. */
const char  *lens_category_label (const char *context,
                                  const char *value);

/* The key under which a chart of @context counts @value: values that mean the same thing for
 * the chart share one key, whose label lens_category_label() gives. "crime-type" puts a renamed
 * primary type with its new name ("CRIM SEXUAL ASSAULT" -> "CRIMINAL SEXUAL ASSAULT").
 * "copa-status" groups:
 * "Closed" stays "Closed", "Open" and every "Pending ..." status become LENS_COPA_STATUS_OPEN,
 * and a status that is neither obviously open nor closed stays as the portal names it.
 * Otherwise @value itself. */
const char  *lens_category_group (const char *context,
                                  const char *value);

G_END_DECLS
