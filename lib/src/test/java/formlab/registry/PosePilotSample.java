package formlab.registry;

import formlab.data.DataSettings;
import formlab.model.LabelledData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test fixture on real data: MediaPipe landmarks of the PosePilot yoga recordings (camera 1,
 * every {@code step}-th frame), reduced to the x/y position of 12 body joints relative to the hip
 * centre in units of torso length. A deliberately small reader for tests of the model, eval and
 * registry packages; the pose package owns the real landmark readers and features.
 */
final class PosePilotSample {

    static final String DATASET = "pose-yoga-posepilot";
    private static final int[] JOINTS = {11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};

    private PosePilotSample() {
    }

    /** The sample, or empty when the dataset is not available. */
    static Optional<Sample> load(int step) throws IOException {
        Optional<Path> root = DataSettings.dataset(DATASET);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.get())) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals("cam_1") && p.toString().endsWith(".csv"))
                    .sorted().toList();
        }
        List<String> names = new ArrayList<>();
        for (int j : JOINTS) {
            names.add("j" + j + "_x");
            names.add("j" + j + "_y");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Path file : files) {
            String pose = file.getParent().getParent().getFileName().toString();
            String participant = file.getFileName().toString().replace(".csv", "");
            List<String> lines = Files.readAllLines(file);
            for (int line = 1; line < lines.size(); line += step) {
                String[] cells = lines.get(line).split(",");
                if (cells.length < 132) {
                    throw new IOException(file + ", line " + (line + 1) + ": expected 133 columns, found " + cells.length);
                }
                double[] v = new double[132];
                for (int c = 0; c < 132; c++) {
                    v[c] = Double.parseDouble(cells[c]);
                }
                double hipX = (v[23 * 4] + v[24 * 4]) / 2;
                double hipY = (v[23 * 4 + 1] + v[24 * 4 + 1]) / 2;
                double shoulderX = (v[11 * 4] + v[12 * 4]) / 2;
                double shoulderY = (v[11 * 4 + 1] + v[12 * 4 + 1]) / 2;
                double torso = Math.max(1e-6, Math.hypot(shoulderX - hipX, shoulderY - hipY));
                double[] row = new double[JOINTS.length * 2];
                for (int j = 0; j < JOINTS.length; j++) {
                    row[2 * j] = (v[JOINTS[j] * 4] - hipX) / torso;
                    row[2 * j + 1] = (v[JOINTS[j] * 4 + 1] - hipY) / torso;
                }
                rows.add(row);
                labels.add(pose);
                groups.add(participant);
            }
        }
        LabelledData data = LabelledData.of("posepilot cam_1 joints", names, rows.toArray(double[][]::new),
                labels.toArray(String[]::new), groups.toArray(String[]::new));
        return Optional.of(new Sample(data, files));
    }

    /** The table and the files it came from. */
    record Sample(LabelledData data, List<Path> files) {
    }
}
