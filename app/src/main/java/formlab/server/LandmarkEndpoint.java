package formlab.server;

import formlab.model.Classifier;
import formlab.model.Prediction;
import formlab.pose.PoseSequence;
import formlab.pose.io.LandmarkFormatException;
import formlab.pose.io.LandmarkJsonReader;
import formlab.pose.io.PosePilotReader;
import formlab.posture.PoseClassifier;
import formlab.posture.SequenceScore;
import formlab.posture.SquatReps;
import formlab.posture.YogaPoseModel;
import formlab.registry.ModelCard;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/predict/landmarks}: a landmark CSV of the PosePilot layout (header
 * {@code 0,1,...,131,asana}, one frame per row), or the same frames as JSON ({@link LandmarkJsonReader}:
 * {@code {"frames": [[{x, y, z, visibility} x 33], ...]}}), scored with a registered pose classifier, the
 * scorer behind {@code formlab score-pose} ({@link PoseClassifier}: a causal prediction per frame and
 * the majority vote over the frames). {@code ?reps=squat} also counts squats with the squat-phase
 * classifier of {@code formlab pose-from-video --squat} ({@link SquatReps#standard()}, trained once on
 * first use).
 */
final class LandmarkEndpoint {

    private static final String JSON = "application/json";
    private static final List<String> TYPES = List.of("text/csv", "text/plain", JSON);
    private static final Path SOURCE = Path.of("request body");
    private static final String BODY_FILE = "landmarks.csv";

    private final ModelCatalog catalog;
    private final ServerSettings settings;
    private final ModelCache<PoseClassifier> cache = new ModelCache<>();
    private final SquatModel squats;

    LandmarkEndpoint(ModelCatalog catalog, ServerSettings settings, SquatModel squats) {
        this.catalog = catalog;
        this.settings = settings;
        this.squats = squats;
    }

    void handle(Context ctx) throws Exception {
        String type = RequestBodies.requireType(ctx, TYPES);
        boolean countSquats = repetitions(ctx);
        ModelCard card = catalog.requested(ctx, YogaPoseModel.REGISTRY_NAME);
        if (!card.loadableByModelFiles()) {
            throw ApiError.badRequest(card.id() + " is not a landmark classifier (its format is '" + card.modelFormat() + "')");
        }
        byte[] body = RequestBodies.read(ctx, settings.maxBodyBytes());
        PoseSequence sequence = type.equals(JSON) ? json(body) : csv(body);
        Map<String, Object> answer = cache.with(card, this::load, classifier -> answer(card, classifier, sequence));
        if (countSquats) {
            SquatReps.Count count = squats.get().count(sequence);
            Map<String, Object> reps = new LinkedHashMap<>();
            reps.put("exercise", "squat");
            reps.put("fromPhases", count.fromPhases().size());
            reps.put("fromHipHeight", count.fromHipHeight().size());
            reps.put("phases", count.phases());
            answer.put("repetitions", reps);
        }
        ctx.json(answer);
    }

    private static PoseSequence json(byte[] body) {
        try {
            return new LandmarkJsonReader().read(body, SOURCE);
        } catch (LandmarkFormatException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static PoseSequence csv(byte[] body) throws java.io.IOException {
        try (ScratchFolder scratch = new ScratchFolder()) {
            Path file = scratch.write(BODY_FILE, body);
            try {
                return new PosePilotReader().read(file).sequence();
            } catch (LandmarkFormatException e) {
                throw ApiError.badRequest(scratch.describe(e.getMessage()).replace(BODY_FILE, SOURCE.toString()));
            }
        }
    }

    void close() throws Exception {
        cache.close();
    }

    private PoseClassifier load(ModelCard card) throws Exception {
        Classifier model = catalog.registry().load(card.name(), card.version());
        try {
            return PoseClassifier.of(model);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(card.id() + " does not read pose features: " + e.getMessage());
        }
    }

    private static boolean repetitions(Context ctx) {
        String reps = ctx.queryParam("reps");
        if (reps == null || reps.isBlank()) {
            return false;
        }
        if (!reps.strip().equals("squat")) {
            throw ApiError.badRequest("reps counts repetitions of 'squat' only, got '" + reps + "'");
        }
        return true;
    }

    private static Map<String, Object> answer(ModelCard card, PoseClassifier classifier, PoseSequence sequence) {
        List<Prediction> predictions = classifier.predictFrames(sequence);
        List<Map<String, Object>> frames = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("frame", i);
            frame.put("posture", predictions.get(i).label());
            frame.put("confidence", predictions.get(i).confidence());
            frames.add(frame);
        }
        SequenceScore score = classifier.score(sequence);
        Map<String, Object> overall = new LinkedHashMap<>();
        overall.put("posture", score.label());
        overall.put("confidence", score.confidence());
        overall.put("meanProbability", score.meanProbability());
        overall.put("frames", score.frames());
        overall.put("votes", score.votes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", card.name());
        out.put("version", card.version());
        out.put("classes", classifier.model().classes());
        out.put("overall", overall);
        out.put("frames", frames);
        return out;
    }
}
