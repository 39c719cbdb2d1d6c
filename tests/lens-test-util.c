/* lens-test-util.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "lens-test-util.h"

/* Waits */

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

/* Folders of the test's own */

static char *
make_dir_named (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  char *path = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return path;
}

char *
lens_test_make_dir (void)
{
  g_autofree char *name = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname ()
                                                                         : "reform-lens-test");

  return make_dir_named (name);
}

void
lens_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A test may have made it read-only (an unwritable output folder). */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lens_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

guint
lens_test_count_files (const char *path,
                       const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;

  return n;
}

void
lens_test_write_edited (const char *path,
                        const char *base,
                        const char *find,
                        const char *replace)
{
  g_autoptr(GString) text = g_string_new (base);
  const char *at = strstr (base, find);

  g_test_message ("%s: %s -> %s", path, find, replace);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, find));
  g_string_replace (text, find, replace, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* Which process made the home: only that one removes it. */
#define HOME_VARIABLE "LENS_TEST_HOME"

static char *home;
static gboolean home_owned;

void
lens_test_home_set_up (void)
{
  const char *inherited = g_getenv (HOME_VARIABLE);
  g_autofree char *cache = NULL;
  g_autofree char *config = NULL;

  g_return_if_fail (home == NULL);

  if (inherited != NULL && g_file_test (inherited, G_FILE_TEST_IS_DIR))
    {
      home = g_strdup (inherited);
      home_owned = FALSE;
    }
  else
    {
      home = make_dir_named ("reform-lens-test-home");
      home_owned = TRUE;
      g_setenv (HOME_VARIABLE, home, TRUE);
    }

  cache = g_build_filename (home, "cache", NULL);
  config = g_build_filename (home, "config", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

const char *
lens_test_home_get_path (void)
{
  g_return_val_if_fail (home != NULL, NULL);
  return home;
}

void
lens_test_home_tear_down (void)
{
  if (home != NULL && home_owned)
    {
      lens_test_remove_tree (home);
      g_unsetenv (HOME_VARIABLE);
    }
  g_clear_pointer (&home, g_free);
}

/* The fake portal and a client */

typedef struct
{
  GArray         *waits;
  const gboolean *hold;
} InstantWaits;

static void
instant_waits_free (gpointer data)
{
  InstantWaits *instant = data;

  g_clear_pointer (&instant->waits, g_array_unref);
  g_free (instant);
}

/* A source that is never ready: only a cancel ends the wait it stands for. */
static gboolean
never_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs never_funcs = { NULL, NULL, never_dispatch, NULL, NULL, NULL };

static GSource *
instant_wait_func (guint    delay_ms,
                   gpointer user_data)
{
  InstantWaits *instant = user_data;

  if (instant->waits != NULL)
    g_array_append_val (instant->waits, delay_ms);
  if (instant->hold != NULL && *instant->hold)
    return g_source_new (&never_funcs, sizeof (GSource));

  return g_idle_source_new ();
}

void
lens_test_client_set_instant_waits (LensPortalClient *client,
                                    GArray           *waits,
                                    const gboolean   *hold)
{
  InstantWaits *instant = g_new0 (InstantWaits, 1);

  g_return_if_fail (LENS_IS_PORTAL_CLIENT (client));

  instant->waits = waits != NULL ? g_array_ref (waits) : NULL;
  instant->hold = hold;
  lens_portal_client_set_wait_func (client, instant_wait_func, instant, instant_waits_free);
}

void
lens_test_portal_watch_waits (LensTestPortal   *fixture,
                              LensPortalClient *client)
{
  lens_test_client_set_instant_waits (client, fixture->waits, &fixture->hold_waits);
}

void
lens_test_portal_set_up (LensTestPortal      *fixture,
                         guint                max_retries,
                         LensTestPortalFlags  flags)
{
  fixture->portal = lens_fake_portal_new ();
  if (!(flags & LENS_TEST_PORTAL_NO_CACHE))
    fixture->cache = lens_cache_new (NULL, 0);
  fixture->client = lens_portal_client_new (lens_fake_portal_get_base_url (fixture->portal),
                                            fixture->cache);
  fixture->waits = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->hold_waits = FALSE;
  lens_portal_client_set_retry_policy (fixture->client, max_retries, 10, 50);
  lens_test_portal_watch_waits (fixture, fixture->client);
}

void
lens_test_portal_tear_down (LensTestPortal *fixture)
{
  g_clear_object (&fixture->client);
  if (fixture->cache != NULL)
    g_assert_true (lens_cache_clear (fixture->cache, NULL));
  g_clear_object (&fixture->cache);
  g_clear_object (&fixture->portal);
  g_clear_pointer (&fixture->waits, g_array_unref);
}

void
lens_test_portal_fixture_set_up (LensTestPortal *fixture,
                                 gconstpointer   data)
{
  lens_test_portal_set_up (fixture, 1, LENS_TEST_PORTAL_DEFAULT);
}

void
lens_test_portal_fixture_tear_down (LensTestPortal *fixture,
                                    gconstpointer   data)
{
  lens_test_portal_tear_down (fixture);
}

/* The built program */

void
lens_test_run_clear (LensTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

const char *
lens_test_program_get_path (void)
{
  const char *bin = g_getenv ("REFORM_LENS_BIN");

  g_assert_nonnull (bin);
  return bin;
}

GSubprocessLauncher *
lens_test_program_launcher_new (GSubprocessFlags  flags,
                                const char       *cache_home)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  /* Headless: the commands must not need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (cache_home != NULL)
    g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);

  return launcher;
}

void
lens_test_run_program (LensTestRun        *run,
                       const char         *cwd,
                       const char         *cache_home,
                       const char * const *env,
                       const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) lens_test_program_get_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = lens_test_program_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                             G_SUBPROCESS_FLAGS_STDERR_PIPE, cache_home);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] != NULL)
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
    }
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d; stdout: %s; stderr: %s", run->status, run->out, run->err);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
lens_test_sort_doubles (double *values,
                        gsize   n_values)
{
  qsort (values, n_values, sizeof (double), compare_doubles);
}

double
lens_test_time_program (GSubprocessLauncher *launcher,
                        const char * const  *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

void
lens_test_program_set_up (LensTestProgram *fixture)
{
  fixture->portal = lens_fake_portal_new ();
  fixture->directory = lens_test_make_dir ();
  fixture->cache_home = g_build_filename (fixture->directory, "cache", NULL);
}

void
lens_test_program_tear_down (LensTestProgram *fixture)
{
  lens_test_remove_tree (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_pointer (&fixture->cache_home, g_free);
  g_clear_object (&fixture->portal);
}

void
lens_test_program_fixture_set_up (LensTestProgram *fixture,
                                  gconstpointer    data)
{
  lens_test_program_set_up (fixture);
}

void
lens_test_program_fixture_tear_down (LensTestProgram *fixture,
                                     gconstpointer    data)
{
  lens_test_program_tear_down (fixture);
}

char *
lens_test_program_portal_option (LensTestProgram *fixture)
{
  return g_strdup_printf ("--portal=%s", lens_fake_portal_get_base_url (fixture->portal));
}

/* Locales */

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

/* Loading a chart */

void
lens_test_load_clear (LensTestLoad *load)
{
  g_clear_object (&load->data);
  g_clear_error (&load->error);
  load->done = FALSE;
}

static void
load_chart_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LensTestLoad *load = user_data;

  load->data = lens_chart_loader_load_finish (result, &load->error);
  g_assert_true ((load->data == NULL) != (load->error == NULL));
  load->done = TRUE;
}

void
lens_test_load_chart_start (LensPortalClient *client,
                            LensChartSpec    *spec,
                            LensFilters      *filters,
                            LensQueryFlags    flags,
                            GCancellable     *cancellable,
                            LensTestLoad     *load)
{
  g_assert_nonnull (spec);
  lens_test_load_clear (load);
  lens_chart_loader_load_async (client, spec, filters, flags, cancellable, load_chart_cb, load);
}

void
lens_test_load_chart (LensPortalClient *client,
                      LensChartSpec    *spec,
                      LensFilters      *filters,
                      LensQueryFlags    flags,
                      GCancellable     *cancellable,
                      LensTestLoad     *load)
{
  lens_test_load_chart_start (client, spec, filters, flags, cancellable, load);
  g_assert_true (lens_test_wait_flag (&load->done));
}
