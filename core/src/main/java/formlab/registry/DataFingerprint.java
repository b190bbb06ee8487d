package formlab.registry;

import formlab.model.LabelledData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of the training table as the model saw it: feature names, then every row's feature
 * values (exact bits), label and group. Two tables with this hash train identical models with
 * the same seed, whatever the files looked like, so re-training can check it rebuilt the same table.
 */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    /** The fingerprint of {@code data}, hex. */
    public static String sha256(LabelledData data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        for (String feature : data.features()) {
            text(digest, feature);
        }
        double[][] x = data.x();
        String[] labels = data.labels();
        String[] groups = data.groups();
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES * data.features().size());
        for (int i = 0; i < x.length; i++) {
            buffer.clear();
            for (double value : x[i]) {
                buffer.putLong(Double.doubleToLongBits(value));
            }
            digest.update(buffer.array(), 0, buffer.position());
            text(digest, labels[i]);
            text(digest, groups[i]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
