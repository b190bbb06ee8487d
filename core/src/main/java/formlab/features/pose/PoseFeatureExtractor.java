package formlab.features.pose;

import formlab.pose.Pose;
import formlab.pose.PoseNormalizer;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The one entry point from poses to features. Each frame is normalised with a
 * {@link PoseNormalizer}, measured with a {@link PoseFeatureSet}, and optionally summarised over
 * causal windows ({@link CausalPooling}: only the current and earlier frames of the same
 * sequence).
 *
 * <p>Two paths give the same numbers in the same order ({@link #names()}):
 * {@link #table(String, List)} for a batch of sequences (a Tablesaw table with feature columns
 * followed by metadata columns), and {@link #stream()} for one live sequence, frame by frame.
 * A frame that cannot be normalised (no torso) yields NaN features.
 */
public final class PoseFeatureExtractor {

    /** Metadata column: label of the frame (or of its sequence). */
    public static final String LABEL = "label";
    /** Metadata column: participant id ("" when unknown). */
    public static final String PARTICIPANT = "participant";
    /** Metadata column: camera id ("" when unknown). */
    public static final String CAMERA = "camera";
    /** Metadata column: the sequence id (e.g. {@code tree/cam_1/P2}), one per video or file. */
    public static final String SEQUENCE = "sequence";
    /** Metadata column: the source file. */
    public static final String FILE = "file";
    /** Metadata column: frame index within the source. */
    public static final String FRAME = "frame";

    /** The metadata columns, in table order after the features. */
    public static final List<String> METADATA = List.of(LABEL, PARTICIPANT, CAMERA, SEQUENCE, FILE, FRAME);

    private final PoseNormalizer normalizer;
    private final PoseFeatureSet features;
    private final List<CausalPooling> poolings;
    private final List<String> names;

    /**
     * @param normalizer how poses are brought to body space
     * @param features   per-frame features
     * @param poolings   causal window summaries appended after the per-frame features (may be empty)
     */
    public PoseFeatureExtractor(PoseNormalizer normalizer, PoseFeatureSet features, List<CausalPooling> poolings) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.features = Objects.requireNonNull(features, "features");
        this.poolings = List.copyOf(poolings);
        List<String> all = new ArrayList<>(features.names());
        for (CausalPooling pooling : this.poolings) {
            all.addAll(pooling.names(features.names()));
        }
        this.names = List.copyOf(all);
    }

    private static final Pattern POOLED = Pattern.compile("(.+)_(mean|std|min|max)_(w(\\d+)|all)");

    /**
     * The smallest extractor (default normalisation, features of {@link PoseFeatureSet#standard()},
     * causal windows as named) whose {@link #names()} include every one of {@code featureNames}.
     * A saved model only records its feature names; this rebuilds the features it needs.
     *
     * @throws IllegalArgumentException for a name that is neither a standard feature nor a pooled one
     */
    public static PoseFeatureExtractor covering(List<String> featureNames) {
        PoseFeatureSet standard = PoseFeatureSet.standard();
        Set<String> known = Set.copyOf(standard.names());
        Set<String> bases = new LinkedHashSet<>();
        Map<Integer, Set<CausalPooling.Stat>> windows = new LinkedHashMap<>();
        for (String name : featureNames) {
            if (known.contains(name)) {
                bases.add(name);
                continue;
            }
            Matcher m = POOLED.matcher(name);
            if (!m.matches() || !known.contains(m.group(1))) {
                throw new IllegalArgumentException("'" + name + "' is not a pose feature: expected a name of "
                        + "PoseFeatureSet.standard(), optionally followed by _<mean|std|min|max>_<wN|all>");
            }
            bases.add(m.group(1));
            int window = m.group(4) == null ? CausalPooling.EXPANDING : Integer.parseInt(m.group(4));
            windows.computeIfAbsent(window, w -> EnumSet.noneOf(CausalPooling.Stat.class))
                    .add(CausalPooling.Stat.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
        }
        PoseFeatureSet set = new PoseFeatureSet(standard.features().stream().filter(f -> bases.contains(f.name())).toList());
        List<CausalPooling> poolings = new ArrayList<>();
        windows.forEach((window, stats) -> poolings.add(new CausalPooling(window, stats)));
        return new PoseFeatureExtractor(PoseNormalizer.DEFAULT, set, poolings);
    }

    /**
     * Where each of {@code featureNames} sits in {@link #names()}, to pick a model's inputs out of
     * this extractor's vectors.
     *
     * @throws IllegalArgumentException when a name is not produced by this extractor
     */
    public int[] indicesOf(List<String> featureNames) {
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i), i);
        }
        int[] indices = new int[featureNames.size()];
        for (int i = 0; i < indices.length; i++) {
            Integer at = position.get(featureNames.get(i));
            if (at == null) {
                throw new IllegalArgumentException("This extractor does not produce feature '" + featureNames.get(i) + "'");
            }
            indices[i] = at;
        }
        return indices;
    }

    /** Per-frame features only: default normalisation, every feature in 2D and 3D. */
    public static PoseFeatureExtractor perFrame() {
        return new PoseFeatureExtractor(PoseNormalizer.DEFAULT, PoseFeatureSet.standard(), List.of());
    }

    /** The per-frame features. */
    public PoseFeatureSet features() {
        return features;
    }

    /** The normaliser. */
    public PoseNormalizer normalizer() {
        return normalizer;
    }

    /** The causal poolings. */
    public List<CausalPooling> poolings() {
        return poolings;
    }

    /** Output feature names: per-frame features, then each pooling's names. */
    public List<String> names() {
        return names;
    }

    /** Per-frame features of one pose (no pooling), ordered as {@link PoseFeatureSet#names()}. */
    public double[] frame(Pose pose) {
        return normalizer.normalise(pose).map(features::compute).orElseGet(() -> nans(features.size()));
    }

    /** A streaming state for one sequence: push poses in time order, get {@link #names()}-ordered vectors. */
    public Stream stream() {
        return new Stream();
    }

    /** Features of every frame of one sequence, rows ordered as frames, columns as {@link #names()}. */
    public double[][] sequence(PoseSequence sequence) {
        Stream stream = stream();
        double[][] rows = new double[sequence.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = stream.push(sequence.frames().get(i).pose());
        }
        return rows;
    }

    /**
     * A table with one row per frame of every sequence: the {@link #names()} columns, then the
     * {@link #METADATA} columns. Pooling restarts at each sequence.
     */
    public Table table(String name, List<PoseSequence> sequences) {
        int rows = sequences.stream().mapToInt(PoseSequence::size).sum();
        double[][] columns = new double[names.size()][rows];
        String[] label = new String[rows];
        String[] participant = new String[rows];
        String[] camera = new String[rows];
        String[] sequenceId = new String[rows];
        String[] file = new String[rows];
        int[] frame = new int[rows];
        int row = 0;
        for (PoseSequence sequence : sequences) {
            double[][] values = sequence(sequence);
            SequenceInfo info = sequence.info();
            for (int i = 0; i < values.length; i++, row++) {
                for (int j = 0; j < values[i].length; j++) {
                    columns[j][row] = values[i][j];
                }
                label[row] = Objects.requireNonNullElse(sequence.labelOf(i), "");
                participant[row] = Objects.requireNonNullElse(info.participant(), "");
                camera[row] = Objects.requireNonNullElse(info.camera(), "");
                sequenceId[row] = info.id();
                file[row] = info.source().toString();
                frame[row] = sequence.frames().get(i).index();
            }
        }
        Table table = Table.create(name);
        for (int j = 0; j < names.size(); j++) {
            table.addColumns(DoubleColumn.create(names.get(j), columns[j]));
        }
        table.addColumns(StringColumn.create(LABEL, label), StringColumn.create(PARTICIPANT, participant),
                StringColumn.create(CAMERA, camera), StringColumn.create(SEQUENCE, sequenceId),
                StringColumn.create(FILE, file), IntColumn.create(FRAME, frame));
        return table;
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Frame-by-frame features of one live sequence, including the causal window summaries. */
    public final class Stream {

        private final List<CausalPooling.Window> windows = new ArrayList<>();

        private Stream() {
            for (CausalPooling pooling : poolings) {
                windows.add(pooling.start(features.size()));
            }
        }

        /** Adds the next pose and returns its features, ordered as {@link #names()}. */
        public double[] push(Pose pose) {
            double[] base = frame(pose);
            double[] out = new double[names.size()];
            System.arraycopy(base, 0, out, 0, base.length);
            int at = base.length;
            for (CausalPooling.Window window : windows) {
                double[] pooled = window.push(base);
                System.arraycopy(pooled, 0, out, at, pooled.length);
                at += pooled.length;
            }
            return out;
        }

        /** Forgets earlier frames (a new sequence starts). */
        public void reset() {
            windows.forEach(CausalPooling.Window::reset);
        }
    }
}
