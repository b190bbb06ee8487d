package formlab.server;

import formlab.cnn.CnnImageClassifier;
import formlab.cnn.ImageCnnRegistration;
import formlab.image.DecodedImage;
import formlab.image.ImageDecodeException;
import formlab.image.ImageDecoder;
import formlab.registry.ModelCard;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code POST /api/predict/image}: the image bytes of the body through the registered image CNN, the
 * same calls as {@code formlab predict-image} (decode by content, then
 * {@link CnnImageClassifier#probabilities(java.awt.image.BufferedImage)}).
 */
final class ImageEndpoint {

    /** Default number of classes returned ({@code ?top=K} asks for another). */
    static final int DEFAULT_TOP = 5;

    private static final List<String> TYPES = List.of("image/*", "application/octet-stream");
    private static final Path SOURCE = Path.of("request body");

    private final ModelCatalog catalog;
    private final ServerSettings settings;
    private final ImageDecoder decoder;
    private final ModelCache<CnnImageClassifier> cache = new ModelCache<>();

    ImageEndpoint(ModelCatalog catalog, ServerSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
        this.decoder = new ImageDecoder(ImageDecoder.DEFAULT_MIN_SIDE, settings.maxImagePixels());
    }

    void handle(Context ctx) throws Exception {
        RequestBodies.requireType(ctx, TYPES);
        int top = top(ctx);
        ModelCard card = catalog.requestedImageCnn(ctx, ImageCnnRegistration.YOGA_CNN);
        byte[] body = RequestBodies.read(ctx, settings.maxBodyBytes());
        DecodedImage image;
        try {
            image = decoder.decode(body, SOURCE);
        } catch (ImageDecodeException e) {
            throw new ApiError(e.problem() == ImageDecodeException.Problem.TOO_LARGE ? 413 : 400, e.getMessage());
        }
        Map<String, Object> answer = cache.with(card,
                loaded -> ImageCnnRegistration.load(catalog.registry(), loaded.name(), loaded.version()),
                classifier -> answer(card, classifier.classes(), classifier.probabilities(image.image()), top));
        answer.put("width", image.width());
        answer.put("height", image.height());
        ctx.json(answer);
    }

    void close() throws Exception {
        cache.close();
    }

    private static int top(Context ctx) {
        String value = ctx.queryParam("top");
        if (value == null || value.isBlank()) {
            return DEFAULT_TOP;
        }
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("top must be a whole number of at least 1, got '" + value + "'");
    }

    private static Map<String, Object> answer(ModelCard card, List<String> classes, double[] p, int top) {
        List<Map<String, Object>> ranked = new ArrayList<>();
        IntStream.range(0, classes.size()).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).limit(top).forEach(i -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("class", classes.get(i));
            entry.put("probability", p[i]);
            ranked.add(entry);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", card.name());
        out.put("version", card.version());
        out.put("predictions", ranked);
        return out;
    }
}
