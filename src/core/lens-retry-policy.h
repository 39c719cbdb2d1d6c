/* lens-retry-policy.h: when a failed portal request is tried again, and after how long
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LENS_RETRY_DEFAULT_MAX_RETRIES    3
#define LENS_RETRY_DEFAULT_BASE_DELAY_MS  1000
#define LENS_RETRY_DEFAULT_MAX_DELAY_MS   30000

typedef struct
{
  guint max_retries;    /* tries after the first one */
  guint base_delay_ms;  /* the first back-off; it doubles with each retry */
  guint max_delay_ms;   /* the longest wait, whatever the portal asks for */
} LensRetryPolicy;

#define LENS_RETRY_POLICY_INIT { LENS_RETRY_DEFAULT_MAX_RETRIES, \
                                 LENS_RETRY_DEFAULT_BASE_DELAY_MS, \
                                 LENS_RETRY_DEFAULT_MAX_DELAY_MS }

/* These are pure: the same arguments give the same answer, with no clock and no randomness
 * of their own, so that they can be tested without waiting. */

/* 202 (still processing), 429, 502, 503 and 504: worth asking again. */
gboolean lens_retry_policy_is_retryable       (guint                  status);

/* A Retry-After value (delay-seconds or an HTTP date, RFC 9110 §10.2.3) as milliseconds from
 * @now; a date already past is 0. -1 when @value is NULL or not readable. */
gint64   lens_retry_policy_parse_retry_after  (const char            *value,
                                               GDateTime             *now);

/* Whether to try again after an answer with @status, when @attempt retries were already made,
 * and if so how long to wait first (*delay_ms): what Retry-After asks for, otherwise an
 * exponential back-off (base_delay_ms << attempt) plus up to a quarter of base_delay_ms of
 * jitter taken from @jitter (any 32-bit number, for example g_random_int (), so that clients
 * do not retry in step); never more than max_delay_ms. */
gboolean lens_retry_policy_get_delay          (const LensRetryPolicy *policy,
                                               guint                  attempt,
                                               guint                  status,
                                               const char            *retry_after,
                                               GDateTime             *now,
                                               guint32                jitter,
                                               guint                 *delay_ms);

G_END_DECLS
