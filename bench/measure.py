#!/usr/bin/env python3
"""Times whole commands side by side: wall seconds and peak memory (max RSS of the process
tree's largest process, from wait4), several runs interleaved A B C A B C ..., medians.

usage: measure.py RUNS LABEL=COMMAND [LABEL=COMMAND ...]   (COMMAND is split like a shell)
Prints one line per command: label, median wall, min wall, max wall, peak MiB.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, proc.returncode


def main():
    runs = int(sys.argv[1])
    commands = []
    for spec in sys.argv[2:]:
        label, _, command = spec.partition("=")
        commands.append((label, shlex.split(command)))
    walls = {label: [] for label, _ in commands}
    peaks = {label: 0.0 for label, _ in commands}
    codes = {}
    for label, argv in commands:  # warm-up: page cache, dynamic loading
        run_once(argv)
    for _ in range(runs):
        for label, argv in commands:
            wall, peak, code = run_once(argv)
            walls[label].append(wall)
            peaks[label] = max(peaks[label], peak)
            codes[label] = code
    for label, _ in commands:
        w = walls[label]
        print(f"{label}\t{statistics.median(w):.4f}\t{min(w):.4f}\t{max(w):.4f}\t{peaks[label]:.1f}\t{codes[label]}")


if __name__ == "__main__":
    main()
