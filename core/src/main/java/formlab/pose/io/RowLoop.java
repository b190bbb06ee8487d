package formlab.pose.io;

import formlab.pose.PoseFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns data rows into frames under a {@link BadRowPolicy}, filling a {@link ReadReport}. */
final class RowLoop {

    /** A parsed row: its frame and how many of the layout's joints were missing in it. */
    record Parsed(PoseFrame frame, int missingJoints) {
    }

    /** Parses one data row; {@code frameIndex} is the 0-based data row number. */
    @FunctionalInterface
    interface RowParser {
        Parsed parse(CsvText.Line line, int frameIndex);
    }

    private RowLoop() {
    }

    static List<PoseFrame> run(Path file, List<CsvText.Line> rows, BadRowPolicy policy, ReadReport.Builder report,
                               RowParser parser) {
        List<PoseFrame> frames = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            report.row();
            try {
                Parsed parsed = parser.parse(rows.get(i), i);
                frames.add(parsed.frame());
                report.kept(parsed.missingJoints(), parsed.frame().pose().presentCount() == 0);
            } catch (LandmarkFormatException e) {
                if (policy == BadRowPolicy.FAIL) {
                    throw e;
                }
                report.skipped(e);
            }
        }
        return frames;
    }
}
