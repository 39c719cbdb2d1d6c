/* plplot-device-probe.c
 *
 * Copyright 2026 The Reform Lens authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks a PLplot library which devices it offers, or draws a small chart through one file
 * device. test-flatpak-plplot.py compiles it against the PLplot it built from the Flatpak
 * manifest's module, so it needs nothing but PLplot (no GLib, no project code).
 *
 *   plplot-device-probe --list            one device name a line
 *   plplot-device-probe --draw DEV FILE   a framed line chart through DEV into FILE
 */
#include <plplot.h>
#include <stdio.h>
#include <string.h>

#define MAX_DEVICES 128

static int
list_devices (void)
{
  const char *menu_storage[MAX_DEVICES];
  const char *name_storage[MAX_DEVICES];
  const char **menu = menu_storage;
  const char **names = name_storage;
  int n = MAX_DEVICES;

  plgDevs (&menu, &names, &n);
  for (int i = 0; i < n; i++)
    printf ("%s\n", names[i]);
  return 0;
}

static int
draw (const char *device,
      const char *path)
{
  PLFLT x[] = { 2019, 2020, 2021, 2022, 2023 };
  PLFLT y[] = { 3, 1, 4, 1, 5 };

  plsdev (device);
  plsfnam (path);
  plinit ();
  plenv (2019, 2023, 0, 6, 0, 0);
  pllab ("year", "value", "plplot-device-probe");
  plline ((PLINT) (sizeof x / sizeof x[0]), x, y);
  plend ();
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 2 && strcmp (argv[1], "--list") == 0)
    return list_devices ();
  if (argc == 4 && strcmp (argv[1], "--draw") == 0)
    return draw (argv[2], argv[3]);

  fprintf (stderr, "usage: %s --list | --draw DEVICE FILE\n", argv[0]);
  return 2;
}
