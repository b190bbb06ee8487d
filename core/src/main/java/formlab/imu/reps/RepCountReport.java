package formlab.imu.reps;

import formlab.imu.ImuDataset;
import formlab.imu.dataset.ImuDatasets;

/**
 * Prints the leave-one-participant-out repetition-count evaluation of the barbell dataset (real
 * when {@code FORMLAB_DATA_DIR} holds it, else simulated), per set and in summary:
 * {@code java -cp "app/target/dependency/*" formlab.imu.reps.RepCountReport}.
 */
public final class RepCountReport {

    private RepCountReport() {
    }

    /** Runs the evaluation and prints it. */
    public static void main(String[] args) {
        ImuDataset dataset = ImuDatasets.barbell();
        System.out.println(dataset.origin().summary());
        RepCountEvaluation evaluation = RepCountEvaluation.leaveOneParticipantOut(dataset.recordings(), RepCountSearch.defaults());
        System.out.println(evaluation.perSet().printAll());
        System.out.println(evaluation.perExercise().printAll());
        System.out.println("learned (leave one participant out): " + evaluation.learned());
        System.out.println("baseline (0.4 Hz, most-variance axis): " + evaluation.baseline());
        System.out.println();
        System.out.println("Rules learned on all sets (what RepCountModel.fit gives for deployment):");
        System.out.println(RepCountModel.fit(dataset.recordings(), RepCountSearch.defaults()));
    }
}
