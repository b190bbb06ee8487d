package formlab.exercise;

import formlab.imu.Exercise;
import formlab.imu.reps.Polarity;
import formlab.imu.reps.RepChannel;
import formlab.imu.reps.RepCountModel;
import formlab.imu.reps.RepCountParameters;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Repetition-counting rules ({@link RepCountModel}) as plain JSON values for the model card, and back. */
public final class RepRules {

    private RepRules() {
    }

    /** {@code {"perExercise": {"bench": {...}, ...}, "fallback": {...}}}. */
    public static Map<String, Object> toMap(RepCountModel model) {
        Map<String, Object> per = new LinkedHashMap<>();
        model.perExercise().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> per.put(e.getKey().label(), rule(e.getValue())));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("perExercise", per);
        map.put("fallback", rule(model.fallback()));
        return map;
    }

    /** The rules described by {@link #toMap}. */
    @SuppressWarnings("unchecked")
    public static RepCountModel fromMap(Map<String, ?> map) {
        Map<Exercise, RepCountParameters> rules = new EnumMap<>(Exercise.class);
        ((Map<String, Map<String, Object>>) map.get("perExercise")).forEach((label, rule) -> {
            Exercise exercise = Exercise.fromLabel(label);
            if (exercise == null) {
                throw new IllegalArgumentException("unknown exercise '" + label + "' in repetition rules");
            }
            rules.put(exercise, rule(rule));
        });
        return new RepCountModel(rules, rule((Map<String, Object>) map.get("fallback")));
    }

    private static Map<String, Object> rule(RepCountParameters p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("channel", p.channel().name());
        map.put("cutoffHz", p.cutoffHz());
        map.put("polarity", p.polarity().name());
        map.put("relativeProminence", p.relativeProminence());
        map.put("tempoRelative", p.tempoRelative());
        return map;
    }

    private static RepCountParameters rule(Map<String, Object> map) {
        return new RepCountParameters(RepChannel.valueOf(map.get("channel").toString().toUpperCase(Locale.ROOT)),
                ((Number) map.get("cutoffHz")).doubleValue(),
                Polarity.valueOf(map.get("polarity").toString().toUpperCase(Locale.ROOT)),
                ((Number) map.get("relativeProminence")).doubleValue(),
                Boolean.parseBoolean(String.valueOf(map.get("tempoRelative"))));
    }
}
