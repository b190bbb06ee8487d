/**
 * Helpers that notebooks use to show values and check the environment (top floor: nothing in the
 * library calls them). HTML rendering itself lives in {@code formlab.display}.
 */
package formlab.notebook;
