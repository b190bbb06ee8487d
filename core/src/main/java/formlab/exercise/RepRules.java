package formlab.exercise;

import formlab.imu.Exercise;
import formlab.imu.reps.Polarity;
import formlab.imu.reps.RepChannel;
import formlab.imu.reps.RepCountModel;
import formlab.imu.reps.RepCountParameters;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repetition-counting rules ({@link RepCountModel}: per exercise, a list of rules whose median count
 * is the count) as plain JSON values for the model card, and back.
 */
public final class RepRules {

    private RepRules() {
    }

    /** {@code {"perExercise": {"bench": [{...}, ...], ...}, "fallback": [{...}, ...]}}. */
    public static Map<String, Object> toMap(RepCountModel model) {
        Map<String, Object> per = new LinkedHashMap<>();
        model.perExercise().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> per.put(e.getKey().label(), e.getValue().stream().map(RepRules::rule).toList()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("perExercise", per);
        map.put("fallback", model.fallback().stream().map(RepRules::rule).toList());
        return map;
    }

    /** The rules described by {@link #toMap}. */
    @SuppressWarnings("unchecked")
    public static RepCountModel fromMap(Map<String, ?> map) {
        Map<Exercise, List<RepCountParameters>> rules = new EnumMap<>(Exercise.class);
        ((Map<String, Object>) map.get("perExercise")).forEach((label, list) -> {
            Exercise exercise = Exercise.fromLabel(label);
            if (exercise == null) {
                throw new IllegalArgumentException("unknown exercise '" + label + "' in repetition rules");
            }
            rules.put(exercise, rules(list));
        });
        return new RepCountModel(rules, rules(map.get("fallback")));
    }

    /** A list of rules, or one rule (as cards written before the per-channel vote stored them). */
    @SuppressWarnings("unchecked")
    private static List<RepCountParameters> rules(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(rule -> rule((Map<String, Object>) rule)).toList();
        }
        return List.of(rule((Map<String, Object>) value));
    }

    /** One rule as plain JSON values. */
    public static Map<String, Object> rule(RepCountParameters p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("channel", p.channel().name());
        map.put("cutoffHz", p.cutoffHz());
        map.put("polarity", p.polarity().name());
        map.put("relativeProminence", p.relativeProminence());
        map.put("tempoRelative", p.tempoRelative());
        return map;
    }

    /** The rule described by {@link #rule(RepCountParameters)}. */
    public static RepCountParameters rule(Map<String, Object> map) {
        return new RepCountParameters(RepChannel.valueOf(map.get("channel").toString().toUpperCase(Locale.ROOT)),
                ((Number) map.get("cutoffHz")).doubleValue(),
                Polarity.valueOf(map.get("polarity").toString().toUpperCase(Locale.ROOT)),
                ((Number) map.get("relativeProminence")).doubleValue(),
                Boolean.parseBoolean(String.valueOf(map.get("tempoRelative"))));
    }
}
