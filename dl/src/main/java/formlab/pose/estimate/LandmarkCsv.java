package formlab.pose.estimate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import formlab.data.AtomicFiles;
import formlab.pose.Joint;
import formlab.pose.Pose;

/**
 * Writes landmarks in the PosePilot layout read by {@link formlab.pose.io.PosePilotReader}:
 * header {@code 0,1,...,131,asana}, one row per frame with x, y, z, visibility of each of the 33
 * landmarks (landmark-major, image-normalised) and the label.
 */
public final class LandmarkCsv {

    /** Label written when none is given: the PosePilot reader needs one in every row. */
    public static final String UNLABELLED = "unlabelled";

    private LandmarkCsv() {
    }

    /** The header line. */
    public static String header() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < Joint.COUNT * 4; i++) {
            j.add(Integer.toString(i));
        }
        return j.add("asana").toString();
    }

    /**
     * One row for {@code pose} labelled {@code label} (commas in the label are replaced by spaces;
     * a null or blank label is written as {@value #UNLABELLED}).
     */
    public static String row(Pose pose, String label) {
        StringJoiner j = new StringJoiner(",");
        for (Joint joint : Joint.values()) {
            j.add(number(pose.x(joint))).add(number(pose.y(joint))).add(number(pose.z(joint))).add(number(pose.visibility(joint)));
        }
        return j.add(label == null || label.isBlank() ? UNLABELLED : label.replace(',', ' ')).toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }

    /** Header plus one row per pose, each labelled {@code label}. */
    public static String text(List<Pose> poses, String label) {
        StringBuilder b = new StringBuilder(header()).append('\n');
        for (Pose pose : poses) {
            b.append(row(pose, label)).append('\n');
        }
        return b.toString();
    }

    /** Writes {@link #text} atomically to {@code file}. */
    public static void write(Path file, List<Pose> poses, String label) {
        AtomicFiles.writeString(file, text(poses, label));
    }
}
