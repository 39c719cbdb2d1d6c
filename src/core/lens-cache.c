/* lens-cache.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-cache"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lens-cache.h"

/* On disk, one entry is two files named after the SHA-256 of its key:
 *
 *   <hash>.meta               a GKeyFile: key, times, validators, headers, body file, size, checksum
 *   <hash>-<bodysum>.body     the response body exactly as received
 *
 * The body is written first under a name that depends on its content, then the metadata that
 * points at it; the metadata rename is the commit. A reader therefore sees the old pair or the
 * new pair, never a mix, and a crash between the two writes only leaves an unreferenced body
 * behind, which the next directory scan removes. */

#define META_GROUP         "Entry"
#define META_SUFFIX        ".meta"
#define BODY_SUFFIX        ".body"
#define BODY_SUM_CHARS     16
/* Last-use times are kept exactly in memory but written back at most this often, so a hit
 * does not always cost a disk write. */
#define LAST_USE_WRITE_USEC (60 * G_USEC_PER_SEC)
/* An unreferenced body younger than this may belong to a store in progress elsewhere. */
#define ORPHAN_GRACE_USEC   (10 * 60 * G_USEC_PER_SEC)

struct _LensCacheEntry
{
  gatomicrefcount  ref_count;
  char            *key;
  GBytes          *body;
  GDateTime       *fetched_at;
  char            *etag;
  char            *last_modified;
  GDateTime       *rows_updated_at;
  char            *fields_header;
  char            *types_header;
};

G_DEFINE_BOXED_TYPE (LensCacheEntry, lens_cache_entry, lens_cache_entry_ref, lens_cache_entry_unref)

