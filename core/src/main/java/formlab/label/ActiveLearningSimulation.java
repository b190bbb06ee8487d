package formlab.label;

import formlab.eval.Evaluation;
import formlab.eval.Fold;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Replays labelling on data whose labels are known: the labels of a pool are hidden, a strategy
 * asks for some, an oracle (the hidden labels) answers, the model is re-trained and measured on
 * held-out groups, and so on until the budget is spent. Every strategy starts from the same random
 * initial labels per seed, and the test groups (held out with {@link GroupSplits#holdOut})
 * never enter the pool, so the curves compare strategies and nothing else. The test groups rotate
 * over the runs: the groups are put in an order shuffled once (seed 0) and run {@code k} holds out
 * the {@code k}-th slice of {@code round(testFraction x groups)} groups of it (wrapping around), so
 * different seeds test on different people as long as there are enough of them.
 */
public final class ActiveLearningSimulation {

    private ActiveLearningSimulation() {
    }

    /**
     * How to simulate.
     *
     * @param initialLabels random labels to start from (at least two classes are ensured)
     * @param batch         labels asked per round
     * @param budget        stop when this many items are labelled
     * @param seeds         one run per seed (initial labels, random choice); run k also gets its own test groups
     * @param testFraction  fraction of groups held out for testing
     * @param metric        metric of {@code Evaluation.metrics()} to follow, e.g. {@code accuracy}
     */
    public record Settings(int initialLabels, int batch, int budget, List<Long> seeds, double testFraction, String metric) {

        public Settings {
            seeds = List.copyOf(seeds);
            if (initialLabels < 2 || batch < 1 || budget < initialLabels || seeds.isEmpty()) {
                throw new IllegalArgumentException("Need initialLabels >= 2, batch >= 1, budget >= initialLabels and at least one seed");
            }
        }
    }

    /**
     * Runs every strategy for every seed.
     *
     * @param data        labelled table (its labels are the oracle); its group column decides the split
     * @param source      column naming each row's source (recording set), used by the diversity cap
     * @param trainer     trains the model after each round
     * @param strategies  strategies to compare (include {@link QueryStrategy#random()})
     */
    public static SimulationResult run(LabelledData data, String source, Trainer trainer, List<QueryStrategy> strategies,
                                       Settings settings, Progress progress) {
        List<String> classes = data.classes();
        String[] sources = new String[data.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = data.table().column(source).getString(i);
        }
        List<SimulationResult.Point> points = new ArrayList<>();
        Map<Long, Double> full = new LinkedHashMap<>();
        Map<Long, List<String>> testGroups = new LinkedHashMap<>();
        int runs = settings.seeds().size() * strategies.size();
        int done = 0;
        List<String> order = new ArrayList<>(data.groupNames());
        java.util.Collections.shuffle(order, new Random(0));
        int perRun = Math.max(1, Math.min(order.size() - 1, (int) Math.round(settings.testFraction() * order.size())));
        for (int run = 0; run < settings.seeds().size(); run++) {
            long seed = settings.seeds().get(run);
            List<String> held = new ArrayList<>();
            for (int g = 0; g < perRun; g++) {
                held.add(order.get((run * perRun + g) % order.size()));
            }
            Fold fold = GroupSplits.holdOut(data.groups(), held);
            testGroups.put(seed, fold.testGroups());
            LabelledData test = data.rows(fold.test());
            int[] poolRows = fold.train();
            full.put(seed, measure(trainer.fit(data.rows(poolRows)), test, classes, settings.metric()));
            List<Integer> initial = initial(data, poolRows, settings.initialLabels(), seed);
            for (QueryStrategy strategy : strategies) {
                List<Integer> labelled = new ArrayList<>(initial);
                Set<Integer> taken = new HashSet<>(initial);
                for (int round = 0; ; round++) {
                    LabelledData training = data.rows(labelled.stream().mapToInt(Integer::intValue).toArray());
                    Classifier model = trainer.fit(training);
                    points.add(new SimulationResult.Point(strategy.name(), seed, labelled.size(), measure(model, test, classes, settings.metric())));
                    if (labelled.size() >= settings.budget() || taken.size() == poolRows.length) {
                        break;
                    }
                    List<Integer> open = Arrays.stream(poolRows).filter(i -> !taken.contains(i)).boxed().toList();
                    UnlabelledPool pool = pool(data, sources, open);
                    int ask = Math.min(settings.batch(), settings.budget() - labelled.size());
                    for (PoolItem item : strategy.select(model, pool, training.x(), ask, seed * 1_000_003L + round)) {
                        int row = Integer.parseInt(item.id());
                        if (taken.add(row)) {
                            labelled.add(row); // the oracle answers: the row's hidden label becomes known
                        }
                    }
                }
                done++;
                progress.step("active learning", done, runs, strategy.name() + " seed " + seed + ": "
                        + labelled.size() + " labels, test groups " + fold.testGroups());
            }
        }
        return new SimulationResult(settings.metric(), points, full, testGroups);
    }

    private static double measure(Classifier model, LabelledData test, List<String> classes, String metric) {
        return Evaluation.of(model, test, classes).metric(metric);
    }

    /** Random pool rows (seeded), extended until at least two classes are present. */
    private static List<Integer> initial(LabelledData data, int[] poolRows, int count, long seed) {
        List<Integer> shuffled = new ArrayList<>(Arrays.stream(poolRows).boxed().toList());
        java.util.Collections.shuffle(shuffled, new Random(seed));
        String[] labels = data.labels();
        List<Integer> chosen = new ArrayList<>(shuffled.subList(0, Math.min(count, shuffled.size())));
        for (int k = chosen.size(); k < shuffled.size() && chosen.stream().map(i -> labels[i]).distinct().count() < 2; k++) {
            chosen.add(shuffled.get(k));
        }
        return chosen;
    }

    private static UnlabelledPool pool(LabelledData data, String[] sources, List<Integer> rows) {
        String[] groups = data.groups();
        List<PoolItem> items = new ArrayList<>(rows.size());
        for (int row : rows) {
            items.add(new PoolItem(Integer.toString(row), ItemKind.IMU_WINDOW, sources[row], groups[row], "", data.row(row)));
        }
        return new UnlabelledPool(data.features(), items);
    }
}
