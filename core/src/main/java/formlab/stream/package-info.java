/**
 * Live exercise recognition and repetition counting over a sample stream: a tracker that takes
 * timestamped accelerometer and gyroscope samples one at a time and reports a label, a confidence
 * and the running repetition count per window, and a replay source that plays a recording as a
 * live stream. No sensor hardware here: the Pi runtime feeds the same tracker from its drivers.
 */
package formlab.stream;
