package org.rapaio.jupyter.kernel.channels;

/**
 * Replacement for rapaio-jupyter-kernel 3.0.1's channel loop thread, loaded before the upstream
 * jar on the kernel's classpath (same binary name, same public API).
 *
 * <p>Why: upstream {@code start()} starts the thread first and only then sets the running flag.
 * When the new thread is scheduled before the flag is set, {@code run()} sees {@code false},
 * returns at once, and that channel never answers: the kernel hangs without a reply to
 * {@code kernel_info} (about one start in ten under load). Here the flag is set before the thread
 * starts, so the loop always runs until {@link #shutdown()} or an interrupt.
 */
public final class LoopThread extends Thread {

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
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
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
