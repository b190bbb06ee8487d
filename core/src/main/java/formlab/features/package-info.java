/**
 * Feature extraction: one entry point per modality that turns windows into a Tablesaw table of
 * named numeric features with metadata columns, and the identical single-window path that
 * streaming and the Pi use.
 */
package formlab.features;
