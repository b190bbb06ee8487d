/** Helpers that notebooks use to show tables, plots, images and progress, and to find project folders. */
package formlab.notebook;
