/**
 * The {@code --name value} option parser shared by the command line and the Pi tracker, with the
 * usage error it raises. It depends on nothing else in the library.
 */
package formlab.options;
