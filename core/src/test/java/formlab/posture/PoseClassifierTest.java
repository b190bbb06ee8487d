package formlab.posture;

import static org.junit.jupiter.api.Assertions.*;

import formlab.model.Classifier;
import formlab.model.Prediction;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoseClassifierTest {

    @TempDir
    Path dir;

    /** "lying" when the mean torso inclination so far is above 45 degrees, else "standing". */
    static class TorsoRule implements Classifier {
        @Override
        public List<String> featureNames() {
            return List.of("incline_torso_2d_mean_all", "incline_torso_2d");
        }

        @Override
        public List<String> classes() {
            return List.of("lying", "standing");
        }

        @Override
        public double[] probabilities(double[] features) {
            return features[0] > 45 ? new double[] {0.9, 0.1} : new double[] {0.2, 0.8};
        }
    }

    /** A person whose torso tilts from upright (0) to level (90) over {@code frames} frames. */
    static Pose tilted(double degrees) {
        double a = Math.toRadians(degrees);
        double hx = 0.5;
        double hy = 0.6;
        double sx = hx + 0.3 * Math.sin(a);
        double sy = hy - 0.3 * Math.cos(a);
        Pose.Builder builder = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            builder.set(joint, 0.5, 0.5, 0, 1);
        }
        return builder.set(Joint.LEFT_HIP, hx, hy + 0.01, 0, 1).set(Joint.RIGHT_HIP, hx, hy - 0.01, 0, 1)
                .set(Joint.LEFT_SHOULDER, sx, sy + 0.01, 0, 1).set(Joint.RIGHT_SHOULDER, sx, sy - 0.01, 0, 1).build();
    }

    /** The torso tilts from upright to level over frames 0..20, then stays level. */
    static PoseSequence tilting(int frames) {
        List<PoseFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            list.add(new PoseFrame(i, null, tilted(Math.min(90, 4.5 * i))));
        }
        return new PoseSequence(new SequenceInfo(Path.of("x.csv"), "test", null, null, "lying"), list);
    }

    @Test
    void modelFeaturesAreRebuiltFromTheirNames() {
        PoseClassifier classifier = PoseClassifier.of(new TorsoRule());
        assertTrue(classifier.extractor().names().containsAll(new TorsoRule().featureNames()));
        assertEquals(2, classifier.extractor().names().size(), "only the features the model needs are computed");
        assertThrows(IllegalArgumentException.class, () -> PoseClassifier.of(new TorsoRule() {
            @Override
            public List<String> featureNames() {
                return List.of("angle_left_toe_2d");
            }
        }));
    }

    @Test
    void predictionsAreCausalAndTheVoteSummarisesThem() {
        PoseSequence sequence = tilting(45);
        PoseClassifier classifier = PoseClassifier.of(new TorsoRule());
        List<Prediction> predictions = classifier.predictFrames(sequence);
        // running mean of the inclination: 2.25 t up to frame 20 (45 at t = 20), then above 45
        for (int t = 0; t < 45; t++) {
            assertEquals(t <= 20 ? "standing" : "lying", predictions.get(t).label(), "frame " + t);
        }
        List<Prediction> firstHalf = classifier.predictFrames(sequence.head(21));
        assertEquals(predictions.subList(0, 21).stream().map(Prediction::label).toList(),
                firstHalf.stream().map(Prediction::label).toList(), "later frames do not change earlier predictions");
        SequenceScore score = classifier.score(sequence);
        assertEquals("lying", score.label());
        assertEquals(45, score.frames());
        assertEquals(24 / 45.0, score.confidence(), 1e-12);
        assertEquals((24 * 0.9 + 21 * 0.2) / 45, score.meanProbability(), 1e-12);
    }

    @Test
    void scoresAPosePilotLayoutFile() throws IOException {
        String header = IntStream.range(0, 132).mapToObj(Integer::toString).collect(Collectors.joining(",")) + ",asana";
        List<String> lines = new ArrayList<>(List.of(header));
        for (int i = 0; i < 10; i++) {
            double[] values = tilted(80).toArray();
            StringBuilder row = new StringBuilder();
            for (double value : values) {
                row.append(value).append(',');
            }
            lines.add(row.append("unknown").toString());
        }
        Path file = dir.resolve("upload.csv");
        Files.write(file, lines);
        SequenceScore score = PoseScoring.score(file, new TorsoRule());
        assertEquals("lying", score.label());
        assertEquals(1.0, score.confidence());
        assertEquals(0.9, score.meanProbability(), 1e-12);
        var table = PoseScoring.score(List.of(file, file), new TorsoRule());
        assertEquals(2, table.rowCount());
        assertEquals("lying", table.stringColumn("pose").get(1));
    }
}
