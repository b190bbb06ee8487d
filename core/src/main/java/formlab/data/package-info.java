/** Dataset roots and settings, project folders, and which data a run used. */
package formlab.data;
