package formlab.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TorchRuntimeTest {

    @AfterEach
    void clear() {
        System.clearProperty(TorchRuntime.TRAINING_THREADS_PROPERTY);
    }

    @Test
    void trainingThreadsComeFromTheSettingElseOne() {
        if (System.getenv(TorchRuntime.TRAINING_THREADS_VARIABLE) == null) {
            assertEquals(1, TorchRuntime.trainingThreads());
        }
        System.setProperty(TorchRuntime.TRAINING_THREADS_PROPERTY, " 3 ");
        assertEquals(3, TorchRuntime.trainingThreads());
    }

    @Test
    void aTrainingThreadCountThatIsNotAPositiveWholeNumberIsRefusedByName() {
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            System.setProperty(TorchRuntime.TRAINING_THREADS_PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TorchRuntime::trainingThreads);
            assertTrue(e.getMessage().contains(TorchRuntime.TRAINING_THREADS_PROPERTY) && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }
}
