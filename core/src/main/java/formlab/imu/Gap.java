package formlab.imu;

/**
 * A hole in a sensor series: consecutive samples further apart than 1.5 nominal periods, as
 * happens when the Bluetooth stream drops packets.
 *
 * @param afterIndex index of the last sample before the hole
 * @param seconds    time between that sample and the next
 */
public record Gap(int afterIndex, double seconds) {
}
