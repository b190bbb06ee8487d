/**
 * HTML display of library values (tables, figures, images, progress) with escaping: the one piece
 * of presentation that data, registry and evaluation values carry ({@link formlab.display.HtmlRenderable}).
 * It depends on nothing else in the library; notebook and command-line helpers build on it.
 */
package formlab.display;
