/* test-format.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "lens-format.h"
#include "lens-test-util.h"

#define MINUS "\xe2\x88\x92"
#define NBSP  "\xc2\xa0"

/* Makes @name this thread's locale; fails the test when the system lacks it. */
static gboolean
push_locale (const char *name,
             locale_t   *out)
{
  locale_t loc;

  if (!lens_test_require_locale (name))
    return FALSE;

  loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  g_assert_true (loc != (locale_t) 0);

  uselocale (loc);
  *out = loc;
  return TRUE;
}

static void
pop_locale (locale_t loc)
{
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);
}

#define assert_format(expr, expected) \
  G_STMT_START { \
    g_autofree char *_s = (expr); \
    g_assert_cmpstr (_s, ==, (expected)); \
  } G_STMT_END

/* The separators the C library gives for the current locale, to check the ones that are not
 * ASCII (pl_PL uses U+202F in recent glibc, U+00A0 in older ones). */
static char *
grouped (const char *a,
         const char *b)
{
  return g_strconcat (a, localeconv ()->thousands_sep, b, NULL);
}

static void
test_format_c_locale (void)
{
  /* LC_ALL=C.UTF-8 in the test environment: no grouping, "." decimal */
  assert_format (lens_format_count (262914), "262914");
  assert_format (lens_format_count (NAN), "\xe2\x80\x94");
  assert_format (lens_format_count (INFINITY), "\xe2\x80\x94");
  assert_format (lens_format_count (-0.2), "0");
  assert_format (lens_format_count (-1500), MINUS "1500");
  assert_format (lens_format_number (2.345, 2), "2.35");
  assert_format (lens_format_percent (12.34, 1), "12.3%");
  assert_format (lens_format_percent (NAN, 1), "\xe2\x80\x94");
  assert_format (lens_format_change (0, 5), "n/a");
  assert_format (lens_format_change (NAN, 5), "n/a");
  assert_format (lens_format_change (5, NAN), "n/a");
  assert_format (lens_format_change (100, 104.2), "+4.2%");
  assert_format (lens_format_change (100, 97), MINUS "3.0%");
  assert_format (lens_format_change (100, 100), "0.0%");
  assert_format (lens_format_change (-50, -25), "+50.0%");
}

static void
test_format_en (void)
{
  locale_t loc;
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 3, 5, 14, 30, 0);

  if (!push_locale ("en_US.UTF-8", &loc))
    return;

  assert_format (lens_format_count (262914), "262,914");
  assert_format (lens_format_count (1e12), "1,000,000,000,000");
  assert_format (lens_format_number (1234.5, 1), "1,234.5");
  assert_format (lens_format_count (-1500), MINUS "1,500");
  assert_format (lens_format_percent (12.34, 1), "12.3%");
  assert_format (lens_format_change (100, 104.2), "+4.2%");
  assert_format (lens_format_change (2000, 1000), MINUS "50.0%");
  assert_format (lens_format_change (0, 3), "n/a");
  assert_format (lens_format_month (2024, 1), "Jan 2024");
  assert_format (lens_format_date (dt), "03/05/2024");
  {
    g_autoptr(GDateTime) with_seconds = g_date_time_new_utc (2024, 3, 5, 14, 30, 45);
    g_autoptr(GDateTime) local = g_date_time_to_local (with_seconds);
    g_autofree char *s = lens_format_datetime (with_seconds);
    g_autofree char *minutes = g_date_time_format (local, ":%M");

    /* the month in words, the time to the minute, no seconds */
    g_assert_nonnull (strstr (s, "Mar 2024"));
    g_assert_nonnull (strstr (s, minutes));
    g_assert_null (strstr (s, ":45"));
  }

  pop_locale (loc);
}

static void
test_format_es (void)
{
  locale_t loc;
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 3, 5, 14, 30, 0);

  if (!push_locale ("es_ES.UTF-8", &loc))
    return;

  assert_format (lens_format_count (262914), "262.914");
  assert_format (lens_format_number (1234.5, 1), "1.234,5");
  assert_format (lens_format_percent (12.34, 1), "12,3" NBSP "%");
  assert_format (lens_format_change (100, 104.2), "+4,2" NBSP "%");
  assert_format (lens_format_change (100, 96.5), MINUS "3,5" NBSP "%");
  assert_format (lens_format_change (0, 1), "n/a");
  assert_format (lens_format_month (2024, 1), "ene 2024");
  assert_format (lens_format_date (dt), "05/03/24");

  pop_locale (loc);
}

static void
test_format_pl (void)
{
  locale_t loc;
  g_autofree char *expected = NULL;
  g_autofree char *s = NULL;

  if (!push_locale ("pl_PL.UTF-8", &loc))
    return;

  /* a space-like separator, never "," or "." */
  g_assert_cmpstr (localeconv ()->thousands_sep, !=, ",");
  g_assert_cmpstr (localeconv ()->thousands_sep, !=, ".");
  g_assert_true (g_unichar_isspace (g_utf8_get_char (localeconv ()->thousands_sep)) ||
                 g_utf8_get_char (localeconv ()->thousands_sep) == 0x202F);
  expected = grouped ("262", "914");
  assert_format (lens_format_count (262914), expected);
  assert_format (lens_format_percent (12.34, 1), "12,3%");
  assert_format (lens_format_change (200, 100), MINUS "50,0%");

  s = lens_format_number (0.5, 1);
  g_assert_cmpstr (s, ==, "0,5");

  pop_locale (loc);
}

