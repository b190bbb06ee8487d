package formlab.registry;

import java.util.Optional;

/**
 * One condition a candidate must meet to become production. Gates only compare metrics recorded
 * on the cards; they never evaluate models themselves.
 */
public sealed interface PromotionGate {

    /** Checks the candidate against the current production version (if any). */
    Result check(ModelCard candidate, Optional<ModelCard> production);

    /**
     * The outcome of one gate.
     *
     * @param gate        the gate, in words
     * @param passed      whether it passed
     * @param explanation the numbers behind the decision
     */
    record Result(String gate, boolean passed, String explanation) {
    }

    /** The candidate's {@code metric} must be at least {@code threshold}. */
    record MetricAtLeast(String metric, double threshold) implements PromotionGate {
        @Override
        public Result check(ModelCard candidate, Optional<ModelCard> production) {
            String gate = metric + " >= " + threshold;
            return candidate.metric(metric)
                    .map(m -> new Result(gate, m.value() >= threshold,
                            String.format("%s = %.4f on %s", metric, m.value(), m.split())))
                    .orElseGet(() -> new Result(gate, false, "the card records no metric '" + metric + "'"));
        }
    }

    /** Every group's held-out accuracy must be at least {@code threshold}. */
    record EveryGroupAtLeast(double threshold) implements PromotionGate {
        @Override
        public Result check(ModelCard candidate, Optional<ModelCard> production) {
            String gate = "every group's accuracy >= " + threshold;
            if (candidate.groupMetrics().isEmpty()) {
                return new Result(gate, false, "the card records no per-group accuracy");
            }
            StringBuilder below = new StringBuilder();
            ModelCard.GroupMetric worst = candidate.groupMetrics().getFirst();
            for (ModelCard.GroupMetric g : candidate.groupMetrics()) {
                if (g.accuracy() < worst.accuracy()) {
                    worst = g;
                }
                if (g.accuracy() < threshold) {
                    below.append(below.isEmpty() ? "" : ", ").append(String.format("%s %.3f (n=%d)", g.group(), g.accuracy(), g.n()));
                }
            }
            return below.isEmpty()
                    ? new Result(gate, true, String.format("lowest is %s at %.3f (n=%d) on %s", worst.group(), worst.accuracy(), worst.n(), worst.split()))
                    : new Result(gate, false, "below threshold: " + below);
        }
    }

    /**
     * The candidate's {@code metric} must not be lower than production's minus {@code tolerance}, measured
     * on the same rows: the same split of the same table, or (for hold-out runs, e.g. re-training on a
     * larger label set) the same held-out test rows, which their split descriptions name by fingerprint
     * ({@link TrainingRun#TEST_ROWS}). Passes when there is no production version.
     */
    record NotWorseThanProduction(String metric, double tolerance) implements PromotionGate {
        @Override
        public Result check(ModelCard candidate, Optional<ModelCard> production) {
            String gate = metric + " not worse than production" + (tolerance > 0 ? " (tolerance " + tolerance + ")" : "");
            if (production.isEmpty()) {
                return new Result(gate, true, "there is no production version yet");
            }
            ModelCard current = production.get();
            Optional<ModelCard.MetricValue> mine = candidate.metric(metric);
            Optional<ModelCard.MetricValue> theirs = current.metric(metric);
            if (mine.isEmpty() || theirs.isEmpty()) {
                return new Result(gate, false, "'" + metric + "' is missing from " + (mine.isEmpty() ? candidate.id() : current.id()));
            }
            boolean sameTestRows = mine.get().split().contains(TrainingRun.TEST_ROWS);
            if (!mine.get().split().equals(theirs.get().split())
                    || !(sameTestRows || candidate.dataSha256().equals(current.dataSha256()))) {
                return new Result(gate, false, String.format("not comparable: %s measured on '%s' (table %s), %s on '%s' (table %s)",
                        candidate.id(), mine.get().split(), shortHash(candidate.dataSha256()),
                        current.id(), theirs.get().split(), shortHash(current.dataSha256())));
            }
            double difference = mine.get().value() - theirs.get().value();
            return new Result(gate, difference >= -tolerance, String.format("%s %.4f vs production %s %.4f (%+.4f)",
                    candidate.id(), mine.get().value(), current.id(), theirs.get().value(), difference));
        }

        private static String shortHash(String sha) {
            return sha == null ? "?" : sha.substring(0, Math.min(10, sha.length()));
        }
    }
}
