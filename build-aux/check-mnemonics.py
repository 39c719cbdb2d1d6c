#!/usr/bin/env python3
# check-mnemonics.py
#
# Copyright 2026 The Reform Lens authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that no two mnemonics (the underlined letter of "_Save") clash within one menu, dialog,
# window page or popover, in English and in every language of po/LINGUAS.
#
# What shares a surface is read from the .ui files under src/gui: each <menu> (its sections
# together, each submenu on its own) and each <template> with the mnemonic labels of its widgets
# (a "label" or "title" property on an object with use-underline, a menu item's "label"), the
# templates of the Lens widgets it contains, and its popovers as surfaces of their own. What the
# C code builds is declared below (C_WIDGETS, C_SURFACES, PAGES); every mnemonic literal in the
# C files under src/gui must be declared there, so a new one cannot slip past the test.
#
# Usage: check-mnemonics.py SOURCE_ROOT
# Exit status: 0 no problem; 1 a clash, a translation that drops the mnemonic of its English
# label, or a stale declaration below (each one is printed).

import ast
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# Widgets built in C, by class: the file, the mnemonic labels the widget shows itself, and the
# Lens widgets it contains.
C_WIDGETS = {
    'LensFilterBox': ('src/gui/widgets/lens-filter-box.c',
                      ['_District', 'Compare _With', 'Compare A_s', 'D_ates'], []),
    'LensHeadlineCard': ('src/gui/widgets/lens-headline-card.c', ['_Retry'], []),
    'LensDistrictCard': ('src/gui/widgets/lens-district-card.c', ['_Retry'], []),
    'LensOverviewPage': ('src/gui/pages/lens-overview-page.c', [],
                         ['LensHeadlineCard', 'LensComplianceCard', 'LensDistrictCard']),
    'LensDashboardPage': ('src/gui/pages/lens-dashboard-page.c', [],
                          ['LensChartView', 'LensReportsPanel']),
    # The toast that offers to open a saved brief shows inside the dialog.
    'LensBriefDialog': ('src/gui/lens-brief-dialog.c', ['_Open'], ['LensBriefSetsList']),
    # Each saved brief's row: the same label on every row.
    'LensBriefSetsList': ('src/gui/lens-brief-sets-list.c', ['_Make Again'], []),
}

# Surfaces of their own built in C: dialogs, file choosers, popovers.
C_SURFACES = [
    ('dates popover', 'src/gui/widgets/lens-filter-box.c',
     ['_From', '_To', '_Show These Dates']),
    ('clear-cache dialog', 'src/gui/lens-preferences-window.c', ['_Cancel', 'C_lear']),
    ('chart export file chooser', 'src/gui/widgets/lens-export-chooser.c', ['_Export', '_Cancel']),
    ('district map menu', 'src/gui/widgets/lens-district-map.c',
     ['Export as _PNG Image…', 'Export as _SVG Image…', 'Export as P_DF…', 'Export as _CSV Table…',
      '_Reload']),
    ('brief file chooser', 'src/gui/lens-brief-dialog.c', ['_Save', '_Cancel']),
    ('saved brief menu', 'src/gui/lens-brief-sets-list.c', ['_Rename…', '_Duplicate…', 'D_elete…']),
    ('saved brief name dialog', 'src/gui/lens-brief-sets-list.c', ['_Cancel', '_Duplicate', '_Rename']),
    ('saved brief delete dialog', 'src/gui/lens-brief-sets-list.c', ['_Cancel', '_Delete']),
    ('save as saved brief dialog', 'src/gui/lens-brief-sets-list.c', ['_Cancel', '_Save']),
    ('district ranking export menu', 'src/gui/widgets/lens-standing-view.c',
     ['Export as _PNG Image…', 'Export as _SVG Image…', 'Export as P_DF…', 'Export as _CSV Table…']),
]

# The window shows one page at a time beside its sidebar: each page with the window is a surface.
PAGES = {
    'LensWindow': ['LensOverviewPage', 'LensDashboardPage', 'LensConsentDecreePage',
                   'LensReportsPage', 'LensGetInvolvedPage'],
}

# Objects whose content shows on a surface of its own.
POPOVER_CLASSES = {'GtkPopover', 'GtkPopoverMenu', 'GtkDialog', 'AdwMessageDialog', 'GtkWindow',
                   'AdwWindow'}

