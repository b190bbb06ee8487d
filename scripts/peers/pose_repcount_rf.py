#!/usr/bin/env python3
"""Peer check of FormLab's landmark-description training on RepCount (pose-repcount), in scikit-learn.

Reads poses/*.npy and annotation.csv of the pose-repcount folder, cuts the detected frames of every video
into 30-frame windows every 15 frames, computes mirror-invariant window features (joint angles, positions in
the frame's landmark box, movement by body part, periodicity) and per-video statistics, and measures a
random forest by leave-one-student-out (the same folds as `formlab evaluate --dataset pose-repcount`):
accuracy per window, per video by the mean window probability, and per video from the video statistics.

With --formlab BIN it also runs `formlab evaluate --dataset pose-repcount` and prints both.

Usage: scripts/peers/pose_repcount_rf.py [--data DIR] [--window 30] [--step 15] [--trees 300] [--formlab bin/formlab]
DIR defaults to $FORMLAB_DATA_DIR/pose-repcount. Needs numpy and scikit-learn (python3-sklearn).
"""
import argparse
import csv
import os
import re
import subprocess
from pathlib import Path

import numpy as np
from sklearn.ensemble import RandomForestClassifier

# MediaPipe BlazePose indices (as formlab.pose.Joint)
NOSE = 0
PAIRS = [(11, 12), (13, 14), (15, 16), (23, 24), (25, 26), (27, 28)]  # shoulders .. ankles, left then right
ANGLES = [(11, 13, 15), (12, 14, 16), (13, 11, 23), (14, 12, 24), (11, 23, 25), (12, 24, 26), (23, 25, 27), (24, 26, 28)]
PARTS = [[0], [11, 12], [13, 14], [15, 16], [23, 24], [25, 26], [27, 28]]


def angle(a, b, c):
    u, v = a - b, c - b
    norms = np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1)
    cos = np.where(norms > 0, (u * v).sum(-1) / np.where(norms > 0, norms, 1), 1)
    return np.where(norms > 0, np.arccos(np.clip(cos, -1, 1)), 0)


def frame_features(p):
    """p: frames x 33 x 2 -> frames x 26 per-frame values."""
    a = np.stack([angle(p[:, i], p[:, j], p[:, k]) for i, j, k in ANGLES], 1)
    lo, hi = p.min(1, keepdims=True), p.max(1, keepdims=True)
    q = np.where(hi > lo, (p - lo) / np.where(hi > lo, hi - lo, 1), 0)
    hip, shoulder, ankle = (q[:, 23] + q[:, 24]) / 2, (q[:, 11] + q[:, 12]) / 2, (q[:, 27] + q[:, 28]) / 2
    cx = (hip[:, 0] + shoulder[:, 0]) / 2
    pos = [q[:, NOSE, 1], np.abs(q[:, NOSE, 0] - cx)]
    for l, r in PAIRS:
        pos += [(q[:, l, 1] + q[:, r, 1]) / 2, (np.abs(q[:, l, 0] - cx) + np.abs(q[:, r, 0] - cx)) / 2]
    pos += [np.abs(shoulder[:, 0] - hip[:, 0]), shoulder[:, 1] - hip[:, 1], np.abs(ankle[:, 0] - hip[:, 0]), ankle[:, 1] - hip[:, 1]]
    return np.concatenate([(a[:, 0::2] + a[:, 1::2]) / 2, np.abs(a[:, 0::2] - a[:, 1::2]), np.stack(pos, 1)], 1)


def window_features(p):
    f = frame_features(p)
    out = [f.mean(0), f.std(0), f.min(0), f.max(0)]
    vertical = np.array([p[:, g, 1].std(0).mean() for g in PARTS])
    horizontal = np.array([p[:, g, 0].std(0).mean() for g in PARTS])
    total = vertical.sum() + horizontal.sum() + 1e-6
    out += [vertical / total, horizontal / total, [total]]
    signals = f[:, 8:] - f[:, 8:].mean(0)
    energy = (signals ** 2).sum(0)
    best = int(np.argmax(energy))
    n = len(p)
    if n > 6 and energy[best] > 0:
        s = signals[:, best]
        ac = np.array([(s[:-lag] * s[lag:]).sum() for lag in range(3, n)])
        lag = int(np.argmax(ac))
        out.append([(lag + 3) / n, ac[lag] / energy[best]])
    else:
        out.append([0, 0])
    return np.concatenate([np.ravel(o) for o in out])


