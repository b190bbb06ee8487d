package formlab.cli;

import formlab.data.DataFileException;
import formlab.dataset.DatasetDescriptions;
import formlab.dataset.DescriptionException;
import formlab.dataset.LoadedDescription;
import formlab.options.Args;
import formlab.options.InputException;
import formlab.options.UsageException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code formlab train --dataset D} and {@code formlab evaluate --dataset D}: D is a description file,
 * a dataset folder or a built-in description's name (as for {@code dataset check}); the description's
 * modality picks the commands: {@code imu} {@link ImuDatasetCommands}, {@code pose} {@link PoseDatasetCommands}.
 */
final class DatasetCommands {

    /** Usage lines shared by train and evaluate. */
    static final String HELP = String.join("\n",
            "  --dataset D      a dataset description: a file, a dataset folder holding formlab-dataset.json, or a built-in",
            "                   description's name (folder under FORMLAB_DATA_DIR); see docs/dataset-descriptions.md",
            "  IMU descriptions (leave-one-subject-out):",
            "  --task exercise|quality|reps   the recording's class per window (default), each annotated repetition's",
            "                            quality, or (evaluate only) repetition counts against the description's counts",
            "  --units all|UNIT|best     sensor units read: all (default), one by name, or the best single unit chosen",
            "                            inside each training fold (never on the tested subject)",
            "  --features all|robust|posture|motion   the pipeline's features the forest sees (default all; robust:",
            "                            magnitudes, gravity-frame channels and orientation, independent of how a unit is",
            "                            mounted; posture: magnitudes and orientation; motion: movement relative to gravity)",
            "  --window S --step S       window length and step in seconds (default 4 and 1; exercise task)",
            "  --trees N                 random-forest trees (default 100)",
            "  --search                  nested leave-one-subject-out: window length (--window, half and one and a half",
            "                            times it) and feature set (all, robust, posture) chosen inside each training fold",
            "                            (exercise task; train then chooses over every subject and registers the choice)",
            "  --pauses-as-rest          label windows wholly between annotated repetitions (of recordings whose every",
            "                            repetition is annotated) 'rest': the live tracker then learns rest from the dataset's",
            "                            own pauses (for descriptions without a noExercise class)",
            "  --json                    print the numbers as one JSON object",
            PoseDatasetCommands.OPTIONS_HELP);

    private DatasetCommands() {
    }

    /**
     * The description named by {@code --dataset}: a usage error when there is none such, an
     * {@link InputException} (exit 2 without the usage text) when it cannot be read.
     */
    static LoadedDescription locate(String argument) {
        try {
            return DatasetDescriptions.locate(argument);
        } catch (DescriptionException e) {
            throw new InputException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dataset: " + e.getMessage());
        }
    }

    /** {@code formlab train --dataset D ...}. */
    static int train(String dataset, Args args, PrintStream out) throws IOException {
        return run(dataset, d -> ImuDatasetCommands.train(d, args, out), d -> PoseDatasetCommands.train(d, args, out));
    }

    /** {@code formlab evaluate --dataset D ...}. */
    static int evaluate(String dataset, Args args, PrintStream out) throws IOException {
        return run(dataset, d -> ImuDatasetCommands.evaluate(d, args, out), d -> PoseDatasetCommands.evaluate(d, args, out));
    }

    /** {@code formlab score --dataset D ...}: recordings of an IMU description, sequences of a landmark one. */
    static int score(String dataset, Args args, PrintStream out) throws IOException {
        return run(dataset, d -> ImuDatasetScoring.score(d, args, out), d -> PoseDatasetScoring.score(d, args, out));
    }

    /** {@code formlab reps --dataset D ...}: the dataset's own repetition counter, leave-one-subject-out. */
    static int reps(String dataset, Args args, PrintStream out) throws IOException {
        return run(dataset, d -> ImuDatasetCommands.reps(d, args, out), d -> PoseRepCommands.evaluate(d, args, out));
    }

    /** {@code formlab replay --dataset D --recording ID ...}: a recording of an IMU description, a sequence of a landmark one. */
    static int replay(String dataset, Args args, PrintStream out) throws IOException {
        return run(dataset, d -> ImuDatasetScoring.replay(d, args, out), d -> PoseDatasetScoring.replay(d, args, out));
    }

    /** A command on a loaded description. */
    private interface OnDescription {
        int run(LoadedDescription description) throws IOException;
    }

    /**
     * Runs {@code imu} or {@code pose} on the description {@code dataset} names, by its modality; a data
     * file that breaks its format is an {@link InputException} (exit 2 without the usage text).
     */
    private static int run(String dataset, OnDescription imu, OnDescription pose) throws IOException {
        LoadedDescription description = locate(dataset);
        try {
            return modality(description).equals("imu") ? imu.run(description) : pose.run(description);
        } catch (DataFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static String modality(LoadedDescription description) {
        String modality = description.description().modality();
        if (!modality.equals("imu") && !modality.equals("pose")) {
            throw new UsageException(description.file() + ": modality '" + modality + "': train, evaluate, score, reps and"
                    + " replay --dataset take imu or pose descriptions (images: formlab train-image-cnn)");
        }
        return modality;
    }
}
