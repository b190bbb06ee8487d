package formlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

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

    /**
     * A warning when {@code description} is no longer the description a model was trained with (its
     * SHA-256 differs from {@code trainedSha256}); empty when it is the same.
     *
     * @param modelId       the model, as its card names it
     * @param trainedName   the description's name when the model was trained
     * @param trainedSha256 the description's SHA-256 on the model's card
     */
    public static Optional<String> changedSince(String modelId, String trainedName, String trainedSha256,
            LoadedDescription description) {
        String hash = of(description);
        if (hash.equals(trainedSha256)) {
            return Optional.empty();
        }
        return Optional.of("warning: model " + modelId + " was trained with description '" + trainedName + "' of SHA-256 "
                + shortHash(trainedSha256) + "; '" + description.description().name() + "' (" + description.file()
                + ") has SHA-256 " + shortHash(hash) + ": the description changed since, check that classes and units still mean the same");
    }

    private static String shortHash(String hash) {
        return hash != null && hash.length() > 12 ? hash.substring(0, 12) + "..." : String.valueOf(hash);
    }
}
