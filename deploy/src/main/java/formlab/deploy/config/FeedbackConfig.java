package formlab.deploy.config;

/**
 * How long the outputs pulse.
 *
 * @param repPulseMillis    rep LED on-time per repetition (the same time off follows before the next pulse)
 * @param setEndPulseMillis buzzer/relay on-time when a set ends
 */
public record FeedbackConfig(long repPulseMillis, long setEndPulseMillis) {
}
