package formlab.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A two-dimensional NumPy {@code .npy} array of 32- or 64-bit floats, read into memory as rows x
 * columns. Anything else (another element type, another number of dimensions, a file cut short)
 * is a {@link RecordingException} naming the file.
 */
public final class NpyMatrix {

    private NpyMatrix() {
    }

    /**
     * Reads {@code file} as rows x columns.
     *
     * @throws RecordingException when it is no .npy file of 2-dimensional float32 or float64 values
     * @throws IOException        when it cannot be read
     */
    public static double[][] read(Path file) throws IOException {
        NpyHeader header = NpyHeader.read(file);
        if (header.shape().length != 2) {
            throw new RecordingException(file, 0, 0, "expected a 2-dimensional array (rows x values), got shape "
                    + Arrays.toString(header.shape()));
        }
        String descr = header.descr();
        if (descr.length() != 3 || "<>|=".indexOf(descr.charAt(0)) < 0 || descr.charAt(1) != 'f'
                || (descr.charAt(2) != '4' && descr.charAt(2) != '8')) {
            throw new RecordingException(file, 0, 0, "expected float32 or float64 values (<f4, <f8), got '" + descr + "'");
        }
        long elements = header.elements();
        if (elements > Integer.MAX_VALUE / 8) {
            throw new RecordingException(file, 0, 0, "the array of " + elements + " values is too large to read at once");
        }
        int rows = (int) header.shape()[0];
        int columns = (int) header.shape()[1];
        int size = header.itemSize();
        byte[] all = Files.readAllBytes(file);
        int start = all.length - (int) elements * size;
        ByteBuffer buffer = ByteBuffer.wrap(all, start, (int) elements * size)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[][] matrix = new double[rows][columns];
        for (int k = 0; k < elements; k++) {
            double value = size == 4 ? buffer.getFloat() : buffer.getDouble();
            if (header.fortranOrder()) {
                matrix[k % rows][k / rows] = value;
            } else {
                matrix[k / columns][k % columns] = value;
            }
        }
        return matrix;
    }
}
