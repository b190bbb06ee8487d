package formlab.imu.sim;

import formlab.imu.Exercise;

/**
 * How one exercise moves a wrist-worn sensor, in the sensor's own frame.
 *
 * @param exercise           the exercise
 * @param up                 unit vector "up" in the sensor frame while holding the bar in the start
 *                           position: what the accelerometer reads at rest (taken from the mean
 *                           orientation of the real recordings)
 * @param rotationAxis       unit axis (sensor frame) the wrist turns about during a repetition
 * @param horizontal         unit vector (sensor frame, orthogonal to {@code up}) of the bar's sideways path
 * @param periodSeconds      typical duration of one repetition at medium load
 * @param upFirst            true when a repetition starts by lifting (deadlift, row, press), false
 *                           when it starts by lowering (bench, squat)
 * @param firstPhaseFraction fraction of the repetition spent in its first half (lowering is slower)
 * @param verticalG          peak vertical acceleration of the bar, in g
 * @param horizontalG        peak sideways acceleration, in g
 * @param rotationDegrees    peak wrist rotation during a repetition, in degrees
 */
public record ExerciseMotion(Exercise exercise, double[] up, double[] rotationAxis, double[] horizontal,
                             double periodSeconds, boolean upFirst, double firstPhaseFraction, double verticalG,
                             double horizontalG, double rotationDegrees) {

    /** The motion of {@code exercise} (rest has no repetitions: its entry only gives an orientation). */
    public static ExerciseMotion of(Exercise exercise) {
        return switch (exercise) {
            case BENCH -> new ExerciseMotion(exercise, unit(-0.12, 0.95, -0.18), unit(1, 0.45, 1), unit(1, 0.1, 0),
                    2.3, false, 0.58, 0.28, 0.06, 28);
            case DEAD -> new ExerciseMotion(exercise, unit(0.04, -1.0, 0.0), unit(1, 0.45, 0.35), unit(0, 0, 1),
                    2.7, true, 0.48, 0.30, 0.12, 30);
            case OHP -> new ExerciseMotion(exercise, unit(-0.21, 0.94, -0.1), unit(0.8, 0.4, 1), unit(0, 0.1, 1),
                    2.2, true, 0.45, 0.30, 0.08, 40);
            case ROW -> new ExerciseMotion(exercise, unit(0.07, -1.0, 0.05), unit(1, 0.55, 0.5), unit(0, 0.05, 1),
                    1.8, true, 0.42, 0.42, 0.10, 45);
            case SQUAT -> new ExerciseMotion(exercise, unit(0.15, 0.62, 0.73), unit(1, 0.4, 0.35), unit(1, 0, -0.2),
                    2.7, false, 0.55, 0.17, 0.04, 20);
            case REST -> new ExerciseMotion(exercise, unit(0.79, -0.27, 0.21), unit(0, 0, 1), unit(0, 0, 1),
                    0, false, 0.5, 0, 0, 0);
        };
    }

    /** Orientation of a standing rest (arm hanging), as opposed to {@link #of}(REST), which is sitting. */
    public static double[] standingUp() {
        return unit(0.25, -0.73, 0.38);
    }

    static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
