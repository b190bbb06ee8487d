package formlab.registry;

import formlab.data.KnownDataset;
import formlab.model.LabelledData;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import formlab.pose.io.PosePilotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture on real data: PosePilot yoga recordings (camera 1, every {@code step}-th frame,
 * read with {@link PosePilotReader}) reduced to the x/y position of 12 body joints relative to the
 * hip centre in units of torso length. The pose package owns the real pose features; this small
 * table only gives the model, eval and registry tests a real, participant-grouped dataset.
 */
public final class PosePilotSample {

    private static final int[] JOINTS = {11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};

    private PosePilotSample() {
    }

    /** The sample, or empty when the dataset is not available. */
    public static Optional<Sample> load(int step) {
        Optional<Path> root = KnownDataset.POSE_YOGA_POSEPILOT.path();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<Path> files = PosePilotReader.files(root.get()).stream()
                .filter(p -> p.getParent().getFileName().toString().equals("cam_1")).toList();
        List<String> names = new ArrayList<>();
        for (int j : JOINTS) {
            names.add("j" + j + "_x");
            names.add("j" + j + "_y");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        PosePilotReader reader = new PosePilotReader();
        for (Path file : files) {
            PoseSequence sequence = reader.read(file).sequence();
            for (int f = 0; f < sequence.size(); f += step) {
                Pose pose = sequence.frames().get(f).pose();
                double hipX = (pose.x(Joint.byIndex(23)) + pose.x(Joint.byIndex(24))) / 2;
                double hipY = (pose.y(Joint.byIndex(23)) + pose.y(Joint.byIndex(24))) / 2;
                double shoulderX = (pose.x(Joint.byIndex(11)) + pose.x(Joint.byIndex(12))) / 2;
                double shoulderY = (pose.y(Joint.byIndex(11)) + pose.y(Joint.byIndex(12))) / 2;
                double torso = Math.max(1e-6, Math.hypot(shoulderX - hipX, shoulderY - hipY));
                double[] row = new double[JOINTS.length * 2];
                for (int j = 0; j < JOINTS.length; j++) {
                    row[2 * j] = (pose.x(Joint.byIndex(JOINTS[j])) - hipX) / torso;
                    row[2 * j + 1] = (pose.y(Joint.byIndex(JOINTS[j])) - hipY) / torso;
                }
                rows.add(row);
                labels.add(sequence.info().label());
                groups.add(sequence.info().participantId().orElseThrow());
            }
        }
        LabelledData data = LabelledData.of("posepilot cam_1 joints", names, rows.toArray(double[][]::new),
                labels.toArray(String[]::new), groups.toArray(String[]::new));
        return Optional.of(new Sample(data, files));
    }

    /**
     * The table and the files it came from.
     *
     * @param data  feature table: label = pose, group = participant
     * @param files the landmark files read
     */
    public record Sample(LabelledData data, List<Path> files) {
    }
}
