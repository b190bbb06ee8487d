package formlab.pose.reps;

/**
 * Counts repetitions of any exercise from a landmark sequence by its periodicity, with no
 * exercise-specific code: landmarks are centred on the hips and scaled by the torso length, the
 * trajectories are projected on their first principal component, smoothed, the period is estimated by
 * autocorrelation, and peaks are counted with a minimum distance tied to that period and a prominence
 * threshold relative to the signal's range. Low-motion stretches before the first and after the last
 * movement are ignored. Deterministic.
 *
 * <p>Landmarks follow the MediaPipe 33-point layout (shoulders 11/12, hips 23/24).
 *
 * @param smoothing   moving-average window in frames (at least 1)
 * @param prominence  minimum peak prominence as a fraction of the active signal's range (0..1)
 */
public record PeriodicRepCounter(int smoothing, double prominence) {

    private static final int LEFT_SHOULDER = 11, RIGHT_SHOULDER = 12, LEFT_HIP = 23, RIGHT_HIP = 24;

    public PeriodicRepCounter {
        if (smoothing < 1 || !(prominence >= 0 && prominence < 1)) {
            throw new IllegalArgumentException("Need smoothing >= 1 and 0 <= prominence < 1, got "
                    + smoothing + ", " + prominence);
        }
    }

    /**
     * Counts repetitions in a sequence of frames x landmarks x coordinates (at least 25 landmarks with
     * x and y); frames containing NaN are carried over from the previous frame.
     */
    public int count(double[][][] frames) {
        return countSignal(firstComponent(normalise(frames)));
    }

    /** Counts repetitions in an already one-dimensional movement signal. */
    public int countSignal(double[] raw) {
        double[] signal = RepSignals.movingAverage(raw, smoothing);
        int[] active = activeRange(signal);
        int from = active[0], to = active[1];
        if (to - from < 4) {
            return 0;
        }
        double[] s = java.util.Arrays.copyOfRange(signal, from, to);
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double v : s) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (range <= 0) {
            return 0;
        }
        int period = period(s);
        int distance = Math.max(1, (int) Math.round(0.5 * period));
        double minProminence = prominence * range;
        double[] negated = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            negated[i] = -s[i];
        }
        return Math.max(peaks(s, distance, minProminence), peaks(negated, distance, minProminence));
    }

    static double[][] normalise(double[][][] frames) {
        int n = frames.length;
        if (n == 0) {
            return new double[0][];
        }
        int landmarks = frames[0].length;
        if (landmarks <= RIGHT_HIP) {
            throw new IllegalArgumentException("Need at least 25 landmarks per frame, got " + landmarks);
        }
        double[][] rows = new double[n][];
        double[] previous = null;
        for (int f = 0; f < n; f++) {
            double[][] p = frames[f];
            double hx = (p[LEFT_HIP][0] + p[RIGHT_HIP][0]) / 2, hy = (p[LEFT_HIP][1] + p[RIGHT_HIP][1]) / 2;
            double sx = (p[LEFT_SHOULDER][0] + p[RIGHT_SHOULDER][0]) / 2;
            double sy = (p[LEFT_SHOULDER][1] + p[RIGHT_SHOULDER][1]) / 2;
            double torso = Math.hypot(sx - hx, sy - hy);
            double[] row = new double[landmarks * 2];
            boolean ok = torso > 1e-9;
            for (int l = 0; l < landmarks && ok; l++) {
                row[2 * l] = (p[l][0] - hx) / torso;
                row[2 * l + 1] = (p[l][1] - hy) / torso;
                ok = Double.isFinite(row[2 * l]) && Double.isFinite(row[2 * l + 1]);
            }
            if (!ok) {
                row = previous != null ? previous : new double[landmarks * 2];
            }
            rows[f] = row;
            previous = row;
        }
        return rows;
    }

    /** Projection of the centred rows on their first principal component (power iteration). */
    static double[] firstComponent(double[][] rows) {
        int n = rows.length;
        if (n == 0) {
            return new double[0];
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] c = new double[n][d];
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = rows[i][j] - mean[j];
                v[j] += c[i][j] * c[i][j];
            }
        }
        double[] projection = new double[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += c[i][j] * v[j];
                }
                projection[i] = dot;
            }
            double[] next = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    next[j] += c[i][j] * projection[i];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return new double[n];
            }
            for (int j = 0; j < d; j++) {
                v[j] = next[j] / norm;
            }
        }
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += c[i][j] * v[j];
            }
            projection[i] = dot;
        }
        return projection;
    }

    /** First and one-past-last frame whose speed exceeds 10 % of the 95th-percentile speed. */
    static int[] activeRange(double[] s) {
        if (s.length < 2) {
            return new int[] {0, s.length};
        }
        double[] speed = new double[s.length - 1];
        for (int i = 1; i < s.length; i++) {
            speed[i - 1] = Math.abs(s[i] - s[i - 1]);
        }
        double[] sorted = speed.clone();
        java.util.Arrays.sort(sorted);
        double threshold = 0.1 * sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        int from = 0, to = speed.length - 1;
        while (from < speed.length && speed[from] <= threshold) {
            from++;
        }
        while (to >= 0 && speed[to] <= threshold) {
            to--;
        }
        return from > to ? new int[] {0, 0} : new int[] {from, to + 2};
    }

    /** Lag of the highest autocorrelation after it first turns negative; the length if none. */
    static int period(double[] s) {
        int n = s.length;
        double mean = 0;
        for (double v : s) {
            mean += v / n;
        }
        double zero = 0;
        for (double v : s) {
            zero += (v - mean) * (v - mean);
        }
        if (zero == 0) {
            return n;
        }
        boolean crossed = false;
        int best = n;
        double bestValue = 0;
        for (int lag = 1; lag <= n / 2; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += (s[i] - mean) * (s[i + lag] - mean);
            }
            double r = sum / zero;
            if (r < 0) {
                crossed = true;
            } else if (crossed && r > bestValue) {
                bestValue = r;
                best = lag;
            }
        }
        return best;
    }

    /** Number of local maxima at least distance apart (greedy, highest first) with enough prominence. */
    static int peaks(double[] s, int distance, double minProminence) {
        java.util.List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 1; i < s.length - 1; i++) {
            if (s[i] > s[i - 1] && s[i] >= s[i + 1] && prominenceOf(s, i) >= minProminence) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> Double.compare(s[b], s[a]) != 0 ? Double.compare(s[b], s[a]) : a - b);
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int c : candidates) {
            boolean far = true;
            for (int k : kept) {
                far &= Math.abs(k - c) >= distance;
            }
            if (far) {
                kept.add(c);
            }
        }
        return kept.size();
    }

    private static double prominenceOf(double[] s, int i) {
        double leftMin = s[i], rightMin = s[i];
        for (int k = i - 1; k >= 0 && s[k] <= s[i]; k--) {
            leftMin = Math.min(leftMin, s[k]);
        }
        for (int k = i + 1; k < s.length && s[k] <= s[i]; k++) {
            rightMin = Math.min(rightMin, s[k]);
        }
        return s[i] - Math.max(leftMin, rightMin);
    }
}
