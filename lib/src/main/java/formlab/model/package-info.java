/** The classifier interface and its Smile, Tribuo and DJL implementations, with safe save and load. */
package formlab.model;
