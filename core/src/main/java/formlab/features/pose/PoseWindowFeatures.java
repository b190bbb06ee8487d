package formlab.features.pose;

import formlab.pose.Joint;
import java.util.ArrayList;
import java.util.List;

/**
 * Features of a window of BlazePose landmark frames (33 landmarks, image x and y; z is not used),
 * for recognising which exercise a person does. Every feature is the same when the person is
 * mirrored (left and right swapped): joint angles are summarised as the mean of both sides and their
 * difference, horizontal positions as distances from the body's vertical centre line.
 *
 * <p>Per frame: elbow, shoulder, hip and knee angles (side mean and side difference); the heights of
 * nose, shoulders, elbows, wrists, hips, knees and ankles and their horizontal distances from the
 * centre line, in the landmarks' bounding box of the frame (0 to 1 on each axis, so the person's size
 * and distance from the camera drop out); the shoulder-over-hip and ankle-under-hip offsets (body
 * orientation). Per window: mean, standard deviation, minimum and maximum of each; which body
 * parts move (share of the movement by part, vertical and horizontal) and how much; and periodicity
 * (lag and height of the first autocorrelation peak of the most moving signal).
 */
public final class PoseWindowFeatures {

    private static final int[][] ANGLES = {
        {Joint.LEFT_SHOULDER.index(), Joint.LEFT_ELBOW.index(), Joint.LEFT_WRIST.index()},
        {Joint.RIGHT_SHOULDER.index(), Joint.RIGHT_ELBOW.index(), Joint.RIGHT_WRIST.index()},
        {Joint.LEFT_ELBOW.index(), Joint.LEFT_SHOULDER.index(), Joint.LEFT_HIP.index()},
        {Joint.RIGHT_ELBOW.index(), Joint.RIGHT_SHOULDER.index(), Joint.RIGHT_HIP.index()},
        {Joint.LEFT_SHOULDER.index(), Joint.LEFT_HIP.index(), Joint.LEFT_KNEE.index()},
        {Joint.RIGHT_SHOULDER.index(), Joint.RIGHT_HIP.index(), Joint.RIGHT_KNEE.index()},
        {Joint.LEFT_HIP.index(), Joint.LEFT_KNEE.index(), Joint.LEFT_ANKLE.index()},
        {Joint.RIGHT_HIP.index(), Joint.RIGHT_KNEE.index(), Joint.RIGHT_ANKLE.index()},
    };
    private static final String[] ANGLE_NAMES = {"elbow", "shoulder", "hip", "knee"};
    private static final Joint[][] PAIRS = {
        {Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER}, {Joint.LEFT_ELBOW, Joint.RIGHT_ELBOW},
        {Joint.LEFT_WRIST, Joint.RIGHT_WRIST}, {Joint.LEFT_HIP, Joint.RIGHT_HIP},
        {Joint.LEFT_KNEE, Joint.RIGHT_KNEE}, {Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE},
    };
    private static final String[] PAIR_NAMES = {"shoulder", "elbow", "wrist", "hip", "knee", "ankle"};
    private static final int[][] PARTS = {
        {Joint.NOSE.index()}, {Joint.LEFT_SHOULDER.index(), Joint.RIGHT_SHOULDER.index()},
        {Joint.LEFT_ELBOW.index(), Joint.RIGHT_ELBOW.index()}, {Joint.LEFT_WRIST.index(), Joint.RIGHT_WRIST.index()},
        {Joint.LEFT_HIP.index(), Joint.RIGHT_HIP.index()}, {Joint.LEFT_KNEE.index(), Joint.RIGHT_KNEE.index()},
        {Joint.LEFT_ANKLE.index(), Joint.RIGHT_ANKLE.index()},
    };
    private static final String[] PART_NAMES = {"head", "shoulders", "elbows", "wrists", "hips", "knees", "ankles"};
    private static final String[] STATISTICS = {"mean", "sd", "min", "max"};
    private static final List<String> FRAME_NAMES = frameNames();
    private static final List<String> NAMES = names();

    private PoseWindowFeatures() {
    }

    /** The feature names, in the order of {@link #of}. */
    public static List<String> featureNames() {
        return NAMES;
    }