LensCacheEntry *
lens_cache_entry_new (const char *key,
                      GBytes     *body,
                      GDateTime  *fetched_at,
                      const char *etag,
                      const char *last_modified,
                      GDateTime  *rows_updated_at,
                      const char *fields_header,
                      const char *types_header)
{
  LensCacheEntry *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  self = g_new0 (LensCacheEntry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->key = g_strdup (key);
  self->body = g_bytes_ref (body);
  self->fetched_at = fetched_at != NULL ? g_date_time_ref (fetched_at) : g_date_time_new_now_utc ();
  self->etag = g_strdup (etag);
  self->last_modified = g_strdup (last_modified);
  self->rows_updated_at = rows_updated_at != NULL ? g_date_time_ref (rows_updated_at) : NULL;
  self->fields_header = g_strdup (fields_header);
  self->types_header = g_strdup (types_header);

  return self;
}

LensCacheEntry *
lens_cache_entry_ref (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lens_cache_entry_unref (LensCacheEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->key);
  g_bytes_unref (self->body);
  g_date_time_unref (self->fetched_at);
  g_free (self->etag);
  g_free (self->last_modified);
  g_clear_pointer (&self->rows_updated_at, g_date_time_unref);
  g_free (self->fields_header);
  g_free (self->types_header);
  g_free (self);
}

const char *
lens_cache_entry_get_key (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key;
}

GBytes *
lens_cache_entry_get_body (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

GDateTime *
lens_cache_entry_get_fetched_at (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->fetched_at;
}

const char *
lens_cache_entry_get_etag (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

const char *
lens_cache_entry_get_last_modified (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_modified;
}

GDateTime *
lens_cache_entry_get_rows_updated_at (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rows_updated_at;
}

const char *
lens_cache_entry_get_fields_header (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->fields_header;
}

const char *
lens_cache_entry_get_types_header (LensCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->types_header;
}

LensCacheEntry *
lens_cache_entry_copy_revalidated (LensCacheEntry *self,
                                   GDateTime      *fetched_at)
{
  g_return_val_if_fail (self != NULL, NULL);

  return lens_cache_entry_new (self->key, self->body, fetched_at,
                               self->etag, self->last_modified, self->rows_updated_at,
                               self->fields_header, self->types_header);
}

/* The cache proper. */

typedef struct
{
  guint64  size;        /* body + metadata bytes */
  gint64   last_used;   /* real time, µs */
  gint64   last_used_on_disk;
} IndexItem;

struct _LensCache
{
  GObject     parent_instance;

  char       *directory;
  guint64     max_bytes;

  /* Guards everything below and every file operation. */
  GMutex      mutex;
  /* key hash -> IndexItem; NULL until the directory has been scanned. */
  GHashTable *index;
  guint64     total_size;
  gint64      last_use;    /* the latest use time handed out, µs */
};

G_DEFINE_FINAL_TYPE (LensCache, lens_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_MAX_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
hash_key (const char *key)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

static char *
meta_path (LensCache  *self,
           const char *hash)
{
  g_autofree char *name = g_strconcat (hash, META_SUFFIX, NULL);

  return g_build_filename (self->directory, name, NULL);
}

static char *
body_path (LensCache  *self,
           const char *body_file)
{
  return g_build_filename (self->directory, body_file, NULL);
}

/* A body file name from the metadata must name a file of this entry in our directory. */
static gboolean
body_file_is_valid (const char *hash,
                    const char *body_file)
{
  gsize hash_len = strlen (hash);

  return body_file != NULL &&
         strchr (body_file, G_DIR_SEPARATOR) == NULL &&
         g_str_has_prefix (body_file, hash) &&
         body_file[hash_len] == '-' &&
         g_str_has_suffix (body_file, BODY_SUFFIX);
}

static void
index_item_free (gpointer data)
{
  g_free (data);
}

static void
index_forget (LensCache  *self,
              const char *hash)
{
  IndexItem *item = g_hash_table_lookup (self->index, hash);

  if (item != NULL)
    {
      self->total_size -= MIN (item->size, self->total_size);
      g_hash_table_remove (self->index, hash);
    }
}

/* The time of a use happening now: the clock, but always after the previous use, so that
 * uses within one tick of the clock (or after the clock was set back) keep their order. */
static gint64
use_time (LensCache *self)
{
  self->last_use = MAX (g_get_real_time (), self->last_use + 1);
  return self->last_use;
}

static void
index_put (LensCache  *self,
           const char *hash,
           guint64     size,
           gint64      last_used,
           gint64      last_used_on_disk)
{
  IndexItem *item;

  index_forget (self, hash);

  item = g_new0 (IndexItem, 1);
  item->size = size;
  item->last_used = last_used;
  item->last_used_on_disk = last_used_on_disk;
  g_hash_table_insert (self->index, g_strdup (hash), item);
  self->total_size += size;
}

static gboolean
write_file (const char    *path,
            const char    *data,
            gsize          len,
            GError       **error)
{
  /* Consistent (write to a temporary file, then rename) but not necessarily durable:
   * losing a cache entry in a power cut is fine, seeing half of one is not. */
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Removes both files of an entry. Called with the lock held. */
static void
remove_files (LensCache  *self,
              const char *hash)
{
  g_autofree char *meta = meta_path (self, hash);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (g_key_file_load_from_file (keyfile, meta, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *body_file = g_key_file_get_string (keyfile, META_GROUP, "body-file", NULL);

      if (body_file_is_valid (hash, body_file))
        {
          g_autofree char *body = body_path (self, body_file);
          g_unlink (body);
        }
    }

  g_unlink (meta);
  index_forget (self, hash);
}

static void
drop_corrupt (LensCache  *self,
              const char *hash,
              const char *reason)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_warning ("Dropping corrupt cache entry %s: %s", hash, reason);
  remove_files (self, hash);

  /* Damaged metadata cannot say which body was its own: remove every body of this key. */
  dir = g_dir_open (self->directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (body_file_is_valid (hash, name))
        {
          g_autofree char *path = body_path (self, name);
          g_unlink (path);
        }
    }
}

static gint64
keyfile_get_time (GKeyFile   *keyfile,
                  const char *name)
{
  g_autofree char *text = g_key_file_get_string (keyfile, META_GROUP, name, NULL);
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return 0;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return 0;

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static GDateTime *
keyfile_get_datetime (GKeyFile   *keyfile,
                      const char *name)
{
  g_autofree char *text = g_key_file_get_string (keyfile, META_GROUP, name, NULL);

  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
keyfile_set_datetime (GKeyFile   *keyfile,
                      const char *name,
                      GDateTime  *dt)
{
  g_autofree char *text = NULL;

  if (dt == NULL)
    return;

  text = g_date_time_format_iso8601 (dt);
  g_key_file_set_string (keyfile, META_GROUP, name, text);
}

static void
keyfile_set_usec (GKeyFile   *keyfile,
                  const char *name,
                  gint64      usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) precise = g_date_time_add (dt, usec % G_USEC_PER_SEC);

  keyfile_set_datetime (keyfile, name, precise);
}

static void
keyfile_set_optional (GKeyFile   *keyfile,
                      const char *name,
                      const char *value)
{
  if (value != NULL)
    g_key_file_set_string (keyfile, META_GROUP, name, value);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size;
}

/* Reads the directory once to learn the sizes and last-use times. Called with the lock held. */
static void
ensure_index (LensCache *self)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) referenced = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  const char *name;
  gint64 now;

  if (self->index != NULL)
    return;

  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, index_item_free);
  self->total_size = 0;

  dir = g_dir_open (self->directory, 0, NULL);
  if (dir == NULL)
    return;

  referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bodies = g_ptr_array_new_with_free_func (g_free);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *body_file = NULL;
      g_autoptr(GKeyFile) keyfile = NULL;
      guint64 size;
      gint64 last_used;

      if (g_str_has_suffix (name, BODY_SUFFIX))
        {
          g_ptr_array_add (bodies, g_strdup (name));
          continue;
        }

      if (!g_str_has_suffix (name, META_SUFFIX))
        continue;

      hash = g_strndup (name, strlen (name) - strlen (META_SUFFIX));
      path = g_build_filename (self->directory, name, NULL);
      keyfile = g_key_file_new ();

      /* Damaged metadata is reported when the entry is looked up; here it only counts. */
      if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
        {
          index_put (self, hash, file_size (path), 0, 0);
          continue;
        }

      body_file = g_key_file_get_string (keyfile, META_GROUP, "body-file", NULL);
      size = file_size (path);
      if (body_file_is_valid (hash, body_file))
        {
          g_autofree char *body = body_path (self, body_file);

          size += file_size (body);
          g_hash_table_add (referenced, g_steal_pointer (&body_file));
        }

      last_used = keyfile_get_time (keyfile, "last-used");
      index_put (self, hash, size, last_used, last_used);
      self->last_use = MAX (self->last_use, last_used);
    }

  /* Bodies no metadata points at are left over from an interrupted store. */
  now = g_get_real_time ();
  for (guint i = 0; i < bodies->len; i++)
    {
      const char *body_file = g_ptr_array_index (bodies, i);
      g_autofree char *path = NULL;
      GStatBuf st;

      if (g_hash_table_contains (referenced, body_file))
        continue;

      path = g_build_filename (self->directory, body_file, NULL);
      if (g_stat (path, &st) == 0 &&
          now - (gint64) st.st_mtime * G_USEC_PER_SEC > ORPHAN_GRACE_USEC)
        g_unlink (path);
    }
}

static int
compare_last_used (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GHashTable *index = user_data;
  const IndexItem *ia = g_hash_table_lookup (index, *(const char * const *) a);
  const IndexItem *ib = g_hash_table_lookup (index, *(const char * const *) b);

  return (ia->last_used > ib->last_used) - (ia->last_used < ib->last_used);
}

/* Removes least recently used entries until the total fits the cap, never @keep_hash.
 * Called with the lock held. */
static void
evict (LensCache  *self,
       const char *keep_hash)
{
  g_autoptr(GPtrArray) hashes = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->max_bytes == 0 || self->total_size <= self->max_bytes)
    return;

  hashes = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_strcmp0 (key, keep_hash) != 0)
      g_ptr_array_add (hashes, g_strdup (key));

  g_ptr_array_sort_with_data (hashes, compare_last_used, self->index);

  for (guint i = 0; i < hashes->len && self->total_size > self->max_bytes; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);

      g_debug ("Evicting cache entry %s", hash);
      remove_files (self, hash);
    }
}

