package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.*;

import formlab.data.KnownDataset;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseNormalizer;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import formlab.pose.io.PosePilotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PoseFeatureExtractorTest {

    static PoseSequence synthetic(String participant, int frames, long seed) {
        List<PoseFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            list.add(new PoseFrame(i, null, PoseFeatureSetTest.randomPose(seed * 1000 + i)));
        }
        return new PoseSequence(new SequenceInfo(Path.of("tree/cam_0/" + participant + ".csv"), "test", participant,
                "cam_0", "tree"), list);
    }

    static PoseFeatureExtractor pooled() {
        return new PoseFeatureExtractor(PoseNormalizer.DEFAULT, PoseFeatureSet.standard(),
                List.of(CausalPooling.of(5), CausalPooling.of(CausalPooling.EXPANDING)));
    }

    @Test
    void tableHasFeatureColumnsThenMetadataAndRestartsPoolingPerSequence() {
        PoseFeatureExtractor extractor = pooled();
        PoseSequence a = synthetic("P1", 6, 1);
        PoseSequence b = synthetic("P2", 4, 2);
        Table table = extractor.table("features", List.of(a, b));
        assertEquals(10, table.rowCount());
        assertEquals(extractor.names().size() + PoseFeatureExtractor.METADATA.size(), table.columnCount());
        assertEquals(extractor.names(), table.columnNames().subList(0, extractor.names().size()));
        assertEquals(PoseFeatureExtractor.METADATA, table.columnNames().subList(extractor.names().size(), table.columnCount()));
        assertEquals("P2", table.stringColumn("participant").get(6));
        assertEquals("tree/cam_0/P2", table.stringColumn("sequence").get(6));
        assertEquals(0, table.intColumn("frame").get(6));
        assertEquals("tree", table.stringColumn("label").get(9));
        // The first row of the second sequence pools only itself: std 0, mean = the frame's value.
        String feature = "angle_left_knee_2d";
        assertEquals(table.doubleColumn(feature).get(6), table.doubleColumn(feature + "_mean_all").get(6), 1e-12);
        assertEquals(0, table.doubleColumn(feature + "_std_w5").get(6), 1e-12);
    }

    @Test
    void streamingPathGivesTheTableRowsInTheSameOrder() {
        PoseFeatureExtractor extractor = pooled();
        PoseSequence sequence = synthetic("P1", 8, 3);
        Table table = extractor.table("features", List.of(sequence));
        PoseFeatureExtractor.Stream stream = extractor.stream();
        for (int i = 0; i < sequence.size(); i++) {
            double[] row = stream.push(sequence.frames().get(i).pose());
            assertEquals(extractor.names().size(), row.length);
            for (int j = 0; j < row.length; j++) {
                assertEquals(table.doubleColumn(j).get(i), row[j], 0, extractor.names().get(j));
            }
        }
        double[] single = extractor.frame(sequence.frames().get(0).pose());
        assertEquals(extractor.features().size(), single.length);
    }

    @Test
    void coveringRebuildsTheFeaturesAModelNamed() {
        PoseFeatureExtractor full = pooled();
        List<String> wanted = List.of("dist_wrists_3d_max_w5", "angle_left_knee_2d", "incline_torso_2d_mean_all", "pos_nose_y_std_w5");
        PoseFeatureExtractor covering = PoseFeatureExtractor.covering(wanted);
        assertTrue(covering.names().containsAll(wanted));
        assertTrue(covering.names().size() < full.names().size());
        int[] mine = covering.indicesOf(wanted);
        int[] theirs = full.indicesOf(wanted);
        PoseSequence sequence = synthetic("P1", 7, 4);
        double[][] a = covering.sequence(sequence);
        double[][] b = full.sequence(sequence);
        for (int t = 0; t < a.length; t++) {
            for (int k = 0; k < wanted.size(); k++) {
                assertEquals(b[t][theirs[k]], a[t][mine[k]], 0, wanted.get(k) + " at frame " + t);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PoseFeatureExtractor.covering(List.of("angle_left_knee_2d_median_w5")));
        assertThrows(IllegalArgumentException.class, () -> covering.indicesOf(List.of("angle_right_knee_2d")));
    }

    @Test
    void frameWithoutTorsoGivesNaNFeatures() {
        Pose noTorso = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true).set(Joint.NOSE, 0.5, 0.5, 0, 1).build();
        double[] values = PoseFeatureExtractor.perFrame().frame(noTorso);
        for (double value : values) {
            assertTrue(Double.isNaN(value));
        }
    }

    @Test
    void realPosePilotFilesGiveCompleteFeatures() {
        Path root = KnownDataset.POSE_YOGA_POSEPILOT.path().orElse(null);
        Assumptions.assumeTrue(root != null, "pose-yoga-posepilot not available");
        PosePilotReader reader = new PosePilotReader();
        List<PoseSequence> sequences = List.of(reader.read(root.resolve("cobra/cam_1/P3.csv")).sequence(),
                reader.read(root.resolve("tree/cam_0/P6.csv")).sequence());
        Table table = pooled().table("posepilot", sequences);
        assertEquals(sequences.get(0).size() + sequences.get(1).size(), table.rowCount());
        for (String name : pooled().names()) {
            assertEquals(0, table.doubleColumn(name).countMissing(), name);
        }
        // Cobra lies face down with the torso raised; tree stands: the torso inclination tells them apart.
        double cobraTorso = table.where(table.stringColumn("label").isEqualTo("cobra")).doubleColumn("incline_torso_2d").median();
        double treeTorso = table.where(table.stringColumn("label").isEqualTo("tree")).doubleColumn("incline_torso_2d").median();
        assertTrue(treeTorso < 20, "tree torso near vertical: " + treeTorso);
        assertTrue(cobraTorso > treeTorso + 20, "cobra torso leans: " + cobraTorso);
    }
}
