package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Field;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * Replacement for rapaio-jupyter-kernel 3.0.1's channel loop thread, loaded before the upstream
 * jar on the kernel's classpath (same binary name, same public API). It fixes two start-up races
 * of the upstream kernel; both made the kernel look alive while it never ran a cell.
 *
 * <p>First: upstream {@code start()} starts the thread first and only then sets the running flag.
 * When the new thread is scheduled before the flag is set, {@code run()} sees {@code false},
 * returns at once, and that channel never answers: the kernel hangs without a reply to
 * {@code kernel_info} (about one start in ten under load). Here the flag is set before the thread
 * starts, so the loop always runs until {@link #shutdown()} or an interrupt.
 *
 * <p>Second: upstream {@code Channels.connect} starts the channel threads before it fills its map
 * of message handlers. A request that reached the shell channel in between (Jupyter Notebook sends
 * {@code kernel_info} the moment a kernel starts or restarts; likelier on a busy machine) threw a
 * NullPointerException that ended the shell thread, or was dropped. Here a channel's loop first
 * waits until the handlers are registered, and an exception in one iteration is reported on
 * standard error without ending the channel.
 *
 * <p>The shell channel's loop handles each request holding {@link ControlChannel#SHELL_TURN}, so
 * that the control channel can tell when a cell runs (see {@link ControlChannel}).
 */
public final class LoopThread extends Thread {

    /** The handler {@code Channels.connect} registers last in 3.0.1. */
    private static final MessageType<?> LAST_REGISTERED = MessageType.SHELL_COMM_INFO_REQUEST;

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * @param name     thread name
     * @param sleep    pause between loop iterations, in milliseconds
     * @param loopBody one iteration of the channel's work
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        awaitHandlers();
        boolean shell = servedChannel(loopBody) instanceof ShellChannel;
        while (running) {
            if (shell) {
                ControlChannel.SHELL_TURN.lock();
            }
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                System.err.println(getName() + ": one message could not be handled, the channel goes on: " + e);
            } finally {
                if (shell) {
                    ControlChannel.SHELL_TURN.unlock();
                }
            }
            pause(sleep);
        }
    }

    /** Waits while the channel this loop serves has no message handlers yet. */
    private void awaitHandlers() {
        Channels channels = servedChannels(loopBody);
        while (running && channels != null) {
            try {
                if (channels.getHandler(LAST_REGISTERED) != null) {
                    return;
                }
            } catch (NullPointerException handlersNotCreatedYet) {
                // Channels.connect has not reached its handler map yet.
            }
            pause(5);
        }
    }

    /**
     * The {@link Channels} whose handlers a channel's loop body dispatches to: upstream bodies are
     * lambdas that capture their channel. Null for a body that captures none (nothing to wait for).
     */
    static Channels servedChannels(Runnable body) {
        AbstractChannel channel = servedChannel(body);
        return channel == null ? null : channel.channels;
    }

    /** The channel a loop body captures (upstream's bodies are lambdas of their channel), or null. */
    static AbstractChannel servedChannel(Runnable body) {
        for (Field field : body.getClass().getDeclaredFields()) {
            if (AbstractChannel.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    return (AbstractChannel) field.get(body);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    /** Asks the loop to stop after its current iteration. */
    public void shutdown() {
        running = false;
    }

    /** True until {@link #shutdown()} or an interrupt stops the loop. */
    public boolean isRunning() {
        return running;
    }
}
