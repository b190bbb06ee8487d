#!/usr/bin/env python3
"""Peer benchmark for `formlab evaluate --dataset imu-physio-yurtman`: the same task with scikit-learn.

A random forest on windowed statistics and FFT magnitudes of each sensor unit's accelerometer and
gyroscope (the units' features side by side), evaluated leave-one-subject-out exactly as FormLab
does (same subjects left out, same 4 s windows every 1 s at 25 Hz, same per-window and per-recording
accuracy), plus execution quality per annotated repetition (statistics and FFT over the repetition,
its duration, and the features standardised within the recording). With --formlab BIN it also runs
FormLab on the same data (--json) and prints both side by side.

Reads the dataset in place: $FORMLAB_DATA_DIR/imu-physio-yurtman (s<k>/e<j>/u<n>/{test,template_session}.txt,
template_times.txt, test_times.csv). Deterministic (random_state=42).
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier

RATE = 25.0
G = 9.80665
UNITS = ["u1", "u2", "u3", "u4", "u5"]
SESSIONS = ["template_session", "test"]


def read_unit(path):
    """acc (g) and gyr (deg/s) rows x 6 of one unit's file."""
    data = np.loadtxt(path, delimiter=";", skiprows=1)
    return np.hstack([data[:, 1:4] / G, np.degrees(data[:, 4:7])])


def features(block):
    """Statistics and FFT magnitudes per channel (6 axes and the two magnitudes)."""
    chans = np.hstack([block, np.linalg.norm(block[:, :3], axis=1)[:, None], np.linalg.norm(block[:, 3:], axis=1)[:, None]])
    out = []
    for c in range(chans.shape[1]):
        x = chans[:, c]
        out += [x.mean(), x.std(), x.min(), x.max(), np.ptp(x), *np.percentile(x, [10, 25, 50, 75, 90]),
                np.sqrt(np.mean(x * x))]
        spectrum = np.abs(np.fft.rfft(x - x.mean(), n=100))[1:21] / len(x)
        out += list(spectrum)
    return out


def recordings(root):
    """(subject, exercise, session) -> {unit: array}."""
    found = {}
    for subject_dir in sorted(glob.glob(os.path.join(root, "s*"))):
        subject = os.path.basename(subject_dir)
        for exercise_dir in sorted(glob.glob(os.path.join(subject_dir, "e*"))):
            exercise = os.path.basename(exercise_dir)
            for session in SESSIONS:
                units = {u: read_unit(os.path.join(exercise_dir, u, session + ".txt")) for u in UNITS}
                found[(subject, exercise, session)] = units
    return found


def repetitions(root, subject, exercise, session):
    """[(start, end, quality)] of a recording, rows as in the files' annotations."""
    folder = os.path.join(root, subject, exercise)
    if session == "template_session":
        with open(os.path.join(folder, "template_times.txt")) as f:
            rows = list(csv.reader(f, delimiter=";"))[1:]
        return [(float(r[1]), float(r[2]), r[0]) for r in rows if r]
    path = os.path.join(folder, "test_times.csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    return [(float(r[2]), float(r[3]), r[1]) for r in rows if r]


def loso(x, y, subjects, trees, recording=None):
    """Pooled leave-one-subject-out accuracy per row, and per recording (mean probability) when given."""
    right = 0
    rec_probs = {}
    rec_truth = {}
    for held in sorted(set(subjects)):
        train = subjects != held
        test = ~train
        model = RandomForestClassifier(n_estimators=trees, random_state=42, n_jobs=2).fit(x[train], y[train])
        probs = model.predict_proba(x[test])
        predicted = model.classes_[probs.argmax(axis=1)]
        right += int((predicted == y[test]).sum())
        if recording is not None:
            for rec, p, t in zip(recording[test], probs, y[test]):
                rec_probs[rec] = rec_probs.get(rec, 0) + p
                rec_truth[rec] = (t, model.classes_)
    per_row = right / len(y)
    if recording is None:
        return per_row, None
    per_rec = np.mean([classes[p.argmax()] == t for rec, p in rec_probs.items() for t, classes in [rec_truth[rec]]])
    return per_row, float(per_rec)


def exercise_task(data, trees):
    x, y, subjects, recs = [], [], [], []
    for (subject, exercise, session), units in data.items():
        n = min(len(a) for a in units.values())
        for start in range(0, n - 100 + 1, 25):
            x.append(sum((features(units[u][start:start + 100]) for u in UNITS), []))
            y.append(exercise)
            subjects.append(subject)
            recs.append(subject + "/" + exercise + "/" + session)
    return loso(np.array(x), np.array(y), np.array(subjects), trees, np.array(recs)), len(y)


def quality_task(root, data, trees):
    x, y, subjects = [], [], []
    for (subject, exercise, session), units in data.items():
        reps = repetitions(root, subject, exercise, session)
        if not reps:
            continue
        rows = []
        for start, end, _ in reps:
            a, b = int(round(start)), max(int(round(end)) + 1, int(round(start)) + 2)
            rows.append(sum((features(units[u][a:b]) for u in UNITS), []) + [(b - a) / RATE])
        rows = np.array(rows)
        sd = rows.std(axis=0)
        rel = np.where(sd > 1e-12, (rows - rows.mean(axis=0)) / np.where(sd > 1e-12, sd, 1), 0)
        for row, r, (_, _, quality) in zip(rows, rel, reps):
            x.append(np.concatenate([row, r]))
            y.append(quality)
            subjects.append(subject)
    return loso(np.array(x), np.array(y), np.array(subjects), trees)[0], len(y)


def formlab(binary, extra):
    out = subprocess.run([binary, "evaluate", "--dataset", "imu-physio-yurtman", "--json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out[out.index("{"):])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(os.environ.get("FORMLAB_DATA_DIR", "data"), "imu-physio-yurtman"))
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--formlab", help="bin/formlab: also run FormLab on the same data and print both")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"imu_physio_peer: no dataset folder {args.data} (set FORMLAB_DATA_DIR)")
    start = time.time()
    data = recordings(args.data)
    (window_acc, recording_acc), windows = exercise_task(data, args.trees)
    quality_acc, reps = quality_task(args.data, data, args.trees)
    peer = {"window_accuracy": window_acc, "recording_accuracy": recording_acc, "repetition_accuracy": quality_acc,
            "seconds": time.time() - start}
    print(f"imu-physio-yurtman, leave-one-subject-out, {windows} windows (4 s every 1 s), {reps} repetitions, "
          f"{args.trees} trees, all units")
    rows = [("exercise per window", "window_accuracy"), ("exercise per recording", "recording_accuracy"),
            ("quality per repetition", "repetition_accuracy")]
    if args.formlab:
        exercise = formlab(args.formlab, ["--trees", str(args.trees)])
        quality = formlab(args.formlab, ["--task", "quality", "--trees", str(args.trees)])
        ours = {**exercise["metrics"], **quality["metrics"]}
        print(f"{'':24} {'scikit-learn peer':>18} {'FormLab':>10}")
        for label, key in rows:
            print(f"{label:24} {peer[key]:18.3f} {ours[key]:10.3f}")
        print(f"{'seconds (LOSO)':24} {peer['seconds']:18.1f} {exercise['seconds'] + quality['seconds']:10.1f}")
    else:
        for label, key in rows:
            print(f"{label:24} {peer[key]:.3f}")
        print(f"{'seconds':24} {peer['seconds']:.1f}")


if __name__ == "__main__":
    main()
