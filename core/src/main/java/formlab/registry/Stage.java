package formlab.registry;

/** Lifecycle stage of a registered model version. */
public enum Stage {
    /** Registered, not serving. */
    CANDIDATE,
    /** The version that serves; at most one per model name. */
    PRODUCTION,
    /** Served before, replaced by a later production version. */
    ARCHIVED
}
