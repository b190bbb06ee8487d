package formlab.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.model.SyntheticFeatures;
import formlab.model.TribuoLogisticTrainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ActiveLearningTest {

    @Test
    void uncertaintyMeasuresAreZeroWhenSureAndOneAtATie() {
        double[] sure = {0, 1, 0};
        double[] tie = {0.5, 0.5, 0};
        double[] uniform = {1 / 3.0, 1 / 3.0, 1 / 3.0};
        for (Uncertainty u : Uncertainty.values()) {
            assertEquals(0, u.score(sure), 1e-12, u.name());
        }
        assertEquals(1, Uncertainty.MARGIN.score(tie), 1e-12);
        assertEquals(0.5, Uncertainty.LEAST_CONFIDENCE.score(tie), 1e-12);
        assertEquals(1, Uncertainty.ENTROPY.score(uniform), 1e-12);
        assertTrue(Uncertainty.ENTROPY.score(tie) < 1 && Uncertainty.ENTROPY.score(tie) > Uncertainty.ENTROPY.score(new double[] {0.9, 0.1, 0}));
    }

    /** A model that is unsure near x = 0 and sure far from it. */
    private static final Classifier EDGE = new Classifier() {
        @Override
        public List<String> featureNames() {
            return List.of("x", "y");
        }

        @Override
        public List<String> classes() {
            return List.of("left", "right");
        }

        @Override
        public double[] probabilities(double[] features) {
            double p = 1 / (1 + Math.exp(-4 * features[0]));
            return new double[] {1 - p, p};
        }
    };

    /** Set "run" holds 30 near-copies right on the boundary; 10 other sets hold spread-out items. */
    private static UnlabelledPool pool() {
        List<PoolItem> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(new PoolItem("run-" + i, ItemKind.IMU_WINDOW, "run", "A", "", new double[] {0.001 * i, 0.001 * i}));
        }
        for (int s = 0; s < 10; s++) {
            for (int i = 0; i < 5; i++) {
                items.add(new PoolItem("s" + s + "-" + i, ItemKind.IMU_WINDOW, "set" + s, "B", "",
                        new double[] {0.1 + 0.05 * i, -3 + 0.6 * s}));
            }
        }
        return new UnlabelledPool(List.of("x", "y"), items);
    }

    @Test
    void diversityStopsABatchFromBeingTwentyCopiesOfOneSet() {
        UnlabelledPool pool = pool();
        List<PoolItem> plain = QueryStrategy.uncertainOnly(Uncertainty.MARGIN).select(EDGE, pool, new double[0][], 10, 1);
        assertEquals(10, plain.size());
        assertTrue(plain.stream().allMatch(i -> i.source().equals("run")), "plain uncertainty takes the run of near-copies");

        List<PoolItem> diverse = QueryStrategy.uncertain(Uncertainty.MARGIN, 3).select(EDGE, pool, new double[0][], 10, 1);
        assertEquals(10, diverse.size());
        Map<String, Integer> perSource = new HashMap<>();
        diverse.forEach(i -> perSource.merge(i.source(), 1, Integer::sum));
        assertTrue(perSource.values().stream().allMatch(n -> n <= 3), perSource.toString());
        assertTrue(perSource.size() >= 4, "k-center spreads over sets: " + perSource);
        assertEquals("run-0", diverse.getFirst().id(), "the first pick is the most uncertain item");
        assertEquals(10, new HashSet<>(diverse).size());

        List<PoolItem> random = QueryStrategy.random().select(EDGE, pool, new double[0][], 10, 5);
        assertEquals(random, QueryStrategy.random().select(EDGE, pool, new double[0][], 10, 5), "seeded");
    }

    @Test
    void simulationComparesStrategiesFromTheSameStartOnHeldOutGroups() {
        LabelledData base = SyntheticFeatures.table(4, 2, 8, 0.3, 11);
        Table table = base.table().copy();
        StringColumn set = StringColumn.create("set");
        for (int i = 0; i < table.rowCount(); i++) {
            set.append(table.stringColumn("group").get(i) + "-" + i / 8);
        }
        LabelledData data = new LabelledData(table.addColumns(set), base.features(), "label", "group");
        var settings = new ActiveLearningSimulation.Settings(4, 4, 24, List.of(1L, 2L, 3L), 0.25, "accuracy");
        List<QueryStrategy> strategies = List.of(QueryStrategy.random(), QueryStrategy.uncertain(Uncertainty.MARGIN, 2));
        SimulationResult result = ActiveLearningSimulation.run(data, "set", TribuoLogisticTrainer.defaults(3), strategies, settings, Progress.none());

        assertEquals(List.of("random", "margin+diversity"), result.strategies());
        Set<String> tested = new HashSet<>();
        for (long seed : settings.seeds()) {
            tested.addAll(result.testGroups().get(seed));
            List<SimulationResult.Point> random = points(result, "random", seed);
            List<SimulationResult.Point> margin = points(result, "margin+diversity", seed);
            assertEquals(List.of(4, 8, 12, 16, 20, 24), random.stream().map(SimulationResult.Point::labels).toList());
            assertEquals(random.getFirst().value(), margin.getFirst().value(), 0.0, "both start from the same labels");
            int reached = result.labelsToReach("random", seed, 0.95).orElse(-1);
            double target = 0.95 * result.full().get(seed);
            assertTrue(reached < 0 || random.stream().filter(p -> p.labels() < reached).allMatch(p -> p.value() < target));
        }
        assertEquals(3, tested.size(), "each run holds out another participant");
        Table labels = result.labelsTable();
        assertEquals(2, labels.rowCount());
        assertEquals(36, result.curves().rowCount());
    }

    private static List<SimulationResult.Point> points(SimulationResult result, String strategy, long seed) {
        return result.points().stream().filter(p -> p.strategy().equals(strategy) && p.seed() == seed).toList();
    }
}
