package dev.kairos.booking.command.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.CommandOutcome;
import dev.kairos.booking.common.ErrorCode;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Small helpers shared by the command handlers. */
public final class Aggregates {
    private Aggregates() {
    }

    /** Loads an aggregate, answering an unknown id with the given not-found code. */
    public static <T> Aggregate<T> load(Repository<T> repository, Object id, ErrorCode notFound) {
        try {
            return repository.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw new BookingException(notFound, notFound.code().replace('-', ' ') + ": " + id);
        }
    }

    public static CommandOutcome outcome(Aggregate<?> aggregate, long revision) {
        Long version = aggregate.version();
        return new CommandOutcome(aggregate.identifierAsString(), version == null ? 0 : version, revision);
    }
}
