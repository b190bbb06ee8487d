package formlab.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * Decides whether a window shows rest (no barbell lift) without ever seeing a rest label: it
 * learns what the five lifts look like from exercise windows and calls a window rest when it is
 * unlike all of them. Only participant A recorded rest, so a classifier could not learn rest when
 * A is left out; this gate can, because it is fitted on exercise windows only.
 *
 * <p>Three tests, each with a threshold at a quantile of the training exercise windows:
 * <ul>
 *   <li><b>posture</b>: the angle between the window's gravity direction ({@code orient__grav_*})
 *   and the nearest lift's mean gravity direction. Every lift holds the forearm in a typical
 *   orientation (hanging, upright, bar on the back); resting wrists lie anywhere. The distances the
 *   threshold is taken from are measured leave-one-participant-out within the training windows, so
 *   they include the between-person spread a new person brings;</li>
 *   <li><b>motion energy</b>: the standard deviation of the acceleration magnitude
 *   ({@code acc_mag__std}); a lift moves a load, sitting still does not;</li>
 *   <li><b>orientation wander</b> ({@code orient__grav_wander_deg}): during a lift the forearm's
 *   orientation stays put; fidgeting turns it.</li>
 * </ul>
 * Each threshold is the quantile of the training exercise windows widened by the largest
 * between-participant margin seen among the training participants ({@link #threshold}). A window is
 * rest when at least {@code votes} tests fail (default: any). Periodicity (the autocorrelation peak at repetition
 * periods) was measured too and left out: on the real recordings resting participants walk and
 * fidget with autocorrelation peaks of 0.4-0.7, while the first and last windows of a set (unracking,
 * racking) score near 0, so it separates worse than these three.
 *
 * @param classes           lifts whose postures were learned
 * @param postures          unit gravity direction of each lift ({@code [3]} each), ordered as {@code classes}
 * @param maxPostureDegrees largest accepted angle to the nearest lift posture
 * @param minEnergy         smallest accepted {@code acc_mag__std} (g)
 * @param maxWanderDegrees  largest accepted orientation wander
 * @param quantile          tail share of training exercise windows each threshold cuts off
 * @param votes             how many of the three tests must fail for rest: 1 (any; catches more rest) or
 *                          2 (two of three; fewer exercise windows called rest)
 */
public record RestGate(List<String> classes, List<double[]> postures, double maxPostureDegrees, double minEnergy,
                       double maxWanderDegrees, double quantile, int votes) {

    /** Features the gate reads, by name. */
    public static final List<String> FEATURES = List.of("orient__grav_x", "orient__grav_y", "orient__grav_z",
            "acc_mag__std", "orient__grav_wander_deg");

    /** Default tail share per test: 1% of training exercise windows. */
    public static final double DEFAULT_QUANTILE = 0.01;

    public RestGate {
        classes = List.copyOf(classes);
        postures = postures.stream().map(double[]::clone).toList();
        if (votes < 1 || votes > 3) {
            throw new IllegalArgumentException("votes must be 1, 2 or 3, got " + votes);
        }
        if (classes.size() != postures.size() || classes.isEmpty()) {
            throw new IllegalArgumentException("need one posture per class, got " + classes.size() + " classes and "
                    + postures.size() + " postures");
        }
    }

    /**
     * One gate decision.
     *
     * @param rest            true when the window is judged rest
     * @param postureDegrees  angle to the nearest lift posture
     * @param nearest         that lift
     * @param energy          {@code acc_mag__std}
     * @param wanderDegrees   orientation wander
     * @param reason          which tests failed, e.g. "posture 48 deg > 31 deg", or "" when none did
     */
    public record Decision(boolean rest, double postureDegrees, String nearest, double energy, double wanderDegrees,
                           String reason) {
    }

    /**
     * Fits the gate on exercise windows: a feature table with {@code exercise} and {@code participant}
     * columns and the {@link #FEATURES}; rows labelled {@code rest} are ignored.
     */
    public static RestGate fit(Table windows, double quantile) {
        if (!(quantile > 0 && quantile < 0.5)) {
            throw new IllegalArgumentException("quantile must lie in (0, 0.5), got " + quantile);
        }
        for (String feature : FEATURES) {
            if (!windows.columnNames().contains(feature)) {
                throw new IllegalArgumentException("table '" + windows.name() + "' has no column '" + feature
                        + "'; the rest gate needs the MAGNITUDES channels and orientation features");
            }
        }
        String[] exercise = windows.stringColumn("exercise").asObjectArray();
        String[] participant = windows.stringColumn("participant").asObjectArray();
        double[][] gravity = {windows.numberColumn("orient__grav_x").asDoubleArray(),
                windows.numberColumn("orient__grav_y").asDoubleArray(), windows.numberColumn("orient__grav_z").asDoubleArray()};
        double[] energy = windows.numberColumn("acc_mag__std").asDoubleArray();
        double[] wander = windows.numberColumn("orient__grav_wander_deg").asDoubleArray();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < exercise.length; i++) {
            if (!exercise[i].equals("rest")) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no exercise windows to fit the rest gate on");
        }
        List<String> classes = List.copyOf(new TreeSet<>(rows.stream().map(i -> exercise[i]).toList()));
        List<double[]> postures = postures(classes, rows, exercise, gravity);
        List<String> people = List.copyOf(new TreeSet<>(rows.stream().map(i -> participant[i]).toList()));
        double[] distance = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            List<double[]> reference = postures;
            if (people.size() > 1) {
                List<Integer> others = rows.stream().filter(j -> !participant[j].equals(participant[i])).toList();
                List<String> otherClasses = List.copyOf(new TreeSet<>(others.stream().map(j -> exercise[j]).toList()));
                reference = postures(otherClasses, others, exercise, gravity);
            }
            distance[r] = nearest(reference, new double[] {gravity[0][i], gravity[1][i], gravity[2][i]})[0];
        }
        double[] trainEnergy = rows.stream().mapToDouble(i -> energy[i]).toArray();
        double[] trainWander = rows.stream().mapToDouble(i -> wander[i]).toArray();
        String[] who = rows.stream().map(i -> participant[i]).toArray(String[]::new);
        return new RestGate(classes, postures, threshold(distance, who, 1 - quantile), threshold(trainEnergy, who, quantile),
                threshold(trainWander, who, 1 - quantile), quantile, 1);
    }

    /** This gate with another number of failing tests needed for rest. */
    public RestGate withVotes(int needed) {
        return new RestGate(classes, postures, maxPostureDegrees, minEnergy, maxWanderDegrees, quantile, needed);
    }

    /**
     * The {@code q} quantile of {@code values}, widened by the between-participant margin: for each
     * participant, how far its own {@code q} quantile lies beyond the quantile of the other
     * participants' values (a ratio); the largest such ratio (at least 1) scales the threshold
     * outwards. A new person differs from the training people about as much as they differ from each
     * other, and this is measured on the training participants alone.
     */
    static double threshold(double[] values, String[] participants, double q) {
        double base = quantile(values, q);
        List<String> people = List.copyOf(new TreeSet<>(Arrays.asList(participants)));
        double margin = 1;
        if (people.size() > 1) {
            for (String person : people) {
                double[] own = subset(values, participants, person, true);
                double[] rest = subset(values, participants, person, false);
                double reference = quantile(rest, q);
                double mine = quantile(own, q);
                if (reference > 0 && mine > 0) {
                    margin = Math.max(margin, q > 0.5 ? mine / reference : reference / mine);
                }
            }
        }
        return q > 0.5 ? base * margin : base / margin;
    }

    private static double[] subset(double[] values, String[] participants, String person, boolean same) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> participants[i].equals(person) == same)
                .mapToDouble(i -> values[i]).toArray();
    }

    private static List<double[]> postures(List<String> classes, List<Integer> rows, String[] exercise, double[][] gravity) {
        List<double[]> postures = new ArrayList<>();
        for (String c : classes) {
            double[] sum = new double[3];
            for (int i : rows) {
                if (exercise[i].equals(c)) {
                    for (int a = 0; a < 3; a++) {
                        sum[a] += gravity[a][i];
                    }
                }
            }
            postures.add(unit(sum));
        }
        return postures;
    }

    /** {@code [angle, index]} of the posture nearest to {@code direction}. */
    private static double[] nearest(List<double[]> postures, double[] direction) {
        double best = Double.POSITIVE_INFINITY;
        int at = -1;
        for (int c = 0; c < postures.size(); c++) {
            double angle = angle(postures.get(c), unit(direction));
            if (angle < best) {
                best = angle;
                at = c;
            }
        }
        return new double[] {best, at};
    }

    /** Decides on one window's features, given at {@code index} (positions of {@link #FEATURES} in {@code features}). */
    public Decision decide(double[] features, int[] index) {
        double[] g = {features[index[0]], features[index[1]], features[index[2]]};
        double energy = features[index[3]];
        double wander = features[index[4]];
        double[] near = nearest(postures, g);
        List<String> failed = new ArrayList<>();
        if (near[0] > maxPostureDegrees) {
            failed.add(String.format(Locale.ROOT, "posture %.0f deg > %.0f deg", near[0], maxPostureDegrees));
        }
        if (energy < minEnergy) {
            failed.add(String.format(Locale.ROOT, "motion %.3f g < %.3f g", energy, minEnergy));
        }
        if (wander > maxWanderDegrees) {
            failed.add(String.format(Locale.ROOT, "wander %.0f deg > %.0f deg", wander, maxWanderDegrees));
        }
        return new Decision(failed.size() >= votes, near[0], classes.get((int) near[1]), energy, wander, String.join("; ", failed));
    }

    /** Positions of {@link #FEATURES} in {@code featureNames}; fails naming the missing one. */
    public static int[] indices(List<String> featureNames) {
        int[] index = new int[FEATURES.size()];
        for (int f = 0; f < index.length; f++) {
            index[f] = featureNames.indexOf(FEATURES.get(f));
            if (index[f] < 0) {
                throw new IllegalArgumentException("the rest gate needs feature '" + FEATURES.get(f) + "', which the pipeline does not compute");
            }
        }
        return index;
    }

    /** Decisions for every row of a feature table with the {@link #FEATURES} columns. */
    public List<Decision> decide(Table windows) {
        double[][] columns = FEATURES.stream().map(f -> windows.numberColumn(f).asDoubleArray()).toArray(double[][]::new);
        int[] index = {0, 1, 2, 3, 4};
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < windows.rowCount(); i++) {
            double[] row = new double[FEATURES.size()];
            for (int f = 0; f < row.length; f++) {
                row[f] = columns[f][i];
            }
            decisions.add(decide(row, index));
        }
        return decisions;
    }

    /** The gate as plain JSON values. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> postureMap = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            double[] p = postures.get(c);
            postureMap.put(classes.get(c), List.of(p[0], p[1], p[2]));
        }
        map.put("postures", postureMap);
        map.put("maxPostureDegrees", maxPostureDegrees);
        map.put("minEnergy", minEnergy);
        map.put("maxWanderDegrees", maxWanderDegrees);
        map.put("quantile", quantile);
        map.put("votes", votes);
        return map;
    }

    /** The gate described by {@link #toMap()}. */
    @SuppressWarnings("unchecked")
    public static RestGate fromMap(Map<String, ?> map) {
        Map<String, List<Number>> postureMap = (Map<String, List<Number>>) map.get("postures");
        List<String> classes = List.copyOf(postureMap.keySet());
        List<double[]> postures = classes.stream()
                .map(c -> postureMap.get(c).stream().mapToDouble(Number::doubleValue).toArray()).toList();
        return new RestGate(classes, postures, ((Number) map.get("maxPostureDegrees")).doubleValue(),
                ((Number) map.get("minEnergy")).doubleValue(), ((Number) map.get("maxWanderDegrees")).doubleValue(),
                ((Number) map.get("quantile")).doubleValue(), ((Number) map.get("votes")).intValue());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rest when %s of: posture > %.1f deg from every lift, motion < %.3f g, wander > %.1f deg"
                + " (%.0f%% tails of training exercise windows, widened by the between-participant margin)",
                votes == 1 ? "any" : votes + "", maxPostureDegrees, minEnergy, maxWanderDegrees, 100 * quantile);
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return norm == 0 ? new double[3] : new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }

    private static double angle(double[] a, double[] b) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
    }
}
