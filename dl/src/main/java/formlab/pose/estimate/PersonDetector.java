package formlab.pose.estimate;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * MediaPipe's BlazePose person detector ({@code pose_detection.tflite}, 224 x 224 input in [-1, 1]).
 * It scores 2254 SSD anchors; each has a box and 4 keypoints, of which keypoint 0 is the hip centre
 * and keypoint 1 the point whose distance from it gives the body's size and direction. The best
 * anchor above {@link #MIN_SCORE} becomes the person's {@link Roi} (square, rotated upright,
 * enlarged 1.25 times as MediaPipe does). Only the best person is kept: the yoga photos show one.
 */
public final class PersonDetector implements AutoCloseable {

    /** Input side in pixels. */
    public static final int SIZE = 224;
    /** Minimum detection score (after the sigmoid), MediaPipe's default. */
    public static final double MIN_SCORE = 0.5;

    private static final int VALUES = 12;
    private static final int ANCHORS = 2254;

    private final TfLiteModel model;
    private final double[][] anchors = anchors();

    /** A detection: score, its region and the hip-centre keypoint in image pixels. */
    public record Detection(double score, Roi roi, Point2D hipCentre) {
    }

    /** Loads the detector model; {@link PoseModelException} names {@code make pose-models} when it is missing. */
    public PersonDetector(Path file, int threads) {
        this.model = new TfLiteModel(file, threads);
        if (model.inputs().getFirst().size() != SIZE * SIZE * 3 || model.outputs().size() != 2
                || model.outputs().get(0).size() != ANCHORS * VALUES || model.outputs().get(1).size() != ANCHORS) {
            model.close();
            throw new PoseModelException(file + ": expected a BlazePose detector with input [1,224,224,3] and outputs [1,2254,12], [1,2254,1]; got "
                    + model.inputs() + " -> " + model.outputs());
        }
    }

    /** The most confident person in {@code image}, if any scores at least {@link #MIN_SCORE}. */
    public Optional<Detection> detect(BufferedImage image) {
        return detect(new formlab.image.Halvings(image));
    }

    /** As {@link #detect(BufferedImage)}, on the image of {@code image}, sharing its halving steps. */
    public Optional<Detection> detect(formlab.image.Halvings image) {
        Roi frame = Roi.wholeImage(image.given().getWidth(), image.given().getHeight());
        float[][] out = model.run(Roi.tensor(frame.crop(image, SIZE), -1f, 1f));
        int best = -1;
        double bestLogit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ANCHORS; i++) {
            if (out[1][i] > bestLogit) {
                bestLogit = out[1][i];
                best = i;
            }
        }
        double score = sigmoid(Math.max(-100, Math.min(100, bestLogit)));
        if (best < 0 || score < MIN_SCORE) {
            return Optional.empty();
        }
        Point2D hip = keypoint(out[0], best, 0, frame);
        Point2D scale = keypoint(out[0], best, 1, frame);
        return Optional.of(new Detection(score, Roi.fromAlignment(hip, scale, 1.25), hip));
    }

    private Point2D keypoint(float[] raw, int anchor, int k, Roi frame) {
        double x = raw[anchor * VALUES + 4 + 2 * k] / SIZE + anchors[anchor][0];
        double y = raw[anchor * VALUES + 5 + 2 * k] / SIZE + anchors[anchor][1];
        return frame.toImage(x * SIZE, y * SIZE, SIZE);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Anchor centres (normalised) of MediaPipe's pose detector: strides 8, 16, 32, 32, 32, two
     * anchors per cell, layers with the same stride merged (28*28*2 + 14*14*2 + 7*7*6 = 2254).
     */
    static double[][] anchors() {
        double[][] result = new double[ANCHORS][];
        int n = 0;
        int[][] groups = {{8, 2}, {16, 2}, {32, 6}};
        for (int[] group : groups) {
            int cells = (int) Math.ceil((double) SIZE / group[0]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < group[1]; a++) {
                        result[n++] = new double[] {(x + 0.5) / cells, (y + 0.5) / cells};
                    }
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        model.close();
    }
}
