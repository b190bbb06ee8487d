package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetCheck;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DatasetReport;
import formlab.dataset.LoadedDescription;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.signal.WindowSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own phone-style IMU dataset read through a description: comma-separated text, a time
 * column in milliseconds with decimals, acceleration in m/s^2 and rotation in rad/s, one file per set
 * named {@code <subject>/<exercise>-<set>.csv}.
 */
class DescribedImuUserDatasetTest {

    static final String DESCRIPTION = """
            {
              "name": "user-imu",
              "modality": "imu",
              "recordings": {"include": ["*/*.csv"], "format": "delimited", "separator": ",", "header": true},
              "time": {"column": "t_ms", "unit": "ms"},
              "channels": [
                {"column": "ax", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "ay", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "az", "quantity": "acceleration", "unit": "m/s^2"},
                {"column": "gx", "quantity": "angular-velocity", "unit": "rad/s"},
                {"column": "gy", "quantity": "angular-velocity", "unit": "rad/s"},
                {"column": "gz", "quantity": "angular-velocity", "unit": "rad/s"}
              ],
              "labels": {"path": "{subject}/{exercise}-{set:\\\\d+}.csv", "class": "exercise", "subject": "subject"}
            }
            """;

    /** Header and {@code rows} rows at {@code rateHz}, times in ms written with three decimals, 2 curls per 4 s. */
    static List<String> rows(int rows, double rateHz) {
        List<String> lines = new ArrayList<>(List.of("t_ms,ax,ay,az,gx,gy,gz"));
        for (int i = 0; i < rows; i++) {
            double t = i / rateHz;
            double wave = Math.sin(2 * Math.PI * t / 2);
            lines.add(String.format(Locale.ROOT, "%.3f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f", 1000 * t, 0.1, 9.81 + 2 * wave,
                    0.3 * wave, 1.1 * wave, 0.05, -0.2 * wave));
        }
        return lines;
    }

    /**
     * The two-subject sets with {@code relative} rewritten so that its lines {@code [from, to)} (1 is the first
     * after the header) hold the declared missing value {@code NA} in column {@code ay}.
     */
    private static LoadedDescription withMissingAy(Path folder, String relative, int from, int to) throws IOException {
        sets(folder, 50, 1);
        List<String> lines = rows(400, 50);
        for (int row = from; row < to; row++) {
            String[] cells = lines.get(row).split(",");
            cells[2] = "NA";
            lines.set(row, String.join(",", cells));
        }
        file(folder, relative, lines);
        return write(folder, DESCRIPTION.replace("\"header\": true}", "\"header\": true, \"missing\": [\"NA\"]}"));
    }

    static LoadedDescription write(Path folder, String description) throws IOException {
        return DatasetDescriptions.read(Files.writeString(folder.resolve(DatasetDescriptions.FILE_NAME), description));
    }

    static void file(Path folder, String relative, List<String> lines) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    /** Two subjects, curl and squat, {@code sets} sets each, 8 s at {@code rateHz}. */
    static void sets(Path folder, double rateHz, int sets) throws IOException {
        for (String subject : List.of("p1", "p2")) {
            for (String exercise : List.of("curl", "squat")) {
                for (int set = 1; set <= sets; set++) {
                    file(folder, subject + "/" + exercise + "-" + set + ".csv", rows((int) (8 * rateHz), rateHz));
                }
            }
        }
    }

    private static double rate(Path folder) throws IOException {
        List<DescribedImuRecording> recordings = DescribedImuReader.read(write(folder, DESCRIPTION));
        return DescribedImuWindows.rateOf(recordings, DescribedImuReader.commonUnits(recordings));
    }

    @Test
    void aFirstRecordingOfOneRowDoesNotDecideTheRate(@TempDir Path folder) throws IOException {
        sets(folder, 50, 2);
        file(folder, "a0/curl-1.csv", rows(1, 50)); // sorts first
        assertEquals(50, rate(folder), 1e-9);
    }

