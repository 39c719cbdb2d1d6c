/* lens-test-util.h: waiting for events and requiring locales, for every test
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tests wait for what they test (a callback, a signal, a state), never for a time. The only
 * clock is this safety net, which ends a hung wait so that the test fails with a message
 * instead of being killed by the harness; it is far above what any wait takes on a loaded
 * machine under the sanitizers. */
#define LENS_TEST_SAFETY_SECONDS 120

typedef gboolean (*LensTestPredicate) (gpointer data);

/* Iterates the thread-default main context until @predicate (@data) holds. FALSE (and a test
 * message) only when the safety net ran out first. */
gboolean lens_test_wait_until        (LensTestPredicate  predicate,
                                      gpointer           data);

/* Until *@flag is TRUE (a callback sets it). */
gboolean lens_test_wait_flag         (const gboolean    *flag);

/* Dispatches what is ready now, without blocking: at most @max_iterations rounds. */
void     lens_test_drain             (guint              max_iterations);

/* TRUE when the C library has @locale ("es_ES.UTF-8"). When it has not, the test FAILS (it
 * does not skip: a skipped locale test would hide a translation or formatting fault), with a
 * message naming build-aux/setup.sh, which generates the project's locales. */
gboolean lens_test_require_locale    (const char        *locale);

G_END_DECLS
