/* lens-soql.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-soql"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lens-portal-error.h"
#include "lens-soql.h"

/* Characters left literal in an encoded parameter value, on top of the unreserved ones
 * (ALPHA DIGIT - . _ ~) that g_uri_escape_string() always keeps. None of them has a meaning
 * inside a query component value: '&', '=', '+', ';', '#', '%' and '?' are always encoded, so
 * a value can never start a new parameter or be decoded differently by a form parser. The set
 * is fixed, which keeps one encoding per query (the cache key). */
#define VALUE_CHARS_ALLOWED "!'()*,:@/"

typedef struct
{
  char     *literal;    /* the rendered SoQL literal, NULL when the value was invalid */
  char     *problem;    /* why it is invalid, for lens_soql_validate() */
} Param;

struct _LensSoql
{
  gatomicrefcount  ref_count;
  char            *dataset_id;
  char            *select;
  GPtrArray       *where;       /* element-type: char* */
  char            *group;
  char            *having;
  char            *order;
  gint64           limit;
  gint64           offset;
  GHashTable      *params;      /* name -> Param* */
};

G_DEFINE_BOXED_TYPE (LensSoql, lens_soql, lens_soql_ref, lens_soql_unref)

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->literal);
  g_free (param->problem);
  g_free (param);
}

static Param *
param_copy (const Param *param)
{
  Param *copy = g_new0 (Param, 1);

  copy->literal = g_strdup (param->literal);
  copy->problem = g_strdup (param->problem);

  return copy;
}

static GHashTable *
params_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, param_free);
}

LensSoql *
lens_soql_new (const char *dataset_id)
{
  LensSoql *self;

  g_return_val_if_fail (dataset_id != NULL, NULL);

  self = g_new0 (LensSoql, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset_id = g_strdup (dataset_id);
  self->where = g_ptr_array_new_with_free_func (g_free);
  self->limit = -1;
  self->offset = -1;
  self->params = params_new ();

  return self;
}

LensSoql *
lens_soql_ref (LensSoql *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lens_soql_unref (LensSoql *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->dataset_id);
  g_free (self->select);
  g_ptr_array_unref (self->where);
  g_free (self->group);
  g_free (self->having);
  g_free (self->order);
  g_hash_table_unref (self->params);
  g_free (self);
}

LensSoql *
lens_soql_copy (const LensSoql *self)
{
  GHashTableIter iter;
  gpointer key, value;
  LensSoql *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = lens_soql_new (self->dataset_id);
  copy->select = g_strdup (self->select);
  for (guint i = 0; i < self->where->len; i++)
    g_ptr_array_add (copy->where, g_strdup (g_ptr_array_index (self->where, i)));
  copy->group = g_strdup (self->group);
  copy->having = g_strdup (self->having);
  copy->order = g_strdup (self->order);
  copy->limit = self->limit;
  copy->offset = self->offset;

  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->params, g_strdup (key), param_copy (value));

  return copy;
}

const char *
lens_soql_get_dataset_id (const LensSoql *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset_id;
}

/* An empty clause is the same as no clause: one query, one canonical form. */
static void
set_clause (char       **clause,
            const char  *text)
{
  if (text != NULL && *text == '\0')
    text = NULL;

  g_free (*clause);
  *clause = g_strdup (text);
}

void
lens_soql_set_select (LensSoql   *self,
                      const char *select)
{
  g_return_if_fail (self != NULL);

  set_clause (&self->select, select);
}

void
lens_soql_add_where (LensSoql   *self,
                     const char *condition)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (condition != NULL);

  if (*condition != '\0')
    g_ptr_array_add (self->where, g_strdup (condition));
}

void
lens_soql_set_group (LensSoql   *self,
                     const char *group)
{
  g_return_if_fail (self != NULL);

  set_clause (&self->group, group);
}

void
lens_soql_set_having (LensSoql   *self,
                      const char *having)
{
  g_return_if_fail (self != NULL);

  set_clause (&self->having, having);
}

void
lens_soql_set_order (LensSoql   *self,
                     const char *order)
{
  g_return_if_fail (self != NULL);

  set_clause (&self->order, order);
}

const char *
lens_soql_get_order (const LensSoql *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->order;
}

void
lens_soql_set_limit (LensSoql *self,
                     gint64    limit)
{
  g_return_if_fail (self != NULL);

  self->limit = limit < 0 ? -1 : limit;
}

gint64
lens_soql_get_limit (const LensSoql *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->limit;
}

void
lens_soql_set_offset (LensSoql *self,
                      gint64    offset)
{
  g_return_if_fail (self != NULL);

  self->offset = offset < 0 ? -1 : offset;
}

