package formlab.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes image files by their content: the format comes from the magic bytes
 * ({@link ImageFormat#detect}), the matching ImageIO reader decodes the bytes, and the result is
 * RGB. JPEG, PNG, GIF, BMP and TIFF come with the JDK; WebP and the more forgiving JPEG reader
 * (damaged markers, broken colour profiles, CMYK) come from the TwelveMonkeys ImageIO plugins on
 * the class path. Anything that is not a usable image raises an {@link ImageDecodeException}
 * naming the file and the reason, so callers can skip it.
 *
 * <p>Images whose shorter side is below the minimum (default {@value #DEFAULT_MIN_SIDE} px, the
 * minimum of training and prediction alike) are refused ({@link ImageDecodeException.Problem#TOO_SMALL})
 * rather than letterboxed: a 1x1 "tracking pixel" scaled up is a flat colour square that carries no
 * pose and would only add label noise.
 *
 * <p>Damaged data that the reader gets through (a truncated JPEG: its reader warns "premature end"
 * and fills the missing rows with grey) is decoded: the image holds what the file holds, and the
 * reader's warnings are kept in {@link DecodedImage#damage()} and logged (WARN) with the file's
 * name. Warnings about quirks that lose no pixels are logged at DEBUG only. Data the reader cannot
 * get through (cut inside the header) is {@link ImageDecodeException.Problem#CORRUPT}.
 */
public final class ImageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

    /**
     * Smallest accepted shorter side, in pixels, for training images (the folder scan) and for
     * prediction (CNN, pose estimation): {@link #tooSmall} applies it to files and images alike.
     */
    public static final int DEFAULT_MIN_SIDE = 16;

    /** Default largest accepted image, in pixels (guards memory against decompression bombs). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final int minSide;
    private final long maxPixels;

    /** A decoder with the default limits. */
    public ImageDecoder() {
        this(DEFAULT_MIN_SIDE, DEFAULT_MAX_PIXELS);
    }

    /**
     * @param minSide   smallest accepted shorter side in pixels (at least 1)
     * @param maxPixels largest accepted width x height
     */
    public ImageDecoder(int minSide, long maxPixels) {
        if (minSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("minSide and maxPixels must be positive, got " + minSide + ", " + maxPixels);
        }
        this.minSide = minSide;
        this.maxPixels = maxPixels;
    }

    /** The smallest accepted shorter side in pixels. */
    public int minSide() {
        return minSide;
    }

    /** Reads and decodes {@code file}. */
    public DecodedImage decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(ImageDecodeException.Problem.UNREADABLE, file, "no such file");
        } catch (IOException e) {
            throw new ImageDecodeException(ImageDecodeException.Problem.UNREADABLE, file, "cannot read: " + e.getMessage(), e);
        }
        return decode(bytes, file);
    }

    /** Decodes {@code bytes}; {@code source} names them in messages. */
    public DecodedImage decode(byte[] bytes, Path source) {
        ImageFormat format = ImageFormat.detect(bytes);
        String extension = extension(source);
        if (format == ImageFormat.UNKNOWN) {
            throw new ImageDecodeException(ImageDecodeException.Problem.NOT_AN_IMAGE, source,
                    "not an image: content starts with " + ImageFormat.describeHead(bytes)
                            + ", expected JPEG, PNG, GIF, BMP, TIFF or WebP magic bytes");
        }
        if (!format.decodable()) {
            throw new ImageDecodeException(ImageDecodeException.Problem.UNSUPPORTED_FORMAT, source,
                    format + " content" + (extension.isEmpty() ? "" : " (file named ." + extension + ")")
                            + " cannot be decoded: no ImageIO reader for " + format
                            + " on the class path (WebP needs the TwelveMonkeys imageio-webp plugin); convert it to PNG or JPEG");
        }
        Set<String> warnings = new LinkedHashSet<>();
        BufferedImage decoded = read(bytes, format, source, warnings);
        tooSmall(decoded.getWidth(), decoded.getHeight(), minSide).ifPresent(problem -> {
            throw new ImageDecodeException(ImageDecodeException.Problem.TOO_SMALL, source, problem);
        });
        List<String> damage = List.of();
        if (warnings.stream().anyMatch(ImageDecoder::missingData)) {
            damage = List.copyOf(warnings);
            LOG.warn("{}: damaged {} data, decoded what the file holds (the reader fills the missing part with grey): {}",
                    source, format, String.join("; ", damage));
        } else if (!warnings.isEmpty()) {
            LOG.debug("{}: the {} reader warned but decoded every pixel: {}", source, format, String.join("; ", warnings));
        }
        return new DecodedImage(toRgb(decoded), format, sha256(bytes), bytes.length, damage);
    }

    /**
     * True for a reader warning that says image data is missing (libjpeg's "premature end of data
     * segment", given for truncated JPEGs). Other warnings (extraneous bytes before a marker, 16-bit
     * quantisation tables) are quirks the reader decodes through without losing pixels.
     */
    static boolean missingData(String warning) {
        return warning.toLowerCase(Locale.ROOT).contains("premature end");
    }

    /**
     * The one minimum-size rule: why a {@code width x height} image is too small to classify, or
     * empty when its shorter side is at least {@code minSide} px.
     */
    public static Optional<String> tooSmall(int width, int height, int minSide) {
        if (Math.min(width, height) >= minSide) {
            return Optional.empty();
        }
        return Optional.of("image is " + width + "x" + height + " px, shorter side must be at least " + minSide
                + " px to show a pose (the minimum of training and prediction)");
    }

    /**
     * Refuses an in-memory image below the minimum side of training ({@value #DEFAULT_MIN_SIDE} px).
     *
     * @throws IllegalArgumentException naming the size and the minimum
     */
    public static void requireMinSide(BufferedImage image) {
        tooSmall(image.getWidth(), image.getHeight(), DEFAULT_MIN_SIDE).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private BufferedImage read(byte[] bytes, ImageFormat format, Path source, Set<String> warnings) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels) {
                throw new ImageDecodeException(ImageDecodeException.Problem.TOO_LARGE, source,
                        reader.getWidth(0) + "x" + reader.getHeight(0) + " px is over the limit of " + maxPixels + " pixels");
            }
            return reader.read(0);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(ImageDecodeException.Problem.CORRUPT, source,
                    "corrupt " + format + " data: " + (e.getMessage() == null ? e.toString() : e.getMessage())
                            + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"), e);
        } finally {
            reader.dispose();
        }
    }

    /** Converts any decoded image to {@link BufferedImage#TYPE_INT_RGB}, compositing transparency on white. */
    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
