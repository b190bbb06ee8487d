package formlab.cnn;

import formlab.image.ImageFolderReader;
import formlab.image.Normalization;
import formlab.image.PreparedImages;
import formlab.image.Preprocessing;
import formlab.image.SplitManifest;
import formlab.image.SplitRatios;
import formlab.image.SyntheticPoses;
import java.io.IOException;
import java.nio.file.Path;

/** Small synthetic stick-figure datasets and configs that train in seconds, for tests. */
final class TinyModels {

    private TinyModels() {
    }

    /** 20 figures per pose written under {@code folder}, split 60/20/20 and prepared at 32 px. */
    static PreparedImages figures(Path folder) throws IOException {
        SyntheticPoses.writeDataset(folder, 20, 48, 7);
        SplitManifest manifest = SplitManifest.create(ImageFolderReader.read(folder), SplitRatios.DEFAULT, 7);
        return PreparedImages.load(folder, manifest, new Preprocessing(32, Normalization.UNIT)).withTrainNormalization();
    }

    /** A narrow network and a short schedule. */
    static CnnConfig config(int epochs) {
        return CnnConfig.DEFAULT.withImageSize(32).withWidth(8).withBatchSize(16).withEpochs(epochs, epochs).withLearningRate(0.005);
    }
}