gint64
lens_soql_get_offset (const LensSoql *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->offset;
}

static inline gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static inline gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
is_valid_param_name (const char *name)
{
  if (name == NULL || !is_name_start (*name))
    return FALSE;

  for (const char *p = name + 1; *p; p++)
    if (!is_name_char (*p))
      return FALSE;

  return TRUE;
}

static void
bind (LensSoql   *self,
      const char *name,
      char       *literal,
      char       *problem)
{
  Param *param = g_new0 (Param, 1);

  param->literal = literal;
  param->problem = problem;
  g_hash_table_replace (self->params, g_strdup (name), param);
}

char *
lens_soql_quote_text (const char *value)
{
  GString *str;

  g_return_val_if_fail (value != NULL, NULL);

  str = g_string_sized_new (strlen (value) + 2);
  g_string_append_c (str, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (str, '\'');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '\'');

  return g_string_free (str, FALSE);
}

void
lens_soql_bind_text (LensSoql   *self,
                     const char *name,
                     const char *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (is_valid_param_name (name));
  g_return_if_fail (value != NULL);

  if (!g_utf8_validate (value, -1, NULL))
    bind (self, name, NULL, g_strdup_printf (_("The value of @%s is not valid UTF-8"), name));
  else
    bind (self, name, lens_soql_quote_text (value), NULL);
}

