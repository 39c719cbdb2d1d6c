/* lens-table.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The table: typed column storage, its getters, and appending pages. Bodies are read into it
 * by the scanner (lens-table-scanner.c) through lens-table-private.h.
 *
 * Storage:
 *   - one string arena per parsed page (a Segment), NUL-terminated strings;
 *   - per column, one guint32 arena offset per row (LENS_TABLE_NULL_CELL = null / key
 *     omitted), plus a double per row for number columns and a byte per row for boolean
 *     columns, decoded once when the cell is set.
 *
 * A table is immutable once built (apart from lens_table_append(), which the client calls
 * while it is still the only owner), so it can be built on a worker thread and read anywhere.
 */

#define G_LOG_DOMAIN "lens-table"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lens-date.h"
#include "lens-portal-error.h"
#include "lens-table-private.h"

#define NULL_CELL LENS_TABLE_NULL_CELL

typedef enum
{
  BOOL_FALSE = 0,
  BOOL_TRUE = 1,
  BOOL_UNKNOWN = 2,   /* null, or text that is not one of the accepted spellings */
} BoolValue;

typedef struct
{
  guint   first_row;
  GBytes *arena;      /* NUL-terminated strings; cells of the rows from first_row on */
} Segment;

typedef LensTableColumn Column;

struct _LensTable
{
  gatomicrefcount  ref_count;
  guint            n_rows;
  GPtrArray       *columns;   /* Column* */
  GHashTable      *index;     /* name -> GUINT_TO_POINTER (column + 1) */
  GArray          *segments;  /* Segment, sorted by first_row */
};

G_DEFINE_BOXED_TYPE (LensTable, lens_table, lens_table_ref, lens_table_unref)

/* Column types ---------------------------------------------------------------------------- */

LensColumnType
lens_column_type_from_socrata (const char *type_name)
{
  static const struct { const char *name; LensColumnType type; } map[] = {
    /* SODA 2 header names and the metadata (dataTypeName) names, both vocabularies */
    { "text", LENS_COLUMN_TEXT },
    { "number", LENS_COLUMN_NUMBER },
    { "money", LENS_COLUMN_NUMBER },
    { "percent", LENS_COLUMN_NUMBER },
    { "double", LENS_COLUMN_NUMBER },
    { "stars", LENS_COLUMN_NUMBER },
    { "checkbox", LENS_COLUMN_BOOLEAN },
    { "boolean", LENS_COLUMN_BOOLEAN },
    { "calendar_date", LENS_COLUMN_FLOATING_TIMESTAMP },
    { "floating_timestamp", LENS_COLUMN_FLOATING_TIMESTAMP },
    { "date", LENS_COLUMN_FIXED_TIMESTAMP },
    { "fixed_timestamp", LENS_COLUMN_FIXED_TIMESTAMP },
    { "point", LENS_COLUMN_POINT },
    { "location", LENS_COLUMN_POINT },
    { "url", LENS_COLUMN_JSON },
    { "document", LENS_COLUMN_JSON },
    { "photo", LENS_COLUMN_JSON },
    { "json", LENS_COLUMN_JSON },
    { "object", LENS_COLUMN_JSON },
    { "nested_table", LENS_COLUMN_JSON },
    { "multipoint", LENS_COLUMN_JSON },
    { "line", LENS_COLUMN_JSON },
    { "multiline", LENS_COLUMN_JSON },
    { "polygon", LENS_COLUMN_JSON },
    { "multipolygon", LENS_COLUMN_JSON },
  };

  if (type_name == NULL)
    return LENS_COLUMN_TEXT;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (type_name, map[i].name) == 0)
      return map[i].type;

  return LENS_COLUMN_TEXT;
}

/* Value decoding (shared by the parser and the lazy getters) ------------------------------ */

