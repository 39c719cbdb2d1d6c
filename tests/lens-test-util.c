/* lens-test-util.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lens-test-util.h"

static gboolean
safety_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
lens_test_wait_until (LensTestPredicate predicate,
                      gpointer          data)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) safety = g_timeout_source_new_seconds (LENS_TEST_SAFETY_SECONDS);
  gboolean expired = FALSE;

  g_source_set_callback (safety, safety_cb, &expired, NULL);
  g_source_attach (safety, context);

  while (!predicate (data) && !expired)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (safety);

  if (predicate (data))
    return TRUE;

  g_test_message ("still waiting after %u s: the test is stuck", LENS_TEST_SAFETY_SECONDS);
  return FALSE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(const gboolean *) data;
}

gboolean
lens_test_wait_flag (const gboolean *flag)
{
  return lens_test_wait_until (flag_is_set, (gpointer) flag);
}

void
lens_test_drain (guint max_iterations)
{
  for (guint i = 0; i < max_iterations && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

gboolean
lens_test_require_locale (const char *locale)
{
  locale_t loc = newlocale (LC_ALL_MASK, locale, (locale_t) 0);

  if (loc != (locale_t) 0)
    {
      freelocale (loc);
      return TRUE;
    }

  g_test_fail_printf ("the locale %s is not installed; build-aux/setup.sh generates the "
                      "locales the tests need", locale);
  return FALSE;
}
