package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Map;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.MessageType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aFailingIterationDoesNotEndTheChannel() throws Exception {
        // Upstream fills its handler map after the channel threads start: the first message can fail.
        AtomicInteger iterations = new AtomicInteger();
        CountDownLatch ranOnAfterFailure = new CountDownLatch(3);
        LoopThread loop = new LoopThread("shell-test", 0, () -> {
            if (iterations.incrementAndGet() == 1) {
                throw new NullPointerException("handlers is null");
            }
            ranOnAfterFailure.countDown();
        });
        loop.start();
        assertTrue(ranOnAfterFailure.await(5, TimeUnit.SECONDS), "the loop ended with its first failing iteration");
        loop.shutdown();
        loop.join(5000);
        assertTrue(!loop.isAlive(), "the loop did not stop after shutdown");
    }

    @Test
    void aChannelLoopWaitsUntilItsHandlersAreRegistered() throws Exception {
        // The real upstream objects: Channels creates its channels (not bound); connect() would fill the handlers.
        Channels channels = new Channels(new ConnectionProperties(0, 0, "tcp", "hmac-sha256", 0, 0, "127.0.0.1", 0, "test-key"));
        AbstractChannel shell = shellOf(channels);
        CountDownLatch iterations = new CountDownLatch(1);
        Runnable body = () -> {
            shell.getName(); // captures the channel, as upstream's loop bodies do
            iterations.countDown();
        };
        assertSame(channels, LoopThread.servedChannels(body));

        LoopThread loop = new LoopThread("Shell-test", 0, body);
        loop.start();
        assertFalse(iterations.await(300, TimeUnit.MILLISECONDS), "the loop ran before any handler was registered");
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, Map.of(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler<Object>) message -> { }));
        assertTrue(iterations.await(5, TimeUnit.SECONDS), "the loop did not start once the handlers were registered");
        loop.shutdown();
        loop.join(5000);
        assertFalse(loop.isAlive(), "the loop did not stop after shutdown");
    }

    private static AbstractChannel shellOf(Channels channels) throws ReflectiveOperationException {
        Field shell = Channels.class.getDeclaredField("shell");
        shell.setAccessible(true);
        return (AbstractChannel) shell.get(channels);
    }
}
