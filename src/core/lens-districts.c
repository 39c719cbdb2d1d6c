/* lens-districts.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-districts"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-districts.h"

/* The 22 districts and their names (CPD). Districts 13, 21 and 23 were merged into others
 * in 2012 and do not appear in current data. */
static const LensDistrict districts[] = {
  { 1, "Central" },
  { 2, "Wentworth" },
  { 3, "Grand Crossing" },
  { 4, "South Chicago" },
  { 5, "Calumet" },
  { 6, "Gresham" },
  { 7, "Englewood" },
  { 8, "Chicago Lawn" },
  { 9, "Deering" },
  { 10, "Ogden" },
  { 11, "Harrison" },
  { 12, "Near West" },
  { 14, "Shakespeare" },
  { 15, "Austin" },
  { 16, "Jefferson Park" },
  { 17, "Albany Park" },
  { 18, "Near North" },
  { 19, "Town Hall" },
  { 20, "Lincoln" },
  { 22, "Morgan Park" },
  { 24, "Rogers Park" },
  { 25, "Grand Central" },
};

guint
lens_districts_get_count (void)
{
  return G_N_ELEMENTS (districts);
}

const LensDistrict *
lens_districts_get_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (districts), NULL);

  return &districts[n];
}

const LensDistrict *
lens_district_lookup_number (guint number)
{
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    if (districts[i].number == number)
      return &districts[i];

  return NULL;
}

/* A string of 1 to @max_len ASCII digits, as a number; -1 otherwise. */
static int
parse_digits (const char *text,
              gsize       max_len)
{
  gsize len;
  int value = 0;

  if (text == NULL)
    return -1;

  len = strlen (text);
  if (len == 0 || len > max_len)
    return -1;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }

  return value;
}

const LensDistrict *
lens_district_lookup (const char *code)
{
  int number = parse_digits (code, 3);

  if (number <= 0)
    return NULL;

  return lens_district_lookup_number ((guint) number);
}

char *
lens_district_dup_code (const LensDistrict *district)
{
  g_return_val_if_fail (district != NULL, NULL);

  return g_strdup_printf ("%03u", district->number);
}

char *
lens_district_dup_label (const LensDistrict *district)
{
  g_return_val_if_fail (district != NULL, NULL);

  /* Translators: a police district's number and its name, e.g. "5 – Calumet".
   * The name is a proper name and stays as it is. */
  return g_strdup_printf (_("%u – %s"), district->number, district->name);
}

guint
lens_district_from_beat (const char *beat)
{
  int number;

  if (beat == NULL || strlen (beat) < 3)
    return 0;

  number = parse_digits (beat, 4);
  /* A beat is district * 100 + sector * 10 + beat: the last two digits are never 00. */
  if (number <= 0 || number % 100 == 0)
    return 0;

  if (lens_district_lookup_number ((guint) (number / 100)) == NULL)
    return 0;

  return (guint) (number / 100);
}
