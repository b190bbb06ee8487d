package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * Replacement for rapaio-jupyter-kernel 3.0.1's control channel, loaded before the upstream jar on
 * the kernel's classpath (same binary name, same public API).
 *
 * <p>Why: upstream keeps one "current request" for the whole kernel, which the shell channel uses
 * as the parent of a cell's outputs and reply. The control channel overwrote it with every control
 * request, also while a cell was running, so that cell's outputs and reply went out as answers to
 * the control request: the notebook dropped them and showed the cell as running forever. Jupyter
 * Notebook sends a {@code kernel_info} on the control channel every half second after a restart
 * until the shell answers, so <b>Kernel &gt; Restart &amp; Run All</b> hung a cell nearly every time.
 *
 * <p>Here a control request other than interrupt and shutdown is handled only between cells (it
 * takes {@link #SHELL_TURN}, which the shell channel holds while it handles a request); one that
 * arrives while a cell runs is skipped, as upstream's reply to it never reached its sender anyway
 * (it is sent on the shell socket). Interrupt and shutdown are handled at once, as before, and the
 * running cell's request is made current again afterwards.
 */
public final class ControlChannel extends AbstractChannel {

    /** Held by the shell channel while it handles one request, and by this channel for the requests it may defer. */
    static final ReentrantLock SHELL_TURN = new ReentrantLock();

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    /**
     * @param channels the kernel's channels (handlers, current request)
     * @param ctx      ZeroMQ context
     * @param hmacGenerator message signer
     */
    public ControlChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", ctx, SocketType.ROUTER, hmacGenerator);
        this.channels = channels;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String name = "Control-" + ID.getAndIncrement();
        String address = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(name, LOOP_SLEEP, () -> handleNext(poller));
        loopThread.start();
    }

    private void handleNext(ZMQ.Poller poller) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message = readMessage();
        MessageType<?> type = message.header().type();
        boolean atOnce = type == MessageType.CONTROL_INTERRUPT_REQUEST || type == MessageType.CONTROL_SHUTDOWN_REQUEST;
        if (!atOnce && !SHELL_TURN.tryLock()) {
            LOGGER.fine(logPrefix + "skipped " + type.name() + " while a cell runs");
            return;
        }
        MessageId<?> running = atOnce ? currentRequest() : null;
        try {
            handle(message, type);
        } finally {
            if (atOnce) {
                if (running != null && !channels.isMarkedForShutdown()) {
                    channels.setMsgId(running);
                }
            } else {
                SHELL_TURN.unlock();
            }
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(logPrefix + "shutting down connection marked for shutdown.");
            channels.close();
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void handle(Message message, MessageType<?> type) {
        MessageHandler handler = channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        try {
            channels.setMsgId(message.getId());
            handler.handle(message);
        } catch (Exception e) {
            LOGGER.severe(logPrefix + "Unhandled exception handling " + type.name() + ". "
                    + e.getClass().getSimpleName() + " - " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
    }

    /** The request the shell channel is answering (upstream keeps it in a private field), or null. */
    private MessageId<?> currentRequest() {
        try {
            Field field = Channels.class.getDeclaredField("msgId");
            field.setAccessible(true);
            return (MessageId<?>) field.get(channels);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
