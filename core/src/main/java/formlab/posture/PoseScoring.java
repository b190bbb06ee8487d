package formlab.posture;

import formlab.model.Classifier;
import formlab.pose.io.PosePilotReader;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Scores landmark files of the PosePilot layout ({@code 0..131,asana}) with a trained pose
 * model: the entry behind a {@code formlab score-pose <file>} command. The file's own asana
 * column is read (the layout requires it) but not used for the verdict.
 */
public final class PoseScoring {

    private PoseScoring() {
    }

    /** The pose and confidence (share of frames voting for it) of one landmark file. */
    public static SequenceScore score(Path file, Classifier model) {
        return PoseClassifier.of(model).score(new PosePilotReader().read(file).sequence());
    }

    /**
     * Scores {@code file} with the yoga-pose model of {@code registry}: the production version if
     * one is promoted, else the latest registered version.
     *
     * @throws IllegalStateException when no {@value YogaPoseModel#REGISTRY_NAME} model is registered
     */
    public static SequenceScore score(Path file, ModelRegistry registry) throws IOException {
        return score(file, yogaModel(registry));
    }

    /** The registry's yoga-pose model: production if promoted, else the latest version. */
    public static Classifier yogaModel(ModelRegistry registry) throws IOException {
        String name = YogaPoseModel.REGISTRY_NAME;
        int version = registry.preferred(name).orElseThrow(() -> new IllegalStateException("No '" + name
                + "' model in " + registry.root() + ": run notebook 3.2 (or YogaPoseModel.trainingRun) to register one"))
                .version();
        return registry.load(name, version);
    }

    /** One row per file: file, predicted pose, confidence, mean probability, frames. */
    public static Table score(List<Path> files, Classifier model) {
        PoseClassifier classifier = PoseClassifier.of(model);
        PosePilotReader reader = new PosePilotReader();
        StringColumn file = StringColumn.create("file");
        StringColumn pose = StringColumn.create("pose");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        DoubleColumn probability = DoubleColumn.create("mean probability");
        IntColumn frames = IntColumn.create("frames");
        for (Path path : files) {
            SequenceScore score = classifier.score(reader.read(path).sequence());
            file.append(path.toString());
            pose.append(score.label());
            confidence.append(score.confidence());
            probability.append(score.meanProbability());
            frames.append(score.frames());
        }
        return Table.create("Pose scores").addColumns(file, pose, confidence, probability, frames);
    }
}
