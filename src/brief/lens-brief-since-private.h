/* lens-brief-since-private.h: what the computation of the "Since" section and its layout
 * share
 *
 *   lens-brief-since.c         the loads and comparisons
 *   lens-brief-since-layout.c  the section on the brief's pages, and the record of a brief
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lens-brief-since.h"

G_BEGIN_DECLS

typedef enum
{
  ITEM_HEADING,
  ITEM_TEXT,
  ITEM_NOTE,
  ITEM_BULLET,
  ITEM_TABLE,
} ItemKind;

typedef struct
{
  ItemKind   kind;
  char      *text;
  GStrv      headers;  /* TABLE */
  GPtrArray *rows;     /* TABLE: GStrv */
} Item;

struct _LensBriefSince
{
  char                   *title;     /* "Since 2 Apr 2026", the outline entry */
  GPtrArray              *items;     /* Item */
  LensBriefRecordFigures *compstat;  /* for the next record, or NULL */
  GDate                   crimes_end;
  GDate                   copa_end;
};

G_END_DECLS