    @Test
    void ratesWhoseStepIsNoWholeMillisecondAreMeasuredExactly(@TempDir Path folder) throws IOException {
        sets(folder, 400, 1);
        assertEquals(400, rate(folder), 1e-6, "2.5 ms steps");
        Path other = Files.createDirectory(folder.resolve("other"));
        sets(other, 120, 1);
        assertEquals(120, rate(other), 0.01, "steps of 8.333 and 8.334 ms");
        List<DescribedImuRecording> recordings = DescribedImuReader.read(write(other, DESCRIPTION));
        assertEquals(8 * 120, recordings.getFirst().sensors("").accelerometer().size(), "every row kept");
    }

    @Test
    void ratesAboveOneKilohertzAreRefusedNamingTheFile(@TempDir Path folder) throws IOException {
        sets(folder, 2000, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescribedImuReader.read(write(folder, DESCRIPTION)));
        assertTrue(e.getMessage().contains("-1.csv: sampled at 2000 Hz"), e.getMessage());
    }

    @Test
    void recordingsAtDifferentRatesAreAnErrorNamingTheirFiles(@TempDir Path folder) throws IOException {
        sets(folder, 50, 2);
        file(folder, "p3/curl-1.csv", rows(800, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rate(folder));
        assertTrue(e.getMessage().contains("p3/curl-1.csv at 100 Hz") && e.getMessage().contains(Path.of("p3", "curl-1.csv").toString()),
                e.getMessage());
    }

    @Test
    void twoFilesOfOnePartInOneRecordingAreAnErrorNamingThem(@TempDir Path folder) throws IOException {
        sets(folder, 50, 2);
        // recordings identified by subject and exercise only: the two sets of p1 curl fall into one recording
        LoadedDescription loaded = write(folder, DESCRIPTION.replace("\"header\": true}",
                "\"header\": true, \"recording\": [\"subject\", \"exercise\"]}"));
        DatasetReport report = DatasetCheck.run(loaded);
        assertEquals(4, report.errors().size(), String.join("\n", report.errors()));
        String first = report.errors().getFirst();
        assertTrue(first.startsWith("recording p1/curl has 2 files, one expected: p1/curl-1.csv, p1/curl-2.csv")
                && first.contains("recordings.recording"), first);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescribedImuReader.read(loaded));
        assertTrue(e.getMessage().contains("recording p1/curl has 2 files"), e.getMessage());
    }

    @Test
    void missingAccelerationsAreFilledInTimeAndCountedByTheCheck(@TempDir Path folder) throws IOException {
        LoadedDescription loaded = withMissingAy(folder, "p1/curl-1.csv", 90, 100); // 10 rows where the phone dropped ay
        DatasetReport report = DatasetCheck.run(loaded);
        assertTrue(report.ok(), String.join("\n", report.errors()));
        assertTrue(report.text().contains("p1/curl-1.csv: 10 of 400 rows hold a missing value"), report.text());
        List<DescribedImuRecording> recordings = DescribedImuReader.read(loaded);
        DescribedImuRecording curl = recordings.stream().filter(r -> r.id().equals("p1/curl-1.csv")).findFirst().orElseThrow();
        var acceleration = curl.sensors("").accelerometer();
        // every row stays (repetitions given as row numbers keep their place); the gap is filled in a line
        assertEquals(400, acceleration.size());
        for (int row = 89; row < 99; row++) { // lines 90 to 99 after the header
            double expected = acceleration.value(1, 88) + (row - 88) / 11.0 * (acceleration.value(1, 99) - acceleration.value(1, 88));
            assertEquals(expected, acceleration.value(1, row), 1e-9, "row " + row);
        }
        assertEquals(acceleration.value(0, 95), acceleration.value(0, 80), 1e-12, "other channels untouched");
        List<String> units = DescribedImuReader.commonUnits(recordings);
        DescribedImuWindows windows = DescribedImuWindows.windows(recordings, units,
                DescribedImuWindows.pipeline(DescribedImuWindows.rateOf(recordings, units), new WindowSettings(2, 1)));
        assertTrue(windows.size() > 0);
    }

