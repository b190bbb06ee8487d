/**
 * Dataset descriptions: one small JSON file per dataset saying where its recordings are, their
 * format, time base, channels and units, and where the labels come from (path segments, a label
 * column or annotation files). {@link formlab.dataset.DatasetDescriptions} reads a description
 * strictly (an unknown key, unit or column is an error naming file, line and key), and
 * {@link formlab.dataset.DatasetCheck} finds the recordings on disk and summarises them.
 * The package sits just above the ground floor: the modality readers may use it, it uses only
 * {@code formlab.data}. docs/dataset-descriptions.md documents the schema.
 */
package formlab.dataset;
