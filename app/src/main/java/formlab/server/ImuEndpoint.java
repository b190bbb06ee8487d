package formlab.server;

import formlab.exercise.ExerciseModel;
import formlab.exercise.ExerciseScoring;
import formlab.exercise.ExerciseTraining;
import formlab.imu.ImuDataException;
import formlab.imu.ImuRecording;
import formlab.imu.SensorKind;
import formlab.imu.metawear.MetaWearDatasetLoader;
import formlab.imu.metawear.MetaWearFileName;
import formlab.registry.ModelCard;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/predict/imu}: one recorded set as the MetaWear accelerometer and gyroscope CSV
 * exports, sent as {@code multipart/form-data} with the parts {@value #ACCELEROMETER} and
 * {@value #GYROSCOPE}; each part's file name must be the MetaWear export name, which carries the
 * sensor, the sample rate and the set. It is scored like one file pair of {@code formlab score}
 * ({@link MetaWearDatasetLoader#loadPair} then {@link ExerciseScoring#score}): every window with the
 * exercise and confidence a live tracker shows, and the set's exercise, confidence and repetitions.
 */
final class ImuEndpoint {

    /** Part holding the accelerometer CSV. */
    static final String ACCELEROMETER = "accelerometer";
    /** Part holding the gyroscope CSV. */
    static final String GYROSCOPE = "gyroscope";

    private final ModelCatalog catalog;
    private final ServerSettings settings;
    private final ModelCache<ExerciseModel> cache = new ModelCache<>();

    ImuEndpoint(ModelCatalog catalog, ServerSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    void handle(Context ctx) throws Exception {
        RequestBodies.requireType(ctx, List.of("multipart/form-data"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxBodyBytes()) {
            throw ApiError.tooLarge("request body of " + declared + " bytes is over the limit of " + settings.maxBodyBytes() + " bytes");
        }
        ModelCard card = catalog.requested(ctx, ExerciseTraining.MODEL_NAME);
        if (!card.loadableByModelFiles()) {
            throw ApiError.badRequest(card.id() + " is not an exercise model of wrist-IMU windows (its format is '"
                    + card.modelFormat() + "')");
        }
        UploadedFile acc = part(ctx, ACCELEROMETER);
        UploadedFile gyr = part(ctx, GYROSCOPE);
        ImuRecording recording;
        try (ScratchFolder scratch = new ScratchFolder()) {
            try {
                Path accFile = scratch.write(fileName(acc, SensorKind.ACCELEROMETER), content(acc));
                Path gyrFile = scratch.write(fileName(gyr, SensorKind.GYROSCOPE), content(gyr));
                recording = MetaWearDatasetLoader.defaults().loadPair(accFile, gyrFile);
            } catch (ImuDataException e) {
                throw ApiError.badRequest(scratch.describe(e.getMessage()));
            }
            ExerciseScoring.SetScore score;
            try {
                score = cache.with(card, loaded -> load(loaded), model -> ExerciseScoring.score(model, recording));
            } catch (ImuDataException e) {
                throw ApiError.badRequest(scratch.describe(e.getMessage()));
            }
            ctx.json(answer(card, score));
        }
    }

    void close() throws Exception {
        cache.close();
    }

    private ExerciseModel load(ModelCard card) throws IOException {
        try {
            return ExerciseModel.load(catalog.registry(), card.name(), card.version());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(card.id() + " is not an exercise model of wrist-IMU windows: " + e.getMessage());
        }
    }

    private static UploadedFile part(Context ctx, String name) {
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null) {
            throw ApiError.badRequest("missing the multipart file part '" + name + "'; expected the parts '" + ACCELEROMETER
                    + "' and '" + GYROSCOPE + "', each a MetaWear CSV export with its file name");
        }
        return file;
    }

    /**
     * The name the server gives the part's file: the MetaWear name rebuilt from what the sent name says
     * (set, sensor, rate, firmware), so no path or stray character of the request reaches the file system.
     */
    private static String fileName(UploadedFile part, SensorKind expected) {
        String sent = part.filename() == null ? "" : part.filename().strip();
        if (sent.isEmpty() || sent.contains("/") || sent.contains("\\") || sent.startsWith(".")) {
            throw ApiError.badRequest("part '" + expected.fileToken().toLowerCase(Locale.ROOT) + "' needs the MetaWear export's file"
                    + " name (like A-squat-heavy_MetaWear_2019-01-15T20.04.08.637_C42732BE255C_" + expected.fileToken()
                    + "_<rate>Hz_<firmware>.csv), got '" + sent + "'");
        }
        MetaWearFileName name = MetaWearFileName.parse(Path.of(sent), false);
        if (name.sensor() != expected) {
            throw ApiError.badRequest("part '" + expected.fileToken().toLowerCase(Locale.ROOT) + "' holds a "
                    + name.sensor().fileToken() + " file (" + sent + "); expected a " + expected.fileToken() + " file");
        }
        return MetaWearFileName.format(name.set(), name.sensor(), name.rateHz(), name.firmware());
    }

    private static byte[] content(UploadedFile part) throws IOException {
        try (InputStream in = part.content()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, Object> answer(ModelCard card, ExerciseScoring.SetScore score) {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (ExerciseScoring.WindowScore w : score.windows()) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("index", w.index());
            window.put("startSeconds", w.startSeconds());
            window.put("exercise", w.step().label());
            window.put("confidence", w.step().confidence());
            window.put("rawExercise", w.raw().label());
            window.put("rawConfidence", w.raw().confidence());
            window.put("rest", w.gate().rest());
            window.put("gateReason", w.gate().reason());
            windows.add(window);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("set", score.recording().info().id());
        set.put("exercise", score.label());
        set.put("confidence", score.confidence());
        set.put("repetitions", score.repCount());
        set.put("windows", score.windows().size());
        set.put("restWindows", score.restWindows());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", card.name());
        out.put("version", card.version());
        out.put("classes", card.classes());
        out.put("sets", List.of(set));
        out.put("windows", windows);
        return out;
    }
}
