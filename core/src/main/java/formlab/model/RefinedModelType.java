package formlab.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Two-stage {@link RefinedClassifier}s (engine {@value #ENGINE}): the payload holds the two stages
 * as complete model files of their own, each preceded by its length and checked like any other; a
 * stage is never itself a refined model (no nesting beyond one level).
 */
public final class RefinedModelType implements ModelType {

    /** Engine name in the file header. */
    public static final String ENGINE = "refined";

    /** For {@link java.util.ServiceLoader}. */
    public RefinedModelType() {
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public List<String> trainerNames() {
        return List.of(RefinedTrainer.NAME);
    }

    @Override
    public Trainer trainer(String name, Map<String, ?> hyperparameters) {
        return RefinedTrainer.NAME.equals(name) ? RefinedTrainer.of(hyperparameters) : ModelType.super.trainer(name, hyperparameters);
    }

    @Override
    public boolean saves(Classifier classifier) {
        return classifier instanceof RefinedClassifier;
    }

    @Override
    public Payload save(Classifier classifier) throws IOException {
        RefinedClassifier refined = (RefinedClassifier) classifier;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Classifier stage : List.of(refined.base(), refined.refiner())) {
            if (stage instanceof RefinedClassifier) {
                throw new IllegalArgumentException("a refined model's stage is itself a refined model; refined models do not nest");
            }
            byte[] nested = ModelFiles.bytes(stage);
            out.writeInt(nested.length);
            out.write(nested);
        }
        out.flush();
        return new Payload(RefinedTrainer.NAME, refined.hyperparameters(), bytes.toByteArray());
    }

    @Override
    public Classifier load(Path file, ModelFileHeader header, byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        Classifier[] stages = new Classifier[2];
        for (int s = 0; s < 2; s++) {
            int length = in.readInt();
            if (length <= 0 || length > payload.length) {
                throw new ModelFileException(file, "refined model: stage " + (s + 1) + " length " + length + " is out of range");
            }
            byte[] nested = ModelFiles.readFully(file, in, length, "refined model's stage " + (s + 1));
            stages[s] = ModelFiles.read(file, new DataInputStream(new ByteArrayInputStream(nested)), ENGINE);
        }
        if (in.read() != -1) {
            throw new ModelFileException(file, "refined model: unexpected bytes after its two stages");
        }
        RefinedClassifier refined;
        try {
            refined = new RefinedClassifier(stages[0], stages[1], header.hyperparameters());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "refined model: " + e.getMessage(), e);
        }
        if (!refined.featureNames().equals(header.featureNames()) || !refined.classes().equals(header.classes())) {
            throw new ModelFileException(file, "refined model: the stages' features or classes differ from the header's");
        }
        return refined;
    }
}
