package formlab.pose.estimate;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;

/**
 * MediaPipe's BlazePose GHUM landmark model ({@code pose_landmark_{lite,full,heavy}.tflite}):
 * a 256 x 256 RGB crop in [0, 1] in, 39 landmarks x (x, y, z, visibility logit, presence logit) out
 * (33 body landmarks + 2 alignment points + 4 unused), plus a person-presence probability.
 * Output tensors are checked by size at load time: [195] landmarks and [1] presence.
 */
public final class LandmarkModel implements AutoCloseable {

    /** Input side in pixels. */
    public static final int SIZE = 256;
    private static final int POINTS = 39;
    private static final int VALUES = 5;

    private final TfLiteModel model;
    private final int landmarksOutput;
    private final int scoreOutput;

    /** The landmarks of one crop, before mapping to an image. */
    record Raw(float[] landmarks, double poseScore) {
        double value(int point, int field) {
            return landmarks[point * VALUES + field];
        }
    }

    /** Loads the model; {@link PoseModelException} names {@code make pose-models} when it is missing. */
    public LandmarkModel(Path file, int threads) {
        this.model = new TfLiteModel(file, threads);
        this.landmarksOutput = outputOfSize(POINTS * VALUES);
        this.scoreOutput = outputOfSize(1);
        if (model.inputs().getFirst().size() != SIZE * SIZE * 3 || landmarksOutput < 0 || scoreOutput < 0) {
            model.close();
            throw new PoseModelException(file + ": expected a BlazePose landmark model with input [1,256,256,3] and outputs [1,195], [1,1]; got "
                    + model.inputs() + " -> " + model.outputs());
        }
    }

    private int outputOfSize(int size) {
        for (int i = 0; i < model.outputs().size(); i++) {
            if (model.outputs().get(i).size() == size) {
                return i;
            }
        }
        return -1;
    }

    Raw run(BufferedImage image, Roi roi) {
        return run(new formlab.image.Halvings(image), roi);
    }

    Raw run(formlab.image.Halvings image, Roi roi) {
        float[][] out = model.run(Roi.tensor(roi.crop(image, SIZE), 0f, 1f));
        return new Raw(out[landmarksOutput], out[scoreOutput][0]);
    }

    /** Alignment point {@code k} (0 = hip centre, 1 = size/direction point) of a run, in image pixels. */
    static Point2D alignment(Raw raw, Roi roi, int k) {
        int point = Joint.COUNT + k;
        return roi.toImage(raw.value(point, 0), raw.value(point, 1), SIZE);
    }

    /** The 33 landmarks of a run mapped back to the image. */
    static LandmarkEstimate toEstimate(Raw raw, Roi roi, boolean detected, int width, int height) {
        Pose.Builder builder = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        double[] presence = new double[Joint.COUNT];
        for (Joint joint : Joint.values()) {
            int i = joint.index();
            Point2D p = roi.toImage(raw.value(i, 0), raw.value(i, 1), SIZE);
            // z is on the crop's x scale; MediaPipe rescales it like x to the image.
            double z = raw.value(i, 2) / SIZE * roi.side() / width;
            builder.set(joint, p.getX() / width, p.getY() / height, z, PersonDetector.sigmoid(raw.value(i, 3)));
            presence[i] = PersonDetector.sigmoid(raw.value(i, 4));
        }
        return new LandmarkEstimate(builder.build(), presence, raw.poseScore(), roi, detected, width, height);
    }

    @Override
    public void close() {
        model.close();
    }
}