/* The shortest C-locale text that reads back as the same double; integers without ".0". */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");   /* also -0 */

  if (value == floor (value) && fabs (value) < 9007199254740992.0) /* 2^53 */
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (precision == 17 || g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

void
lens_soql_bind_number (LensSoql   *self,
                       const char *name,
                       double      value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (is_valid_param_name (name));

  if (!isfinite (value))
    {
      bind (self, name, NULL, g_strdup_printf (_("The value of @%s is not a finite number"), name));
      return;
    }

  text = format_number (value);
  /* A negative literal is parenthesised so "x - @n" never becomes "x - -5" or a comment. */
  if (value < 0)
    bind (self, name, g_strdup_printf ("(%s)", text), NULL);
  else
    bind (self, name, g_steal_pointer (&text), NULL);
}

void
lens_soql_bind_date (LensSoql   *self,
                     const char *name,
                     GDate      *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (is_valid_param_name (name));
  g_return_if_fail (date != NULL);

  if (!g_date_valid (date))
    {
      bind (self, name, NULL, g_strdup_printf (_("The value of @%s is not a valid date"), name));
      return;
    }

  bind (self, name,
        g_strdup_printf ("'%04u-%02u-%02uT00:00:00'",
                         (guint) g_date_get_year (date),
                         (guint) g_date_get_month (date),
                         (guint) g_date_get_day (date)),
        NULL);
}

/* Walks a clause the way SoQL's lexer sees it: '…' and "…" are string literals (a doubled
 * quote stays inside), `…` a quoted identifier. A parameter is `@name` outside all of them,
 * not preceded by a name character or ':' (system and computed-region fields such as
 * `:@computed_region_awaf_s7ux` contain '@'). With @out set, writes the clause with every
 * bound parameter replaced by its literal; otherwise only checks it. Returns FALSE with
 * @problem set for unbalanced quotes or parentheses and unbound or invalid parameters. */
static gboolean
render_clause (const LensSoql  *self,
               const char      *clause,
               GString         *out,
               char           **problem)
{
  const char *p = clause;
  gboolean closed_too_early = FALSE;
  int depth = 0;

  while (*p != '\0')
    {
      char c = *p;

      if (c == '\'' || c == '"' || c == '`')
        {
          const char *start = p++;

          for (;;)
            {
              if (*p == '\0')
                {
                  if (problem)
                    *problem = g_strdup_printf (_("Unbalanced quotes in “%s”"), clause);
                  return FALSE;
                }
              if (*p == c)
                {
                  if (p[1] == c)
                    {
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              p++;
            }

          if (out)
            g_string_append_len (out, start, p - start);
          continue;
        }

      if (c == '@' && is_name_start (p[1]) &&
          (p == clause || (!is_name_char (p[-1]) && p[-1] != ':')))
        {
          const char *name_start = p + 1;
          const char *name_end = name_start;
          g_autofree char *name = NULL;
          const Param *param;

          while (is_name_char (*name_end))
            name_end++;
          name = g_strndup (name_start, name_end - name_start);
          param = g_hash_table_lookup (self->params, name);

          if (param == NULL)
            {
              if (problem)
                *problem = g_strdup_printf (_("The parameter @%s has no value"), name);
              if (out == NULL)
                return FALSE;
              /* Rendering anyway (the caller did not validate): keep the name. */
              g_string_append_len (out, p, name_end - p);
            }
          else if (param->literal == NULL)
            {
              if (problem)
                *problem = g_strdup (param->problem);
              if (out == NULL)
                return FALSE;
              g_string_append_len (out, p, name_end - p);
            }
          else if (out)
            {
              g_string_append (out, param->literal);
            }

          p = name_end;
          continue;
        }

      if (c == '(')
        depth++;
      else if (c == ')' && --depth < 0)
        closed_too_early = TRUE;

      if (out)
        g_string_append_c (out, c);
      p++;
    }

  if (depth != 0 || closed_too_early)
    {
      if (problem)
        *problem = g_strdup_printf (_("Unbalanced parentheses in “%s”"), clause);
      return FALSE;
    }

  return TRUE;
}

gboolean
lens_soql_is_dataset_id (const char *id)
{
  if (id == NULL || strlen (id) != 9 || id[4] != '-')
    return FALSE;

  for (guint i = 0; i < 9; i++)
    {
      if (i == 4)
        continue;
      if (!g_ascii_isdigit (id[i]) && !(id[i] >= 'a' && id[i] <= 'z'))
        return FALSE;
    }

  return TRUE;
}

gboolean
lens_soql_validate (const LensSoql  *self,
                    GError         **error)
{
  const char *clauses[] = { self ? self->select : NULL, self ? self->group : NULL,
                            self ? self->having : NULL, self ? self->order : NULL };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lens_soql_is_dataset_id (self->dataset_id))
    {
      g_autofree char *detail =
        g_strdup_printf (_("“%s” is not a dataset identifier"), self->dataset_id);

      lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, detail);
      return FALSE;
    }

  /* Each where condition is checked on its own: "a) OR (b" balances only once wrapped. */
  for (guint i = 0; i < G_N_ELEMENTS (clauses) + self->where->len; i++)
    {
      const char *clause = i < G_N_ELEMENTS (clauses)
        ? clauses[i]
        : g_ptr_array_index (self->where, i - G_N_ELEMENTS (clauses));
      g_autofree char *problem = NULL;

      if (clause != NULL && !render_clause (self, clause, NULL, &problem))
        {
          lens_portal_error_set (error, LENS_PORTAL_ERROR_BAD_QUERY, problem);
          return FALSE;
        }
    }

  return TRUE;
}

/* Shapes and pages */

/* SoQL's aggregate functions (soql-reference, soql-stdlib .../functions/SoQLFunctions.scala,
 * FunctionType.Aggregate). spatial_union is left out: only its one-argument form aggregates. */
static const char * const aggregate_functions[] = {
  "count", "count_distinct", "sum", "avg", "min", "max", "median", "stddev_pop",
  "stddev_samp", "regr_intercept", "regr_r2", "regr_slope", "extent", NULL
};

static gboolean
is_aggregate_function (const char *name,
                       gsize       len)
{
  for (guint i = 0; aggregate_functions[i] != NULL; i++)
    if (strlen (aggregate_functions[i]) == len &&
        g_ascii_strncasecmp (aggregate_functions[i], name, len) == 0)
      return TRUE;
  return FALSE;
}

/* Past the literal or quoted identifier that starts at @p. */
static const char *
skip_quoted (const char *p)
{
  char quote = *p++;

  for (; *p != '\0'; p++)
    if (*p == quote)
      {
        if (p[1] != quote)
          return p + 1;
        p++;
      }
  return p;
}

/* Past the parenthesis that closes the one at @open. */
static const char *
skip_parens (const char *open)
{
  const char *p = open + 1;
  int depth = 1;

  while (*p != '\0' && depth > 0)
    {
      if (*p == '\'' || *p == '"' || *p == '`')
        {
          p = skip_quoted (p);
          continue;
        }
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      p++;
    }
  return p;
}

/* TRUE when @clause calls an aggregate function; a windowed call ("count(*) OVER (...)")
 * does not group the query. */
static gboolean
calls_aggregate (const char *clause)
{
  const char *p = clause;

  if (clause == NULL)
    return FALSE;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"' || *p == '`')
        p = skip_quoted (p);
      else if (is_name_start (*p) && (p == clause || (!is_name_char (p[-1]) && p[-1] != ':' && p[-1] != '@')))
        {
          const char *start = p;
          const char *after;

          while (is_name_char (*p))
            p++;
          for (after = p; g_ascii_isspace (*after); after++)
            ;
          if (*after == '(' && is_aggregate_function (start, p - start))
            {
              const char *next = skip_parens (after);

              while (g_ascii_isspace (*next))
                next++;
              if (g_ascii_strncasecmp (next, "over", 4) != 0 || is_name_char (next[4]))
                return TRUE;
            }
        }
      else
        p++;
    }

  return FALSE;
}

