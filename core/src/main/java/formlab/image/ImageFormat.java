package formlab.image;

import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * An image file format recognised by its content (magic bytes), never by its file extension:
 * web-scraped datasets hold PNGs named {@code .jpg} and JPEGs named {@code .bmp}.
 */
public enum ImageFormat {
    /** JPEG/JFIF/EXIF: starts with {@code FF D8 FF}. */
    JPEG("jpeg"),
    /** PNG: starts with {@code 89 'PNG' 0D 0A 1A 0A}. */
    PNG("png"),
    /** GIF87a/GIF89a. */
    GIF("gif"),
    /** Windows bitmap: starts with {@code 'BM'}. */
    BMP("bmp"),
    /** WebP: {@code 'RIFF' <size> 'WEBP'}. Read by the TwelveMonkeys plugin (the JDK alone has no WebP reader). */
    WEBP("webp"),
    /** TIFF, little or big endian. */
    TIFF("tiff"),
    /** Anything else (text, HTML error pages, truncated downloads...). */
    UNKNOWN("unknown");

    /** Bytes needed by {@link #detect(byte[])} to tell every format apart. */
    public static final int MAGIC_LENGTH = 12;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO uses for it (e.g. {@code jpeg}). */
    public String imageIoName() {
        return imageIoName;
    }

    /** True when an ImageIO reader for this format is on the class path (WebP: only with the TwelveMonkeys plugin). */
    public boolean decodable() {
        return this != UNKNOWN && ImageIO.getImageReadersByFormatName(imageIoName).hasNext();
    }

    /** Recognises the format from the first bytes of a file ({@link #MAGIC_LENGTH} are enough). */
    public static ImageFormat detect(byte[] head) {
        if (startsWith(head, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(head, 0, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8')) {
            return GIF;
        }
        if (startsWith(head, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(head, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return WEBP;
        }
        if (startsWith(head, 0, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0)
                || startsWith(head, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)) {
            return TIFF;
        }
        if (startsWith(head, 0, (byte) 'B', (byte) 'M') && head.length >= 14) {
            return BMP;
        }
        return UNKNOWN;
    }

    /** The first bytes as hex, for messages about unrecognised files. */
    static String describeHead(byte[] head) {
        byte[] shown = Arrays.copyOf(head, Math.min(head.length, 8));
        return shown.length == 0 ? "an empty file" : "bytes " + HexFormat.ofDelimiter(" ").formatHex(shown);
    }

    private static boolean startsWith(byte[] data, int offset, byte... prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
