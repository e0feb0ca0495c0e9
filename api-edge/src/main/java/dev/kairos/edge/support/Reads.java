package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Queries, optionally after waiting for a command's effect (see {@link ConsistencyTokens}). */
@Component
public class Reads {
    private final ConsistencyTokens tokens;

    public Reads(ConsistencyTokens tokens) {
        this.tokens = tokens;
    }

    public <T> ResponseEntity<T> one(String consistencyToken, Supplier<Optional<T>> query, ToLongFunction<T> revision,
                                     ErrorCode notFound, Object id) {
        String status = consistencyToken == null ? null : tokens.await(consistencyToken);
        T value = query.get().orElseThrow(() -> new BookingException(notFound, notFound.code().replace('-', ' ') + ": " + id));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(Revisions.etag(revision.applyAsLong(value)));
        if (status != null) {
            response.header(ConsistencyTokens.STATUS_HEADER, status);
        }
        return response.body(value);
    }

    public <T> ResponseEntity<T> any(String consistencyToken, Supplier<T> query) {
        String status = consistencyToken == null ? null : tokens.await(consistencyToken);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (status != null) {
            response.header(ConsistencyTokens.STATUS_HEADER, status);
        }
        return response.body(query.get());
    }
}
