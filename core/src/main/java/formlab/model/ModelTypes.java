package formlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link ModelType}s on the class path, found once with {@link ServiceLoader} (each module lists
 * its types in {@code META-INF/services/formlab.model.ModelType}): the one place that maps engine
 * names, trainer names and classifiers to their type.
 */
public final class ModelTypes {

    private ModelTypes() {
    }

    /** Loaded on first use. */
    private static final class Holder {
        static final List<ModelType> TYPES = discover();
    }

    /** Every model type, in class-path order. */
    public static List<ModelType> all() {
        return Holder.TYPES;
    }

    /** The type whose files carry {@code engine} in their header. */
    public static Optional<ModelType> byEngine(String engine) {
        return all().stream().filter(type -> type.engine().equals(engine)).findFirst();
    }

    /** The type that creates the trainer called {@code trainerName}. */
    public static Optional<ModelType> byTrainer(String trainerName) {
        return all().stream().filter(type -> type.trainerNames().contains(trainerName)).findFirst();
    }

    /**
     * The type that stores {@code classifier}.
     *
     * @throws IllegalArgumentException when no type on the class path stores its class
     */
    public static ModelType of(Classifier classifier) {
        return all().stream().filter(type -> type.saves(classifier)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot save a " + classifier.getClass().getName()
                        + ": no model type on the class path stores it (engines: " + engines() + ")"));
    }

    /** Engine names, in class-path order. */
    public static List<String> engines() {
        return all().stream().map(ModelType::engine).toList();
    }

    /** Trainer names of every type. */
    public static List<String> trainerNames() {
        return all().stream().flatMap(type -> type.trainerNames().stream()).toList();
    }

    /** True when a registry card of {@code format} names a {@link ModelFiles} file (of any type). */
    public static boolean isModelFileFormat(String format) {
        return all().stream().anyMatch(type -> type.cardFormat().equals(format));
    }

    private static List<ModelType> discover() {
        Map<String, ModelType> byEngine = new LinkedHashMap<>();
        Map<String, String> trainers = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(ModelTypes.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != ModelTypes.class.getClassLoader()) {
            loaders.add(context);
        }
        for (ClassLoader loader : loaders) {
            for (ModelType type : ServiceLoader.load(ModelType.class, loader)) {
                ModelType known = byEngine.get(type.engine());
                if (known != null) {
                    if (known.getClass().getName().equals(type.getClass().getName())) {
                        continue; // the same type seen through a second class loader
                    }
                    throw new IllegalStateException("Two model types claim engine '" + type.engine() + "': "
                            + known.getClass().getName() + " and " + type.getClass().getName());
                }
                for (String trainer : type.trainerNames()) {
                    String other = trainers.putIfAbsent(trainer, type.engine());
                    if (other != null) {
                        throw new IllegalStateException("Trainer '" + trainer + "' is claimed by model types '" + other
                                + "' and '" + type.engine() + "'");
                    }
                }
                byEngine.put(type.engine(), type);
            }
        }
        return List.copyOf(byEngine.values());
    }
}