def load(folder):
    labels = {}
    with open(folder / "annotation.csv", newline="") as f:
        for row in csv.DictReader(f):
            labels[Path(row["name"]).stem] = row["type"]
    videos = []
    for file in sorted((folder / "poses").glob("*.npy")):
        a = np.load(file).astype(np.float64)
        p = a[:, :99].reshape(-1, 33, 3)[:, :, :2]
        detected = np.isfinite(p).all((1, 2)) & (np.abs(p).sum((1, 2)) > 0)
        videos.append((file.stem, labels[file.stem], file.stem.split("_")[0], p[detected]))
    return videos


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("FORMLAB_DATA_DIR", "data")) / "pose-repcount")
    parser.add_argument("--window", type=int, default=30)
    parser.add_argument("--step", type=int, default=15)
    parser.add_argument("--trees", type=int, default=300)
    parser.add_argument("--formlab", help="bin/formlab: also run FormLab (its built-in pose-repcount description, which reads FORMLAB_DATA_DIR) and print both")
    args = parser.parse_args()
    if not (args.data / "annotation.csv").is_file():
        raise SystemExit(f"pose_repcount_rf: no pose-repcount dataset at {args.data} (set FORMLAB_DATA_DIR or --data)")
    videos = load(args.data)
    x, y, groups, video = [], [], [], []
    stats = []
    for i, (_, label, subject, p) in enumerate(videos):
        spans = [(s, s + args.window) for s in range(0, len(p) - args.window + 1, args.step)] or ([(0, len(p))] if len(p) >= 2 else [])
        for a, b in spans:
            x.append(window_features(p[a:b])); y.append(label); groups.append(subject); video.append(i)
        stats.append(window_features(p) if len(p) >= 2 else None)
    x, y, groups, video = np.array(x), np.array(y), np.array(groups), np.array(video)
    vy = np.array([v[1] for v in videos]); vg = np.array([v[2] for v in videos])
    window_ok, vote_ok, stats_ok = [], [], []
    for subject in sorted(set(vg), key=lambda s: int(s[3:])):
        train, test = groups != subject, groups == subject
        model = RandomForestClassifier(args.trees, random_state=42, n_jobs=-1).fit(x[train], y[train])
        prob = model.predict_proba(x[test])
        window_ok += list(model.classes_[prob.argmax(1)] == y[test])
        for i in sorted(set(video[test])):
            vote_ok.append(model.classes_[prob[video[test] == i].mean(0).argmax()] == vy[i])
        keep = [i for i in range(len(videos)) if stats[i] is not None]
        tr = [i for i in keep if vg[i] != subject]
        te = [i for i in keep if vg[i] == subject]
        per_video = RandomForestClassifier(args.trees, random_state=42, n_jobs=-1).fit([stats[i] for i in tr], vy[tr])
        stats_ok += list(per_video.predict([stats[i] for i in te]) == vy[te])
        print(f"held out {subject}: {test.sum()} windows, vote {np.mean(vote_ok[-len(te):]):.3f}", flush=True)
    print(f"leave-one-student-out over {len(set(vg))} students, {len(videos)} videos: per video (vote of "
          f"{args.window}-frame windows) {np.mean(vote_ok):.3f}, per window {np.mean(window_ok):.3f}, "
          f"per video (video statistics) {np.mean(stats_ok):.3f}")
    if args.formlab:
        text = subprocess.run([args.formlab, "evaluate", "--dataset", "pose-repcount", "--window", str(args.window),
                               "--step", str(args.step), "--trees", str(args.trees)],
                              check=True, capture_output=True, text=True).stdout
        m = re.search(r"per sequence accuracy ([\d.]+).*per window ([\d.]+)", text)
        if not m:
            raise SystemExit("pose_repcount_rf: no accuracy line in FormLab's output:\n" + text)
        print(f"{'':36} {'scikit-learn peer':>18} {'FormLab':>10}")
        print(f"{'exercise per video (window vote)':36} {np.mean(vote_ok):18.3f} {float(m.group(1)):10.3f}")
        print(f"{'exercise per window':36} {np.mean(window_ok):18.3f} {float(m.group(2)):10.3f}")


if __name__ == "__main__":
    main()
