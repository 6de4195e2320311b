#!/usr/bin/env python3
"""What a Taurus run measured, in a few lines: per label the samples, errors, p50, p95, max and the worst 10-second
window's p95 (the window the gating criteria look at). bzt runs quietly (-q) in the scripts, so without this a
failed run in CI says only which criterion fired, not where the time went.

  kpi-summary.py KPI_JTL                  prints the table
  kpi-summary.py KPI_JTL --tail-p95 LABEL prints the p95 in ms of LABEL over the run's last 10 seconds (-1 if none)
"""
import csv
import sys
from collections import defaultdict

WINDOW_S = 10


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def read(path):
    samples = defaultdict(list)  # label -> [(second, elapsed ms, success)]
    with open(path, newline="") as kpi:
        for row in csv.DictReader(kpi):
            samples[row["label"]].append((int(row["timeStamp"]) // 1000, int(row["elapsed"]),
                                          row["success"] == "true"))
    return samples


def worst_window_p95(rows):
    windows = defaultdict(list)
    for second, elapsed, _ in rows:
        windows[second // WINDOW_S].append(elapsed)
    return max(p95(values) for values in windows.values())


def table(samples):
    print(f"  {'label':<22}{'samples':>9}{'errors':>8}{'p50':>8}{'p95':>8}{'max':>8}{'worst 10s p95':>15}")
    for label in sorted(samples):
        rows = samples[label]
        elapsed = sorted(e for _, e, _ in rows)
        errors = sum(1 for _, _, ok in rows if not ok)
        print(f"  {label:<22}{len(rows):>9}{errors:>8}{elapsed[len(elapsed) // 2]:>8}{p95(elapsed):>8}"
              f"{elapsed[-1]:>8}{worst_window_p95(rows):>15}")


def tail_p95(samples, label):
    rows = samples.get(label, [])
    if not rows:
        return -1
    end = max(second for second, _, _ in rows)
    return p95([elapsed for second, elapsed, _ in rows if second > end - WINDOW_S])


def main(argv):
    samples = read(argv[1])
    if len(argv) == 4 and argv[2] == "--tail-p95":
        print(tail_p95(samples, argv[3]))
    elif len(argv) == 2:
        if samples:
            table(samples)
        else:
            print("  no samples")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
