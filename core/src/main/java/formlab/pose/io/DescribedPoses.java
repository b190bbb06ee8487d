package formlab.pose.io;

import formlab.dataset.DatasetCheck;
import formlab.dataset.DatasetReport;
import formlab.dataset.LandmarkRows;
import formlab.dataset.LoadedDescription;
import formlab.dataset.Recording;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the landmark sequences of a pose dataset from its description: the recordings
 * {@link DatasetCheck} finds, each with its subject and class, its landmarks as the description lays
 * them out ({@link LandmarkRows}) and its annotated repetitions. Refuses a dataset whose check finds
 * errors, or a recording without subject, naming the file; training and evaluation also refuse one
 * without class, scoring takes it with no class.
 */
public final class DescribedPoses {

    private DescribedPoses() {
    }

    /**
     * Every recording of the dataset {@code loaded} describes, each with its class (for training and
     * evaluation).
     *
     * @throws IllegalArgumentException when the description is no pose description, the check finds
     *                                  files that do not fit it, or a recording lacks subject or class
     * @throws IOException              when a file cannot be read
     */
    public static List<DescribedPose> load(LoadedDescription loaded) throws IOException {
        return load(loaded, true);
    }

    /**
     * Every recording of the dataset {@code loaded} describes, for scoring: a recording without class
     * (a new, unlabelled one) has {@link DescribedPose#label()} {@code null}.
     *
     * @throws IllegalArgumentException when the description is no pose description, the check finds
     *                                  files that do not fit it, or a recording lacks subject
     * @throws IOException              when a file cannot be read
     */
    public static List<DescribedPose> loadUnlabelled(LoadedDescription loaded) throws IOException {
        return load(loaded, false);
    }

    private static List<DescribedPose> load(LoadedDescription loaded, boolean requireClass) throws IOException {
        if (!loaded.description().modality().equals("pose")) {
            throw new IllegalArgumentException("description " + loaded.file() + " is of modality '"
                    + loaded.description().modality() + "', not pose");
        }
        DatasetReport report = DatasetCheck.run(loaded);
        if (!report.ok()) {
            throw new IllegalArgumentException("dataset " + loaded.description().name() + ": " + report.errors().size()
                    + " files do not fit the description " + loaded.file() + "; first: " + report.errors().getFirst()
                    + " (run formlab dataset check for all)");
        }
        List<String> coordinates = LandmarkRows.coordinates(loaded);
        List<DescribedPose> poses = new ArrayList<>();
        for (Recording recording : report.recordings()) {
            String file = recording.files().getFirst();
            String subject = report.subjectOf(recording);
            String label = report.classOf(recording);
            Map<String, Integer> columnClasses = report.columnClassesOf(recording);
            if (label == null && columnClasses.size() == 1) { // a label column holding one class names the sequence's
                label = columnClasses.keySet().iterator().next();
            } else if (label == null && columnClasses.size() > 1 && requireClass) {
                throw new IllegalArgumentException(file + ": its label column (labels.classColumn of " + loaded.file()
                        + ") holds " + columnClasses.size() + " classes " + columnClasses + " (rows); a landmark sequence"
                        + " has one class: give each class its own file");
            }
            if (subject == null) {
                throw new IllegalArgumentException(file + ": no subject (labels.subject of " + loaded.file()
                        + "); evaluation splits by subject");
            }
            if (label == null && requireClass) {
                throw new IllegalArgumentException(file + ": no class (labels.class, labels.classColumn or an annotation's"
                        + " labelColumn of " + loaded.file() + ")");
            }
            poses.add(new DescribedPose(recording.id(), file, subject, label, LandmarkRows.read(loaded, recording),
                    coordinates, recording.repetitions()));
        }
        return poses;
    }
}
