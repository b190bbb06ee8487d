package formlab.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gates a candidate must all pass to be promoted to production.
 *
 * @param gates the gates, checked in order (all are checked, so the report lists every reason)
 */
public record PromotionPolicy(List<PromotionGate> gates) {

    public PromotionPolicy {
        gates = List.copyOf(gates);
        if (gates.isEmpty()) {
            throw new IllegalArgumentException("A promotion policy needs at least one gate");
        }
    }

    /** Every group's accuracy at least {@code minGroupAccuracy}, and {@code metric} not worse than production. */
    public static PromotionPolicy standard(double minGroupAccuracy, String metric) {
        return new PromotionPolicy(List.of(new PromotionGate.EveryGroupAtLeast(minGroupAccuracy),
                new PromotionGate.NotWorseThanProduction(metric, 0)));
    }

    /** The project default: every group at least 0.80 accuracy and balanced accuracy not worse than production. */
    public static PromotionPolicy defaults() {
        return standard(0.80, "balanced_accuracy");
    }

    /** Checks every gate; promoted only if all pass. */
    public PromotionReport evaluate(ModelCard candidate, Optional<ModelCard> production) {
        List<PromotionGate.Result> results = new ArrayList<>();
        for (PromotionGate gate : gates) {
            results.add(gate.check(candidate, production));
        }
        return new PromotionReport(candidate.id(), production.map(ModelCard::id).orElse(null), results);
    }
}
