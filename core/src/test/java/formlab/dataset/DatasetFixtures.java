package formlab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small self-made IMU dataset in a layout FormLab has no reader for: {@code ;}-separated text with a
 * decimal comma, timestamps in milliseconds at 50 Hz, acceleration in m/s^2 and rotation in rad/s, one
 * file per set named {@code <subject>/<exercise>-<n>.csv}, repetition counts in {@code reps.csv}.
 * Tests break it in one place and check that the failure names file, line and key.
 */
public final class DatasetFixtures {

    /** The description of the fixture; each key on its own line so tests can find a key's line. */
    public static final String DESCRIPTION = """
            {
              "name": "fixture-phone",
              "title": "phone IMU, 50 Hz, semicolons and decimal commas",
              "modality": "imu",
              "recordings": {
                "include": ["*/*.csv"],
                "format": "delimited",
                "separator": ";",
                "decimalMark": ",",
                "header": true
              },
              "time": {"column": "t_ms", "unit": "ms"},
              "channels": [
                {"column": "ax", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "ay", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "az", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "gx", "quantity": "angular-velocity", "unit": "rad/s"},
                {"column": "gy", "quantity": "angular-velocity", "unit": "rad/s"},
                {"column": "gz", "quantity": "angular-velocity", "unit": "rad/s"}
              ],
              "labels": {
                "path": "{subject}/{exercise}-{set:\\\\d+}.csv",
                "class": "exercise",
                "subject": "subject",
                "noExercise": ["rest"],
                "annotations": [
                  {
                    "file": "reps.csv",
                    "rows": "recording",
                    "recordingColumn": "set",
                    "recordingPattern": "{subject}/{exercise}-{set:\\\\d+}",
                    "countColumn": "count"
                  }
                ]
              }
            }
            """;

    /** Recordings of the fixture: relative path, seconds, repetitions. */
    public static final List<String> SETS = List.of("p1/squat-1.csv", "p1/rest-1.csv", "p2/squat-1.csv", "p2/burpee-1.csv");

    private DatasetFixtures() {
    }

    /** Writes the dataset and its description ({@code formlab-dataset.json}) into {@code folder}; returns the description file. */
    public static Path write(Path folder) throws IOException {
        for (int i = 0; i < SETS.size(); i++) {
            Path file = folder.resolve(SETS.get(i));
            Files.createDirectories(file.getParent());
            Files.write(file, recording(4 + i, SETS.get(i).contains("rest") ? 0 : 3));
        }
        Files.writeString(folder.resolve("reps.csv"), "set,count\np1/squat-1,3\np1/rest-1,0\np2/squat-1,3\np2/burpee-1,3\n");
        return Files.writeString(folder.resolve(DatasetDescriptions.FILE_NAME), DESCRIPTION);
    }

    /** Lines of one recording: {@code seconds} at 50 Hz with {@code reps} sine-shaped repetitions. */
    public static List<String> recording(int seconds, int reps) {
        List<String> lines = new ArrayList<>(List.of("t_ms;ax;ay;az;gx;gy;gz"));
        long start = 1_700_000_000_000L;
        for (int i = 0; i < seconds * 50; i++) {
            double t = i / 50.0;
            double wave = reps == 0 ? 0 : Math.sin(2 * Math.PI * t * reps / seconds);
            String row = String.format(Locale.ROOT, "%d;%.4f;%.4f;%.4f;%.4f;%.4f;%.4f", start + i * 20L, 0.1,
                    9.81 + 2 * wave, 0.3 * wave, 1.1 * wave, 0.05, -0.2 * wave);
            lines.add(row.replace('.', ','));
        }
        return lines;
    }

    /** The 1-based line of the first line of {@code text} containing {@code fragment}. */
    public static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + fragment + "' is not in the text");
    }
}
