package formlab.pose.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader did with one file: rows read and kept, rows skipped per problem (with the first
 * few messages as examples), and joints read as missing.
 *
 * @param file          the file read
 * @param dataRows      data rows found (blank lines excluded)
 * @param keptRows      rows turned into frames
 * @param skipped       skipped rows per problem (empty unless the policy was {@link BadRowPolicy#SKIP})
 * @param examples      the first messages of skipped rows, at most {@link #MAX_EXAMPLES}
 * @param missingJoints joint values read as missing (e.g. 9999 in the 11-keypoint layout)
 * @param emptyFrames   kept rows in which no joint at all is present
 */
public record ReadReport(Path file, int dataRows, int keptRows, Map<LandmarkFormatException.Problem, Integer> skipped,
                         List<String> examples, int missingJoints, int emptyFrames) {

    /** Examples of skipped rows kept per file. */
    public static final int MAX_EXAMPLES = 5;

    public ReadReport {
        EnumMap<LandmarkFormatException.Problem, Integer> copy = new EnumMap<>(LandmarkFormatException.Problem.class);
        copy.putAll(skipped);
        skipped = Collections.unmodifiableMap(copy);
        examples = List.copyOf(examples);
    }

    /** Total rows skipped. */
    public int skippedRows() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for logs and notebooks, naming the file by its last three path elements. */
    public String summary() {
        int names = file.getNameCount();
        String shortName = names >= 3 ? file.subpath(names - 3, names).toString() : file.toString();
        String text = shortName + ": " + keptRows + "/" + dataRows + " rows kept";
        if (!skipped.isEmpty()) {
            text += ", skipped " + skipped;
        }
        if (missingJoints > 0) {
            text += ", " + missingJoints + " missing joints";
        }
        if (emptyFrames > 0) {
            text += ", " + emptyFrames + " frames without any joint";
        }
        return text;
    }

    /** Accumulates counts while a file is read. */
    static final class Builder {
        private final Path file;
        private final EnumMap<LandmarkFormatException.Problem, Integer> skipped =
                new EnumMap<>(LandmarkFormatException.Problem.class);
        private final List<String> examples = new ArrayList<>();
        private int dataRows;
        private int keptRows;
        private int missingJoints;
        private int emptyFrames;

        Builder(Path file) {
            this.file = file;
        }

        void row() {
            dataRows++;
        }

        void kept(int missing, boolean empty) {
            keptRows++;
            missingJoints += missing;
            emptyFrames += empty ? 1 : 0;
        }

        void skipped(LandmarkFormatException problem) {
            skipped.merge(problem.problem(), 1, Integer::sum);
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(problem.getMessage());
            }
        }

        ReadReport build() {
            return new ReadReport(file, dataRows, keptRows, skipped, examples, missingJoints, emptyFrames);
        }
    }
}
