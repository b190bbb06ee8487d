/** FormLab: recognising exercises and body postures with machine learning. */
package formlab;
