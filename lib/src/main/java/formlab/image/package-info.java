/**
 * Image datasets: folder-per-class reading with decoding by content, skipped-file reports,
 * seeded stratified split manifests, letterboxing, normalisation, train-time augmentation and
 * DJL datasets over the result. The networks themselves live in {@code formlab.model.cnn}.
 */
package formlab.image;