static void
test_format_ar (void)
{
  locale_t loc;
  g_autofree char *expected = NULL;
  g_autofree char *decimal = NULL;

  if (!push_locale ("ar_EG.UTF-8", &loc))
    return;

  /* whatever separators the C library's ar_EG defines (ASCII in glibc 2.36) */
  expected = grouped ("262", "914");
  assert_format (lens_format_count (262914), expected);
  decimal = g_strconcat ("12", localeconv ()->decimal_point, "3%", NULL);
  assert_format (lens_format_percent (12.34, 1), decimal);
  assert_format (lens_format_change (0, 1), "n/a");
  {
    /* Arabic messages: the sign stays in front of the number, in a left-to-right isolate */
    g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
    g_autofree char *change = NULL;

    g_setenv ("LANGUAGE", "ar", TRUE);
    change = lens_format_change (100, 110);
    g_assert_true (g_str_has_prefix (change, "\u2066+10"));
    g_assert_true (g_str_has_suffix (change, "\u2069"));
    if (saved != NULL)
      g_setenv ("LANGUAGE", saved, TRUE);
    else
      g_unsetenv ("LANGUAGE");
    g_clear_pointer (&change, g_free);
    change = lens_format_change (100, 110);
    g_assert_true (g_str_has_prefix (change, "+10"));
  }
  {
    g_autofree char *month = lens_format_month (2024, 1);
    g_assert_true (g_utf8_validate (month, -1, NULL));
    g_assert_nonnull (strstr (month, "2024"));
  }

  pop_locale (loc);
}

static void
test_format_hi (void)
{
  locale_t loc;
  g_autofree char *expected = NULL;

  if (!push_locale ("hi_IN.UTF-8", &loc))
    return;

  expected = grouped ("262", "914");
  assert_format (lens_format_count (262914), expected);
  assert_format (lens_format_percent (12.34, 1), "12.3%");
  assert_format (lens_format_change (100, 150), "+50.0%");
  {
    g_autofree char *month = lens_format_month (2024, 12);
    g_assert_true (g_utf8_validate (month, -1, NULL));
    g_assert_nonnull (strstr (month, "2024"));
  }

  pop_locale (loc);
}

static void
test_format_age (void)
{
  assert_format (lens_format_age (-5), "just now");
  assert_format (lens_format_age (0), "just now");
  assert_format (lens_format_age (59), "just now");
  assert_format (lens_format_age (60), "1 minute ago");
  assert_format (lens_format_age (5 * 60 + 10), "5 minutes ago");
  assert_format (lens_format_age (3600), "1 hour ago");
  assert_format (lens_format_age (3 * 3600), "3 hours ago");
  assert_format (lens_format_age (86400), "1 day ago");
  assert_format (lens_format_age (2 * 86400), "2 days ago");
  assert_format (lens_format_age (45 * 86400), "1 month ago");
  assert_format (lens_format_age (100 * 86400), "3 months ago");
  assert_format (lens_format_age ((gint64) 3 * 365 * 86400), "3 years ago");
  assert_format (lens_format_age (G_MAXINT64), "2147483647 years ago");
}

/* Every language's date-and-time format is to the minute: no seconds, no numeric-only
 * locale formats (%x, %X, %c, %T, %r). Read from the .po files the build compiles. */
static void
test_format_datetime_translations (void)
{
  static const char *languages[] = { "es", "zh_CN", "pl", "ar", "hi" };
  static const char *forbidden[] = { "%S", "%X", "%x", "%c", "%T", "%r", "%s" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strconcat (languages[i], ".po", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *format = NULL;
      const char *entry, *msgstr;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_no_error (error);
      entry = strstr (text, "msgctxt \"date and time\"\nmsgid \"%-d %b %Y, %-I:%M %p\"\n");
      g_assert_nonnull (entry);
      msgstr = strstr (entry, "msgstr \"");
      g_assert_nonnull (msgstr);
      msgstr += strlen ("msgstr \"");
      format = g_strndup (msgstr, strcspn (msgstr, "\""));

      g_test_message ("%s: %s", languages[i], format);
      g_assert_cmpstr (format, !=, "");
      g_assert_nonnull (strstr (format, "%M"));
      for (guint f = 0; f < G_N_ELEMENTS (forbidden); f++)
        g_assert_null (strstr (format, forbidden[f]));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/c-locale", test_format_c_locale);
  g_test_add_func ("/format/en_US", test_format_en);
  g_test_add_func ("/format/es_ES", test_format_es);
  g_test_add_func ("/format/pl_PL", test_format_pl);
  g_test_add_func ("/format/ar_EG", test_format_ar);
  g_test_add_func ("/format/hi_IN", test_format_hi);
  g_test_add_func ("/format/age", test_format_age);
  g_test_add_func ("/format/datetime-translations", test_format_datetime_translations);

  return g_test_run ();
}
