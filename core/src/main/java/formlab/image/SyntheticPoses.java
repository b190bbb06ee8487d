package formlab.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Rendered stick figures of the five yoga poses, the honest stand-in when the real photos are not
 * available (fresh clone, no {@code FORMLAB_DATA_DIR}). Every figure is a seeded random variation
 * of a hand-made skeleton (joint jitter, size, position, tilt, mirroring, line width, colours,
 * background clutter), so a CNN has something to learn, but they are drawings: accuracy on them
 * says nothing about photos. Class folders carry "(synthetic)" in their names.
 */
public final class SyntheticPoses {

    /** The class folder names, one per pose. */
    public static final List<String> CLASSES = List.of("downward dog (synthetic)", "child's pose (synthetic)",
            "goddess (synthetic)", "warrior II (synthetic)", "tree (synthetic)");

    // Joints in a unit box (x right, y down): head, neck, hip, then left/right elbow, hand, knee, foot.
    private static final double[][][] SKELETONS = {
        // downward dog: hips high, hands and feet on the floor
        {{0.25, 0.72}, {0.33, 0.62}, {0.55, 0.3}, {0.25, 0.75}, {0.17, 0.9}, {0.27, 0.76}, {0.18, 0.9},
            {0.66, 0.6}, {0.78, 0.9}, {0.68, 0.6}, {0.8, 0.9}},
        // child's pose: folded forward on the knees, arms stretched along the floor
        {{0.35, 0.82}, {0.42, 0.76}, {0.66, 0.68}, {0.27, 0.86}, {0.12, 0.88}, {0.28, 0.85}, {0.13, 0.87},
            {0.52, 0.88}, {0.78, 0.9}, {0.53, 0.89}, {0.8, 0.9}},
        // goddess: wide squat, knees out, elbows bent up
        {{0.5, 0.16}, {0.5, 0.26}, {0.5, 0.55}, {0.3, 0.28}, {0.3, 0.1}, {0.7, 0.28}, {0.7, 0.1},
            {0.26, 0.62}, {0.24, 0.88}, {0.74, 0.62}, {0.76, 0.88}},
        // warrior II: lunge, front knee bent, arms straight out to the sides
        {{0.5, 0.14}, {0.5, 0.25}, {0.5, 0.52}, {0.3, 0.25}, {0.1, 0.25}, {0.7, 0.25}, {0.9, 0.25},
            {0.3, 0.62}, {0.14, 0.88}, {0.72, 0.66}, {0.74, 0.88}},
        // tree: standing on one leg, other foot on the knee, arms overhead
        {{0.5, 0.18}, {0.5, 0.28}, {0.5, 0.56}, {0.45, 0.14}, {0.5, 0.04}, {0.55, 0.14}, {0.5, 0.04},
            {0.5, 0.72}, {0.5, 0.93}, {0.66, 0.62}, {0.52, 0.72}},
    };

    private SyntheticPoses() {
    }

    /** One rendered figure of pose {@code poseIndex} (index into {@link #CLASSES}), {@code size} px square. */
    public static BufferedImage render(int poseIndex, int size, Random random) {
        double[][] joints = SKELETONS[poseIndex];
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int base = 150 + random.nextInt(100);
            g.setColor(new Color(base, base - random.nextInt(30), base - random.nextInt(50)));
            g.fillRect(0, 0, size, size);
            for (int i = 0; i < 4; i++) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60));
                g.fillRect(random.nextInt(size), random.nextInt(size), random.nextInt(size / 2) + 4, random.nextInt(size / 2) + 4);
            }
            double scale = size * (0.65 + 0.3 * random.nextDouble());
            AffineTransform place = new AffineTransform();
            place.translate(size / 2.0 + (random.nextDouble() - 0.5) * (size - scale),
                    size / 2.0 + (random.nextDouble() - 0.5) * (size - scale));
            place.rotate(Math.toRadians((random.nextDouble() - 0.5) * 16));
            place.scale(random.nextBoolean() ? -scale : scale, scale);
            place.translate(-0.5, -0.5);
            double[][] p = new double[joints.length][2];
            for (int j = 0; j < joints.length; j++) {
                double[] jittered = {joints[j][0] + random.nextGaussian() * 0.025, joints[j][1] + random.nextGaussian() * 0.025};
                place.transform(jittered, 0, p[j], 0, 1);
            }
            g.setColor(new Color(random.nextInt(90), random.nextInt(90), random.nextInt(120)));
            float width = (float) (size * (0.03 + 0.03 * random.nextDouble()));
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int[][] bones = {{0, 1}, {1, 2}, {1, 3}, {3, 4}, {1, 5}, {5, 6}, {2, 7}, {7, 8}, {2, 9}, {9, 10}};
            for (int[] bone : bones) {
                if (bone[0] != 0) {
                    g.draw(new Line2D.Double(p[bone[0]][0], p[bone[0]][1], p[bone[1]][0], p[bone[1]][1]));
                }
            }
            double head = scale * 0.11;
            g.fill(new Ellipse2D.Double(p[0][0] - head / 2, p[0][1] - head / 2, head, head));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes a folder-per-class dataset of {@code perClass} PNG figures per pose into {@code folder}
     * (created if needed; existing files of the same names are replaced). Same seed, same files.
     */
    public static Path writeDataset(Path folder, int perClass, int size, long seed) throws IOException {
        Random random = new Random(seed);
        for (int pose = 0; pose < CLASSES.size(); pose++) {
            Path classFolder = Files.createDirectories(folder.resolve(CLASSES.get(pose)));
            for (int i = 0; i < perClass; i++) {
                Path file = classFolder.resolve(String.format("figure-%03d.png", i));
                BufferedImage image = render(pose, size, random);
                Path temp = Files.createTempFile(classFolder, ".figure", ".tmp");
                try {
                    ImageIO.write(image, "png", temp.toFile());
                    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
        return folder;
    }
}
