/**
 * Model registry: versioned model folders with JSON cards ({@link formlab.registry.ModelRegistry},
 * {@link formlab.registry.ModelCard}), provenance (data hashes, library versions, git commit),
 * stages and gated promotion ({@link formlab.registry.PromotionPolicy}), and re-training from a
 * card ({@link formlab.registry.Reproduction}).
 */
package formlab.registry;
