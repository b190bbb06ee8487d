package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.SyntheticFeatures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class RegistryComparisonTest {

    /** Hard data (noise 0.3): some participants stay below the default 0.80 per-group gate. */
    private static final LabelledData DATA = SyntheticFeatures.table(4, 2, 5, 0.3, 19);

    @TempDir
    Path dir;

    @Test
    void everyVersionIsComparedFromItsCardAndReviewedWithoutChangingStages() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), null);
        assertTrue(RegistryComparison.of(registry).isEmpty());
        List<ModelCard> starters = StarterModels.register(registry, "imu-exercise", "exercise from wrist IMU windows", DATA,
                List.of(), true, Progress.none());
        assertEquals(List.of("tribuo-logistic", "smile-rf"), starters.stream().map(c -> c.recipe().trainerName()).toList());

        RegistryComparison comparison = RegistryComparison.of(registry);
        Table versions = comparison.versions();
        assertEquals(2, versions.rowCount());
        for (int i = 0; i < 2; i++) {
            ModelCard card = starters.get(i);
            assertEquals(card.metric("balanced_accuracy").orElseThrow().value(), versions.doubleColumn("balanced_accuracy").get(i), 1e-4);
            assertTrue(versions.stringColumn("split").get(i).startsWith("leave-one-group-out"));
        }
        Table perGroup = comparison.perGroup();
        assertEquals(List.of("model version", "A", "B", "C", "D"), perGroup.columnNames());
        assertEquals(starters.get(1).groupMetrics().get(2).accuracy(), perGroup.doubleColumn("C").get(1), 1e-4);

        PromotionPolicy strict = PromotionPolicy.standard(0.99, "balanced_accuracy");
        RegistryComparison.Review review = comparison.review(strict);
        assertEquals(2, review.reports().size());
        assertTrue(review.reports().stream().noneMatch(PromotionReport::promoted));
        assertTrue(review.table().stringColumn("why not").get(0).contains("below threshold"), review.table().print());
        assertTrue(registry.production("imu-exercise").isEmpty(), "a review must not promote");

        // Promote v1 for real; the review of v2 now compares against it.
        assertTrue(registry.promote("imu-exercise", 1, PromotionPolicy.standard(0.0, "balanced_accuracy")).promoted());
        RegistryComparison after = RegistryComparison.of(registry);
        RegistryComparison.Review second = after.review(PromotionPolicy.standard(0.0, "balanced_accuracy"));
        assertEquals(1, second.reports().size());
        assertEquals("imu-exercise v1", second.reports().getFirst().production());
        boolean better = starters.get(1).metric("balanced_accuracy").orElseThrow().value()
                >= starters.get(0).metric("balanced_accuracy").orElseThrow().value();
        assertEquals(better, second.reports().getFirst().promoted(), second.reports().getFirst().toString());
        assertEquals(3, after.history().rowCount(), "registered x2 + promoted");
        assertFalse(after.perGroupFigure().asJavascript("x").isEmpty());
    }
}
