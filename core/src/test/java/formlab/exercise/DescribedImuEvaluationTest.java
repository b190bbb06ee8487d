package formlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.DataSettings;
import formlab.dataset.DatasetDescriptions;
import formlab.eval.Progress;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.signal.WindowSettings;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leave-one-subject-out on the physiotherapy dataset, reduced (skipped without FORMLAB_DATA_DIR). */
class DescribedImuEvaluationTest {

    private static final String NAME = "imu-physio-yurtman";
    private static List<DescribedImuRecording> recordings;
    private static DescribedImuWindows windows;

    @BeforeAll
    static void read() {
        Assumptions.assumeTrue(DataSettings.dataset(NAME).isPresent(), NAME + " not available (FORMLAB_DATA_DIR)");
        recordings = DescribedImuReader.read(DatasetDescriptions.builtIn(NAME));
        List<String> units = DescribedImuReader.commonUnits(recordings);
        // reduced: one 4 s window every 8 s (the full run steps by 1 s)
        ExercisePipeline pipeline = DescribedImuWindows.pipeline(DescribedImuWindows.rateOf(recordings, units),
                new WindowSettings(4, 8));
        windows = DescribedImuWindows.windows(recordings, units, pipeline);
    }

    @Test
    void recognisesExercisesOfAnUnseenSubjectFromAllUnits() {
        DescribedImuEvaluation evaluation = DescribedImuEvaluation.leaveOneSubjectOut(windows, DescribedImuEvaluation.ALL,
                DescribedImuEvaluation.forest(10, 42), Progress.none());
        assertEquals(5, evaluation.unitsBySubject().size());
        assertTrue(evaluation.rowEvaluation().accuracy() >= 0.9, evaluation.text());
        assertTrue(evaluation.recordingEvaluation().orElseThrow().accuracy() >= 0.95, evaluation.text());
    }

    @Test
    void choosesTheBestUnitInsideEachTrainingFold() {
        DescribedImuEvaluation evaluation = DescribedImuEvaluation.leaveOneSubjectOut(windows, DescribedImuEvaluation.BEST,
                DescribedImuEvaluation.forest(20, 42), Progress.none());
        assertTrue(evaluation.unitsBySubject().values().stream().allMatch(units -> units.size() == 1), evaluation.text());
        // the full run chooses u3 in every fold: 0.866 per window; any single unit is far below all five (0.988)
        assertTrue(evaluation.rowEvaluation().accuracy() >= 0.7, evaluation.text());
        String subject = "s5";
        int[] others = java.util.stream.IntStream.range(0, windows.size())
                .filter(i -> !windows.subjects()[i].equals(subject)).toArray();
        assertEquals(List.of(DescribedImuEvaluation.bestUnit(windows, others, DescribedImuEvaluation.forest(20, 42))),
                evaluation.unitsBySubject().get(subject), "chosen from the other subjects' rows alone");
    }

