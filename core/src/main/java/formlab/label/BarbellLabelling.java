package formlab.label;

import formlab.data.DataOrigin;
import formlab.exercise.ExercisePipeline;
import formlab.imu.ImuDataset;
import formlab.imu.dataset.ImuDatasets;
import formlab.imu.plot.WindowPicture;
import formlab.imu.signal.Window;
import formlab.imu.signal.WindowSettings;
import formlab.model.LabelledData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The barbell IMU recordings set up for labelling: every 4-second window of every normal set with
 * its features, both from the deployed {@link ExercisePipeline} (the windows and features the
 * exercise model is trained on and runs with), split into the labelling pool (all participants but
 * the last) and a fixed evaluation set (the last participant, labels known), plus the recorded
 * labels as an oracle for simulations and a picture of each window for Label Studio.
 */
public final class BarbellLabelling {

    /** Label dataset name. */
    public static final String DATASET = "imu-barbell";
    /** Model name the labelling rounds register. */
    public static final String MODEL = "imu-exercise-al";

    private final DataOrigin origin;
    private final Table features;
    private final List<String> featureNames;
    private final String evaluationGroup;
    private final UnlabelledPool pool;
    private final LabelledData evaluation;
    private final LabelledData labelled;
    private final LabelledData everything;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, String> oracle = new HashMap<>();

    private BarbellLabelling(ImuDataset dataset, ExercisePipeline pipeline) {
        origin = dataset.origin();
        List<Window> all = pipeline.windows(dataset.normalSets());
        features = pipeline.featureTable(all);
        List<String> participants = dataset.participants();
        evaluationGroup = participants.getLast();
        LabelledData table = LabelledData.of(features, "exercise", "participant", "window_start_s");
        everything = table;
        featureNames = table.features();
        List<Integer> poolRows = new ArrayList<>();
        List<Integer> evaluationRows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String id = UnlabelledPool.imuWindowId(features.stringColumn("set_id").get(i), features.doubleColumn("window_start_s").get(i));
            windows.put(id, all.get(i));
            oracle.put(id, features.stringColumn("exercise").get(i));
            (features.stringColumn("participant").get(i).equals(evaluationGroup) ? evaluationRows : poolRows).add(i);
        }
        int[] poolIndex = poolRows.stream().mapToInt(Integer::intValue).toArray();
        pool = UnlabelledPool.fromImuFeatures(features.rows(poolIndex), featureNames);
        labelled = table.rows(poolIndex);
        evaluation = table.rows(evaluationRows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The barbell dataset (real or simulated default); {@code smoke} cuts windows every 3 s instead of every second. */
    public static BarbellLabelling load(boolean smoke) {
        ExercisePipeline pipeline = ExercisePipeline.defaults();
        return new BarbellLabelling(ImuDatasets.barbell(), smoke ? pipeline.withWindow(new WindowSettings(4.0, 3.0)) : pipeline);
    }

    /** Where the recordings came from. */
    public DataOrigin origin() {
        return origin;
    }

    /** Feature names, in model input order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Every window's metadata and features (the pipeline's feature table). */
    public Table features() {
        return features;
    }

    /** The participant whose windows form the evaluation set. */
    public String evaluationGroup() {
        return evaluationGroup;
    }

    /** Windows of every participant but the evaluation one, without labels. */
    public UnlabelledPool pool() {
        return pool;
    }

    /** The pool's windows with their recorded labels (for simulations: label "exercise", group "participant"). */
    public LabelledData labelled() {
        return labelled;
    }

    /** Every window with its recorded label (label "exercise", group "participant", source column "set_id"): for simulations. */
    public LabelledData table() {
        return everything;
    }

    /** The evaluation participant's windows with their recorded labels. */
    public LabelledData evaluation() {
        return evaluation;
    }

    /** Recorded label of every window by item id: the answers a simulated annotator gives. */
    public Map<String, String> oracle() {
        return Map.copyOf(oracle);
    }

    /** The exercise classes. */
    public List<String> classes() {
        List<String> classes = new ArrayList<>(new java.util.TreeSet<>(oracle.values()));
        return List.copyOf(classes);
    }

    /**
     * Pictures of the windows for Label Studio (640 x 360), titled with the participant and where the
     * window starts in its set; not with the set's name, which would give the exercise away.
     */
    public LabelStudioExport.Pictures pictures() {
        return item -> {
            Window window = windows.get(item.id());
            if (window == null) {
                throw new IllegalArgumentException("No IMU window for item '" + item.id() + "'");
            }
            return WindowPicture.draw(window, String.format(java.util.Locale.ROOT, "participant %s, %.0f s into a set",
                    item.group(), window.startSeconds()), 640, 360);
        };
    }
}
