package formlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trains a {@link RefinedClassifier}: the base trainer on the features matching {@code baseFeatures}
 * and every row, the refiner trainer on the features matching {@code refinerFeatures} and only the
 * rows labelled with one of {@code refinedClasses}.
 *
 * <p>Hyperparameters are one flat map (so the registry's recipe and {@link Trainers#create} rebuild
 * it): {@code baseTrainer}, {@code base.<key>} for each of the base's hyperparameters,
 * {@code baseFeatures} (a regular expression found in the feature names), the same for
 * {@code refiner}, and {@code refinedClasses} (space-separated).
 *
 * @param base            trainer of the first stage
 * @param baseFeatures    regular expression selecting the first stage's features
 * @param refiner         trainer of the second stage
 * @param refinerFeatures regular expression selecting the second stage's features
 * @param refinedClasses  classes the second stage re-decides (two or more)
 */
public record RefinedTrainer(Trainer base, String baseFeatures, Trainer refiner, String refinerFeatures,
                             List<String> refinedClasses) implements Trainer {

    /** Registry name. */
    public static final String NAME = "refined";

    public RefinedTrainer {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(refiner, "refiner");
        Pattern.compile(baseFeatures);
        Pattern.compile(refinerFeatures);
        refinedClasses = List.copyOf(refinedClasses);
        if (refinedClasses.size() < 2 || Set.copyOf(refinedClasses).size() != refinedClasses.size()) {
            throw new IllegalArgumentException("a refinement re-decides two or more distinct classes, got " + refinedClasses);
        }
        if (base instanceof RefinedTrainer || refiner instanceof RefinedTrainer) {
            throw new IllegalArgumentException("refined trainers do not nest");
        }
    }

    /** From a map written by {@link #hyperparameters()}. */
    public static RefinedTrainer of(Map<String, ?> p) {
        return new RefinedTrainer(stage(p, "base"), text(p, "baseFeatures"), stage(p, "refiner"), text(p, "refinerFeatures"),
                Arrays.asList(text(p, "refinedClasses").trim().split("\\s+")));
    }

    private static Trainer stage(Map<String, ?> p, String prefix) {
        Map<String, Object> params = new LinkedHashMap<>();
        p.forEach((key, value) -> {
            if (key.startsWith(prefix + ".")) {
                params.put(key.substring(prefix.length() + 1), value);
            }
        });
        return Trainers.create(text(p, prefix + "Trainer"), params);
    }

    private static String text(Map<String, ?> p, String key) {
        Object value = p.get(key);
        if (value == null) {
            throw new IllegalArgumentException("refined trainer: hyperparameter '" + key + "' is missing; given " + p.keySet());
        }
        return value.toString();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseTrainer", base.name());
        base.hyperparameters().forEach((key, value) -> map.put("base." + key, value));
        map.put("baseFeatures", baseFeatures);
        map.put("refinerTrainer", refiner.name());
        refiner.hyperparameters().forEach((key, value) -> map.put("refiner." + key, value));
        map.put("refinerFeatures", refinerFeatures);
        map.put("refinedClasses", String.join(" ", refinedClasses));
        return map;
    }

    /**
     * Trains both stages. When the rows hold fewer than two of the refined classes there is nothing
     * to re-decide and the base classifier alone is returned.
     */
    @Override
    public Classifier fit(LabelledData data) {
        Classifier first = base.fit(new LabelledData(data.table(), matching(data, baseFeatures), data.label(), data.group()));
        String[] labels = data.labels();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (refinedClasses.contains(labels[i])) {
                rows.add(i);
            }
        }
        LabelledData subset = new LabelledData(data.table(), matching(data, refinerFeatures), data.label(), data.group())
                .rows(rows.stream().mapToInt(Integer::intValue).toArray());
        if (subset.classes().size() < 2) {
            return first;
        }
        return new RefinedClassifier(first, refiner.fit(subset), hyperparameters());
    }

    private static List<String> matching(LabelledData data, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> names = data.features().stream().filter(name -> pattern.matcher(name).find()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Table '" + data.table().name() + "': no feature matches '" + regex + "'");
        }
        return names;
    }
}
