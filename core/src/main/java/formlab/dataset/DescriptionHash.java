package formlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a dataset description: the SHA-256 of its file's bytes (for a built-in
 * description, of the resource shipped with FormLab). A model card keeps it, so a model can be traced
 * to the exact description it was trained from.
 */
public final class DescriptionHash {

    private DescriptionHash() {
    }

    /**
     * The lowercase hexadecimal SHA-256 of the bytes of {@code description}'s file.
     *
     * @throws UncheckedIOException when the file can no longer be read
     */
    public static String of(LoadedDescription description) {
        byte[] bytes;
        try {
            if (description.builtIn()) {
                String resource = description.file().toString().replace('\\', '/');
                try (InputStream in = DescriptionHash.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("built-in description resource " + resource + " is missing");
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(description.file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read description " + description.file() + ": " + e.getMessage(), e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
