/* lens-test-util.h: what every test shares: waiting for events, the fake portal with a client
 * and a cache, folders of the test's own, running the built program, and requiring locales
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: the core and chart tests use it too. The window's fixtures are in
 * lens-test-window.h, which includes this.
 */
#pragma once

#include <gio/gio.h>

#include "lens-chart-loader.h"
#include "lens-fake-portal.h"
#include "lens-portal-client.h"

G_BEGIN_DECLS

/* Waits */

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

/* Dispatches what is ready now, without blocking: at most @max_iterations rounds. What a test
 * does after closing a window, so that cancelled loads finish before the client goes. */
void     lens_test_drain             (guint              max_iterations);

/* Folders of the test's own */

/* A new empty folder in the temporary directory, named after the program; asserts. Free
 * with g_free() after lens_test_remove_tree(). */
char    *lens_test_make_dir          (void);

/* Removes @path and everything in it, read-only folders too; never follows a link. */
void     lens_test_remove_tree       (const char        *path);

/* How many files in @path (not below it) have a name ending in @suffix (NULL: any). */
guint    lens_test_count_files       (const char        *path,
                                      const char        *suffix);

/* Writes to @path a copy of @base in which @find, which must stand in it exactly once, is
 * replaced by @replace: one broken file of a content reader's test. */
void     lens_test_write_edited      (const char        *path,
                                      const char        *base,
                                      const char        *find,
                                      const char        *replace);

/* For a test that cannot use G_TEST_OPTION_ISOLATE_DIRS (it hides the icon themes and the MIME
 * data GTK needs, in XDG_DATA_DIRS): XDG_CACHE_HOME and XDG_CONFIG_HOME in a new temporary
 * folder, before g_test_init(). A child process (g_test_trap_subprocess(), a spawned test)
 * inherits them and uses the same folder, which the parent removes in
 * lens_test_home_tear_down(). (A cache write that a worker thread of the app's client ends
 * after that can leave the folder behind: the client has no way to wait for it.) */
void     lens_test_home_set_up       (void);
/* The folder of lens_test_home_set_up(). */
const char *lens_test_home_get_path  (void);
void     lens_test_home_tear_down    (void);

/* The fake portal and a client */

/* Makes @client's wait before a retry end at once instead of after a real delay, noting the
 * delay it asked for (guint, ms) in @waits (may be NULL). While *@hold (may be NULL) is TRUE,
 * such a wait never ends by itself: only a cancel ends it. */
void     lens_test_client_set_instant_waits (LensPortalClient *client,
                                             GArray           *waits,
                                             const gboolean   *hold);

typedef enum
{
  LENS_TEST_PORTAL_DEFAULT  = 0,
  /* A client without a cache: every query goes to the portal. */
  LENS_TEST_PORTAL_NO_CACHE = 1 << 0,
} LensTestPortalFlags;

typedef struct
{
  LensFakePortal   *portal;
  /* At the default place ($XDG_CACHE_HOME/reform-lens/portal: in a test with
   * G_TEST_OPTION_ISOLATE_DIRS, a folder of the test's own), emptied at tear-down. */
  LensCache        *cache;
  LensPortalClient *client;
  GArray           *waits;       /* guint: the delay of each wait the client asked for, in ms */
  gboolean          hold_waits;  /* TRUE: a wait never ends by itself */
} LensTestPortal;

/* A fake portal (seed 1) on a loopback port and a client of it that tries a failed request
 * again @max_retries times (after 10 ms, doubling, 50 ms at most: the delays the client asks
 * for, which end at once, see lens_test_client_set_instant_waits()). */
void     lens_test_portal_set_up     (LensTestPortal      *fixture,
                                      guint                max_retries,
                                      LensTestPortalFlags  flags);
/* The same as GTest fixture functions (g_test_add (path, LensTestPortal, NULL, ...)): a
 * client with a cache that tries a failed request again once. */
void     lens_test_portal_fixture_set_up    (LensTestPortal *fixture,
                                             gconstpointer   data);
void     lens_test_portal_fixture_tear_down (LensTestPortal *fixture,
                                             gconstpointer   data);
