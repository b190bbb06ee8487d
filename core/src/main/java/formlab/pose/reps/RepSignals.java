package formlab.pose.reps;

import formlab.pose.BodyPoint;
import formlab.pose.JointAngle;
import formlab.pose.Pose;
import formlab.pose.PoseGeometry;
import formlab.pose.PoseGeometry.Dimension;
import formlab.pose.PoseSequence;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One-dimensional signals of a pose sequence to count repetitions in.
 *
 * <p>For squats, {@link #hipHeight(Pose)} works from the front and from the side, while the 2D
 * knee angle does not: seen from the front a bent knee points at the camera and its image-plane
 * angle stays near 150-170 degrees through the whole squat.
 */
public final class RepSignals {

    private RepSignals() {
    }

    /**
     * Height of the hip centre above the ankle centre, in torso lengths (image plane). In the
     * exercise-correction squat videos 95 % of the standing frames are above 1.3 and the bottom of
     * a squat is below 1; it depends on the camera angle, so thresholds are learnt per recording
     * setup ({@link HysteresisRepCounter#thresholds}). NaN when a hip, ankle or shoulder is missing.
     */
    public static double hipHeight(Pose pose) {
        Optional<Double> height = BodyPoint.HIP_CENTRE.in(pose).flatMap(hip -> BodyPoint.ANKLE_CENTRE.in(pose)
                .map(ankle -> ankle.y() - hip.y()));
        double torso = PoseGeometry.torsoLength(pose, Dimension.TWO_D);
        return height.isPresent() && torso > 0 ? height.get() / torso : Double.NaN;
    }

    /** Mean of the left and right knee angles (degrees); NaN when either is missing. */
    public static double meanKneeAngle(Pose pose, Dimension dimension) {
        return (JointAngle.LEFT_KNEE.of(pose, dimension) + JointAngle.RIGHT_KNEE.of(pose, dimension)) / 2;
    }

    /** {@code signal} of every frame of {@code sequence}. */
    public static double[] of(PoseSequence sequence, ToDoubleFunction<Pose> signal) {
        return sequence.frames().stream().mapToDouble(frame -> signal.applyAsDouble(frame.pose())).toArray();
    }

    /**
     * Centred moving average over {@code window} frames (half on each side, cut at the ends), averaging
     * only the finite values in the window; NaN where the frame itself is not finite.
     */
    public static double[] movingAverage(double[] x, int window) {
        double[] out = new double[x.length];
        int half = window / 2;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                out[t] = Double.NaN;
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, t - half); k <= Math.min(x.length - 1, t + half); k++) {
                if (Double.isFinite(x[k])) {
                    sum += x[k];
                    n++;
                }
            }
            out[t] = sum / n;
        }
        return out;
    }
}
