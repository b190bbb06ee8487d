package formlab.dataset;

import formlab.dataset.DatasetDescription.Landmarks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The value columns of a landmark file, checked against the declared layout: {@code indexed} and
 * {@code blocks} need landmarks x values numeric columns; {@code named} needs {@code <joint>_<value>}
 * columns, every joint with every value, in order.
 */
final class LandmarkColumns {

    private LandmarkColumns() {
    }

    /** The 0-based positions of the landmark value columns of a file with {@code header} (null when none). */
    static List<Integer> check(Path file, String[] header, int labelColumn, int timeColumn, Landmarks landmarks,
            Integer declaredColumns, KeyLocations keys) {
        int width = header != null ? header.length : declaredColumns != null ? declaredColumns : -1;
        if (width < 0) {
            throw new RecordingException(file, 0, 0, "a landmark file without header needs recordings.columns ("
                    + keys.cite("recordings") + ")");
        }
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (i != labelColumn && i != timeColumn) {
                values.add(i);
            }
        }
        int perLandmark = landmarks.values().size();
        if (landmarks.layout().equals("named")) {
            for (int j = 0; j < values.size(); j++) {
                String name = header[values.get(j)].strip();
                String expected = "_" + landmarks.values().get(j % perLandmark);
                if (!name.endsWith(expected)) {
                    throw new RecordingException(file, 1, values.get(j) + 1, "column '" + name + "' should end with '"
                            + expected + "' (" + keys.cite("recordings.landmarks.values") + ")");
                }
            }
            if (values.size() % perLandmark != 0) {
                throw new RecordingException(file, 1, 0, values.size() + " landmark columns are no whole number of "
                        + perLandmark + "-value landmarks (" + keys.cite("recordings.landmarks.values") + ")");
            }
        } else if (values.size() != landmarks.count() * perLandmark) {
            throw new RecordingException(file, 1, 0, "expected " + landmarks.count() + " landmarks x " + perLandmark
                    + " values = " + landmarks.count() * perLandmark + " value columns ("
                    + keys.cite("recordings.landmarks") + "), found " + values.size());
        }
        return values;
    }
}
