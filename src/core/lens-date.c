/* lens-date.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-date"

#include "config.h"

#include <string.h>

#include "lens-date.h"

/* @n digits at @text, as a number; FALSE if any is not a digit. sscanf would take signs,
 * spaces and fewer digits ("2020-1-5"). */
static gboolean
read_digits (const char *text,
             guint       n,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* "YYYY-MM" at the start of @text */
static gboolean
read_month (const char *text,
            guint      *year,
            guint      *month)
{
  return read_digits (text, 4, year) && text[4] == '-' && read_digits (text + 5, 2, month) &&
         *year >= 1 && *month >= 1 && *month <= 12;
}

/* "YYYY-MM-DD" at the start of @text */
static gboolean
read_day (const char *text,
          GDate      *date)
{
  guint year, month, day;

  if (!read_month (text, &year, &month) || text[7] != '-' || !read_digits (text + 8, 2, &day) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* "THH:MM:SS", then optionally a fraction ".fff", and nothing else */
static gboolean
is_floating_time (const char *text)
{
  guint hour, minute, second;

  if (text[0] != 'T' || !read_digits (text + 1, 2, &hour) || text[3] != ':' ||
      !read_digits (text + 4, 2, &minute) || text[6] != ':' || !read_digits (text + 7, 2, &second) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  text += 9;
  if (*text == '.')
    {
      if (!g_ascii_isdigit (text[1]))
        return FALSE;
      for (text++; g_ascii_isdigit (*text); text++)
        ;
    }

  return *text == '\0';
}

gboolean
lens_date_parse_iso (const char *text,
                     GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || !read_day (text, date))
    {
      g_date_clear (date, 1);
      return FALSE;
    }

  return TRUE;
}

gboolean
lens_date_parse_iso_month (const char *text,
                           guint      *year,
                           guint      *month)
{
  guint y, m;

  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || !read_month (text, &y, &m))
    return FALSE;

  *year = y;
  *month = m;
  return TRUE;
}

gboolean
lens_date_parse_floating (const char *text,
                          GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) < 10 || !read_day (text, date) ||
      (text[10] != '\0' && !is_floating_time (text + 10)))
    {
      g_date_clear (date, 1);
      return FALSE;
    }

  return TRUE;
}

char *
lens_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gboolean
lens_date_range_parse (const char *text,
                       GDate      *from,
                       GDate      *to)
{
  const char *slash;
  g_autofree char *first = NULL;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  g_date_clear (from, 1);
  g_date_clear (to, 1);

  if (text == NULL || (slash = strchr (text, '/')) == NULL)
    return FALSE;

  first = g_strndup (text, slash - text);
  if (!lens_date_parse_iso (first, from) || !lens_date_parse_iso (slash + 1, to))
    {
      g_date_clear (from, 1);
      g_date_clear (to, 1);
      return FALSE;
    }

  return g_date_compare (from, to) <= 0;
}

char *
lens_date_range_format (const GDate *from,
                        const GDate *to)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  first = lens_date_format_iso (from);
  last = lens_date_format_iso (to);
  if (first == NULL || last == NULL)
    return NULL;

  return g_strconcat (first, "/", last, NULL);
}
