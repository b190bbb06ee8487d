package formlab.cli;

import formlab.data.DataSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A built-in IMU description copied for a test that trains on part of its dataset: another
 * {@code recordings.include} and the dataset folder under FORMLAB_DATA_DIR written in as an absolute
 * {@code folder} (the test is skipped when that dataset is not there).
 */
final class ReducedDescription {

    private ReducedDescription() {
    }

    /**
     * Writes the copy of built-in description {@code name} to {@code file}, its include list
     * {@code include} (the JSON text as the built-in spells it) replaced by {@code reduced}.
     */
    static Path write(String name, String include, String reduced, Path file) throws IOException {
        Path data = DataSettings.dataset(name).orElse(null);
        Assumptions.assumeTrue(data != null, name + " not available (FORMLAB_DATA_DIR)");
        String text;
        try (InputStream in = ReducedDescription.class.getClassLoader()
                .getResourceAsStream("formlab/dataset/descriptions/" + name + ".json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!text.contains(include)) {
            throw new IllegalStateException("the built-in description " + name + " has no " + include);
        }
        text = text.replace(include, reduced);
        text = text.replace("\"modality\": \"imu\",", "\"folder\": \"" + data.toAbsolutePath().toString().replace("\\", "/")
                + "\",\n  \"modality\": \"imu\",");
        Files.writeString(file, text);
        return file;
    }
}