static const double pow10_table[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* A decimal number as Socrata sends it ("405", "-87.622651588", "1.5e3"); NAN for anything
 * else (empty, spaces, "nan", "inf", hex). Up to 15 significant digits the value is exact
 * integer / power of ten, both representable, so one correctly rounded division is the
 * correctly rounded result; longer numbers go through g_ascii_strtod(). */
static double
parse_number (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int digits = 0;
  int frac_digits = 0;
  gboolean simple = TRUE;

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
    return NAN;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (digits < 19)
        mantissa = mantissa * 10 + (guint64) (*p - '0');
      if (mantissa != 0)
        digits++;
    }

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (digits < 19)
            mantissa = mantissa * 10 + (guint64) (*p - '0');
          if (mantissa != 0)
            digits++;
          frac_digits++;
        }
    }

  if (*p == 'e' || *p == 'E')
    {
      simple = FALSE;
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return NAN;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p != '\0')
    return NAN;

  if (simple && digits <= 15 && frac_digits < (int) G_N_ELEMENTS (pow10_table))
    {
      double value = (double) mantissa / pow10_table[frac_digits];
      return negative ? -value : value;
    }

  return g_ascii_strtod (text, NULL);
}

static BoolValue
parse_boolean (const char *text)
{
  if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "y") == 0)
    return BOOL_TRUE;
  if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "n") == 0)
    return BOOL_FALSE;
  return BOOL_UNKNOWN;
}

static GTimeZone *
chicago_time_zone (void)
{
  static GTimeZone *tz;

  if (g_once_init_enter (&tz))
    {
      GTimeZone *zone = g_time_zone_new_identifier ("America/Chicago");

      /* Without a tz database, standard Central time is the closest honest answer. */
      if (zone == NULL)
        {
          g_message ("No time zone data for America/Chicago; reading dates as UTC-6");
          zone = g_time_zone_new_offset (-6 * 3600);
        }

      g_once_init_leave (&tz, zone);
    }

  return tz;
}

/* Columns ---------------------------------------------------------------------------------- */

static Column *
column_new (const char     *name,
            gsize           name_len,
            LensColumnType  type,
            gboolean        declared)
{
  Column *column = g_new0 (Column, 1);

  column->name = g_strndup (name, name_len);
  column->name_len = name_len;
  column->type = type;
  column->declared = declared;
  column->cells = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (type == LENS_COLUMN_NUMBER)
    column->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  else if (type == LENS_COLUMN_BOOLEAN)
    column->booleans = g_array_new (FALSE, FALSE, sizeof (guint8));

  return column;
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_array_unref (column->cells);
  g_clear_pointer (&column->numbers, g_array_unref);
  g_clear_pointer (&column->booleans, g_array_unref);
  g_free (column);
}

/* Fills the column with nulls up to (not including) @n_rows. */
static void
column_pad (Column *column,
            guint   n_rows)
{
  static const guint8 unknown = BOOL_UNKNOWN;
  static const guint32 null_cell = NULL_CELL;
  static const double nan_value = NAN;

  while (column->cells->len < n_rows)
    {
      g_array_append_val (column->cells, null_cell);
      if (column->numbers)
        g_array_append_val (column->numbers, nan_value);
      if (column->booleans)
        g_array_append_val (column->booleans, unknown);
    }
}

void
lens_table_column_set (LensTableColumn *column,
                       guint            row,
                       guint32          offset,
                       const char      *text)
{
  double number = NAN;
  guint8 boolean = BOOL_UNKNOWN;

  if (text != NULL)
    {
      if (column->numbers)
        number = parse_number (text);
      else if (column->booleans)
        boolean = parse_boolean (text);
    }

  if (column->cells->len > row)
    {
      g_array_index (column->cells, guint32, row) = offset;
      if (column->numbers)
        g_array_index (column->numbers, double, row) = number;
      if (column->booleans)
        g_array_index (column->booleans, guint8, row) = boolean;
      return;
    }

  column_pad (column, row);
  g_array_append_val (column->cells, offset);
  if (column->numbers)
    g_array_append_val (column->numbers, number);
  if (column->booleans)
    g_array_append_val (column->booleans, boolean);
}

