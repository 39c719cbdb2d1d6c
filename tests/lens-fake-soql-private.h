/* lens-fake-soql-private.h: what the parts of the fake portal's SoQL checker share
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lens-fake-soql.h"

G_BEGIN_DECLS

typedef enum
{
  TYPE_UNKNOWN,   /* not judged (the reason is in the log), or after a refusal */
  TYPE_NULL,      /* the literal null, and count(*)'s star */
  TYPE_TEXT,
  TYPE_NUMBER,
  TYPE_BOOLEAN,
  TYPE_FLOATING,
  TYPE_FIXED,
  TYPE_POINT,
  TYPE_ROW_ID,
  TYPE_OTHER,     /* a type of the portal this model does not know */
} Type;

typedef enum
{
  NODE_COLUMN,
  NODE_NUMBER,
  NODE_STRING,
  NODE_BOOLEAN,
  NODE_NULL,
  NODE_STAR,    /* count(*) */
  NODE_CALL,    /* a function or an operator */
} NodeKind;

typedef struct _Node Node;
struct _Node
{
  NodeKind    kind;
  char       *name;      /* COLUMN as written; CALL: the function in lower case, or the operator */
  char       *text;      /* literals */
  GPtrArray  *args;      /* CALL: Node*, owned by the arena */
  const char *clause;    /* the clause it was read from, for the error's position */
  guint       position;  /* 1-based, in @clause */
  Type        type;      /* COLUMN once resolved; CALL once typed */
  gboolean    typed;
};

typedef struct
{
  Node *expr;
  char *alias;           /* as written, or NULL */
} Item;

typedef struct
{
  const char          *dataset_id;
  const LensFakeField *fields;
  GPtrArray           *nodes;      /* the arena: every Node */
  GPtrArray           *items;      /* Item: $select */
  GPtrArray           *groups;     /* Node: $group */
  GPtrArray           *orders;     /* Node: $order, directions left out */
  Node                *where;
  Node                *having;

  LensFakeSoqlVerdict  verdict;
  char                *unjudged;   /* why not, the first reason */
  LensFakeResponse    *out;
} Check;

typedef enum
{
  CLAUSE_SELECT,
  CLAUSE_EXPRESSION,  /* $where, $having */
  CLAUSE_GROUP,
  CLAUSE_ORDER,
} ClauseKind;

/* lens-fake-soql-parse.c */
Node       *fake_soql_node_new       (Check       *c,
                                      NodeKind     kind,
                                      const char  *clause,
                                      guint        position);
Node       *fake_soql_call_new       (Check       *c,
                                      const char  *name,
                                      const char  *clause,
                                      guint        position);
void        fake_soql_node_free      (gpointer     data);
void        fake_soql_item_free      (gpointer     data);
/* Reads one clause into @c (items, groups, orders, or *expr); FALSE, with the reason given to
 * fake_soql_cannot_judge(), when this model cannot read it. */
gboolean    fake_soql_parse_clause   (Check       *c,
                                      const char  *clause,
                                      ClauseKind   kind,
                                      Node       **expr);

/* lens-fake-soql-types.c */
const char *fake_soql_type_name      (Type         type);
Type        fake_soql_type_from_soda2 (const char *name);
gboolean    fake_soql_is_aggregate   (const Node  *node);
/* The type of @node, TYPE_UNKNOWN when not judged or refused; refuses no-such-function and
 * type-mismatch. */
Type        fake_soql_type_of        (Check       *c,
                                      Node        *node);

/* lens-fake-soql.c */
void        fake_soql_cannot_judge   (Check       *c,
                                      const char  *clause,
                                      const char  *why);
gboolean    fake_soql_refused        (Check       *c);
void        fake_soql_refuse         (Check       *c,
                                      const Node  *at,
                                      const char  *code,
                                      const char  *text,
                                      const char  *member1,
                                      const char  *value1,
                                      const char  *member2,
                                      const char  *value2);
void        fake_soql_refuse_type    (Check       *c,
                                      const Node  *call,
                                      Type         actual);

G_END_DECLS
