package formlab.pose.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetDescriptions;
import formlab.dataset.LoadedDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Landmark CSVs in the PosePilot layout, whose class is a label column on every row: each file is one
 * sequence of the one class its column holds; a file holding two classes is refused for training.
 */
class DescribedPosesLabelColumnTest {

    private static final String DESCRIPTION = """
            {
              "name": "my-yoga",
              "modality": "pose",
              "recordings": {"include": ["*/*.csv"], "format": "landmark-csv",
                "landmarks": {"layout": "indexed", "count": 33, "values": ["x", "y", "z", "visibility"]}},
              "labels": {"path": "{pose}/{participant}.csv", "classColumn": "asana", "subject": "participant"}
            }
            """;

    @Test
    void eachFileIsASequenceOfTheClassItsLabelColumnHolds(@TempDir Path folder) throws IOException {
        file(folder, "tree/P1.csv", List.of("tree", "tree", "tree"));
        file(folder, "chair/P1.csv", List.of("chair", "chair"));
        file(folder, "tree/P2.csv", List.of("tree", "tree"));
        List<DescribedPose> poses = DescribedPoses.load(description(folder));
        assertEquals(List.of("chair", "tree", "tree"), poses.stream().map(DescribedPose::label).sorted().toList());
        DescribedPose first = poses.stream().filter(p -> p.file().equals("tree/P1.csv")).findFirst().orElseThrow();
        assertEquals(3, first.length());
        assertEquals("P1", first.subject());
    }

    @Test
    void aFileHoldingTwoClassesIsRefusedForTrainingNamingIt(@TempDir Path folder) throws IOException {
        file(folder, "tree/P1.csv", List.of("tree", "tree", "chair"));
        file(folder, "chair/P2.csv", List.of("chair", "chair"));
        LoadedDescription loaded = description(folder);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescribedPoses.load(loaded));
        assertTrue(e.getMessage().contains("tree/P1.csv") && e.getMessage().contains("2 classes")
                && e.getMessage().contains("classColumn"), e.getMessage());
        // scoring takes it, without a class
        assertEquals(2, DescribedPoses.loadUnlabelled(loaded).size());
    }

    private static LoadedDescription description(Path folder) throws IOException {
        Files.writeString(folder.resolve("formlab-dataset.json"), DESCRIPTION);
        return DatasetDescriptions.read(folder.resolve("formlab-dataset.json"));
    }

    /** A PosePilot-style file: header 0..131 then asana, one row per label of {@code labels}. */
    private static void file(Path folder, String relative, List<String> labels) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 132; i++) {
            header.append(i).append(',');
        }
        lines.add(header.append("asana").toString());
        for (int row = 0; row < labels.size(); row++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 132; i++) {
                line.append(String.format(Locale.ROOT, "%.3f,", 0.3 + 0.001 * i + 0.01 * row));
            }
            lines.add(line.append(labels.get(row)).toString());
        }
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }
}