/* Tables ----------------------------------------------------------------------------------- */

static LensTable *
table_new (void)
{
  LensTable *self = g_new0 (LensTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  return self;
}

LensTable *
lens_table_ref (LensTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lens_table_unref (LensTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->segments->len; i++)
    g_bytes_unref (g_array_index (self->segments, Segment, i).arena);
  g_array_unref (self->segments);
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->columns);
  g_free (self);
}

static Column *
table_add_column (LensTable      *self,
                  const char     *name,
                  gsize           name_len,
                  LensColumnType  type,
                  gboolean        declared)
{
  Column *column = column_new (name, name_len, type, declared);

  g_ptr_array_add (self->columns, column);
  g_hash_table_insert (self->index, column->name, GUINT_TO_POINTER (self->columns->len));

  return column;
}

static Column *
table_lookup (LensTable  *self,
              const char *name,
              guint      *position)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, name));

  if (value == 0)
    return NULL;
  if (position)
    *position = value - 1;

  return g_ptr_array_index (self->columns, value - 1);
}

/* Building (lens-table-private.h) ---------------------------------------------------------- */

LensTable *
lens_table_new_declared (const char * const *fields,
                         const char * const *types)
{
  LensTable *table = table_new ();
  gboolean types_usable;

  if (fields == NULL)
    return table;

  types_usable = types != NULL && g_strv_length ((char **) types) == g_strv_length ((char **) fields);
  if (types != NULL && !types_usable)
    g_debug ("Ignoring column types: %u types for %u fields",
             g_strv_length ((char **) types), g_strv_length ((char **) fields));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      LensColumnType type = types_usable
        ? lens_column_type_from_socrata (types[i])
        : LENS_COLUMN_TEXT;

      if (table_lookup (table, fields[i], NULL) != NULL)
        continue;
      table_add_column (table, fields[i], strlen (fields[i]), type, types_usable);
    }

  return table;
}

LensTableColumn *
lens_table_lookup_column (LensTable  *self,
                          const char *name)
{
  return table_lookup (self, name, NULL);
}

LensTableColumn *
lens_table_add_body_column (LensTable  *self,
                            const char *name,
                            gsize       name_len)
{
  return table_add_column (self, name, name_len, LENS_COLUMN_TEXT, FALSE);
}

void
lens_table_add_page (LensTable *self,
                     GBytes    *arena,
                     guint      n_rows)
{
  Segment segment;

  segment.first_row = self->n_rows;
  segment.arena = g_bytes_ref (arena);
  g_array_append_val (self->segments, segment);

  self->n_rows += n_rows;
  for (guint i = 0; i < self->columns->len; i++)
    column_pad (g_ptr_array_index (self->columns, i), self->n_rows);
}

LensTable *
lens_table_new_from_json (GBytes             *body,
                          const char * const *fields,
                          const char * const *types,
                          GError            **error)
{
  g_autoptr(LensTable) table = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = lens_table_new_declared (fields, types);
  if (!lens_table_scan_page (table, body, error))
    return NULL;

  return g_steal_pointer (&table);
}

/* A header value that must be a JSON array of strings; NULL (with a debug message) when it is
 * missing or anything else: the body still parses, with TEXT columns. */
