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

    @BeforeAll
    static void read() {
        Assumptions.assumeTrue(DataSettings.dataset(NAME).isPresent(), NAME + " not available (FORMLAB_DATA_DIR)");
        recordings = DescribedImuReader.read(DatasetDescriptions.builtIn(NAME));
    }

    @Test
    void recognisesExercisesOfAnUnseenSubjectFromAllUnits() {
        List<String> units = DescribedImuReader.commonUnits(recordings);
        ExercisePipeline pipeline = DescribedImuWindows.pipeline(DescribedImuWindows.rateOf(recordings, units),
                new WindowSettings(4, 8));
        long t0 = System.nanoTime();
        DescribedImuWindows windows = DescribedImuWindows.windows(recordings, units, pipeline);
        long t1 = System.nanoTime();
        DescribedImuEvaluation evaluation = DescribedImuEvaluation.leaveOneSubjectOut(windows, DescribedImuEvaluation.ALL,
                DescribedImuEvaluation.forest(10, 42), Progress.stdout());
        long t2 = System.nanoTime();
        System.out.println(windows.size() + " windows, " + pipeline.featureNames().size() + " features/unit; "
                + (t1 - t0) / 1e9 + " s features, " + (t2 - t1) / 1e9 + " s LOSO " + evaluation.summary());
        assertEquals(5, evaluation.unitsBySubject().size());
        assertTrue(evaluation.rowEvaluation().accuracy() >= 0.9, evaluation.text());
        assertTrue(evaluation.recordingEvaluation().orElseThrow().accuracy() >= 0.95, evaluation.text());
    }
}