static void
lens_cache_finalize (GObject *object)
{
  LensCache *self = (LensCache *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (lens_cache_parent_class)->finalize (object);
}

static void
lens_cache_constructed (GObject *object)
{
  LensCache *self = (LensCache *)object;

  G_OBJECT_CLASS (lens_cache_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_cache_dir (), "reform-lens", "portal", NULL);
}

static void
lens_cache_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LensCache *self = LENS_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, lens_cache_get_max_bytes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_cache_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LensCache *self = LENS_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_MAX_BYTES:
      lens_cache_set_max_bytes (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lens_cache_class_init (LensCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lens_cache_constructed;
  object_class->finalize = lens_cache_finalize;
  object_class->get_property = lens_cache_get_property;
  object_class->set_property = lens_cache_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lens_cache_init (LensCache *self)
{
  g_mutex_init (&self->mutex);
}

LensCache *
lens_cache_new (const char *directory,
                guint64     max_bytes)
{
  return g_object_new (LENS_TYPE_CACHE,
                       "directory", directory,
                       "max-bytes", max_bytes,
                       NULL);
}

const char *
lens_cache_get_directory (LensCache *self)
{
  g_return_val_if_fail (LENS_IS_CACHE (self), NULL);

  return self->directory;
}

guint64
lens_cache_get_max_bytes (LensCache *self)
{
  guint64 ret;

  g_return_val_if_fail (LENS_IS_CACHE (self), 0);

  g_mutex_lock (&self->mutex);
  ret = self->max_bytes;
  g_mutex_unlock (&self->mutex);

  return ret;
}

void
lens_cache_set_max_bytes (LensCache *self,
                          guint64    max_bytes)
{
  gboolean changed;

  g_return_if_fail (LENS_IS_CACHE (self));

  g_mutex_lock (&self->mutex);
  changed = self->max_bytes != max_bytes;
  self->max_bytes = max_bytes;
  /* A lower cap applies at once; before the first scan there is nothing known to evict. */
  if (changed && self->index != NULL)
    evict (self, NULL);
  g_mutex_unlock (&self->mutex);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BYTES]);
}

guint64
lens_cache_get_size (LensCache *self)
{
  guint64 ret;

  g_return_val_if_fail (LENS_IS_CACHE (self), 0);

  g_mutex_lock (&self->mutex);
  ensure_index (self);
  ret = self->total_size;
  g_mutex_unlock (&self->mutex);

  return ret;
}

static gboolean
write_metadata (LensCache       *self,
                const char      *hash,
                LensCacheEntry  *entry,
                const char      *body_file,
                const char      *body_sum,
                gint64           last_used,
                guint64         *out_meta_size,
                GError         **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *meta = meta_path (self, hash);
  g_autofree char *data = NULL;
  gsize len;

  g_key_file_set_string (keyfile, META_GROUP, "key", entry->key);
  keyfile_set_datetime (keyfile, "fetched-at", entry->fetched_at);
  keyfile_set_optional (keyfile, "etag", entry->etag);
  keyfile_set_optional (keyfile, "last-modified", entry->last_modified);
  keyfile_set_datetime (keyfile, "rows-updated-at", entry->rows_updated_at);
  keyfile_set_optional (keyfile, "fields", entry->fields_header);
  keyfile_set_optional (keyfile, "types", entry->types_header);
  g_key_file_set_string (keyfile, META_GROUP, "body-file", body_file);
  g_key_file_set_uint64 (keyfile, META_GROUP, "body-size", g_bytes_get_size (entry->body));
  g_key_file_set_string (keyfile, META_GROUP, "body-sha256", body_sum);
  keyfile_set_usec (keyfile, "last-used", last_used);

  data = g_key_file_to_data (keyfile, &len, NULL);
  if (!write_file (meta, data, len, error))
    return FALSE;

  if (out_meta_size != NULL)
    *out_meta_size = len;

  return TRUE;
}

/* Rewrites the last-use time of an entry whose metadata is loaded in @keyfile. */
static void
touch_metadata (LensCache  *self,
                const char *hash,
                GKeyFile   *keyfile,
                gint64      now)
{
  g_autofree char *meta = meta_path (self, hash);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  keyfile_set_usec (keyfile, "last-used", now);
  data = g_key_file_to_data (keyfile, &len, NULL);
  if (!write_file (meta, data, len, &error))
    g_debug ("Could not record the use of cache entry %s: %s", hash, error->message);
}

LensCacheEntry *
lens_cache_lookup (LensCache  *self,
                   const char *key)
{
  g_autofree char *hash = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *meta_data = NULL;
  g_autofree char *stored_key = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *body_sum = NULL;
  g_autofree char *expected_sum = NULL;
  g_autofree char *body_full_path = NULL;
  g_autofree char *body_data = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *types = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GDateTime) rows_updated_at = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  LensCacheEntry *entry = NULL;
  IndexItem *item;
  guint64 body_size;
  gsize meta_len;
  gsize body_len;
  gint64 now;

  g_return_val_if_fail (LENS_IS_CACHE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  hash = hash_key (key);
  meta = meta_path (self, hash);

  g_mutex_lock (&self->mutex);

  ensure_index (self);

  if (!g_file_get_contents (meta, &meta_data, &meta_len, &error))
    {
      /* Absent is the ordinary miss; anything else is a damaged entry. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        index_forget (self, hash);
      else
        drop_corrupt (self, hash, error->message);
      goto out;
    }

  keyfile = g_key_file_new ();
  if (!g_key_file_load_from_data (keyfile, meta_data, meta_len, G_KEY_FILE_NONE, &error))
    {
      drop_corrupt (self, hash, error->message);
      goto out;
    }

  stored_key = g_key_file_get_string (keyfile, META_GROUP, "key", NULL);
  body_file = g_key_file_get_string (keyfile, META_GROUP, "body-file", NULL);
  expected_sum = g_key_file_get_string (keyfile, META_GROUP, "body-sha256", NULL);
  body_size = g_key_file_get_uint64 (keyfile, META_GROUP, "body-size", &error);
  fetched_at = keyfile_get_datetime (keyfile, "fetched-at");

  if (g_strcmp0 (stored_key, key) != 0)
    {
      drop_corrupt (self, hash, "the stored key does not match");
      goto out;
    }

  if (error != NULL || expected_sum == NULL || fetched_at == NULL ||
      !body_file_is_valid (hash, body_file))
    {
      drop_corrupt (self, hash, "incomplete metadata");
      goto out;
    }

  body_full_path = body_path (self, body_file);
  if (!g_file_get_contents (body_full_path, &body_data, &body_len, &error))
    {
      drop_corrupt (self, hash, error->message);
      goto out;
    }

  if (body_len != body_size)
    {
      drop_corrupt (self, hash, "the body has the wrong size");
      goto out;
    }

  body_sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) body_data, body_len);
  if (g_strcmp0 (body_sum, expected_sum) != 0)
    {
      drop_corrupt (self, hash, "the body checksum does not match");
      goto out;
    }

  etag = g_key_file_get_string (keyfile, META_GROUP, "etag", NULL);
  last_modified = g_key_file_get_string (keyfile, META_GROUP, "last-modified", NULL);
  fields = g_key_file_get_string (keyfile, META_GROUP, "fields", NULL);
  types = g_key_file_get_string (keyfile, META_GROUP, "types", NULL);
  rows_updated_at = keyfile_get_datetime (keyfile, "rows-updated-at");

  body = g_bytes_new_take (g_steal_pointer (&body_data), body_len);
  entry = lens_cache_entry_new (key, body, fetched_at, etag, last_modified,
                                rows_updated_at, fields, types);

  /* Mark the hit as recent use; the file only learns about it now and then. */
  now = use_time (self);
  item = g_hash_table_lookup (self->index, hash);
  if (item == NULL)
    {
      /* Written by someone else since the scan. */
      index_put (self, hash, meta_len + body_len, now, keyfile_get_time (keyfile, "last-used"));
      item = g_hash_table_lookup (self->index, hash);
    }
  item->last_used = MAX (item->last_used + 1, now);
  if (item->last_used - item->last_used_on_disk >= LAST_USE_WRITE_USEC)
    {
      touch_metadata (self, hash, keyfile, item->last_used);
      item->last_used_on_disk = item->last_used;
    }

out:
  g_mutex_unlock (&self->mutex);

  return entry;
}

gboolean
lens_cache_store (LensCache       *self,
                  LensCacheEntry  *entry,
                  GError         **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *body_sum = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *body_full_path = NULL;
  g_autofree char *old_body_file = NULL;
  g_autofree char *meta = NULL;
  g_autoptr(GKeyFile) old = NULL;
  const guint8 *data;
  guint64 meta_size = 0;
  gsize len;
  gint64 now;
  gboolean ret = FALSE;

  g_return_val_if_fail (LENS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hash = hash_key (entry->key);
  meta = meta_path (self, hash);
  data = g_bytes_get_data (entry->body, &len);
  body_sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data != NULL ? data : (const guint8 *) "", len);
  body_file = g_strdup_printf ("%s-%.*s%s", hash, BODY_SUM_CHARS, body_sum, BODY_SUFFIX);
  body_full_path = body_path (self, body_file);

  g_mutex_lock (&self->mutex);

  ensure_index (self);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not create the cache folder %s: %s"),
                   self->directory, g_strerror (errsv));
      goto out;
    }

  /* Remember which body the current metadata points at, to delete it after the commit. */
  old = g_key_file_new ();
  if (g_key_file_load_from_file (old, meta, G_KEY_FILE_NONE, NULL))
    old_body_file = g_key_file_get_string (old, META_GROUP, "body-file", NULL);

  if (!write_file (body_full_path, (const char *) data, len, error))
    goto out;

  now = use_time (self);
  if (!write_metadata (self, hash, entry, body_file, body_sum, now, &meta_size, error))
    {
      /* The old metadata still points at the old body; the new one is not referenced. */
      if (g_strcmp0 (old_body_file, body_file) != 0)
        g_unlink (body_full_path);
      goto out;
    }

  if (body_file_is_valid (hash, old_body_file) && g_strcmp0 (old_body_file, body_file) != 0)
    {
      g_autofree char *old_path = body_path (self, old_body_file);
      g_unlink (old_path);
    }

  index_put (self, hash, meta_size + len, now, now);
  evict (self, hash);

  ret = TRUE;

out:
  g_mutex_unlock (&self->mutex);

  return ret;
}

