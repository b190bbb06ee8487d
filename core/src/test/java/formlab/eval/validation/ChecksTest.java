package formlab.eval.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class ChecksTest {

    private static Finding find(List<Finding> findings, String subject) {
        return findings.stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow(() -> new AssertionError(subject + " not in " + findings));
    }

    @Test
    void schemaFlagsMissingMistypedAndOutOfRangeColumns() {
        Table table = Table.create("recording",
                DoubleColumn.create("x-axis (g)", 0.1, 0.2, 9.5),
                StringColumn.create("y-axis (g)", "0.9", "1.0", "0.8"),
                StringColumn.create("note", "a", "b", "c"));
        List<Finding> findings = TableChecks.schema(table, List.of(
                ColumnRule.numeric("x-axis (g)", -8, 8), ColumnRule.numeric("y-axis (g)"), ColumnRule.numeric("z-axis (g)")), false);
        assertEquals(Severity.FAIL, find(findings, "x-axis (g)").severity());
        assertTrue(find(findings, "x-axis (g)").message().contains("first at row 2"));
        assertEquals(Severity.FAIL, find(findings, "y-axis (g)").severity());
        assertEquals(Severity.FAIL, find(findings, "z-axis (g)").severity());
        assertEquals(Severity.WARN, find(findings, "note").severity());
        ValidationReport report = ValidationReport.of("recording", findings);
        assertFalse(report.passed());
        assertEquals("FAIL", report.table().stringColumn("severity").get(0));
    }

    @Test
    void missingValuesLabelsAndGroupCoverageAreReported() {
        // Like PosePilot: cobra was never recorded for P4, and one class is rare.
        StringColumn pose = StringColumn.create("pose");
        StringColumn who = StringColumn.create("participant");
        DoubleColumn angle = DoubleColumn.create("knee_angle");
        for (String participant : List.of("P1", "P2", "P3", "P4")) {
            for (String p : List.of("tree", "chair", "cobra")) {
                int n = p.equals("cobra") ? (participant.equals("P4") ? 0 : 2) : 30;
                for (int i = 0; i < n; i++) {
                    pose.append(p);
                    who.append(participant);
                    angle.append(i == 3 && participant.equals("P2") ? Double.NaN : 90 + i);
                }
            }
        }
        Table table = Table.create("poses", pose, who, angle);
        assertEquals(Severity.WARN, find(TableChecks.missingValues(table, 0.0, 0.05), "knee_angle").severity());
        assertEquals(Severity.PASS, find(TableChecks.missingValues(table, 0.0, 0.05), "pose").severity());

        List<Finding> labels = TableChecks.labelDistribution(table, "pose", 10, 5);
        assertEquals(Severity.WARN, find(labels, "cobra").severity());
        assertTrue(labels.stream().anyMatch(f -> f.check().equals("class imbalance") && f.severity() == Severity.WARN));

        List<Finding> coverage = TableChecks.groupCoverage(table, "pose", "participant", 5);
        assertTrue(find(coverage, "P4").message().contains("no rows of [cobra]"), find(coverage, "P4").message());
        assertTrue(find(coverage, "P1").message().contains("fewer than 5 rows of [cobra (2)]"));
        assertTrue(ValidationReport.of("poses", coverage).passed());
        assertTrue(ValidationReport.of("poses", coverage).toHtml().contains("WARN"));
    }

    @Test
    void sampleRateGapsAndBackwardsTime() {
        double[] regular = new double[100];
        for (int i = 0; i < regular.length; i++) {
            regular[i] = i * 0.08;
        }
        assertEquals(Severity.PASS, TimestampChecks.sampleRate("acc", regular, 12.5, 0.05).getFirst().severity());
        assertEquals(Severity.FAIL, TimestampChecks.sampleRate("acc", regular, 25, 0.05).getFirst().severity());
        double[] gappy = regular.clone();
        for (int i = 50; i < gappy.length; i++) {
            gappy[i] += 2.0;
        }
        List<Finding> gaps = TimestampChecks.sampleRate("acc", gappy, 12.5, 0.05);
        assertTrue(gaps.stream().anyMatch(f -> f.check().equals("gaps") && f.message().contains("before sample 50")), gaps.toString());
        double[] backwards = regular.clone();
        backwards[10] = backwards[9];
        assertTrue(TimestampChecks.sampleRate("acc", backwards, 12.5, 0.05).stream()
                .anyMatch(f -> f.check().equals("timestamp order") && f.severity() == Severity.FAIL));
    }

    @Test
    void realMetaWearFilesHaveTheirNominalRates() throws Exception {
        Optional<Path> dataset = DataSettings.dataset("imu-barbell-metawear");
        Assumptions.assumeTrue(dataset.isPresent(), "imu-barbell-metawear not available");
        List<Path> files;
        try (Stream<Path> list = Files.list(dataset.get().resolve("raw"))) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().limit(6).toList();
        }
        for (Path file : files) {
            Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).build());
            double[] epochSeconds = table.numberColumn("epoch (ms)").asDoubleArray();
            for (int i = 0; i < epochSeconds.length; i++) {
                epochSeconds[i] /= 1000;
            }
            boolean accelerometer = file.getFileName().toString().contains("Accelerometer");
            double nominal = accelerometer ? 12.5 : 25.0;
            double range = accelerometer ? 16 : 2000; // MetaWear full scale: +-16 g, +-2000 deg/s
            List<Finding> findings = TimestampChecks.sampleRate(file.getFileName().toString(), epochSeconds, nominal, 0.1);
            assertEquals(Severity.PASS, findings.stream().filter(f -> f.check().equals("sample rate")).findFirst().orElseThrow().severity(),
                    findings.toString());
            List<Finding> schema = TableChecks.schema(table, List.of(ColumnRule.numeric("epoch (ms)"),
                    ColumnRule.numeric("elapsed (s)", 0, 3600), ColumnRule.numeric(table.columnNames().get(3), -range, range)), true);
            assertTrue(ValidationReport.of(file.toString(), schema).passed(), schema.toString());
        }
    }
}
