package formlab.server;

import formlab.registry.ModelCard;

/**
 * One loaded model kept between requests: the last version asked for. A request for another version
 * (or a version whose parameters changed) loads it and closes the one before. Loading and use run
 * under one lock, so a model is never closed while a request still uses it.
 *
 * @param <T> the loaded model
 */
final class ModelCache<T> {

    /** Loads one registered version. */
    @FunctionalInterface
    interface Loader<T> {
        T load(ModelCard card) throws Exception;
    }

    /** Uses the loaded model. */
    @FunctionalInterface
    interface Use<T, R> {
        R apply(T model) throws Exception;
    }

    private String key;
    private T model;

    /** Runs {@code use} on the model of {@code card}, loading it first unless it is the one held. */
    synchronized <R> R with(ModelCard card, Loader<T> loader, Use<T, R> use) throws Exception {
        String wanted = card.id() + " " + card.modelSha256();
        if (!wanted.equals(key)) {
            T loaded = loader.load(card);
            closeHeld();
            model = loaded;
            key = wanted;
        }
        return use.apply(model);
    }

    /** Closes the model held, if it holds resources. */
    synchronized void close() throws Exception {
        closeHeld();
        key = null;
        model = null;
    }

    private void closeHeld() throws Exception {
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
