package dev.kairos.booking.catalog;

import dev.kairos.booking.common.Money;

/**
 * A service's cancellation and reschedule policy: the windows in which a customer may change an appointment, and
 * at what fee. Moving an appointment to another staff member is a reschedule. {@link #NONE} restricts nothing.
 */
public record ChangePolicy(ChangeWindow cancellation, ChangeWindow reschedule) {
    public static final ChangePolicy NONE = new ChangePolicy(ChangeWindow.OPEN, ChangeWindow.OPEN);

    public ChangePolicy {
        cancellation = cancellation == null ? ChangeWindow.OPEN : cancellation;
        reschedule = reschedule == null ? ChangeWindow.OPEN : reschedule;
    }

    void requireCurrencyOf(Money price) {
        cancellation.requireCurrency(price.currency(), "the cancellation");
        reschedule.requireCurrency(price.currency(), "the reschedule");
    }
}
