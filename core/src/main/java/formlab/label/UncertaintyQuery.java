package formlab.label;

import formlab.model.Classifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Asks about the items the model is least sure of, without asking about near-copies.
 *
 * <p>Consecutive windows of one set look alike, so the most uncertain items tend to come in runs
 * from one recording: labelling twenty of them teaches the model about as much as labelling one.
 * Two rules keep a batch diverse: candidates are the {@code candidateFactor x batch} most uncertain
 * items, from which the batch is chosen greedily as a k-center cover (each next item is the
 * candidate farthest, in standardised feature space, from everything labelled or chosen so far);
 * and no more than {@code maxPerSource} items of one source (recording set, landmark file) are
 * chosen per batch. With {@code candidateFactor} 1 and no cap it is plain uncertainty ranking.
 *
 * @param measure         how uncertainty is measured
 * @param maxPerSource    most items of one source per batch
 * @param candidateFactor size of the uncertain candidate set, in batches (1 = no k-center step)
 */
public record UncertaintyQuery(Uncertainty measure, int maxPerSource, int candidateFactor) implements QueryStrategy {

    /** Candidates considered per batch slot by {@link QueryStrategy#uncertain}. */
    public static final int DEFAULT_CANDIDATE_FACTOR = 4;

    public UncertaintyQuery {
        if (maxPerSource < 1 || candidateFactor < 1) {
            throw new IllegalArgumentException("maxPerSource and candidateFactor must be at least 1");
        }
    }

    @Override
    public String name() {
        boolean diverse = candidateFactor > 1 || maxPerSource < Integer.MAX_VALUE;
        return measure.label() + (diverse ? "+diversity" : "");
    }

    /** Uncertainty of every pool item under {@code model}, in pool order. */
    public double[] scores(Classifier model, UnlabelledPool pool) {
        double[][] p = model.probabilities(pool.x());
        return IntStream.range(0, p.length).mapToDouble(i -> measure.score(p[i])).toArray();
    }

    @Override
    public List<PoolItem> select(Classifier model, UnlabelledPool pool, double[][] labelled, int batch, long seed) {
        if (pool.size() == 0 || batch <= 0) {
            return List.of();
        }
        double[] u = scores(model, pool);
        List<Integer> ranked = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -u[i]).thenComparingInt(i -> i)).toList();
        if (candidateFactor == 1) {
            return capped(pool, ranked, batch);
        }
        Standardiser scale = new Standardiser(pool.x());
        double[][] x = scale.apply(pool.x());
        List<double[]> anchors = new ArrayList<>(List.of(scale.apply(labelled)));
        int candidates = Math.min(pool.size(), candidateFactor * batch);
        List<Integer> open = new ArrayList<>(ranked.subList(0, candidates));
        double[] nearest = new double[pool.size()];
        for (int i : open) {
            nearest[i] = Double.POSITIVE_INFINITY;
            for (double[] a : anchors) {
                nearest[i] = Math.min(nearest[i], distance(x[i], a));
            }
        }
        Map<String, Integer> perSource = new HashMap<>();
        List<PoolItem> chosen = new ArrayList<>();
        while (chosen.size() < batch && !open.isEmpty()) {
            int best = -1;
            for (int i : open) {
                if (perSource.getOrDefault(pool.items().get(i).source(), 0) >= maxPerSource) {
                    continue;
                }
                // Farthest from everything chosen; the first pick (nothing labelled) is the most uncertain.
                if (best < 0 || nearest[i] > nearest[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            PoolItem item = pool.items().get(best);
            chosen.add(item);
            perSource.merge(item.source(), 1, Integer::sum);
            open.remove(Integer.valueOf(best));
            for (int i : open) {
                nearest[i] = Math.min(nearest[i], distance(x[i], x[best]));
            }
        }
        if (chosen.size() < batch) {
            // Caps left the candidate set short: fill from the rest of the ranking, caps still applied.
            List<Integer> rest = ranked.stream().filter(i -> !chosen.contains(pool.items().get(i))).toList();
            for (PoolItem extra : capped(pool, rest, batch - chosen.size(), perSource)) {
                chosen.add(extra);
            }
        }
        return List.copyOf(chosen);
    }

    private List<PoolItem> capped(UnlabelledPool pool, List<Integer> ranked, int batch) {
        return capped(pool, ranked, batch, new HashMap<>());
    }

    private List<PoolItem> capped(UnlabelledPool pool, List<Integer> ranked, int batch, Map<String, Integer> perSource) {
        List<PoolItem> chosen = new ArrayList<>();
        for (int i : ranked) {
            if (chosen.size() == batch) {
                break;
            }
            PoolItem item = pool.items().get(i);
            if (perSource.getOrDefault(item.source(), 0) < maxPerSource) {
                chosen.add(item);
                perSource.merge(item.source(), 1, Integer::sum);
            }
        }
        return chosen;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            if (!Double.isNaN(d)) {
                sum += d * d;
            }
        }
        return sum;
    }

    /** Scales each feature to mean 0 and standard deviation 1 over the pool (constant features to 0). */
    private static final class Standardiser {
        private final double[] mean;
        private final double[] sd;

        Standardiser(double[][] rows) {
            int width = rows.length == 0 ? 0 : rows[0].length;
            mean = new double[width];
            sd = new double[width];
            for (int j = 0; j < width; j++) {
                double sum = 0;
                double squares = 0;
                int n = 0;
                for (double[] row : rows) {
                    if (!Double.isNaN(row[j])) {
                        sum += row[j];
                        squares += row[j] * row[j];
                        n++;
                    }
                }
                mean[j] = n == 0 ? 0 : sum / n;
                double variance = n == 0 ? 0 : squares / n - mean[j] * mean[j];
                sd[j] = variance > 1e-24 ? Math.sqrt(variance) : Double.POSITIVE_INFINITY;
            }
        }

        double[][] apply(double[][] rows) {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = new double[mean.length];
                for (int j = 0; j < mean.length && j < rows[i].length; j++) {
                    out[i][j] = (rows[i][j] - mean[j]) / sd[j];
                }
            }
            return out;
        }
    }
}
