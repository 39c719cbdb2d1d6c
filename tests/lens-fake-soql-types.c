/* lens-fake-soql-types.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lens-fake-soql"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lens-fake-soql-private.h"

/* The types of SoQL expressions and the signatures of its functions (soql-reference,
 * soql-stdlib .../functions/SoQLFunctions.scala): refuses unknown functions and arguments of the
 * wrong type, and knows which functions aggregate. */

const char *
fake_soql_type_name (Type type)
{
  switch (type)
    {
    case TYPE_TEXT: return "text";
    case TYPE_NUMBER: return "number";
    case TYPE_BOOLEAN: return "boolean";
    case TYPE_FLOATING: return "floating_timestamp";
    case TYPE_FIXED: return "fixed_timestamp";
    case TYPE_POINT: return "point";
    case TYPE_ROW_ID: return "row_identifier";
    case TYPE_NULL: return "null";
    case TYPE_UNKNOWN:
    case TYPE_OTHER:
    default: return "unknown";
    }
}

/* SODA2 type names, in both vocabularies (socrata-cpd.md §2). */
Type
fake_soql_type_from_soda2 (const char *name)
{
  static const struct { const char *name; Type type; } types[] = {
    { "text", TYPE_TEXT }, { "number", TYPE_NUMBER }, { "boolean", TYPE_BOOLEAN },
    { "checkbox", TYPE_BOOLEAN }, { "floating_timestamp", TYPE_FLOATING },
    { "calendar_date", TYPE_FLOATING }, { "fixed_timestamp", TYPE_FIXED }, { "date", TYPE_FIXED },
    { "point", TYPE_POINT }, { "row_identifier", TYPE_ROW_ID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (types[i].name, name) == 0)
      return types[i].type;
  return TYPE_OTHER;
}

/* Functions */

typedef enum
{
  SIG_COUNT,        /* anything (or *) -> number */
  SIG_NUMERIC,      /* number -> number */
  SIG_MIN_MAX,      /* one orderable type but boolean -> the same */
  SIG_TRUNC,        /* floating timestamp -> floating timestamp */
  SIG_EXTRACT,      /* floating timestamp -> number */
  SIG_CASE,         /* (boolean, a)... -> a */
  SIG_COALESCE,     /* a... -> a */
  SIG_TEXT,         /* text -> text */
  SIG_LENGTH,       /* text -> number */
  SIG_TEXT_TEST,    /* text, text -> boolean */
  SIG_LOGIC,        /* boolean... -> boolean */
  SIG_EQUALITY,     /* a, a -> boolean; a equatable */
  SIG_ORDERING,     /* a, a -> boolean; a ordered; BETWEEN takes three */
  SIG_IN,           /* a, a... -> boolean */
  SIG_ARITHMETIC,   /* number... -> number */
  SIG_CONCAT,       /* anything, anything -> text */
  SIG_IS_NULL,      /* anything -> boolean */
  SIG_LIKE,         /* text, text -> boolean */
  SIG_BY_NAME_ONLY, /* a real SoQL function whose types this model does not know */
} Signature;

#define ANY_NUMBER G_MAXUINT

typedef struct
{
  const char *name;
  Signature   signature;
  guint       min_args;
  guint       max_args;
  gboolean    aggregate;
} Function;

/* From SoQLFunctions.scala; operators are named as the parser names them. */
static const Function functions[] = {
  { "count", SIG_COUNT, 1, 1, TRUE },
  { "count_distinct", SIG_COUNT, 1, 1, TRUE },
  { "sum", SIG_NUMERIC, 1, 1, TRUE },
  { "avg", SIG_NUMERIC, 1, 1, TRUE },
  { "median", SIG_NUMERIC, 1, 1, TRUE },
  { "stddev_pop", SIG_NUMERIC, 1, 1, TRUE },
  { "stddev_samp", SIG_NUMERIC, 1, 1, TRUE },
  { "min", SIG_MIN_MAX, 1, 1, TRUE },
  { "max", SIG_MIN_MAX, 1, 1, TRUE },
  { "regr_intercept", SIG_BY_NAME_ONLY, 2, 2, TRUE },
  { "regr_r2", SIG_BY_NAME_ONLY, 2, 2, TRUE },
  { "regr_slope", SIG_BY_NAME_ONLY, 2, 2, TRUE },
  { "extent", SIG_BY_NAME_ONLY, 1, 1, TRUE },
  { "date_trunc_y", SIG_TRUNC, 1, 2, FALSE },
  { "date_trunc_ym", SIG_TRUNC, 1, 2, FALSE },
  { "date_trunc_ymd", SIG_TRUNC, 1, 2, FALSE },
  { "date_extract_y", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_m", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_d", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_hh", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_mm", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_ss", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_dow", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_woy", SIG_EXTRACT, 1, 1, FALSE },
  { "date_extract_iso_y", SIG_EXTRACT, 1, 1, FALSE },
  { "case", SIG_CASE, 2, ANY_NUMBER, FALSE },
  { "coalesce", SIG_COALESCE, 1, ANY_NUMBER, FALSE },
  { "upper", SIG_TEXT, 1, 1, FALSE },
  { "lower", SIG_TEXT, 1, 1, FALSE },
  { "trim", SIG_TEXT, 1, 1, FALSE },
  { "trim_leading", SIG_TEXT, 1, 1, FALSE },
  { "trim_trailing", SIG_TEXT, 1, 1, FALSE },
  { "unaccent", SIG_TEXT, 1, 1, FALSE },
  { "length", SIG_LENGTH, 1, 1, FALSE },
  { "starts_with", SIG_TEXT_TEST, 2, 2, FALSE },
  { "contains", SIG_TEXT_TEST, 2, 2, FALSE },
  /* Operators */
  { "and", SIG_LOGIC, 2, 2, FALSE },
  { "or", SIG_LOGIC, 2, 2, FALSE },
  { "not", SIG_LOGIC, 1, 1, FALSE },
  { "=", SIG_EQUALITY, 2, 2, FALSE },
  { "==", SIG_EQUALITY, 2, 2, FALSE },
  { "!=", SIG_EQUALITY, 2, 2, FALSE },
  { "<>", SIG_EQUALITY, 2, 2, FALSE },
  { "<", SIG_ORDERING, 2, 2, FALSE },
  { "<=", SIG_ORDERING, 2, 2, FALSE },
  { ">", SIG_ORDERING, 2, 2, FALSE },
  { ">=", SIG_ORDERING, 2, 2, FALSE },
  { "between", SIG_ORDERING, 3, 3, FALSE },
  { "not between", SIG_ORDERING, 3, 3, FALSE },
  { "in", SIG_IN, 2, ANY_NUMBER, FALSE },
  { "not in", SIG_IN, 2, ANY_NUMBER, FALSE },
  { "+", SIG_ARITHMETIC, 1, 2, FALSE },
  { "-", SIG_ARITHMETIC, 1, 2, FALSE },
  { "*", SIG_ARITHMETIC, 2, 2, FALSE },
  { "/", SIG_ARITHMETIC, 2, 2, FALSE },
  { "%", SIG_ARITHMETIC, 2, 2, FALSE },
  { "||", SIG_CONCAT, 2, 2, FALSE },
  { "is null", SIG_IS_NULL, 1, 1, FALSE },
  { "is not null", SIG_IS_NULL, 1, 1, FALSE },
  { "like", SIG_LIKE, 2, 2, FALSE },
  { "not like", SIG_LIKE, 2, 2, FALSE },
};

/* Real functions this model knows by name only (SoQLFunctions.scala): not refused as unknown,
 * not judged either. */
static const char * const by_name_only[] = {
  "within_circle", "within_box", "within_polygon", "intersects", "crosses", "overlaps",
  "distance_in_meters", "convex_hull", "concave_hull", "spatial_union", "simplify",
  "simplify_preserve_topology", "snap_to_grid", "num_points", "is_empty", "visible_at",
  "make_point", "area", "polygon_intersection", "geo_make_valid", "geo_multi",
  "geo_collection_extract", "reduce_precision", "curated_region_test", "caseless_eq",
  "caseless_ne", "caseless_starts_with", "caseless_contains", "caseless_one_of",
  "caseless_not_one_of", "split_part", "substring", "chr", "replace", "left_pad", "right_pad",
  "least", "greatest", "round", "abs", "ceil", "floor", "ln", "signed_magnitude_10",
  "signed_magnitude_linear", "width_bucket", "date_diff_d", "date_add", "epoch_seconds",
  "to_floating_timestamp", "get_utc_date", "datez_trunc_ymd", "datez_trunc_ym", "datez_trunc_y",
  "iif", "nullif", "get_context", "row_number", "rank", "dense_rank", "first_value",
  "last_value", "lead", "lag", "ntile", "human_address", "location", "phone", "url", NULL
};

static const Function *
find_function (const char *name)
{
  static const Function by_name = { NULL, SIG_BY_NAME_ONLY, 0, ANY_NUMBER, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    if (g_str_equal (functions[i].name, name))
      return &functions[i];
  for (guint i = 0; by_name_only[i] != NULL; i++)
    if (g_str_equal (by_name_only[i], name))
      return &by_name;
  return NULL;
}

gboolean
fake_soql_is_aggregate (const Node *node)
{
  const Function *fn;

  if (node->kind != NODE_CALL)
    return FALSE;
  fn = find_function (node->name);
  return fn != NULL && fn->aggregate;
}

/* Types */

typedef enum { READS_NO, READS_YES, READS_UNSURE } Reads;

/* 2024-01-01, 2024-01-01T10:00, 2024-01-01T10:00:00.000, with or without a zone. */
static gboolean
reads_as_timestamp (const char *text,
                    gboolean   *zoned)
{
  const char *p = text;
  static const char date_shape[] = "dddd-dd-dd";
  static const char time_shape[] = "Tdd:dd";

  for (guint i = 0; date_shape[i] != '\0'; i++, p++)
    if (date_shape[i] == 'd' ? !g_ascii_isdigit (*p) : *p != date_shape[i])
      return FALSE;

  if (*p == 'T')
    {
      for (guint i = 0; time_shape[i] != '\0'; i++, p++)
        if (time_shape[i] == 'd' ? !g_ascii_isdigit (*p) : *p != time_shape[i])
          return FALSE;
      if (*p == ':' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
        p += 3;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }

  *zoned = *p != '\0';
  if (*p == 'Z')
    return p[1] == '\0';
  if (*p == '+' || *p == '-')
    return g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]);
  return *p == '\0';
}

/* Whether a text literal can stand for a value of @type (soql-analyzer's typechecker tries the
 * literal's forms: text, and a number, a timestamp, a boolean when it reads as one). */
static Reads
text_literal_reads_as (const char *text,
                       Type        type)
{
  gboolean zoned = FALSE;
  char *end = NULL;

  switch (type)
    {
    case TYPE_TEXT:
      return READS_YES;
    case TYPE_NUMBER:
      g_ascii_strtod (text, &end);
      return end != text && *end == '\0' ? READS_YES : READS_NO;
    case TYPE_BOOLEAN:
      return g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0
             ? READS_YES : READS_NO;
    case TYPE_FLOATING:
      if (!reads_as_timestamp (text, &zoned))
        return READS_NO;
      return zoned ? READS_UNSURE : READS_YES;
    case TYPE_FIXED:
      if (!reads_as_timestamp (text, &zoned))
        return READS_NO;
      return zoned ? READS_YES : READS_UNSURE;
    case TYPE_NULL:
    case TYPE_UNKNOWN:
    case TYPE_POINT:
    case TYPE_ROW_ID:
    case TYPE_OTHER:
    default:
      return READS_UNSURE;
    }
}

/* @arg of @call must be a @want. */
static void
expect (Check *c,
        Node  *call,
        Node  *arg,
        Type   want)
{
  Type type = fake_soql_type_of (c, arg);

  if (fake_soql_refused (c) || type == TYPE_UNKNOWN || type == TYPE_NULL || type == want)
    return;

  if (arg->kind == NODE_STRING)
    {
      Reads reads = text_literal_reads_as (arg->text, want);

      if (reads == READS_NO)
        fake_soql_refuse_type (c, call, TYPE_TEXT);
      else if (reads == READS_UNSURE)
        fake_soql_cannot_judge (c, call->clause, "a text literal where it cannot tell the type");
      return;
    }

  if (type == TYPE_OTHER)
    fake_soql_cannot_judge (c, call->clause, "a type it does not know");
  else
    fake_soql_refuse_type (c, call, type);
}

typedef enum
{
  CLASS_ANY,
  CLASS_EQUATABLE,
  CLASS_ORDERED,
  CLASS_MIN_MAX,      /* ordered, but not boolean */
} TypeClass;

/* The args from @first on (every @step-th) must share one type of @class; returns it. A text
 * literal takes the type of the others when it reads as one; null goes with anything. */
static Type
unify (Check     *c,
       Node      *call,
       guint      first,
       guint      step,
       TypeClass  class)
{
  Type common = TYPE_UNKNOWN;
  gboolean all_text_literals = TRUE;

  /* The first arg with a type of its own decides. */
  for (guint i = first; i < call->args->len; i += step)
    {
      Node *arg = g_ptr_array_index (call->args, i);
      Type type = fake_soql_type_of (c, arg);

      if (fake_soql_refused (c))
        return TYPE_UNKNOWN;
      if (type == TYPE_UNKNOWN)
        return TYPE_UNKNOWN;
      if (arg->kind == NODE_NULL)
        continue;
      if (arg->kind != NODE_STRING)
        all_text_literals = FALSE;
      if (arg->kind != NODE_STRING && common == TYPE_UNKNOWN)
        common = type;
    }

  if (common == TYPE_UNKNOWN)
    common = all_text_literals ? TYPE_TEXT : TYPE_NULL;

  for (guint i = first; i < call->args->len && !fake_soql_refused (c); i += step)
    expect (c, call, g_ptr_array_index (call->args, i), common);
  if (fake_soql_refused (c))
    return TYPE_UNKNOWN;

  switch (common)
    {
    case TYPE_OTHER:
      fake_soql_cannot_judge (c, call->clause, "a type it does not know");
      return TYPE_UNKNOWN;
    case TYPE_POINT:
      if (class == CLASS_ORDERED || class == CLASS_MIN_MAX)
        fake_soql_refuse_type (c, call, common);
      else if (class == CLASS_EQUATABLE)
        fake_soql_cannot_judge (c, call->clause, "points compared");
      return class == CLASS_ANY ? common : TYPE_UNKNOWN;
    case TYPE_BOOLEAN:
      if (class == CLASS_MIN_MAX)
        {
          fake_soql_refuse_type (c, call, common);
          return TYPE_UNKNOWN;
        }
      return common;
    case TYPE_UNKNOWN:
    case TYPE_NULL:
    case TYPE_TEXT:
    case TYPE_NUMBER:
    case TYPE_FLOATING:
    case TYPE_FIXED:
    case TYPE_ROW_ID:
    default:
      return common;
    }
}

static Type
type_call (Check *c,
           Node  *call)
{
  const Function *fn = find_function (call->name);
  guint n = call->args->len;

  if (fn == NULL || n < fn->min_args || n > fn->max_args ||
      (fn->signature == SIG_CASE && n % 2 != 0))
    {
      g_autofree char *arity = g_strdup_printf ("%u", n);
      g_autofree char *text = NULL;

      if (fn == NULL && call->name[0] != '\0' && !g_ascii_isalpha (call->name[0]))
        {
          fake_soql_cannot_judge (c, call->clause, "an operator it does not know");
          return TYPE_UNKNOWN;
        }
      text = g_strdup_printf ("No such function '%s'; arity=%u", call->name, n);
      fake_soql_refuse (c, call, "query.soql.no-such-function", text, "function", call->name, "arity", arity);
      return TYPE_UNKNOWN;
    }

  /* A star is count's alone. */
  for (guint i = 0; i < n; i++)
    if (((Node *) g_ptr_array_index (call->args, i))->kind == NODE_STAR && !g_str_equal (call->name, "count"))
      {
        fake_soql_cannot_judge (c, call->clause, "a star in a call other than count(*)");
        return TYPE_UNKNOWN;
      }

  switch (fn->signature)
    {
    case SIG_COUNT:
      fake_soql_type_of (c, g_ptr_array_index (call->args, 0));
      return TYPE_NUMBER;

    case SIG_NUMERIC:
      expect (c, call, g_ptr_array_index (call->args, 0), TYPE_NUMBER);
      return TYPE_NUMBER;

    case SIG_MIN_MAX:
      return unify (c, call, 0, 1, CLASS_MIN_MAX);

    case SIG_TRUNC:
      if (n == 2)
        {
          fake_soql_cannot_judge (c, call->clause, "date_trunc at a time zone");
          return TYPE_UNKNOWN;
        }
      expect (c, call, g_ptr_array_index (call->args, 0), TYPE_FLOATING);
      return TYPE_FLOATING;

    case SIG_EXTRACT:
      expect (c, call, g_ptr_array_index (call->args, 0), TYPE_FLOATING);
      return TYPE_NUMBER;

    case SIG_CASE:
      for (guint i = 0; i < n; i += 2)
        expect (c, call, g_ptr_array_index (call->args, i), TYPE_BOOLEAN);
      return unify (c, call, 1, 2, CLASS_ANY);

    case SIG_COALESCE:
      return unify (c, call, 0, 1, CLASS_ANY);

    case SIG_TEXT:
    case SIG_LENGTH:
    case SIG_TEXT_TEST:
    case SIG_LIKE:
      for (guint i = 0; i < n; i++)
        expect (c, call, g_ptr_array_index (call->args, i), TYPE_TEXT);
      return fn->signature == SIG_TEXT ? TYPE_TEXT :
             fn->signature == SIG_LENGTH ? TYPE_NUMBER : TYPE_BOOLEAN;

    case SIG_LOGIC:
      for (guint i = 0; i < n; i++)
        expect (c, call, g_ptr_array_index (call->args, i), TYPE_BOOLEAN);
      return TYPE_BOOLEAN;

    case SIG_EQUALITY:
    case SIG_IN:
      unify (c, call, 0, 1, CLASS_EQUATABLE);
      return TYPE_BOOLEAN;

    case SIG_ORDERING:
      unify (c, call, 0, 1, CLASS_ORDERED);
      return TYPE_BOOLEAN;

    case SIG_ARITHMETIC:
      for (guint i = 0; i < n; i++)
        {
          Type type = fake_soql_type_of (c, g_ptr_array_index (call->args, i));

          /* Timestamps and intervals have arithmetic of their own. */
          if (type == TYPE_FLOATING || type == TYPE_FIXED || type == TYPE_OTHER)
            {
              fake_soql_cannot_judge (c, call->clause, "arithmetic on timestamps");
              return TYPE_UNKNOWN;
            }
          expect (c, call, g_ptr_array_index (call->args, i), TYPE_NUMBER);
        }
      return TYPE_NUMBER;

    case SIG_CONCAT:
      for (guint i = 0; i < n; i++)
        fake_soql_type_of (c, g_ptr_array_index (call->args, i));
      return TYPE_TEXT;

    case SIG_IS_NULL:
      fake_soql_type_of (c, g_ptr_array_index (call->args, 0));
      return TYPE_BOOLEAN;

    case SIG_BY_NAME_ONLY:
    default:
      {
        g_autofree char *why = g_strdup_printf ("%s(), which it knows by name only", call->name);

        fake_soql_cannot_judge (c, call->clause, why);
        return TYPE_UNKNOWN;
      }
    }
}

Type
fake_soql_type_of (Check *c,
         Node  *node)
{
  if (fake_soql_refused (c) || node == NULL)
    return TYPE_UNKNOWN;

  switch (node->kind)
    {
    case NODE_COLUMN:
      return node->type;
    case NODE_NUMBER:
      return TYPE_NUMBER;
    case NODE_STRING:
      return TYPE_TEXT;
    case NODE_BOOLEAN:
      return TYPE_BOOLEAN;
    case NODE_NULL:
    case NODE_STAR:
      return TYPE_NULL;
    case NODE_CALL:
    default:
      /* An alias's expression is reached from several clauses: typed once. */
      if (!node->typed)
        {
          node->type = type_call (c, node);
          node->typed = TRUE;
        }
      return node->type;
    }
}
