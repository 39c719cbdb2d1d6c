/* lens-content-private.h: reading the curated JSON data files with precise error messages
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lens-content.h"

G_BEGIN_DECLS

/* The format version every data file declares in "format". */
#define LENS_CONTENT_FORMAT 1

/* One data file being read. Every error names the file, the item being read (@where,
 * e.g. "report 10") and the field ("full", "period.end"), so a staff member adding the next
 * report can find the mistake at once. */
typedef struct
{
  char       *file;      /* display name: the file's base name */
  char       *where;     /* the item being read, or NULL at the top level */
  JsonParser *parser;
  JsonObject *root;
  GHashTable *contexts;  /* translatable key -> msgctxt ("" for none) */
} LensContentReader;

/* Parses @bytes, checks "format" and that the file's "translatable" keys are exactly
 * @translatable_keys (the fields this loader passes through gettext). */
gboolean    lens_content_reader_load         (LensContentReader   *reader,
                                              const char          *file,
                                              GBytes              *bytes,
                                              const char * const  *translatable_keys,
                                              GError             **error);
/* Reads a file or a resource path into @bytes, with a LENS_CONTENT_ERROR_READ message. */
GBytes     *lens_content_read_file           (const char          *path,
                                              GError             **error);
GBytes     *lens_content_read_resource       (const char          *resource_path,
                                              GError             **error);
void        lens_content_reader_clear        (LensContentReader   *reader);
void        lens_content_reader_set_where    (LensContentReader   *reader,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* Always returns FALSE, so callers can `return lens_content_reader_fail (...)`. */
gboolean    lens_content_reader_fail         (LensContentReader   *reader,
                                              GError             **error,
                                              LensContentError     code,
                                              const char          *field,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (5, 6);
/* "period" + "end" -> "period.end"; a NULL parent gives the key. */
char       *lens_content_field               (const char          *parent,
                                              const char          *key);
/* Unknown keys first (in file order), then missing ones. */
gboolean    lens_content_reader_check_keys   (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char * const  *allowed,
                                              const char * const  *required,
                                              GError             **error);

/* Getters for @key in @object, which sits at @field (NULL for the item itself). A missing
 * optional key (or a JSON null one) leaves *out at its zero value and returns TRUE. Strings
 * of translatable keys come back translated. */
gboolean    lens_content_reader_get_object   (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              JsonObject         **out,
                                              GError             **error);
gboolean    lens_content_reader_get_array    (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              JsonArray          **out,
                                              GError             **error);
gboolean    lens_content_reader_get_string   (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              char               **out,
                                              GError             **error);
gboolean    lens_content_reader_get_strv     (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              GStrv               *out,
                                              GError             **error);
gboolean    lens_content_reader_get_uint     (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              guint               *out,
                                              GError             **error);
gboolean    lens_content_reader_get_number   (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              double              *out,
                                              GError             **error);
gboolean    lens_content_reader_get_boolean  (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              gboolean            *out,
                                              GError             **error);
gboolean    lens_content_reader_get_date     (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              const char          *key,
                                              gboolean             required,
                                              gboolean             allow_month,
                                              LensContentDate     *out,
                                              GError             **error);
/* "confidence": required; C, S or D. Errors are reported at @field. */
gboolean    lens_content_reader_get_confidence (LensContentReader *reader,
                                                const char        *field,
                                                JsonObject        *object,
                                                LensConfidence    *out,
                                                GError           **error);
/* "source" (required), "outlet" and "mirror" (optional). */
gboolean    lens_content_reader_get_source   (LensContentReader   *reader,
                                              const char          *field,
                                              JsonObject          *object,
                                              LensSource          *out,
                                              GError             **error);
/* An http:// or https:// URL with a host; @field names the value. */
gboolean    lens_content_reader_check_url    (LensContentReader   *reader,
                                              const char          *field,
                                              const char          *url,
                                              GError             **error);
/* Lowercase letters, digits and single hyphens: the form of every id. */
gboolean    lens_content_reader_check_id     (LensContentReader   *reader,
                                              const char          *field,
                                              const char          *id,
                                              GError             **error);

/* Element @index of @array, which must be an object (the reader's "where" names it). */
JsonObject *lens_content_reader_get_element  (LensContentReader   *reader,
                                              JsonArray           *array,
                                              guint                index,
                                              GError             **error);
/* Starts reading item @index of the list @list: names it for the messages ("item 3 of
 * "charts""), checks that it is an object and reads its "id" first (required, in the form
 * lens_content_reader_check_id() wants), so that every later message can name the item. */
gboolean    lens_content_reader_read_item    (LensContentReader   *reader,
                                              JsonArray           *array,
                                              guint                index,
                                              const char          *list,
                                              JsonObject         **object,
                                              char               **id,
                                              GError             **error);

void        lens_source_clear                (LensSource          *source);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LensContentReader, lens_content_reader_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LensSource, lens_source_clear)

G_END_DECLS
