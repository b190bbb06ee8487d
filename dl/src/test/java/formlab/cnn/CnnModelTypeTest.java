package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.model.LabelledData;
import formlab.model.ModelTypes;
import formlab.model.Trainer;
import formlab.model.Trainers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The image CNN joins the model contract through the service lookup, without a line in the core naming it. */
class CnnModelTypeTest {

    @Test
    void theCnnIsFoundByItsEngineAndItsTrainerName() {
        assertInstanceOf(CnnModelType.class, ModelTypes.byEngine(CnnModelType.ENGINE).orElseThrow());
        assertTrue(ModelTypes.engines().containsAll(List.of("smile", "tribuo", "refined", CnnModelType.ENGINE)), ModelTypes.engines().toString());
        assertTrue(ModelTypes.isModelFileFormat(ImageCnnRegistration.FORMAT));
        assertTrue(ModelTypes.isModelFileFormat("formlab-model"));
    }

    @Test
    void trainersCreateRebuildsTheCnnTrainerFromItsHyperparameters() {
        CnnImageTrainer trainer = new CnnImageTrainer(CnnConfig.DEFAULT.withWidth(8).withSeed(7).withLearningRate(1e-3));
        Trainer rebuilt = Trainers.create(trainer.name(), trainer.hyperparameters());
        assertEquals(trainer, rebuilt);
        CnnImageTrainer partial = (CnnImageTrainer) Trainers.create(CnnImageTrainer.NAME, Map.of("imageSize", 48, "networks", 3));
        assertEquals(CnnConfig.DEFAULT.withImageSize(48), partial.config(), "left-out keys take the defaults, unknown keys are ignored");
        assertThrows(IllegalArgumentException.class, () -> Trainers.create(CnnImageTrainer.NAME, Map.of("width", 0)));
    }

    @Test
    void fittingFeatureRowsIsRefusedWithTheImageEntryNamed() {
        Table table = Table.create("rows", DoubleColumn.create("x", 1, 2, 3, 4), StringColumn.create("label", "a", "b", "a", "b"),
                StringColumn.create("who", "p", "p", "q", "q"));
        LabelledData rows = new LabelledData(table, List.of("x"), "label", "who");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new CnnImageTrainer(CnnConfig.DEFAULT).fit(rows));
        assertTrue(e.getMessage().contains("trains on images") && e.getMessage().contains("train(PreparedImages"), e.getMessage());
    }
}