/* Makes @client (another client of the fixture's portal) wait as the fixture's does. */
void     lens_test_portal_watch_waits (LensTestPortal     *fixture,
                                       LensPortalClient   *client);
void     lens_test_portal_tear_down  (LensTestPortal      *fixture);

/* Loading a chart */

/* How a chart's load (lens_chart_loader_load_async()) ended: exactly one of @data and
 * @error once @done. */
typedef struct
{
  gboolean       done;
  LensChartData *data;
  GError        *error;
} LensTestLoad;

void     lens_test_load_clear        (LensTestLoad       *load);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LensTestLoad, lens_test_load_clear)

/* Starts loading @spec (asserted not NULL) with @filters into @load (cleared first), without
 * waiting: for a test that acts while the load is under way; wait with
 * lens_test_wait_flag (&load->done). */
void     lens_test_load_chart_start  (LensPortalClient   *client,
                                      LensChartSpec      *spec,
                                      LensFilters        *filters,
                                      LensQueryFlags      flags,
                                      GCancellable       *cancellable,
                                      LensTestLoad       *load);
/* The same, then waits for the end (asserts that it comes). */
void     lens_test_load_chart        (LensPortalClient   *client,
                                      LensChartSpec      *spec,
                                      LensFilters        *filters,
                                      LensQueryFlags      flags,
                                      GCancellable       *cancellable,
                                      LensTestLoad       *load);

/* The built program */

/* What a run of the program gave. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} LensTestRun;

void     lens_test_run_clear         (LensTestRun       *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LensTestRun, lens_test_run_clear)

/* $REFORM_LENS_BIN, which meson sets for the tests that run the built program (asserts). */
const char *lens_test_program_get_path (void);

/* A launcher for the built program: headless (no DISPLAY, no WAYLAND_DISPLAY), and with
 * @cache_home (NULL: the test's own) as its XDG_CACHE_HOME. */
GSubprocessLauncher *lens_test_program_launcher_new (GSubprocessFlags  flags,
                                                     const char       *cache_home);

/* Runs the built program with @args (NULL-terminated) from lens_test_program_launcher_new(),
 * in @cwd (NULL: this folder), with @env ("NAME=value" sets, "NAME" unsets; may be NULL), and
 * keeps its exit status and output in @run. */
void     lens_test_run_program       (LensTestRun        *run,
                                      const char         *cwd,
                                      const char         *cache_home,
                                      const char * const *env,
                                      const char * const *args);

/* For a benchmark: sorts @values in increasing order (the median is then in the middle). */
void     lens_test_sort_doubles      (double              *values,
                                      gsize                n_values);

/* For a benchmark: runs @argv (@argv[0] the program) from @launcher to its successful end
 * (asserts) and returns how long that took, process start and end included, in ms. */
double   lens_test_time_program      (GSubprocessLauncher *launcher,
                                      const char * const  *argv);

typedef struct
{
  LensFakePortal *portal;
  char           *directory;   /* a new folder of the test's own, removed at tear-down */
  char           *cache_home;  /* in it: the XDG_CACHE_HOME of the program's runs */
} LensTestProgram;

/* A fake portal and a folder for the program's files and cache. */
void     lens_test_program_set_up    (LensTestProgram    *fixture);
void     lens_test_program_tear_down (LensTestProgram    *fixture);
/* The same as GTest fixture functions (g_test_add (path, LensTestProgram, NULL, ...)). */
void     lens_test_program_fixture_set_up    (LensTestProgram *fixture,
                                              gconstpointer    data);
void     lens_test_program_fixture_tear_down (LensTestProgram *fixture,
                                              gconstpointer    data);
/* "--portal=<the fake portal>" */
char    *lens_test_program_portal_option (LensTestProgram *fixture);

/* Locales */

/* TRUE when the C library has @locale ("es_ES.UTF-8"). When it has not, the test FAILS (it
 * does not skip: a skipped locale test would hide a translation or formatting fault), with a
 * message naming build-aux/setup.sh, which generates the project's locales. */
gboolean lens_test_require_locale    (const char        *locale);

G_END_DECLS
