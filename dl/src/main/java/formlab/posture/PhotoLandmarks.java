package formlab.posture;

import formlab.data.AtomicFiles;
import formlab.data.ProjectPaths;
import formlab.image.ImageDataset;
import formlab.image.DecodedImage;
import formlab.image.ImageDecoder;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.estimate.LandmarkEstimate;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The pose landmarks of photos, estimated once per content and kept in a CSV file: the key is the
 * SHA-256 of the photo's bytes, so a renamed or copied photo is not estimated again and a changed
 * one is. One file per landmark model (its name is written in every row and checked on reading).
 *
 * <p>Layout: header {@code sha256,model,width,height,pose_score,detected,x0,y0,z0,v0,...,v32}, one
 * row per photo; x and y image-normalised, as {@link LandmarkEstimate#pose()} gives them.
 * {@link #save()} writes the file atomically; a damaged file is an error naming its line, never
 * silently rebuilt.
 */
public final class PhotoLandmarks {

    /** What estimates the landmarks of a decoded photo ({@code PoseEstimator::estimate}). */
    @FunctionalInterface
    public interface Estimator {
        /** Landmarks of the most prominent person in {@code image}. */
        LandmarkEstimate estimate(BufferedImage image);
    }

    /**
     * The landmarks of one photo.
     *
     * @param sha256    SHA-256 of the photo's bytes
     * @param width     photo width in pixels
     * @param height    photo height in pixels
     * @param poseScore the landmark model's probability that a person is in the region
     * @param detected  true when the person detector found the region (not the whole-image fallback)
     * @param pose      the 33 landmarks, image-normalised, with depth and visibility
     */
    public record Landmarks(String sha256, int width, int height, double poseScore, boolean detected, Pose pose) {

        /** A person was found (MediaPipe's threshold, as {@link LandmarkEstimate#personFound()}). */
        public boolean personFound() {
            return poseScore >= 0.5;
        }
    }

    private static final int FIXED_COLUMNS = 6;

    private final Path file;
    private final String model;
    private final ImageDecoder decoder = new ImageDecoder();
    private final Map<String, Landmarks> bySha = new LinkedHashMap<>();
    private int estimated;

    private PhotoLandmarks(Path file, String model) {
        this.file = file;
        this.model = model;
    }

    /**
     * The cache in {@code file} for landmark model {@code model} (e.g. {@code mediapipe-pose-full}),
     * empty when the file does not exist yet.
     *
     * @throws IllegalStateException naming file and line when a row is malformed or from another model
     */
    public static PhotoLandmarks open(Path file, String model) {
        PhotoLandmarks cache = new PhotoLandmarks(file, model);
        if (!Files.exists(file)) {
            return cache;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the landmark cache", e);
        }
        if (lines.isEmpty() || !lines.getFirst().equals(header())) {
            throw damaged(file, 1, "expected the header " + header().substring(0, 60) + "...");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                Landmarks row = cache.parse(lines.get(i), i + 1);
                cache.bySha.put(row.sha256(), row);
            }
        }
        return cache;
    }

    /**
     * The landmarks of the photo {@code photo}: from the cache when its content was seen before,
     * otherwise decoded and estimated by {@code estimator} and remembered (call {@link #save()}).
     *
     * @param estimator may be null when every photo asked for is known to be cached
     * @throws formlab.image.ImageDecodeException when the photo cannot be decoded
     */
    public Landmarks get(Path photo, Estimator estimator) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new UncheckedIOException(photo + ": cannot read", e);
        }
        String sha = ImageDecoder.sha256(bytes);
        Landmarks cached = bySha.get(sha);
        if (cached != null) {
            return cached;
        }
        if (estimator == null) {
            throw new IllegalStateException(photo + " (sha256 " + sha.substring(0, 12) + ") is not in the landmark cache " + file);
        }
        DecodedImage image = decoder.decode(bytes, photo);
        LandmarkEstimate e = estimator.estimate(image.image());
        Landmarks landmarks = new Landmarks(sha, image.width(), image.height(), e.poseScore(), e.detected(), e.pose());
        bySha.put(sha, landmarks);
        estimated++;
        return landmarks;
    }

    /**
     * Where the landmarks of {@code dataset}'s photos by {@code model} are kept by default:
     * {@code data/interim/<dataset folder>/photo-landmarks-<model>.csv}, beside its split manifest.
     */
    public static Path defaultFile(ImageDataset dataset, String model) {
        return ProjectPaths.locate().interim().resolve(dataset.scan().root().getFileName().toString())
                .resolve("photo-landmarks-" + model + ".csv");
    }

    /** Photos estimated (not found in the cache) since it was opened. */
    public int estimated() {
        return estimated;
    }

    /** Photos held. */
    public int size() {
        return bySha.size();
    }

    /** The cache file. */
    public Path file() {
        return file;
    }

    /** Writes every entry to the cache file, atomically. */
    public void save() {
        StringBuilder text = new StringBuilder(header()).append('\n');
        for (Landmarks row : bySha.values()) {
            StringJoiner j = new StringJoiner(",");
            j.add(row.sha256()).add(model).add(Integer.toString(row.width())).add(Integer.toString(row.height()))
                    .add(number(row.poseScore())).add(Boolean.toString(row.detected()));
            for (Joint joint : Joint.values()) {
                Pose p = row.pose();
                j.add(number(p.x(joint))).add(number(p.y(joint))).add(number(p.z(joint))).add(number(p.visibility(joint)));
            }
            text.append(j).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** The header line. */
    static String header() {
        StringJoiner j = new StringJoiner(",");
        j.add("sha256").add("model").add("width").add("height").add("pose_score").add("detected");
        for (int i = 0; i < Joint.COUNT; i++) {
            j.add("x" + i).add("y" + i).add("z" + i).add("v" + i);
        }
        return j.toString();
    }

    private Landmarks parse(String line, int lineNumber) {
        String[] cells = line.split(",", -1);
        int expected = FIXED_COLUMNS + 4 * Joint.COUNT;
        if (cells.length != expected) {
            throw damaged(file, lineNumber, "expected " + expected + " columns, found " + cells.length);
        }
        if (!cells[1].equals(model)) {
            throw damaged(file, lineNumber, "landmarks of model '" + cells[1] + "', expected '" + model + "'");
        }
        if (!cells[0].matches("[0-9a-f]{64}")) {
            throw damaged(file, lineNumber, "column 1 is not a SHA-256: '" + cells[0] + "'");
        }
        List<Double> values = new ArrayList<>();
        for (int c = 2; c < cells.length; c++) {
            if (c == 5) {
                continue;
            }
            try {
                values.add(Double.parseDouble(cells[c]));
            } catch (NumberFormatException e) {
                throw damaged(file, lineNumber, "column " + (c + 1) + " is not a number: '" + cells[c] + "'");
            }
        }
        if (!cells[5].equals("true") && !cells[5].equals("false")) {
            throw damaged(file, lineNumber, "column 6 (detected) must be true or false, found '" + cells[5] + "'");
        }
        Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            int at = 3 + 4 * joint.index();
            pose.set(joint, values.get(at), values.get(at + 1), values.get(at + 2), values.get(at + 3));
        }
        return new Landmarks(cells[0], values.get(0).intValue(), values.get(1).intValue(), values.get(2),
                Boolean.parseBoolean(cells[5]), pose.build());
    }

    private static IllegalStateException damaged(Path file, int line, String detail) {
        return new IllegalStateException(file + ":" + line + ": " + detail + "; the landmark cache is damaged, delete it to"
                + " estimate the photos again");
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
