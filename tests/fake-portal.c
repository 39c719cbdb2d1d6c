/* fake-portal.c: run the fake Socrata portal by hand
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fake-portal --port 8080 [--fault 503-then-success] [--seed 7] [--rename mft5-nfa8:beat:beats]
 *   reform-lens --portal http://127.0.0.1:8080 ...
 *
 * Everything it serves is synthetic (a seeded generator), never City data.
 */
#define G_LOG_DOMAIN "fake-portal"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>

#include "lens-fake-portal.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LensFakePortal) portal = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fault_name = NULL;
  g_autofree char *retry_after = NULL;
  g_auto(GStrv) stale = NULL;
  g_auto(GStrv) bumps = NULL;
  g_auto(GStrv) renames = NULL;
  g_auto(GStrv) retypes = NULL;
  LensFakeFault fault = LENS_FAKE_FAULT_NONE;
  guint n_times = 0;
  int port = 0;
  int seed = 1;
  int raw_rows = 2500;
  int stall = 30;
  int times = -1;
  int version = 0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free port)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the synthetic data", "S" },
    { "fault", 'f', 0, G_OPTION_ARG_STRING, &fault_name,
      "Fault to inject: 429, 429-retry-after, 429-then-success, 500, 502, 503, 503-then-success, "
      "202, stall, truncated, invalid-json, wrong-shape, error-malformed, error-no-such-column, "
      "html, huge, redirect-insecure", "NAME" },
    { "fault-count", 'n', 0, G_OPTION_ARG_INT, &times, "Requests the fault applies to (0: all)", "N" },
    { "retry-after", 0, 0, G_OPTION_ARG_STRING, &retry_after, "Retry-After value sent with 429-retry-after", "VALUE" },
    { "stall-seconds", 0, 0, G_OPTION_ARG_INT, &stall, "How long a stalled request waits", "SECONDS" },
    { "raw-rows", 0, 0, G_OPTION_ARG_INT, &raw_rows, "Rows an unaggregated query pages through", "N" },
    { "data-version", 0, 0, G_OPTION_ARG_INT, &version, "Version of the synthetic data", "N" },
    { "bump", 0, 0, G_OPTION_ARG_STRING_ARRAY, &bumps,
      "After --stale: the City updates its data (14 days on) and revises MONTH; repeatable", "YYYY-MM" },
    { "stale", 0, 0, G_OPTION_ARG_STRING_ARRAY, &stale,
      "A dataset last updated on DAY (its rows end its lag before), e.g. ijzp-q8t2=2025-06-15; repeatable",
      "ID=DAY" },
    { "rename", 0, 0, G_OPTION_ARG_STRING_ARRAY, &renames,
      "A column the City has renamed, e.g. mft5-nfa8:beat:beats; repeatable", "DATASET:OLD:NEW" },
    { "retype", 0, 0, G_OPTION_ARG_STRING_ARRAY, &retypes,
      "A column the City has given another metadata type, e.g. ijzp-q8t2:arrest:text; repeatable",
      "DATASET:NAME:TYPE" },
    { NULL }
  };

  context = g_option_context_new ("- a fake Socrata portal serving synthetic data");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (fault_name != NULL && !lens_fake_fault_from_string (fault_name, &fault, &n_times))
    {
      g_printerr ("Unknown fault “%s”\n", fault_name);
      return EXIT_FAILURE;
    }
  if (times >= 0)
    n_times = times;

  if (port < 0 || port > G_MAXUINT16 || seed < 0 || raw_rows < 0 || stall < 0 || version < 0)
    {
      g_printerr ("Numbers must be positive (and the port at most 65535)\n");
      return EXIT_FAILURE;
    }

  portal = lens_fake_portal_new_full (port, seed, &error);
  if (portal == NULL)
    {
      g_printerr ("Could not start the fake portal: %s\n", error->message);
      return EXIT_FAILURE;
    }

  lens_fake_portal_set_fault (portal, fault, n_times);
  lens_fake_portal_set_raw_rows (portal, raw_rows);
  lens_fake_portal_set_stall_seconds (portal, stall);
  lens_fake_portal_set_data_version (portal, version);
  if (retry_after != NULL)
    lens_fake_portal_set_retry_after (portal, retry_after);
  for (guint i = 0; stale != NULL && stale[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (stale[i], "=", 2);
      g_autofree char *iso = pair[1] != NULL ? g_strconcat (pair[1], "T11:00:00Z", NULL) : NULL;
      g_autoptr(GDateTime) day = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

      if (day == NULL)
        {
          g_printerr ("--stale takes ID=YYYY-MM-DD, not “%s”\n", stale[i]);
          return EXIT_FAILURE;
        }
      lens_fake_portal_set_as_of (portal, pair[0], g_date_time_to_unix (day), NULL);
    }

  for (guint i = 0; bumps != NULL && bumps[i] != NULL; i++)
    if (!lens_fake_portal_bump (portal, bumps[i]))
      {
        g_printerr ("--bump takes a month of the synthetic series, YYYY-MM, not “%s”\n", bumps[i]);
        return EXIT_FAILURE;
      }
  for (guint i = 0; renames != NULL && renames[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (renames[i], ":", 3);

      if (g_strv_length (parts) != 3 || lens_fake_data_get_fields (parts[0]) == NULL ||
          *parts[1] == '\0' || *parts[2] == '\0')
        {
          g_printerr ("--rename takes DATASET:OLD:NEW with a dataset the fake portal has, not “%s”\n",
                      renames[i]);
          return EXIT_FAILURE;
        }
      lens_fake_portal_rename_column (portal, parts[0], parts[1], parts[2]);
    }
  for (guint i = 0; retypes != NULL && retypes[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (retypes[i], ":", 3);

      if (g_strv_length (parts) != 3 || lens_fake_data_get_fields (parts[0]) == NULL ||
          *parts[1] == '\0' || *parts[2] == '\0')
        {
          g_printerr ("--retype takes DATASET:NAME:TYPE with a dataset the fake portal has, not “%s”\n",
                      retypes[i]);
          return EXIT_FAILURE;
        }
      lens_fake_portal_retype_column (portal, parts[0], parts[1], parts[2]);
    }

  g_print ("%s\n", lens_fake_portal_get_base_url (portal));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  return EXIT_SUCCESS;
}