LensSoqlShape
lens_soql_get_shape (const LensSoql *self)
{
  g_return_val_if_fail (self != NULL, LENS_SOQL_SHAPE_ROWS);

  if (self->group != NULL)
    return LENS_SOQL_SHAPE_GROUPED;
  /* $having alone, or an aggregate: grouped by the empty list, one row. */
  if (self->having != NULL || calls_aggregate (self->select) || calls_aggregate (self->order))
    return LENS_SOQL_SHAPE_AGGREGATE;
  return LENS_SOQL_SHAPE_ROWS;
}

/* The terms of a list clause ("a, b DESC"), split at top-level commas, trimmed. */
static GPtrArray *
split_terms (const char *clause)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *start = clause;
  const char *p = clause;

  while (TRUE)
    {
      if (*p == '\'' || *p == '"' || *p == '`')
        {
          p = skip_quoted (p);
          continue;
        }
      if (*p == '(')
        {
          p = skip_parens (p);
          continue;
        }
      if (*p == ',' || *p == '\0')
        {
          g_autofree char *term = g_strstrip (g_strndup (start, p - start));

          if (*term != '\0')
            g_ptr_array_add (terms, g_steal_pointer (&term));
          if (*p == '\0')
            break;
          start = p + 1;
        }
      p++;
    }

  return terms;
}

/* An order term without its direction, for comparing it with a group expression. */
static char *
order_expression (const char *term)
{
  static const char * const suffixes[] = { "asc", "desc", "null first", "null last",
                                           "nulls first", "nulls last", NULL };
  char *expr = g_strdup (term);
  gboolean stripped = TRUE;

  while (stripped)
    {
      gsize len = strlen (expr);

      stripped = FALSE;
      for (guint i = 0; suffixes[i] != NULL && !stripped; i++)
        {
          gsize n = strlen (suffixes[i]);

          if (len > n && g_ascii_strcasecmp (expr + len - n, suffixes[i]) == 0 &&
              g_ascii_isspace (expr[len - n - 1]))
            {
              expr[len - n] = '\0';
              g_strchomp (expr);
              stripped = TRUE;
            }
        }
    }

  return expr;
}

static gboolean
order_names (GPtrArray  *order_terms,
             const char *expression)
{
  for (guint i = 0; i < order_terms->len; i++)
    {
      g_autofree char *expr = order_expression (g_ptr_array_index (order_terms, i));

      if (g_ascii_strcasecmp (expr, expression) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The query's $order with the tie-breakers a stable paging needs (see lens_soql_dup_page()). */
static char *
stable_order (const LensSoql *self,
              LensSoqlShape   shape)
{
  g_autoptr(GPtrArray) order_terms = split_terms (self->order != NULL ? self->order : "");
  g_autoptr(GPtrArray) tie_breakers = NULL;
  GString *order = g_string_new (self->order);

  /* Rows: :id, every dataset's row identifier. Groups: only grouped expressions (or
   * aggregates) may be named, and the group expressions together tell the rows apart. */
  if (shape == LENS_SOQL_SHAPE_GROUPED)
    tie_breakers = split_terms (self->group);
  else
    {
      tie_breakers = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tie_breakers, g_strdup (":id"));
    }

  for (guint i = 0; i < tie_breakers->len; i++)
    {
      const char *term = g_ptr_array_index (tie_breakers, i);

      if (order_names (order_terms, term))
        continue;
      if (order->len > 0)
        g_string_append (order, ", ");
      g_string_append (order, term);
    }

  return g_string_free (order, FALSE);
}

LensSoql *
lens_soql_dup_page (const LensSoql *self,
                    gint64          offset,
                    gint64          limit)
{
  LensSoqlShape shape;
  g_autofree char *order = NULL;
  LensSoql *page;

  g_return_val_if_fail (self != NULL, NULL);

  shape = lens_soql_get_shape (self);
  if (shape == LENS_SOQL_SHAPE_AGGREGATE)
    return NULL;

  order = stable_order (self, shape);
  page = lens_soql_copy (self);
  lens_soql_set_order (page, order);
  lens_soql_set_limit (page, limit);
  lens_soql_set_offset (page, offset > 0 ? offset : -1);

  return page;
}

static void
append_param (GString    *query,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, VALUE_CHARS_ALLOWED, FALSE);

  if (query->len > 0)
    g_string_append_c (query, '&');
  /* The '$' of a key is a sub-delimiter, valid in a query: it stays literal. */
  g_string_append (query, key);
  g_string_append_c (query, '=');
  g_string_append (query, escaped);
}

static void
append_clause (const LensSoql *self,
               GString        *query,
               const char     *key,
               const char     *clause)
{
  g_autoptr(GString) rendered = NULL;

  if (clause == NULL)
    return;

  rendered = g_string_new (NULL);
  render_clause (self, clause, rendered, NULL);
  append_param (query, key, rendered->str);
}

char *
lens_soql_to_query_string (const LensSoql *self)
{
  GString *query;

  g_return_val_if_fail (self != NULL, NULL);

  query = g_string_new (NULL);

  append_clause (self, query, "$select", self->select);

  if (self->where->len > 0)
    {
      g_autoptr(GString) where = g_string_new (NULL);

      for (guint i = 0; i < self->where->len; i++)
        {
          if (i > 0)
            g_string_append (where, " AND ");
          g_string_append_c (where, '(');
          render_clause (self, g_ptr_array_index (self->where, i), where, NULL);
          g_string_append_c (where, ')');
        }

      append_param (query, "$where", where->str);
    }

  append_clause (self, query, "$group", self->group);
  append_clause (self, query, "$having", self->having);
  append_clause (self, query, "$order", self->order);

  if (self->limit >= 0)
    {
      char buf[32];

      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, self->limit);
      append_param (query, "$limit", buf);
    }

  if (self->offset >= 0)
    {
      char buf[32];

      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, self->offset);
      append_param (query, "$offset", buf);
    }

  return g_string_free (query, FALSE);
}

