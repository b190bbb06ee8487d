package formlab.deploy.config;

/**
 * GPIO pins (BCM numbering) of the feedback hardware.
 *
 * @param repLed         LED that blinks once per counted repetition
 * @param statusLed      LED that shows the tracker status (heartbeat, recording, sensor fault)
 * @param setEndOutput   buzzer or relay that sounds when a set ends
 * @param setEndActiveLow true when the buzzer/relay module switches on at a low level (common relay boards)
 * @param button         push button that starts and stops a set
 * @param buttonActiveLow true when a press pulls the pin low (button to ground, internal pull-up)
 * @param debounceMillis  contact bounce to ignore after each edge
 */
public record GpioConfig(int repLed, int statusLed, int setEndOutput, boolean setEndActiveLow, int button,
                         boolean buttonActiveLow, long debounceMillis) {
}
