package formlab.label;

import formlab.model.Classifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Picks items uniformly at random (seeded): the baseline for active learning. */
public record RandomQuery() implements QueryStrategy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<PoolItem> select(Classifier model, UnlabelledPool pool, double[][] labelled, int batch, long seed) {
        List<PoolItem> items = new ArrayList<>(pool.items());
        Collections.shuffle(items, new Random(seed));
        return List.copyOf(items.subList(0, Math.min(batch, items.size())));
    }
}
