#!/usr/bin/env python3
"""bench/growth_chart.py: an SVG chart of compile cost against table rows.

Reads the CSV of bench/compile_cost.sh and prints an SVG with two panels,
compile CPU seconds and peak compiler memory (MiB) against rows (log scale),
one line per compiler and table kind. Deterministic: the same CSV gives the
same bytes.

    python3 bench/growth_chart.py results/compile_cost.csv > chart.svg
"""

import csv
import math
import sys

KIND_NAMES = {"kFloor": "floor", "kReal": "catalog sweep", "kHoisted": "hoisted"}
KIND_DASH = {"kFloor": "4 3", "kReal": "", "kHoisted": "1 3"}
COMPILER_COLOR = {"g++": "#1f77b4", "clang++": "#d62728"}

PANEL_W, PANEL_H = 360, 240
LEFT, TOP, GAP = 60, 40, 80


def nice_max(v):
    if v <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if m * step >= v:
            return m * step
    return 10 * step


def fmt(v):
    return ("%.2f" % v).rstrip("0").rstrip(".")


def panel(out, x0, title, series, ylabel, rows):
    ymax = nice_max(max(v for pts in series.values() for _, v in pts))
    lo, hi = math.log10(min(rows)), math.log10(max(rows))
    span = hi - lo or 1.0

    def px(r):
        return x0 + (math.log10(r) - lo) / span * PANEL_W

    def py(v):
        return TOP + PANEL_H - v / ymax * PANEL_H

    out.append('<text x="%d" y="%d" font-weight="bold">%s</text>'
               % (x0, TOP - 14, title))
    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" '
               'stroke="#999"/>' % (x0, TOP, PANEL_W, PANEL_H))
    for i in range(5):
        v = ymax * i / 4
        y = py(v)
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>'
                   % (x0, y, x0 + PANEL_W, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                   % (x0 - 6, y + 4, fmt(v)))
    for r in rows:
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (px(r), TOP + PANEL_H + 16, "{:,}".format(r)))
    out.append('<text x="%d" y="%d" text-anchor="middle">rows</text>'
               % (x0 + PANEL_W // 2, TOP + PANEL_H + 34))
    out.append('<text x="%d" y="%d" text-anchor="middle" transform="rotate(-90 '
               '%d %d)">%s</text>' % (x0 - 44, TOP + PANEL_H // 2, x0 - 44,
                                      TOP + PANEL_H // 2, ylabel))
    for (compiler, kind), pts in sorted(series.items()):
        d = " ".join("%.1f,%.1f" % (px(r), py(v)) for r, v in pts)
        dash = KIND_DASH.get(kind, "")
        out.append('<polyline points="%s" fill="none" stroke="%s" '
                   'stroke-width="2"%s/>'
                   % (d, COMPILER_COLOR.get(compiler, "#000"),
                      ' stroke-dasharray="%s"' % dash if dash else ""))


def main(path):
    with open(path, newline="") as f:
        data = list(csv.DictReader(f))
    cpu, mem = {}, {}
    for row in data:
        key = (row["compiler"], row["kind"])
        n = int(row["rows"])
        cpu.setdefault(key, []).append((n, float(row["cpu_s"])))
        mem.setdefault(key, []).append((n, float(row["peak_mib"])))
    for series in (cpu, mem):
        for pts in series.values():
            pts.sort()
    rows = sorted({int(r["rows"]) for r in data})
    width = LEFT + 2 * PANEL_W + GAP + 20
    legend_y = TOP + PANEL_H + 56
    height = legend_y + 20 * ((len(cpu) + 1) // 2) + 10
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>']
    panel(out, LEFT, "Compile time (CPU s, median)", cpu, "seconds", rows)
    panel(out, LEFT + PANEL_W + GAP, "Peak compiler memory (MiB, median)",
          mem, "MiB", rows)
    for i, (compiler, kind) in enumerate(sorted(cpu)):
        x = LEFT + (i % 2) * (PANEL_W + GAP)
        y = legend_y + 20 * (i // 2)
        dash = KIND_DASH.get(kind, "")
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" '
                   'stroke-width="2"%s/>'
                   % (x, y - 4, x + 30, y - 4,
                      COMPILER_COLOR.get(compiler, "#000"),
                      ' stroke-dasharray="%s"' % dash if dash else ""))
        out.append('<text x="%d" y="%d">%s, %s</text>'
                   % (x + 36, y, compiler, KIND_NAMES.get(kind, kind)))
    out.append("</svg>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
