#!/usr/bin/env python3
"""Peer for pose-repcount repetition counting: hip-centred, torso-scaled landmarks -> first principal
component -> moving average -> autocorrelation period -> scipy.signal.find_peaks (distance 0.5 period,
prominence fraction of range), smoothing/prominence chosen leave-one-student-out on the training students.
With --formlab BIN it also runs `formlab evaluate --dataset pose-repcount --task reps` and prints both.

Usage: pose_repcount_reps.py [--data DATA_DIR/pose-repcount] [--formlab bin/formlab]"""
import argparse
import csv
import os
import re
import subprocess

import numpy as np
from scipy.signal import find_peaks


def annotations(root):
    """{sequence file: (true count, exercise)} from annotation.csv."""
    with open(os.path.join(root, "annotation.csv")) as f:
        return {row["name"].replace(".mp4", ".npy"): (int(row["count"]), row["type"]) for row in csv.DictReader(f)}


def signal(path):
    a = np.load(path)[:, :99].reshape(-1, 33, 3)[:, :, :2].astype(float)
    hip = (a[:, 23] + a[:, 24]) / 2
    sh = (a[:, 11] + a[:, 12]) / 2
    torso = np.linalg.norm(sh - hip, axis=1)[:, None, None]
    x = ((a - hip[:, None]) / np.maximum(torso, 1e-9)).reshape(len(a), -1)
    x = np.nan_to_num(x - x.mean(0))
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    return x @ vt[0]


def count(s, w, p):
    s = np.convolve(s, np.ones(w) / w, mode="same")
    sp = np.abs(np.diff(s))
    thr = 0.1 * np.percentile(sp, 95)
    act = np.nonzero(sp > thr)[0]
    if len(act) == 0:
        return 0
    s = s[act[0]:act[-1] + 2]
    r = s.max() - s.min()
    if r <= 0 or len(s) < 5:
        return 0
    c = s - s.mean()
    ac = np.correlate(c, c, "full")[len(c) - 1:] / (c @ c)
    neg = np.nonzero(ac[:len(c) // 2 + 1] < 0)[0]
    period = len(s)
    if len(neg):
        seg = ac[neg[0]:len(c) // 2 + 1]
        if seg.max() > 0:
            period = neg[0] + int(seg.argmax())
    d = max(1, round(0.5 * period))
    return max(len(find_peaks(s, distance=d, prominence=p * r)[0]), len(find_peaks(-s, distance=d, prominence=p * r)[0]))


def peer(root):
    """Leave-one-student-out counts: (names, truth, kind, counted)."""
    notes = annotations(root)
    names = sorted(n for n in notes if os.path.exists(os.path.join(root, "poses", n)))
    sig = {n: signal(os.path.join(root, "poses", n)) for n in names}
    subj = {n: n.split("_")[0] for n in names}
    truth = {n: notes[n][0] for n in names}
    grid = [(w, p) for w in (3, 5, 9, 15) for p in (0.1, 0.2, 0.3, 0.4, 0.5)]
    pred = {n: {g: count(sig[n], *g) for g in grid} for n in names}

    def mae(ns, g):
        return np.mean([abs(pred[n][g] - truth[n]) / truth[n] for n in ns])

    out = {}
    for s in sorted(set(subj.values())):
        train = [n for n in names if subj[n] != s]
        best = min(grid, key=lambda g: (mae(train, g), g))
        for n in names:
            if subj[n] == s:
                out[n] = pred[n][best]
    return names, truth, {n: notes[n][1] for n in names}, out


def formlab(binary):
    """(MAE, off-by-one, exact) of the 'all' line of FormLab's leave-one-subject-out counts."""
    text = subprocess.run([binary, "evaluate", "--dataset", "pose-repcount", "--task", "reps"],
                          check=True, capture_output=True, text=True).stdout
    m = re.search(r"^all\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", text, re.M)
    if not m:
        raise SystemExit("pose_repcount_reps: no 'all' line in FormLab's output:\n" + text)
    return tuple(float(v) for v in m.groups())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(os.environ.get("FORMLAB_DATA_DIR", "data"), "pose-repcount"))
    parser.add_argument("--formlab", help="bin/formlab: also run FormLab (its built-in pose-repcount description, which reads FORMLAB_DATA_DIR) and print both")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "annotation.csv")):
        raise SystemExit(f"pose_repcount_reps: no pose-repcount dataset at {args.data} (set FORMLAB_DATA_DIR or --data)")
    names, truth, kind, out = peer(args.data)
    err = np.array([out[n] - truth[n] for n in names])
    t = np.array([truth[n] for n in names])
    print(f"pose-repcount repetitions, leave-one-student-out: {len(names)} sequences, "
          f"{len(set(n.split('_')[0] for n in names))} students")
    for k in sorted(set(kind.values())):
        i = np.array([kind[n] == k for n in names])
        print(f"  {k:16s} {i.sum():3d}  MAE {np.mean(np.abs(err[i]) / t[i]):.3f}  off-by-one {np.mean(np.abs(err[i]) <= 1):.3f}"
              f"  exact {np.mean(err[i] == 0):.3f}")
    ours = np.mean(np.abs(err) / t), np.mean(np.abs(err) <= 1), np.mean(err == 0)
    if not args.formlab:
        print(f"MAE {ours[0]:.3f}  off-by-one {ours[1]:.3f}  exact {ours[2]:.3f}")
        return
    theirs = formlab(args.formlab)
    print(f"{'':36} {'scipy peer':>18} {'FormLab':>10}")
    for label, a, b in zip(("reps MAE (relative)", "reps off-by-one", "reps exact"), ours, theirs):
        print(f"{label:36} {a:18.3f} {b:10.3f}")


if __name__ == "__main__":
    main()
