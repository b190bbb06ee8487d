package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.image.PreparedImages;
import formlab.image.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnBenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void measuresEveryFigureAndReportsThem() throws Exception {
        PreparedImages data = TinyModels.figures(temp.resolve("figures"));
        List<String> log = new ArrayList<>();
        CnnBenchmark.Result result = CnnBenchmark.run(data, TinyModels.config(1), null, log::add);
        assertEquals(32, result.inputSize());
        assertEquals(data.split(Split.TRAIN).size(), result.trainImages());
        assertTrue(result.parameters() > 0);
        assertTrue(result.trainImagesPerSecond() > 0);
        assertEquals(TorchRuntime.trainingThreads(), result.trainThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(), result.allCores());
        assertTrue(Double.isNaN(result.allCoresImagesPerSecond()) || result.allCoresImagesPerSecond() > 0);
        assertTrue(result.latencyMedianMillis() > 0 && result.latencyP95Millis() >= result.latencyMedianMillis());
        assertTrue(result.batch1ImagesPerSecond() > 0 && result.batch32ImagesPerSecond() > 0);
        assertTrue(result.peakHeapBytes() > 0);
        String report = result.report();
        assertTrue(result.fileLatencyMedianMillis() > 0);
        for (String label : List.of("training", "training, baseline", "load saved model", "latency, 1 image", "1 JPEG file", "inference, batch 1",
                "inference, batch 32", "peak heap", "peak RSS")) {
            assertTrue(report.contains(label), label + " missing from\n" + report);
        }
        assertEquals(3, log.size());
    }

    @Test
    void mistakesGridShowsOnlyWrongPredictions() throws Exception {
        PreparedImages data = TinyModels.figures(temp.resolve("figures2"));
        CnnTrainingRun run = CnnTrainer.train(data, TinyModels.config(1), TrainingProgress.silent());
        try (var model = run.model()) {
            ImagePredictions test = model.predictPrepared(data.split(Split.TEST));
            int wrong = test.mistakes().size();
            assertEquals(Math.round((1 - test.evaluation().accuracy()) * test.size()), wrong);
            var grid = test.mistakesGrid(data, 100, 4);
            int rows = Math.max(1, (wrong + 3) / 4);
            assertEquals(wrong == 0 ? 30 : 6 + rows * (128 + 26 + 6), grid.getHeight());
        }
    }
}
