package formlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Converts {@link LabelledData} to a Tribuo dataset and wraps what Tribuo trains. */
final class TribuoTrainers {

    private static final LabelFactory LABELS = new LabelFactory();

    /**
     * Tribuo logs every SGD epoch through java.util.logging at INFO, which floods notebooks; the
     * reference is kept so the level survives garbage collection of the logger.
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private TribuoTrainers() {
    }

    /** One dense Tribuo example per row, features named as the table's columns. */
    static MutableDataset<Label> dataset(LabelledData data) {
        String[] names = data.features().toArray(String[]::new);
        double[][] x = data.x();
        String[] labels = data.labels();
        List<Example<Label>> examples = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            examples.add(new ArrayExample<>(new Label(labels[i]), names, x[i]));
        }
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance(data.table().name(), LABELS), LABELS);
    }

    static TribuoClassifier wrap(Model<Label> model, LabelledData data, String name, Map<String, Object> params) {
        return new TribuoClassifier(model, data.features(), data.classes(), name, params);
    }
}
