package formlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a dataset description as a model card records it: the SHA-256 of the description
 * file's bytes (for a built-in description, of its resource), so a model names exactly the description
 * it was trained through.
 */
public final class DescriptionHash {

    private DescriptionHash() {
    }

    /** Lowercase hexadecimal SHA-256 of the bytes of {@code d}'s description file. */
    public static String of(LoadedDescription d) {
        byte[] bytes;
        try {
            if (d.builtIn()) {
                String resource = d.file().toString().replace('\\', '/');
                try (InputStream in = DescriptionHash.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("built-in description resource " + resource + " is missing");
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(d.file());
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the description " + d.file(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
