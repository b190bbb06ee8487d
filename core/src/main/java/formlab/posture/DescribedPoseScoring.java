package formlab.posture;

import formlab.dataset.DescriptionHash;
import formlab.dataset.LoadedDescription;
import formlab.model.Classifier;
import formlab.model.Prediction;
import formlab.pose.io.DescribedPose;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs the models that {@code formlab train --dataset D} registers for a landmark dataset over its
 * sequences: the class of each sequence (the highest mean window probability, as the evaluation
 * votes) and, with a repetition counter of {@code train --dataset D --task reps}, its repetitions
 * counted for the class just predicted (no true class is used).
 */
public final class DescribedPoseScoring {

    private DescribedPoseScoring() {
    }

    /**
     * A registered sequence classifier with the window settings it was trained on.
     *
     * @param card       its card
     * @param classifier the window classifier
     * @param settings   the windows it reads (the card's {@code window} and {@code step})
     */
    public record ClassModel(ModelCard card, Classifier classifier, PoseDatasetTraining.Settings settings) {

        /**
         * Loads {@code NAME} or {@code NAME:VERSION} of {@code registry}.
         *
         * @throws IllegalArgumentException when there is no such model, or its card is not one of a landmark
         *                                  dataset's sequence classifier (no description, window or step)
         */
        public static ClassModel load(ModelRegistry registry, String spec) throws IOException {
            ModelCard card = registry.find(spec, "formlab train --dataset D");
            Map<String, Object> pipeline = card.recipe().pipeline();
            if (!(pipeline.get("description") instanceof String)
                    || !(pipeline.get("window") instanceof Number window) || !(pipeline.get("step") instanceof Number step)) {
                throw new IllegalArgumentException(card.id() + " is not a landmark sequence classifier of train --dataset"
                        + " (its card has no description, window and step)");
            }
            PoseDatasetTraining.Settings defaults = PoseDatasetTraining.Settings.defaults();
            return new ClassModel(card, registry.load(card.name(), card.version()),
                    new PoseDatasetTraining.Settings(window.intValue(), step.intValue(), defaults.trees(), defaults.seed()));
        }

        /** The description this model was trained on (its name on the card). */
        public String description() {
            return String.valueOf(card.recipe().pipeline().get("description"));
        }

        /** A warning when {@code description} changed since this model was trained (see {@link DescriptionHash#changedSince}). */
        public Optional<String> descriptionWarning(LoadedDescription description) {
            return DescriptionHash.changedSince(card.id(), description(),
                    String.valueOf(card.recipe().pipeline().get("descriptionSha256")), description);
        }
    }

    /**
     * One scored sequence.
     *
     * @param pose       the sequence
     * @param label      the class with the highest mean window probability; {@code null} when the
     *                   sequence has fewer than 2 detected frames (nothing to classify)
     * @param confidence that mean probability (0 when not classified)
     * @param reps       repetitions counted for {@code label}, when a counter was given and a label found
     */
    public record Scored(DescribedPose pose, String label, double confidence, Optional<Integer> reps) {

        /** The description's repetition count of the sequence (its annotated repetitions), or -1 when none. */
        public int trueReps() {
            return pose.repetitions().isEmpty() ? -1 : pose.repetitions().size();
        }
    }

    /**
     * Scores every sequence.
     *
     * @param counter a registered repetition counter, or empty to classify only
     */
    public static List<Scored> score(ClassModel model, Optional<SalientPoseCounter> counter, List<DescribedPose> poses) {
        List<Scored> scored = new ArrayList<>(poses.size());
        for (DescribedPose pose : poses) {
            if (!PoseDatasetTraining.classifiable(pose)) {
                scored.add(new Scored(pose, null, 0, Optional.empty()));
                continue;
            }
            Prediction prediction = Prediction.of(model.classifier().classes(),
                    PoseDatasetTraining.probabilities(model.classifier(), pose, model.settings()));
            String label = prediction.label();
            scored.add(new Scored(pose, label, prediction.confidence(), counter.map(c -> c.count(pose.frames(), label))));
        }
        return scored;
    }

    /**
     * The counts of the scored sequences whose description gives a repetition count, as the
     * leave-one-subject-out evaluation reports them (relative MAE, within one, exact).
     */
    public static PoseRepCountEvaluation counts(List<Scored> scored, SalientPoseCounter counter) {
        List<PoseRepCountEvaluation.Row> rows = new ArrayList<>();
        for (Scored s : scored) {
            if (s.trueReps() > 0 && s.reps().isPresent()) {
                rows.add(new PoseRepCountEvaluation.Row(s.pose().id(), s.pose().subject(), s.pose().label(), s.trueReps(),
                        s.reps().get(), s.label(), counter.thresholds(s.label())));
            }
        }
        return new PoseRepCountEvaluation(rows);
    }

    /**
     * One row per sequence: sequence, subject, label (empty when not classified), confidence,
     * true_label, reps and true_reps (-1 when not counted or not known).
     */
    public static Table table(List<Scored> scored) {
        StringColumn sequence = StringColumn.create("sequence");
        StringColumn subject = StringColumn.create("subject");
        StringColumn label = StringColumn.create("label");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        StringColumn trueLabel = StringColumn.create("true_label");
        IntColumn reps = IntColumn.create("reps");
        IntColumn trueReps = IntColumn.create("true_reps");
        for (Scored s : scored) {
            sequence.append(s.pose().id());
            subject.append(s.pose().subject());
            label.append(s.label() == null ? "" : s.label());
            confidence.append(Math.round(s.confidence() * 1000) / 1000.0);
            trueLabel.append(s.pose().label() == null ? "" : s.pose().label());
            reps.append(s.reps().orElse(-1));
            trueReps.append(s.trueReps());
        }
        return Table.create("scored sequences", sequence, subject, label, confidence, trueLabel, reps, trueReps);
    }
}