    @Test
    void aChannelWithNoValueAtAllIsRefusedNamingTheFileAndColumn(@TempDir Path folder) throws IOException {
        LoadedDescription loaded = withMissingAy(folder, "p2/curl-1.csv", 1, 401); // a phone without that sensor axis
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescribedImuReader.read(loaded));
        assertTrue(e.getMessage().contains("p2/curl-1.csv") && e.getMessage().contains("'ay'")
                && e.getMessage().contains("no value in any of its 400 rows"), e.getMessage());
    }

    @Test
    void aRecordingLackingAPartIsNamedNotEveryRecording(@TempDir Path folder) throws IOException {
        // one file per sensor, as a MetaWear or phone export: <subject>/<exercise>-<set>-<sensor>.csv
        String description = DESCRIPTION.replace("\"header\": true}", "\"header\": true, \"part\": \"sensor\"}")
                .replace("{set:\\\\d+}.csv", "{set:\\\\d+}-{sensor}.csv")
                .replace("\"unit\": \"m/s^2\"}", "\"unit\": \"m/s^2\", \"part\": \"acc\"}")
                .replace("\"unit\": \"rad/s\"}", "\"unit\": \"rad/s\", \"part\": \"gyr\"}");
        for (String subject : List.of("p1", "p2", "p3")) {
            for (String exercise : List.of("curl", "squat")) {
                file(folder, subject + "/" + exercise + "-1-acc.csv", rows(400, 50));
                if (!(subject.equals("p2") && exercise.equals("curl"))) {
                    file(folder, subject + "/" + exercise + "-1-gyr.csv", rows(400, 50));
                }
            }
        }
        LoadedDescription loaded = write(folder, description);
        List<DescribedImuRecording> recordings = DescribedImuReader.read(loaded);
        assertEquals(List.of(), DescribedImuReader.commonUnits(recordings));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescribedImuReader.requireCommonUnits(loaded.file(), recordings));
        assertTrue(e.getMessage().contains("unit 'combined' is in 5, 1 lack it: p2/curl/1 (parts: acc)"), e.getMessage());
    }

    @Test
    void recordingsWithATrueCountOfZeroAreLeftOutOfCounting(@TempDir Path folder) throws IOException {
        for (String subject : List.of("p1", "p2", "p3")) {
            file(folder, subject + "/curl-1.csv", rows(400, 50)); // 8 s, one curl every 2 s
            file(folder, subject + "/rest-1.csv", rows(400, 50));
        }
        // counts from an annotation file, as a phone app's export: rest sets count 0
        Files.writeString(folder.resolve("reps.csv"), "set,count\np1/curl-1,4\np1/rest-1,0\np2/curl-1,4\np2/rest-1,0\n"
                + "p3/curl-1,4\np3/rest-1,0\n");
        LoadedDescription loaded = write(folder, DESCRIPTION.replace("\"subject\": \"subject\"}",
                "\"subject\": \"subject\", \"noExercise\": [\"rest\"], \"annotations\": [{\"file\": \"reps.csv\","
                        + " \"rows\": \"recording\", \"recordingColumn\": \"set\", \"recordingPattern\":"
                        + " \"{subject}/{exercise}-{set:\\\\d+}\", \"countColumn\": \"count\"}]}"));
        List<DescribedImuRecording> recordings = DescribedImuReader.read(loaded);
        DescribedImuRepetitions counts = DescribedImuRepetitions.leaveOneSubjectOut(recordings,
                DescribedImuReader.commonUnits(recordings));
        assertEquals(List.of("p1/rest-1.csv", "p2/rest-1.csv", "p3/rest-1.csv"), counts.zeroCount().stream().sorted().toList());
        assertEquals(List.of("curl", "curl", "curl"), counts.rows().stream().map(DescribedImuRepetitions.Row::label).toList());
        assertTrue(Double.isFinite(counts.meanRelativeError()), counts.text());
        assertTrue(counts.text().contains("left out: 3 recordings whose true count is 0"), counts.text());
    }
}
