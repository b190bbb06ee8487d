package formlab.dataset;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file (format versions 1-3): element type and shape, read without
 * loading the array. {@link #read} also checks that the file is as long as the header says.
 *
 * @param descr        the element type, e.g. {@code <f4}
 * @param fortranOrder whether the array is stored column-major
 * @param shape        the dimensions
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads the header of {@code file}; a {@link RecordingException} when it is no .npy file or is cut short. */
    static NpyHeader read(Path file) throws IOException {
        long dataStart;
        String dict;
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = in.readNBytes(6);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new RecordingException(file, 0, 0, "not a NumPy .npy file (it does not start with \\x93NUMPY)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long length;
            if (major == 1) {
                length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                dataStart = 10 + length;
            } else if (major == 2 || major == 3) {
                length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                dataStart = 12 + length;
            } else {
                throw new RecordingException(file, 0, 0, "unknown .npy format version " + major + " (expected 1, 2 or 3)");
            }
            byte[] header = in.readNBytes((int) Math.min(length, 1 << 20));
            if (header.length < length) {
                throw new RecordingException(file, 0, 0, "the .npy header is cut short");
            }
            dict = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        Matcher descr = DESCR.matcher(dict);
        Matcher order = ORDER.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !order.find() || !shape.find()) {
            throw new RecordingException(file, 0, 0, "the .npy header lacks descr, fortran_order or shape: " + dict.strip());
        }
        long[] dims = Arrays.stream(shape.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        NpyHeader result = new NpyHeader(descr.group(1), order.group(1).equals("True"), dims);
        long expected = dataStart + result.elements() * result.itemSize();
        long size = Files.size(file);
        if (result.itemSize() > 0 && size != expected) {
            throw new RecordingException(file, 0, 0, "the header promises " + Arrays.toString(dims) + " values of "
                    + result.descr + " (" + expected + " bytes) but the file has " + size + " bytes");
        }
        return result;
    }

    /** Number of elements (product of the shape). */
    long elements() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** Bytes per element, from the type's digits ({@code <f4} = 4); 0 when the type has no size. */
    int itemSize() {
        String digits = descr.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