gboolean
lens_cache_remove (LensCache  *self,
                   const char *key)
{
  g_autofree char *hash = NULL;
  g_autofree char *meta = NULL;
  gboolean existed;

  g_return_val_if_fail (LENS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  hash = hash_key (key);
  meta = meta_path (self, hash);

  g_mutex_lock (&self->mutex);
  ensure_index (self);
  existed = g_file_test (meta, G_FILE_TEST_EXISTS);
  remove_files (self, hash);
  g_mutex_unlock (&self->mutex);

  return existed;
}

gboolean
lens_cache_clear (LensCache  *self,
                  GError    **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  gboolean ret = TRUE;

  g_return_val_if_fail (LENS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->mutex);

  g_clear_pointer (&self->index, g_hash_table_unref);
  self->total_size = 0;

  dir = g_dir_open (self->directory, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing cached yet is a clear cache. */
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ret = FALSE;
        }
      goto out;
    }

  /* Only our own files, including temporary files of an interrupted write ("x.meta.AB12CD"). */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (strstr (name, META_SUFFIX) == NULL && strstr (name, BODY_SUFFIX) == NULL)
        continue;

      path = g_build_filename (self->directory, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT && ret)
        {
          int errsv = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                       _("Could not remove %s: %s"), path, g_strerror (errsv));
          ret = FALSE;
        }
    }

out:
  g_mutex_unlock (&self->mutex);

  return ret;
}
