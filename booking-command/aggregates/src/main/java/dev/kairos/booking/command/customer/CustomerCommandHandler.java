package dev.kairos.booking.command.customer;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.CustomerId;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.booking.customer.EraseCustomer;
import dev.kairos.booking.customer.SetCustomerPreferences;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

import static dev.kairos.booking.command.support.Aggregates.outcome;

/**
 * Decides commands about customers. A customer aggregate is created by the first command that changes something;
 * two first commands racing both create it, the second collides on the event store's (aggregate, sequence) index
 * and is decided again on the first one's state.
 */
@Component
public class CustomerCommandHandler {
    private final Repository<Customer> customers;
    private final Clock clock;

    public CustomerCommandHandler(Repository<Customer> customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @CommandHandler
    public CommandOutcome handle(SetCustomerPreferences command) throws Exception {
        BookingException.require(command.timeZone() != null || command.language() != null || command.channel() != null,
                ErrorCode.VALIDATION_FAILED, "name at least one preference: timeZone, language or channel");
        Optional<Aggregate<Customer>> known = existing(command.customerId());
        Aggregate<Customer> customer;
        if (known.isPresent()) {
            customer = known.get();
            customer.execute(c -> c.setPreferences(command, clock.instant()));
        } else {
            customer = customers.newInstance(() -> Customer.preferring(command, clock.instant()));
        }
        return outcome(customer, customer.invoke(Customer::revision));
    }

    @CommandHandler
    public CommandOutcome handle(EraseCustomer command) throws Exception {
        Optional<Aggregate<Customer>> known = existing(command.customerId());
        Aggregate<Customer> customer;
        if (known.isPresent()) {
            customer = known.get();
            customer.execute(c -> c.erase(command, clock.instant()));
        } else {
            customer = customers.newInstance(() -> Customer.erasing(command, clock.instant()));
        }
        return outcome(customer, customer.invoke(Customer::revision));
    }

    private Optional<Aggregate<Customer>> existing(CustomerId customerId) {
        try {
            return Optional.of(customers.load(customerId.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
