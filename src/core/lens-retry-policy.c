/* lens-retry-policy.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-retry-policy"

#include "config.h"

#include <libsoup/soup.h>

#include "lens-retry-policy.h"

/* libsoup 3.2 has no name for it. */
#define HTTP_TOO_MANY_REQUESTS  429
/* Past this, a shift or a product would overflow; far past any max_delay_ms. */
#define MAX_SHIFT               20
#define MAX_RETRY_AFTER_SECONDS (G_MAXINT64 / 1000)

gboolean
lens_retry_policy_is_retryable (guint status)
{
  return status == SOUP_STATUS_ACCEPTED ||          /* 202: still processing */
         status == HTTP_TOO_MANY_REQUESTS ||
         status == SOUP_STATUS_BAD_GATEWAY ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
         status == SOUP_STATUS_GATEWAY_TIMEOUT;
}

static gboolean
is_delay_seconds (const char *value)
{
  /* 1*DIGIT: no sign, no space, no fraction. */
  if (*value == '\0')
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gint64
lens_retry_policy_parse_retry_after (const char *value,
                                     GDateTime  *now)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (now != NULL, -1);

  if (value == NULL)
    return -1;

  if (is_delay_seconds (value))
    {
      guint64 seconds = g_ascii_strtoull (value, NULL, 10);

      return (gint64) MIN (seconds, (guint64) MAX_RETRY_AFTER_SECONDS) * 1000;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;

  return MAX (0, g_date_time_difference (date, now) / 1000);
}

gboolean
lens_retry_policy_get_delay (const LensRetryPolicy *policy,
                             guint                  attempt,
                             guint                  status,
                             const char            *retry_after,
                             GDateTime             *now,
                             guint32                jitter,
                             guint                 *delay_ms)
{
  gint64 asked;
  guint64 delay;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (delay_ms != NULL, FALSE);

  if (!lens_retry_policy_is_retryable (status) || attempt >= policy->max_retries)
    return FALSE;

  asked = lens_retry_policy_parse_retry_after (retry_after, now);
  if (asked >= 0)
    delay = asked;
  else
    {
      guint64 spread = policy->base_delay_ms / 4 + 1;

      delay = (guint64) policy->base_delay_ms << MIN (attempt, MAX_SHIFT);
      /* jitter / 2^32 of the spread: from 0 to base_delay_ms / 4. */
      delay += ((guint64) jitter * spread) >> 32;
    }

  *delay_ms = (guint) MIN (delay, (guint64) policy->max_delay_ms);
  return TRUE;
}