static char **
parse_header_array (const char *header,
                    const char *which)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  JsonNode *root;

  if (header == NULL || *header == '\0')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, header, -1, &error))
    {
      g_debug ("Ignoring %s header: %s", which, error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_debug ("Ignoring %s header: not an array", which);
      return NULL;
    }

  array = json_node_get_array (root);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_debug ("Ignoring %s header: element %u is not a string", which, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

LensTable *
lens_table_new_from_response (GBytes      *body,
                              const char  *fields_header,
                              const char  *types_header,
                              GError     **error)
{
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) types = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fields = parse_header_array (fields_header, "X-SODA2-Fields");
  if (fields != NULL)
    types = parse_header_array (types_header, "X-SODA2-Types");

  return lens_table_new_from_json (body,
                                   (const char * const *) fields,
                                   (const char * const *) types,
                                   error);
}

/* Reading ---------------------------------------------------------------------------------- */

static const char *
cell_text (LensTable *self,
           Column    *column,
           guint      row)
{
  guint32 offset = g_array_index (column->cells, guint32, row);
  const Segment *segments = (const Segment *) (gpointer) self->segments->data;
  guint lo = 0, hi = self->segments->len;

  if (offset == NULL_CELL)
    return NULL;

  /* The last segment whose first_row <= row (usually the only one). */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (segments[mid].first_row <= row)
        lo = mid;
      else
        hi = mid;
    }

  return (const char *) g_bytes_get_data (segments[lo].arena, NULL) + offset;
}

static Column *
get_column (LensTable *self,
            guint      row,
            guint      column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return g_ptr_array_index (self->columns, column);
}

