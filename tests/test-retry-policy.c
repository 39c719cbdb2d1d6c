/* test-retry-policy.c: when the portal client asks again, and after how long
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-retry-policy"

#include "config.h"

#include <libsoup/soup.h>

#include "lens-retry-policy.h"

/* Every answer here comes from the arguments alone: a fixed "now", a given jitter. */

static GDateTime *
fixed_now (void)
{
  /* Tue, 07 Apr 2026 12:00:00 GMT */
  return g_date_time_new_utc (2026, 4, 7, 12, 0, 0);
}

static void
test_retryable (void)
{
  const guint retried[] = { 202, 429, 502, 503, 504 };
  const guint final[] = { 200, 204, 301, 304, 400, 401, 403, 404, 408, 500, 501, 505 };

  for (guint i = 0; i < G_N_ELEMENTS (retried); i++)
    g_assert_true (lens_retry_policy_is_retryable (retried[i]));
  for (guint i = 0; i < G_N_ELEMENTS (final); i++)
    g_assert_false (lens_retry_policy_is_retryable (final[i]));
}

static void
test_parse_seconds (void)
{
  g_autoptr(GDateTime) now = fixed_now ();

  g_assert_cmpint (lens_retry_policy_parse_retry_after ("0", now), ==, 0);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("1", now), ==, 1000);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("120", now), ==, 120000);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("007", now), ==, 7000);
  /* Far too many seconds: very long, not a negative number. */
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("99999999999999999999999", now), >, 0);

  /* Not delay-seconds (1*DIGIT) and not a date. */
  g_assert_cmpint (lens_retry_policy_parse_retry_after (NULL, now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("", now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("+5", now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("1.5", now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("5 ", now), ==, -1);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("soon", now), ==, -1);
}

static void
test_parse_date (void)
{
  g_autoptr(GDateTime) now = fixed_now ();

  /* The three HTTP date forms, 90 s after now. */
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("Tue, 07 Apr 2026 12:01:30 GMT", now), ==, 90000);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("Tuesday, 07-Apr-26 12:01:30 GMT", now), ==, 90000);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("Tue Apr  7 12:01:30 2026", now), ==, 90000);

  /* Now, and the past: no wait. */
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("Tue, 07 Apr 2026 12:00:00 GMT", now), ==, 0);
  g_assert_cmpint (lens_retry_policy_parse_retry_after ("Mon, 06 Apr 2026 12:00:00 GMT", now), ==, 0);

  /* Sub-second "now": the difference to the millisecond. */
  {
    g_autoptr(GDateTime) later_now = g_date_time_add (now, 250 * G_TIME_SPAN_MILLISECOND);

    g_assert_cmpint (lens_retry_policy_parse_retry_after ("Tue, 07 Apr 2026 12:00:02 GMT", later_now), ==, 1750);
  }
}

