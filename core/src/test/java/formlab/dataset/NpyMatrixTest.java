package formlab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading .npy matrices, landmark rows in the declared layouts, and the description hash. */
class NpyMatrixTest {

    @TempDir
    Path dir;

    /** Writes a .npy file of {@code descr} with {@code shape} and the given raw values. */
    static void writeNpy(Path file, String descr, boolean fortran, int rows, int columns, double[] values) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + rows + ", " + columns + "), }";
        int size = Integer.parseInt(descr.substring(2));
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + values.length * size)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buffer.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        buffer.order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double value : values) {
            if (descr.endsWith("f4")) {
                buffer.putFloat((float) value);
            } else if (descr.endsWith("f8")) {
                buffer.putDouble(value);
            } else {
                buffer.putInt((int) value);
            }
        }
        Files.write(file, buffer.array());
    }

    @Test
    void readsFloat32RowMajorAndFloat64ColumnMajor() throws IOException {
        Path c = dir.resolve("c.npy");
        writeNpy(c, "<f4", false, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        double[][] m = NpyMatrix.read(c);
        assertArrayEquals(new double[] {1, 2, 3}, m[0]);
        assertArrayEquals(new double[] {4, 5, 6}, m[1]);
        Path f = dir.resolve("f.npy");
        writeNpy(f, ">f8", true, 2, 3, new double[] {1, 4, 2, 5, 3, 6});
        double[][] n = NpyMatrix.read(f);
        assertArrayEquals(new double[] {1, 2, 3}, n[0]);
        assertArrayEquals(new double[] {4, 5, 6}, n[1]);
    }

    @Test
    void badFilesFailNamingTheFile() throws IOException {
        Path ints = dir.resolve("ints.npy");
        writeNpy(ints, "<i4", false, 1, 2, new double[] {1, 2});
        RecordingException e = assertThrows(RecordingException.class, () -> NpyMatrix.read(ints));
        assertTrue(e.getMessage().contains("ints.npy") && e.getMessage().contains("<i4"), e.getMessage());

        Path text = dir.resolve("text.npy");
        Files.writeString(text, "x,y\n1,2\n");
        e = assertThrows(RecordingException.class, () -> NpyMatrix.read(text));
        assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("not a NumPy"), e.getMessage());

        Path cut = dir.resolve("cut.npy");
        writeNpy(cut, "<f4", false, 2, 3, new double[] {1, 2, 3, 4, 5, 6});
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        e = assertThrows(RecordingException.class, () -> NpyMatrix.read(cut));
        assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains("bytes"), e.getMessage());
    }

    @Test
    void landmarkRowsFollowTheDeclaredLayout() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/a"));
        // 2 landmarks x (x, y, v) in blocks: x0 x1 y0 y1 v0 v1, then one extra column
        writeNpy(data.resolve("s1_1.npy"), "<f4", false, 1, 7, new double[] {1, 2, 3, 4, 9, 9, 7});
        Path description = dir.resolve("data/formlab-dataset.json");
        Files.writeString(description, """
                {"name": "blocks", "modality": "pose",
                 "recordings": {"include": ["*/*.npy"], "format": "npy", "columns": 7,
                   "landmarks": {"layout": "blocks", "count": 2, "values": ["x", "y", "visibility"]}},
                 "labels": {"path": "{class}/{subject}_{take}.npy", "class": "class", "subject": "subject"}}
                """);
        LoadedDescription loaded = DatasetDescriptions.read(description);
        DatasetReport report = DatasetCheck.run(loaded);
        assertTrue(report.ok(), report.text());
        Recording recording = report.recordings().getFirst();
        assertEquals("s1", report.subjectOf(recording));
        assertEquals("a", report.classOf(recording));
        assertEquals(java.util.List.of("x", "y"), LandmarkRows.coordinates(loaded));
        double[][][] frames = LandmarkRows.read(loaded, recording);
        assertArrayEquals(new double[] {1, 3}, frames[0][0]);
        assertArrayEquals(new double[] {2, 4}, frames[0][1]);
    }

    @Test
    void landmarkCsvRowsAreRead() throws IOException {
        Path data = Files.createDirectories(dir.resolve("csv/warrior"));
        Files.writeString(data.resolve("p1.csv"), "frame,x0,y0,z0,x1,y1,z1\n0,0.1,0.2,0.3,0.4,0.5,0.6\n1,,0.2,0.3,0.4,0.5,0.6\n");
        Path description = dir.resolve("csv/formlab-dataset.json");
        Files.writeString(description, """
                {"name": "csv", "modality": "pose",
                 "recordings": {"include": ["*/*.csv"], "format": "landmark-csv", "missing": [""],
                   "landmarks": {"layout": "indexed", "count": 2, "values": ["x", "y", "z"]}},
                 "time": {"column": "frame", "unit": "sample", "rate": 30},
                 "labels": {"path": "{class}/{subject}.csv", "class": "class", "subject": "subject"}}
                """);
        LoadedDescription loaded = DatasetDescriptions.read(description);
        DatasetReport report = DatasetCheck.run(loaded);
        assertTrue(report.ok(), report.text());
        double[][][] frames = LandmarkRows.read(loaded, report.recordings().getFirst());
        assertEquals(2, frames.length);
        assertArrayEquals(new double[] {0.4, 0.5, 0.6}, frames[0][1], 1e-12);
        assertTrue(Double.isNaN(frames[1][0][0]));
    }

    @Test
    void descriptionHashIsTheSha256OfTheFileBytes() throws Exception {
        Path file = dir.resolve("d.json");
        Files.writeString(file, """
                {"name": "d", "modality": "pose",
                 "recordings": {"include": ["*.npy"], "format": "npy"},
                 "labels": {"path": "{class}_{subject}.npy", "class": "class", "subject": "subject"}}
                """);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, DescriptionHash.of(DatasetDescriptions.read(file)));
        byte[] builtIn;
        try (var in = getClass().getClassLoader().getResourceAsStream("formlab/dataset/descriptions/pose-repcount.json")) {
            builtIn = in.readAllBytes();
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(builtIn)),
                DescriptionHash.of(DatasetDescriptions.builtIn("pose-repcount")));
        Files.writeString(file, Files.readString(file) + " ");
        assertTrue(!expected.equals(DescriptionHash.of(DatasetDescriptions.read(file))), "a changed file changes the hash");
    }
}
