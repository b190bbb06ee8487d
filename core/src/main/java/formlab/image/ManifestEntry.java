package formlab.image;

/**
 * One image of a split manifest.
 *
 * @param path   path relative to the dataset root, {@code /} separators
 * @param label  the class
 * @param split  train, validation or test
 * @param sha256 SHA-256 of the file's bytes when the manifest was made
 * @param group  near-duplicate group ({@link NearDuplicateGroups}); a group never straddles two splits
 */
public record ManifestEntry(String path, String label, Split split, String sha256, String group) {
}