# A C string literal that looks like a mnemonic label: a letter after a single underscore.
C_MNEMONIC_LITERAL = re.compile(r'_\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
G_DEFINE_TYPE = re.compile(r'G_DEFINE_(?:FINAL_)?TYPE(?:_WITH_CODE|_WITH_PRIVATE)?\s*\(\s*(\w+)')


class Label:
    """A translatable mnemonic label and where it is."""

    def __init__(self, msgid, context, where):
        self.msgid = msgid
        self.context = context
        self.where = where

    def key(self):
        return (self.context, self.msgid)


def mnemonic(text):
    """The mnemonic character of @text (lower case), or None. "__" is a literal underscore."""
    i = 0
    while i < len(text) - 1:
        if text[i] == '_':
            if text[i + 1] == '_':
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def unquote_po(lines):
    return ''.join(ast.literal_eval(line) for line in lines)


def read_po(path):
    """Maps (msgctxt or None, msgid) to msgstr for the translated, non-fuzzy singular messages."""
    catalogue = {}
    entry = {}
    field = None
    fuzzy = False

    def finish():
        nonlocal entry, fuzzy
        if 'msgid' in entry and 'msgstr' in entry and not fuzzy:
            msgid = unquote_po(entry['msgid'])
            msgstr = unquote_po(entry['msgstr'])
            ctxt = unquote_po(entry['msgctxt']) if 'msgctxt' in entry else None
            if msgid and msgstr:
                catalogue[(ctxt, msgid)] = msgstr
        entry = {}
        fuzzy = False

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line:
                finish()
                field = None
                continue
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
                continue
            if line.startswith('#'):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                field = m.group(1)
                if field in ('msgctxt', 'msgid') and field in entry:
                    finish()
                entry[field] = [m.group(2)]
            elif line.startswith('"') and field is not None:
                entry[field].append(line)
    finish()
    return catalogue


class UiFile:
    """The menus and templates of one .ui file."""

    def __init__(self, root, path):
        self.rel = os.path.relpath(path, root)
        self.tree = ET.parse(path).getroot()

    @staticmethod
    def _label(element, rel):
        if element.get('translatable') not in ('yes', 'true', '1'):
            return None
        return Label(element.text or '', element.get('context'), rel)

    def menus(self):
        """Yields (name, [Label]) for every menu and submenu."""
        for menu in self.tree.iter():
            if menu.tag not in ('menu', 'submenu'):
                continue
            labels = []
            stack = list(menu)
            while stack:
                child = stack.pop(0)
                if child.tag == 'submenu':
                    continue  # a surface of its own, visited by the outer loop
                if child.tag == 'attribute' and child.get('name') == 'label':
                    label = self._label(child, self.rel)
                    if label is not None and mnemonic(label.msgid):
                        labels.append(label)
                stack.extend(list(child))
            name = menu.get('id') or 'submenu'
            yield f'menu "{name}"', labels

    def templates(self):
        """Yields (class, labels, children, popovers) for every template."""
        for template in self.tree.iter('template'):
            labels, children, popovers = [], [], []
            self._walk(template, labels, children, popovers)
            yield template.get('class'), labels, children, popovers

    def _walk(self, element, labels, children, popovers):
        self._own_labels(element, labels)
        for child in element:
            if child.tag == 'object':
                cls = child.get('class', '')
                if cls in POPOVER_CLASSES:
                    inner_labels, inner_children, inner_popovers = [], [], []
                    self._walk(child, inner_labels, inner_children, inner_popovers)
                    popovers.append((cls + (' ' + child.get('id') if child.get('id') else ''),
                                     inner_labels, inner_children))
                    popovers.extend(inner_popovers)
                    continue
                if cls.startswith('Lens'):
                    children.append(cls)
            self._walk(child, labels, children, popovers)

    def _own_labels(self, element, labels):
        if element.tag not in ('object', 'template'):
            return
        props = {p.get('name'): p for p in element.findall('property')}
        underline = props.get('use-underline')
        if underline is None or (underline.text or '').strip().lower() not in ('true', 'yes', '1'):
            return
        for name in ('label', 'title'):
            prop = props.get(name)
            if prop is not None:
                label = self._label(prop, self.rel)
                if label is not None:
                    labels.append(label)


class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []
        self.templates = {}   # class -> (labels, children, popovers, .ui file)
        self.surfaces = []    # (name, [Label])
        self._read_ui()
        self._check_c_declarations()
        self._check_classes()

    def _read_ui(self):
        for path in sorted(glob.glob(os.path.join(self.root, 'src', 'gui', '**', '*.ui'),
                                     recursive=True)):
            ui = UiFile(self.root, path)
            for name, labels in ui.menus():
                self.surfaces.append((f'{ui.rel}: {name}', labels))
            for cls, labels, children, popovers in ui.templates():
                self.templates[cls] = (labels, children, popovers, ui.rel)

    def _c_labels(self, rel, msgids):
        return [Label(m, None, rel) for m in msgids]

    def _check_c_declarations(self):
        declared = {}
        for cls, (rel, msgids, _children) in C_WIDGETS.items():
            declared.setdefault(rel, set()).update(msgids)
        for _name, rel, msgids in C_SURFACES:
            declared.setdefault(rel, set()).update(msgids)
        for rel, msgids in declared.items():
            path = os.path.join(self.root, rel)
            if not os.path.exists(path):
                self.problems.append(f'{rel}: declared in check-mnemonics.py but missing')
                continue
            with open(path, encoding='utf-8') as f:
                found = {ast.literal_eval('"' + s + '"') for s in C_MNEMONIC_LITERAL.findall(f.read())}
            for msgid in sorted(msgids - found):
                self.problems.append(f'{rel}: "{msgid}" is declared in check-mnemonics.py '
                                     'but no longer in the file')
        for path in sorted(glob.glob(os.path.join(self.root, 'src', 'gui', '**', '*.c'),
                                     recursive=True)):
            rel = os.path.relpath(path, self.root)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            for s in C_MNEMONIC_LITERAL.findall(text):
                msgid = ast.literal_eval('"' + s + '"')
                if mnemonic(msgid) is not None and msgid not in declared.get(rel, set()):
                    self.problems.append(
                        f'{rel}: the mnemonic label "{msgid}" is not declared in '
                        'build-aux/check-mnemonics.py (C_WIDGETS or C_SURFACES)')

    def _check_classes(self):
        """Every class named in the declarations above still exists."""
        defined = set(self.templates)
        for path in glob.glob(os.path.join(self.root, 'src', 'gui', '**', '*.c'), recursive=True):
            with open(path, encoding='utf-8') as f:
                defined.update(G_DEFINE_TYPE.findall(f.read()))
        named = set(C_WIDGETS) | set(PAGES)
        named.update(child for _rel, _msgids, children in C_WIDGETS.values() for child in children)
        named.update(page for pages in PAGES.values() for page in pages)
        for cls in sorted(named - defined):
            self.problems.append(f'{cls} is named in build-aux/check-mnemonics.py but no longer '
                                 'defined under src/gui')

    def _expand(self, cls, seen=()):
        """The labels shown on one surface by a widget of class @cls, and the popovers it opens."""
        labels, popovers = [], []
        if cls in seen:
            return labels, popovers
        seen = seen + (cls,)
        children = []
        if cls in self.templates:
            t_labels, t_children, t_popovers, _rel = self.templates[cls]
            labels += t_labels
            children += t_children
            for name, p_labels, p_children in t_popovers:
                sub = list(p_labels)
                for child in p_children:
                    sub += self._expand(child, seen)[0]
                popovers.append((f'{cls} {name}', sub))
        if cls in C_WIDGETS:
            rel, msgids, c_children = C_WIDGETS[cls]
            labels += self._c_labels(rel, msgids)
            children += c_children
        for child in children:
            c_labels, c_popovers = self._expand(child, seen)
            labels += c_labels
            popovers += c_popovers
        return labels, popovers

    def collect_surfaces(self):
        surfaces = list(self.surfaces)
        in_pages = {page for pages in PAGES.values() for page in pages}
        contained = set(in_pages)
        for labels, children, popovers, _rel in self.templates.values():
            contained.update(children)
        for _rel, _msgids, children in C_WIDGETS.values():
            contained.update(children)
        # Top-level surfaces: templates and C widgets nothing else contains.
        for cls in sorted(set(self.templates) | set(C_WIDGETS)):
            if cls in contained:
                continue
            labels, popovers = self._expand(cls)
            if cls in PAGES:
                for page in PAGES[cls]:
                    p_labels, p_popovers = self._expand(page)
                    surfaces.append((f'{cls} with {page}', labels + p_labels))
                    surfaces += p_popovers
            else:
                surfaces.append((cls, labels))
            surfaces += popovers
        for name, rel, msgids in C_SURFACES:
            surfaces.append((f'{rel}: {name}', self._c_labels(rel, msgids)))
        return surfaces


def check_language(lang, catalogue, surfaces):
    problems = []
    for name, labels in surfaces:
        by_key = {}
        for label in labels:
            text = catalogue.get(label.key(), label.msgid) if catalogue is not None else label.msgid
            key = mnemonic(text)
            if key is None:
                if mnemonic(label.msgid) is not None and catalogue is not None:
                    problems.append(f'{lang}: {label.where}: "{text}" has lost the mnemonic of '
                                    f'"{label.msgid}"')
                continue
            other = by_key.get(key)
            if other is not None and other[1] != text:
                problems.append(f'{lang}: {name}: "{other[1]}" ({other[0].where}) and "{text}" '
                                f'({label.where}) share the mnemonic "{key}"')
            else:
                by_key[key] = (label, text)
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
    checker = Checker(root)
    surfaces = checker.collect_surfaces()
    problems = list(checker.problems)

    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]

    problems += check_language('en', None, surfaces)
    for lang in languages:
        catalogue = read_po(os.path.join(root, 'po', lang + '.po'))
        problems += check_language(lang, catalogue, surfaces)

    n_labels = sum(len(labels) for _name, labels in surfaces)
    for problem in problems:
        print(problem)
    print(f'{len(surfaces)} surfaces, {n_labels} mnemonic labels, {1 + len(languages)} languages: '
          f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