    @Test
    void searchesWindowAndFeaturesInsideEachTrainingFold() {
        // reduced: 4 s and 2 s windows every 8 s, two feature sets, one unit, a small forest
        List<String> units = DescribedImuReader.commonUnits(recordings);
        double rate = DescribedImuWindows.rateOf(recordings, units);
        WindowSettings shorter = new WindowSettings(2, 8);
        var byWindow = new java.util.LinkedHashMap<WindowSettings, DescribedImuWindows>();
        byWindow.put(new WindowSettings(4, 8), windows);
        byWindow.put(shorter, DescribedImuWindows.windows(recordings, units, DescribedImuWindows.pipeline(rate, shorter)));
        var space = new DescribedImuSearch.Space(byWindow, List.of(FeatureSet.ALL, FeatureSet.ROBUST));
        var trainer = DescribedImuEvaluation.forest(10, 42);
        DescribedImuEvaluation evaluation = DescribedImuSearch.leaveOneSubjectOut(space, "u3", trainer, Progress.none());
        assertEquals(java.util.Set.of("s1", "s2", "s3", "s4", "s5"), evaluation.searchBySubject().keySet());
        java.util.Set<String> others = new java.util.TreeSet<>(List.of("s1", "s2", "s3", "s4"));
        assertEquals(DescribedImuSearch.choose(space, List.of("u3"), others, trainer), evaluation.searchBySubject().get("s5"),
                "chosen from the other subjects' rows alone");
        int tested = evaluation.searchBySubject().entrySet().stream().mapToInt(e -> (int) java.util.Arrays.stream(
                space.rowsOf(e.getValue().candidate()).subjects()).filter(e.getKey()::equals).count()).sum();
        assertEquals(tested, evaluation.rowEvaluation().size(), "each subject's rows of the window chosen without it");
        // the full single-unit run is 0.866 per window (u3, 4 s, all features)
        assertTrue(evaluation.rowEvaluation().accuracy() >= 0.7, evaluation.text());
        assertTrue(evaluation.text().contains("inner accuracy"), evaluation.text());
        assertEquals(java.util.Arrays.stream(windows.recordings()).distinct().count(),
                evaluation.recordingEvaluation().orElseThrow().size(), "every recording voted on once");
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), List.copyOf(evaluation.searchBySubject().keySet()));

        DescribedImuTraining.Trained trained = DescribedImuTraining.train(space, "u3", trainer);
        DescribedImuSearch.Choice overAll = DescribedImuSearch.choose(space, List.of("u3"),
                new java.util.TreeSet<>(List.of("s1", "s2", "s3", "s4", "s5")), trainer);
        assertEquals(java.util.Optional.of(overAll), trained.search());
        assertEquals(space.rowsOf(overAll.candidate()).size(), trained.data().size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DescribedImuSearch.leaveOneSubjectOut(space, DescribedImuEvaluation.BEST, trainer, Progress.none()));
        // a window setting that misses recordings would be scored on an easier set: refused
        WindowSettings longer = new WindowSettings(400, 8);
        byWindow.put(longer, DescribedImuWindows.windows(recordings, units, DescribedImuWindows.pipeline(rate, longer)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DescribedImuSearch.Space(byWindow, List.of(FeatureSet.ALL)));
        assertTrue(e.getMessage().contains("400 s windows every 8 s covers"), e.getMessage());
    }

    @Test
    void countsRepetitionsOfTestSessionsWithRulesChosenOnOtherSubjects() {
        // reduced: four exercises, one unit (the full run: formlab evaluate --dataset imu-physio-yurtman --task reps)
        List<DescribedImuRecording> some = recordings.stream().filter(r -> List.of("e1", "e3", "e5", "e6").contains(r.label())).toList();
        DescribedImuRepetitions counts = DescribedImuRepetitions.leaveOneSubjectOut(some, List.of("u2"));
        assertEquals(20, counts.rows().size(), "the test sessions have a count (30), the templates none");
        assertTrue(counts.rows().stream().allMatch(r -> r.truth() == 30));
        assertTrue(counts.withinOne() >= 0.8 && counts.meanAbsoluteError() <= 1.5, counts.text());
        // 18 of these 20 sessions are counted exactly (0.85 over all 40 sessions and units)
        assertTrue(counts.exact() >= 0.85, counts.text());
        assertTrue(counts.rows().stream().allMatch(r -> r.tied() >= 1), counts.text());
    }

    @Test
    void aModelTrainedWithoutASubjectCountsItsRecordingsAsTheEvaluationDid() {
        // the rules fitted on the other subjects are the tied rules the leave-one-subject-out run used
        List<DescribedImuRecording> some = recordings.stream().filter(r -> List.of("e1", "e3").contains(r.label())).toList();
        List<String> units = List.of("u2", "u3");
        DescribedImuRepetitions counts = DescribedImuRepetitions.leaveOneSubjectOut(some, units);
        String subject = "s1";
        var rules = DescribedImuRepetitions.fit(some.stream().filter(r -> !r.subject().equals(subject)).toList(), units);
        int compared = 0;
        for (DescribedImuRepetitions.Row row : counts.rows()) {
            if (row.subject().equals(subject)) {
                DescribedImuRepetitions.Rule rule = rules.get(row.label());
                DescribedImuRecording recording = some.stream().filter(r -> r.id().equals(row.recording())).findFirst().orElseThrow();
                assertEquals(row.tied(), rule.parameters().size(), row.toString());
                assertEquals(row.unit(), rule.unit(), row.toString());
                assertEquals(row.counted(), DescribedImuRepetitions.count(recording, rule), row.toString());
                compared++;
            }
        }
        assertTrue(compared >= 2, counts.text());
        assertTrue(rules.values().stream().anyMatch(rule -> rule.parameters().size() > 1), "several rules tie: " + rules);
    }

    @Test
    void doesNotCountAClassThatNoOtherSubjectHasACountOf() {
        // e1 of subject s1 only, e3 of everyone: s1's e1 sessions have no rules chosen without s1
        List<DescribedImuRecording> some = recordings.stream()
                .filter(r -> r.label().equals("e3") || r.label().equals("e1") && r.subject().equals("s1")).toList();
        DescribedImuRepetitions counts = DescribedImuRepetitions.leaveOneSubjectOut(some, List.of("u2"));
        List<DescribedImuRepetitions.Row> e1 = counts.rows().stream().filter(r -> r.label().equals("e1")).toList();
        assertTrue(!e1.isEmpty() && e1.stream().allMatch(r -> r.counted() == DescribedImuRepetitions.NOT_COUNTED
                && r.tied() == 0), counts.text());
        assertTrue(counts.rows().stream().filter(r -> r.label().equals("e3")).allMatch(r -> r.counted() >= 0), counts.text());
        assertEquals(counts.rows().size() - e1.size(), counts.counted().size());
        assertTrue(counts.text().contains("not counted"), counts.text());
    }
}