guint
lens_table_get_n_rows (LensTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
lens_table_get_n_columns (LensTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const char *
lens_table_get_column_name (LensTable *self,
                            guint      column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return ((Column *) g_ptr_array_index (self->columns, column))->name;
}

LensColumnType
lens_table_get_column_type (LensTable *self,
                            guint      column)
{
  g_return_val_if_fail (self != NULL, LENS_COLUMN_TEXT);
  g_return_val_if_fail (column < self->columns->len, LENS_COLUMN_TEXT);

  return ((Column *) g_ptr_array_index (self->columns, column))->type;
}

int
lens_table_find_column (LensTable  *self,
                        const char *name)
{
  guint position;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (table_lookup (self, name, &position) == NULL)
    return -1;

  return (int) position;
}

gboolean
lens_table_is_null (LensTable *self,
                    guint      row,
                    guint      column)
{
  Column *col = get_column (self, row, column);

  g_return_val_if_fail (col != NULL, TRUE);

  return g_array_index (col->cells, guint32, row) == NULL_CELL;
}

double
lens_table_get_number (LensTable *self,
                       guint      row,
                       guint      column)
{
  Column *col = get_column (self, row, column);
  const char *text;

  g_return_val_if_fail (col != NULL, NAN);

  if (col->numbers != NULL)
    return g_array_index (col->numbers, double, row);

  /* Undeclared columns (no headers): read the text as a number if it is one. */
  if (col->type != LENS_COLUMN_TEXT || (text = cell_text (self, col, row)) == NULL)
    return NAN;

  return parse_number (text);
}

const char *
lens_table_get_text (LensTable *self,
                     guint      row,
                     guint      column)
{
  Column *col = get_column (self, row, column);

  g_return_val_if_fail (col != NULL, NULL);

  if (col->booleans != NULL)
    {
      switch (g_array_index (col->booleans, guint8, row))
        {
        case BOOL_TRUE:
          return "true";
        case BOOL_FALSE:
          return "false";
        default:
          break;
        }
    }

  return cell_text (self, col, row);
}

gboolean
lens_table_get_boolean (LensTable *self,
                        guint      row,
                        guint      column)
{
  Column *col = get_column (self, row, column);
  const char *text;

  g_return_val_if_fail (col != NULL, FALSE);

  if (col->booleans != NULL)
    return g_array_index (col->booleans, guint8, row) == BOOL_TRUE;

  if ((text = cell_text (self, col, row)) == NULL)
    return FALSE;

  return parse_boolean (text) == BOOL_TRUE;
}

/* "2024-01-01" alone (some aggregates): midnight in @tz. */
static GDateTime *
parse_date_only (const char *text,
                 GTimeZone  *tz)
{
  GDate date;

  if (!lens_date_parse_iso (text, &date))
    return NULL;

  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
}

GDateTime *
lens_table_get_datetime (LensTable *self,
                         guint      row,
                         guint      column)
{
  Column *col = get_column (self, row, column);
  g_autoptr(GTimeZone) utc = NULL;
  GTimeZone *tz;
  const char *text;
  GDateTime *datetime;

  g_return_val_if_fail (col != NULL, NULL);

  if ((text = cell_text (self, col, row)) == NULL)
    return NULL;

  /* A zone in the text wins; otherwise floating values are Chicago time, fixed ones UTC. */
  if (col->type == LENS_COLUMN_FIXED_TIMESTAMP)
    tz = utc = g_time_zone_new_utc ();
  else
    tz = chicago_time_zone ();

  datetime = g_date_time_new_from_iso8601 (text, tz);
  if (datetime == NULL)
    datetime = parse_date_only (text, tz);

  return datetime;
}

static gboolean
node_get_double (JsonNode *node,
                 double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_DOUBLE:
    case G_TYPE_INT64:
      *out = json_node_get_double (node);
      return isfinite (*out);
    case G_TYPE_STRING:
      *out = parse_number (json_node_get_string (node));
      return isfinite (*out);
    default:
      return FALSE;
    }
}

/* "POINT (-87.6 41.7)", as the CSV and some exports write it */
static gboolean
parse_wkt_point (const char *text,
                 double     *longitude,
                 double     *latitude)
{
  const char *p = text;
  char *end;

  if (g_ascii_strncasecmp (p, "POINT", 5) != 0)
    return FALSE;
  p += 5;
  while (*p == ' ')
    p++;
  if (*p++ != '(')
    return FALSE;

  *longitude = g_ascii_strtod (p, &end);
  if (end == p)
    return FALSE;
  p = end;
  *latitude = g_ascii_strtod (p, &end);
  if (end == p)
    return FALSE;
  p = end;
  while (*p == ' ')
    p++;

  return *p == ')' && isfinite (*longitude) && isfinite (*latitude);
}

gboolean
lens_table_get_point (LensTable *self,
                      guint      row,
                      guint      column,
                      double    *longitude,
                      double    *latitude)
{
  Column *col = get_column (self, row, column);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *text;
  double lon = NAN, lat = NAN;
  gboolean found = FALSE;

  g_return_val_if_fail (col != NULL, FALSE);

  if ((text = cell_text (self, col, row)) == NULL)
    return FALSE;

  if (*text != '{')
    {
      found = parse_wkt_point (text, &lon, &lat);
      goto out;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);

  if (json_object_has_member (object, "coordinates"))
    {
      /* GeoJSON: longitude first */
      JsonNode *coordinates = json_object_get_member (object, "coordinates");
      JsonArray *array;

      if (JSON_NODE_HOLDS_ARRAY (coordinates) &&
          json_array_get_length (array = json_node_get_array (coordinates)) >= 2)
        found = node_get_double (json_array_get_element (array, 0), &lon) &&
                node_get_double (json_array_get_element (array, 1), &lat);
    }
  else
    {
      /* The legacy location object: strings, and often only a human_address */
      found = node_get_double (json_object_get_member (object, "longitude"), &lon) &&
              node_get_double (json_object_get_member (object, "latitude"), &lat);
    }

out:
  if (!found)
    return FALSE;

  if (longitude)
    *longitude = lon;
  if (latitude)
    *latitude = lat;

  return TRUE;
}

char **
lens_table_dup_multi_values (LensTable *self,
                             guint      row,
                             guint      column)
{
  Column *col = get_column (self, row, column);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) parts = NULL;
  const char *text;

  g_return_val_if_fail (col != NULL, NULL);

  if ((text = lens_table_get_text (self, row, column)) == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  parts = g_strsplit (text, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* Appending pages -------------------------------------------------------------------------- */

/* Gives @column (of @self) the typed storage of @type, decoding the text it already holds. */
static void
column_retype (LensTable      *self,
               Column         *column,
               LensColumnType  type)
{
  g_clear_pointer (&column->numbers, g_array_unref);
  g_clear_pointer (&column->booleans, g_array_unref);
  column->type = type;
  column->declared = TRUE;

  if (type == LENS_COLUMN_NUMBER)
    column->numbers = g_array_sized_new (FALSE, FALSE, sizeof (double), column->cells->len);
  else if (type == LENS_COLUMN_BOOLEAN)
    column->booleans = g_array_sized_new (FALSE, FALSE, sizeof (guint8), column->cells->len);
  else
    return;

  for (guint row = 0; row < column->cells->len; row++)
    {
      const char *text = cell_text (self, column, row);
      double number = text ? parse_number (text) : NAN;
      guint8 boolean = text ? parse_boolean (text) : BOOL_UNKNOWN;

      if (column->numbers)
        g_array_append_val (column->numbers, number);
      else
        g_array_append_val (column->booleans, boolean);
    }
}

gboolean
lens_table_append (LensTable  *self,
                   LensTable  *other,
                   GError    **error)
{
  guint base;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);
  g_return_val_if_fail (self != other, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint64) self->n_rows + other->n_rows >= G_MAXUINT)
    {
      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, _("too many rows"));
      return FALSE;
    }

  /* Check the columns agree before changing anything. */
  for (guint i = 0; i < other->columns->len; i++)
    {
      Column *theirs = g_ptr_array_index (other->columns, i);
      Column *ours = table_lookup (self, theirs->name, NULL);

      if (ours != NULL && ours->type != theirs->type &&
          ours->declared && theirs->declared &&
          ours->type != LENS_COLUMN_TEXT && theirs->type != LENS_COLUMN_TEXT)
        {
          g_autofree char *detail =
            g_strdup_printf (_("the column “%s” changed type between pages"), theirs->name);

          lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_RESPONSE, detail);
          return FALSE;
        }
    }

  base = self->n_rows;

  for (guint i = 0; i < other->segments->len; i++)
    {
      Segment segment = g_array_index (other->segments, Segment, i);

      segment.first_row += base;
      g_bytes_ref (segment.arena);
      g_array_append_val (self->segments, segment);
    }

  self->n_rows += other->n_rows;

  for (guint i = 0; i < other->columns->len; i++)
    {
      Column *theirs = g_ptr_array_index (other->columns, i);
      Column *ours = table_lookup (self, theirs->name, NULL);

      if (ours == NULL)
        ours = table_add_column (self, theirs->name, theirs->name_len, theirs->type, theirs->declared);
      else if (ours->type != theirs->type && theirs->declared &&
               (!ours->declared || ours->type == LENS_COLUMN_TEXT))
        column_retype (self, ours, theirs->type);

      column_pad (ours, base);
      g_array_append_vals (ours->cells, theirs->cells->data, theirs->cells->len);

      if (ours->numbers != NULL && theirs->numbers != NULL)
        g_array_append_vals (ours->numbers, theirs->numbers->data, theirs->numbers->len);
      else if (ours->booleans != NULL && theirs->booleans != NULL)
        g_array_append_vals (ours->booleans, theirs->booleans->data, theirs->booleans->len);
      else if (ours->numbers != NULL || ours->booleans != NULL)
        for (guint row = base; row < self->n_rows; row++)
          {
            const char *text = cell_text (self, ours, row);

            if (ours->numbers)
              {
                double number = text ? parse_number (text) : NAN;
                g_array_append_val (ours->numbers, number);
              }
            else
              {
                guint8 boolean = text ? parse_boolean (text) : BOOL_UNKNOWN;
                g_array_append_val (ours->booleans, boolean);
              }
          }
    }

  for (guint i = 0; i < self->columns->len; i++)
    column_pad (g_ptr_array_index (self->columns, i), self->n_rows);

  return TRUE;
}
