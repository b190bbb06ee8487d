package formlab.label;

import formlab.model.Classifier;
import java.util.List;
import java.util.Set;

/** Chooses which unlabelled items to ask a person about next. */
public interface QueryStrategy {

    /** Short name for tables and plots, e.g. {@code margin+diversity}. */
    String name();

    /**
     * Picks up to {@code batch} items of {@code pool}.
     *
     * @param model    the current model (may be ignored, e.g. by random choice)
     * @param pool     the unlabelled items
     * @param labelled features of the items labelled so far (diversity keeps away from them; may be empty)
     * @param batch    how many to pick
     * @param seed     seed for any random choice
     * @return the chosen items, most wanted first
     */
    List<PoolItem> select(Classifier model, UnlabelledPool pool, double[][] labelled, int batch, long seed);

    /** Random choice, the baseline every strategy must beat. */
    static QueryStrategy random() {
        return new RandomQuery();
    }

    /** Uncertainty with diversity: at most {@code maxPerSource} items of one source per batch, then k-center among the uncertain. */
    static QueryStrategy uncertain(Uncertainty measure, int maxPerSource) {
        return new UncertaintyQuery(measure, maxPerSource, UncertaintyQuery.DEFAULT_CANDIDATE_FACTOR);
    }

    /** Uncertainty alone (no diversity), to show what diversity adds. */
    static QueryStrategy uncertainOnly(Uncertainty measure) {
        return new UncertaintyQuery(measure, Integer.MAX_VALUE, 1);
    }

    /** Ids of a list of items. */
    static Set<String> ids(List<PoolItem> items) {
        return Set.copyOf(items.stream().map(PoolItem::id).toList());
    }
}
