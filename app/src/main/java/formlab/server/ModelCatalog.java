package formlab.server;

import formlab.cnn.ImageCnnRegistration;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as the API sees it: the listing of {@code GET /api/models}, and which version a
 * request means ({@code ?model=NAME&version=N}, else the registry's preferred version).
 */
final class ModelCatalog {

    private final ModelRegistry registry;

    ModelCatalog(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The registry. */
    ModelRegistry registry() {
        return registry;
    }

    /**
     * The card of the version a request asks for: {@code ?model} (else {@code defaultName}) and
     * {@code ?version} (else {@link ModelRegistry#preferred}: production, else the newest).
     *
     * @throws ApiError 404 for an unknown model or version, 400 for a version that is not a number
     */
    ModelCard requested(Context ctx, String defaultName) throws IOException {
        String name = Optional.ofNullable(ctx.queryParam("model")).filter(s -> !s.isBlank()).orElse(defaultName);
        List<String> names = registry.names();
        if (!names.contains(name)) {
            throw ApiError.notFound("no model '" + name + "' is registered; registered models: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        String version = ctx.queryParam("version");
        if (version == null || version.isBlank()) {
            return registry.preferred(name).orElseThrow(() -> ApiError.notFound("model '" + name + "' has no version"));
        }
        int number;
        try {
            number = Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("version must be a whole number, got '" + version + "'");
        }
        List<Integer> versions = registry.versions(name);
        if (!versions.contains(number)) {
            throw ApiError.notFound("model '" + name + "' has no version " + number + "; its versions: " + versions);
        }
        return registry.card(name, number);
    }

    /**
     * As {@link #requested}, for a request that sends an image: the version must be an image CNN
     * ({@link ImageCnnRegistration#isImageCnn}).
     *
     * @throws ApiError 400 for a version that reads feature rows rather than images
     */
    ModelCard requestedImageCnn(Context ctx, String defaultName) throws IOException {
        ModelCard card = requested(ctx, defaultName);
        if (!ImageCnnRegistration.isImageCnn(card)) {
            throw ApiError.badRequest(card.id() + " is not an image CNN (its format is '" + card.modelFormat() + "')");
        }
        return card;
    }

    /** Every registered model: name, preferred version and each version's stage, task, classes and metrics. */
    List<Map<String, Object>> listing() throws IOException {
        List<Map<String, Object>> models = new ArrayList<>();
        for (String name : registry.names()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", name);
            List<Map<String, Object>> versions = new ArrayList<>();
            for (int version : registry.versions(name)) {
                versions.add(describe(name, version));
            }
            Optional<ModelCard> preferred;
            try {
                preferred = registry.preferred(name);
            } catch (IOException e) {
                preferred = Optional.empty();
            }
            model.put("preferredVersion", preferred.map(ModelCard::version).orElse(null));
            model.put("versions", versions);
            models.add(model);
        }
        return models;
    }

    /** One version as JSON; a version whose card cannot be read is listed with the reason instead. */
    private Map<String, Object> describe(String name, int version) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version);
        ModelCard card;
        try {
            card = registry.card(name, version);
        } catch (IOException e) {
            out.put("error", e.getMessage());
            return out;
        }
        out.put("stage", card.stage().name().toLowerCase(java.util.Locale.ROOT));
        out.put("createdAt", card.createdAt());
        out.put("task", card.recipe().task());
        out.put("format", card.modelFormat());
        out.put("classes", card.classes());
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (ModelCard.MetricValue metric : card.metrics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", metric.name());
            m.put("value", Double.isFinite(metric.value()) ? metric.value() : null);
            m.put("split", metric.split());
            metrics.add(m);
        }
        out.put("metrics", metrics);
        return out;
    }
}
