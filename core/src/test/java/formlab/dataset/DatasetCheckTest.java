package formlab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.faults.BadInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset check on a small self-made dataset, and each bad input of issue 17 item 8: the error
 * names the file, the line and the key.
 */
class DatasetCheckTest {

    @TempDir
    Path dir;

    private String description;

    private Path fixture() throws Exception {
        Path file = DatasetFixtures.write(dir);
        description = DatasetFixtures.DESCRIPTION;
        return file;
    }

    private Path rewrite(Path file, String from, String to) throws Exception {
        description = Files.readString(file);
        assertTrue(description.contains(from), from);
        description = description.replace(from, to);
        return Files.writeString(file, description);
    }

    @Test
    void aDatasetOfAnUnknownLayoutIsFoundFromItsDescription() throws Exception {
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(fixture()));
        assertTrue(report.ok(), report.text());
        assertEquals(4, report.recordings().size());
        assertEquals(List.of("p1", "p2"), report.subjects());
        assertEquals(Map.of("burpee", 1, "rest", 1, "squat", 2), report.classes());
        assertEquals(50.0, report.rates().get("all"), 1e-9, "20 ms steps");
        Recording burpee = report.recordings().stream().filter(r -> r.id().equals("p2/burpee-1.csv")).findFirst().orElseThrow();
        assertEquals(7.0, burpee.seconds(), 1e-9);
        assertEquals(350, burpee.rows());
        assertEquals(3, burpee.count());
        assertTrue(report.text().contains("no exercise: rest (rest 1)"), report.text());
    }

    @Test
    void aMisspeltNoExerciseClassIsAnErrorNamingTheLineAndTheClasses() throws Exception {
        Path file = rewrite(fixture(), "\"noExercise\": [\"rest\"]", "\"noExercise\": [\"Rest\"]");
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(file));
        assertTrue(!report.ok(), report.text());
        String error = report.errors().getFirst();
        assertTrue(error.contains("labels.noExercise (line " + DatasetFixtures.lineOf(description, "noExercise"))
                && error.contains("'Rest'") && error.contains("did you mean 'rest'") && error.contains("burpee, rest, squat"), error);
        // a rest class no recording has yet (a first recording session) is a note, not an error
        Path absent = rewrite(file, "\"noExercise\": [\"Rest\"]", "\"noExercise\": [\"pause\"]");
        DatasetReport noted = DatasetCheck.run(DatasetDescriptions.read(absent));
        assertTrue(noted.ok(), noted.text());
        assertTrue(noted.text().contains("names 'pause', which no recording has"), noted.text());
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() throws Exception {
        Path file = rewrite(fixture(), "\"unit\": \"m/s^2\"},\n    {\"column\": \"ay\"",
                "\"unit\": \"m/s^2\", \"unitt\": \"g\"},\n    {\"column\": \"ay\"");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals(file, e.file());
        assertEquals(DatasetFixtures.lineOf(description, "unitt"), e.line());
        assertEquals("channels[0].unitt", e.key());
        assertTrue(e.getMessage().contains("unknown key 'unitt'") && e.getMessage().contains("quantity"), e.getMessage());
    }

    @Test
    void anUnknownUnitNamesTheKeyAndTheUnitsAllowed() throws Exception {
        Path file = rewrite(fixture(), "\"gy\", \"quantity\": \"angular-velocity\", \"unit\": \"rad/s\"",
                "\"gy\", \"quantity\": \"angular-velocity\", \"unit\": \"rpm\"");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals(DatasetFixtures.lineOf(description, "rpm"), e.line());
        assertEquals("channels[4].unit", e.key());
        assertTrue(e.getMessage().contains("unknown unit 'rpm'") && e.getMessage().contains("deg/s"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesItsLine() throws Exception {
        Path file = rewrite(fixture(), "\"header\": true", "\"header\": \"yes please\"");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals(DatasetFixtures.lineOf(description, "yes please"), e.line());
        assertEquals("recordings.header", e.key());
    }

    @Test
    void numbersAreNotGuessedFromStringsOrFractions() throws Exception {
        Path file = rewrite(fixture(), "\"header\": true", "\"header\": \"true\"");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals("recordings.header", e.key());
        Files.writeString(file, DatasetFixtures.DESCRIPTION.replace("\"time\": {\"column\": \"t_ms\", \"unit\": \"ms\"}",
                "\"time\": {\"columnIndex\": 0.5, \"unit\": \"ms\"}"));
        e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals("time.columnIndex", e.key());
        assertEquals(DatasetFixtures.lineOf(DatasetFixtures.DESCRIPTION, "\"time\""), e.line());
    }

    @Test
    void aMissingColumnNamesTheRecordingTheDescriptionLineAndTheHeader() throws Exception {
        Path file = rewrite(fixture(), "{\"column\": \"az\"", "{\"column\": \"a_z\"");
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(file));
        assertEquals(4, report.errors().size(), report.text());
        String error = report.errors().getFirst();
        assertTrue(error.contains("-1.csv, line 1: no column 'a_z'"), error);
        assertTrue(error.contains("key 'channels[2].column' at " + file + ", line " + DatasetFixtures.lineOf(description, "a_z")), error);
        assertTrue(error.contains("the header has: t_ms, ax, ay, az"), error);
    }

    @Test
    void aTimestampColumnThatGoesBackwardsNamesFileLineAndColumn() throws Exception {
        Path description = fixture();
        Path recording = dir.resolve("p2/squat-1.csv");
        BadInputs.swapLines(recording, 40, 41);
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(description));
        assertEquals(1, report.errors().size(), report.text());
        String error = report.errors().getFirst();
        assertTrue(error.startsWith(recording + ", line 41, column 1: timestamp"), error);
        assertTrue(error.contains("on line 40: the time column is not monotonic (key 'time'"), error);
    }

    @Test
    void aCellThatIsNoNumberNamesFileLineAndColumn() throws Exception {
        Path description = fixture();
        Path recording = dir.resolve("p1/rest-1.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(recording));
        lines.set(11, "1700000000200;0,1;n/a;0;0;0;0");
        Files.write(recording, lines);
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(description));
        assertEquals(List.of(recording + ", line 12, column 3: 'n/a' is not a number (column 'ay')"), report.errors());
    }

    @Test
    void aLabelPatternThatMatchesNothingListsTheFilesSeen() throws Exception {
        Path file = rewrite(fixture(), "\"path\": \"{subject}/{exercise}-{set:\\\\d+}.csv\"",
                "\"path\": \"{subject}/{exercise}_{set:\\\\d+}.csv\"");
        DescriptionException e = assertThrows(DescriptionException.class,
                () -> DatasetCheck.run(DatasetDescriptions.read(file)));
        assertEquals("labels.path", e.key());
        assertEquals(DatasetFixtures.lineOf(description, "\"path\""), e.line());
        assertTrue(e.getMessage().contains("matches none of the 4 included files"), e.getMessage());
        assertTrue(e.getMessage().contains("4 included, but labels.path does not match it"), e.getMessage());
        assertTrue(e.getMessage().contains("p2/burpee-1.csv"), e.getMessage());
    }

    @Test
    void aFolderWhereNothingMatchesSaysWhichFilesItSawAndWhy() throws Exception {
        Path file = rewrite(fixture(), "\"include\": [\"*/*.csv\"]", "\"include\": [\"*/*.txt\"], \"exclude\": [\"*/rest*\"]");
        DescriptionException e = assertThrows(DescriptionException.class,
                () -> DatasetCheck.run(DatasetDescriptions.read(file)));
        assertEquals("recordings.include", e.key());
        assertEquals(DatasetFixtures.lineOf(description, "\"include\""), e.line());
        assertTrue(e.getMessage().contains("Files seen (5)"), e.getMessage());
        assertTrue(e.getMessage().contains("4 matches no include pattern (recordings.include):"), e.getMessage());
        assertTrue(e.getMessage().contains("1 taken as annotation files (labels.annotations)"), e.getMessage());
        for (String set : DatasetFixtures.SETS) {
            assertTrue(e.getMessage().contains(set), set + " in " + e.getMessage());
        }
    }

    @Test
    void aGroupTheLabelPatternLacksIsNamed() throws Exception {
        Path file = rewrite(fixture(), "\"subject\": \"subject\",", "\"subject\": \"person\",");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals("labels.subject", e.key());
        assertEquals(DatasetFixtures.lineOf(description, "\"person\""), e.line());
        assertTrue(e.getMessage().contains("its groups: subject, exercise, set"), e.getMessage());
    }

    @Test
    void brokenJsonNamesItsLine() throws Exception {
        Path file = rewrite(fixture(), "\"modality\": \"imu\",", "\"modality\": \"imu\"");
        DescriptionException e = assertThrows(DescriptionException.class, () -> DatasetDescriptions.read(file));
        assertEquals(DatasetFixtures.lineOf(description, "\"recordings\""), e.line());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anAnnotationRowNamingNoRecordingIsANote() throws Exception {
        Path description = fixture();
        Files.writeString(dir.resolve("reps.csv"), "p3/squat-1,4\n", java.nio.file.StandardOpenOption.APPEND);
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(description));
        assertTrue(report.ok(), report.text());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("1 rows name no recording found (e.g. p3/squat-1)")),
                report.notes().toString());
    }

    /** The documented phone example (docs/examples/phyphox-example), copied so a test can break it. */
    private Path phyphoxExample() throws Exception {
        Path source = Path.of("..", "docs", "examples", "phyphox-example");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return dir.resolve(DatasetDescriptions.FILE_NAME);
    }

    @Test
    void thePhoneExampleFindsTwoSensorsPerSet() throws Exception {
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(phyphoxExample()));
        assertTrue(report.ok(), report.text());
        assertEquals(2, report.recordings().size());
        assertTrue(report.recordings().stream().allMatch(r -> r.files().size() == 2), "accelerometer + gyroscope");
        assertEquals(List.of("Accelerometer", "Gyroscope"), List.copyOf(report.rates().keySet()));
        report.rates().values().forEach(rate -> assertEquals(50.0, rate, 1e-9));
        assertEquals(Map.of("rest", 1, "squat", 1), report.classes());
        assertTrue(report.notes().isEmpty(), report.notes().toString());
    }

    @Test
    void aPartNoFileHasIsNamedNotSkipped() throws Exception {
        Path file = rewrite(phyphoxExample(), "\"unit\": \"rad/s\", \"part\": \"Gyroscope\"}\n",
                "\"unit\": \"rad/s\", \"part\": \"Gyroskop\"}\n");
        DescriptionException e = assertThrows(DescriptionException.class,
                () -> DatasetCheck.run(DatasetDescriptions.read(file)));
        assertEquals("channels[5].part", e.key());
        assertEquals(DatasetFixtures.lineOf(description, "Gyroskop"), e.line());
        assertTrue(e.getMessage().contains("parts found: Accelerometer, Gyroscope"), e.getMessage());
    }

    @Test
    void includedFilesTheLabelPatternSkipsAreANote() throws Exception {
        Path description = fixture();
        Files.createDirectories(dir.resolve("p3"));
        Files.write(dir.resolve("p3/squat_2.csv"), DatasetFixtures.recording(3, 2));
        DatasetReport report = DatasetCheck.run(DatasetDescriptions.read(description));
        assertEquals(4, report.recordings().size());
        assertTrue(report.notes().contains("1 included files do not match labels.path and are not taken, e.g. p3/squat_2.csv"),
                report.notes().toString());
    }

    @Test
    void pathPatternsMatchWholePathsWithNamedGroups() {
        PathPattern pattern = PathPattern.compile("{subject:s\\d+}/{exercise}/u{unit}.txt");
        assertEquals(Map.of("subject", "s12", "exercise", "e1", "unit", "3"), pattern.match("s12/e1/u3.txt").orElseThrow());
        assertTrue(pattern.match("x12/e1/u3.txt").isEmpty());
        assertTrue(pattern.match("s12/e1/extra/u3.txt").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("{a}/{a}.csv"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("{a}/{b.csv"));
    }
}
