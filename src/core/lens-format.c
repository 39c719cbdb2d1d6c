/* lens-format.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "lens-format.h"
#include "lens-language.h"

#define MINUS_SIGN "\xe2\x88\x92" /* U+2212 */
#define EM_DASH    "\xe2\x80\x94" /* U+2014 */
#define NBSP       "\xc2\xa0"     /* U+00A0 */
#define NNBSP      "\xe2\x80\xaf" /* U+202F */

/* The language of LC_NUMERIC for this thread ("es_ES.UTF-8" -> "es"). glibc answers for the
 * thread's locale (uselocale), which setlocale (LC_NUMERIC, NULL) would not. */
static void
get_numeric_language (char lang[8])
{
  const char *name = NULL;
  gsize len;

#ifdef _NL_LOCALE_NAME
  name = nl_langinfo (_NL_LOCALE_NAME (LC_NUMERIC));
#endif
  if (name == NULL || *name == '\0')
    name = setlocale (LC_NUMERIC, NULL);
  if (name == NULL)
    name = "C";

  len = strcspn (name, "_.@");
  len = MIN (len, 7);
  memcpy (lang, name, len);
  lang[len] = '\0';
}

/* Where the percent sign goes, from CLDR's percent patterns for common languages: most write
 * "12.3%", some put a no-break space before the sign, a few put the sign first. */
static void
get_percent_affixes (const char **prefix,
                     const char **suffix)
{
  static const struct
  {
    const char *lang;
    const char *prefix;
    const char *suffix;
  } patterns[] = {
    { "bg", "", NBSP "%" },
    { "ca", "", NBSP "%" },
    { "cs", "", NBSP "%" },
    { "da", "", NBSP "%" },
    { "de", "", NBSP "%" },
    { "es", "", NBSP "%" },
    { "eu", "%" NBSP, "" },
    { "fi", "", NBSP "%" },
    { "fr", "", NNBSP "%" },
    { "nb", "", NBSP "%" },
    { "nn", "", NBSP "%" },
    { "no", "", NBSP "%" },
    { "ru", "", NBSP "%" },
    { "sk", "", NBSP "%" },
    { "sv", "", NBSP "%" },
    { "tr", "%", "" },
  };
  char lang[8];

  get_numeric_language (lang);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      if (strcmp (lang, patterns[i].lang) == 0)
        {
          *prefix = patterns[i].prefix;
          *suffix = patterns[i].suffix;
          return;
        }
    }

  *prefix = "";
  *suffix = "%";
}

/* printf's ' flag groups digits with the locale's thousands separator and grouping (3 in
 * most locales, 3;2 where the locale says so). The sign is left to the caller. */
static char *
format_magnitude (double value,
                  int    decimals)
{
  return g_strdup_printf ("%'.*f", decimals, fabs (value));
}

static gboolean
rounds_to_zero (double value,
                int    decimals)
{
  return fabs (value) < 0.5 * pow (10.0, -decimals);
}

char *
lens_format_number (double value,
                    int    decimals)
{
  g_autofree char *digits = NULL;

  if (!isfinite (value))
    return g_strdup (EM_DASH);

  decimals = CLAMP (decimals, 0, 12);
  digits = format_magnitude (value, decimals);

  if (value < 0 && !rounds_to_zero (value, decimals))
    return g_strconcat (MINUS_SIGN, digits, NULL);

  return g_steal_pointer (&digits);
}

char *
lens_format_count (double value)
{
  return lens_format_number (value, 0);
}

char *
lens_format_percent (double percent,
                     int    decimals)
{
  g_autofree char *number = NULL;
  const char *prefix;
  const char *suffix;

  if (!isfinite (percent))
    return g_strdup (EM_DASH);

  number = lens_format_number (percent, decimals);
  get_percent_affixes (&prefix, &suffix);

  /* The sign stays in front of the whole thing: "−12 %", "−%12". */
  if (g_str_has_prefix (number, MINUS_SIGN))
    return g_strconcat (MINUS_SIGN, prefix, number + strlen (MINUS_SIGN), suffix, NULL);

  return g_strconcat (prefix, number, suffix, NULL);
}

char *
lens_format_change (double before,
                    double after)
{
  g_autofree char *magnitude = NULL;
  const char *sign = "";
  double change;

  if (!isfinite (before) || !isfinite (after) || before == 0.0)
    {
      /* Translators: shown instead of a percentage change when there is nothing to compare
       * with (the earlier value is zero or missing) */
      return g_strdup (_("n/a"));
    }

  change = (after - before) / fabs (before) * 100.0;
  if (!isfinite (change))
    return g_strdup (_("n/a"));

  if (!rounds_to_zero (change, 1))
    sign = change > 0 ? "+" : MINUS_SIGN;

  magnitude = lens_format_percent (fabs (change), 1);

  /* In a right-to-left language the sign would be laid out after the number ("6.2%+"): a
   * left-to-right isolate keeps "+6.2%" together, in the order it is written */
  if (lens_language_is_rtl ())
    return g_strconcat ("\u2066", sign, magnitude, "\u2069", NULL);
  return g_strconcat (sign, magnitude, NULL);
}

char *
lens_format_date (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  /* Portal times arrive in UTC; people read them in their own time zone. */
  local = g_date_time_to_local (datetime);
  return g_date_time_format (local, "%x");
}

char *
lens_format_datetime (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  /* To the minute, with the month in words as in the rest of the app's text: "%x %X" gave
   * "26/11/26 02:05:09 अपराह्न UTC" in Hindi, a numeric date, the seconds and a zone name. */
  local = g_date_time_to_local (datetime);
  /* Translators: a date and time of day in footers ("Fetched …"), as a strftime format:
   * "26 Nov 2026, 2:05 PM". Use your language's usual clock (%H:%M for 24 hours); no
   * seconds. */
  return g_date_time_format (local, C_("date and time", "%-d %b %Y, %-I:%M %p"));
}

char *
lens_format_age (gint64 seconds)
{
  gint64 n;

  if (seconds < 60)
    return g_strdup (_("just now"));

  if (seconds < 60 * 60)
    {
      n = seconds / 60;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", n),
                              (int) n);
    }

  if (seconds < 24 * 60 * 60)
    {
      n = seconds / (60 * 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", n),
                              (int) n);
    }

  if (seconds < 30 * 24 * 60 * 60)
    {
      n = seconds / (24 * 60 * 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n),
                              (int) n);
    }

  if (seconds < (gint64) 365 * 24 * 60 * 60)
    {
      n = seconds / (30 * 24 * 60 * 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", n),
                              (int) n);
    }

  n = MIN (seconds / ((gint64) 365 * 24 * 60 * 60), G_MAXINT);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", n),
                          (int) n);
}

char *
lens_format_month (int year,
                   int month)
{
  g_autoptr(GDateTime) datetime = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  datetime = g_date_time_new_utc (CLAMP (year, 1, 9999), month, 1, 0, 0, 0);
  if (datetime == NULL)
    return g_strdup_printf ("%d-%02d", year, month);

  /* Translators: a month on a chart axis, as a strftime format: "%b %Y" is "Jan 2024".
   * Reorder or use "%OB" (the stand-alone month name) as your language needs. */
  return g_date_time_format (datetime, C_("month label", "%b %Y"));
}