char *
lens_soql_to_url (const LensSoql *self,
                  const char     *base_url)
{
  g_autofree char *query = NULL;
  g_autofree char *id = NULL;
  gsize base_len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  /* "https://x/" and "https://x" are the same portal: one cache key. */
  base_len = strlen (base_url);
  while (base_len > 0 && base_url[base_len - 1] == '/')
    base_len--;

  id = g_uri_escape_string (self->dataset_id, NULL, FALSE);
  query = lens_soql_to_query_string (self);

  return g_strdup_printf ("%.*s/resource/%s.json%s%s",
                          (int) base_len, base_url, id,
                          *query ? "?" : "", query);
}

/* Fields */

/* Words of SoQL that are not names of fields. */
static const char * const soql_words[] = {
  "and", "or", "not", "in", "is", "null", "true", "false", "as", "asc", "desc", "between",
  "like", "nulls", "first", "last", "over", "partition", "by", NULL
};

static gboolean
is_soql_word (const char *name)
{
  for (guint i = 0; soql_words[i] != NULL; i++)
    if (g_ascii_strcasecmp (soql_words[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* The names of @clause that are not functions, words, parameters or system fields (":id"),
 * into @names; those after AS into @aliases. */
static void
collect_names (const char *clause,
               GPtrArray  *names,
               GPtrArray  *aliases)
{
  gboolean after_as = FALSE;
  const char *p = clause;

  while (p != NULL && *p != '\0')
    {
      if (*p == '\'' || *p == '"' || *p == '`')
        p = skip_quoted (p);
      else if (is_name_start (*p) && (p == clause || (!is_name_char (p[-1]) && p[-1] != ':' && p[-1] != '@')))
        {
          const char *start = p;
          const char *after;
          g_autofree char *name = NULL;

          while (is_name_char (*p))
            p++;
          for (after = p; g_ascii_isspace (*after); after++)
            ;
          name = g_ascii_strdown (start, p - start);
          if (*after == '(')
            after_as = FALSE;
          else if (is_soql_word (name))
            after_as = g_str_equal (name, "as");
          else
            {
              g_ptr_array_add (after_as ? aliases : names, g_steal_pointer (&name));
              after_as = FALSE;
            }
        }
      else
        p++;
    }
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

char **
lens_soql_dup_fields (const LensSoql *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *fields;

  g_return_val_if_fail (self != NULL, NULL);

  collect_names (self->select, names, aliases);
  for (guint i = 0; i < self->where->len; i++)
    collect_names (g_ptr_array_index (self->where, i), names, aliases);
  collect_names (self->group, names, aliases);
  collect_names (self->having, names, aliases);
  collect_names (self->order, names, aliases);

  fields = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!names_contain (aliases, name) && !names_contain (fields, name))
        g_ptr_array_add (fields, g_strdup (name));
    }
  g_ptr_array_add (fields, NULL);

  return (char **) g_ptr_array_free (fields, FALSE);
}