    /**
     * The features of frames {@code [from, to)} of {@code frames} (frames x 33 landmarks x coordinates,
     * x and y first); at least two frames.
     *
     * @throws IllegalArgumentException for another number of landmarks, fewer than two frames or
     *                                  fewer than two coordinates
     */
    public static double[] of(double[][][] frames, int from, int to) {
        if (to - from < 2) {
            throw new IllegalArgumentException("a window needs at least 2 frames, got " + (to - from));
        }
        int n = to - from;
        double[][] perFrame = new double[n][];
        double[][][] xy = new double[n][][];
        for (int t = 0; t < n; t++) {
            double[][] frame = frames[from + t];
            if (frame.length != Joint.COUNT || frame[0].length < 2) {
                throw new IllegalArgumentException("window features need the " + Joint.COUNT
                        + " BlazePose landmarks with x and y, got " + frame.length + " landmarks x " + frame[0].length + " values");
            }
            xy[t] = frame;
            perFrame[t] = ofFrame(frame);
        }
        double[] out = new double[NAMES.size()];
        int k = 0;
        int width = FRAME_NAMES.size();
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : perFrame) {
                sum += row[j];
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double mean = sum / n;
            double squares = 0;
            for (double[] row : perFrame) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            out[k] = mean;
            out[k + width] = Math.sqrt(squares / n);
            out[k + 2 * width] = min;
            out[k + 3 * width] = max;
            k++;
        }
        k = 4 * width;
        k = movement(xy, out, k);
        periodicity(perFrame, out, k);
        return out;
    }

    /** Which parts move: each part's share of the movement, vertical then horizontal, and the total. */
    private static int movement(double[][][] xy, double[] out, int k) {
        double[] vertical = new double[PARTS.length];
        double[] horizontal = new double[PARTS.length];
        double total = 1e-6;
        for (int p = 0; p < PARTS.length; p++) {
            for (int landmark : PARTS[p]) {
                vertical[p] += deviation(xy, landmark, 1) / PARTS[p].length;
                horizontal[p] += deviation(xy, landmark, 0) / PARTS[p].length;
            }
            total += vertical[p] + horizontal[p];
        }
        for (int p = 0; p < PARTS.length; p++) {
            out[k++] = vertical[p] / total;
        }
        for (int p = 0; p < PARTS.length; p++) {
            out[k++] = horizontal[p] / total;
        }
        out[k++] = total;
        return k;
    }

    private static double deviation(double[][][] xy, int landmark, int coordinate) {
        double sum = 0;
        for (double[][] frame : xy) {
            sum += frame[landmark][coordinate];
        }
        double mean = sum / xy.length;
        double squares = 0;
        for (double[][] frame : xy) {
            double d = frame[landmark][coordinate] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / xy.length);
    }

    /** Lag (share of the window) and height of the first autocorrelation peak of the most varying signal. */
    private static void periodicity(double[][] perFrame, double[] out, int k) {
        int n = perFrame.length;
        int first = ANGLE_NAMES.length * 2;
        int best = first;
        double bestEnergy = -1;
        double[] means = new double[perFrame[0].length];
        for (int j = first; j < means.length; j++) {
            double sum = 0;
            for (double[] row : perFrame) {
                sum += row[j];
            }
            means[j] = sum / n;
            double energy = 0;
            for (double[] row : perFrame) {
                energy += (row[j] - means[j]) * (row[j] - means[j]);
            }
            if (energy > bestEnergy) {
                bestEnergy = energy;
                best = j;
            }
        }
        double lagShare = 0;
        double height = 0;
        if (n > 6 && bestEnergy > 0) {
            double top = Double.NEGATIVE_INFINITY;
            int lag = 3;
            for (int l = 3; l < n; l++) {
                double c = 0;
                for (int t = 0; t + l < n; t++) {
                    c += (perFrame[t][best] - means[best]) * (perFrame[t + l][best] - means[best]);
                }
                if (c > top) {
                    top = c;
                    lag = l;
                }
            }
            lagShare = (double) lag / n;
            height = top / bestEnergy;
        }
        out[k] = lagShare;
        out[k + 1] = height;
    }

    /** The names of the per-frame values, in the order of {@link #ofFrame}. */
    public static List<String> frameFeatureNames() {
        return FRAME_NAMES;
    }

    /**
     * The values of one frame (33 landmarks, x and y first): side mean and side difference of the elbow,
     * shoulder, hip and knee angles (radians), heights and distances from the centre line in the
     * landmarks' bounding box, and the body's orientation; the same for a mirrored frame. The window
     * features summarise these over a window.
     */
    public static double[] ofFrame(double[][] p) {
        if (p.length != Joint.COUNT || p[0].length < 2) {
            throw new IllegalArgumentException("frame features need the " + Joint.COUNT
                    + " BlazePose landmarks with x and y, got " + p.length + " landmarks");
        }
        double[] values = new double[FRAME_NAMES.size()];
        int k = 0;
        double[] angles = new double[ANGLES.length];
        for (int a = 0; a < ANGLES.length; a++) {
            angles[a] = angle(p[ANGLES[a][0]], p[ANGLES[a][1]], p[ANGLES[a][2]]);
        }
        for (int a = 0; a < angles.length; a += 2) {
            values[k++] = (angles[a] + angles[a + 1]) / 2;
        }
        for (int a = 0; a < angles.length; a += 2) {
            values[k++] = Math.abs(angles[a] - angles[a + 1]);
        }
        double[][] q = boxed(p);
        double[] hip = centre(q, Joint.LEFT_HIP, Joint.RIGHT_HIP);
        double[] shoulder = centre(q, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER);
        double[] ankle = centre(q, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);
        double centreX = (hip[0] + shoulder[0]) / 2;
        values[k++] = q[Joint.NOSE.index()][1];
        values[k++] = Math.abs(q[Joint.NOSE.index()][0] - centreX);
        for (Joint[] pair : PAIRS) {
            double[] l = q[pair[0].index()];
            double[] r = q[pair[1].index()];
            values[k++] = (l[1] + r[1]) / 2;
            values[k++] = (Math.abs(l[0] - centreX) + Math.abs(r[0] - centreX)) / 2;
        }
        values[k++] = Math.abs(shoulder[0] - hip[0]);
        values[k++] = shoulder[1] - hip[1];
        values[k++] = Math.abs(ankle[0] - hip[0]);
        values[k] = ankle[1] - hip[1];
        return values;
    }

    /** x and y scaled to the landmarks' bounding box: 0 at its top left, 1 at its right and bottom edges. */
    private static double[][] boxed(double[][] p) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] landmark : p) {
            for (int c = 0; c < 2; c++) {
                min[c] = Math.min(min[c], landmark[c]);
                max[c] = Math.max(max[c], landmark[c]);
            }
        }
        double[][] q = new double[p.length][2];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < 2; c++) {
                q[i][c] = max[c] > min[c] ? (p[i][c] - min[c]) / (max[c] - min[c]) : 0;
            }
        }
        return q;
    }

    private static double[] centre(double[][] p, Joint a, Joint b) {
        return new double[] {(p[a.index()][0] + p[b.index()][0]) / 2, (p[a.index()][1] + p[b.index()][1]) / 2};
    }

    private static double angle(double[] a, double[] b, double[] c) {
        double ux = a[0] - b[0];
        double uy = a[1] - b[1];
        double vx = c[0] - b[0];
        double vy = c[1] - b[1];
        double norms = Math.hypot(ux, uy) * Math.hypot(vx, vy);
        if (norms == 0) {
            return 0;
        }
        return Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / norms)));
    }

    private static List<String> frameNames() {
        List<String> names = new ArrayList<>();
        for (String angle : ANGLE_NAMES) {
            names.add(angle + "_angle");
        }
        for (String angle : ANGLE_NAMES) {
            names.add(angle + "_angle_side_difference");
        }
        names.add("nose_height");
        names.add("nose_off_centre");
        for (String pair : PAIR_NAMES) {
            names.add(pair + "_height");
            names.add(pair + "_off_centre");
        }
        names.addAll(List.of("shoulder_over_hip_x", "shoulder_over_hip_y", "ankle_from_hip_x", "ankle_from_hip_y"));
        return List.copyOf(names);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String statistic : STATISTICS) {
            for (String name : FRAME_NAMES) {
                names.add(name + "_" + statistic);
            }
        }
        for (String part : PART_NAMES) {
            names.add(part + "_vertical_movement_share");
        }
        for (String part : PART_NAMES) {
            names.add(part + "_horizontal_movement_share");
        }
        names.add("movement_total");
        names.add("period_share_of_window");
        names.add("periodicity");
        return List.copyOf(names);
    }
}