static void
test_backoff (void)
{
  const LensRetryPolicy policy = { 3, 1000, 30000 };
  g_autoptr(GDateTime) now = fixed_now ();
  guint delay = 0;

  /* Doubling from the base, with jitter 0 ... */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_assert_true (lens_retry_policy_get_delay (&policy, attempt, 503, NULL, now, 0, &delay));
      g_assert_cmpuint (delay, ==, 1000u << attempt);
    }

  /* ... up to a quarter of the base more, with the largest jitter, and in between. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 0, 429, NULL, now, G_MAXUINT32, &delay));
  g_assert_cmpuint (delay, ==, 1250);
  g_assert_true (lens_retry_policy_get_delay (&policy, 1, 429, NULL, now, G_MAXUINT32 / 2, &delay));
  g_assert_cmpuint (delay, ==, 2000 + 125);

  /* An unreadable Retry-After is ignored. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 2, 429, "later", now, 0, &delay));
  g_assert_cmpuint (delay, ==, 4000);
}

static void
test_cap (void)
{
  const LensRetryPolicy policy = { 40, 1000, 30000 };
  g_autoptr(GDateTime) now = fixed_now ();
  guint delay = 0;

  /* 1000 << 5 = 32 s: capped. So are late attempts, without overflowing. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 5, 502, NULL, now, 0, &delay));
  g_assert_cmpuint (delay, ==, 30000);
  g_assert_true (lens_retry_policy_get_delay (&policy, 39, 502, NULL, now, G_MAXUINT32, &delay));
  g_assert_cmpuint (delay, ==, 30000);

  /* Retry-After is capped too: an hour asked, 30 s waited. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 0, 429, "3600", now, 0, &delay));
  g_assert_cmpuint (delay, ==, 30000);
  g_assert_true (lens_retry_policy_get_delay (&policy, 0, 429, "99999999999999999999", now, 0, &delay));
  g_assert_cmpuint (delay, ==, 30000);
}

static void
test_retry_after_wins (void)
{
  const LensRetryPolicy policy = { 3, 10, 5000 };
  g_autoptr(GDateTime) now = fixed_now ();
  guint delay = 0;

  /* What the portal asks for, not the back-off, whatever the attempt and the jitter. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 0, 429, "1", now, G_MAXUINT32, &delay));
  g_assert_cmpuint (delay, ==, 1000);
  g_assert_true (lens_retry_policy_get_delay (&policy, 2, 503, "2", now, 0, &delay));
  g_assert_cmpuint (delay, ==, 2000);
  g_assert_true (lens_retry_policy_get_delay (&policy, 0, 429, "0", now, G_MAXUINT32, &delay));
  g_assert_cmpuint (delay, ==, 0);
  g_assert_true (lens_retry_policy_get_delay (&policy, 1, 429, "Tue, 07 Apr 2026 12:00:03 GMT", now, 0, &delay));
  g_assert_cmpuint (delay, ==, 3000);
}

static void
test_no_retry (void)
{
  const LensRetryPolicy policy = { 2, 10, 50 };
  const LensRetryPolicy never = { 0, 10, 50 };
  g_autoptr(GDateTime) now = fixed_now ();
  guint delay = 12345;

  /* Not a status worth asking again for, however early. */
  g_assert_false (lens_retry_policy_get_delay (&policy, 0, 500, NULL, now, 0, &delay));
  g_assert_false (lens_retry_policy_get_delay (&policy, 0, 400, "1", now, 0, &delay));
  g_assert_false (lens_retry_policy_get_delay (&policy, 0, 404, NULL, now, 0, &delay));

  /* The retries used up: two after the first try. */
  g_assert_true (lens_retry_policy_get_delay (&policy, 1, 429, NULL, now, 0, &delay));
  g_assert_false (lens_retry_policy_get_delay (&policy, 2, 429, NULL, now, 0, &delay));
  g_assert_false (lens_retry_policy_get_delay (&policy, 7, 429, "1", now, 0, &delay));
  g_assert_false (lens_retry_policy_get_delay (&never, 0, 503, NULL, now, 0, &delay));

  /* A refusal leaves the delay alone: the 20 ms of the last retry allowed. */
  g_assert_cmpuint (delay, ==, 20);
}

static void
test_default (void)
{
  const LensRetryPolicy policy = LENS_RETRY_POLICY_INIT;
  g_autoptr(GDateTime) now = fixed_now ();
  guint delay = 0;

  g_assert_cmpuint (policy.max_retries, ==, 3);
  g_assert_cmpuint (policy.base_delay_ms, ==, 1000);
  g_assert_cmpuint (policy.max_delay_ms, ==, 30000);
  g_assert_true (lens_retry_policy_get_delay (&policy, 2, 503, NULL, now, 0, &delay));
  g_assert_cmpuint (delay, ==, 4000);
  g_assert_false (lens_retry_policy_get_delay (&policy, 3, 503, NULL, now, 0, &delay));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retry-policy/retryable", test_retryable);
  g_test_add_func ("/retry-policy/parse-seconds", test_parse_seconds);
  g_test_add_func ("/retry-policy/parse-date", test_parse_date);
  g_test_add_func ("/retry-policy/backoff", test_backoff);
  g_test_add_func ("/retry-policy/cap", test_cap);
  g_test_add_func ("/retry-policy/retry-after-wins", test_retry_after_wins);
  g_test_add_func ("/retry-policy/no-retry", test_no_retry);
  g_test_add_func ("/retry-policy/default", test_default);

  return g_test_run ();
}
