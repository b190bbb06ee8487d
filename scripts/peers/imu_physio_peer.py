#!/usr/bin/env python3
"""Peer benchmark for `formlab evaluate --dataset imu-physio-yurtman`: the same task with scikit-learn.

A random forest on windowed statistics and FFT magnitudes of each sensor unit's accelerometer and
gyroscope (the units' features side by side), evaluated leave-one-subject-out exactly as FormLab
does (same subjects left out, same 4 s windows every 1 s at 25 Hz, same per-window and per-recording
accuracy), the best single unit (chosen inside each training fold by a leave-one-subject-out over the
training subjects, as `--units best` does), execution quality per annotated repetition (statistics and
FFT over the repetition, its duration, and the features standardised within the recording), and
repetitions per test session counted with scipy peak counting (first principal component of a unit's
standardised, low-passed channels, signed so that repetitions rise from the rest posture, find_peaks with a
minimum distance of half the training subjects' too-fast template repetition; unit, channels, cut-off and
prominence chosen per exercise on the training subjects, never on the counted one). With --formlab BIN it also runs FormLab on
the same data (--json) and prints both side by side.

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
from scipy.signal import butter, filtfilt, find_peaks
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


def windows(data):
    """Per-unit feature blocks of every 4 s window every 1 s: ({unit: rows x features}, labels, subjects, recordings)."""
    x, y, subjects, recs = {u: [] for u in UNITS}, [], [], []
    for (subject, exercise, session), units in data.items():
        n = min(len(a) for a in units.values())
        for start in range(0, n - 100 + 1, 25):
            for u in UNITS:
                x[u].append(features(units[u][start:start + 100]))
            y.append(exercise)
            subjects.append(subject)
            recs.append(subject + "/" + exercise + "/" + session)
    return {u: np.array(v) for u, v in x.items()}, np.array(y), np.array(subjects), np.array(recs)


def exercise_task(blocks, y, subjects, recs, trees):
    return loso(np.hstack([blocks[u] for u in UNITS]), y, subjects, trees, recs)


def best_unit_task(blocks, y, subjects, recs, trees):
    """Per window and per recording with one unit, chosen in each outer fold by an inner leave-one-subject-out
    over the training subjects only (every other window, a quarter of the trees), as FormLab's --units best."""
    right, rec_probs, rec_truth, chosen = 0, {}, {}, []
    for held in sorted(set(subjects)):
        train = np.nonzero(subjects != held)[0]
        thin = train[::2]
        inner = {u: loso(blocks[u][thin], y[thin], subjects[thin], max(20, trees // 4))[0] for u in UNITS}
        unit = max(UNITS, key=lambda u: (inner[u], -UNITS.index(u)))
        chosen.append(unit)
        test = subjects == held
        model = RandomForestClassifier(n_estimators=trees, random_state=42, n_jobs=2).fit(blocks[unit][train], y[train])
        probs = model.predict_proba(blocks[unit][test])
        right += int((model.classes_[probs.argmax(axis=1)] == y[test]).sum())
        for rec, p, t in zip(recs[test], probs, y[test]):
            rec_probs[rec] = rec_probs.get(rec, 0) + p
            rec_truth[rec] = (t, model.classes_)
    per_rec = np.mean([classes[p.argmax()] == t for rec, p in rec_probs.items() for t, classes in [rec_truth[rec]]])
    return right / len(y), float(per_rec), chosen


CHANNELS = {"acc": slice(0, 3), "gyr": slice(3, 6), "acc+gyr": slice(0, 6)}
LOW_PASS_HZ = (0.3, 0.5, 0.8, 1.2)  # a too-fast repetition lasts about 2.5 s (0.4 Hz), a correct one about 6 s
PROMINENCES = (0.05, 0.1, 0.15, 0.2, 0.3)  # of the signal's 5-95 % range: low enough to keep low-amplitude repetitions
TOO_FAST = "2"  # execution type of a too-fast repetition in template_times.txt


def repetition_signal(session, channels, cutoff):
    """One value per sample that rises once per repetition: the session's channels (acc, gyr or both) standardised,
    low-passed (2nd-order Butterworth, zero phase) and projected on their first principal component, signed so
    that the rest posture is the baseline and each repetition is an excursion above it."""
    x = session[:, CHANNELS[channels]]
    x = x - x.mean(axis=0)
    x = x / np.where(x.std(axis=0) > 1e-12, x.std(axis=0), 1)
    b, a = butter(2, cutoff / (RATE / 2), "low")
    x = filtfilt(b, a, x, axis=0)
    _, _, vt = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)
    s = x @ vt[0]
    median = np.median(s)
    return -s if median - s.min() > s.max() - median else s  # the principal component's sign is arbitrary


def peak_count(signal, distance, prominence):
    """Repetitions in a repetition signal: its peaks at least `distance` samples apart that stand out by
    `prominence` times the signal's 5-95 % percentile range (robust to a few outliers)."""
    height = np.percentile(signal, 95) - np.percentile(signal, 5)
    return len(find_peaks(signal, distance=distance, prominence=prominence * height)[0])


def shortest_repetition(root, subjects, exercise):
    """Median duration in samples of the too-fast template repetitions of an exercise for these subjects."""
    return float(np.median([end - start for subject in subjects
                            for start, end, kind in repetitions(root, subject, exercise, "template_session")
                            if kind == TOO_FAST]))


TEST_SESSION_REPS = 30  # every test session holds 30 repetitions (the dataset's SOURCE.txt), as the description says


def reps_task(root, data):
    """Counts the repetitions of every test session (30 each) by peak counting on one unit's repetition signal,
    leave-one-subject-out: per exercise, the unit, channels, low-pass cut-off and prominence are those with the
    lowest count MAE over the other subjects' test sessions (ties to the first setting), and the peaks' minimum
    distance is half the other subjects' median too-fast template repetition. Returns the metrics and the number
    of sessions counted."""
    grid = [(u, c, f, p) for u in UNITS for c in CHANNELS for f in LOW_PASS_HZ for p in PROMINENCES]
    sessions = [(s, e) for (s, e, session) in data if session == "test"]
    signals = {(k, u, c, f): repetition_signal(data[(k[0], k[1], "test")][u], c, f)
               for k in sessions for u in UNITS for c in CHANNELS for f in LOW_PASS_HZ}
    errors = []
    for subject, exercise in sessions:
        train = [k for k in sessions if k[0] != subject and k[1] == exercise]
        distance = max(1, round(0.5 * shortest_repetition(root, sorted({k[0] for k in train}), exercise)))

        def count(k, setting):
            unit, channels, cutoff, prominence = setting
            return peak_count(signals[(k, unit, channels, cutoff)], distance, prominence)

        best = min(grid, key=lambda g: (np.mean([abs(count(k, g) - TEST_SESSION_REPS) for k in train]), grid.index(g)))
        errors.append(count((subject, exercise), best) - TEST_SESSION_REPS)
    errors = np.abs(np.array(errors))
    return {"count_exact": float(np.mean(errors == 0)), "count_within_one": float(np.mean(errors <= 1)),
            "count_mae": float(errors.mean())}, len(sessions)


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
    parser.add_argument("--reps-only", action="store_true", help="only count the test sessions' repetitions (seconds)")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        sys.exit(f"imu_physio_peer: no dataset folder {args.data} (set FORMLAB_DATA_DIR)")
    start = time.time()
    data = recordings(args.data)
    if args.reps_only:
        counts, sessions = reps_task(args.data, data)
        print(f"imu-physio-yurtman, leave-one-subject-out, {sessions} test sessions counted; peer {time.time() - start:.0f} s")
        for label, key in (("reps exact", "count_exact"), ("reps within one", "count_within_one"), ("reps MAE", "count_mae")):
            print(f"{label:36} {counts[key]:.3f}")
        return
    blocks, y, subjects, recs = windows(data)
    window_acc, recording_acc = exercise_task(blocks, y, subjects, recs, args.trees)
    unit_window, unit_recording, chosen = best_unit_task(blocks, y, subjects, recs, args.trees)
    quality_acc, reps = quality_task(args.data, data, args.trees)
    counts, sessions = reps_task(args.data, data)
    peer = {"all units: exercise per window": window_acc, "all units: exercise per recording": recording_acc,
            "best unit: exercise per window": unit_window, "best unit: exercise per recording": unit_recording,
            "quality per repetition": quality_acc, "reps exact": counts["count_exact"],
            "reps within one": counts["count_within_one"], "reps MAE": counts["count_mae"]}
    print(f"imu-physio-yurtman, leave-one-subject-out, {len(y)} windows (4 s every 1 s), {reps} repetitions, "
          f"{sessions} test sessions counted, {args.trees} trees; peer's best unit per fold: {', '.join(chosen)}; "
          f"peer {time.time() - start:.0f} s")
    if not args.formlab:
        for label, value in peer.items():
            print(f"{label:36} {value:.3f}")
        return
    ours = {}
    exercise = formlab(args.formlab, ["--trees", str(args.trees)])["metrics"]
    ours["all units: exercise per window"] = exercise["window_accuracy"]
    ours["all units: exercise per recording"] = exercise["recording_accuracy"]
    single = formlab(args.formlab, ["--trees", str(args.trees), "--units", "best"])["metrics"]
    ours["best unit: exercise per window"] = single["window_accuracy"]
    ours["best unit: exercise per recording"] = single["recording_accuracy"]
    ours["quality per repetition"] = formlab(args.formlab, ["--task", "quality", "--trees", str(args.trees)])["metrics"]["repetition_accuracy"]
    counted = formlab(args.formlab, ["--task", "reps"])["metrics"]
    ours["reps exact"], ours["reps within one"], ours["reps MAE"] = (counted["count_exact"], counted["count_within_one"],
                                                                      counted["count_mae"])
    print(f"{'':36} {'scikit-learn/scipy':>18} {'FormLab':>10}")
    for label, value in peer.items():
        print(f"{label:36} {value:18.3f} {ours[label]:10.3f}")


if __name__ == "__main__":
    main()
