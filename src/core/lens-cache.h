/* lens-cache.h: the on-disk cache of portal responses
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One cached response. Immutable, reference counted. */
typedef struct _LensCacheEntry LensCacheEntry;

#define LENS_TYPE_CACHE_ENTRY (lens_cache_entry_get_type ())
GType           lens_cache_entry_get_type          (void) G_GNUC_CONST;
LensCacheEntry *lens_cache_entry_new               (const char     *key,
                                                    GBytes         *body,
                                                    GDateTime      *fetched_at,
                                                    const char     *etag,
                                                    const char     *last_modified,
                                                    GDateTime      *rows_updated_at,
                                                    const char     *fields_header,
                                                    const char     *types_header);
LensCacheEntry *lens_cache_entry_ref               (LensCacheEntry *self);
void            lens_cache_entry_unref             (LensCacheEntry *self);
const char     *lens_cache_entry_get_key           (LensCacheEntry *self);
GBytes         *lens_cache_entry_get_body          (LensCacheEntry *self);
GDateTime      *lens_cache_entry_get_fetched_at    (LensCacheEntry *self);
const char     *lens_cache_entry_get_etag          (LensCacheEntry *self);
const char     *lens_cache_entry_get_last_modified (LensCacheEntry *self);
GDateTime      *lens_cache_entry_get_rows_updated_at (LensCacheEntry *self); /* may be NULL */
const char     *lens_cache_entry_get_fields_header (LensCacheEntry *self);   /* may be NULL */
const char     *lens_cache_entry_get_types_header  (LensCacheEntry *self);   /* may be NULL */
/* A copy with a new fetch time: what a 304 Not Modified does to an entry. */
LensCacheEntry *lens_cache_entry_copy_revalidated  (LensCacheEntry *self,
                                                    GDateTime      *fetched_at);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LensCacheEntry, lens_cache_entry_unref)

#define LENS_TYPE_CACHE (lens_cache_get_type ())
G_DECLARE_FINAL_TYPE (LensCache, lens_cache, LENS, CACHE, GObject)

/* @directory NULL: $XDG_CACHE_HOME/reform-lens/portal. @max_bytes 0: no cap. The app's cap
 * is the cache-size-mb setting (lens_settings_new_client()).
 * Thread safe: the client calls it from worker threads, never from the GTK main thread. */
LensCache      *lens_cache_new                     (const char     *directory,
                                                    guint64         max_bytes);
const char     *lens_cache_get_directory           (LensCache      *self);
guint64         lens_cache_get_max_bytes           (LensCache      *self);
void            lens_cache_set_max_bytes           (LensCache      *self,
                                                    guint64         max_bytes);
/* Total size of the entries on disk. */
guint64         lens_cache_get_size                (LensCache      *self);

/* NULL when absent. A corrupt entry is removed with a warning and reported absent.
 * A hit marks the entry as recently used. */
LensCacheEntry *lens_cache_lookup                  (LensCache      *self,
                                                    const char     *key);
/* Atomic: a reader sees the old entry or the new one, never half of one. Evicts the least
 * recently used entries when the cap is passed. Only the client decides what is good enough to
 * store: it never calls this with an error response. */
gboolean        lens_cache_store                   (LensCache      *self,
                                                    LensCacheEntry *entry,
                                                    GError        **error);
gboolean        lens_cache_remove                  (LensCache      *self,
                                                    const char     *key);
gboolean        lens_cache_clear                   (LensCache      *self,
                                                    GError        **error);

G_END_DECLS
