/**
 * Image datasets: folder-per-class reading with decoding by content, skipped-file reports,
 * seeded stratified split manifests, letterboxing, normalisation and
 * train-time augmentation. DJL datasets over the result and the networks live in {@code formlab.cnn}.
 */
package formlab.image;
