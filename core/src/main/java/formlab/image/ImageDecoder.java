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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files by their content: the format comes from the magic bytes
 * ({@link ImageFormat#detect}), the matching ImageIO reader decodes the bytes, and the result is
 * RGB. Anything that is not a usable image raises an {@link ImageDecodeException} naming the file
 * and the reason, so callers can skip it.
 *
 * <p>Images whose shorter side is below the minimum (default {@value #DEFAULT_MIN_SIDE} px) are
 * refused ({@link ImageDecodeException.Problem#TOO_SMALL}) rather than letterboxed: a 1x1
 * "tracking pixel" scaled up is a flat colour square that carries no pose and would only add
 * label noise. A truncated JPEG (ImageIO warns "premature end" and fills the rest with grey) counts
 * as corrupt.
 */
public final class ImageDecoder {

    /** Default smallest accepted shorter side, in pixels. */
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
                            + ", expected JPEG, PNG, GIF, BMP or TIFF magic bytes");
        }
        if (!format.decodable()) {
            throw new ImageDecodeException(ImageDecodeException.Problem.UNSUPPORTED_FORMAT, source,
                    format + " content" + (extension.isEmpty() ? "" : " (file named ." + extension + ")")
                            + " cannot be decoded: no ImageIO reader for " + format + "; convert it to PNG or JPEG");
        }
        BufferedImage decoded = read(bytes, format, source);
        int side = Math.min(decoded.getWidth(), decoded.getHeight());
        if (side < minSide) {
            throw new ImageDecodeException(ImageDecodeException.Problem.TOO_SMALL, source,
                    "image is " + decoded.getWidth() + "x" + decoded.getHeight() + " px, shorter side must be at least "
                            + minSide + " px to show a pose");
        }
        return new DecodedImage(toRgb(decoded), format, sha256(bytes), bytes.length);
    }

    private BufferedImage read(byte[] bytes, ImageFormat format, Path source) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels) {
                throw new ImageDecodeException(ImageDecodeException.Problem.TOO_LARGE, source,
                        reader.getWidth(0) + "x" + reader.getHeight(0) + " px is over the limit of " + maxPixels + " pixels");
            }
            BufferedImage image = reader.read(0);
            for (String warning : warnings) {
                if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new ImageDecodeException(ImageDecodeException.Problem.CORRUPT, source,
                            "truncated " + format + " data (" + warning + ")");
                }
            }
            return image;
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(ImageDecodeException.Problem.CORRUPT, source,
                    "corrupt " + format + " data: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
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
