package formlab.exercise;

import formlab.eval.Evaluation;
import formlab.eval.GroupSplits;
import formlab.eval.HyperparameterSearch;
import formlab.eval.Progress;
import formlab.imu.signal.WindowSettings;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.RefinedTrainer;
import formlab.model.SmileGradientBoostingTrainer;
import formlab.model.SmileRandomForestTrainer;
import formlab.model.Trainer;
import formlab.model.Trainers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Nested leave-one-participant-out evaluation of exercise recognition on the five lifts.
 *
 * <p>For every participant P: the window length, feature set and gradient-boosting
 * hyperparameters are chosen by an inner leave-one-participant-out search over the <em>other</em>
 * participants only ({@link #select}), the search space's {@link Refinement} stage (if any) being
 * trained and scored together with each candidate; a model with that choice is trained on the other
 * participants' windows and scored on P's windows. P's recordings take no part in any choice, so
 * the accuracy is what a new person would get. Reported per window (the classifier alone), per
 * window as a live tracker shows it (causally smoothed), and per set (mean probability and majority
 * vote over the set's windows). The rest gate is fitted on the other participants' exercise windows
 * and applied to all of P's windows, rest included; only participant A recorded rest.
 *
 * @param space the search space
 * @param folds one outcome per left-out participant, sorted
 */
public record ExerciseEvaluation(SearchSpace space, List<FoldOutcome> folds) {

    /**
     * What the nested search may choose from.
     *
     * @param windows         window settings (one feature table each)
     * @param featureSets     feature subsets
     * @param hyperparameters Smile gradient-boosting hyperparameter maps
     * @param seed            training seed
     * @param smoothing       windows averaged by the live smoother
     * @param gateQuantile    tail share of the rest gate's tests
     * @param refinement      second stage re-deciding lifts with the same posture, or null for none
     */
    public record SearchSpace(List<WindowSettings> windows, List<FeatureSet> featureSets,
                              List<Map<String, Object>> hyperparameters, long seed, int smoothing, double gateQuantile,
                              Refinement refinement) {

        /** A search without a refinement stage (one boosting model over the chosen features). */
        public SearchSpace(List<WindowSettings> windows, List<FeatureSet> featureSets,
                           List<Map<String, Object>> hyperparameters, long seed, int smoothing, double gateQuantile) {
            this(windows, featureSets, hyperparameters, seed, smoothing, gateQuantile, null);
        }

        public SearchSpace {
            windows = List.copyOf(windows);
            featureSets = List.copyOf(featureSets);
            hyperparameters = hyperparameters.stream().map(m -> Map.copyOf(m)).toList();
            if (windows.isEmpty() || featureSets.isEmpty() || hyperparameters.isEmpty()) {
                throw new IllegalArgumentException("the search needs at least one window setting, feature set and hyperparameter map");
            }
        }

        /**
         * 5 s windows every 1 s; the orientation-robust and posture feature sets; boosting with 60 or
         * 120 trees of at most 6 leaves, shrinkage 0.1, subsample 0.8; bench vs overhead press
         * re-decided on the movement features ({@link Refinement#pressing}); seed 42; live smoothing
         * over 5 windows; rest-gate tails of 1%.
         *
         * <p>Why 5 s only (4 s windows were searched before the movement features existed): the
         * movement features integrate the vertical acceleration over the window and need at least one
         * whole repetition in it; a heavy repetition takes up to 4 s. On 4 s windows bench vs overhead
         * press from movement alone drops from about 0.91 to 0.78-0.85 leave-one-participant-out, and
         * an inner search that picks 4 s by chance (it sees only three participants) loses several
         * points.
         */
        public static SearchSpace defaults() {
            return new SearchSpace(List.of(new WindowSettings(5, 1)),
                    List.of(FeatureSet.ROBUST, FeatureSet.POSTURE),
                    HyperparameterSearch.grid(Map.of("trees", List.of(60, 120))), 42, 5, RestGate.DEFAULT_QUANTILE,
                    Refinement.pressing());
        }

        /**
         * This search without its refinement stage (one boosting model decides between all lifts):
         * the ablation that shows what the second stage adds, everything else equal.
         */
        public SearchSpace withoutRefinementStage() {
            return new SearchSpace(windows, featureSets, hyperparameters, seed, smoothing, gateQuantile);
        }

        /**
         * The search before the movement features: 4 and 5 s windows, robust or posture features,
         * 60 or 120 trees, no refinement stage. Kept to compare with.
         */
        public static SearchSpace withoutRefinement() {
            return new SearchSpace(List.of(new WindowSettings(4, 1), new WindowSettings(5, 1)),
                    List.of(FeatureSet.ROBUST, FeatureSet.POSTURE),
                    HyperparameterSearch.grid(Map.of("trees", List.of(60, 120))), 42, 5, RestGate.DEFAULT_QUANTILE);
        }

        /**
         * Two candidates (5 s windows, robust or posture features, 60 trees): for the simulated data,
         * which has more participants and sets than the real recordings and would take several
         * minutes with {@link #defaults()}.
         */
        public static SearchSpace small() {
            return new SearchSpace(List.of(new WindowSettings(5, 1)), List.of(FeatureSet.ROBUST, FeatureSet.POSTURE),
                    List.of(Map.of("trees", 60)), 42, 5, RestGate.DEFAULT_QUANTILE, Refinement.pressing());
        }

        /** The search for a run: {@link #quick()} in smoke mode, else {@link #defaults()} on real and {@link #small()} on simulated data. */
        public static SearchSpace forRun(formlab.imu.ImuDataset dataset, boolean smoke) {
            return smoke ? quick() : dataset.origin().real() ? defaults() : small();
        }

        /**
         * One candidate (5 s windows, robust features, 40 trees, the pressing refinement): for smoke
         * tests and quick looks.
         */
        public static SearchSpace quick() {
            return new SearchSpace(List.of(new WindowSettings(5, 1)), List.of(FeatureSet.ROBUST),
                    List.of(Map.of("trees", 40)), 42, 5, RestGate.DEFAULT_QUANTILE, Refinement.pressing());
        }

        /** Number of candidates per search. */
        public int candidates() {
            return windows.size() * featureSets.size() * hyperparameters.size();
        }
    }

    /**
     * A second stage that re-decides some classes on other features ({@link RefinedTrainer}): the
     * boosting model still sees every class, and its probability for the refined classes together
     * is shared out among them by a model trained on their windows only.
     *
     * @param classes         classes re-decided
     * @param features        features of the second stage
     * @param trainer         trainer name of the second stage ({@link Trainers#create})
     * @param hyperparameters its hyperparameters (the search's seed is added)
     */
    public record Refinement(List<String> classes, FeatureSet features, String trainer, Map<String, Object> hyperparameters) {

        public Refinement {
            classes = List.copyOf(classes);
            hyperparameters = Map.copyOf(hyperparameters);
        }

        /**
         * Bench press vs overhead press re-decided by a Smile random forest (200 trees) on the
         * movement features ({@link FeatureSet#MOTION}). Both lifts hold the forearm upright, so the
         * posture features the boosting model relies on cannot tell them apart reliably (a sensor
         * strapped slightly rotated turns one into the other); how far and how the bar travels can.
         * A forest rather than boosting: averaging many deep trees on 18 features generalised better
         * to a new participant (bench vs overhead press leave-one-participant-out 0.91 vs 0.86).
         */
        public static Refinement pressing() {
            return new Refinement(List.of("bench", "ohp"), FeatureSet.MOTION, SmileRandomForestTrainer.NAME, Map.of("trees", 200));
        }

        /** The second stage's trainer with {@code seed}. */
        Trainer stage(long seed) {
            Map<String, Object> all = new LinkedHashMap<>(hyperparameters);
            all.put("seed", seed);
            return Trainers.create(trainer, all);
        }

        /** e.g. "bench/ohp re-decided by smile-rf on motion features". */
        public String describe() {
            return String.format(Locale.ROOT, "%s re-decided by %s on %s features", String.join("/", classes), trainer, features.label());
        }
    }

    /**
     * The chosen configuration.
     *
     * @param window          window settings
     * @param featureSet      feature subset
     * @param hyperparameters boosting hyperparameters (seed included)
     * @param innerAccuracy   pooled window accuracy of the inner leave-one-participant-out search (NaN without search)
     * @param refinement      second stage, or null for none
     */
    public record Choice(WindowSettings window, FeatureSet featureSet, Map<String, Object> hyperparameters, double innerAccuracy,
                         Refinement refinement) {

        /** A choice without a refinement stage. */
        public Choice(WindowSettings window, FeatureSet featureSet, Map<String, Object> hyperparameters, double innerAccuracy) {
            this(window, featureSet, hyperparameters, innerAccuracy, null);
        }

        /** The boosting trainer of the first stage. */
        public Trainer boosting() {
            return Trainers.create(SmileGradientBoostingTrainer.NAME, hyperparameters);
        }

        /** The trainer: the boosting model, or a {@link RefinedTrainer} with it as the first stage. */
        public Trainer trainer() {
            if (refinement == null) {
                return boosting();
            }
            long seed = ((Number) boosting().hyperparameters().get("seed")).longValue();
            return new RefinedTrainer(boosting(), featureSet.regex(), refinement.stage(seed), refinement.features().regex(),
                    refinement.classes());
        }

        /** The features of {@code all} (a pipeline's, in its order) that either stage reads. */
        public List<String> features(List<String> all) {
            if (refinement == null) {
                return featureSet.select(all);
            }
            return all.stream().filter(name -> featureSet.matches(name) || refinement.features().matches(name)).toList();
        }

        /** e.g. "5 s windows, robust features, smile-gbt trees=60 ...; bench/ohp re-decided by ...". */
        public String describe() {
            Map<String, Object> p = boosting().hyperparameters();
            return String.format(Locale.ROOT, "%s s windows every %s s, %s features, smile-gbt trees=%s maxNodes=%s shrinkage=%s%s",
                    number(window.lengthSeconds()), number(window.stepSeconds()), featureSet.label(), p.get("trees"),
                    p.get("maxNodes"), p.get("shrinkage"), refinement == null ? "" : "; " + refinement.describe());
        }
    }

    /**
     * One left-out participant.
     *
     * @param participant who was left out
     * @param choice      what the inner search chose (on the other participants)
     * @param windows     per-window evaluation of the classifier
     * @param sets        per-set and live evaluations
     * @param gate        rest gate on all of the participant's windows: classes {@code exercise}, {@code rest}
     */
    public record FoldOutcome(String participant, Choice choice, Evaluation windows, SetAggregation sets, Evaluation gate) {
    }

    /** Runs the nested evaluation over every participant of {@code data}. */
    public static ExerciseEvaluation leaveOneParticipantOut(ExerciseData data, SearchSpace space, Progress progress) {
        List<String> people = data.participants();
        List<FoldOutcome> folds = new ArrayList<>();
        for (int f = 0; f < people.size(); f++) {
            String held = people.get(f);
            List<String> others = people.stream().filter(p -> !p.equals(held)).toList();
            Choice choice = select(data, others, space, Progress.none());
            FoldOutcome outcome = outcome(data, held, others, choice, space);
            folds.add(outcome);
            progress.step("nested leave-one-participant-out", f + 1, people.size(), String.format(Locale.ROOT,
                    "%s: window accuracy %.3f, set accuracy %.3f (%s %s%s)", held,
                    outcome.windows().accuracy(), outcome.sets().byMeanProbability().accuracy(),
                    Double.isNaN(choice.innerAccuracy()) ? "one candidate:" : "chose", choice.describe(),
                    Double.isNaN(choice.innerAccuracy()) ? "" : String.format(Locale.ROOT, "; inner accuracy %.3f", choice.innerAccuracy())));
        }
        return new ExerciseEvaluation(space, folds);
    }

    /**
     * Chooses window settings, feature set and hyperparameters by leave-one-participant-out
     * cross-validation over {@code participants} only (pooled window accuracy; the first best wins).
     */
    public static Choice select(ExerciseData data, List<String> participants, SearchSpace space, Progress progress) {
        if (space.candidates() == 1 || participants.size() < 2) {
            return new Choice(space.windows().getFirst(), space.featureSets().getFirst(), withSeed(space.hyperparameters().getFirst(), space),
                    Double.NaN, space.refinement());
        }
        Choice best = null;
        int done = 0;
        for (WindowSettings window : space.windows()) {
            Table lifts = rowsOf(data.lifts(window), participants);
            for (FeatureSet set : space.featureSets()) {
                List<String> features = new Choice(window, set, Map.of(), Double.NaN, space.refinement())
                        .features(data.pipeline(window).featureNames());
                LabelledData training = labelled(lifts, features);
                var result = HyperparameterSearch.run(
                        params -> new Choice(window, set, withSeed(params, space), Double.NaN, space.refinement()).trainer(),
                        space.hyperparameters().stream().map(m -> (Map<String, Object>) new LinkedHashMap<String, Object>(m)).toList(),
                        training, GroupSplits.leaveOneGroupOut(training.groups()), "accuracy", Progress.none());
                var candidate = result.best();
                done += space.hyperparameters().size();
                if (best == null || candidate.score() > best.innerAccuracy()) {
                    Trainer trainer = candidate.trainer();
                    Trainer boosting = trainer instanceof RefinedTrainer refined ? refined.base() : trainer;
                    best = new Choice(window, set, boosting.hyperparameters(), candidate.score(), space.refinement());
                }
                progress.step("search on " + participants, done, space.candidates(), String.format(Locale.ROOT,
                        "%s s windows, %s features: best inner accuracy %.4f", number(window.lengthSeconds()), set.label(),
                        candidate.score()));
            }
        }
        return best;
    }

    private static Map<String, Object> withSeed(Map<String, Object> hyperparameters, SearchSpace space) {
        Map<String, Object> all = new LinkedHashMap<>(hyperparameters);
        all.putIfAbsent("seed", space.seed());
        return Trainers.create(SmileGradientBoostingTrainer.NAME, all).hyperparameters();
    }

    private static FoldOutcome outcome(ExerciseData data, String held, List<String> others, Choice choice, SearchSpace space) {
        Table lifts = data.lifts(choice.window());
        List<String> features = choice.features(data.pipeline(choice.window()).featureNames());
        LabelledData training = labelled(rowsOf(lifts, others), features);
        LabelledData test = labelled(rowsOf(lifts, List.of(held)), features);
        List<String> classes = classes(data, choice.window());
        Classifier model = choice.trainer().fit(training);
        Evaluation windows = Evaluation.of(model, test, classes);
        SetAggregation sets = SetAggregation.of(classes, test.table().stringColumn("set_id").asObjectArray(), test.labels(),
                windows.probabilities().orElseThrow(), test.groups(), space.smoothing());
        RestGate gate = RestGate.fit(rowsOf(lifts, others), space.gateQuantile());
        Table all = rowsOf(data.table(choice.window()), List.of(held));
        return new FoldOutcome(held, choice, windows, sets, gateEvaluation(gate, all));
    }

    /** The gate's verdicts on every row of {@code windows}, evaluated as {@code exercise} vs {@code rest}. */
    public static Evaluation gateEvaluation(RestGate gate, Table windows) {
        List<RestGate.Decision> decisions = gate.decide(windows);
        String[] truth = windows.stringColumn(ExerciseData.LABEL).asList().stream()
                .map(label -> label.equals(WindowDecisions.REST) ? WindowDecisions.REST : "exercise").toArray(String[]::new);
        String[] predicted = decisions.stream().map(d -> d.rest() ? WindowDecisions.REST : "exercise").toArray(String[]::new);
        return Evaluation.of(List.of("exercise", WindowDecisions.REST), truth, predicted, null,
                windows.stringColumn(ExerciseData.GROUP).asObjectArray());
    }

    /** The five lifts present in the data, sorted. */
    static List<String> classes(ExerciseData data, WindowSettings window) {
        return List.copyOf(new TreeSet<>(data.lifts(window).stringColumn(ExerciseData.LABEL).asList()));
    }

    static Table rowsOf(Table table, List<String> participants) {
        return table.where(table.stringColumn(ExerciseData.GROUP).isIn(participants));
    }

    /** The rows of a window table as labelled data over the given feature columns, grouped by participant. */
    public static LabelledData labelled(Table table, List<String> features) {
        return new LabelledData(table, features, ExerciseData.LABEL, ExerciseData.GROUP);
    }

    /** Every left-out participant's windows evaluated together. */
    public Evaluation windowEvaluation() {
        return Evaluation.pool(folds.stream().map(FoldOutcome::windows).toList());
    }

    /** Per-set evaluation pooled over participants (mean probability, or majority vote when {@code vote}). */
    public Evaluation setEvaluation(boolean vote) {
        return Evaluation.pool(folds.stream().map(f -> vote ? f.sets().byVote() : f.sets().byMeanProbability()).toList());
    }

    /** Per-window evaluation of the causally smoothed (live) labels, pooled. */
    public Evaluation liveEvaluation() {
        return Evaluation.pool(folds.stream().map(f -> f.sets().live()).toList());
    }

    /** The rest gate's verdicts on every participant's windows, pooled. */
    public Evaluation gateEvaluation() {
        return Evaluation.pool(folds.stream().map(FoldOutcome::gate).toList());
    }

    /**
     * The rest gate's verdicts pooled over the participants who recorded rest (on the barbell data:
     * A alone), all their windows included: what rest recall and precision are measured on.
     */
    public java.util.Optional<Evaluation> gateEvaluationWithRest() {
        List<Evaluation> withRest = folds.stream().map(FoldOutcome::gate)
                .filter(g -> g.confusionCounts()[1][0] + g.confusionCounts()[1][1] > 0).toList();
        return withRest.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Evaluation.pool(withRest));
    }

    /** Mean over participants of a per-fold number. */
    private double mean(java.util.function.ToDoubleFunction<FoldOutcome> metric) {
        return folds.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    /** Window accuracy, mean over participants. */
    public double meanWindowAccuracy() {
        return mean(f -> f.windows().accuracy());
    }

    /** Live (causally smoothed) window accuracy, mean over participants. */
    public double meanLiveAccuracy() {
        return mean(f -> f.sets().live().accuracy());
    }

    /** Set accuracy by mean probability, mean over participants. */
    public double meanSetAccuracy() {
        return mean(f -> f.sets().byMeanProbability().accuracy());
    }

    /** Set accuracy by majority vote, mean over participants. */
    public double meanSetVoteAccuracy() {
        return mean(f -> f.sets().byVote().accuracy());
    }

    /**
     * One row per left-out participant: windows, window accuracy, live accuracy, sets, set accuracy
     * (mean probability and vote), rest recall and precision (NaN without rest windows), share of
     * exercise windows the gate called rest; then a "mean" row (rest recall and
     * precision pooled over the participants who recorded rest; the rest share over all).
     */
    public Table perParticipant() {
        StringColumn participant = StringColumn.create("participant");
        IntColumn windows = IntColumn.create("windows");
        DoubleColumn windowAccuracy = DoubleColumn.create("window_accuracy");
        DoubleColumn liveAccuracy = DoubleColumn.create("live_accuracy");
        IntColumn sets = IntColumn.create("sets");
        DoubleColumn setAccuracy = DoubleColumn.create("set_accuracy_mean_prob");
        DoubleColumn voteAccuracy = DoubleColumn.create("set_accuracy_vote");
        DoubleColumn restRecall = DoubleColumn.create("rest_recall");
        DoubleColumn restPrecision = DoubleColumn.create("rest_precision");
        DoubleColumn falseRest = DoubleColumn.create("exercise_called_rest");
        for (FoldOutcome f : folds) {
            participant.append(f.participant());
            windows.append(f.windows().size());
            windowAccuracy.append(f.windows().accuracy());
            liveAccuracy.append(f.sets().live().accuracy());
            sets.append(f.sets().byMeanProbability().size());
            setAccuracy.append(f.sets().byMeanProbability().accuracy());
            voteAccuracy.append(f.sets().byVote().accuracy());
            double[] gate = restRates(f.gate());
            restRecall.append(gate[0]);
            restPrecision.append(gate[1]);
            falseRest.append(gate[2]);
        }
        participant.append("mean");
        windows.append(folds.stream().mapToInt(f -> f.windows().size()).sum());
        windowAccuracy.append(meanWindowAccuracy());
        liveAccuracy.append(meanLiveAccuracy());
        sets.append(folds.stream().mapToInt(f -> f.sets().byMeanProbability().size()).sum());
        setAccuracy.append(meanSetAccuracy());
        voteAccuracy.append(meanSetVoteAccuracy());
        double[] pooled = gateEvaluationWithRest().map(ExerciseEvaluation::restRates).orElse(new double[] {Double.NaN, Double.NaN, 0});
        restRecall.append(pooled[0]);
        restPrecision.append(pooled[1]);
        falseRest.append(restRates(gateEvaluation())[2]);
        return Table.create("Nested leave-one-participant-out, per left-out participant", participant, windows,
                windowAccuracy, liveAccuracy, sets, setAccuracy, voteAccuracy, restRecall, restPrecision, falseRest);
    }

    /** What the inner search chose for each left-out participant, with its inner accuracy. */
    public Table choices() {
        StringColumn participant = StringColumn.create("left_out");
        StringColumn choice = StringColumn.create("chosen_on_the_other_participants");
        DoubleColumn inner = DoubleColumn.create("inner_accuracy");
        for (FoldOutcome f : folds) {
            participant.append(f.participant());
            choice.append(f.choice().describe());
            inner.append(f.choice().innerAccuracy());
        }
        return Table.create("Inner search per fold (NaN: one candidate, nothing to search)", participant, choice, inner);
    }

    /** {@code [rest recall, rest precision, share of exercise windows called rest]} (NaN where undefined). */
    static double[] restRates(Evaluation gate) {
        long[][] c = gate.confusionCounts();
        double restTotal = c[1][0] + c[1][1];
        double calledRest = c[0][1] + c[1][1];
        double exerciseTotal = c[0][0] + c[0][1];
        return new double[] {restTotal == 0 ? Double.NaN : c[1][1] / restTotal,
                calledRest == 0 || restTotal == 0 ? Double.NaN : c[1][1] / calledRest,
                exerciseTotal == 0 ? Double.NaN : c[0][1] / exerciseTotal};
    }

    /**
     * Several evaluations side by side, one row per participant plus the mean: window and set
     * accuracy of each (columns {@code <name>_window}, {@code <name>_set}).
     */
    public static Table compare(Map<String, ExerciseEvaluation> runs) {
        ExerciseEvaluation first = runs.values().iterator().next();
        StringColumn participant = StringColumn.create("participant");
        first.folds().forEach(f -> participant.append(f.participant()));
        participant.append("mean");
        Table table = Table.create("Leave one participant out, side by side", participant);
        runs.forEach((name, run) -> {
            DoubleColumn window = DoubleColumn.create(name + "_window");
            DoubleColumn set = DoubleColumn.create(name + "_set");
            run.folds().forEach(f -> {
                window.append(f.windows().accuracy());
                set.append(f.sets().byMeanProbability().accuracy());
            });
            window.append(run.meanWindowAccuracy());
            set.append(run.meanSetAccuracy());
            table.addColumns(window, set);
        });
        return table;
    }

    /** Sets predicted wrongly (by mean probability): participant, set, truth, predicted, confidence. */
    public Table wrongSets() {
        StringColumn participant = StringColumn.create("participant");
        StringColumn set = StringColumn.create("set_id");
        StringColumn truth = StringColumn.create("true");
        StringColumn predicted = StringColumn.create("predicted");
        DoubleColumn confidence = DoubleColumn.create("mean_probability");
        for (FoldOutcome f : folds) {
            Evaluation e = f.sets().byMeanProbability();
            String[] t = e.truth();
            String[] p = e.predicted();
            double[][] probabilities = e.probabilities().orElseThrow();
            for (int i = 0; i < t.length; i++) {
                if (!t[i].equals(p[i])) {
                    participant.append(f.participant());
                    set.append(f.sets().sets().get(i));
                    truth.append(t[i]);
                    predicted.append(p[i]);
                    confidence.append(probabilities[i][e.classes().indexOf(p[i])]);
                }
            }
        }
        return Table.create("Sets recognised wrongly (mean probability over the set's windows)", participant, set, truth,
                predicted, confidence);
    }

    /** Headline numbers by name, for the model card and reports. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("participant_mean_window_accuracy", meanWindowAccuracy());
        m.put("participant_mean_live_accuracy", meanLiveAccuracy());
        m.put("participant_mean_set_accuracy", meanSetAccuracy());
        m.put("participant_mean_set_vote_accuracy", meanSetVoteAccuracy());
        m.put("pooled_set_accuracy", setEvaluation(false).accuracy());
        double[] gate = gateEvaluationWithRest().map(ExerciseEvaluation::restRates).orElse(new double[] {Double.NaN, Double.NaN, 0});
        m.put("rest_recall", gate[0]);
        m.put("rest_precision", gate[1]);
        m.put("exercise_windows_called_rest", restRates(gateEvaluation())[2]);
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "nested leave-one-participant-out over %d participants: window accuracy %.3f (mean over"
                        + " participants), live %.3f, set %.3f (mean probability) / %.3f (vote); rest recall %.2f, precision %.2f",
                folds.size(), meanWindowAccuracy(), meanLiveAccuracy(), meanSetAccuracy(), meanSetVoteAccuracy(),
                summary().get("rest_recall"), summary().get("rest_precision"));
    }

    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Participants as a sorted set (for messages). */
    static Set<String> sorted(List<String> participants) {
        return new TreeSet<>(participants);
    }
}
