package formlab.server;

import formlab.posture.SquatReps;

/**
 * The squat-phase classifier and hip-height thresholds of {@code formlab pose-from-video --squat}
 * ({@link SquatReps#standard()}), trained once, on first use, and shared by every endpoint that counts squats.
 */
final class SquatModel {

    private SquatReps squats;

    /** The trained counter (trains it on the first call). */
    synchronized SquatReps get() {
        if (squats == null) {
            squats = SquatReps.standard();
        }
        return squats;
    }
}
