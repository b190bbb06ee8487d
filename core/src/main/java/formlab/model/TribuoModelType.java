package formlab.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Tribuo models (engine {@code tribuo}): CART trees and logistic regression. They are stored as
 * Tribuo's own protobuf ({@code ModelProto}), not Java serialization; before decoding, the class
 * named inside must be an {@code org.tribuo} class, and Tribuo only instantiates classes through
 * their {@code deserializeFromProto} factory.
 */
public final class TribuoModelType implements ModelType {

    /** For {@link java.util.ServiceLoader}. */
    public TribuoModelType() {
    }

    @Override
    public String engine() {
        return "tribuo";
    }

    @Override
    public List<String> trainerNames() {
        return List.of(TribuoCartTrainer.NAME, TribuoLogisticTrainer.NAME);
    }

    @Override
    public Trainer trainer(String name, Map<String, ?> hyperparameters) {
        return switch (name) {
            case TribuoCartTrainer.NAME -> TribuoCartTrainer.of(hyperparameters);
            case TribuoLogisticTrainer.NAME -> TribuoLogisticTrainer.of(hyperparameters);
            default -> ModelType.super.trainer(name, hyperparameters);
        };
    }

    @Override
    public boolean saves(Classifier classifier) {
        return classifier instanceof TribuoClassifier;
    }

    @Override
    public Payload save(Classifier classifier) {
        TribuoClassifier tribuo = (TribuoClassifier) classifier;
        return new Payload(tribuo.trainer(), tribuo.hyperparameters(), tribuo.tribuoModel().serialize().toByteArray());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Classifier load(Path file, ModelFileHeader header, byte[] payload) throws IOException {
        Model<Label> model;
        try {
            ModelProto proto = ModelProto.parseFrom(payload);
            if (!proto.getClassName().startsWith("org.tribuo.")) {
                throw new ModelFileException(file, "payload names class '" + proto.getClassName() + "', expected an org.tribuo model");
            }
            Model<?> decoded = Model.deserialize(proto);
            if (!decoded.validate(Label.class)) {
                throw new ModelFileException(file, "Tribuo model does not predict classification labels");
            }
            model = (Model<Label>) decoded;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(file, "cannot decode the Tribuo payload: " + e, e);
        }
        return new TribuoClassifier(model, header.featureNames(), header.classes(), header.trainer(), header.hyperparameters());
    }
}
