package formlab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.eval.Progress;
import formlab.model.SmileGradientBoostingTrainer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry round trip on real recordings (skipped without FORMLAB_DATA_DIR). */
class RealDataRegistryTest {

    @TempDir
    Path dir;

    @Test
    void yogaPoseModelIsMeasuredByParticipantRegisteredAndReproducedFromItsCard() throws Exception {
        Optional<PosePilotSample.Sample> sample = PosePilotSample.load(8);
        Assumptions.assumeTrue(sample.isPresent(), "pose-yoga-posepilot not available");
        var data = sample.get().data();
        assertEquals(6, data.groupNames().size());
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"), dir);
        TrainingRecipe recipe = TrainingRecipe.of("yoga pose from body joints", data,
                new SmileGradientBoostingTrainer(40, 4, 6, 3, 0.1, 0.8, 17), SplitSpec.leaveOneGroupOut());
        TrainingRun run = TrainingRun.execute(recipe, data, Progress.none());
        // Six poses: chance is 0.17; held-out participants are still recognised well above it.
        System.out.println("posepilot cam_1 LOGO: " + run.evaluation() + " per group " + run.evaluation().groupAccuracies());
        assertTrue(run.evaluation().balancedAccuracy() > 0.6, run.evaluation().toString());
        ModelCard card = registry.register("yoga-pose", run, sample.get().files());
        assertEquals(sample.get().files().size(), card.data().size());
        assertTrue(card.data().getFirst().path().startsWith("$FORMLAB_DATA_DIR/pose-yoga-posepilot/"), card.data().getFirst().path());

        Reproduction again = Reproduction.check(registry, "yoga-pose", 1, PosePilotSample.load(8).orElseThrow().data(), Progress.none());
        assertTrue(again.reproduced(), again.checks().print());
    }
}
