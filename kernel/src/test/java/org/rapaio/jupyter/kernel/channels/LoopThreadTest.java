package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopThreadTest {

    @Test
    void everyStartedLoopRunsItsBodyUntilShutdown() throws Exception {
        // The upstream race loses roughly one start in ten under load; 300 starts would all but surely hit it.
        for (int i = 0; i < 300; i++) {
            CountDownLatch ran = new CountDownLatch(3);
            LoopThread loop = new LoopThread("test-" + i, 0, ran::countDown);
            loop.start();
            assertTrue(ran.await(5, TimeUnit.SECONDS), "loop " + i + " stopped before running its body three times");
            loop.shutdown();
            loop.join(5000);
            assertTrue(!loop.isAlive(), "loop " + i + " did not stop after shutdown");
        }
    }
}
